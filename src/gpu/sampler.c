/* Shared sampler objects. See sampler.h. */
#include "gpu/sampler.h"

#include <glad/gl.h>

unsigned int
td_gl_sampler(td_gl_samplers *c, unsigned sampling, td_err *err)
{
    static const GLint wrap[] = {GL_CLAMP_TO_EDGE, GL_CLAMP_TO_BORDER, GL_REPEAT, GL_MIRRORED_REPEAT};
    static const float transparent[4] = {0.0f, 0.0f, 0.0f, 0.0f}; /* 'zero' outside the image */
    unsigned k = sampling % TD_SAMPLINGS;
    if (c->id[k] != 0) {
        return c->id[k];
    }
    glCreateSamplers(1, &c->id[k]);
    if (c->id[k] == 0) {
        td_err_set(err, TD_ERR_RUNTIME, "could not create a sampler");
        return 0;
    }
    GLint filter = (k & 16u) ? GL_LINEAR : GL_NEAREST;
    glSamplerParameteri(c->id[k], GL_TEXTURE_WRAP_S, wrap[k & 3u]);
    glSamplerParameteri(c->id[k], GL_TEXTURE_WRAP_T, wrap[(k >> 2) & 3u]);
    glSamplerParameteri(c->id[k], GL_TEXTURE_MIN_FILTER, filter);
    glSamplerParameteri(c->id[k], GL_TEXTURE_MAG_FILTER, filter);
    glSamplerParameterfv(c->id[k], GL_TEXTURE_BORDER_COLOR, transparent);
    return c->id[k];
}
