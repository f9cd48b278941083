/* sphereSOP: a latitude/longitude sphere or ellipsoid with smooth normals.
 *   center tx ty tz (default 0), radius radx rady radz (default 1), rows (default 20, 2..2048),
 *   cols (default 40, 3..4096). (TouchDesigner's own row/column defaults are not documented.) */
#include <math.h>

#include "bind/state.h"
#include "graph/op.h"
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

static td_mesh *
sphere_build(TdOp *op, td_err *err)
{
    uint32_t rows = (uint32_t)td_par_num(op, "rows"), cols = (uint32_t)td_par_num(op, "cols");
    double c[3] = {td_par_num(op, "tx"), td_par_num(op, "ty"), td_par_num(op, "tz")};
    double r[3] = {td_par_num(op, "radx"), td_par_num(op, "rady"), td_par_num(op, "radz")};
    td_mesh *m = td_mesh_new((rows + 1) * (cols + 1), rows * cols * 6);
    if (m == NULL) {
        td_err_nomem(err, "sphere mesh");
        return NULL;
    }
    float *v = m->verts;
    for (uint32_t i = 0; i <= rows; i++) {
        double theta = M_PI * i / rows; /* 0 at +y, pi at -y */
        for (uint32_t j = 0; j <= cols; j++) {
            double phi = 2.0 * M_PI * j / cols; /* 0 at +z, growing toward +x */
            double d[3] = {sin(theta) * sin(phi), cos(theta), sin(theta) * cos(phi)};
            double n[3], len = 0.0;
            for (int k = 0; k < 3; k++) {
                v[k] = (float)(c[k] + r[k] * d[k]);
                /* the normal of x^2/a^2 + ... = 1 is (x/a^2, ...) */
                n[k] = r[k] != 0.0 ? d[k] / r[k] : 0.0;
                len += n[k] * n[k];
            }
            len = len > 0.0 ? sqrt(len) : 1.0;
            for (int k = 0; k < 3; k++) {
                v[3 + k] = (float)(n[k] / len);
            }
            v += TD_MESH_STRIDE;
        }
    }
    uint32_t *ix = m->indices;
    for (uint32_t i = 0; i < rows; i++) {
        for (uint32_t j = 0; j < cols; j++) {
            uint32_t a = i * (cols + 1) + j, b = a + cols + 1; /* b: the row below */
            /* counter-clockwise seen from outside: down, right, then up */
            *ix++ = a;
            *ix++ = b;
            *ix++ = b + 1;
            *ix++ = a;
            *ix++ = b + 1;
            *ix++ = a + 1;
        }
    }
    return m;
}

static PyType_Slot sphere_slots[] = {
    {Py_tp_doc, "sphereSOP: a sphere (or ellipsoid) with smooth normals.\n\nParameters: tx ty tz (center,\n"
                "default 0), radx rady radz (default 1), rows (default 20, 2..2048), cols (default 40,\n"
                "3..4096). TouchDesigner does not document its own row/column defaults; these are ours."},
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
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release, .build_mesh = sphere_build,
};
