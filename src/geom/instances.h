/* td_instances: what one instanced draw repeats its mesh with (geometryCOMP's Instance pages,
 * evaluated): per instance a transform and optionally a colour and a texture coordinate. Made on
 * the CPU by the gather of a render (from a CHOP, SOP, DAT or TOP), held by the scene's draw,
 * never changed after it is shared.
 *
 * Reference counted (atomically) like td_mesh; the GL copy is opaque here (gpu sets gpu and
 * gpu_release on upload; the last decref calls gpu_release). Plain C: no Python, no GL. */
#ifndef TD_GEOM_INSTANCES_H
#define TD_GEOM_INSTANCES_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

struct td_instances_gpu; /* defined by the GL layer */

typedef struct td_instances {
    atomic_int refs;
    uint32_t count;
    float *xform;    /* count * 16: column-major instance-to-object matrices (applied before the
                      * geometryCOMP's world transform) */
    float *color;    /* count * 4 rgba, or NULL: no instance colour */
    float *texcoord; /* count * 3 uvw, or NULL: no instance texture coordinate */
    int color_mode;  /* instancecolormode: 0 replace, 1 multiply, 2 add, 3 subtract */
    int tex_mode;    /* instancetexmode: 0 replace, 1 transform */
    unsigned color_mask, tex_mask; /* bit k: component k was named (replace mode keeps the others) */
    struct td_instances_gpu *gpu;
    void (*gpu_release)(struct td_instances_gpu *gpu);
} td_instances;

/* count instances, transforms identity, with colour and texture-coordinate arrays if asked
 * (zeroed), one reference; NULL (err filled) if out of memory. */
td_instances *td_instances_new(uint32_t count, int with_color, int with_texcoord, td_err *err);
void td_instances_incref(td_instances *in);
/* Drops one reference; the last frees (and releases the GL copy). NULL is ignored. */
void td_instances_decref(td_instances *in);
/* Bytes of CPU memory held. */
size_t td_instances_cpu_bytes(const td_instances *in);

#endif
