/* td_gl_readback. See readback.h. */
#include "gpu/readback.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glad/gl.h>

#include "image/convert.h"

/* How long a readback waits for the GPU before giving up with an error instead of hanging. */
#define TD_FENCE_TIMEOUT_NS (120ull * 1000 * 1000 * 1000)

static void
pbo_clear(td_gl_pbo *r)
{
    if (r->fence != NULL) {
        glDeleteSync((GLsync)r->fence);
        r->fence = NULL;
    }
    if (r->pbo != 0) {
        glDeleteBuffers(1, &r->pbo);
        r->pbo = 0;
    }
    r->bytes = 0;
}

void
td_gl_readback_init(td_gl_readback *rb)
{
    memset(rb, 0, sizeof(*rb));
    rb->ring_last = -1;
}

void
td_gl_readback_delete(td_gl_readback *rb)
{
    pbo_clear(&rb->band[0]);
    pbo_clear(&rb->band[1]);
    for (int i = 0; i < TD_READ_RING; i++) {
        pbo_clear(&rb->ring[i]);
    }
    if (rb->fbo != 0) {
        glDeleteFramebuffers(1, &rb->fbo);
    }
    td_gl_readback_init(rb);
}

size_t
td_gl_readback_bytes(const td_gl_readback *rb)
{
    size_t bytes = rb->band[0].bytes + rb->band[1].bytes;
    for (int i = 0; i < TD_READ_RING; i++) {
        bytes += rb->ring[i].bytes;
    }
    return bytes;
}

/* Binds rb's read framebuffer with src as its colour attachment. */
static int
bind_source(td_gl_readback *rb, const td_gl_texture *src, td_err *err)
{
    if (src == NULL || src->id == 0 || src->samples != 1) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to read back");
    }
    if (rb->fbo == 0) {
        glCreateFramebuffers(1, &rb->fbo);
        if (rb->fbo == 0) {
            return td_err_set(err, TD_ERR_RUNTIME, "could not create a read framebuffer");
        }
        rb->attached = 0;
    }
    if (rb->attached != src->id) {
        glNamedFramebufferTexture(rb->fbo, GL_COLOR_ATTACHMENT0, src->id, 0);
        glNamedFramebufferReadBuffer(rb->fbo, GL_COLOR_ATTACHMENT0);
        rb->attached = src->id;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, rb->fbo);
    return 0;
}

static int
wait_fence(GLsync fence, td_err *err)
{
    GLuint64 waited = 0;
    const GLuint64 step = 100ull * 1000 * 1000;
    GLbitfield flags = GL_SYNC_FLUSH_COMMANDS_BIT;
    for (;;) {
        GLenum r = glClientWaitSync(fence, flags, step);
        flags = 0;
        if (r == GL_ALREADY_SIGNALED || r == GL_CONDITION_SATISFIED) {
            return 0;
        }
        if (r == GL_WAIT_FAILED) {
            return td_err_set(err, TD_ERR_RUNTIME, "waiting for the GPU failed (glClientWaitSync)");
        }
        waited += step;
        if (waited >= TD_FENCE_TIMEOUT_NS) {
            return td_err_set(err, TD_ERR_RUNTIME, "the GPU did not finish within %llu s",
                              (unsigned long long)(TD_FENCE_TIMEOUT_NS / 1000000000ull));
        }
    }
}

/* Starts reading rows [y0, y0 + rows) of src into r's buffer (at least `bytes` long, reallocated
 * when its size differs from `capacity`) as (format, type), with a fence. */
