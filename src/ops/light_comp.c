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
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "gpu/scene.h"
#include "gpu/sampler.h"
#include "ops/material.h"
#include "ops/object.h"
#include "util/mat4.h"

#define LIGHTTYPE_MENU(M) M(LIGHT_POINT, "point") M(LIGHT_CONE, "cone") M(LIGHT_DISTANT, "distant")
enum { LIGHTTYPE_MENU(TD_MENU_ID) };
static const char *const lighttype_menu[] = {LIGHTTYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const lighttype_labels[] = {"Point", "Cone", "Distant", NULL};
#define SHADOWTYPE_MENU(M) M(SHADOW_OFF, "off") M(SHADOW_HARD, "hard2d") M(SHADOW_SOFT, "soft2d") M(SHADOW_CUSTOM, "custom")
enum { SHADOWTYPE_MENU(TD_MENU_ID) };
static const char *const shadowtype_menu[] = {SHADOWTYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const shadowtype_labels[] = {"Off", "2D Hard", "2D Soft", "Custom", NULL};
#define PROJMODE_MENU(M) M(PMODE_SIMPLE, "simplehorzfov") M(PMODE_VIEW, "useview")
enum { PROJMODE_MENU(TD_MENU_ID) };
static const char *const projmode_menu[] = {PROJMODE_MENU(TD_MENU_TOKEN) NULL};
static const char *const projmode_labels[] = {"Simple Horizontal FOV", "Use View Page", NULL};
#define PROJTYPE_MENU(M) M(PTYPE_SPOT, "spot") M(PTYPE_POINT, "point")
enum { PROJTYPE_MENU(TD_MENU_ID) };
static const char *const projtype_menu[] = {PROJTYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const projtype_labels[] = {"Spot", "Point (Cube Map)", NULL};
#define LIGHTPROJ_MENU(M) M(LPROJ_PERSPECTIVE, "perspective") M(LPROJ_ORTHO, "ortho") M(LPROJ_CUSTOM, "custommatrix")
enum { LIGHTPROJ_MENU(TD_MENU_ID) };
static const char *const lightproj_menu[] = {LIGHTPROJ_MENU(TD_MENU_TOKEN) NULL};
static const char *const lightproj_labels[] = {"Perspective", "Orthographic", "Custom Projection Matrix", NULL};

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
    X(attenuationexp, TD_PAR_FR, "Attenuation Exponent", "Light", 1, 0, 100, TD_PAR_CLAMP_MIN)             \
    X(projmaptype, TD_PAR_ML, "Projector Map Type", "Light", PTYPE_SPOT, projtype_menu, projtype_labels)  \
    X(projmap, TD_PAR_O, "Projector Map", "Light", "")                                                     \
    X(projmapextendu, TD_PAR_ML, "Projector Map Extend U", "Light", TD_EXTEND_ZERO, td_menu_extend, td_menu_extend_labels) \
    X(projmapextendv, TD_PAR_ML, "Projector Map Extend V", "Light", TD_EXTEND_ZERO, td_menu_extend, td_menu_extend_labels) \
    X(projmapfilter, TD_PAR_ML, "Projector Map Filter", "Light", TD_MAPFILTER_LINEAR, td_menu_mapfilter, td_menu_mapfilter_labels) \
    X(projmapmode, TD_PAR_ML, "Projector Map Mode", "Light", PMODE_SIMPLE, projmode_menu, projmode_labels) \
    X(projangle, TD_PAR_FR, "Projection Angle", "Light", 45, 0, 180, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX) \
    X(shadowtype, TD_PAR_ML, "Shadow Type", "Shadows", SHADOW_OFF, shadowtype_menu, shadowtype_labels)    \
    X(shadowcasters, TD_PAR_O, "Shadow Casters", "Shadows", "*")                                           \
    X(lightsize1, TD_PAR_FR, "Light Size", "Shadows", 1, 0, 1e6, TD_PAR_CLAMP_MIN)                         \
    X(lightsize2, TD_PAR_FR, "Light Size", "Shadows", 1, 0, 1e6, TD_PAR_CLAMP_MIN)                         \
    X(maxshadowsoftness, TD_PAR_FR, "Max Shadow Softness", "Shadows", 0.1, 0, 1e6, TD_PAR_CLAMP_MIN)       \
    X(filtersamples, TD_PAR_I, "Filter Samples", "Shadows", 2, 0, 8, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX) \
    X(searchsteps, TD_PAR_I, "Search Steps", "Shadows", 4, 1, 64, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)   \
    X(polygonoffsetfactor, TD_PAR_F, "Polygon Offset Factor", "Shadows", 2)                                \
    X(polygonoffsetunits, TD_PAR_F, "Polygon Offset Units", "Shadows", 4)                                  \
    X(shadowresolution1, TD_PAR_I, "Shadow Resolution", "Shadows", 1024, 1, 16384, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX) \
    X(shadowresolution2, TD_PAR_I, "Shadow Resolution", "Shadows", 1024, 1, 16384, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX) \
    X(shadowmap, TD_PAR_O, "Shadow Map", "Shadows", "")                                                    \
    X(projection, TD_PAR_ML, "Projection", "View", LPROJ_PERSPECTIVE, lightproj_menu, lightproj_labels)   \
    X(orthowidth, TD_PAR_FR, "Ortho Width", "View", 10, 0, 1e9, TD_PAR_REJECT_MIN)                         \
    X(useconeforfov, TD_PAR_T, "Use Cone Angle for FOV", "View", 1)                                        \
    X(fov, TD_PAR_FR, "Field of View", "View", 90, 0, 180, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)          \
    X(near, TD_PAR_F, "Near", "View", 0.1)                                                                 \
    X(far, TD_PAR_F, "Far", "View", 1000)
TD_PAR_TABLE(light_pars, LIGHT_PARS);

/* The light's view and projection (depth mapped to [0, 1]) into out (column-major): distant lights
 * (and projection 'ortho') look along the light with an orthographic box orthowidth wide; the
 * others with a perspective frustum of fov degrees (a cone light's cone with useconeforfov:
 * coneangle + 2 conedelta), or fov_override when > 0. 0 if the parameters make none. */
static int
light_view_projection(const td_par_value *v, const double world[16], int kind, double fov_override, float out[16])
{
    double n = v[PAR_near].num, f = v[PAR_far].num, proj[16] = {0}, view[16], m[16];
    int ortho = fov_override <= 0.0 && (kind == TD_LIGHT_DISTANT || (int)v[PAR_projection].num == LPROJ_ORTHO);
    if (!(f > n) || (!ortho && !(n > 0.0)) || td_mat4_invert(view, world) != 0) {
        return 0;
    }
    if (ortho) {
        double w = v[PAR_orthowidth].num;
        if (!(w > 0.0)) {
            return 0;
        }
        proj[0] = proj[5] = 2.0 / w;
        proj[10] = 1.0 / (n - f);
        proj[14] = n / (n - f);
        proj[15] = 1.0;
    }
    else {
        double fov = v[PAR_fov].num;
        if (fov_override > 0.0) {
            fov = fov_override;
        }
        else if (kind == TD_LIGHT_CONE && v[PAR_useconeforfov].num != 0.0) {
            fov = fmin(v[PAR_coneangle].num + 2.0 * v[PAR_conedelta].num, 179.0);
        }
        if (!(fov > 0.0 && fov < 180.0)) {
            return 0;
        }
        proj[0] = proj[5] = 1.0 / tan(fov * M_PI / 360.0);
        proj[10] = f / (n - f);
        proj[11] = -1.0;
        proj[14] = n * f / (n - f);
    }
    td_mat4_mul(m, proj, view);
    td_mat4_to_float(out, m);
    return 1;
}

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
    int shadow = (int)v[PAR_shadowtype].num;
    if ((shadow == SHADOW_HARD || shadow == SHADOW_SOFT) && light_view_projection(v, world, kind, 0.0, out->shadow_matrix)) {
        out->shadow[0] = (float)(shadow == SHADOW_SOFT ? TD_SHADOW_SOFT : TD_SHADOW_HARD);
        /* shadow[1], the map's slot, is the renderer's; soft: (2 n + 1)^2 taps lightsize1 texels apart */
        out->shadow[2] = shadow == SHADOW_SOFT ? (float)v[PAR_filtersamples].num : 0.0f;
        out->shadow[3] = (float)v[PAR_lightsize1].num;
        out->shadow_map[0] = (float)v[PAR_shadowresolution1].num;
        out->shadow_map[1] = (float)v[PAR_shadowresolution2].num;
        out->shadow_map[2] = (float)v[PAR_polygonoffsetfactor].num;
        out->shadow_map[3] = (float)v[PAR_polygonoffsetunits].num;
    }
    /* a projector map: its TOP is found by the render (projmap_par); here the projection */
    if (td_values_str(vals, PAR_projmap)[0] != '\0' && (int)v[PAR_projmaptype].num == PTYPE_SPOT &&
        light_view_projection(v, world, kind, (int)v[PAR_projmapmode].num == PMODE_SIMPLE ? v[PAR_projangle].num : 0.0,
                              out->projector_matrix)) {
        out->projector[0] = 1.0f;
        out->projector[2] = (float)TD_SAMPLING((int)v[PAR_projmapextendu].num, (int)v[PAR_projmapextendv].num,
                                               (int)v[PAR_projmapfilter].num != TD_MAPFILTER_NEAREST);
    }
    return 1;
}

static const td_object_class light_proto = {.role = TD_OBJECT_LIGHT, .fill_light = light_fill,
                                            .shadowcasters_par = PAR_shadowcasters, .projmap_par = PAR_projmap};

static PyType_Slot light_slots[] = {
    {Py_tp_doc, "lightCOMP: a light at its transform's origin, shining down its local -Z axis.\n\n"
                "lighttype 'point', 'cone' (full intensity within coneangle / 2 of the axis, falling to\n"
                "zero over conedelta degrees beyond, shaped by the exponent coneroll) or 'distant'\n"
                "(parallel rays along the axis). Colour c times dimmer; below a dimmer of 0.001 the light\n"
                "is off, as in TouchDesigner. attenuated point and cone lights scale by\n"
                "clamp((attenuationend - d) / (attenuationend - attenuationstart), 0, 1) ** attenuationexp\n"
                "at distance d. The cone and attenuation defaults are ours (TouchDesigner's are not\n"
                "documented).\n\n"
                "Shadows: shadowtype 'hard2d' or 'soft2d' renders the depth of the geometry shadowcasters\n"
                "names (relative to the light's network) from the light into a shadowresolution1 x\n"
                "shadowresolution2 map, offset by polygonoffsetfactor/units, and phongMAT darkens what it\n"
                "hides; soft2d averages (2 filtersamples + 1)^2 map texels lightsize1 texels apart\n"
                "(percentage-closer filtering). The map's frustum is the View page: distant lights (or\n"
                "projection 'ortho') an orthowidth-wide box along the light, the others a perspective\n"
                "frustum of fov degrees (cone lights with useconeforfov: coneangle + 2 conedelta), near to\n"
                "far; outside it nothing is shadowed. Defaults of the shadow and View pages are ours.\n"
                "Stored only: lightsize2, maxshadowsoftness, searchsteps, shadowmap, and shadowtype\n"
                "'custom' (no shadow).\n\n"
                "Projector: projmap names a TOP (relative to the light's network) whose image the light\n"
                "projects, multiplying its colour: projmapmode 'simplehorzfov' through a perspective\n"
                "frustum of projangle degrees (horizontal and vertical), 'useview' through the View page's;\n"
                "projmapextendu/v say what lies outside the image (default 'zero': no light), projmapfilter\n"
                "nearest or linear ('mipmaplinear' filters linearly). projmaptype 'point' (a cube map) is\n"
                "stored only. A render takes at most 64 lights, 8 with shadows and 4 with projector maps."},
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
