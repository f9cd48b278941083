/* td_gl_readback: reading a colour texture back to memory. Two small band buffers serve
 * synchronous reads (the image is read in bands of at most TD_BAND_BYTES, one band copied by GL
 * while the previous one is converted, so a read needs little memory beyond its destination), a
 * ring of two full-size buffers serves delayed reads (started now, finished a frame later), and a
 * texel read takes one texel straight from the texture. Reads work on any single-sampled colour
 * td_gl_texture: the readback attaches it to a read framebuffer of its own. GL thread only (the
 * struct may be zeroed anywhere). Plain C, no Python. */
#ifndef TD_GPU_READBACK_H
#define TD_GPU_READBACK_H

#include <stddef.h>

#include "gpu/format.h"
#include "gpu/texture.h"
#include "util/err.h"

#define TD_READ_RING 2
#define TD_BAND_BYTES ((size_t)4 << 20)

/* One pixel-pack buffer and the read in it. */
typedef struct td_gl_pbo {
    unsigned int pbo;
    size_t bytes;                  /* capacity */
    size_t used;                   /* bytes of the read in it */
    void *fence;                   /* GLsync of the read in flight, NULL when none */
    int width, height;
    const td_pixel_format *format;
} td_gl_pbo;

typedef struct td_gl_readback {
    unsigned int fbo;              /* read framebuffer */
    unsigned int attached;         /* texture attached to it */
    td_gl_pbo band[2];             /* synchronous reads, alternating */
    td_gl_pbo ring[TD_READ_RING];
    int ring_last;                 /* slot of the newest delayed read, -1 if none */
} td_gl_readback;

/* A readback with nothing allocated (ring_last = -1). */
void td_gl_readback_init(td_gl_readback *rb);
/* Deletes its buffers, fences and framebuffer. */
void td_gl_readback_delete(td_gl_readback *rb);
/* Bytes of GPU memory its buffers hold. */
size_t td_gl_readback_bytes(const td_gl_readback *rb);

/* Reads src (format f), bottom row first:
 * - float: width*height*f->channels float32 (numpyArray);
 * - file: width*height*f->file_channels samples of f->file_sample (encoders);
 * - texel: the texel at (x, y) as f->channels float32 (sample). */
int td_gl_readback_float(td_gl_readback *rb, const td_gl_texture *src, const td_pixel_format *f, float *dst,
                         td_err *err);
int td_gl_readback_file(td_gl_readback *rb, const td_gl_texture *src, const td_pixel_format *f, void *dst,
                        td_err *err);
int td_gl_readback_texel(const td_gl_texture *src, const td_pixel_format *f, int x, int y, float *dst, td_err *err);

/* Delayed reads. start: begins reading src into the next ring buffer (with a fence; returns at
 * once). finish: waits for the newest started read (normally long done) and converts it into dst,
 * shaped w x h x f->channels by the caller from what it started; 1 if dst was filled, 0 if no read
 * was started or the newest is of another shape (dst left alone), -1 on error. */
int td_gl_readback_start_delayed(td_gl_readback *rb, const td_gl_texture *src, const td_pixel_format *f,
                                 td_err *err);
int td_gl_readback_finish_delayed(td_gl_readback *rb, float *dst, int w, int h, const td_pixel_format *f,
                                  td_err *err);

#endif
