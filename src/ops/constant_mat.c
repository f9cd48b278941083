/* constantMAT: unlit; every pixel it covers is exactly colorr/g/b (default 1) with alpha (default 1). */
#include "module.h"
#include "ops/material.h"
#include "td_shaders.h"

static const td_par_def constant_pars[] = {
    TD_PAR_F("colorr", "Color", "Constant", 1), TD_PAR_F("colorg", "Color", "Constant", 1),
    TD_PAR_F("colorb", "Color", "Constant", 1), TD_PAR_FC("alpha", "Alpha", "Constant", 1, 0, 1),
};

/* The TDMaterial block of shaders/constant.frag. */
static const td_block_field constant_block[] = {{"color", 3, "colorr"}, {"alpha", 1, "alpha"}};

static const td_material_program constant_program = {
    .name = "constant", .fragment = td_shader_constant_frag, .fields = constant_block,
    .nfields = TD_NPARS(constant_block),
};

static void
constant_fill(TdOp *op, td_scene_material *out)
{
    td_mat_fill(op, &td_class_constantMAT, &constant_program, out);
}

static PyType_Slot constant_slots[] = {
    {Py_tp_doc, "constantMAT: an unlit material; pixels get exactly its colour.\n\n"
                "Parameters: colorr colorg colorb (default 1), alpha (default 1, clamped to [0, 1]).\n"
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
    .base = TD_BASE_MAT, .spec = &constant_spec, .pars = constant_pars, .npars = TD_NPARS(constant_pars),
    .fill_material = constant_fill, .release = td_mat_release,
};
