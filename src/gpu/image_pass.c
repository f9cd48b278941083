/* The image operators' pass. See image_pass.h. */
#include "gpu/image_pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glad/gl.h>

#include "gpu/compose.h"
#include "gpu/glsl.h"
#include "gpu/material.h"
#include "image/pixels.h"
#include "td_shaders.h"

/* The TDImageInfo block: the output's TDTexInfo, then each input's. */
#define TD_MAX_2D_INPUTS (TD_MAX_TEXTURES + 1)
#define INFO_BYTES ((1 + TD_MAX_2D_INPUTS) * 32 + 16) /* + uTDPass */

static void
tex_info(float *out, int w, int h)
{
    out[0] = 1.0f / (float)w;
    out[1] = 1.0f / (float)h;
    out[2] = (float)w;
    out[3] = (float)h;
    out[4] = out[5] = out[6] = out[7] = 1.0f;
}

/* The inputs of s: its pixels first, then its textures. */
static int
ninputs(const td_scene *s)
{
    return s->ntextures + (s->pixels != NULL);
}

/* Uploads s->pixels into p->upload (remade when the shape changes), channels swizzled to RGBA the
 * way their layout says. */
static int
upload(td_gl_image_pass *p, const td_pixels *px, td_err *err)
{
    static const GLenum internal[4][4] = {
        [TD_SAMPLE_U8] = {GL_R8, GL_RG8, GL_RGB8, GL_RGBA8},
        [TD_SAMPLE_U16] = {GL_R16, GL_RG16, GL_RGB16, GL_RGBA16},
        [TD_SAMPLE_F16] = {GL_R16F, GL_RG16F, GL_RGB16F, GL_RGBA16F},
        [TD_SAMPLE_F32] = {GL_R32F, GL_RG32F, GL_RGB32F, GL_RGBA32F}};
    static const GLenum type[4] = {[TD_SAMPLE_U8] = GL_UNSIGNED_BYTE, [TD_SAMPLE_U16] = GL_UNSIGNED_SHORT,
                                   [TD_SAMPLE_F16] = GL_HALF_FLOAT, [TD_SAMPLE_F32] = GL_FLOAT};
    static const GLenum format[4] = {GL_RED, GL_RG, GL_RGB, GL_RGBA};
    int c = px->channels - 1;
    GLenum in = internal[px->type][c];
    if (!td_gl_texture_is(&p->upload, px->width, px->height, in, 1) &&
        td_gl_texture_create(&p->upload, px->width, px->height, in,
                             (size_t)px->channels * td_sample_size(px->type), 1, err) != 0) {
        return -1;
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTextureSubImage2D(p->upload.id, 0, 0, 0, px->width, px->height, format[c], type[px->type], px->data);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    /* grey: (g, g, g, 1), grey + alpha: (g, g, g, a); as given: missing channels 0, alpha 1 */
    GLint grey[2][4] = {{GL_RED, GL_RED, GL_RED, GL_ONE}, {GL_RED, GL_RED, GL_RED, GL_GREEN}};
    GLint given[4][4] = {{GL_RED, GL_ZERO, GL_ZERO, GL_ONE}, {GL_RED, GL_GREEN, GL_ZERO, GL_ONE},
                         {GL_RED, GL_GREEN, GL_BLUE, GL_ONE}, {GL_RED, GL_GREEN, GL_BLUE, GL_ALPHA}};
    const GLint *sw = px->layout == TD_PIXELS_GREY && c < 2 ? grey[c] : given[c];
    glTextureParameteriv(p->upload.id, GL_TEXTURE_SWIZZLE_RGBA, sw);
    return 0;
}

/* The vertex shader of every image program, made once. */
static int
sources(td_gl_image_pass *p, td_err *err)
{
    if (p->vsrc == NULL) {
        size_t vlen = strlen(td_shader_fullscreen_vert) + 32;
        if ((p->vsrc = malloc(vlen)) == NULL) {
            return td_err_nomem(err, "an image program");
        }
        snprintf(p->vsrc, vlen, "#version 450 core\n%s", td_shader_fullscreen_vert);
    }
    return 0;
}

static int
image_program(td_gl_image_pass *p, td_gl_programs *programs, char *fsrc, const td_scene *s, GLuint *out, td_err *err)
{
    const td_material_program *mp = s->image_program;
    const td_gl_glsl *user = s->image_source != NULL ? s->image_source->glsl : NULL;
    if (sources(p, err) != 0) {
        return -1;
    }
    const char *vsrc = p->vsrc;
    int len = snprintf(fsrc, TD_SOURCE_MAX, "#version 450 core\n%s\n#define TD_NUM_2D_INPUTS %d\n#define TD_MAX_2D_INPUTS %d\n"
                       "#define TD_OUTPUT_MODE %d\n%s",
                       user != NULL ? user->pre : "", ninputs(s), TD_MAX_2D_INPUTS, (int)s->format->out_mode,
                       user != NULL ? "#define TD_USER_SHADER 1\n" : "");
    size_t n = len > 0 ? (size_t)len : 0;
    for (size_t i = 0; i < mp->ndefines && i < TD_IMAGE_DEFINES && n < TD_SOURCE_MAX; i++) {
        n += (size_t)snprintf(fsrc + n, TD_SOURCE_MAX - n, "#define %s %d\n", mp->defines[i], s->image_defines[i]);
    }
    for (size_t i = 0; i < mp->nswitches && n < TD_SOURCE_MAX; i++) {
        if (td_block_switches(mp, s->image_block) & (1u << i)) {
            n += (size_t)snprintf(fsrc + n, TD_SOURCE_MAX - n, "#define %s 1\n", mp->switches[i].define);
        }
    }
    if (n < TD_SOURCE_MAX) {
        n += (size_t)snprintf(fsrc + n, TD_SOURCE_MAX - n, "%s%s", td_shader_td_route_glsl, td_shader_td_image_glsl);
    }
    if (n < TD_SOURCE_MAX && user == NULL) {
        n += td_block_declaration(mp->fields, mp->nfields, fsrc + n, TD_SOURCE_MAX - n);
    }
    if (n < TD_SOURCE_MAX && user != NULL) {
        n += (size_t)snprintf(fsrc + n, TD_SOURCE_MAX - n, "%s", user->consts);
    }
    /* #line 1: the driver's line numbers count from the shader's own text */
    if (n < TD_SOURCE_MAX) {
        n += (size_t)snprintf(fsrc + n, TD_SOURCE_MAX - n, "#line 1\n%s\n",
                              user != NULL && user->pixel[0] != '\0' ? user->pixel : mp->fragment);
    }
    int rc = n >= TD_SOURCE_MAX ? td_err_set(err, TD_ERR_VALUE, "the %s shader is longer than %d bytes", mp->name, TD_SOURCE_MAX)
             : user != NULL    ? td_gl_program_build(programs, vsrc, NULL, fsrc, "pixel", out, err)
                               : td_gl_program_get(programs, vsrc, fsrc, out, err);
    return rc;
}

static int
buffer(GLuint *id, size_t bytes, td_err *err)
{
    if (*id == 0) {
        glCreateBuffers(1, id);
        if (*id == 0) {
            return td_err_set(err, TD_ERR_RUNTIME, "could not create a buffer");
        }
        glNamedBufferData(*id, (GLsizeiptr)bytes, NULL, GL_DYNAMIC_DRAW);
    }
    return 0;
}

/* The program that passes input 0 through (the channels outside a chanmask keep it). */
static int
passthrough_program(td_gl_image_pass *p, td_gl_programs *programs, char *fsrc, const td_scene *s, GLuint *out,
                    td_err *err)
{
    if (sources(p, err) != 0) {
        return -1;
    }
    snprintf(fsrc, TD_SOURCE_MAX,
             "#version 450 core\n#define TD_NUM_2D_INPUTS %d\n#define TD_MAX_2D_INPUTS %d\n#define TD_OUTPUT_MODE %d\n"
             "%s%s#line 1\n%s",
             ninputs(s), TD_MAX_2D_INPUTS, (int)s->format->out_mode, td_shader_td_route_glsl, td_shader_td_image_glsl,
             td_shader_null_top_frag);
    return td_gl_program_get(programs, p->vsrc, fsrc, out, err);
}

/* One pass of program over the inputs ids[0 .. n - 1] into t, writing the channels of mask (bit 0
 * R .. bit 3 A) and starting from load (don't care, what is there, or cleared to zero). */
static int
draw_once(td_gl_image_pass *p, td_gl_samplers *samplers, unsigned int vao, td_gl_target *t, const td_scene *s,
          GLuint program, const GLuint *ids, int n, unsigned mask, td_gl_load_action load, td_err *err)
{
    td_gl_pass_action action = {.color = load, .depth = TD_GL_LOAD_DONTCARE, .srgb = t->format->srgb};
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE); /* a clear clears every channel */
    td_gl_pass_begin(&t->pass, &action);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    glDisable(GL_POLYGON_OFFSET_FILL);
    glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
    unsigned int cm = mask;
    glColorMask((cm & 1u) != 0, (cm & 2u) != 0, (cm & 4u) != 0, (cm & 8u) != 0);
    int rc = 0;
    for (int k = 0; k < n && rc == 0; k++) {
        GLuint smp = td_gl_sampler(samplers, s->image_sampling[k], err);
        if (smp == 0) {
            rc = -1;
            break;
        }
        glBindTextureUnit((GLuint)k, ids[k]);
        glBindSampler((GLuint)k, smp);
    }
    if (rc == 0) {
        glUseProgram(program);
        glBindBufferBase(GL_UNIFORM_BUFFER, 0, p->info);
        glBindBufferBase(GL_UNIFORM_BUFFER, TD_BLOCK_MATERIAL, p->block);
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glBindVertexArray(0);
        glUseProgram(0);
    }
    for (int k = 0; k < n; k++) {
        glBindTextureUnit((GLuint)k, 0);
        glBindSampler((GLuint)k, 0);
    }
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glEnable(GL_DEPTH_TEST);
    int end = td_gl_pass_end(&t->pass, rc == 0 ? err : NULL);
    return rc != 0 || end != 0 ? -1 : 0;
}

