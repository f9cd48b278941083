/* inTOP: the image wired into it, passed on (shaders/null_top.frag). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "td_shaders.h"

#define INOUT_PARS(X)                                                                                      \
    X(label, TD_PAR_S, "Label", "In", "")                                                              \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(inout_pars, INOUT_PARS);

static const td_material_program pass_program = {.name = "inTOP", .fragment = td_shader_null_top_frag};

static const td_image_top_class inout_proto = {.top = TD_IMAGE_TOP_PROTO, .program = &pass_program};

static PyType_Slot in_slots[] = {
    {Py_tp_doc, "inTOP: the image wired into it, passed on (label is stored). A COMP's own input\n"
                "connectors are not modelled yet, so an inTOP takes its image from its wire, not from the\n"
                "COMP's input."},
    {0, NULL},
};

static PyType_Spec in_spec = {
    .name = "td_render.inTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = in_slots,
};

const td_op_class td_class_inTOP = {
    .optype = "inTOP", .family = "TOP", .label = "In", .base_name = "in", .subtype = "",
    .base = TD_BASE_TOP, .spec = &in_spec, .pars = inout_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_top_release, .proto = &inout_proto,
    .cook = td_top_cook_hook,
};
