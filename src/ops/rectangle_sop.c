/* rectangleSOP: one four-sided polygon, the 2 x 2 grid of geom/grid.c. */
#include "bind/state.h"
#include "graph/op.h"
#include "geom/geom.h"
#include "ops/sop.h"

#define ORIENT_MENU(M) M(ORIENT_XY, "xy") M(ORIENT_YZ, "yz") M(ORIENT_ZX, "zx") M(ORIENT_CAM, "cam")
enum { ORIENT_MENU(TD_MENU_ID) };
static const char *const orient_menu[] = {ORIENT_MENU(TD_MENU_TOKEN) NULL};
static const char *const orient_labels[] = {"XY plane", "YZ plane", "ZX plane", "Fill Camera View", NULL};
#define TEXTURE_MENU(M) M(TEX_OFF, "off") M(TEX_FACE, "face")
enum { TEXTURE_MENU(TD_MENU_ID) };
static const char *const texture_menu[] = {TEXTURE_MENU(TD_MENU_TOKEN) NULL};
static const char *const texture_labels[] = {"Off", "Face", NULL};

#define RECTANGLE_PARS(X)                                                                                  \
    X(orient, TD_PAR_ML, "Orientation", "Rectangle", ORIENT_XY, orient_menu, orient_labels)                \
    X(sizex, TD_PAR_F, "Size", "Rectangle", 1)                                                             \
    X(sizey, TD_PAR_F, "Size", "Rectangle", 1)                                                             \
    X(tx, TD_PAR_F, "Center", "Rectangle", 0)                                                              \
    X(ty, TD_PAR_F, "Center", "Rectangle", 0)                                                              \
    X(tz, TD_PAR_F, "Center", "Rectangle", 0)                                                              \
    X(texture, TD_PAR_ML, "Texture Coordinates", "Rectangle", TEX_FACE, texture_menu, texture_labels)      \
    X(normals, TD_PAR_T, "Compute Normals", "Rectangle", 1)
TD_PAR_TABLE(rectangle_pars, RECTANGLE_PARS);

static int
rectangle_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)inputs;
    (void)ninputs;
    const td_par_value *v = vals->v;
    int orient = (int)v[PAR_orient].num;
    td_geom_grid_desc desc = {
        .center = {v[PAR_tx].num, v[PAR_ty].num, v[PAR_tz].num},
        .size = {v[PAR_sizex].num, v[PAR_sizey].num},
        .rows = 2,
        .cols = 2,
        .plane = orient == ORIENT_YZ ? TD_PLANE_YZ : orient == ORIENT_ZX ? TD_PLANE_ZX : TD_PLANE_XY,
        .conn = TD_CONN_QUADS,
        .attrs = {.normals = v[PAR_normals].num != 0.0, .uv = (int)v[PAR_texture].num == TEX_FACE},
    };
    return td_geom_grid(&desc, out, err);
}

static const td_sop_class rectangle_proto = {.build = rectangle_build};

static PyType_Slot rectangle_slots[] = {
    {Py_tp_doc, "rectangleSOP: one four-sided polygon, size wide and high, centred at t, in the orient\n"
                "plane (xy: sizex along x, sizey along y, facing +z; yz: y, z, facing +x; zx: z, x, facing\n"
                "+y), counter-clockwise seen from the normal's side. Its 4 points run (-a, -b), (+a, -b),\n"
                "(-a, +b), (+a, +b); texture 'face' gives them uv (0, 0), (1, 0), (0, 1), (1, 1); 'off'\n"
                "none. Normals (normals on) are the plane's normal.\n\n"
                "Defaults the docs do not give are ours: size 1 x 1, the XY plane, texture face, normals\n"
                "on. orient 'cam' (Fill Camera View) is stored only: it builds the XY rectangle."},
    {0, NULL},
};

static PyType_Spec rectangle_spec = {
    .name = "td_render.rectangleSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = rectangle_slots,
};

const td_op_class td_class_rectangleSOP = {
    .optype = "rectangleSOP", .family = "SOP", .label = "Rectangle", .base_name = "rectangle", .subtype = "",
    .base = TD_BASE_SOP, .spec = &rectangle_spec, .pars = rectangle_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release, .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &rectangle_proto,
};
