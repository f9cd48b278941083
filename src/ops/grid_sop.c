/* gridSOP: a planar grid of rows x cols points, connected as its Connectivity menu says
 * (geom/grid.c has the layout). */
#include "bind/state.h"
#include "graph/op.h"
#include "geom/geom.h"
#include "ops/sop.h"
#include "ops/surftype.h"

#define GRID_PARS(X)                                                                                       \
    X(type, TD_PAR_ML, "Primitive Type", "Grid", PRIM_POLY, td_primtype_menu, td_primtype_labels)          \
    X(surftype, TD_PAR_ML, "Connectivity", "Grid", SURF_QUADS, td_surftype_menu, td_surftype_labels)       \
    X(orient, TD_PAR_ML, "Orientation", "Grid", PLANE_XY, td_plane_menu, td_plane_labels)                  \
    X(sizex, TD_PAR_F, "Size", "Grid", 1)                                                                  \
    X(sizey, TD_PAR_F, "Size", "Grid", 1)                                                                  \
    X(tx, TD_PAR_F, "Center", "Grid", 0)                                                                   \
    X(ty, TD_PAR_F, "Center", "Grid", 0)                                                                   \
    X(tz, TD_PAR_F, "Center", "Grid", 0)                                                                   \
    X(rows, TD_PAR_I, "Rows", "Grid", 10, 1, 100, TD_PAR_REJECT_MIN)                                       \
    X(cols, TD_PAR_I, "Columns", "Grid", 10, 1, 100, TD_PAR_REJECT_MIN)                                    \
    X(texture, TD_PAR_ML, "Texture Coordinates", "Grid", ROWCOL_TEX_ROWCOL, td_rowcol_tex_menu,            \
      td_rowcol_tex_labels)                                                                                \
    X(normals, TD_PAR_T, "Compute Normals", "Grid", 1)
TD_PAR_TABLE(grid_pars, GRID_PARS);

static int
grid_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)inputs;
    (void)ninputs;
    const td_par_value *v = vals->v;
    td_geom_grid_desc desc = {
        .center = {v[PAR_tx].num, v[PAR_ty].num, v[PAR_tz].num},
        .size = {v[PAR_sizex].num, v[PAR_sizey].num},
        .rows = (int)v[PAR_rows].num,
        .cols = (int)v[PAR_cols].num,
        .plane = (td_geom_plane)(int)v[PAR_orient].num,
        .conn = (td_geom_conn)(int)v[PAR_surftype].num,
        .attrs = {.normals = v[PAR_normals].num != 0.0, .uv = (int)v[PAR_texture].num == ROWCOL_TEX_ROWCOL},
    };
    return td_geom_grid(&desc, out, err);
}

static const td_sop_class grid_proto = {.build = grid_build};

static PyType_Slot grid_slots[] = {
    {Py_tp_doc, "gridSOP: a planar grid of rows x cols points, size wide and high, centred at t, in the\n"
                "orient plane (xy: sizex along x, sizey along y, facing +z; yz: y, z, facing +x; zx: z, x,\n"
                "facing +y). Point (i, j), row i from -b up and column j from -a across, is point\n"
                "i * cols + j. Connectivity: quads (the default, as the docs say) and triangles /\n"
                "alttriangles make faces counter-clockwise seen from the normal's side; rows / cols /\n"
                "rowcol make open polylines, drawn as lines. Normals +plane normal; texture coordinates\n"
                "'rowcol' u = j / (cols - 1), v = i / (rows - 1).\n\n"
                "Defaults the docs do not give are ours: 10 x 10 points, size 1 x 1, the XY plane, type\n"
                "poly, texture rowcol, normals on. type is stored only: mesh, nurbs and bezier build the\n"
                "same polygons. Rows / cols below 1, or too few for the connectivity (a surface needs 2 x\n"
                "2), are errors."},
    {0, NULL},
};

static PyType_Spec grid_spec = {
    .name = "td_render.gridSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = grid_slots,
};

const td_op_class td_class_gridSOP = {
    .optype = "gridSOP", .family = "SOP", .label = "Grid", .base_name = "grid", .subtype = "",
    .base = TD_BASE_SOP, .spec = &grid_spec, .pars = grid_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release, .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &grid_proto,
};
