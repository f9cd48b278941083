/* environmentlightCOMP: light from every direction, from an equirectangular image (envlightmap, a
 * TOP) or, without one, a uniform environment of its colour; for pbrMAT (shaders/pbr.frag). The
 * render turns the map into a diffuse irradiance map and a prefiltered specular map on the GPU
 * (gpu/envlight.c). Its colour and dimmer default to 1, ours (TouchDesigner does not document
 * them). */
#include <math.h>

#include "bind/state.h"
#include "graph/op.h"
#include "gpu/scene.h"
#include "ops/object.h"
#include "util/mat4.h"

#define ENVLIGHT_PARS(X)                                                                                   \
    TD_XFORM_PARS(X, 0)                                                                                    \
    X(cr, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(cg, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(cb, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(dimmer, TD_PAR_F, "Dimmer", "Light", 1)                                                              \
    X(envlightmap, TD_PAR_O, "Environment Map", "Light", "")                                         \
    X(envlightmaprotatex, TD_PAR_F, "Environment Map Rotate", "Light", 0)                                  \
    X(envlightmaprotatey, TD_PAR_F, "Environment Map Rotate", "Light", 0)                                  \
    X(envlightmaprotatez, TD_PAR_F, "Environment Map Rotate", "Light", 0)
TD_PAR_TABLE(envlight_pars, ENVLIGHT_PARS);

/* Colour * dimmer, and the rotation from world directions to the map's: the inverse of the light's
 * world rotation (its transform's columns normalised) times envlightmaprotate (x, then y, then z). */
static int
envlight_fill(const td_values *vals, const double world[16], td_scene_light *out)
{
    if (!td_light_fill(vals, PAR_cr, PAR_dimmer, TD_LIGHT_ENVIRONMENT, world, out)) {
        return 0;
    }
    double m[16];
    td_mat4_identity(m);
    for (int c = 0; c < 3; c++) {
        double len = sqrt(world[c * 4] * world[c * 4] + world[c * 4 + 1] * world[c * 4 + 1] +
                          world[c * 4 + 2] * world[c * 4 + 2]);
        for (int r = 0; r < 3; r++) {
            m[c * 4 + r] = len > 0.0 ? world[c * 4 + r] / len : (double)(c == r);
        }
    }
    const double rot[3] = {vals->v[PAR_envlightmaprotatex].num, vals->v[PAR_envlightmaprotatey].num,
                           vals->v[PAR_envlightmaprotatez].num};
    td_mat4_rotate_euler(m, "xyz", rot);
    /* world to map: the transpose (a rotation's inverse), column-major into columns 0..2 */
    for (int c = 0; c < 3; c++) {
        for (int r = 0; r < 3; r++) {
            out->projector_matrix[c * 4 + r] = (float)m[r * 4 + c];
        }
    }
    return 1;
}

static const td_object_class envlight_proto = {.role = TD_OBJECT_LIGHT, .fill_light = envlight_fill,
                                               .envmap_par = PAR_envlightmap};

static PyType_Slot envlight_slots[] = {
    {Py_tp_doc, "environmentlightCOMP: light from every direction, for pbrMAT (phongMAT and constantMAT\n"
                "ignore it). Include it in the render's lights pattern like any light.\n\n"
                "envlightmap names a TOP (relative to the light's network, cooked first) holding an\n"
                "equirectangular image of the environment: u runs once around the vertical axis, from -Z\n"
                "at the middle (u = 0.5) through +X at u = 0.75, and v from straight down (0) to straight\n"
                "up (1). Its rgb times cr cg cb times dimmer is the light arriving from each direction\n"
                "(alpha is ignored). envlightmaprotatex/y/z (degrees, applied x, then y, then z) and the\n"
                "light's own rotation turn the map; its position does not matter. Without a map the\n"
                "environment is uniform: cr cg cb * dimmer from every direction, so a pbrMAT is never\n"
                "black under an environment light. Below a dimmer of 0.001 the light is off. The\n"
                "render turns the map into a 32 x 16 diffuse irradiance map and a 128 x 64 specular map\n"
                "prefiltered for 5 roughness levels (GGX), recomputed only when the map TOP's image\n"
                "changes. A render takes at most 4 environment lights with maps (those without add up, any\n"
                "number). Colour and dimmer default to 1 (ours: TouchDesigner does not document them)."},
    {0, NULL},
};

static PyType_Spec envlight_spec = {
    .name = "td_render.environmentlightCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = envlight_slots,
};

const td_op_class td_class_environmentlightCOMP = {
    .optype = "environmentlightCOMP", .family = "COMP", .label = "Environment Light", .base_name = "envlight",
    .subtype = "object", .base = TD_BASE_OBJECT, .spec = &envlight_spec, .pars = envlight_pars,
    .npars = PAR_COUNT, .proto = &envlight_proto,
};
