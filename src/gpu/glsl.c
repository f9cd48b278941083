/* A glslMAT's program. See glsl.h. */
#include "gpu/glsl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glad/gl.h>

#include "gpu/compose.h"
#include "gpu/scene.h"
#include "td_shaders.h"

_Static_assert((4 * TD_GLSL_VECTORS + 16 * TD_GLSL_MATRICES) * sizeof(float) <= TD_MATERIAL_BLOCK_MAX,
               "the vectors and matrices fit the material block");

static char *
copy(const char *s)
{
    return strdup(s != NULL ? s : "");
}

void
td_gl_glsl_free(td_gl_glsl *g)
{
    if (g == NULL) {
        return;
    }
    free(g->pre);
    free(g->vertex);
    free(g->geometry);
    free(g->pixel);
    free(g->consts);
    free(g);
}

td_gl_source *
td_gl_glsl_source(const td_gl_glsl *g)
{
    td_gl_source *src = td_gl_source_new("", 0);
    td_gl_glsl *c = calloc(1, sizeof(*c));
    if (src == NULL || c == NULL) {
        td_gl_source_decref(src);
        free(c);
        return NULL;
    }
    memcpy(c->vectors, g->vectors, sizeof(c->vectors));
    memcpy(c->samplers, g->samplers, sizeof(c->samplers));
    memcpy(c->matrices, g->matrices, sizeof(c->matrices));
    c->pre = copy(g->pre);
    c->vertex = copy(g->vertex);
    c->pixel = copy(g->pixel);
    c->consts = copy(g->consts);
    c->geometry = g->geometry != NULL ? strdup(g->geometry) : NULL;
    src->glsl = c; /* freed with the source from here on */
    if (c->pre == NULL || c->vertex == NULL || c->pixel == NULL || c->consts == NULL ||
        (g->geometry != NULL && c->geometry == NULL)) {
        td_gl_source_decref(src);
        return NULL;
    }
    return src;
}

