/* sphereSOP: a latitude/longitude sphere or ellipsoid with smooth normals and equirectangular
 * texture coordinates (geom/sphere.c has the layout).
 *   center tx ty tz (default 0), radius radx rady radz (default 1), rows (default 20, 2..2048),
 *   cols (default 40, 3..4096). (TouchDesigner's own row/column defaults are not documented.) */
#include "geom/geom.h"
#include "module.h"
#include "ops/sop.h"

static const td_par_def sphere_pars[] = {
    TD_PAR_F("tx", "Center", "Sphere", 0), TD_PAR_F("ty", "Center", "Sphere", 0),
    TD_PAR_F("tz", "Center", "Sphere", 0), TD_PAR_F("radx", "Radius", "Sphere", 1),
    TD_PAR_F("rady", "Radius", "Sphere", 1), TD_PAR_F("radz", "Radius", "Sphere", 1),
    TD_PAR_I("rows", "Rows", "Sphere", 20, 2, 2048, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX),
    TD_PAR_I("cols", "Columns", "Sphere", 40, 3, 4096, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX),
};

/* Reads the parameters, then builds the plain-C sphere (geom/sphere.c). */
static td_mesh *
sphere_build(TdOp *op, td_err *err)
{
    td_geom_sphere_desc desc = {
        .center = {td_par_num(op, "tx"), td_par_num(op, "ty"), td_par_num(op, "tz")},
        .radius = {td_par_num(op, "radx"), td_par_num(op, "rady"), td_par_num(op, "radz")},
        .rows = (int)td_par_num(op, "rows"),
        .cols = (int)td_par_num(op, "cols"),
    };
    td_mesh *m = NULL;
    return td_geom_sphere(&desc, &m, err) == 0 ? m : NULL;
}

static PyType_Slot sphere_slots[] = {
    {Py_tp_doc, "sphereSOP: a sphere (or ellipsoid) with smooth normals.\n\nParameters: tx ty tz (center,\n"
                "default 0), radx rady radz (default 1), rows (default 20, 2..2048), cols (default 40,\n"
                "3..4096). TouchDesigner does not document its own row/column defaults; these are ours.\n"
                "Texture coordinates (uv): u 0..1 around (seam at -z), v 0 at the bottom pole to 1 at the top."},
    {0, NULL},
};

static PyType_Spec sphere_spec = {
    .name = "td_render.sphereSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = sphere_slots,
};

const td_op_class td_class_sphereSOP = {
    .optype = "sphereSOP", .family = "SOP", .label = "Sphere", .base_name = "sphere", .subtype = "",
    .base = TD_BASE_SOP, .spec = &sphere_spec, .pars = sphere_pars, .npars = TD_NPARS(sphere_pars),
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release, .build_mesh = sphere_build,
};
