/* outSOP: a COMP's SOP output (TouchDesigner's Out SOP): the geometry wired into it, passed on.
 * The COMP's output connectors are not modelled yet. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/sop_pass.h"

#define OUT_PARS(X) X(label, TD_PAR_S, "Label", "Out", "")
TD_PAR_TABLE(out_pars, OUT_PARS);

static int
out_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)vals;
    return td_sop_pass_input0(inputs, ninputs, out, err);
}

static const td_sop_class out_proto = {.build = out_build};

static PyType_Slot out_slots[] = {
    {Py_tp_doc, "outSOP: the geometry wired into it, passed on (label is stored): the end of a SOP chain.\n"
                "In TouchDesigner an Out SOP is a COMP's output connector; a COMP's own output connectors\n"
                "are not modelled yet. Without an input it holds no geometry."},
    {0, NULL},
};

static PyType_Spec out_spec = {
    .name = "td_render.outSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = out_slots,
};

const td_op_class td_class_outSOP = {
    .optype = "outSOP", .family = "SOP", .label = "Out", .base_name = "out", .subtype = "",
    .base = TD_BASE_SOP, .spec = &out_spec, .pars = out_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_sop_release,
    .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &out_proto,
};
