/* sphereSOP: a latitude/longitude sphere or ellipsoid with smooth normals and equirectangular
 * texture coordinates (geom/sphere.c has the layout).
 *   center tx ty tz (default 0), radius radx rady radz (default 1), rows (default 20, 2..2048),
 *   cols (default 40, 3..4096). (TouchDesigner's own row/column defaults are not documented.) */
#include <math.h>

#include "bind/state.h"
#include "graph/op.h"
#include "geom/geom.h"
#include "ops/sop.h"

#define SPHERE_PARS(X)                                                                                     \
    X(tx, TD_PAR_F, "Center", "Sphere", 0)                                                                 \
    X(ty, TD_PAR_F, "Center", "Sphere", 0)                                                                 \
    X(tz, TD_PAR_F, "Center", "Sphere", 0)                                                                 \
    X(radx, TD_PAR_F, "Radius", "Sphere", 1)                                                               \
    X(rady, TD_PAR_F, "Radius", "Sphere", 1)                                                               \
    X(radz, TD_PAR_F, "Radius", "Sphere", 1)                                                               \
    X(rows, TD_PAR_I, "Rows", "Sphere", 20, 2, 2048, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)                \
    X(cols, TD_PAR_I, "Columns", "Sphere", 40, 3, 4096, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)
TD_PAR_TABLE(sphere_pars, SPHERE_PARS);

/* Reads the parameters, then builds the plain-C sphere (geom/sphere.c). */
static int
sphere_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)inputs;
    (void)ninputs;
    const td_par_value *v = vals->v;
    td_geom_sphere_desc desc = {
        .center = {v[PAR_tx].num, v[PAR_ty].num, v[PAR_tz].num},
        .radius = {v[PAR_radx].num, v[PAR_rady].num, v[PAR_radz].num},
        .rows = (int)v[PAR_rows].num,
        .cols = (int)v[PAR_cols].num,
    };
    return td_geom_sphere(&desc, out, err);
}

static const td_sop_class sphere_proto = {.build = sphere_build};

static PyType_Slot sphere_slots[] = {
    {Py_tp_doc, "sphereSOP: a sphere (or ellipsoid) with smooth normals and equirectangular texture\n"
                "coordinates (u around, v from the bottom pole 0 to the top 1).\n\n"
                "TouchDesigner does not document its own row/column defaults; these are ours."},
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
    .base = TD_BASE_SOP, .spec = &sphere_spec, .pars = sphere_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release,
    .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &sphere_proto,
};
