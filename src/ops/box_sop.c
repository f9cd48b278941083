/* boxSOP: an axis-aligned box, flat-shaded (4 vertices and a normal per face), with texture
 * coordinates per face (geom/box.c has the layout).
 *   center tx ty tz (default 0), size sizex sizey sizez (default 1), uniform scale (default 1). */
#include "geom/geom.h"
#include "module.h"
#include "ops/sop.h"

static const td_par_def box_pars[] = {
    TD_PAR_F("tx", "Center", "Box", 0), TD_PAR_F("ty", "Center", "Box", 0), TD_PAR_F("tz", "Center", "Box", 0),
    TD_PAR_F("sizex", "Size", "Box", 1), TD_PAR_F("sizey", "Size", "Box", 1), TD_PAR_F("sizez", "Size", "Box", 1),
    TD_PAR_F("scale", "Uniform Scale", "Box", 1),
};

/* Reads the parameters, then builds the plain-C box (geom/box.c). */
static td_mesh *
box_build(TdOp *op, td_err *err)
{
    td_geom_box_desc desc = {
        .center = {td_par_num(op, "tx"), td_par_num(op, "ty"), td_par_num(op, "tz")},
        .size = {td_par_num(op, "sizex"), td_par_num(op, "sizey"), td_par_num(op, "sizez")},
        .scale = td_par_num(op, "scale"),
    };
    td_mesh *m = NULL;
    return td_geom_box(&desc, &m, err) == 0 ? m : NULL;
}

static PyType_Slot box_slots[] = {
    {Py_tp_doc, "boxSOP: an axis-aligned box.\n\nParameters: tx ty tz (center, default 0), sizex sizey sizez\n"
                "(default 1), scale (uniform, default 1). Flat normals, one per face; texture coordinates\n"
                "(uv) 0..1 over each face, read from outside."},
    {0, NULL},
};

static PyType_Spec box_spec = {
    .name = "td_render.boxSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = box_slots,
};

const td_op_class td_class_boxSOP = {
    .optype = "boxSOP", .family = "SOP", .label = "Box", .base_name = "box", .subtype = "",
    .base = TD_BASE_SOP, .spec = &box_spec, .pars = box_pars, .npars = TD_NPARS(box_pars),
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release, .build_mesh = box_build,
};
