/* nullSOP: its input's geometry, unchanged (TouchDesigner's Null SOP has no parameters): the usual
 * last SOP of a chain, the name other operators refer to. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/sop_pass.h"

static int
null_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)vals;
    return td_sop_pass_input0(inputs, ninputs, out, err);
}

static const td_sop_class null_proto = {.build = null_build};

static PyType_Slot null_slots[] = {
    {Py_tp_doc, "nullSOP: the geometry wired into it, unchanged (the same mesh: nothing is copied).\n\n"
                "No parameters. Without an input it holds no geometry."},
    {0, NULL},
};

static PyType_Spec null_spec = {
    .name = "td_render.nullSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = null_slots,
};

const td_op_class td_class_nullSOP = {
    .optype = "nullSOP", .family = "SOP", .label = "Null", .base_name = "null", .subtype = "",
    .base = TD_BASE_SOP, .spec = &null_spec, .pars = NULL, .npars = 0,
    .min_inputs = 1, .max_inputs = 1, .release = td_sop_release,
    .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &null_proto,
};
