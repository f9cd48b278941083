/* sphereSOP: a sphere or ellipsoid with smooth normals, as a latitude/longitude lattice or a
 * subdivided icosahedron (geom/sphere.c has the layouts). */
#include "bind/state.h"
#include "graph/op.h"
#include "geom/geom.h"
#include "ops/sop.h"
#include "ops/surftype.h"

#define TEXTURE_MENU(M)                                                                                    \
    M(TEX_OFF, "off") M(TEX_BYPRIMTYPE, "byprimtype") M(TEX_EQUIIN, "equirectangularin")                   \
    M(TEX_EQUIOUT, "equirectangularout") M(TEX_AZIMUTH, "equiazimuth") M(TEX_AZIMUTH360, "equiazimuth360")
enum { TEXTURE_MENU(TD_MENU_ID) };
static const char *const texture_menu[] = {TEXTURE_MENU(TD_MENU_TOKEN) NULL};
static const char *const texture_labels[] = {"Off",
                                             "By Primitive Type",
                                             "Equirectangular Inside (Spherical Polar)",
                                             "Equirectangular Outside (Spherical Polar)",
                                             "Equidistant Azimuth (Fish Eye 180)",
                                             "Equidistant Azimuth (Fish Eye 360)",
                                             NULL};

#define SPHERE_PARS(X)                                                                                     \
    X(type, TD_PAR_ML, "Primitive Type", "Sphere", PRIM5_MESH, td_primtype5_menu, td_primtype5_labels)     \
    X(surftype, TD_PAR_ML, "Connectivity", "Sphere", SURF_QUADS, td_surftype_menu, td_surftype_labels)     \
    X(radx, TD_PAR_F, "Radius", "Sphere", 1)                                                               \
    X(rady, TD_PAR_F, "Radius", "Sphere", 1)                                                               \
    X(radz, TD_PAR_F, "Radius", "Sphere", 1)                                                               \
    X(tx, TD_PAR_F, "Center", "Sphere", 0)                                                                 \
    X(ty, TD_PAR_F, "Center", "Sphere", 0)                                                                 \
    X(tz, TD_PAR_F, "Center", "Sphere", 0)                                                                 \
    X(orient, TD_PAR_ML, "Orientation", "Sphere", AXIS_Y, td_axis_menu, td_axis_labels)                    \
    X(freq, TD_PAR_I, "Frequency", "Sphere", 2, 1, 256, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)             \
    X(rows, TD_PAR_I, "Rows", "Sphere", 20, 2, 2048, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)                \
    X(cols, TD_PAR_I, "Columns", "Sphere", 40, 3, 4096, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)             \
    X(texture, TD_PAR_ML, "Texture Coordinates", "Sphere", TEX_BYPRIMTYPE, texture_menu, texture_labels)   \
    X(normals, TD_PAR_T, "Compute Normals", "Sphere", 1)
TD_PAR_TABLE(sphere_pars, SPHERE_PARS);

/* Reads the parameters, then builds the plain-C sphere (geom/sphere.c). */
static int
sphere_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)inputs;
    (void)ninputs;
    const td_par_value *v = vals->v;
    int tex = (int)v[PAR_texture].num;
    td_geom_sphere_desc desc = {
        .center = {v[PAR_tx].num, v[PAR_ty].num, v[PAR_tz].num},
        .radius = {v[PAR_radx].num, v[PAR_rady].num, v[PAR_radz].num},
        .rows = (int)v[PAR_rows].num,
        .cols = (int)v[PAR_cols].num,
        .polyhedron = (int)v[PAR_type].num == PRIM5_POLY,
        .freq = (int)v[PAR_freq].num,
        .axis = (td_geom_axis)(int)v[PAR_orient].num,
        .conn = (td_geom_conn)(int)v[PAR_surftype].num,
        .attrs = {.normals = v[PAR_normals].num != 0.0, .uv = tex != TEX_OFF},
        .uv_mode = tex == TEX_EQUIIN        ? TD_SPHERE_UV_INSIDE
                   : tex == TEX_AZIMUTH     ? TD_SPHERE_UV_FISHEYE180
                   : tex == TEX_AZIMUTH360  ? TD_SPHERE_UV_FISHEYE360
                                            : TD_SPHERE_UV_OUTSIDE,
    };
    return td_geom_sphere(&desc, out, err);
}

static const td_sop_class sphere_proto = {.build = sphere_build};

static PyType_Slot sphere_slots[] = {
    {Py_tp_doc, "sphereSOP: a sphere (or ellipsoid, radius radx, rady, radz) centred at t, its poles on\n"
                "the orient axis, with smooth normals.\n\n"
                "type 'mesh' (and prim, nurbs, bezier, built the same way): a latitude/longitude\n"
                "lattice of (rows + 1) x (cols + 1) points (the seam and the poles have their own),\n"
                "connected as gridSOP's Connectivity says (quads by default), counter-clockwise seen from\n"
                "outside. type 'poly': an icosahedron with each face cut into freq^2 triangles, projected\n"
                "onto the sphere, every face with its own points (10 (freq + 1)(freq + 2) points).\n"
                "texture: 'byprimtype' and 'equirectangularout' give equirectangular coordinates seen\n"
                "from outside (u around, 0.5 facing +z for the Y axis, v from the bottom pole 0 to the\n"
                "top 1), 'equirectangularin' the same mirrored, 'equiazimuth' / 'equiazimuth360' a\n"
                "fisheye around the +axis pole (the hemisphere / the whole sphere in the unit disc),\n"
                "'off' none.\n\n"
                "Defaults the docs do not give are ours: type mesh, 20 rows, 40 columns, frequency 2,\n"
                "the Y axis, texture byprimtype, normals on. prim, nurbs and bezier are stored only: they\n"
                "build the mesh lattice."},
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
