/* levelTOP: brightness, contrast, gamma, black level, invert and opacity of its input
 * (shaders/level_top.frag, which says the order they apply in). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "td_shaders.h"

#define LEVEL_PARS(X)                                                                                      \
    X(invert, TD_PAR_FC, "Invert", "Pre", 0, 0, 1)                                                         \
    X(blacklevel, TD_PAR_FR, "Black Level", "Pre", 0, 0, 1, TD_PAR_CLAMP_MIN | TD_PAR_CLAMP_MAX)           \
    X(brightness1, TD_PAR_FR, "Brightness", "Pre", 1, 0, 10, TD_PAR_CLAMP_MIN)                             \
    X(contrast, TD_PAR_FR, "Contrast", "Pre", 1, 0, 10, TD_PAR_CLAMP_MIN)                                  \
    X(gamma1, TD_PAR_FR, "Gamma", "Pre", 1, 0, 10, TD_PAR_REJECT_MIN)                                      \
    X(opacity, TD_PAR_FR, "Opacity", "Post", 1, 0, 1, TD_PAR_CLAMP_MIN)                                    \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(level_pars, LEVEL_PARS);

static const td_block_field level_block[] = {
    {"invert", 1, PAR_invert},     {"blackLevel", 1, PAR_blacklevel}, {"brightness", 1, PAR_brightness1},
    {"contrast", 1, PAR_contrast}, {"gamma", 1, PAR_gamma1},          {"opacity", 1, PAR_opacity},
};

static const td_material_program level_program = {
    .name = "levelTOP", .fragment = td_shader_level_top_frag, .fields = level_block, .nfields = TD_NPARS(level_block)};

static int
level_fill(TdOp *top, td_image_build *b)
{
    if (!(b->vals->v[PAR_gamma1].num > 0.0)) {
        return td_image_top_error(top, "gamma1 must be > 0");
    }
    return 0;
}

static const td_image_top_class level_proto = {.top = TD_IMAGE_TOP_PROTO, .program = &level_program, .fill = level_fill};

static PyType_Slot level_slots[] = {
    {Py_tp_doc, "levelTOP: its input's levels. On rgb, in this order (the order is ours):\n"
                "  invert: mix(c, 1 - c, invert); black level: (c - blacklevel) / (1 - blacklevel);\n"
                "  brightness: c * brightness1; contrast: (c - 0.5) * contrast + 0.5;\n"
                "  gamma: c ^ (1 / gamma1) (the sign kept);\n"
                "then opacity multiplies rgba (premultiplied images fade as a whole). The image has the\n"
                "input's size and format unless the Common page says otherwise. Not offered yet: the\n"
                "Range page, the per-channel brightness2/gamma2, clamping (fixed formats clamp to 0..1)."},
    {0, NULL},
};

static PyType_Spec level_spec = {
    .name = "td_render.levelTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = level_slots,
};

const td_op_class td_class_levelTOP = {
    .optype = "levelTOP", .family = "TOP", .label = "Level", .base_name = "level", .subtype = "",
    .base = TD_BASE_TOP, .spec = &level_spec, .pars = level_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_top_release, .proto = &level_proto,
    .cook = td_top_cook_hook,
};
