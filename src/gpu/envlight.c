/* Environment lights' maps. See envlight.h. */
#include "gpu/envlight.h"

#include <stdio.h>
#include <string.h>

#include <glad/gl.h>

#include "gpu/target.h"
#include "td_shaders.h"

/* The resampled map (mipmapped down to 1 x 1), the irradiance map and the specular map's level 0. */
#define BASE_W 256
#define BASE_H 128
#define BASE_LEVELS 9
#define IRRADIANCE_W 32
#define IRRADIANCE_H 16
#define IRRADIANCE_FROM 3 /* the base's level of IRRADIANCE_W x IRRADIANCE_H */
#define SPECULAR_W 128
#define SPECULAR_H 64
#define SPECULAR_FROM 1   /* the base's level of SPECULAR_W x SPECULAR_H */

static GLuint
texture_new(int w, int h, int levels)
{
    GLuint id = 0;
    glCreateTextures(GL_TEXTURE_2D, 1, &id);
    if (id != 0) {
        glTextureStorage2D(id, levels, GL_RGBA16F, w, h);
        glTextureParameteri(id, GL_TEXTURE_MAX_LEVEL, levels - 1);
    }
    return id;
}

/* The objects every environment pass uses, made once. */
static int
ensure_objects(td_gl_envlights *e, td_err *err)
{
    if (e->fbo == 0) {
        glCreateFramebuffers(1, &e->fbo);
    }
    if (e->block == 0) {
        glCreateBuffers(1, &e->block);
        if (e->block != 0) {
            glNamedBufferData(e->block, 16 + sizeof(td_scene_envlight) * TD_MAX_ENVLIGHTS, NULL, GL_DYNAMIC_DRAW);
        }
    }
    if (e->sampler == 0) {
        /* around the vertical axis the map wraps; at the poles it holds */
        glCreateSamplers(1, &e->sampler);
        glSamplerParameteri(e->sampler, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
        glSamplerParameteri(e->sampler, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glSamplerParameteri(e->sampler, GL_TEXTURE_WRAP_S, GL_REPEAT);
        glSamplerParameteri(e->sampler, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    if (e->source_sampler == 0) {
        glCreateSamplers(1, &e->source_sampler);
        glSamplerParameteri(e->source_sampler, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glSamplerParameteri(e->source_sampler, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glSamplerParameteri(e->source_sampler, GL_TEXTURE_WRAP_S, GL_REPEAT);
        glSamplerParameteri(e->source_sampler, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    if (e->base == 0) {
        e->base = texture_new(BASE_W, BASE_H, BASE_LEVELS);
    }
    if (e->fbo == 0 || e->block == 0 || e->sampler == 0 || e->source_sampler == 0 || e->base == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "could not create the environment lights' GL objects");
    }
    return 0;
}

/* The program of one environment pass (its fragment body after td_envmap.glsl). */
static int
pass_program(td_gl_programs *programs, const char *body, GLuint *out, td_err *err)
{
    char vsrc[1024], fsrc[8192];
    int vn = snprintf(vsrc, sizeof(vsrc), "#version 450 core\n%s", td_shader_fullscreen_vert);
    int fn = snprintf(fsrc, sizeof(fsrc), "#version 450 core\n%s#line 1\n%s", td_shader_td_envmap_glsl, body);
    if (vn < 0 || (size_t)vn >= sizeof(vsrc) || fn < 0 || (size_t)fn >= sizeof(fsrc)) {
        return td_err_set(err, TD_ERR_VALUE, "an environment map shader is too long");
    }
    return td_gl_program_get(programs, vsrc, fsrc, out, err);
}

/* Draws one full-screen pass of program into level `level` of texture dst (w x h). */
static int
draw_into(td_gl_envlights *e, GLuint program, GLuint dst, int level, int w, int h, td_err *err)
{
    glNamedFramebufferTexture(e->fbo, GL_COLOR_ATTACHMENT0, dst, level);
    if (glCheckNamedFramebufferStatus(e->fbo, GL_DRAW_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        return td_err_set(err, TD_ERR_RUNTIME, "an environment map cannot be rendered into");
    }
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, e->fbo);
    glViewport(0, 0, w, h);
    glUseProgram(program);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    return 0;
}

/* The irradiance and specular maps of source's image into m. */
static int
make_maps(td_gl_envlights *e, td_gl_programs *programs, GLuint vao, td_gl_target *source, td_gl_envmap *m,
          td_err *err)
{
    GLuint resample, irradiance, specular;
    if (pass_program(programs, td_shader_env_resample_frag, &resample, err) != 0 ||
        pass_program(programs, td_shader_env_irradiance_frag, &irradiance, err) != 0 ||
        pass_program(programs, td_shader_env_specular_frag, &specular, err) != 0) {
        return -1;
    }
    if (m->irradiance == 0) {
        m->irradiance = texture_new(IRRADIANCE_W, IRRADIANCE_H, 1);
    }
    if (m->specular == 0) {
        m->specular = texture_new(SPECULAR_W, SPECULAR_H, TD_ENV_SPEC_LEVELS);
    }
    if (m->irradiance == 0 || m->specular == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "could not create an environment light's maps");
    }
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    glDisable(GL_POLYGON_OFFSET_FILL);
    glDisable(GL_MULTISAMPLE);
    glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glBindVertexArray(vao);
    int rc = 0;
    glBindTextureUnit(0, source->color.id);
    glBindSampler(0, e->source_sampler);
    rc = draw_into(e, resample, e->base, 0, BASE_W, BASE_H, err);
    if (rc == 0) {
        glGenerateTextureMipmap(e->base);
        glBindTextureUnit(0, e->base);
        glBindSampler(0, e->sampler);
        glProgramUniform1i(irradiance, 0, IRRADIANCE_FROM);
        rc = draw_into(e, irradiance, m->irradiance, 0, IRRADIANCE_W, IRRADIANCE_H, err);
    }
    for (int l = 0; rc == 0 && l < TD_ENV_SPEC_LEVELS; l++) {
        glProgramUniform1f(specular, 0, (float)l / (float)(TD_ENV_SPEC_LEVELS - 1));
        glProgramUniform1f(specular, 1, (float)(SPECULAR_FROM + l));
        rc = draw_into(e, specular, m->specular, l, SPECULAR_W >> l, SPECULAR_H >> l, err);
    }
    glBindTextureUnit(0, 0);
    glBindSampler(0, 0);
    glBindVertexArray(0);
    glUseProgram(0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glNamedFramebufferTexture(e->fbo, GL_COLOR_ATTACHMENT0, 0, 0);
    glEnable(GL_DEPTH_TEST);
    return rc;
}

/* The cache's maps of source at generation gen: kept ones, or made anew in the least recently used
 * entry. */
static td_gl_envmap *
maps_of(td_gl_envlights *e, td_gl_programs *programs, GLuint vao, td_gl_target *source, uint64_t gen, td_err *err)
{
    td_gl_envmap *m = NULL;
    for (int k = 0; k < TD_ENV_CACHE && m == NULL; k++) {
        if (e->cache[k].source == source) {
            m = &e->cache[k];
        }
    }
    if (m != NULL && m->gen == gen) {
        m->used = ++e->clock;
        return m;
    }
    if (m == NULL) {
        m = &e->cache[0];
        for (int k = 1; k < TD_ENV_CACHE; k++) {
            if (e->cache[k].used < m->used) {
                m = &e->cache[k];
            }
        }
        td_gl_target_release(m->source);
        td_gl_target_incref(source);
        m->source = source;
    }
    m->gen = gen;
    m->used = ++e->clock;
    td_gl_target_adopt(source);
    if (source->shown == NULL || source->color.id == 0) {
        m->gen = 0;
        td_err_set(err, TD_ERR_RUNTIME, "an environment light's map TOP has no image");
        return NULL;
    }
    if (make_maps(e, programs, vao, source, m, err) != 0) {
        m->gen = 0; /* made again next time */
        return NULL;
    }
    return m;
}

int
td_gl_envlights_uniform(const td_scene *s)
{
    return s->env_uniform[0] != 0.0f || s->env_uniform[1] != 0.0f || s->env_uniform[2] != 0.0f;
}

int
td_gl_envlights_prepare(td_gl_envlights *e, td_gl_programs *programs, unsigned int vao, const td_scene *s,
                        td_err *err)
{
    if (s->nenvlights == 0 && !td_gl_envlights_uniform(s)) {
        return 0;
    }
    if (ensure_objects(e, err) != 0) {
        return -1;
    }
    GLuint irr[TD_MAX_ENVLIGHTS], spec[TD_MAX_ENVLIGHTS];
    for (int k = 0; k < s->nenvlights && k < TD_MAX_ENVLIGHTS; k++) {
        td_gl_envmap *m = maps_of(e, programs, vao, s->envmaps[k], s->envmap_gens[k], err);
        if (m == NULL) {
            return -1;
        }
        irr[k] = m->irradiance;
        spec[k] = m->specular;
    }
    glNamedBufferSubData(e->block, 0, 16, s->env_uniform);
    if (s->nenvlights > 0) {
        glNamedBufferSubData(e->block, 16, (GLsizeiptr)(sizeof(td_scene_envlight) * (size_t)s->nenvlights),
                             s->envlights);
    }
    glBindBufferBase(GL_UNIFORM_BUFFER, TD_BLOCK_ENVLIGHTS, e->block);
    for (int k = 0; k < s->nenvlights && k < TD_MAX_ENVLIGHTS; k++) {
        GLuint unit = TD_ENVLIGHT_UNIT + 2u * (GLuint)k;
        glBindTextureUnit(unit, irr[k]);
        glBindSampler(unit, e->sampler);
        glBindTextureUnit(unit + 1, spec[k]);
        glBindSampler(unit + 1, e->sampler);
    }
    return 0;
}

void
td_gl_envlights_unbind(const td_scene *s)
{
    for (int k = 0; k < s->nenvlights && k < TD_MAX_ENVLIGHTS; k++) {
        GLuint unit = TD_ENVLIGHT_UNIT + 2u * (GLuint)k;
        for (GLuint u = unit; u < unit + 2; u++) {
            glBindTextureUnit(u, 0);
            glBindSampler(u, 0);
        }
    }
}
