/* The MAT side of material blocks: filling a td_scene_material from a MAT's parameters through
 * its program's field table, and a MAT's replacement fragment source (test-only for now; glslMAT's
 * home later). */
#ifndef TD_OPS_MATERIAL_H
#define TD_OPS_MATERIAL_H

#include "gpu/material.h"
#include "gpu/scene.h"
#include "graph/op.h"

/* The MAT Common page every MAT has, last in each MAT's list (TouchDesigner's names and tokens;
 * the defaults it does not document are ours: blending off, sa / omsa, depth test less, alpha
 * test greaterorequal 0.5, cullface userender). */
#define TD_BLENDOP_MENU(M) M(TD_BLENDOP_ADD, "add") M(TD_BLENDOP_SUB, "subtract") M(TD_BLENDOP_REVSUB, "revsubtract") \
    M(TD_BLENDOP_MIN, "minimum") M(TD_BLENDOP_MAX, "maximum")
#define TD_SRCBLEND_MENU(M)                                                                                \
    M(TD_SRC_ZERO, "zero") M(TD_SRC_DCOL, "dcol") M(TD_SRC_OMDCOL, "omdcol") M(TD_SRC_SA, "sa")             \
    M(TD_SRC_OMSA, "omsa") M(TD_SRC_DA, "da") M(TD_SRC_OMDA, "omda") M(TD_SRC_SAS, "sas") M(TD_SRC_ONE, "one") \
    M(TD_SRC_CCOL, "constantcol") M(TD_SRC_OMCCOL, "omconstantcol") M(TD_SRC_CA, "constanta")              \
    M(TD_SRC_OMCA, "omconstanta")
#define TD_DESTBLEND_MENU(M)                                                                               \
    M(TD_DST_ZERO, "zero") M(TD_DST_SCOL, "scol") M(TD_DST_OMSCOL, "omscol") M(TD_DST_SA, "sa")             \
    M(TD_DST_OMSA, "omsa") M(TD_DST_DA, "da") M(TD_DST_OMDA, "omda") M(TD_DST_ONE, "one")                  \
    M(TD_DST_CCOL, "constantcol") M(TD_DST_OMCCOL, "omconstantcol") M(TD_DST_CA, "constanta")              \
    M(TD_DST_OMCA, "omconstanta")
#define TD_DEPTHFUNC_MENU(M)                                                                               \
    M(TD_DEPTHF_LESS, "less") M(TD_DEPTHF_LEQUAL, "lessorequal") M(TD_DEPTHF_EQUAL, "equal")               \
    M(TD_DEPTHF_GREATER, "greater") M(TD_DEPTHF_GEQUAL, "greaterorequal") M(TD_DEPTHF_NOTEQUAL, "notequal") \
    M(TD_DEPTHF_ALWAYS, "always")
#define TD_ALPHAFUNC_MENU(M)                                                                               \
    M(TD_ALPHAF_LESS, "less") M(TD_ALPHAF_LEQUAL, "lessorequal") M(TD_ALPHAF_GREATER, "greater")           \
    M(TD_ALPHAF_GEQUAL, "greaterorequal")
#define TD_WIREFRAME_MENU(M) M(TD_WIRE_OFF, "off") M(TD_WIRE_TESSELATED, "tesselated") M(TD_WIRE_TOPOLOGY, "topology")
#define TD_MATCULL_MENU(M)                                                                                 \
    M(TD_MATCULL_USERENDER, "userender") M(TD_MATCULL_NEITHER, "neither") M(TD_MATCULL_BACK, "backfaces")   \
    M(TD_MATCULL_FRONT, "frontfaces") M(TD_MATCULL_BOTH, "bothfaces")
#define TD_POINTPREMULT_MENU(M) M(TD_POINTPREMULT_ALREADY, "alreadypremult") M(TD_POINTPREMULT_SHADER, "premultinshader")
enum { TD_BLENDOP_MENU(TD_MENU_ID) };
enum { TD_SRCBLEND_MENU(TD_MENU_ID) };
enum { TD_DESTBLEND_MENU(TD_MENU_ID) };
enum { TD_DEPTHFUNC_MENU(TD_MENU_ID) };
enum { TD_ALPHAFUNC_MENU(TD_MENU_ID) };
enum { TD_WIREFRAME_MENU(TD_MENU_ID) };
enum { TD_MATCULL_MENU(TD_MENU_ID) };
enum { TD_POINTPREMULT_MENU(TD_MENU_ID) };
extern const char *const td_menu_blendop[], *const td_menu_srcblend[], *const td_menu_destblend[];
extern const char *const td_menu_depthfunc[], *const td_menu_alphafunc[], *const td_menu_wireframe[];
extern const char *const td_menu_matcull[], *const td_menu_pointpremult[];

