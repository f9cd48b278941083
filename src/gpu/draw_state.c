/* A draw's GL state and its material's maps. See draw_state.h. */
#include "gpu/draw_state.h"

#include <glad/gl.h>

#include "gpu/target.h"

static const GLenum gl_blend_factor[] = {
    [TD_BLEND_ZERO] = GL_ZERO, [TD_BLEND_ONE] = GL_ONE, [TD_BLEND_SRC_COLOR] = GL_SRC_COLOR,
    [TD_BLEND_ONE_MINUS_SRC_COLOR] = GL_ONE_MINUS_SRC_COLOR, [TD_BLEND_DST_COLOR] = GL_DST_COLOR,
    [TD_BLEND_ONE_MINUS_DST_COLOR] = GL_ONE_MINUS_DST_COLOR, [TD_BLEND_SRC_ALPHA] = GL_SRC_ALPHA,
    [TD_BLEND_ONE_MINUS_SRC_ALPHA] = GL_ONE_MINUS_SRC_ALPHA, [TD_BLEND_DST_ALPHA] = GL_DST_ALPHA,
    [TD_BLEND_ONE_MINUS_DST_ALPHA] = GL_ONE_MINUS_DST_ALPHA, [TD_BLEND_SRC_ALPHA_SATURATE] = GL_SRC_ALPHA_SATURATE,
    [TD_BLEND_CONSTANT_COLOR] = GL_CONSTANT_COLOR, [TD_BLEND_ONE_MINUS_CONSTANT_COLOR] = GL_ONE_MINUS_CONSTANT_COLOR,
    [TD_BLEND_CONSTANT_ALPHA] = GL_CONSTANT_ALPHA, [TD_BLEND_ONE_MINUS_CONSTANT_ALPHA] = GL_ONE_MINUS_CONSTANT_ALPHA};
static const GLenum gl_blend_op[] = {[TD_BLEND_OP_ADD] = GL_FUNC_ADD, [TD_BLEND_OP_SUB] = GL_FUNC_SUBTRACT,
                                     [TD_BLEND_OP_REVSUB] = GL_FUNC_REVERSE_SUBTRACT, [TD_BLEND_OP_MIN] = GL_MIN,
                                     [TD_BLEND_OP_MAX] = GL_MAX};
static const GLenum gl_depth_func[] = {[TD_DEPTH_LESS] = GL_LESS,       [TD_DEPTH_LEQUAL] = GL_LEQUAL,
                                       [TD_DEPTH_EQUAL] = GL_EQUAL,     [TD_DEPTH_GREATER] = GL_GREATER,
                                       [TD_DEPTH_GEQUAL] = GL_GEQUAL,   [TD_DEPTH_NOTEQUAL] = GL_NOTEQUAL,
                                       [TD_DEPTH_ALWAYS] = GL_ALWAYS};
static const GLenum gl_cull[] = {[TD_CULL_BACK] = GL_BACK, [TD_CULL_FRONT] = GL_FRONT, [TD_CULL_BOTH] = GL_FRONT_AND_BACK};

void
td_gl_apply_state(const td_material_state *m, const td_scene *s)
{
    if (m->blend) {
        glEnablei(GL_BLEND, 0); /* buffer 0: the only one the materials write */
        glBlendEquationSeparate(gl_blend_op[m->blend_op[0]], gl_blend_op[m->blend_op[1]]);
        glBlendFuncSeparate(gl_blend_factor[m->src[0]], gl_blend_factor[m->dst[0]], gl_blend_factor[m->src[1]],
                            gl_blend_factor[m->dst[1]]);
        glBlendColor(m->constant[0], m->constant[1], m->constant[2], m->constant[3]);
    }
    else {
        glDisable(GL_BLEND);
    }
    if (m->depth_test) {
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(gl_depth_func[m->depth_func]);
    }
    else {
        glDisable(GL_DEPTH_TEST);
    }
    glDepthMask(m->depth_write ? GL_TRUE : GL_FALSE);
    int cull = m->cull >= 0 ? m->cull : s->cull;
    if (cull > TD_CULL_NEITHER && cull <= TD_CULL_BOTH) {
        glEnable(GL_CULL_FACE);
        glCullFace(gl_cull[cull]);
    }
    else {
        glDisable(GL_CULL_FACE);
    }
    if (m->polygon_offset || s->polygon_offset) {
        glEnable(GL_POLYGON_OFFSET_FILL);
        glEnable(GL_POLYGON_OFFSET_LINE);
        glPolygonOffset(m->polygon_offset ? m->offset_factor : s->offset_factor,
                        m->polygon_offset ? m->offset_units : s->offset_units);
    }
    else {
        glDisable(GL_POLYGON_OFFSET_FILL);
        glDisable(GL_POLYGON_OFFSET_LINE);
    }
    glPolygonMode(GL_FRONT_AND_BACK, m->wireframe ? GL_LINE : GL_FILL);
    /* the gather clamped the width to the context's range (td_gl_info.line_width_range); GL clamps
     * what is above it, but a width under 1 would be an error */
    glLineWidth(m->wireframe && m->line_width > 1.0f ? m->line_width : 1.0f);
}

int
td_gl_bind_maps(td_gl_samplers *samplers, const td_scene *s, const td_scene_material *m, td_err *err)
{
    for (size_t j = 0; j < m->program->nmaps && j < TD_MATERIAL_MAPS; j++) {
        if (m->maps[j] < 0) {
            continue;
        }
        td_gl_target *map = s->textures[m->maps[j]];
        td_gl_target_adopt(map);
        if (map->shown == NULL || map->color.id == 0) {
            return td_err_set(err, TD_ERR_RUNTIME, "a material's map TOP has no image");
        }
        GLuint smp = td_gl_sampler(samplers, m->map_sampling[j], err);
        if (smp == 0) {
            return -1;
        }
        glBindTextureUnit(TD_MATERIAL_MAP_UNIT + (GLuint)j, map->color.id);
        glBindSampler(TD_MATERIAL_MAP_UNIT + (GLuint)j, smp);
    }
    return 0;
}

void
td_gl_unbind_maps(void)
{
    for (GLuint j = 0; j < TD_MATERIAL_MAPS; j++) {
        glBindTextureUnit(TD_MATERIAL_MAP_UNIT + j, 0);
        glBindSampler(TD_MATERIAL_MAP_UNIT + j, 0);
    }
}
