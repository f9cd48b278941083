/* mergeSOP: the geometry of every SOP wired into it, one after another, in input order
 * (TouchDesigner's Merge SOP; geom/merge.c). */
#include "bind/state.h"
#include "graph/op.h"
#include "geom/filters.h"
#include "ops/sop.h"

static int
merge_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)vals;
    return td_geom_merge(inputs, ninputs, out, err);
}

static const td_sop_class merge_proto = {.build = merge_build};

static PyType_Slot merge_slots[] = {
    {Py_tp_doc, "mergeSOP: the geometry of every SOP wired into it (up to 64), one after another in input order.\n\n"
                "Points, primitives and vertices are the inputs' summed; each input's primitives keep\n"
                "their shapes, offset past the points before them. Every attribute any input has is in\n"
                "the result (with its largest size); the points of an input without it get the value a\n"
                "mesh without it renders with: N (0, 0, 1), Cd (1, 1, 1, 1), uv (0, 0, 0), any other name\n"
                "zeros (our choice: TouchDesigner does not document it). More than 16 attributes\n"
                "together is an error. Without inputs it holds no geometry.\n\n"
                "TouchDesigner's page also names SOPs by a pattern parameter that it does not document;\n"
                "only wired inputs are merged here."},
    {0, NULL},
};

static PyType_Spec merge_spec = {
    .name = "td_render.mergeSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = merge_slots,
};

const td_op_class td_class_mergeSOP = {
    .optype = "mergeSOP", .family = "SOP", .label = "Merge", .base_name = "merge", .subtype = "",
    .base = TD_BASE_SOP, .spec = &merge_spec, .pars = NULL, .npars = 0,
    .min_inputs = 1, .max_inputs = TD_SOP_MAX_INPUTS, .release = td_sop_release,
    .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &merge_proto,
};
