/* Material program composition. See compose.h. */
#include "gpu/compose.h"

#include <stdio.h>

#include "gpu/envlight.h"
#include "gpu/format.h"
#include "gpu/glsl.h"
#include "gpu/material.h"
#include "gpu/projector.h"
#include "gpu/shadow.h"
#include "td_shaders.h"

/* One step of the format's precision: the amplitude of the dither (0: a float format, none). */
static double
dither_step(const td_pixel_format *f)
{
    if (f->packing == TD_PACK_1010102) {
        return 1.0 / 1023.0;
    }
    switch (f->read_sample) {
    case TD_SAMPLE_U8:
        return 1.0 / 255.0;
    case TD_SAMPLE_U16:
        return 1.0 / 65535.0;
    default:
        return 0.0;
    }
}

size_t
td_gl_scene_defines(char *buf, size_t cap, const td_scene_material *m, const td_scene *s)
{
    size_t nlights = s->nlights;
    int len = snprintf(buf, cap,
                       "#define TD_NUM_LIGHTS %zu\n#define TD_LIGHT_SLOTS %zu\n"
                       "#define TD_NUM_SHADOWS %d\n#define TD_SHADOW_UNIT %d\n#define TD_NUM_PROJMAPS %d\n#define TD_PROJMAP_UNIT %d\n"
                       "#define TD_FOG_MODE %d\n#define TD_ALPHA_TEST %d\n"
                       "#define TD_OUTPUT_MODE %d\n#define TD_PREMULTIPLY %d\n#define TD_DITHERING %d\n#define TD_DITHER %.9g\n",
                       nlights, nlights > 0 ? nlights : 1, s->nshadows, TD_SHADOW_UNIT, s->nprojmaps, TD_PROJMAP_UNIT,
                       s->fog.params[0] >= 1.0f && s->fog.params[0] <= 3.0f ? (int)s->fog.params[0] : 0,
                       m->state.alpha_test <= 4 ? (int)m->state.alpha_test : 0, (int)s->format->out_mode, s->premult != 0,
                       s->dither && dither_step(s->format) > 0.0, s->dither ? dither_step(s->format) : 0.0);
    return len > 0 ? (size_t)len : cap;
}

int
td_gl_material_program(td_gl_programs *programs, const char *vsrc, char *fsrc, const td_scene_material *m,
                       const td_scene *s, unsigned int *out, td_err *err)
{
    if (m->source != NULL && m->source->glsl != NULL) {
        return td_gl_glsl_program(programs, m, s, out, err); /* a glslMAT: its own stages */
    }
    const td_material_program *mp = m->program;
    const char *body = m->source != NULL ? m->source->text : mp->fragment;
    size_t n = (size_t)snprintf(fsrc, TD_SOURCE_MAX, "#version 450 core\n");
    n += td_gl_scene_defines(fsrc + n, TD_SOURCE_MAX - n, m, s);
    if (n < TD_SOURCE_MAX) {
        n += (size_t)snprintf(fsrc + n, TD_SOURCE_MAX - n, "%s%s%s", td_shader_td_common_glsl, td_shader_td_route_glsl,
                              td_shader_td_fragment_glsl);
    }
    for (size_t i = 0; i < mp->nswitches && n < TD_SOURCE_MAX; i++) {
        if (m->switches & (1u << i)) {
            n += (size_t)snprintf(fsrc + n, TD_SOURCE_MAX - n, "#define %s 1\n", mp->switches[i].define);
        }
    }
    if (n < TD_SOURCE_MAX && (s->nenvlights > 0 || td_gl_envlights_uniform(s))) { /* pbrMAT's */
        n += (size_t)snprintf(fsrc + n, TD_SOURCE_MAX - n, "#define TD_NUM_ENV_LIGHTS %d\n#define TD_ENV_UNIFORM %d\n#define TD_ENV_UNIT %d\n"
                              "#define TD_ENV_BLOCK %d\n#define TD_ENV_LEVELS %d\n",
                              s->nenvlights, td_gl_envlights_uniform(s), TD_ENVLIGHT_UNIT, TD_BLOCK_ENVLIGHTS,
                              TD_ENV_SPEC_LEVELS);
    }
    for (size_t j = 0; j < mp->nmaps && j < TD_MATERIAL_MAPS && n < TD_SOURCE_MAX; j++) {
        if (m->maps[j] >= 0) { /* the map names a TOP: its unit, which also says it is there */
            n += (size_t)snprintf(fsrc + n, TD_SOURCE_MAX - n, "#define %s %d\n", mp->map_units[j],
                                  TD_MATERIAL_MAP_UNIT + (int)j);
        }
    }
    if (n < TD_SOURCE_MAX) {
        n += td_block_declaration(mp->fields, mp->nfields, fsrc + n, TD_SOURCE_MAX - n);
    }
    /* #line 1: the driver's line numbers then count from the material's own source */
    if (n < TD_SOURCE_MAX) {
        n += (size_t)snprintf(fsrc + n, TD_SOURCE_MAX - n, "#line 1\n%s", body);
    }
    if (n >= TD_SOURCE_MAX) {
        return td_err_set(err, TD_ERR_VALUE, "the %s material's shader source is longer than %d bytes", mp->name,
                          TD_SOURCE_MAX);
    }
    return td_gl_program_get(programs, vsrc, fsrc, out, err);
}
