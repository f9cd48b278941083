/* td_gl_target: the render target of one TOP (colour texture in the TOP's pixel format, depth
 * buffer, framebuffer) and the pixel-pack buffers it is read back through: two small band buffers
 * for synchronous reads (the image is read in bands of at most TD_BAND_BYTES, one band copied by GL
 * while the previous one is converted, so a read needs little memory beyond its destination), and a
 * ring of two full-size buffers for delayed reads. Created empty on any thread; its GL objects are made,
 * resized and used on the GL thread only; td_gl_target_release hands them to the GL thread to
 * delete. Plain C, no Python. */
#ifndef TD_GPU_TARGET_H
#define TD_GPU_TARGET_H

#include <stddef.h>

#include "gpu/format.h"

struct td_scene;
#include "util/err.h"

#define TD_READ_RING 2
#define TD_BAND_BYTES ((size_t)4 << 20)

typedef struct td_gl_readback {
    unsigned int pbo;
    size_t bytes;                  /* capacity */
    size_t used;                   /* bytes of the read in it */
    void *fence;                   /* GLsync of the read in flight, NULL when none */
    int width, height;
    const td_pixel_format *format;
} td_gl_readback;

typedef struct td_gl_target {
    int width, height;
    const td_pixel_format *format;
    unsigned int fbo, color, depth;
    td_gl_readback band[2];        /* synchronous reads, alternating */
    td_gl_readback ring[TD_READ_RING];
    int ring_last;                 /* slot of the newest delayed read, -1 if none */
    int delayed_failed;            /* the last posted delayed render/read failed: delayed_err says why */
    td_err delayed_err;
    double last_gpu_ms;            /* GPU time of the last render into this target */
    unsigned int queries[2];       /* GL_TIMESTAMP before and after the last render */
    int query_pending;             /* their results are not fetched yet */
    struct td_scene *shown;        /* the scene the colour attachment holds (one reference), or NULL */
} td_gl_target;

td_gl_target *td_gl_target_new(void);
/* Deletes the target's GL objects on the GL thread (or at once if it has none) and frees it. */
void td_gl_target_release(td_gl_target *t);
/* GL thread: makes sure the target has a w x h colour attachment of format f and a depth buffer. */
int td_gl_target_ensure(td_gl_target *t, int w, int h, const td_pixel_format *f, td_err *err);
/* GL thread: fetches the last render's GPU time into last_gpu_ms if not done yet (waits for it). */
void td_gl_target_resolve_time(td_gl_target *t);
/* Bytes of GPU memory the target's objects hold (texture, depth buffer, readback buffers). */
size_t td_gl_target_gpu_bytes(const td_gl_target *t);

/* GL thread reads, all bottom row first:
 * - float: width*height*format->channels float32 (numpyArray);
 * - file: width*height*format->file_channels samples of format->file_sample (encoders);
 * - texel: the texel at (x, y) as format->channels float32 (sample). */
int td_gl_target_read_float(td_gl_target *t, float *dst, td_err *err);
int td_gl_target_read_file(td_gl_target *t, void *dst, td_err *err);
int td_gl_target_read_texel(td_gl_target *t, int x, int y, float *dst, td_err *err);

/* GL thread, delayed reads. start: begins reading the current image into the next ring buffer
 * (with a fence; returns at once). finish: waits for the newest started read (normally long done)
 * and converts it into dst, which the caller shaped w x h x f->channels from what it started;
 * returns 1 if dst was filled, 0 if no read was started (or a read of another shape is newest,
 * which concurrent callers can cause: dst is then left alone), -1 on error (including a failure of the
 * last posted start, reported once). */
int td_gl_target_start_delayed(td_gl_target *t, td_err *err);
int td_gl_target_finish_delayed(td_gl_target *t, float *dst, int w, int h, const td_pixel_format *f,
                                td_err *err);

#endif
