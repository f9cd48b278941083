/* outTOP: the image wired into it, passed on (shaders/null_top.frag): the end of a chain. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "td_shaders.h"

#define INOUT_PARS(X)                                                                                      \
    X(label, TD_PAR_S, "Label", "Out", "")                                                              \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(inout_pars, INOUT_PARS);

static const td_material_program pass_program = {.name = "outTOP", .fragment = td_shader_null_top_frag};

static const td_image_top_class inout_proto = {.top = TD_IMAGE_TOP_PROTO, .program = &pass_program};

static PyType_Slot out_slots[] = {
    {Py_tp_doc, "outTOP: the image wired into it, passed on: the end of a chain that other networks read\n"
                "(label is stored). A COMP's own output connectors are not modelled yet."},
    {0, NULL},
};

static PyType_Spec out_spec = {
    .name = "td_render.outTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = out_slots,
};

const td_op_class td_class_outTOP = {
    .optype = "outTOP", .family = "TOP", .label = "Out", .base_name = "out", .subtype = "",
    .base = TD_BASE_TOP, .spec = &out_spec, .pars = inout_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_top_release, .proto = &inout_proto,
    .cook = td_top_cook_hook,
};
