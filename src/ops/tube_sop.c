/* tubeSOP: an open or capped tube or cone (geom/tube.c has the layout). */
#include "bind/state.h"
#include "graph/op.h"
#include "geom/geom.h"
#include "ops/sop.h"
#include "ops/surftype.h"

#define TUBE_PARS(X)                                                                                       \
    X(type, TD_PAR_ML, "Primitive Type", "Tube", PRIM5_POLY, td_primtype5_menu, td_primtype5_labels)       \
    X(surftype, TD_PAR_ML, "Connectivity", "Tube", SURF_QUADS, td_surftype_menu, td_surftype_labels)       \
    X(orient, TD_PAR_ML, "Orientation", "Tube", AXIS_Y, td_axis_menu, td_axis_labels)                      \
    X(tx, TD_PAR_F, "Center", "Tube", 0)                                                                   \
    X(ty, TD_PAR_F, "Center", "Tube", 0)                                                                   \
    X(tz, TD_PAR_F, "Center", "Tube", 0)                                                                   \
    X(rad1, TD_PAR_F, "Radius", "Tube", 1)                                                                 \
    X(rad2, TD_PAR_F, "Radius", "Tube", 1)                                                                 \
    X(height, TD_PAR_F, "Height", "Tube", 1)                                                               \
    X(rows, TD_PAR_I, "Rows", "Detail", 2, 2, 100, TD_PAR_REJECT_MIN)                                      \
    X(cols, TD_PAR_I, "Columns", "Detail", 12, 3, 100, TD_PAR_REJECT_MIN)                                  \
    X(cap, TD_PAR_T, "End Caps", "Detail", 0)                                                              \
    X(texture, TD_PAR_ML, "Texture Coordinates", "Detail", ROWCOL_TEX_ROWCOL, td_rowcol_tex_menu,          \
      td_rowcol_tex_labels)                                                                                \
    X(normals, TD_PAR_T, "Compute Normals", "Detail", 1)
TD_PAR_TABLE(tube_pars, TUBE_PARS);

static int
tube_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)inputs;
    (void)ninputs;
    const td_par_value *v = vals->v;
    td_geom_tube_desc desc = {
        .center = {v[PAR_tx].num, v[PAR_ty].num, v[PAR_tz].num},
        .radius = {v[PAR_rad1].num, v[PAR_rad2].num},
        .height = v[PAR_height].num,
        .axis = (td_geom_axis)(int)v[PAR_orient].num,
        .rows = (int)v[PAR_rows].num,
        .cols = (int)v[PAR_cols].num,
        .conn = (td_geom_conn)(int)v[PAR_surftype].num,
        .cap = v[PAR_cap].num != 0.0,
        .attrs = {.normals = v[PAR_normals].num != 0.0, .uv = (int)v[PAR_texture].num == ROWCOL_TEX_ROWCOL},
    };
    return td_geom_tube(&desc, out, err);
}

static const td_sop_class tube_proto = {.build = tube_build};

static PyType_Slot tube_slots[] = {
    {Py_tp_doc, "tubeSOP: a tube or cone along the orient axis, centred at t, height long, radius rad1\n"
                "at the top and rad2 at the bottom, rows rings (at least 2) and cols divisions around\n"
                "(at least 3). Points: rows x (cols + 1) on the side (the seam has its own), plus cols\n"
                "for each cap with cap on (two flat polygons, normals along the axis). Connectivity as\n"
                "gridSOP's, faces counter-clockwise seen from outside; normals point outward; texture\n"
                "'rowcol' gives u around, v up the side.\n\n"
                "Defaults the docs do not give are ours: radii 1, height 1, 2 rows, 12 columns, the Y\n"
                "axis, type poly, caps off, texture rowcol, normals on. type is stored only: prim, mesh,\n"
                "nurbs and bezier build the same polygons."},
    {0, NULL},
};

static PyType_Spec tube_spec = {
    .name = "td_render.tubeSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = tube_slots,
};

const td_op_class td_class_tubeSOP = {
    .optype = "tubeSOP", .family = "SOP", .label = "Tube", .base_name = "tube", .subtype = "",
    .base = TD_BASE_SOP, .spec = &tube_spec, .pars = tube_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release, .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &tube_proto,
};