static int
start_read(td_gl_readback *rb, const td_gl_texture *src, const td_pixel_format *f, td_gl_pbo *r, int y0, int rows,
           GLenum format, GLenum type, size_t bytes, size_t capacity, td_err *err)
{
    if (bind_source(rb, src, err) != 0) {
        return -1;
    }
    if (r->pbo == 0 || r->bytes != capacity) {
        pbo_clear(r);
        glCreateBuffers(1, &r->pbo);
        if (r->pbo == 0) {
            return td_err_set(err, TD_ERR_RUNTIME, "could not create a pixel-pack buffer");
        }
        glNamedBufferStorage(r->pbo, (GLsizeiptr)capacity, NULL, GL_MAP_READ_BIT | GL_CLIENT_STORAGE_BIT);
        if (glGetError() != GL_NO_ERROR) {
            pbo_clear(r);
            return td_err_set(err, TD_ERR_RUNTIME, "could not allocate a %zu-byte pixel-pack buffer", capacity);
        }
        r->bytes = capacity;
    }
    r->used = bytes;
    if (r->fence != NULL) {
        glDeleteSync((GLsync)r->fence);
        r->fence = NULL;
    }
    glBindBuffer(GL_PIXEL_PACK_BUFFER, r->pbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, y0, src->width, rows, format, type, NULL);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    GLenum e = glGetError();
    if (e != GL_NO_ERROR) {
        return td_err_set(err, TD_ERR_RUNTIME, "glReadPixels failed (GL error 0x%04x)", e);
    }
    r->fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (r->fence == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "glFenceSync failed");
    }
    glFlush();
    r->width = src->width;
    r->height = src->height;
    r->format = f;
    return 0;
}

/* Waits for r's read and hands its mapped bytes to finish(). */
static int
finish_read(td_gl_pbo *r, void (*finish)(const void *src, void *ctx), void *ctx, td_err *err)
{
    int rc = wait_fence((GLsync)r->fence, err);
    glDeleteSync((GLsync)r->fence);
    r->fence = NULL;
    if (rc != 0) {
        return rc;
    }
    const void *src = glMapNamedBufferRange(r->pbo, 0, (GLsizeiptr)r->used, GL_MAP_READ_BIT);
    if (src == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "could not map the pixel-pack buffer (GL error 0x%04x)",
                          glGetError());
    }
    finish(src, ctx);
    glUnmapNamedBuffer(r->pbo);
    return 0;
}

typedef struct {
    float *dst;
    size_t texels;
    const td_pixel_format *f;
} to_float_ctx;

static void
finish_to_float(const void *src, void *p)
{
    to_float_ctx *c = p;
    td_image_to_float(src, c->dst, c->texels, c->f->channels, c->f->read_sample, c->f->packing);
}

/* Reads the whole image in bands through the two band buffers: band k+1 is copied by GL while band
 * k is handed to finish(), which gets the band's first row. */
typedef void (*band_fn)(const void *src, int y0, int rows, void *ctx);

typedef struct {
    band_fn fn;
    void *ctx;
    int y0, rows;
} band_ctx;

static void
finish_band(const void *src, void *p)
{
    band_ctx *b = p;
    b->fn(src, b->y0, b->rows, b->ctx);
}

static int
read_bands(td_gl_readback *rb, const td_gl_texture *src, const td_pixel_format *f, GLenum format, GLenum type,
           size_t texel_bytes, band_fn fn, void *ctx, td_err *err)
{
    if (src == NULL || src->id == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to read back");
    }
    const int height = src->height;
    size_t row_bytes = (size_t)src->width * texel_bytes;
    int band_rows = (int)(TD_BAND_BYTES / row_bytes);
    band_rows = band_rows < 1 ? 1 : band_rows > height ? height : band_rows;
    size_t capacity = row_bytes * (size_t)band_rows;
    int nbands = (height + band_rows - 1) / band_rows;
    for (int k = 0; k < nbands; k++) {
        int y0 = k * band_rows;
        int rows = y0 + band_rows > height ? height - y0 : band_rows;
        if (k == 0 && start_read(rb, src, f, &rb->band[0], y0, rows, format, type, row_bytes * (size_t)rows, capacity,
                                 err) != 0) {
            return -1;
        }
        if (k + 1 < nbands) {
            int y1 = y0 + band_rows;
            int rows1 = y1 + band_rows > height ? height - y1 : band_rows;
            if (start_read(rb, src, f, &rb->band[(k + 1) & 1], y1, rows1, format, type, row_bytes * (size_t)rows1, capacity,
                           err) != 0) {
                return -1;
            }
        }
        band_ctx b = {fn, ctx, y0, rows};
        if (finish_read(&rb->band[k & 1], finish_band, &b, err) != 0) {
            return -1;
        }
    }
    return 0;
}

