/* lightCOMP: a light at its transform's origin, shining down its local -Z axis (cone, distant).
 *   lighttype 'point' (every direction), 'cone' (full intensity within coneangle / 2 of the axis,
 *   falling to zero over conedelta degrees beyond, shaped by the exponent coneroll), 'distant'
 *   (parallel rays along the axis: position does not matter); colour cr cg cb times dimmer (below
 *   0.001 the light is off, as in TouchDesigner); attenuated: point and cone lights scale by
 *   clamp((attenuationend - d) / (attenuationend - attenuationstart), 0, 1) ^ attenuationexp at
 *   distance d, the ramp TouchDesigner's GLSL documents (attenScaleBiasRoll). TouchDesigner does
 *   not document the cone and attenuation defaults: ours are coneangle 45, conedelta 10, coneroll 1,
 *   attenuationstart 0, attenuationend 10, attenuationexp 1. */
#include <math.h>

#include "bind/state.h"
#include "graph/op.h"
#include "gpu/scene.h"
#include "ops/object.h"

#define LIGHTTYPE_MENU(M) M(LIGHT_POINT, "point") M(LIGHT_CONE, "cone") M(LIGHT_DISTANT, "distant")
enum { LIGHTTYPE_MENU(TD_MENU_ID) };
static const char *const lighttype_menu[] = {LIGHTTYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const lighttype_labels[] = {"Point", "Cone", "Distant", NULL};

#define LIGHT_PARS(X)                                                                                      \
    TD_XFORM_PARS(X, 0)                                                                                    \
    X(lighttype, TD_PAR_ML, "Light Type", "Light", LIGHT_POINT, lighttype_menu, lighttype_labels)         \
    X(cr, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(cg, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(cb, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(dimmer, TD_PAR_F, "Dimmer", "Light", 1)                                                              \
    X(coneangle, TD_PAR_FC, "Cone Angle", "Light", 45, 0, 180)                                             \
    X(conedelta, TD_PAR_FC, "Cone Delta", "Light", 10, 0, 180)                                             \
    X(coneroll, TD_PAR_FC, "Cone Rolloff", "Light", 1, 1, 10)                                              \
    X(attenuated, TD_PAR_T, "Attenuated", "Light", 0)                                                      \
    X(attenuationstart, TD_PAR_FR, "Attenuation Start", "Light", 0, 0, 1e9, TD_PAR_CLAMP_MIN)             \
    X(attenuationend, TD_PAR_FR, "Attenuation End", "Light", 10, 0, 1e9, TD_PAR_CLAMP_MIN)                \
    X(attenuationexp, TD_PAR_FR, "Attenuation Exponent", "Light", 1, 0, 100, TD_PAR_CLAMP_MIN)
TD_PAR_TABLE(light_pars, LIGHT_PARS);

static int
light_fill(const td_values *vals, const double world[16], td_scene_light *out)
{
    const td_par_value *v = vals->v;
    int type = (int)v[PAR_lighttype].num;
    int kind = type == LIGHT_CONE ? TD_LIGHT_CONE : type == LIGHT_DISTANT ? TD_LIGHT_DISTANT : TD_LIGHT_POINT;
    if (!td_light_fill(vals, PAR_cr, PAR_dimmer, kind, world, out)) {
        return 0;
    }
    /* the local -Z axis in world space */
    double d[3] = {-world[8], -world[9], -world[10]};
    double len = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    for (int k = 0; k < 3; k++) {
        out->direction[k] = len > 0.0 ? (float)(d[k] / len) : (k == 2 ? -1.0f : 0.0f);
    }
    double inner = v[PAR_coneangle].num * 0.5 * M_PI / 180.0;
    double outer = fmin(inner + v[PAR_conedelta].num * M_PI / 180.0, M_PI);
    out->cone[0] = (float)cos(inner);
    out->cone[1] = (float)cos(outer);
    out->cone[2] = (float)v[PAR_coneroll].num;
    if (v[PAR_attenuated].num != 0.0) {
        double start = v[PAR_attenuationstart].num, end = v[PAR_attenuationend].num;
        double span = end - start;
        /* clamp(d * scale + bias, 0, 1) = clamp((end - d) / (end - start), 0, 1); a zero span is a step */
        double scale = span > 1e-6 ? -1.0 / span : -1e6, bias = span > 1e-6 ? end / span : end * 1e6;
        out->atten[0] = (float)fmax(scale, -3e38);
        out->atten[1] = (float)fmin(bias, 3e38);
        out->atten[2] = (float)v[PAR_attenuationexp].num;
        out->atten[3] = 1.0f;
    }
    return 1;
}

static const td_object_class light_proto = {.role = TD_OBJECT_LIGHT, .fill_light = light_fill};

static PyType_Slot light_slots[] = {
    {Py_tp_doc, "lightCOMP: a light at its transform's origin, shining down its local -Z axis.\n\n"
                "lighttype 'point', 'cone' (full intensity within coneangle / 2 of the axis, falling to\n"
                "zero over conedelta degrees beyond, shaped by the exponent coneroll) or 'distant'\n"
                "(parallel rays along the axis). Colour c times dimmer; below a dimmer of 0.001 the light\n"
                "is off, as in TouchDesigner. attenuated point and cone lights scale by\n"
                "clamp((attenuationend - d) / (attenuationend - attenuationstart), 0, 1) ** attenuationexp\n"
                "at distance d. The cone and attenuation defaults are ours (TouchDesigner's are not\n"
                "documented)."},
    {0, NULL},
};

static PyType_Spec light_spec = {
    .name = "td_render.lightCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = light_slots,
};

const td_op_class td_class_lightCOMP = {
    .optype = "lightCOMP", .family = "COMP", .label = "Light", .base_name = "light", .subtype = "object",
    .base = TD_BASE_OBJECT, .spec = &light_spec, .pars = light_pars, .npars = PAR_COUNT, .proto = &light_proto,
};
