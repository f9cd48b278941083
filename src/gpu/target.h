/* td_gl_target: the output of one TOP, composed of the GPU pieces: the TOP's image (a single-sampled
 * colour texture in the TOP's pixel format, which every read sees), a depth texture, and when
 * antialiased, multisampled colour and depth attachments that a pass resolves into the image; the
 * pass (gpu/pass.h), the readback (gpu/readback.h) and a timer (gpu/timer.h). Created empty on any
 * thread; its GL objects are made, resized and used on the GL thread only; td_gl_target_release
 * hands them to the GL thread to delete. Plain C, no Python. */
#ifndef TD_GPU_TARGET_H
#define TD_GPU_TARGET_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "gpu/format.h"
#include "gpu/pass.h"
#include "gpu/readback.h"
#include "gpu/texture.h"
#include "gpu/timer.h"
#include "util/err.h"

struct td_scene;

typedef struct td_gl_target {
    atomic_int refs;               /* the TOP's, and one per scene that reads it as an input */
    int width, height, samples;
    int depth_float;               /* depth is 32-bit float, else 24-bit fixed */
    const td_pixel_format *format;
    td_gl_texture color;           /* the image: single-sampled, what reads, saves and sample() see */
    td_gl_texture depth;           /* single-sampled depth (sampleable); with samples > 1 the
                                    * multisampled depth is resolved into it on demand */
    unsigned int depth_fbo;        /* samples > 1: the framebuffer depth is resolved into */
    int depth_resolved;            /* samples > 1: depth holds the last render's */
    td_gl_texture msaa_color;      /* samples > 1: rendered into, resolved into color */
    td_gl_texture msaa_depth;
    int ncolor;                    /* colour buffers (numcolorbufs): color, then extra[0 .. ncolor - 2] */
    td_gl_texture extra[TD_GL_MAX_EXTRA], msaa_extra[TD_GL_MAX_EXTRA];
    td_gl_pass pass;
    td_gl_readback read;
    td_gl_timer timer;             /* GPU time of the last render into this target */
    int delayed_failed;            /* the last posted delayed render/read failed: delayed_err says why */
    td_err delayed_err;
    uint64_t failed_material;      /* owner id of the material whose program failed in the last render, or 0 */
    struct td_scene *shown;        /* the scene the image holds (one reference), or NULL */
    unsigned gen;                  /* td_gl_generation() its GL names belong to */
    atomic_uint_fast64_t generation; /* bumped by every render into the target (GL thread): a
                                      * reader of the image re-cooks when it moves */
} td_gl_target;

/* A target with one reference. */
td_gl_target *td_gl_target_new(void);
void td_gl_target_incref(td_gl_target *t);
/* GL thread, before any use in a job: a target whose GL names belong to an ancestor process's
 * context (made before a fork) forgets them, without deleting, and holds no image. */
void td_gl_target_adopt(td_gl_target *t);
/* Drops a reference (NULL is fine); the last deletes the target's GL objects on the GL thread (or at
 * once if it has none) and frees it. */
void td_gl_target_release(td_gl_target *t);
/* GL thread: makes sure the target has a w x h image of format f (and ncolor - 1 more colour buffers
 * like it), rendered with `samples` samples a pixel (1: no multisampling) over a depth buffer
 * (32-bit float if depth_float), and its pass. */
int td_gl_target_ensure(td_gl_target *t, int w, int h, const td_pixel_format *f, int samples, int depth_float,
                        int ncolor, td_err *err);
/* The single-sampled colour buffer i (0: the image), or NULL if the target has no such buffer. */
const td_gl_texture *td_gl_target_color(const td_gl_target *t, int i);
/* GL thread: the single-sampled depth of the last render (resolving a multisampled one first), or
 * NULL with err set if the target holds no image. */
const td_gl_texture *td_gl_target_depth(td_gl_target *t, td_err *err);
/* GL thread: dst's image := src's colour buffer i (single-sampled, resolved); dst must have src's
 * size and format. */
int td_gl_target_copy_buffer(td_gl_target *dst, td_gl_target *src, int i, td_err *err);
/* GL thread: dst := src's colour buffers and depth (the attachments a render draws into); dst must
 * have src's size, format, samples, depth format and buffers (td_gl_target_ensure). */
int td_gl_target_copy(td_gl_target *dst, td_gl_target *src, td_err *err);
/* Bytes of GPU memory the target's objects hold (textures and readback buffers). */
size_t td_gl_target_gpu_bytes(const td_gl_target *t);
/* Forgets the image shown (before a render that may fail). */
void td_gl_target_forget(td_gl_target *t);

/* GL thread reads of the image (see gpu/readback.h); they fail if no render has succeeded. */
int td_gl_target_read_float(td_gl_target *t, float *dst, td_err *err);
int td_gl_target_read_file(td_gl_target *t, void *dst, td_err *err);
int td_gl_target_read_texel(td_gl_target *t, int x, int y, float *dst, td_err *err);
int td_gl_target_start_delayed(td_gl_target *t, td_err *err);
/* Also reports (once) a failure of the last posted delayed render or start, returning -1. */
int td_gl_target_finish_delayed(td_gl_target *t, float *dst, int w, int h, const td_pixel_format *f,
                                td_err *err);

#endif
