/* Projector maps. See projector.h. */
#include "gpu/projector.h"

#include <glad/gl.h>

#include "gpu/target.h"

int
td_gl_projectors_bind(td_gl_projectors *p, const td_scene *s, td_err *err)
{
    static const GLint wrap[] = {GL_CLAMP_TO_EDGE, GL_CLAMP_TO_BORDER, GL_REPEAT, GL_MIRRORED_REPEAT};
    static const float transparent[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    for (size_t l = 0; l < s->nlights; l++) {
        const td_scene_light *light = &s->lights[l];
        if (light->projector[0] <= 0.0f) {
            continue;
        }
        int k = (int)light->projector[1];
        td_gl_target *map = s->projmaps[k];
        td_gl_target_adopt(map);
        if (map->shown == NULL || map->color.id == 0) {
            return td_err_set(err, TD_ERR_RUNTIME, "a light's projector map TOP has no image");
        }
        if (p->samplers[k] == 0) {
            glCreateSamplers(1, &p->samplers[k]);
            if (p->samplers[k] == 0) {
                return td_err_set(err, TD_ERR_RUNTIME, "could not create a sampler");
            }
        }
        int extend = (int)light->projector[2];
        GLuint smp = p->samplers[k];
        GLint filter = light->projector[3] > 0.5f ? GL_LINEAR : GL_NEAREST;
        glSamplerParameteri(smp, GL_TEXTURE_WRAP_S, wrap[extend & 3]);
        glSamplerParameteri(smp, GL_TEXTURE_WRAP_T, wrap[(extend >> 2) & 3]);
        glSamplerParameteri(smp, GL_TEXTURE_MIN_FILTER, filter);
        glSamplerParameteri(smp, GL_TEXTURE_MAG_FILTER, filter);
        glSamplerParameterfv(smp, GL_TEXTURE_BORDER_COLOR, transparent);
        glBindTextureUnit(TD_PROJMAP_UNIT + (GLuint)k, map->color.id);
        glBindSampler(TD_PROJMAP_UNIT + (GLuint)k, smp);
    }
    GLenum e = glGetError();
    return e == GL_NO_ERROR ? 0 : td_err_set(err, TD_ERR_RUNTIME, "binding the projector maps failed (GL error 0x%04x)", e);
}

void
td_gl_projectors_unbind(const td_scene *s)
{
    for (int k = 0; k < s->nprojmaps; k++) {
        glBindTextureUnit(TD_PROJMAP_UNIT + (GLuint)k, 0);
        glBindSampler(TD_PROJMAP_UNIT + (GLuint)k, 0);
    }
}
