/* nullCOMP: an object COMP that renders nothing: a place holder in a scene whose transform the
 * object COMPs inside it inherit, and a target for lookat. Only the Xform and Pre-Xform pages. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/object.h"

#define NULL_PARS(X) TD_XFORM_PARS(X, 0)
TD_PAR_TABLE(null_pars, NULL_PARS);

static const td_object_class null_proto = {.role = TD_OBJECT_PLAIN};

static PyType_Slot null_slots[] = {
    {Py_tp_doc, "nullCOMP: an object COMP that renders nothing; what sits inside it inherits its transform.\n\n"
                "Use it to move a group of geometry, cameras or lights together, or as a lookat target."},
    {0, NULL},
};

static PyType_Spec null_spec = {
    .name = "td_render.nullCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = null_slots,
};

const td_op_class td_class_nullCOMP = {
    .optype = "nullCOMP", .family = "COMP", .label = "Null", .base_name = "null", .subtype = "object",
    .base = TD_BASE_OBJECT, .spec = &null_spec, .pars = null_pars, .npars = PAR_COUNT, .proto = &null_proto,
};
