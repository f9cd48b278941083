/* td_gl_texture. See texture.h. */
#include "gpu/texture.h"

#include <string.h>

#include <glad/gl.h>

int
td_gl_texture_create(td_gl_texture *t, int w, int h, unsigned int internal, size_t texel_bytes, int samples,
                     td_err *err)
{
    td_gl_texture_delete(t);
    GLenum target = samples > 1 ? GL_TEXTURE_2D_MULTISAMPLE : GL_TEXTURE_2D;
    glCreateTextures(target, 1, &t->id);
    if (t->id == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "could not create a %dx%d texture", w, h);
    }
    if (samples > 1) {
        glTextureStorage2DMultisample(t->id, samples, internal, w, h, GL_TRUE);
    }
    else {
        glTextureStorage2D(t->id, 1, internal, w, h);
        glTextureParameteri(t->id, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTextureParameteri(t->id, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTextureParameteri(t->id, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTextureParameteri(t->id, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    GLenum e = glGetError();
    if (e != GL_NO_ERROR) {
        td_gl_texture_delete(t);
        return td_err_set(err, TD_ERR_RUNTIME, "could not allocate a %dx%d texture (format 0x%04x, %d samples; "
                          "GL error 0x%04x)", w, h, internal, samples, e);
    }
    t->width = w;
    t->height = h;
    t->samples = samples > 1 ? samples : 1;
    t->internal = internal;
    t->texel_bytes = texel_bytes;
    return 0;
}

void
td_gl_texture_delete(td_gl_texture *t)
{
    if (t->id != 0) {
        glDeleteTextures(1, &t->id);
    }
    memset(t, 0, sizeof(*t));
}

int
td_gl_texture_is(const td_gl_texture *t, int w, int h, unsigned int internal, int samples)
{
    samples = samples > 1 ? samples : 1;
    return t->id != 0 && t->width == w && t->height == h && t->internal == internal && t->samples == samples;
}

size_t
td_gl_texture_bytes(const td_gl_texture *t)
{
    return t->id != 0 ? (size_t)t->width * (size_t)t->height * (size_t)t->samples * t->texel_bytes : 0;
}