typedef struct {
    float *dst;
    int width;
    const td_pixel_format *f;
} float_band_ctx;

static void
float_band(const void *src, int y0, int rows, void *p)
{
    float_band_ctx *c = p;
    size_t texels_per_row = (size_t)c->width;
    td_image_to_float(src, c->dst + (size_t)y0 * texels_per_row * (size_t)c->f->channels,
                      texels_per_row * (size_t)rows, c->f->channels, c->f->read_sample, c->f->packing);
}

typedef struct {
    unsigned char *dst;
    size_t row_bytes;
} copy_band_ctx;

static void
copy_band(const void *src, int y0, int rows, void *p)
{
    copy_band_ctx *c = p;
    memcpy(c->dst + (size_t)y0 * c->row_bytes, src, (size_t)rows * c->row_bytes);
}

int
td_gl_readback_float(td_gl_readback *rb, const td_gl_texture *src, const td_pixel_format *f, float *dst, td_err *err)
{
    float_band_ctx ctx = {dst, src->width, f};
    return read_bands(rb, src, f, f->read_format, f->read_type, td_pixel_format_read_bytes(f), float_band, &ctx,
                      err);
}

int
td_gl_readback_file(td_gl_readback *rb, const td_gl_texture *src, const td_pixel_format *f, void *dst, td_err *err)
{
    size_t texel_bytes = (size_t)f->file_channels * td_sample_size(f->file_sample);
    copy_band_ctx ctx = {dst, (size_t)src->width * texel_bytes};
    return read_bands(rb, src, f, f->file_format, f->file_type, texel_bytes, copy_band, &ctx, err);
}

int
td_gl_readback_texel(const td_gl_texture *src, const td_pixel_format *f, int x, int y, float *dst, td_err *err)
{
    if (src == NULL || src->id == 0 || src->samples != 1) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to sample");
    }
    if (x < 0 || y < 0 || x >= src->width || y >= src->height) {
        return td_err_set(err, TD_ERR_VALUE, "texel (%d, %d) is outside the %dx%d image", x, y, src->width,
                          src->height);
    }
    unsigned char texel[16];
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    /* One texel straight from the texture: the cost does not depend on the image size. */
    glGetTextureSubImage(src->id, 0, x, y, 0, 1, 1, 1, f->read_format, f->read_type, (GLsizei)sizeof(texel), texel);
    GLenum e = glGetError();
    if (e != GL_NO_ERROR) {
        return td_err_set(err, TD_ERR_RUNTIME, "glGetTextureSubImage failed (GL error 0x%04x)", e);
    }
    td_image_to_float(texel, dst, 1, f->channels, f->read_sample, f->packing);
    return 0;
}

int
td_gl_readback_start_delayed(td_gl_readback *rb, const td_gl_texture *src, const td_pixel_format *f, td_err *err)
{
    if (src == NULL || src->id == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to read back");
    }
    int slot = (rb->ring_last + 1) % TD_READ_RING;
    size_t bytes = (size_t)src->width * (size_t)src->height * td_pixel_format_read_bytes(f);
    if (start_read(rb, src, f, &rb->ring[slot], 0, src->height, f->read_format, f->read_type, bytes, bytes,
                   err) != 0) {
        return -1;
    }
    rb->ring_last = slot;
    return 0;
}

int
td_gl_readback_finish_delayed(td_gl_readback *rb, float *dst, int w, int h, const td_pixel_format *f, td_err *err)
{
    if (rb->ring_last < 0 || rb->ring[rb->ring_last].fence == NULL) {
        return 0;
    }
    td_gl_pbo *r = &rb->ring[rb->ring_last];
    if (dst == NULL || r->width != w || r->height != h || r->format != f) {
        return 0;
    }
    to_float_ctx ctx = {dst, (size_t)r->width * (size_t)r->height, r->format};
    return finish_read(r, finish_to_float, &ctx, err) != 0 ? -1 : 1;
}
