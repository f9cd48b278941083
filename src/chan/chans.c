/* td_chans. See chans.h. */
#include "chan/chans.h"

#include <stdlib.h>
#include <string.h>

td_chans *
td_chans_new(uint32_t nchans, uint32_t nsamples, td_err *err)
{
    if (nchans != 0 && (uint64_t)nchans * nsamples > SIZE_MAX / sizeof(float)) {
        td_err_set(err, TD_ERR_VALUE, "%u channels of %u samples are too many", nchans, nsamples);
        return NULL;
    }
    td_chans *c = calloc(1, sizeof(*c));
    if (c != NULL) {
        c->names = calloc(nchans ? nchans : 1, TD_CHAN_NAME);
        size_t n = (size_t)nchans * nsamples;
        c->data = calloc(n > 0 ? n : 1, sizeof(float));
    }
    if (c == NULL || c->names == NULL || c->data == NULL) {
        if (c != NULL) {
            free(c->names);
            free(c->data);
            free(c);
        }
        td_err_nomem(err, "channels");
        return NULL;
    }
    c->nchans = nchans;
    c->nsamples = nsamples;
    c->rate = 60.0;
    atomic_init(&c->refs, 1);
    return c;
}

int
td_chans_set_name(td_chans *c, uint32_t chan, const char *name, td_err *err)
{
    size_t len = name != NULL ? strnlen(name, TD_CHAN_NAME) : 0;
    if (chan >= c->nchans) {
        return td_err_set(err, TD_ERR_VALUE, "no channel %u (there are %u)", chan, c->nchans);
    }
    if (len == 0 || len >= TD_CHAN_NAME) {
        return td_err_set(err, TD_ERR_VALUE, "a channel name must have 1 to %d bytes", TD_CHAN_NAME - 1);
    }
    memcpy(c->names[chan], name, len + 1);
    return 0;
}

int
td_chans_find(const td_chans *c, const char *name)
{
    for (uint32_t i = 0; i < c->nchans; i++) {
        if (strcmp(c->names[i], name) == 0) {
            return (int)i;
        }
    }
    return -1;
}

void
td_chans_incref(td_chans *c)
{
    atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed);
}

void
td_chans_decref(td_chans *c)
{
    if (c == NULL || atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) != 1) {
        return;
    }
    free(c->names);
    free(c->data);
    free(c);
}
