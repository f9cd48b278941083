/* constantMAT: unlit; every pixel it covers is exactly colorr/g/b (default 1) with alpha (default 1). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/mat.h"

#define CONSTANT_PARS(X)                                                                                   \
    X(colorr, TD_PAR_F, "Color", "Constant", 1)                                                            \
    X(colorg, TD_PAR_F, "Color", "Constant", 1)                                                            \
    X(colorb, TD_PAR_F, "Color", "Constant", 1)                                                            \
    X(alpha, TD_PAR_FC, "Alpha", "Constant", 1, 0, 1)
TD_PAR_TABLE(constant_pars, CONSTANT_PARS);

static void
constant_fill(const td_values *vals, td_scene_material *out)
{
    const td_par_value *v = vals->v;
    out->kind = TD_MAT_CONSTANT;
    for (int k = 0; k < 4; k++) {
        out->color[k] = (float)v[PAR_colorr + k].num; /* colorr colorg colorb alpha */
    }
    out->alpha = out->color[3];
}

static const td_mat_class constant_proto = {.fill = constant_fill};

static PyType_Slot constant_slots[] = {
    {Py_tp_doc, "constantMAT: an unlit material; pixels get exactly its colour and alpha.\n\n"
                "Lights do not affect it."},
    {0, NULL},
};

static PyType_Spec constant_spec = {
    .name = "td_render.constantMAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = constant_slots,
};

const td_op_class td_class_constantMAT = {
    .optype = "constantMAT", .family = "MAT", .label = "Constant", .base_name = "constant", .subtype = "",
    .base = TD_BASE_MAT, .spec = &constant_spec, .pars = constant_pars, .npars = PAR_COUNT,
    .proto = &constant_proto,
};
