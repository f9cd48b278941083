/* noiseSOP: its input's geometry with one point attribute displaced by deterministic fractal noise
 * (util/noise.h gives the formula; geom/noise.c the displacement). */
#include "bind/state.h"
#include "geom/noise.h"
#include "graph/op.h"
#include "ops/noise_pars.h"
#include "ops/sop.h"
#include "util/mat4.h"

#define ATTRIBUTE_MENU(M)                                                                                  \
    M(ATTR_POS, "pos") M(ATTR_N, "n") M(ATTR_CD, "cd") M(ATTR_ALPHA, "alpha") M(ATTR_UV, "uv") M(ATTR_W, "w")
enum { ATTRIBUTE_MENU(TD_MENU_ID) };
static const char *const attribute_menu[] = {ATTRIBUTE_MENU(TD_MENU_TOKEN) NULL};
static const char *const attribute_labels[] = {"Point Position", "Point Normals", "Point Diffuse Color", "Point Alpha",
                                               "Point Texture UV", "Point Texture W", NULL};
_Static_assert((int)ATTR_W == (int)TD_GEOM_NOISE_W, "the menu is geom/noise.h's attributes in order");

#define NOISE_PARS(X)                                                                                      \
    X(group, TD_PAR_S, "Group", "Noise", "")                                                               \
    X(attribute, TD_PAR_ML, "Attribute", "Noise", ATTR_POS, attribute_menu, attribute_labels)              \
    TD_NOISE_FRACTAL_PARS(X)                                                                               \
    X(tx, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(ty, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(tz, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(rx, TD_PAR_F, "Rotate", "Transform", 0)                                                              \
    X(ry, TD_PAR_F, "Rotate", "Transform", 0)                                                              \
    X(rz, TD_PAR_F, "Rotate", "Transform", 0)                                                              \
    X(sx, TD_PAR_F, "Scale", "Transform", 1)                                                               \
    X(sy, TD_PAR_F, "Scale", "Transform", 1)                                                               \
    X(sz, TD_PAR_F, "Scale", "Transform", 1)
TD_PAR_TABLE(noise_pars, NOISE_PARS);

static int
noise_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    if (ninputs < 1) {
        return td_err_set(err, TD_ERR_VALUE, "noiseSOP needs an input");
    }
    const td_par_value *v = vals->v;
    td_geom_noise_desc d = {
        .noise = {.kind = (td_noise_kind)v[PAR_type].num, .seed = td_noise_seed(v[PAR_seed].num),
                  .harmonics = (int)v[PAR_harmon].num, .spread = v[PAR_spread].num, .gain = v[PAR_gain].num,
                  .exponent = v[PAR_exp].num},
        .attr = (td_geom_noise_attr)v[PAR_attribute].num,
        .amp = v[PAR_amp].num,
        .offset = v[PAR_offset].num,
        .period = v[PAR_period].num,
    };
    double t[3] = {v[PAR_tx].num, v[PAR_ty].num, v[PAR_tz].num}, r[3] = {v[PAR_rx].num, v[PAR_ry].num, v[PAR_rz].num};
    double s[3] = {v[PAR_sx].num, v[PAR_sy].num, v[PAR_sz].num}, p[3] = {0, 0, 0};
    td_mat4_compose(d.xform, "srt", "xyz", t, r, s, p);
    return td_geom_noise(inputs[0], &d, out, err);
}

static const td_sop_class noise_proto = {.build = noise_build};

static PyType_Slot noise_slots[] = {
    {Py_tp_doc, "noiseSOP: its input's geometry with one attribute moved by fractal noise, the same result\n"
                "for the same parameters and seed.\n\n"
                "A point P's noise-space position is p = M P / period, M the Transform page (scale, then\n"
                "rotate x y z, then translate); octave k = 0 .. harmon samples the type at p * spread^k\n"
                "weighted gain^k; their weighted mean f (clamped to -1..1) gives n = offset + amp *\n"
                "sign(f) |f|^exp, so |n - offset| <= amp. attribute 'pos' (the default) moves each point\n"
                "along its unit normal by n (normals computed from the faces when the input has none),\n"
                "then recomputes the normals from the moved faces; 'n' adds n to each normal component\n"
                "and renormalises; 'cd' (r g b), 'alpha', 'uv' (u v) and 'w' add n to each component\n"
                "(a missing Cd starts white, a missing uv at 0). Each component has its own seed. Point\n"
                "and primitive counts stay the input's. The noises are td_render's own of\n"
                "TouchDesigner's kinds (util/noise.h), not its exact values; defaults TouchDesigner\n"
                "does not document (harmon, spread, gain, exp, amp, offset) are ours. Stored only:\n"
                "group, rough. Not offered yet: the pivot and transform orders, rest positions."},
    {0, NULL},
};

static PyType_Spec noise_spec = {
    .name = "td_render.noiseSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = noise_slots,
};

const td_op_class td_class_noiseSOP = {
    .optype = "noiseSOP", .family = "SOP", .label = "Noise", .base_name = "noise", .subtype = "",
    .base = TD_BASE_SOP, .spec = &noise_spec, .pars = noise_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_sop_release, .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &noise_proto,
};
