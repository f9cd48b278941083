/* inSOP: a COMP's SOP input (TouchDesigner's In SOP): the geometry wired into it, passed on.
 * The COMP's input connectors are not modelled yet: without a wire it holds no geometry. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/sop_pass.h"

#define IN_PARS(X) X(label, TD_PAR_S, "Label", "In", "")
TD_PAR_TABLE(in_pars, IN_PARS);

static int
in_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)vals;
    return td_sop_pass_input0(inputs, ninputs, out, err);
}

static const td_sop_class in_proto = {.build = in_build};

static PyType_Slot in_slots[] = {
    {Py_tp_doc, "inSOP: the geometry wired into it, passed on (label is stored). In TouchDesigner an In SOP\n"
                "is a COMP's input connector; a COMP's own input connectors are not modelled yet, so an inSOP\n"
                "takes its geometry from its wire, and an inSOP without one holds no geometry (empty, no error)."},
    {0, NULL},
};

static PyType_Spec in_spec = {
    .name = "td_render.inSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = in_slots,
};

const td_op_class td_class_inSOP = {
    .optype = "inSOP", .family = "SOP", .label = "In", .base_name = "in", .subtype = "",
    .base = TD_BASE_SOP, .spec = &in_spec, .pars = in_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_sop_release,
    .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &in_proto,
};
