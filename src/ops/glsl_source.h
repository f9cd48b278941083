/* The GLSL operators' shared parts (glslMAT, glslTOP): their uniform pages as fixed blocks of
 * parameters, and reading their shader sources and uniform names from parameters. */
#ifndef TD_OPS_GLSL_SOURCE_H
#define TD_OPS_GLSL_SOURCE_H

#include "gpu/glsl.h"
#include "graph/op.h"

/* glslversion: TouchDesigner's tokens (every one compiles as GLSL 4.50 core, the context's). */
#define GLSLVERSION_MENU(M)                                                                                \
    M(GLSL_120, "glsl120") M(GLSL_330, "glsl330") M(GLSL_400, "glsl400") M(GLSL_410, "glsl410")            \
    M(GLSL_420, "glsl420") M(GLSL_430, "glsl430") M(GLSL_440, "glsl440") M(GLSL_450, "glsl450")            \
    M(GLSL_460, "glsl460")
enum { GLSLVERSION_MENU(TD_MENU_ID) };
extern const char *const td_menu_glslversion[], *const td_menu_glslversion_labels[];

/* The uniform pages as fixed blocks of parameters (TouchDesigner's sequences, vec0.. sampler0..,
 * with their first blocks' names): 8 vectors, 8 samplers (a material's maps), 4 arrays, 4 constants. */
#define VEC_BLOCK(X, n)                                                                                    \
    X(vec##n##name, TD_PAR_S, "Uniform Name", "Vectors", "")                                               \
    X(vec##n##valuex, TD_PAR_F, "Value", "Vectors", 0)                                                     \
    X(vec##n##valuey, TD_PAR_F, "Value", "Vectors", 0)                                                     \
    X(vec##n##valuez, TD_PAR_F, "Value", "Vectors", 0)                                                     \
    X(vec##n##valuew, TD_PAR_F, "Value", "Vectors", 0)
#define ARRAY_BLOCK(X, n)                                                                                  \
    X(array##n##name, TD_PAR_S, "Uniform Name", "Arrays", "")                                              \
    X(array##n##type, TD_PAR_M, "Type", "Arrays", ARRAY_VEC4, arraytype_menu)                              \
    X(array##n##chop, TD_PAR_O, "CHOP", "Arrays", "")                                                      \
    X(array##n##arraytype, TD_PAR_M, "Array Type", "Arrays", ARRAY_UNIFORM, arraykind_menu)
#define SAMPLER_BLOCK(X, n)                                                                                \
    X(sampler##n##name, TD_PAR_S, "Sampler Name", "Samplers", "")                                          \
    X(sampler##n##top, TD_PAR_O, "TOP", "Samplers", "")                                                    \
    X(sampler##n##extendu, TD_PAR_ML, "Extend U", "Samplers", TD_EXTEND_REPEAT, td_menu_extend, td_menu_extend_labels) \
    X(sampler##n##extendv, TD_PAR_ML, "Extend V", "Samplers", TD_EXTEND_REPEAT, td_menu_extend, td_menu_extend_labels) \
    X(sampler##n##extendw, TD_PAR_ML, "Extend W", "Samplers", TD_EXTEND_REPEAT, td_menu_extend, td_menu_extend_labels) \
    X(sampler##n##filter, TD_PAR_ML, "Filter", "Samplers", TD_MAPFILTER_LINEAR, td_menu_mapfilter, td_menu_mapfilter_labels) \
    X(sampler##n##anisotropy, TD_PAR_M, "Anisotropic Filter", "Samplers", TD_ANISO_OFF, td_menu_anisotropy)
#define MATRIX_BLOCK(X, n)                                                                                 \
    X(matrix##n##name, TD_PAR_S, "Uniform Name", "Matrices", "")                                           \
    X(matrix##n##value, TD_PAR_O, "Value", "Matrices", "")
#define CONST_BLOCK(X, n)                                                                                  \
    X(const##n##name, TD_PAR_S, "Constant Name", "Constants", "")                                          \
    X(const##n##value, TD_PAR_I, "Value", "Constants", 0, -1000000, 1000000, 0)
#define BLOCKS8(B, X) B(X, 0) B(X, 1) B(X, 2) B(X, 3) B(X, 4) B(X, 5) B(X, 6) B(X, 7)
#define BLOCKS4(B, X) B(X, 0) B(X, 1) B(X, 2) B(X, 3)
#define BLOCKS2(B, X) B(X, 0) B(X, 1)

/* Constants on the Constants page. */
#define TD_GLSL_CONSTS 4

/* Raises a tdError "<op>: <msg>" (and does what else the operator keeps of it); returns -1. */
typedef int (*td_glsl_fail)(TdOp *op, const char *msg);

/* The text parameter index gives: the DAT it names (relative to op's network), or the value itself
 * when it holds a newline (a source, not a path), or NULL for an empty value. *held keeps a DAT's
 * text alive. -1 with fail's error naming the parameter. Python may run (a DAT's file parameter). */
int td_glsl_stage_text(TdOp *op, const td_values *vals, Py_ssize_t index, td_glsl_fail fail, const char **text,
                       PyObject **held);
/* Copies a uniform name from parameter index into out; -1 (fail) if it is too long. */
int td_glsl_uniform_name(TdOp *op, const td_values *vals, Py_ssize_t index, td_glsl_fail fail,
                         char out[TD_GLSL_NAME_MAX]);
/* The n constants (name at first + k * stride, value after it) as GLSL declarations into out. */
int td_glsl_constants(TdOp *op, const td_values *vals, Py_ssize_t first, Py_ssize_t stride, int n, td_glsl_fail fail,
                      char *out, size_t cap);

#endif
