/* boxSOP: an axis-aligned box, flat-shaded (4 vertices and a normal per face).
 *   center tx ty tz (default 0), size sizex sizey sizez (default 1), uniform scale (default 1). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/sop.h"

#define BOX_PARS(X)                                                                                        \
    X(tx, TD_PAR_F, "Center", "Box", 0)                                                                    \
    X(ty, TD_PAR_F, "Center", "Box", 0)                                                                    \
    X(tz, TD_PAR_F, "Center", "Box", 0)                                                                    \
    X(sizex, TD_PAR_F, "Size", "Box", 1)                                                                   \
    X(sizey, TD_PAR_F, "Size", "Box", 1)                                                                   \
    X(sizez, TD_PAR_F, "Size", "Box", 1)                                                                   \
    X(scale, TD_PAR_F, "Uniform Scale", "Box", 1)
TD_PAR_TABLE(box_pars, BOX_PARS);

/* Per face: outward normal n and in-face axes u, v with u x v = n (counter-clockwise outside). */
static const float faces[6][3][3] = {
    {{1, 0, 0}, {0, 0, -1}, {0, 1, 0}},  {{-1, 0, 0}, {0, 0, 1}, {0, 1, 0}},
    {{0, 1, 0}, {1, 0, 0}, {0, 0, -1}},  {{0, -1, 0}, {1, 0, 0}, {0, 0, 1}},
    {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}},   {{0, 0, -1}, {-1, 0, 0}, {0, 1, 0}},
};

static td_mesh *
box_build(TdOp *op, td_err *err)
{
    td_mesh *m = td_mesh_new(24, 36);
    if (m == NULL) {
        td_err_nomem(err, "box mesh");
        return NULL;
    }
    double u = td_par_num(op, "scale");
    float center[3] = {(float)td_par_num(op, "tx"), (float)td_par_num(op, "ty"), (float)td_par_num(op, "tz")};
    float half[3] = {(float)(td_par_num(op, "sizex") * u * 0.5), (float)(td_par_num(op, "sizey") * u * 0.5),
                     (float)(td_par_num(op, "sizez") * u * 0.5)};
    static const float corners[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    for (int f = 0; f < 6; f++) {
        const float *n = faces[f][0], *fu = faces[f][1], *fv = faces[f][2];
        for (int c = 0; c < 4; c++) {
            float *v = m->verts + (size_t)(f * 4 + c) * TD_MESH_STRIDE;
            for (int k = 0; k < 3; k++) {
                v[k] = center[k] + (n[k] + corners[c][0] * fu[k] + corners[c][1] * fv[k]) * half[k];
                v[3 + k] = n[k];
            }
        }
        static const uint32_t tri[6] = {0, 1, 2, 0, 2, 3};
        for (int i = 0; i < 6; i++) {
            m->indices[f * 6 + i] = (uint32_t)(f * 4) + tri[i];
        }
    }
    return m;
}

static PyType_Slot box_slots[] = {
    {Py_tp_doc, "boxSOP: an axis-aligned box.\n\nParameters: tx ty tz (center, default 0), sizex sizey sizez\n"
                "(default 1), scale (uniform, default 1). Flat normals, one per face."},
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
    .base = TD_BASE_SOP, .spec = &box_spec, .pars = box_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release, .build_mesh = box_build,
};
