/* circleSOP: a circle, ellipse or arc (geom/circle.c has the layout). */
#include "bind/state.h"
#include "graph/op.h"
#include "geom/geom.h"
#include "ops/sop.h"
#include "ops/surftype.h"

#define TYPE_MENU(M) M(TYPE_PRIM, "prim") M(TYPE_POLY, "poly") M(TYPE_NURBS, "nurbs") M(TYPE_BEZIER, "bezier")
enum { TYPE_MENU(TD_MENU_ID) };
static const char *const type_menu[] = {TYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const type_labels[] = {"Primitive", "Polygon", "NURBS Curve", "Bezier Curve", NULL};
#define ARC_MENU(M)                                                                                        \
    M(ARC_CLOSED, "closed") M(ARC_OPEN, "openarc") M(ARC_CLOSEDARC, "closedarc") M(ARC_SLICED, "slicedarc")
enum { ARC_MENU(TD_MENU_ID) };
_Static_assert(ARC_CLOSED == (int)TD_ARC_CLOSED && ARC_SLICED == (int)TD_ARC_SLICEDARC,
               "the arc menu is td_geom_arc's");
static const char *const arc_menu[] = {ARC_MENU(TD_MENU_TOKEN) NULL};
static const char *const arc_labels[] = {"Closed", "Open Arc", "Closed Arc", "Sliced Arc", NULL};
#define TEXTURE_MENU(M) M(TEX_OFF, "off") M(TEX_FACE, "face")
enum { TEXTURE_MENU(TD_MENU_ID) };
static const char *const texture_menu[] = {TEXTURE_MENU(TD_MENU_TOKEN) NULL};
static const char *const texture_labels[] = {"Off", "Face", NULL};

#define CIRCLE_PARS(X)                                                                                     \
    X(type, TD_PAR_ML, "Primitive Type", "Circle", TYPE_POLY, type_menu, type_labels)                      \
    X(orient, TD_PAR_ML, "Orientation", "Circle", PLANE_XY, td_plane_menu, td_plane_labels)                \
    X(radx, TD_PAR_F, "Radius", "Circle", 1)                                                               \
    X(rady, TD_PAR_F, "Radius", "Circle", 1)                                                               \
    X(tx, TD_PAR_F, "Center", "Circle", 0)                                                                 \
    X(ty, TD_PAR_F, "Center", "Circle", 0)                                                                 \
    X(tz, TD_PAR_F, "Center", "Circle", 0)                                                                 \
    X(divs, TD_PAR_I, "Divisions", "Circle", 12, 1, 100, TD_PAR_REJECT_MIN)                                \
    X(arc, TD_PAR_ML, "Arc Type", "Circle", ARC_CLOSED, arc_menu, arc_labels)                              \
    X(beginangle, TD_PAR_F, "Arc Angles", "Circle", 0)                                                     \
    X(endangle, TD_PAR_F, "Arc Angles", "Circle", 360)                                                     \
    X(texture, TD_PAR_ML, "Texture Coordinates", "Circle", TEX_FACE, texture_menu, texture_labels)         \
    X(normals, TD_PAR_T, "Compute Normals", "Circle", 1)
TD_PAR_TABLE(circle_pars, CIRCLE_PARS);

static int
circle_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)inputs;
    (void)ninputs;
    const td_par_value *v = vals->v;
    td_geom_circle_desc desc = {
        .center = {v[PAR_tx].num, v[PAR_ty].num, v[PAR_tz].num},
        .radius = {v[PAR_radx].num, v[PAR_rady].num},
        .plane = (td_geom_plane)(int)v[PAR_orient].num,
        .divs = (int)v[PAR_divs].num,
        .arc = (td_geom_arc)(int)v[PAR_arc].num,
        .begin_deg = v[PAR_beginangle].num,
        .end_deg = v[PAR_endangle].num,
        .attrs = {.normals = v[PAR_normals].num != 0.0, .uv = (int)v[PAR_texture].num == TEX_FACE},
    };
    return td_geom_circle(&desc, out, err);
}

static const td_sop_class circle_proto = {.build = circle_build};

static PyType_Slot circle_slots[] = {
    {Py_tp_doc, "circleSOP: a circle, ellipse or arc of radius radx, rady around t in the orient plane\n"
                "(xy: radx along x, rady along y, facing +z; yz: y, z, facing +x; zx: z, x, facing +y),\n"
                "angles counter-clockwise seen from the normal's side from the first axis.\n"
                "arc 'closed': divs points, one closed polygon (whole: the angles only set where it\n"
                "starts; ours); 'openarc': divs + 1 points from beginangle to endangle, one open polyline\n"
                "(drawn as lines); 'closedarc': those and the centre (divs + 2 points), one pie-slice\n"
                "polygon; 'slicedarc': the same points, divs triangles from the centre. Normals are the\n"
                "plane's normal; texture 'face' maps the ellipse's bounding square to 0..1.\n\n"
                "Defaults the docs do not give are ours: radius 1, 12 divisions, the XY plane, type poly,\n"
                "angles 0 to 360, texture face, normals on. type is stored only: prim, nurbs and bezier\n"
                "build the same polygon. Divisions below 1 (below 3 for a closed circle) are errors."},
    {0, NULL},
};

static PyType_Spec circle_spec = {
    .name = "td_render.circleSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = circle_slots,
};

const td_op_class td_class_circleSOP = {
    .optype = "circleSOP", .family = "SOP", .label = "Circle", .base_name = "circle", .subtype = "",
    .base = TD_BASE_SOP, .spec = &circle_spec, .pars = circle_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release, .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &circle_proto,
};
