/* Sampler objects for TOP images sampled by materials and projector lights, one per way of
 * sampling, made once on the GL thread and shared. Plain C, no Python. */
#ifndef TD_GPU_SAMPLER_H
#define TD_GPU_SAMPLER_H

#include "util/err.h"

/* A way of sampling in one byte: the extend of u and of v in TouchDesigner's extend menu order
 * (0 hold, 1 zero, 2 repeat, 3 mirror) and linear (else nearest) filtering. */
#define TD_SAMPLING(extend_u, extend_v, linear) \
    (((unsigned)(extend_u) & 3u) | (((unsigned)(extend_v) & 3u) << 2) | ((linear) ? 16u : 0u))
#define TD_SAMPLINGS 32

typedef struct td_gl_samplers {
    unsigned int id[TD_SAMPLINGS];
} td_gl_samplers;

/* GL thread: the sampler of a TD_SAMPLING value, made on first use; 0 with err set if it cannot be. */
unsigned int td_gl_sampler(td_gl_samplers *c, unsigned sampling, td_err *err);

#endif