#define TD_MAT_COMMON_PARS(X)                                                                              \
    X(blending, TD_PAR_T, "Blending (Transparency)", "Common", 0)                                          \
    X(blendop, TD_PAR_M, "Blend Operation", "Common", TD_BLENDOP_ADD, td_menu_blendop)                     \
    X(srcblend, TD_PAR_M, "Source Color", "Common", TD_SRC_SA, td_menu_srcblend)                           \
    X(destblend, TD_PAR_M, "Destination Color", "Common", TD_DST_OMSA, td_menu_destblend)                  \
    X(separatealphafunc, TD_PAR_T, "Separate Alpha Function", "Common", 0)                                 \
    X(blendopa, TD_PAR_M, "Blend Operation Alpha", "Common", TD_BLENDOP_ADD, td_menu_blendop)              \
    X(srcblenda, TD_PAR_M, "Source Alpha", "Common", TD_SRC_SA, td_menu_srcblend)                          \
    X(destblenda, TD_PAR_M, "Destination Alpha", "Common", TD_DST_OMSA, td_menu_destblend)                 \
    X(blendconstantr, TD_PAR_F, "Blend Constant Color", "Common", 0)                                       \
    X(blendconstantg, TD_PAR_F, "Blend Constant Color", "Common", 0)                                       \
    X(blendconstantb, TD_PAR_F, "Blend Constant Color", "Common", 0)                                       \
    X(blendconstanta, TD_PAR_F, "Blend Constant Alpha", "Common", 0)                                       \
    X(legacyalphabehavior, TD_PAR_T, "Legacy Alpha Behavior", "Common", 0)                                 \
    X(postmultalpha, TD_PAR_T, "Post-Multiply Color by Alpha", "Common", 0)                                \
    X(pointcolorpremult, TD_PAR_M, "Point Color Pre-Multiply", "Common", TD_POINTPREMULT_ALREADY, td_menu_pointpremult) \
    X(depthtest, TD_PAR_T, "Depth Test", "Common", 1)                                                      \
    X(depthfunc, TD_PAR_M, "Depth Test Function", "Common", TD_DEPTHF_LESS, td_menu_depthfunc)             \
    X(depthwriting, TD_PAR_T, "Write Depth Values", "Common", 1)                                           \
    X(alphatest, TD_PAR_T, "Discard Pixels Based on Alpha", "Common", 0)                                   \
    X(alphafunc, TD_PAR_M, "Keep Pixels with Alpha", "Common", TD_ALPHAF_GEQUAL, td_menu_alphafunc)        \
    X(alphathreshold, TD_PAR_F, "Alpha Threshold", "Common", 0.5)                                          \
    X(wireframe, TD_PAR_M, "Wire Frame", "Common", TD_WIRE_OFF, td_menu_wireframe)                         \
    X(wirewidth, TD_PAR_FR, "Line Width", "Common", 1, 0, 1e6, TD_PAR_CLAMP_MIN)                           \
    X(cullface, TD_PAR_M, "Cull Face", "Common", TD_MATCULL_USERENDER, td_menu_matcull)                    \
    X(polygonoffset, TD_PAR_T, "Polygon Depth Offset", "Common", 0)                                        \
    X(polygonoffsetfactor, TD_PAR_F, "Offset Factor", "Common", 1)                                         \
    X(polygonoffsetunits, TD_PAR_F, "Offset Units", "Common", 1)
#define TD_MATC_ID(id, ...) TD_MATC_##id,
enum { TD_MAT_COMMON_PARS(TD_MATC_ID) TD_MATC_COUNT };
#undef TD_MATC_ID
/* The Common page's first index in a MAT's table. */
static inline Py_ssize_t
td_mat_common(const td_op_class *cls)
{
    return (Py_ssize_t)cls->npars - TD_MATC_COUNT;
}

