/* td_pixels. See pixels.h. */
#include "image/pixels.h"

#include <stdint.h>
#include <stdlib.h>

td_pixels *
td_pixels_new(int w, int h, int channels, td_sample_type t, td_pixels_layout layout)
{
    if (w < 1 || h < 1 || channels < 1 || channels > 4) {
        return NULL;
    }
    size_t texel = (size_t)channels * td_sample_size(t);
    if ((size_t)w > SIZE_MAX / texel || (size_t)h > (SIZE_MAX - sizeof(td_pixels)) / ((size_t)w * texel)) {
        return NULL;
    }
    size_t bytes = (size_t)w * (size_t)h * texel;
    td_pixels *p = malloc(sizeof(td_pixels) + bytes);
    if (p == NULL) {
        return NULL;
    }
    atomic_init(&p->refs, 1);
    p->width = w;
    p->height = h;
    p->channels = channels;
    p->type = t;
    p->layout = layout;
    p->bytes = bytes;
    return p;
}

void
td_pixels_incref(td_pixels *p)
{
    atomic_fetch_add_explicit(&p->refs, 1, memory_order_relaxed);
}

void
td_pixels_decref(td_pixels *p)
{
    if (p != NULL && atomic_fetch_sub_explicit(&p->refs, 1, memory_order_acq_rel) == 1) {
        free(p);
    }
}
