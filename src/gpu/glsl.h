/* A glslMAT's program: its stages' sources (vertex, optional geometry, pixel, the preprocessor
 * directives put first) with TouchDesigner's GLSL API before each (shaders/td_glsl_*.glsl), its
 * compile-time constants, and the names of the uniforms the MAT sets: vector uniforms from the
 * material block (vector k: floats 4k .. 4k + 3) and samplers bound to its maps' units. Carried by
 * a td_gl_source (gpu/program.h) so a scene snapshot holds it by reference. Plain C, no Python. */
#ifndef TD_GPU_GLSL_H
#define TD_GPU_GLSL_H

#include "gpu/material.h"
#include "gpu/program.h"
#include "util/err.h"

#define TD_GLSL_VECTORS 8
/* Matrix uniforms, after the vectors in the material block: matrix k's 16 floats (column-major) at
 * 4 * TD_GLSL_VECTORS + 16k. */
#define TD_GLSL_MATRICES 2
#define TD_GLSL_NAME_MAX 64

typedef struct td_gl_glsl {
    char *pre;      /* preprocessor directives (predat), "" none */
    char *vertex;   /* "": the default vertex shader (shaders/td_glsl_default_vertex.glsl) */
    char *geometry; /* NULL: no geometry stage */
    char *pixel;    /* "": the default pixel shader (shaders/td_glsl_default_pixel.glsl) */
    char *consts;   /* GLSL declarations of the constants ("const int n = 4;\n" ...), "" none */
    char vectors[TD_GLSL_VECTORS][TD_GLSL_NAME_MAX];   /* uniform names, "" unused */
    char samplers[TD_MATERIAL_MAPS][TD_GLSL_NAME_MAX]; /* sampler j: material map j's unit */
    char matrices[TD_GLSL_MATRICES][TD_GLSL_NAME_MAX];
} td_gl_glsl;

/* A source carrying a copy of g (its strings copied; geometry may be NULL), one reference; NULL if
 * out of memory. */
td_gl_source *td_gl_glsl_source(const td_gl_glsl *g);
/* 1 if a and b hold the same texts and names. */
int td_gl_glsl_equal(const td_gl_glsl *a, const td_gl_glsl *b);
/* Frees a copy made by td_gl_glsl_source (NULL is fine). */
void td_gl_glsl_free(td_gl_glsl *g);

struct td_scene;
struct td_scene_material;

/* GL thread: material m's program (m->source->glsl) for scene s, composed and taken from the
 * program cache; -1 with err naming the stage (TouchDesigner's words: vertex, geometry, pixel) and
 * the line of the MAT's source if it does not compile or link. */
int td_gl_glsl_program(td_gl_programs *programs, const struct td_scene_material *m, const struct td_scene *s,
                       unsigned int *out, td_err *err);
/* GL thread: sets material m's uniforms in program (a program td_gl_glsl_program made): its
 * vectors by their declared types, its samplers to their maps' units. */
void td_gl_glsl_uniforms(td_gl_programs *programs, unsigned int program, const struct td_scene_material *m);
/* GL thread: sets g's vector uniforms in program from block (vector k: floats 4k .. 4k + 3). */
void td_gl_glsl_vectors(td_gl_programs *programs, unsigned int program, const td_gl_glsl *g, const float *block);

#endif