/* How a map samples its TOP (TouchDesigner's tokens; the extend order is gpu/sampler.h's codes). */
#define TD_EXTEND_MENU(M) M(TD_EXTEND_HOLD, "hold") M(TD_EXTEND_ZERO, "zero") M(TD_EXTEND_REPEAT, "repeat") M(TD_EXTEND_MIRROR, "mirror")
#define TD_MAPFILTER_MENU(M) M(TD_MAPFILTER_NEAREST, "nearest") M(TD_MAPFILTER_LINEAR, "linear") M(TD_MAPFILTER_MIPMAP, "mipmaplinear")
#define TD_ANISOTROPY_MENU(M) M(TD_ANISO_OFF, "off") M(TD_ANISO_2X, "2x") M(TD_ANISO_4X, "4x") M(TD_ANISO_8X, "8x") M(TD_ANISO_16X, "16x")
enum { TD_EXTEND_MENU(TD_MENU_ID) };
enum { TD_MAPFILTER_MENU(TD_MENU_ID) };
enum { TD_ANISOTROPY_MENU(TD_MENU_ID) };
extern const char *const td_menu_extend[], *const td_menu_extend_labels[];
extern const char *const td_menu_mapfilter[], *const td_menu_mapfilter_labels[], *const td_menu_anisotropy[];

/* One texture map of a MAT: the indices of its TOP parameter and its sampling parameters. */
typedef struct td_mat_map {
    Py_ssize_t top, extendu, extendv, filter;
} td_mat_map;

/* A map's rows as TouchDesigner names them (map, mapextendu/v/w, mapfilter, mapanisotropy; the
 * defaults are ours: repeat, linear, off), and its td_mat_map from the PAR_* indices they give. */
#define TD_MAT_MAP_PARS(X, map, label, page)                                                               \
    X(map, TD_PAR_O, label, page, "")                                                                      \
    X(map##extendu, TD_PAR_ML, "Extend U", page, TD_EXTEND_REPEAT, td_menu_extend, td_menu_extend_labels)  \
    X(map##extendv, TD_PAR_ML, "Extend V", page, TD_EXTEND_REPEAT, td_menu_extend, td_menu_extend_labels)  \
    X(map##extendw, TD_PAR_ML, "Extend W", page, TD_EXTEND_REPEAT, td_menu_extend, td_menu_extend_labels)  \
    X(map##filter, TD_PAR_ML, "Filter", page, TD_MAPFILTER_LINEAR, td_menu_mapfilter, td_menu_mapfilter_labels) \
    X(map##anisotropy, TD_PAR_M, "Anisotropic Filter", page, TD_ANISO_OFF, td_menu_anisotropy)
#define TD_MAT_MAP(map)                                                                                    \
    {.top = PAR_##map, .extendu = PAR_##map##extendu, .extendv = PAR_##map##extendv, .filter = PAR_##map##filter}

/* The MAT family's protocol (td_op_class.proto of every MAT): the program its material block
 * feeds and its maps (program->nmaps of them). Filling is the same for every MAT (td_mat_fill), so
 * a MAT type is its parameter table, its block's field table, its maps and its shader. */
typedef struct td_mat_class {
    const td_material_program *program;
    const td_mat_map *maps;
    /* NULL, or what the MAT adds to its material after the fill and its maps (glslMAT: its stages'
     * sources, read from DATs, as mat->ext, which the render takes as the material's source); -1
     * with a Python error. Python may run (a DAT's file parameter): mat is held by the caller. */
    int (*fill)(TdOp *mat, const td_values *vals, td_scene_material *out);
    /* lines: the MAT draws only its triangles' edges (wireframeMAT), line_width the index of its
     * width parameter (pixels), which replaces the Common page's wirewidth */
    int lines;
    Py_ssize_t line_width;
} td_mat_class;

static inline const td_mat_class *
td_mat_class_of(const TdOp *op)
{
    return op->cls->base == TD_BASE_MAT ? (const td_mat_class *)op->cls->proto : NULL;
}

/* Fills block (TD_MATERIAL_BLOCK_MAX bytes) by prog's field table from an operator's evaluated
 * values (vals NULL: cls's defaults): each field reads `components` consecutive parameters. Shared
 * by MATs and the image TOPs. */
void td_block_fill(const td_values *vals, const td_op_class *cls, const td_material_program *prog, float *block);

/* Fills out's program, block and state (the Common page) from a MAT's evaluated values (vals NULL:
 * cls's parameter defaults), in plain C. Each field of prog reads `components` consecutive parameters of cls
 * starting at the field's par index. out->owner and out->source are the caller's. */
void td_mat_fill(const td_values *vals, const td_op_class *cls, const td_material_program *prog,
                 td_scene_material *out);

/* The material of geometry without one: phongMAT's defaults (phong_mat.c). */
void td_phong_defaults(td_scene_material *out);

/* release hook of the MAT classes: drops the replacement source. */
void td_mat_release(TdOp *mat);

/* _td._set_material_source(mat, fragment_src): test-only. */
PyObject *td_mat_set_source(PyObject *module, PyObject *args);

#endif
