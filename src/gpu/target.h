/* td_gl_target: the render target of one TOP (colour texture, depth buffer, framebuffer) and the
 * pixel-pack buffer it is read back through. Created empty on any thread; its GL objects are made,
 * resized and used on the GL thread only; td_gl_target_release hands them to the GL thread to
 * delete. Plain C, no Python. */
#ifndef TD_GPU_TARGET_H
#define TD_GPU_TARGET_H

#include <stddef.h>

#include "util/err.h"

typedef struct td_gl_target {
    int width, height;
    unsigned int fbo, color, depth, pbo;
    size_t pbo_bytes;
    int has_image;      /* something was rendered since the last (re)allocation */
} td_gl_target;

td_gl_target *td_gl_target_new(void);
/* Deletes the target's GL objects on the GL thread (or at once if it has none) and frees it. */
void td_gl_target_release(td_gl_target *t);
/* GL thread: makes sure the target has a w x h colour + depth attachment. */
int td_gl_target_ensure(td_gl_target *t, int w, int h, td_err *err);
/* Bytes of GPU memory the target's objects hold. */
size_t td_gl_target_gpu_bytes(const td_gl_target *t);
/* GL thread: copies the colour attachment into dst, bottom row first: w*h*4 bytes (RGBA8) when
 * as_float is 0, w*h*4 floats in [0,1] when 1. Goes through the pixel-pack buffer and a fence. */
int td_gl_target_read(td_gl_target *t, void *dst, int as_float, td_err *err);

#endif
