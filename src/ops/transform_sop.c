/* transformSOP: its input's points moved, rotated and scaled in the SOP's own space (TouchDesigner's
 * Transform SOP, Transform page), normals by the inverse transpose (geom/transform.c).
 *   xord (srt), rord (xyz), t (0), r (0, degrees), s (1), p (pivot, 0), scale (uniform, 1): the
 *   matrix of an object COMP's Xform page with these values (util/mat4.c td_mat4_compose);
 *   vlength: normals keep their length (on; the default is ours, TouchDesigner does not document
 *   it).
 * Stored only: group (meshes have no groups), lookat, upvector, forwarddir, and the Post page. */
#include "bind/state.h"
#include "graph/op.h"
#include "geom/filters.h"
#include "ops/object.h"
#include "ops/sop.h"
#include "util/mat4.h"

#define POSTXORD_MENU(M) M(POSTXORD_ST, "st") M(POSTXORD_TS, "ts")
#define POSTT_MENU(M) M(POSTT_OFF, "off") M(POSTT_ORIGIN, "origin") M(POSTT_REFERENCE, "reference")
#define ALIGN_MENU(M) M(ALIGN_MIN, "min") M(ALIGN_CENTER, "center") M(ALIGN_MAX, "max")
#define POSTSCALE_MENU(M) M(POSTSCALE_PERAXIS, "peraxis") M(POSTSCALE_UNITY, "unity") M(POSTSCALE_REFERENCE, "reference")
#define POSTSCALEAXIS_MENU(M)                                                                              \
    M(POSTSCALEAXIS_OFF, "off") M(POSTSCALEAXIS_UNITY, "unity") M(POSTSCALEAXIS_REFERENCE, "reference")     \
    M(POSTSCALEAXIS_UNITYPROP, "unityprop") M(POSTSCALEAXIS_REFERENCEPROP, "referenceprop")
enum { POSTXORD_MENU(TD_MENU_ID) };
enum { POSTT_MENU(TD_MENU_ID) };
enum { ALIGN_MENU(TD_MENU_ID) };
enum { POSTSCALE_MENU(TD_MENU_ID) };
enum { POSTSCALEAXIS_MENU(TD_MENU_ID) };
static const char *const postxord_menu[] = {POSTXORD_MENU(TD_MENU_TOKEN) NULL};
static const char *const postxord_labels[] = {"Scale Translate", "Translate Scale", NULL};
static const char *const postt_menu[] = {POSTT_MENU(TD_MENU_TOKEN) NULL};
static const char *const postt_labels[] = {"Off", "Origin", "Reference Input", NULL};
static const char *const align_menu[] = {ALIGN_MENU(TD_MENU_TOKEN) NULL};
static const char *const align_labels[] = {"Min", "Center", "Max", NULL};
static const char *const postscale_menu[] = {POSTSCALE_MENU(TD_MENU_TOKEN) NULL};
static const char *const postscale_labels[] = {"Per Axis", "Unity", "Reference", NULL};
static const char *const postscaleaxis_menu[] = {POSTSCALEAXIS_MENU(TD_MENU_TOKEN) NULL};
static const char *const postscaleaxis_labels[] = {"Off", "Unity", "Reference Input", "Unity Proportional",
                                                   "Reference Proportional", NULL};

