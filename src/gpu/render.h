/* Drawing a td_scene into a td_gl_target (through its pass, with programs from the cache), and the job that cooks and reads back a TOP in one trip
 * to the GL thread. Plain C, no Python. */
#ifndef TD_GPU_RENDER_H
#define TD_GPU_RENDER_H

#include <stdint.h>

#include "gpu/program.h"
#include "gpu/runtime.h"
#include "gpu/scene.h"
#include "gpu/target.h"

typedef enum {
    TD_READ_NONE = 0,
    TD_READ_FLOAT,   /* td_gl_target_read_float into dst */
    TD_READ_FILE,    /* td_gl_target_read_file into dst */
    TD_READ_TEXEL,   /* td_gl_target_read_texel at (x, y) into texel */
    TD_READ_DELAYED, /* td_gl_target_finish_delayed into dst (sized for the read started before) */
} td_read_kind;

typedef struct td_gl_cook {
    td_gl_target *target;
    td_scene *scene;   /* the scene the read must show: rendered first unless the target already holds
                        * it (another thread's job may have rendered a newer one meanwhile); the
                        * caller keeps it alive during the job. NULL: no render, no read but delayed */
    td_read_kind read;
    void *dst;
    int x, y;          /* TD_READ_TEXEL; TD_READ_DELAYED: the width and height dst has */
    const td_pixel_format *dst_format; /* TD_READ_DELAYED: the format dst was shaped for */
    float texel[4];    /* out: TD_READ_TEXEL, format->channels values */
    const td_pixel_format *format; /* out: the format of the image read (a static table entry; the
                                    * target's own may change or be freed once the job returns) */
    int rendered;      /* out: the job rendered scene */
    int delayed_filled;                    /* out: TD_READ_DELAYED wrote dst */
    double gpu_ms;     /* out: GPU time of the render (timestamp queries), 0 if nothing rendered */
    size_t gpu_bytes;  /* out: GPU memory the target holds after the job */
    uint64_t failed_material; /* out: on failure, the owner id of the material whose program did not
                               * compile or link (td_scene_material.owner), 0 if none */
} td_gl_cook;

/* Job for td_gl_run: arg is a td_gl_cook. */
int td_gl_cook_job(td_gl_runtime *rt, void *arg, td_err *err);

/* Queues, without waiting, a render of scene into t (unless t holds it already; the job takes over
 * one reference) followed by the start of a delayed read. A failure is kept in the target and reported
 * by the next td_gl_target_finish_delayed. Returns -1 (nothing queued, the reference released) only
 * if the job could not be allocated. */
int td_gl_post_delayed(td_gl_runtime *rt, td_gl_target *t, td_scene *scene);

#endif
