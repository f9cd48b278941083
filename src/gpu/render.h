/* Drawing a td_scene into a td_gl_target, and the job that cooks and reads back a TOP in one trip
 * to the GL thread. Plain C, no Python. */
#ifndef TD_GPU_RENDER_H
#define TD_GPU_RENDER_H

#include "gpu/runtime.h"
#include "gpu/scene.h"
#include "gpu/target.h"

typedef enum {
    TD_READ_NONE = 0,
    TD_READ_FLOAT32, /* width*height*4 floats, bottom row first */
    TD_READ_RAW,     /* width*height*4 bytes as stored (RGBA8), bottom row first */
} td_read_kind;

typedef struct td_gl_cook {
    td_gl_target *target;
    td_scene *scene;   /* rendered first when not NULL (the job takes no reference) */
    void *dst;         /* readback destination when read != TD_READ_NONE */
    td_read_kind read;
    double gpu_ms;     /* out: GPU time of the render (timer query), 0 if nothing rendered */
    size_t gpu_bytes;  /* out: GPU memory the target holds after the job */
} td_gl_cook;

/* Job for td_gl_run: arg is a td_gl_cook. */
int td_gl_cook_job(td_gl_runtime *rt, void *arg, td_err *err);

#endif