int
td_gl_image_draw(td_gl_image_pass *p, td_gl_programs *programs, td_gl_samplers *samplers, char *fsrc,
                 unsigned int vao, td_gl_target *t, const td_scene *s, td_err *err)
{
    GLuint program = 0;
    if (image_program(p, programs, fsrc, s, &program, err) != 0) {
        return -1;
    }
    if (buffer(&p->info, INFO_BYTES, err) != 0 || buffer(&p->block, TD_MATERIAL_BLOCK_MAX, err) != 0) {
        return -1;
    }
    if (s->image_source != NULL && s->image_source->glsl != NULL) {
        td_gl_glsl_vectors(programs, program, s->image_source->glsl, s->image_block); /* a glslTOP's uniforms */
    }
    float info[INFO_BYTES / 4] = {0};
    tex_info(info, s->width, s->height);
    GLuint ids[TD_MAX_2D_INPUTS];
    int n = 0;
    if (s->pixels != NULL) {
        if (upload(p, s->pixels, err) != 0) {
            return -1;
        }
        tex_info(info + 8 * (1 + n), p->upload.width, p->upload.height);
        ids[n++] = p->upload.id;
    }
    for (int k = 0; k < s->ntextures; k++) {
        td_gl_target *in = s->textures[k];
        td_gl_target_adopt(in);
        if (in->shown == NULL || in->color.id == 0) {
            return td_err_set(err, TD_ERR_RUNTIME, "an input TOP has no image");
        }
        tex_info(info + 8 * (1 + n), in->color.width, in->color.height);
        ids[n++] = in->color.id;
    }
    glNamedBufferSubData(p->block, 0, TD_MATERIAL_BLOCK_MAX, s->image_block);
    /* passes after the first read the one before as input 0 (a copy of the target's image) */
    int passes = s->image_passes > 1 && n > 0 ? s->image_passes : 1;
    if (passes > 1 && !td_gl_texture_is(&p->feedback, t->color.width, t->color.height, t->color.internal, 1) &&
        td_gl_texture_create(&p->feedback, t->color.width, t->color.height, t->color.internal, t->color.texel_bytes, 1,
                             err) != 0) {
        return -1;
    }
    int rc = 0;
    for (int pass = 0; pass < passes && rc == 0; pass++) {
        if (pass > 0) {
            glCopyImageSubData(t->color.id, GL_TEXTURE_2D, 0, 0, 0, 0, p->feedback.id, GL_TEXTURE_2D, 0, 0, 0, 0,
                               t->color.width, t->color.height, 1);
            ids[0] = p->feedback.id;
            tex_info(info + 8, t->color.width, t->color.height);
        }
        int index = pass;
        memcpy(info + (INFO_BYTES - 16) / 4, &index, sizeof(index));
        glNamedBufferSubData(p->info, 0, INFO_BYTES, info);
        unsigned mask = s->chanmask & 15u;
        td_gl_load_action load = TD_GL_LOAD_DONTCARE;
        if (mask != 15u) { /* the channels outside chanmask: input 0's, or zero without one */
            load = n > 0 ? TD_GL_LOAD_LOAD : TD_GL_LOAD_CLEAR;
            GLuint through = 0;
            if (n > 0 && (passthrough_program(p, programs, fsrc, s, &through, err) != 0 ||
                          draw_once(p, samplers, vao, t, s, through, ids, n, 15u, TD_GL_LOAD_DONTCARE, err) != 0)) {
                rc = -1;
                break;
            }
        }
        rc = draw_once(p, samplers, vao, t, s, program, ids, n, mask, load, err);
    }
    return rc;
}
