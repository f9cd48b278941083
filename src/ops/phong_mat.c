/* phongMAT: Lambert diffuse + Blinn-Phong specular per light (point, cone, distant), plus ambient * ambient lights,
 * emit and constant (shaders/phong.frag). The same defaults shade geometry that has no material.
 *
 * A parameter that changes the image is three places: its row in PHONG_PARS, a row of
 * phong_block (the TDMaterial field it fills) and its use in shaders/phong.frag. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/material.h"
#include "ops/registry.h"
#include "td_shaders.h"

#define PHONG_PARS(X)                                                                                      \
    X(diffr, TD_PAR_F, "Diffuse", "RGB", 1)                                                                \
    X(diffg, TD_PAR_F, "Diffuse", "RGB", 1)                                                                \
    X(diffb, TD_PAR_F, "Diffuse", "RGB", 1)                                                                \
    X(specr, TD_PAR_F, "Specular", "RGB", 1)                                                               \
    X(specg, TD_PAR_F, "Specular", "RGB", 1)                                                               \
    X(specb, TD_PAR_F, "Specular", "RGB", 1)                                                               \
    X(shininess, TD_PAR_FR, "Shininess", "RGB", 10, 0, 100, TD_PAR_REJECT_MIN)                             \
    X(ambr, TD_PAR_F, "Ambient", "RGB", 1)                                                                 \
    X(ambg, TD_PAR_F, "Ambient", "RGB", 1)                                                                 \
    X(ambb, TD_PAR_F, "Ambient", "RGB", 1)                                                                 \
    X(emitr, TD_PAR_F, "Emit", "RGB", 0)                                                                   \
    X(emitg, TD_PAR_F, "Emit", "RGB", 0)                                                                   \
    X(emitb, TD_PAR_F, "Emit", "RGB", 0)                                                                   \
    X(constantr, TD_PAR_F, "Constant", "RGB", 0)                                                           \
    X(constantg, TD_PAR_F, "Constant", "RGB", 0)                                                           \
    X(constantb, TD_PAR_F, "Constant", "RGB", 0)                                                           \
    X(alphafront, TD_PAR_FC, "Alpha", "Alpha", 1, 0, 1)                                                    \
    TD_MAT_COMMON_PARS(X)
TD_PAR_TABLE(phong_pars, PHONG_PARS);

/* The TDMaterial block of shaders/phong.frag: a GLSL field per row, filled from the parameter at
 * the index given and the ones after it. */
static const td_block_field phong_block[] = {
    {"diffuse", 3, PAR_diffr}, {"specular", 3, PAR_specr}, {"shininess", 1, PAR_shininess},
    {"ambient", 3, PAR_ambr},  {"emit", 3, PAR_emitr},     {"alpha", 1, PAR_alphafront},
    {"constant", 3, PAR_constantr},
};

static const td_material_program phong_program = {
    .name = "phong", .fragment = td_shader_phong_frag, .fields = phong_block, .nfields = TD_NPARS(phong_block),
};

static const td_mat_class phong_proto = {.program = &phong_program};

void
td_phong_defaults(td_scene_material *out)
{
    td_mat_fill(NULL, &td_class_phongMAT, &phong_program, out);
}

static PyType_Slot phong_slots[] = {
    {Py_tp_doc, "phongMAT: a lit material: Lambert diffuse + Blinn-Phong specular per light, plus\n"
                "ambient * ambient lights, emit, and constant (added unlit).\n\n"
                "Geometry without a material uses these defaults."},
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
    .base = TD_BASE_MAT, .spec = &phong_spec, .pars = phong_pars, .npars = PAR_COUNT,
    .proto = &phong_proto, .release = td_mat_release,
};
