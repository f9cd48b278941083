/* phongMAT: Lambert diffuse + Blinn-Phong specular per point light, plus ambient * ambient lights
 * and emit. Defaults: diffuse 1, specular 1, shininess 10, ambient 1, emit 0, alphafront 1. The
 * same defaults shade geometry that has no material. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/mat.h"

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
    X(alphafront, TD_PAR_FC, "Alpha", "Alpha", 1, 0, 1)
TD_PAR_TABLE(phong_pars, PHONG_PARS);

static void
phong_fill(const td_values *vals, td_scene_material *out)
{
    const td_par_value *v = vals->v;
    out->kind = TD_MAT_PHONG;
    for (int k = 0; k < 3; k++) {
        out->diffuse[k] = (float)v[PAR_diffr + k].num;
        out->specular[k] = (float)v[PAR_specr + k].num;
        out->ambient[k] = (float)v[PAR_ambr + k].num;
        out->emit[k] = (float)v[PAR_emitr + k].num;
    }
    out->shininess = (float)v[PAR_shininess].num;
    out->alpha = (float)v[PAR_alphafront].num;
}

static const td_mat_class phong_proto = {.fill = phong_fill};

/* The material of geometry without one: phongMAT's defaults. */
void
td_phong_defaults(td_scene_material *out)
{
    out->kind = TD_MAT_PHONG;
    for (int k = 0; k < 3; k++) {
        out->diffuse[k] = (float)phong_pars[PAR_diffr + k].def;
        out->specular[k] = (float)phong_pars[PAR_specr + k].def;
        out->ambient[k] = (float)phong_pars[PAR_ambr + k].def;
        out->emit[k] = (float)phong_pars[PAR_emitr + k].def;
    }
    out->shininess = (float)phong_pars[PAR_shininess].def;
    out->alpha = (float)phong_pars[PAR_alphafront].def;
}

static PyType_Slot phong_slots[] = {
    {Py_tp_doc, "phongMAT: a lit material: Lambert diffuse + Blinn-Phong specular per light, plus\n"
                "ambient * ambient lights and emit.\n\n"
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
    .proto = &phong_proto,
};
