/* td_geom_noise: a copy of a mesh with one attribute displaced by fractal noise (util/noise.h),
 * what noiseSOP builds. Plain C. */
#ifndef TD_GEOM_NOISE_H
#define TD_GEOM_NOISE_H

#include "geom/mesh.h"
#include "util/noise.h"

typedef enum {
    TD_GEOM_NOISE_POS = 0, /* P moves along N by the noise (N computed first when missing) */
    TD_GEOM_NOISE_N,       /* each component of N, then renormalised */
    TD_GEOM_NOISE_CD,      /* each of r, g, b (Cd made white when missing) */
    TD_GEOM_NOISE_ALPHA,   /* Cd's alpha */
    TD_GEOM_NOISE_UV,      /* u and v */
    TD_GEOM_NOISE_W,       /* uv's w */
} td_geom_noise_attr;

typedef struct td_geom_noise_desc {
    td_noise_desc noise;   /* component k of the attribute uses seed noise.seed + k * 0x9e3779b9 */
    td_geom_noise_attr attr;
    double amp, offset;    /* value = offset + amp * td_noise_fractal(p) */
    double xform[16];      /* point -> noise space (column-major, column vectors), then / period */
    double period;         /* not 0 */
} td_geom_noise_desc;

/* 0 with *out a new mesh: in's points, primitives and attributes, the chosen attribute changed by
 * the noise at each point's noise-space position p = xform * P / period. Moving P recomputes N as
 * the angle-unweighted sum of the unit normals of each point's triangles (a point in none keeps
 * its normal), and the bounds. -1 with err filled. */
int td_geom_noise(const td_mesh *in, const td_geom_noise_desc *desc, td_mesh **out, td_err *err);

#endif
