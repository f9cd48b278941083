/* boxSOP: an axis-aligned box, flat-shaded (4 vertices and a normal per face), with texture
 * coordinates per face (geom/box.c has the layouts).
 *   center tx ty tz (default 0), size sizex sizey sizez (default 1), uniform scale (default 1),
 *   texture (default faceoutside), normals (default on). */
#include "bind/state.h"
#include "graph/op.h"
#include "geom/geom.h"
#include "ops/sop.h"

#define TEXTURE_MENU(M)                                                                                    \
    M(TEX_OFF, "off") M(TEX_BOXINSIDE, "boxinside") M(TEX_FACEINSIDE, "faceinside")                        \
    M(TEX_CUBEMAPINSIDE, "cubemapinside") M(TEX_BOXOUTSIDE, "boxoutside") M(TEX_FACEOUTSIDE, "faceoutside") \
    M(TEX_CUBEMAPOUTSIDE, "cubemapoutside")
enum { TEXTURE_MENU(TD_MENU_ID) };
static const char *const texture_menu[] = {TEXTURE_MENU(TD_MENU_TOKEN) NULL};
static const char *const texture_labels[] = {"Off",         "Box Inside",   "Face Inside",      "Cube Map Inside",
                                             "Box Outside", "Face Outside", "Cube Map Outside", NULL};

#define BOX_PARS(X)                                                                                        \
    X(tx, TD_PAR_F, "Center", "Box", 0)                                                                    \
    X(ty, TD_PAR_F, "Center", "Box", 0)                                                                    \
    X(tz, TD_PAR_F, "Center", "Box", 0)                                                                    \
    X(sizex, TD_PAR_F, "Size", "Box", 1)                                                                   \
    X(sizey, TD_PAR_F, "Size", "Box", 1)                                                                   \
    X(sizez, TD_PAR_F, "Size", "Box", 1)                                                                   \
    X(scale, TD_PAR_F, "Uniform Scale", "Box", 1)                                                          \
    X(texture, TD_PAR_ML, "Texture Coordinates", "Box", TEX_FACEOUTSIDE, texture_menu, texture_labels)     \
    X(normals, TD_PAR_T, "Compute Normals", "Box", 1)
TD_PAR_TABLE(box_pars, BOX_PARS);

/* Reads the parameters, then builds the plain-C box (geom/box.c). */
static int
box_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)inputs;
    (void)ninputs;
    const td_par_value *v = vals->v;
    int tex = (int)v[PAR_texture].num;
    int inside = tex == TEX_BOXINSIDE || tex == TEX_FACEINSIDE || tex == TEX_CUBEMAPINSIDE;
    td_geom_box_desc desc = {
        .center = {v[PAR_tx].num, v[PAR_ty].num, v[PAR_tz].num},
        .size = {v[PAR_sizex].num, v[PAR_sizey].num, v[PAR_sizez].num},
        .scale = v[PAR_scale].num,
        .attrs = {.normals = v[PAR_normals].num != 0.0, .uv = tex != TEX_OFF},
        .uv_mode = inside ? TD_BOX_UV_FACE_INSIDE : TD_BOX_UV_FACE_OUTSIDE,
    };
    return td_geom_box(&desc, out, err);
}

static const td_sop_class box_proto = {.build = box_build};

static PyType_Slot box_slots[] = {
    {Py_tp_doc, "boxSOP: an axis-aligned box centred at t, sized size * scale.\n\n"
                "Flat normals, one per face (normals off: none); texture coordinates per face: 'faceoutside'\n"
                "(the default; ours, the docs give none) spans u and v from 0 to 1 on each face seen from\n"
                "outside, 'faceinside' the same mirrored to read from inside, 'off' none. 'boxoutside' and\n"
                "'cubemapoutside' are stored only: they give the 'faceoutside' layout ('boxinside' and\n"
                "'cubemapinside' the 'faceinside' one)."},
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
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release,
    .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &box_proto,
};
