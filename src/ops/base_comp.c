/* baseCOMP: a plain component to organise a network; td_render.root is one. */
#include "bind/state.h"
#include "graph/op.h"

static PyType_Slot base_slots[] = {
    {Py_tp_doc, "baseCOMP: a component without a transform, to organise operators.\n\n"
                "td_render.root, the component at path '/', is a baseCOMP."},
    {0, NULL},
};

static PyType_Spec base_spec = {
    .name = "td_render.baseCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = base_slots,
};

const td_op_class td_class_baseCOMP = {
    .optype = "baseCOMP", .family = "COMP", .label = "Base", .base_name = "base", .subtype = "",
    .base = TD_BASE_COMP, .spec = &base_spec,
};
