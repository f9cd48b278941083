/* td_gl_target. See target.h. */
#include "gpu/target.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glad/gl.h>

#include "gpu/runtime.h"
#include "gpu/scene.h"
#include "image/convert.h"

/* How long a readback waits for the GPU before giving up with an error instead of hanging. */
#define TD_FENCE_TIMEOUT_NS (120ull * 1000 * 1000 * 1000)

td_gl_target *
td_gl_target_new(void)
{
    td_gl_target *t = calloc(1, sizeof(td_gl_target));
    if (t != NULL) {
        t->ring_last = -1;
    }
    return t;
}

static void
readback_clear(td_gl_readback *r)
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

static void
delete_images(td_gl_target *t)
{
    if (t->fbo != 0) {
        glDeleteFramebuffers(1, &t->fbo);
    }
    if (t->color != 0) {
        glDeleteTextures(1, &t->color);
    }
    if (t->depth != 0) {
        glDeleteRenderbuffers(1, &t->depth);
    }
    t->fbo = t->color = t->depth = 0;
    t->width = t->height = 0;
    t->format = NULL;
    td_scene_decref(t->shown);
    t->shown = NULL;
}

static void
target_free(void *p)
{
    td_gl_target *t = p;
    delete_images(t);
    if (t->queries[0] != 0) {
        glDeleteQueries(2, t->queries);
    }
    readback_clear(&t->band[0]);
    readback_clear(&t->band[1]);
    for (int i = 0; i < TD_READ_RING; i++) {
        readback_clear(&t->ring[i]);
    }
    free(t);
}

void
td_gl_target_release(td_gl_target *t)
{
    if (t == NULL) {
        return;
    }
    /* Always through the GL thread when it exists: jobs still queued for this target (a delayed
     * read, say) may be about to create GL objects in it, so its fields cannot be judged here. The
     * FIFO order runs those jobs first. */
    td_gl_runtime *rt = td_gl_runtime_existing();
    if (rt == NULL) {
        free(t); /* never reached the GL thread: it has no GL objects */
    }
    else if (td_gl_post(rt, target_free, t) != 0) {
        /* no memory to queue the deletion: leak it rather than free what a queued job may use */
    }
}

