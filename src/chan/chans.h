/* td_chans: named float channels of equal length, the plain-C data of a CHOP (and what instancing
 * reads from any operator: a CHOP's channels, a SOP's point attributes, a DAT's columns, a TOP's
 * pixels). Channel c's samples are data[c * nsamples .. (c + 1) * nsamples).
 *
 * Reference counted (atomically): a CHOP holds one reference to its last cook, every reader holds
 * its own. Filled by its builder before it is shared and never changed after. Plain C: no Python,
 * no GL. */
#ifndef TD_CHAN_CHANS_H
#define TD_CHAN_CHANS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define TD_CHAN_NAME 64 /* bytes of a channel name, the terminating NUL included */

typedef struct td_chans {
    atomic_int refs;
    uint32_t nchans, nsamples;
    double rate;  /* samples a second (TouchDesigner's default 60) */
    double start; /* the index of the first sample (CHOP.start) */
    char (*names)[TD_CHAN_NAME]; /* nchans names */
    float *data;                 /* nchans * nsamples samples */
} td_chans;

/* nchans zeroed channels of nsamples each, names empty, rate 60, start 0, one reference; NULL
 * (err filled) if out of memory or the size overflows. */
td_chans *td_chans_new(uint32_t nchans, uint32_t nsamples, td_err *err);
/* Names channel c (cut to TD_CHAN_NAME - 1 bytes: -1 with err filled if it does not fit or is
 * empty). */
int td_chans_set_name(td_chans *c, uint32_t chan, const char *name, td_err *err);
/* The index of the channel called name, or -1. */
int td_chans_find(const td_chans *c, const char *name);
/* Channel chan's samples. */
static inline float *
td_chans_samples(const td_chans *c, uint32_t chan)
{
    return c->data + (size_t)chan * c->nsamples;
}
void td_chans_incref(td_chans *c);
/* Drops one reference; the last frees. NULL is ignored. */
void td_chans_decref(td_chans *c);

#endif
