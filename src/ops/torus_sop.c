/* torusSOP: a torus or a section of one (geom/torus.c has the layout). */
#include "bind/state.h"
#include "graph/op.h"
#include "geom/geom.h"
#include "ops/sop.h"
#include "ops/surftype.h"

#define TORUS_PARS(X)                                                                                      \
    X(type, TD_PAR_ML, "Primitive Type", "Torus", PRIM_POLY, td_primtype_menu, td_primtype_labels)         \
    X(surftype, TD_PAR_ML, "Connectivity", "Torus", SURF_QUADS, td_surftype_menu, td_surftype_labels)      \
    X(orient, TD_PAR_ML, "Orientation", "Torus", AXIS_Y, td_axis_menu, td_axis_labels)                     \
    X(radx, TD_PAR_F, "Radius", "Torus", 1)                                                                \
    X(rady, TD_PAR_F, "Radius", "Torus", 0.5)                                                              \
    X(tx, TD_PAR_F, "Center", "Torus", 0)                                                                  \
    X(ty, TD_PAR_F, "Center", "Torus", 0)                                                                  \
    X(tz, TD_PAR_F, "Center", "Torus", 0)                                                                  \
    X(rows, TD_PAR_I, "Rows", "Torus", 24, 1, 100, TD_PAR_REJECT_MIN)                                      \
    X(cols, TD_PAR_I, "Columns", "Torus", 12, 1, 100, TD_PAR_REJECT_MIN)                                   \
    X(angleoffset, TD_PAR_F, "Angle Offset", "Detail", 0)                                                  \
    X(beginangleu, TD_PAR_F, "U Angle", "Detail", 0)                                                       \
    X(endangleu, TD_PAR_F, "U Angle", "Detail", 360)                                                       \
    X(beginanglev, TD_PAR_F, "V Angle", "Detail", 0)                                                       \
    X(endanglev, TD_PAR_F, "V Angle", "Detail", 360)                                                       \
    X(closeu, TD_PAR_T, "U Wrap", "Detail", 1)                                                             \
    X(closev, TD_PAR_T, "V Wrap", "Detail", 1)                                                             \
    X(texture, TD_PAR_ML, "Texture Coordinates", "Detail", ROWCOL_TEX_ROWCOL, td_rowcol_tex_menu,          \
      td_rowcol_tex_labels)                                                                                \
    X(normals, TD_PAR_T, "Compute Normals", "Detail", 1)
TD_PAR_TABLE(torus_pars, TORUS_PARS);

static int
torus_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)inputs;
    (void)ninputs;
    const td_par_value *v = vals->v;
    td_geom_torus_desc desc = {
        .center = {v[PAR_tx].num, v[PAR_ty].num, v[PAR_tz].num},
        .radius = {v[PAR_radx].num, v[PAR_rady].num},
        .axis = (td_geom_axis)(int)v[PAR_orient].num,
        .rows = (int)v[PAR_rows].num,
        .cols = (int)v[PAR_cols].num,
        .conn = (td_geom_conn)(int)v[PAR_surftype].num,
        .angle_offset_deg = v[PAR_angleoffset].num,
        .angleu_deg = {v[PAR_beginangleu].num, v[PAR_endangleu].num},
        .anglev_deg = {v[PAR_beginanglev].num, v[PAR_endanglev].num},
        .closeu = v[PAR_closeu].num != 0.0,
        .closev = v[PAR_closev].num != 0.0,
        .attrs = {.normals = v[PAR_normals].num != 0.0, .uv = (int)v[PAR_texture].num == ROWCOL_TEX_ROWCOL},
    };
    return td_geom_torus(&desc, out, err);
}

static const td_sop_class torus_proto = {.build = torus_build};

static PyType_Slot torus_slots[] = {
    {Py_tp_doc, "torusSOP: a torus around the orient axis, ring radius radx and cross-section radius\n"
                "rady, centred at t, rows divisions around the ring and cols around the cross-section.\n"
                "With U / V Wrap off the ring / cross-section runs from its begin to its end angle;\n"
                "angleoffset turns the cross-section. Points: (rows + 1) x (cols + 1) (a closed ring or\n"
                "cross-section repeats its first points at 360 degrees, so the texture seam has its\n"
                "own); connectivity as gridSOP's, faces counter-clockwise seen from outside. Normals\n"
                "point outward; texture 'rowcol' gives u around the ring, v around the cross-section.\n\n"
                "Defaults the docs do not give are ours: radii 1 and 0.5, 24 rows, 12 columns, the Y\n"
                "axis, type poly, texture rowcol, normals on. type is stored only: mesh, nurbs and bezier\n"
                "build the same polygons."},
    {0, NULL},
};

static PyType_Spec torus_spec = {
    .name = "td_render.torusSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = torus_slots,
};

const td_op_class td_class_torusSOP = {
    .optype = "torusSOP", .family = "SOP", .label = "Torus", .base_name = "torus", .subtype = "",
    .base = TD_BASE_SOP, .spec = &torus_spec, .pars = torus_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release, .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &torus_proto,
};