static int
same(const char *a, const char *b)
{
    return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

int
td_gl_glsl_equal(const td_gl_glsl *a, const td_gl_glsl *b)
{
    return same(a->pre, b->pre) && same(a->vertex, b->vertex) && same(a->geometry, b->geometry) &&
           same(a->pixel, b->pixel) && same(a->consts, b->consts) &&
           memcmp(a->vectors, b->vectors, sizeof(a->vectors)) == 0 &&
           memcmp(a->samplers, b->samplers, sizeof(a->samplers)) == 0 &&
           memcmp(a->matrices, b->matrices, sizeof(a->matrices)) == 0;
}

/* A growing source text; a failed allocation leaves text NULL. */
typedef struct {
    char *text;
    size_t len, cap;
} buffer;

static void
put(buffer *b, const char *s)
{
    size_t n = strlen(s);
    if (b->text == NULL && b->cap != 0) {
        return; /* failed earlier */
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 16384;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        char *p = realloc(b->text, cap);
        if (p == NULL) {
            free(b->text);
            b->text = NULL;
            b->cap = 1;
            return;
        }
        b->text = p;
        b->cap = cap;
    }
    memcpy(b->text + b->len, s, n + 1);
    b->len += n;
}

/* The start of every stage: the version, the MAT's directives, the scene's constants. Every
 * glslversion compiles as GLSL 4.50 core, the context's. */
static void
stage_start(buffer *b, const td_gl_glsl *g, const td_scene_material *m, const td_scene *s)
{
    char defines[1024];
    put(b, "#version 450 core\n");
    put(b, g->pre);
    put(b, "\n");
    td_gl_scene_defines(defines, sizeof(defines), m, s);
    put(b, defines);
    snprintf(defines, sizeof(defines), "#define TD_USER_SHADER 1\n#define TD_NUM_COLOR_BUFFERS %d\n",
             s->ncolor > 0 ? s->ncolor : 1);
    put(b, defines);
    put(b, td_shader_td_common_glsl);
}

/* The user's source after the prelude and the constants; #line 1: the driver's line numbers count
 * from the MAT's own text. */
static void
stage_body(buffer *b, const td_gl_glsl *g, const char *body)
{
    put(b, g->consts);
    put(b, "#line 1\n");
    put(b, body);
    put(b, "\n");
}

int
td_gl_glsl_program(td_gl_programs *programs, const td_scene_material *m, const td_scene *s, unsigned int *out,
                   td_err *err)
{
    const td_gl_glsl *g = m->source->glsl;
    buffer v = {0}, gs = {0}, f = {0};
    stage_start(&v, g, m, s);
    put(&v, td_shader_td_glsl_common_glsl);
    put(&v, td_shader_td_instance_glsl);
    put(&v, td_shader_td_glsl_vertex_glsl);
    stage_body(&v, g, g->vertex[0] != '\0' ? g->vertex : td_shader_td_glsl_default_vertex_glsl);
    if (g->geometry != NULL) {
        stage_start(&gs, g, m, s);
        put(&gs, td_shader_td_glsl_common_glsl);
        put(&gs, "int TDInstanceID() { return 0; }\n"); /* the vertex stage's is gl_InstanceID */
        stage_body(&gs, g, g->geometry);
    }
    stage_start(&f, g, m, s);
    put(&f, td_shader_td_route_glsl);
    put(&f, td_shader_td_fragment_glsl);
    put(&f, td_shader_td_glsl_common_glsl);
    put(&f, td_shader_td_glsl_pixel_glsl);
    stage_body(&f, g, g->pixel[0] != '\0' ? g->pixel : td_shader_td_glsl_default_pixel_glsl);
    int rc;
    if (v.text == NULL || f.text == NULL || (g->geometry != NULL && gs.text == NULL)) {
        rc = td_err_nomem(err, "shader source");
    }
    else {
        rc = td_gl_program_build(programs, v.text, gs.text, f.text, "pixel", out, err);
    }
    free(v.text);
    free(gs.text);
    free(f.text);
    return rc;
}

static int
is_sampler(unsigned type)
{
    switch (type) {
    case GL_SAMPLER_1D:
    case GL_SAMPLER_2D:
    case GL_SAMPLER_3D:
    case GL_SAMPLER_CUBE:
    case GL_SAMPLER_2D_SHADOW:
    case GL_SAMPLER_2D_RECT:
    case GL_SAMPLER_1D_ARRAY:
    case GL_SAMPLER_2D_ARRAY:
    case GL_SAMPLER_2D_ARRAY_SHADOW:
    case GL_SAMPLER_CUBE_SHADOW:
    case GL_INT_SAMPLER_2D:
    case GL_UNSIGNED_INT_SAMPLER_2D:
        return 1;
    default:
        return 0;
    }
}

/* Sets the vector uniforms u[0 .. TD_GLSL_VECTORS - 1] (their locations and types) from block:
 * vector k's values at floats 4k .. 4k + 3, by each uniform's declared type. */
static void
set_vectors(unsigned int program, const td_gl_uniform *u, const float *block)
{
    for (int k = 0; k < TD_GLSL_VECTORS; k++) {
        GLint loc = u[k].location;
        const float *x = block + 4 * k;
        if (loc < 0) {
            continue; /* not declared, or unused (the compiler dropped it) */
        }
        switch (u[k].type) {
        case GL_FLOAT:
            glProgramUniform1f(program, loc, x[0]);
            break;
        case GL_FLOAT_VEC2:
            glProgramUniform2f(program, loc, x[0], x[1]);
            break;
        case GL_FLOAT_VEC3:
            glProgramUniform3f(program, loc, x[0], x[1], x[2]);
            break;
        case GL_FLOAT_VEC4:
            glProgramUniform4f(program, loc, x[0], x[1], x[2], x[3]);
            break;
        case GL_INT:
        case GL_BOOL:
            glProgramUniform1i(program, loc, (GLint)x[0]);
            break;
        case GL_INT_VEC2:
        case GL_BOOL_VEC2:
            glProgramUniform2i(program, loc, (GLint)x[0], (GLint)x[1]);
            break;
        case GL_INT_VEC3:
        case GL_BOOL_VEC3:
            glProgramUniform3i(program, loc, (GLint)x[0], (GLint)x[1], (GLint)x[2]);
            break;
        case GL_INT_VEC4:
        case GL_BOOL_VEC4:
            glProgramUniform4i(program, loc, (GLint)x[0], (GLint)x[1], (GLint)x[2], (GLint)x[3]);
            break;
        case GL_UNSIGNED_INT:
            glProgramUniform1ui(program, loc, x[0] > 0.0f ? (GLuint)x[0] : 0u);
            break;
        default:
            break; /* a matrix or sampler named on the Vectors page: left as it is */
        }
    }
}

void
td_gl_glsl_vectors(td_gl_programs *programs, unsigned int program, const td_gl_glsl *g, const float *block)
{
    const char *names[TD_GLSL_VECTORS];
    for (int k = 0; k < TD_GLSL_VECTORS; k++) {
        names[k] = g->vectors[k];
    }
    const td_gl_uniform *u = td_gl_program_uniforms(programs, program, names, TD_GLSL_VECTORS);
    if (u != NULL) {
        set_vectors(program, u, block);
    }
}

void
td_gl_glsl_uniforms(td_gl_programs *programs, unsigned int program, const td_scene_material *m)
{
    const td_gl_glsl *g = m->source->glsl;
    enum { NNAMES = TD_GLSL_VECTORS + TD_MATERIAL_MAPS + TD_GLSL_MATRICES };
    const char *names[NNAMES];
    for (int k = 0; k < TD_GLSL_VECTORS; k++) {
        names[k] = g->vectors[k];
    }
    for (int j = 0; j < TD_MATERIAL_MAPS; j++) {
        names[TD_GLSL_VECTORS + j] = g->samplers[j];
    }
    for (int k = 0; k < TD_GLSL_MATRICES; k++) {
        names[TD_GLSL_VECTORS + TD_MATERIAL_MAPS + k] = g->matrices[k];
    }
    const td_gl_uniform *u = td_gl_program_uniforms(programs, program, names, NNAMES);
    if (u == NULL) {
        return;
    }
    set_vectors(program, u, m->block);
    for (int j = 0; j < TD_MATERIAL_MAPS; j++) {
        const td_gl_uniform *s = &u[TD_GLSL_VECTORS + j];
        if (s->location >= 0 && is_sampler(s->type)) {
            glProgramUniform1i(program, s->location, TD_MATERIAL_MAP_UNIT + j);
            if (m->maps[j] < 0) {
                /* no TOP: nothing (an earlier draw's map must not show through) */
                glBindTextureUnit(TD_MATERIAL_MAP_UNIT + (GLuint)j, 0);
            }
        }
    }
    for (int k = 0; k < TD_GLSL_MATRICES; k++) {
        const td_gl_uniform *x = &u[TD_GLSL_VECTORS + TD_MATERIAL_MAPS + k];
        const float *v = m->block + 4 * TD_GLSL_VECTORS + 16 * k;
        if (x->location >= 0 && x->type == GL_FLOAT_MAT4) {
            glProgramUniformMatrix4fv(program, x->location, 1, GL_FALSE, v);
        }
        else if (x->location >= 0 && x->type == GL_FLOAT_MAT3) {
            const float m3[9] = {v[0], v[1], v[2], v[4], v[5], v[6], v[8], v[9], v[10]};
            glProgramUniformMatrix3fv(program, x->location, 1, GL_FALSE, m3);
        }
    }
}