int
td_gl_target_ensure(td_gl_target *t, int w, int h, const td_pixel_format *f, td_err *err)
{
    if (t->fbo != 0 && t->width == w && t->height == h && t->format == f) {
        return 0;
    }
    delete_images(t);
    glCreateTextures(GL_TEXTURE_2D, 1, &t->color);
    glCreateRenderbuffers(1, &t->depth);
    glCreateFramebuffers(1, &t->fbo);
    if (t->color == 0 || t->depth == 0 || t->fbo == 0) {
        delete_images(t);
        return td_err_set(err, TD_ERR_RUNTIME, "could not create GL objects for a %dx%d render target", w, h);
    }
    glTextureStorage2D(t->color, 1, f->gl_internal, w, h);
    glTextureParameteri(t->color, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTextureParameteri(t->color, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glNamedRenderbufferStorage(t->depth, GL_DEPTH_COMPONENT24, w, h);
    glNamedFramebufferTexture(t->fbo, GL_COLOR_ATTACHMENT0, t->color, 0);
    glNamedFramebufferRenderbuffer(t->fbo, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, t->depth);
    GLenum e = glGetError();
    GLenum status = glCheckNamedFramebufferStatus(t->fbo, GL_FRAMEBUFFER);
    if (e != GL_NO_ERROR || status != GL_FRAMEBUFFER_COMPLETE) {
        delete_images(t);
        return td_err_set(err, TD_ERR_RUNTIME,
                          "could not allocate a %dx%d %s render target (GL error 0x%04x, framebuffer status "
                          "0x%04x)",
                          w, h, f->token, e, status);
    }
    t->width = w;
    t->height = h;
    t->format = f;
    return 0;
}

void
td_gl_target_resolve_time(td_gl_target *t)
{
    if (!t->query_pending) {
        return;
    }
    GLuint64 t0 = 0, t1 = 0;
    glGetQueryObjectui64v(t->queries[0], GL_QUERY_RESULT, &t0);
    glGetQueryObjectui64v(t->queries[1], GL_QUERY_RESULT, &t1);
    t->last_gpu_ms = t1 > t0 ? (double)(t1 - t0) / 1e6 : 0.0;
    t->query_pending = 0;
}

size_t
td_gl_target_gpu_bytes(const td_gl_target *t)
{
    size_t texels = (size_t)t->width * (size_t)t->height;
    size_t bytes = t->format != NULL ? texels * t->format->texel_bytes + texels * 4 /* depth 24 + 8 */ : 0;
    bytes += t->band[0].bytes + t->band[1].bytes;
    for (int i = 0; i < TD_READ_RING; i++) {
        bytes += t->ring[i].bytes;
    }
    return bytes;
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

/* Starts reading rows [y0, y0 + rows) of the colour attachment into r's buffer (at least `bytes`
 * long, reallocated when its size differs from `capacity`) as (format, type), with a fence. */
static int
start_read(td_gl_target *t, td_gl_readback *r, int y0, int rows, GLenum format, GLenum type, size_t bytes,
           size_t capacity, td_err *err)
{
    if (t->fbo == 0 || t->shown == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to read back");
    }
    if (r->pbo == 0 || r->bytes != capacity) {
        readback_clear(r);
        glCreateBuffers(1, &r->pbo);
        if (r->pbo == 0) {
            return td_err_set(err, TD_ERR_RUNTIME, "could not create a pixel-pack buffer");
        }
        glNamedBufferStorage(r->pbo, (GLsizeiptr)capacity, NULL, GL_MAP_READ_BIT | GL_CLIENT_STORAGE_BIT);
        if (glGetError() != GL_NO_ERROR) {
            readback_clear(r);
            return td_err_set(err, TD_ERR_RUNTIME, "could not allocate a %zu-byte pixel-pack buffer", capacity);
        }
        r->bytes = capacity;
    }
    r->used = bytes;
    if (r->fence != NULL) {
        glDeleteSync((GLsync)r->fence);
        r->fence = NULL;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, t->fbo);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, r->pbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, y0, t->width, rows, format, type, NULL);
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
    r->width = t->width;
    r->height = t->height;
    r->format = t->format;
    return 0;
}

/* Waits for r's read and hands its mapped bytes to finish(). */
static int
finish_read(td_gl_readback *r, void (*finish)(const void *src, void *ctx), void *ctx, td_err *err)
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
read_bands(td_gl_target *t, GLenum format, GLenum type, size_t texel_bytes, band_fn fn, void *ctx, td_err *err)
{
    size_t row_bytes = (size_t)t->width * texel_bytes;
    int band_rows = (int)(TD_BAND_BYTES / row_bytes);
    band_rows = band_rows < 1 ? 1 : band_rows > t->height ? t->height : band_rows;
    size_t capacity = row_bytes * (size_t)band_rows;
    int nbands = (t->height + band_rows - 1) / band_rows;
    for (int k = 0; k < nbands; k++) {
        int y0 = k * band_rows;
        int rows = y0 + band_rows > t->height ? t->height - y0 : band_rows;
        if (k == 0 && start_read(t, &t->band[0], y0, rows, format, type, row_bytes * (size_t)rows, capacity,
                                 err) != 0) {
            return -1;
        }
        if (k + 1 < nbands) {
            int y1 = y0 + band_rows;
            int rows1 = y1 + band_rows > t->height ? t->height - y1 : band_rows;
            if (start_read(t, &t->band[(k + 1) & 1], y1, rows1, format, type, row_bytes * (size_t)rows1, capacity,
                           err) != 0) {
                return -1;
            }
        }
        band_ctx b = {fn, ctx, y0, rows};
        if (finish_read(&t->band[k & 1], finish_band, &b, err) != 0) {
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
td_gl_target_read_float(td_gl_target *t, float *dst, td_err *err)
{
    const td_pixel_format *f = t->format;
    if (f == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to read back");
    }
    float_band_ctx ctx = {dst, t->width, f};
    return read_bands(t, f->read_format, f->read_type, td_pixel_format_read_bytes(f), float_band, &ctx, err);
}

int
td_gl_target_read_file(td_gl_target *t, void *dst, td_err *err)
{
    const td_pixel_format *f = t->format;
    if (f == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to read back");
    }
    size_t texel_bytes = (size_t)f->file_channels * td_sample_size(f->file_sample);
    copy_band_ctx ctx = {dst, (size_t)t->width * texel_bytes};
    return read_bands(t, f->file_format, f->file_type, texel_bytes, copy_band, &ctx, err);
}

int
td_gl_target_read_texel(td_gl_target *t, int x, int y, float *dst, td_err *err)
{
    const td_pixel_format *f = t->format;
    if (f == NULL || t->color == 0 || t->shown == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to sample");
    }
    if (x < 0 || y < 0 || x >= t->width || y >= t->height) {
        return td_err_set(err, TD_ERR_VALUE, "texel (%d, %d) is outside the %dx%d image", x, y, t->width, t->height);
    }
    unsigned char texel[16];
    size_t bytes = td_pixel_format_read_bytes(f);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    /* One texel straight from the texture: the cost does not depend on the image size. */
    glGetTextureSubImage(t->color, 0, x, y, 0, 1, 1, 1, f->read_format, f->read_type, (GLsizei)sizeof(texel),
                         texel);
    GLenum e = glGetError();
    if (e != GL_NO_ERROR) {
        return td_err_set(err, TD_ERR_RUNTIME, "glGetTextureSubImage failed (GL error 0x%04x)", e);
    }
    (void)bytes;
    td_image_to_float(texel, dst, 1, f->channels, f->read_sample, f->packing);
    return 0;
}

int
td_gl_target_start_delayed(td_gl_target *t, td_err *err)
{
    const td_pixel_format *f = t->format;
    if (f == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to read back");
    }
    int slot = (t->ring_last + 1) % TD_READ_RING;
    size_t bytes = (size_t)t->width * (size_t)t->height * td_pixel_format_read_bytes(f);
    if (start_read(t, &t->ring[slot], 0, t->height, f->read_format, f->read_type, bytes, bytes, err) != 0) {
        return -1;
    }
    t->ring_last = slot;
    return 0;
}

int
td_gl_target_finish_delayed(td_gl_target *t, float *dst, int w, int h, const td_pixel_format *f, td_err *err)
{
    if (t->delayed_failed) {
        t->delayed_failed = 0;
        if (err != NULL) {
            *err = t->delayed_err;
        }
        return -1;
    }
    if (t->ring_last < 0 || t->ring[t->ring_last].fence == NULL) {
        return 0;
    }
    td_gl_readback *r = &t->ring[t->ring_last];
    if (dst == NULL || r->width != w || r->height != h || r->format != f) {
        return 0;
    }
    to_float_ctx ctx = {dst, (size_t)r->width * (size_t)r->height, r->format};
    return finish_read(r, finish_to_float, &ctx, err) != 0 ? -1 : 1;
}
