/* transformTOP: its input translated, rotated and scaled about a pivot (shaders/transform_top.frag,
 * which gives the mapping). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "ops/material.h"
#include "td_shaders.h"

#define TRANSFORM_PARS(X)                                                                                  \
    X(tx, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(ty, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(rotate, TD_PAR_F, "Rotate", "Transform", 0)                                                          \
    X(sx, TD_PAR_F, "Scale", "Transform", 1)                                                               \
    X(sy, TD_PAR_F, "Scale", "Transform", 1)                                                               \
    X(px, TD_PAR_F, "Pivot", "Transform", 0.5)                                                             \
    X(py, TD_PAR_F, "Pivot", "Transform", 0.5)                                                             \
    X(extend, TD_PAR_ML, "Extend", "Transform", TD_EXTEND_ZERO, td_menu_extend, td_menu_extend_labels)     \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(transform_pars, TRANSFORM_PARS);

static const td_block_field transform_block[] = {
    {"translate", 2, PAR_tx}, {"scale", 2, PAR_sx}, {"pivot", 2, PAR_px}, {"rotate", 1, PAR_rotate}};
static const char *const transform_defines[] = {"TD_EXTEND"};
static const Py_ssize_t transform_define_pars[] = {PAR_extend};

static const td_material_program transform_program = {
    .name = "transformTOP", .fragment = td_shader_transform_top_frag, .fields = transform_block,
    .nfields = TD_NPARS(transform_block), .defines = transform_defines, .ndefines = TD_NPARS(transform_defines)};

static int
transform_fill(TdOp *top, td_image_build *b)
{
    if (b->vals->v[PAR_sx].num == 0.0 || b->vals->v[PAR_sy].num == 0.0) {
        return td_image_top_error(top, "sx and sy must not be 0");
    }
    return 0;
}

static const td_image_top_class transform_proto = {.top = TD_IMAGE_TOP_PROTO,
                                                   .program = &transform_program,
                                                   .defines = transform_define_pars,
                                                   .fill = transform_fill};

static PyType_Slot transform_slots[] = {
    {Py_tp_doc, "transformTOP: its input moved by (tx, ty) (fractions of the image), rotated by rotate degrees\n"
                "counterclockwise and scaled by (sx, sy) about the pivot (px, py) (fractions, 0.5 0.5 the\n"
                "centre), in pixels (so a rotation keeps shapes on non-square images); outside the input,\n"
                "extend: 'hold', 'zero' (the default, ours), 'repeat', 'mirror'. Sampled with the Common\n"
                "page's inputfiltertype. Not offered yet: the transform order, units menus and the Tile page."},
    {0, NULL},
};

static PyType_Spec transform_spec = {
    .name = "td_render.transformTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = transform_slots,
};

const td_op_class td_class_transformTOP = {
    .optype = "transformTOP", .family = "TOP", .label = "Transform", .base_name = "transform", .subtype = "",
    .base = TD_BASE_TOP, .spec = &transform_spec, .pars = transform_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_top_release, .proto = &transform_proto,
    .cook = td_top_cook_hook,
};
