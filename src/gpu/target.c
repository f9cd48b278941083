/* td_gl_target. See target.h. */
#include "gpu/target.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glad/gl.h>

#include "gpu/runtime.h"
#include "image/convert.h"

/* How long a readback waits for the GPU before giving up with an error instead of hanging. */
#define TD_FENCE_TIMEOUT_NS (120ull * 1000 * 1000 * 1000)

td_gl_target *
td_gl_target_new(void)
{
    return calloc(1, sizeof(td_gl_target));
}

static void
delete_objects(td_gl_target *t)
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
    if (t->pbo != 0) {
        glDeleteBuffers(1, &t->pbo);
    }
    t->fbo = t->color = t->depth = t->pbo = 0;
    t->pbo_bytes = 0;
    t->width = t->height = 0;
    t->has_image = 0;
}

static void
target_free(void *p)
{
    td_gl_target *t = p;
    delete_objects(t);
    free(t);
}

void
td_gl_target_release(td_gl_target *t)
{
    if (t == NULL) {
        return;
    }
    td_gl_runtime *rt = td_gl_runtime_existing();
    if (t->fbo == 0 && t->color == 0 && t->depth == 0 && t->pbo == 0) {
        free(t);
    }
    else if (rt == NULL || td_gl_post(rt, target_free, t) != 0) {
        free(t); /* cannot reach the GL thread: the GL objects are abandoned, never touched again */
    }
}

int
td_gl_target_ensure(td_gl_target *t, int w, int h, td_err *err)
{
    if (t->fbo != 0 && t->width == w && t->height == h) {
        return 0;
    }
    delete_objects(t);
    glCreateTextures(GL_TEXTURE_2D, 1, &t->color);
    glCreateRenderbuffers(1, &t->depth);
    glCreateFramebuffers(1, &t->fbo);
    if (t->color == 0 || t->depth == 0 || t->fbo == 0) {
        delete_objects(t);
        return td_err_set(err, TD_ERR_RUNTIME, "could not create GL objects for a %dx%d render target", w, h);
    }
    glTextureStorage2D(t->color, 1, GL_RGBA8, w, h);
    glTextureParameteri(t->color, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTextureParameteri(t->color, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glNamedRenderbufferStorage(t->depth, GL_DEPTH_COMPONENT24, w, h);
    glNamedFramebufferTexture(t->fbo, GL_COLOR_ATTACHMENT0, t->color, 0);
    glNamedFramebufferRenderbuffer(t->fbo, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, t->depth);
    GLenum e = glGetError();
    GLenum status = glCheckNamedFramebufferStatus(t->fbo, GL_FRAMEBUFFER);
    if (e != GL_NO_ERROR || status != GL_FRAMEBUFFER_COMPLETE) {
        delete_objects(t);
        return td_err_set(err, TD_ERR_RUNTIME,
                          "could not allocate a %dx%d render target (GL error 0x%04x, framebuffer status 0x%04x)",
                          w, h, e, status);
    }
    t->width = w;
    t->height = h;
    return 0;
}

size_t
td_gl_target_gpu_bytes(const td_gl_target *t)
{
    size_t texels = (size_t)t->width * (size_t)t->height;
    return texels * 4 /* RGBA8 */ + texels * 4 /* depth 24 (+8 padding) */ + t->pbo_bytes;
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

int
td_gl_target_read(td_gl_target *t, void *dst, int as_float, td_err *err)
{
    size_t texels = (size_t)t->width * (size_t)t->height;
    size_t bytes = texels * 4;
    if (t->fbo == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "nothing was rendered to read back");
    }
    if (t->pbo == 0 || t->pbo_bytes != bytes) {
        if (t->pbo != 0) {
            glDeleteBuffers(1, &t->pbo);
            t->pbo = 0;
            t->pbo_bytes = 0;
        }
        glCreateBuffers(1, &t->pbo);
        if (t->pbo == 0) {
            return td_err_set(err, TD_ERR_RUNTIME, "could not create a pixel-pack buffer");
        }
        glNamedBufferStorage(t->pbo, (GLsizeiptr)bytes, NULL, GL_MAP_READ_BIT | GL_CLIENT_STORAGE_BIT);
        if (glGetError() != GL_NO_ERROR) {
            glDeleteBuffers(1, &t->pbo);
            t->pbo = 0;
            return td_err_set(err, TD_ERR_RUNTIME, "could not allocate a %zu-byte pixel-pack buffer", bytes);
        }
        t->pbo_bytes = bytes;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, t->fbo);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, t->pbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, t->width, t->height, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    GLsync fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (fence == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "glFenceSync failed");
    }
    int rc = wait_fence(fence, err);
    glDeleteSync(fence);
    if (rc != 0) {
        return rc;
    }
    const uint8_t *src = glMapNamedBufferRange(t->pbo, 0, (GLsizeiptr)bytes, GL_MAP_READ_BIT);
    if (src == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "could not map the pixel-pack buffer (GL error 0x%04x)",
                          glGetError());
    }
    if (as_float) {
        td_image_u8_to_f32(src, dst, bytes);
    }
    else {
        memcpy(dst, src, bytes);
    }
    glUnmapNamedBuffer(t->pbo);
    return 0;
}