#define POST_AXIS_PARS(X, a, A)                                                                            \
    X(postt##a, TD_PAR_ML, "Post Translate " A, "Post", POSTT_OFF, postt_menu, postt_labels)              \
    X(from##a, TD_PAR_ML, "From Input", "Post", ALIGN_CENTER, align_menu, align_labels)                    \
    X(to##a, TD_PAR_ML, "To Reference", "Post", ALIGN_CENTER, align_menu, align_labels)

#define TRANSFORM_PARS(X)                                                                                  \
    X(group, TD_PAR_S, "Group", "Transform", "")                                                           \
    X(xord, TD_PAR_ML, "Transform Order", "Transform", 0, td_menu_xord, td_menu_xord_labels)              \
    X(rord, TD_PAR_ML, "Rotate Order", "Transform", 0, td_menu_rord, td_menu_rord_labels)                 \
    X(tx, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(ty, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(tz, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(rx, TD_PAR_F, "Rotate", "Transform", 0)                                                              \
    X(ry, TD_PAR_F, "Rotate", "Transform", 0)                                                              \
    X(rz, TD_PAR_F, "Rotate", "Transform", 0)                                                              \
    X(sx, TD_PAR_F, "Scale", "Transform", 1)                                                               \
    X(sy, TD_PAR_F, "Scale", "Transform", 1)                                                               \
    X(sz, TD_PAR_F, "Scale", "Transform", 1)                                                               \
    X(px, TD_PAR_F, "Pivot", "Transform", 0)                                                               \
    X(py, TD_PAR_F, "Pivot", "Transform", 0)                                                               \
    X(pz, TD_PAR_F, "Pivot", "Transform", 0)                                                               \
    X(scale, TD_PAR_F, "Uniform Scale", "Transform", 1)                                                    \
    X(vlength, TD_PAR_T, "Normals Maintain Length", "Transform", 1)                                        \
    X(lookat, TD_PAR_O, "Look At", "Transform", "")                                                        \
    X(upvectorx, TD_PAR_F, "Up Vector", "Transform", 0)                                                    \
    X(upvectory, TD_PAR_F, "Up Vector", "Transform", 1)                                                    \
    X(upvectorz, TD_PAR_F, "Up Vector", "Transform", 0)                                                    \
    X(forwarddir, TD_PAR_ML, "Forward Direction", "Transform", TD_FWD_POSZ, td_menu_forwarddir,           \
      td_menu_forwarddir_labels)                                                                           \
    X(postxord, TD_PAR_ML, "Post Transform Order", "Post", POSTXORD_ST, postxord_menu, postxord_labels)  \
    POST_AXIS_PARS(X, x, "X")                                                                              \
    POST_AXIS_PARS(X, y, "Y")                                                                              \
    POST_AXIS_PARS(X, z, "Z")                                                                              \
    X(postscale, TD_PAR_ML, "Post Scale", "Post", POSTSCALE_PERAXIS, postscale_menu, postscale_labels)    \
    X(postscalex, TD_PAR_ML, "Post Scale X", "Post", POSTSCALEAXIS_OFF, postscaleaxis_menu,               \
      postscaleaxis_labels)                                                                                \
    X(postscaley, TD_PAR_ML, "Post Scale Y", "Post", POSTSCALEAXIS_OFF, postscaleaxis_menu,               \
      postscaleaxis_labels)                                                                                \
    X(postscalez, TD_PAR_ML, "Post Scale Z", "Post", POSTSCALEAXIS_OFF, postscaleaxis_menu,               \
      postscaleaxis_labels)
TD_PAR_TABLE(transform_pars, TRANSFORM_PARS);

static const char *
token(const char *const *menu, double index, size_t count)
{
    return menu[index >= 0.0 && index < (double)count ? (size_t)index : 0];
}

/* The Transform page's matrix from the values, then the plain-C transform of input 0. */
static int
transform_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    if (ninputs == 0) {
        return td_geom_merge(NULL, 0, out, err);
    }
    const td_par_value *v = vals->v;
    double t[3], r[3], s[3], p[3], m[16];
    for (int k = 0; k < 3; k++) {
        t[k] = v[PAR_tx + k].num;
        r[k] = v[PAR_rx + k].num;
        s[k] = v[PAR_sx + k].num * v[PAR_scale].num;
        p[k] = v[PAR_px + k].num;
    }
    td_mat4_compose(m, token(td_menu_xord, v[PAR_xord].num, 6), token(td_menu_rord, v[PAR_rord].num, 6), t, r, s, p);
    return td_geom_transform(inputs[0], m, v[PAR_vlength].num != 0.0, out, err);
}

static const td_sop_class transform_proto = {.build = transform_build};

static PyType_Slot transform_slots[] = {
    {Py_tp_doc, "transformSOP: translates, rotates and scales the geometry wired into it, in the SOP's own\n"
                "space (the points themselves move; a geometryCOMP's transform comes after).\n\n"
                "The matrix is the one an object COMP's Xform page makes from the same values: with xord\n"
                "'srt', T(t) * T(p) * R * S(s * scale) * T(-p), R the rotations in rord's order ('xyz':\n"
                "Rz * Ry * Rx). Normals (N) are transformed by the inverse transpose; with vlength on (our\n"
                "default: TouchDesigner does not document it) each keeps its length, so unit normals stay\n"
                "unit. Other attributes (uv, Cd) are unchanged; a negative scale does not reverse the\n"
                "polygons' winding. Without an input it holds no geometry.\n\n"
                "Stored only: group (meshes have no groups here), lookat, upvector, forwarddir (our default\n"
                "'posz'), and the whole Post page (postxord, postt*, from*, to*, postscale*), which would\n"
                "also read the reference geometry on input 1."},
    {0, NULL},
};

static PyType_Spec transform_spec = {
    .name = "td_render.transformSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = transform_slots,
};

const td_op_class td_class_transformSOP = {
    .optype = "transformSOP", .family = "SOP", .label = "Transform", .base_name = "transform", .subtype = "",
    .base = TD_BASE_SOP, .spec = &transform_spec, .pars = transform_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 2, .release = td_sop_release,
    .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &transform_proto,
};
