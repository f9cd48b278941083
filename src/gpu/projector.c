/* Projector maps. See projector.h. */
#include "gpu/projector.h"

#include <glad/gl.h>

#include "gpu/target.h"

int
td_gl_projectors_bind(td_gl_samplers *samplers, const td_scene *s, td_err *err)
{
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
        GLuint smp = td_gl_sampler(samplers, (unsigned)light->projector[2], err);
        if (smp == 0) {
            return -1;
        }
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
