/* phongMAT: Lambert diffuse + Blinn-Phong specular per point light, plus ambient * ambient lights
 * emit and constant. Defaults: diffuse 1, specular 1, shininess 10, ambient 1, emit 0, constant 0,
 * alphafront 1. The same defaults shade geometry that has no material. */
#include "module.h"
#include "ops/material.h"
#include "td_shaders.h"

static const td_par_def phong_pars[] = {
    TD_PAR_F("diffr", "Diffuse", "RGB", 1), TD_PAR_F("diffg", "Diffuse", "RGB", 1),
    TD_PAR_F("diffb", "Diffuse", "RGB", 1), TD_PAR_F("specr", "Specular", "RGB", 1),
    TD_PAR_F("specg", "Specular", "RGB", 1), TD_PAR_F("specb", "Specular", "RGB", 1),
    {.name = "shininess", .label = "Shininess", .page = "RGB", .kind = TD_PAR_FLOAT, .def = 10, .min = 0,
     .max = 100, .flags = TD_PAR_REJECT_MIN},
    TD_PAR_F("ambr", "Ambient", "RGB", 1), TD_PAR_F("ambg", "Ambient", "RGB", 1),
    TD_PAR_F("ambb", "Ambient", "RGB", 1), TD_PAR_F("emitr", "Emit", "RGB", 0),
    TD_PAR_F("emitg", "Emit", "RGB", 0), TD_PAR_F("emitb", "Emit", "RGB", 0),
    TD_PAR_F("constantr", "Constant", "RGB", 0), TD_PAR_F("constantg", "Constant", "RGB", 0),
    TD_PAR_F("constantb", "Constant", "RGB", 0),
    TD_PAR_FC("alphafront", "Alpha", "Alpha", 1, 0, 1),
};

/* The TDMaterial block of shaders/phong.frag: a GLSL field per row, filled from the parameters
 * named (and the ones after them). A parameter that changes the image is a row of phong_pars, a row
 * here and its use in the shader. */
static const td_block_field phong_block[] = {
    {"diffuse", 3, "diffr"}, {"specular", 3, "specr"}, {"shininess", 1, "shininess"},
    {"ambient", 3, "ambr"},  {"emit", 3, "emitr"},     {"alpha", 1, "alphafront"},
    {"constant", 3, "constantr"},
};

static const td_material_program phong_program = {
    .name = "phong", .fragment = td_shader_phong_frag, .fields = phong_block, .nfields = TD_NPARS(phong_block),
};

static void
phong_fill(TdOp *op, td_scene_material *out)
{
    td_mat_fill(op, &td_class_phongMAT, &phong_program, out);
}

/* The material of geometry without one: phongMAT's defaults. */
void
td_phong_defaults(td_scene_material *out)
{
    td_mat_fill(NULL, &td_class_phongMAT, &phong_program, out);
}

static PyType_Slot phong_slots[] = {
    {Py_tp_doc, "phongMAT: a lit material (Lambert diffuse + Blinn-Phong specular per light).\n\n"
                "Parameters: diffr diffg diffb (default 1), specr specg specb (default 1), shininess\n"
                "(default 10), ambr ambg ambb (default 1, scaled by ambientlightCOMPs), emitr emitg emitb\n"
                "(default 0), constantr constantg constantb (default 0, added unlit), alphafront (default 1,\n"
                "clamped to [0, 1]). Geometry without a material uses these defaults."},
    {0, NULL},
};

static PyType_Spec phong_spec = {
    .name = "td_render.phongMAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = phong_slots,
};

const td_op_class td_class_phongMAT = {
    .optype = "phongMAT", .family = "MAT", .label = "Phong", .base_name = "phong", .subtype = "",
    .base = TD_BASE_MAT, .spec = &phong_spec, .pars = phong_pars, .npars = TD_NPARS(phong_pars),
    .fill_material = phong_fill, .release = td_mat_release,
};
