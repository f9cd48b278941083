/* MAT: the base class of materials. A geometryCOMP's material parameter names one. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/registry.h"

static PyType_Slot mat_slots[] = {
    {Py_tp_doc, "MAT: a material. Assign it to a geometryCOMP's material parameter (the OP or its path)."},
    {0, NULL},
};

PyType_Spec td_MAT_spec = {
    .name = "td_render.MAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = mat_slots,
};
