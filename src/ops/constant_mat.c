/* constantMAT: unlit; every pixel it covers is exactly its colour with its alpha
 * (shaders/constant.frag). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/material.h"
#include "td_shaders.h"

#define CONSTANT_PARS(X)                                                                                   \
    X(colorr, TD_PAR_F, "Color", "Constant", 1)                                                            \
    X(colorg, TD_PAR_F, "Color", "Constant", 1)                                                            \
    X(colorb, TD_PAR_F, "Color", "Constant", 1)                                                            \
    X(alpha, TD_PAR_FC, "Alpha", "Constant", 1, 0, 1)                                                      \
    TD_MAT_MAP_PARS(X, colormap, "Color Map", "Constant")                                                  \
    TD_MAT_COMMON_PARS(X)
TD_PAR_TABLE(constant_pars, CONSTANT_PARS);

/* The TDMaterial block of shaders/constant.frag. */
static const td_block_field constant_block[] = {{"color", 3, PAR_colorr}, {"alpha", 1, PAR_alpha}};

/* Its maps: the colormap, bound where shaders/constant.frag's TD_COLORMAP_UNIT says. */
static const char *const constant_map_units[] = {"TD_COLORMAP_UNIT"};
static const td_mat_map constant_maps[] = {TD_MAT_MAP(colormap)};

static const td_material_program constant_program = {
    .name = "constant", .fragment = td_shader_constant_frag, .fields = constant_block,
    .nfields = TD_NPARS(constant_block), .map_units = constant_map_units, .nmaps = TD_NPARS(constant_maps),
};

static const td_mat_class constant_proto = {.program = &constant_program, .maps = constant_maps};

static PyType_Slot constant_slots[] = {
    {Py_tp_doc, "constantMAT: an unlit material; pixels get exactly its colour and alpha.\n\n"
                "Lights do not affect it. colormap names a TOP (relative to the MAT's network, cooked\n"
                "first) whose image multiplies colour and alpha at the mesh's uv, sampled with\n"
                "colormapextendu/v ('repeat', ours) and colormapfilter ('nearest', 'linear'; 'mipmaplinear'\n"
                "filters linearly). Stored only: colormapextendw, colormapanisotropy."},
    {0, NULL},
};

static PyType_Spec constant_spec = {
    .name = "td_render.constantMAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = constant_slots,
};

const td_op_class td_class_constantMAT = {
    .optype = "constantMAT", .family = "MAT", .label = "Constant", .base_name = "constant", .subtype = "",
    .base = TD_BASE_MAT, .spec = &constant_spec, .pars = constant_pars, .npars = PAR_COUNT,
    .proto = &constant_proto, .release = td_mat_release,
};
