/* pbrMAT: the metallic/roughness model, a GGX / Cook-Torrance specular lobe and a Lambert diffuse
 * one per light (point, cone, distant), the ambient lights and environment lights (image-based:
 * gpu/envlight.c) as environments, plus emit and constant (shaders/pbr.frag). The same X-macro /
 * field-table shape as phongMAT (phong_mat.c); its seven maps are material maps (units 16..22). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/material.h"
#include "ops/registry.h"
#include "td_shaders.h"

/* Which channel of a map holds a single-channel value. */
#define CHANNEL_MENU(M) M(CHANNEL_R, "r") M(CHANNEL_G, "g") M(CHANNEL_B, "b") M(CHANNEL_A, "a")
enum { CHANNEL_MENU(TD_MENU_ID) };
static const char *const channel_menu[] = {CHANNEL_MENU(TD_MENU_TOKEN) NULL};
static const char *const channel_labels[] = {"Red", "Green", "Blue", "Alpha", NULL};

/* A map's TOP and how it is sampled: <name>map, <name>mapextendu/v, <name>mapfilter. */
#define PBR_MAP_PARS(X, name, label)                                                                       \
    X(name##map, TD_PAR_O, label " Map", "RGB", "")                                                        \
    X(name##mapextendu, TD_PAR_ML, label " Map Extend U", "RGB", TD_EXTEND_REPEAT, td_menu_extend, td_menu_extend_labels) \
    X(name##mapextendv, TD_PAR_ML, label " Map Extend V", "RGB", TD_EXTEND_REPEAT, td_menu_extend, td_menu_extend_labels) \
    X(name##mapfilter, TD_PAR_ML, label " Map Filter", "RGB", TD_MAPFILTER_LINEAR, td_menu_mapfilter, td_menu_mapfilter_labels)
#define PBR_CHANNEL_PAR(X, name, label, def)                                                               \
    X(name##channelsource, TD_PAR_ML, label " Channel Source", "RGB", def, channel_menu, channel_labels)

/* Pages: RGB, Alpha, then the MAT Common page. */
#define PBR_PARS(X)                                                                                        \
    X(basecolorr, TD_PAR_F, "Base Color", "RGB", 1)                                                        \
    X(basecolorg, TD_PAR_F, "Base Color", "RGB", 1)                                                        \
    X(basecolorb, TD_PAR_F, "Base Color", "RGB", 1)                                                        \
    PBR_MAP_PARS(X, basecolor, "Base Color")                                                               \
    X(specularlevel, TD_PAR_FR, "Specular Level", "RGB", 0.5, 0, 1, TD_PAR_CLAMP_MIN)                      \
    X(metallic, TD_PAR_FC, "Metallic", "RGB", 1, 0, 1)                                                     \
    PBR_MAP_PARS(X, metallic, "Metallic")                                                                  \
    PBR_CHANNEL_PAR(X, metallic, "Metallic", CHANNEL_B)                                                    \
    X(roughness, TD_PAR_FC, "Roughness", "RGB", 0.5, 0, 1)                                                 \
    PBR_MAP_PARS(X, roughness, "Roughness")                                                                \
    PBR_CHANNEL_PAR(X, roughness, "Roughness", CHANNEL_G)                                                  \
    X(ambientocclusion, TD_PAR_FC, "Ambient Occlusion", "RGB", 1, 0, 1)                                    \
    PBR_MAP_PARS(X, ambientocclusion, "Ambient Occlusion")                                                 \
    PBR_CHANNEL_PAR(X, ambientocclusion, "Ambient Occlusion", CHANNEL_R)                                   \
    PBR_MAP_PARS(X, normal, "Normal")                                                                      \
    PBR_MAP_PARS(X, height, "Height")                                                                      \
    X(emitr, TD_PAR_F, "Emit", "RGB", 0)                                                                   \
    X(emitg, TD_PAR_F, "Emit", "RGB", 0)                                                                   \
    X(emitb, TD_PAR_F, "Emit", "RGB", 0)                                                                   \
    PBR_MAP_PARS(X, emit, "Emit")                                                                          \
    X(constantr, TD_PAR_F, "Constant", "RGB", 0)                                                           \
    X(constantg, TD_PAR_F, "Constant", "RGB", 0)                                                           \
    X(constantb, TD_PAR_F, "Constant", "RGB", 0)                                                           \
    X(envlightquality, TD_PAR_FR, "Environment Light Quality", "RGB", 1, 0, 10, TD_PAR_CLAMP_MIN)          \
    X(alphamode, TD_PAR_T, "Uniform Alpha", "Alpha", 1)                                                    \
    X(alphafront, TD_PAR_FC, "Alpha Front", "Alpha", 1, 0, 1)                                              \
    X(alphaside, TD_PAR_FC, "Alpha Side", "Alpha", 1, 0, 1)                                                \
    X(rolloff, TD_PAR_FR, "Alpha Rolloff", "Alpha", 1, 0, 10, TD_PAR_REJECT_MIN)                           \
    TD_MAT_COMMON_PARS(X)
TD_PAR_TABLE(pbr_pars, PBR_PARS);

/* The TDMaterial block of shaders/pbr.frag. */
static const td_block_field pbr_block[] = {
    {"baseColor", 3, PAR_basecolorr},
    {"specularLevel", 1, PAR_specularlevel},
    {"emit", 3, PAR_emitr},
    {"metallic", 1, PAR_metallic},
    {"constant", 3, PAR_constantr},
    {"roughness", 1, PAR_roughness},
    {"ambientOcclusion", 1, PAR_ambientocclusion},
    {"alpha", 1, PAR_alphafront},
    {"alphaSide", 1, PAR_alphaside},
    {"alphaRolloff", 1, PAR_rolloff},
    {"uniformAlpha", 1, PAR_alphamode},
    {"metallicChannel", 1, PAR_metallicchannelsource},
    {"roughnessChannel", 1, PAR_roughnesschannelsource},
    {"ambientOcclusionChannel", 1, PAR_ambientocclusionchannelsource},
};

static const td_block_switch pbr_switches[] = {
    {"TD_PBR_VIEW_ALPHA", "uniformAlpha", 1}, /* off: alpha front / side */
};

/* Its maps, bound where shaders/pbr.frag's TD_*MAP_UNIT macros say (the height map is cooked and
 * bound, but no term reads it yet). */
#define PBR_MAP(name) {.top = PAR_##name##map, .extendu = PAR_##name##mapextendu, \
                       .extendv = PAR_##name##mapextendv, .filter = PAR_##name##mapfilter}
static const char *const pbr_map_units[] = {"TD_BASECOLORMAP_UNIT", "TD_METALLICMAP_UNIT", "TD_ROUGHNESSMAP_UNIT",
                                            "TD_AOMAP_UNIT", "TD_NORMALMAP_UNIT", "TD_HEIGHTMAP_UNIT",
                                            "TD_EMITMAP_UNIT"};
static const td_mat_map pbr_maps[] = {PBR_MAP(basecolor), PBR_MAP(metallic), PBR_MAP(roughness),
                                      PBR_MAP(ambientocclusion), PBR_MAP(normal), PBR_MAP(height), PBR_MAP(emit)};

static const td_material_program pbr_program = {
    .name = "pbr", .fragment = td_shader_pbr_frag, .fields = pbr_block, .nfields = TD_NPARS(pbr_block),
    .map_units = pbr_map_units, .nmaps = TD_NPARS(pbr_maps),
    .switches = pbr_switches, .nswitches = TD_NPARS(pbr_switches),
};

static const td_mat_class pbr_proto = {.program = &pbr_program, .maps = pbr_maps};

static PyType_Slot pbr_slots[] = {
    {Py_tp_doc, "pbrMAT: a physically based material (metallic / roughness). With n the surface normal\n"
                "(flipped on back faces), v the unit vector toward the camera's position, and per light l toward\n"
                "it and h = normalize(l + v):\n"
                "  F0 = mix(0.08 * specularlevel, basecolor, metallic)  (0.04 at the default 0.5: a dielectric\n"
                "       of index 1.5; specularlevel 0..1 spans F0 0..0.08: Substance's definition, whose\n"
                "       materials TouchDesigner's pbrMAT loads; TouchDesigner does not document its formula)\n"
                "  diffuse = basecolor * (1 - metallic)\n"
                "  a = max(roughness^2, 0.001), D = a^2 / (pi ((n.h)^2 (a^2 - 1) + 1)^2)  (GGX)\n"
                "  V = 0.5 / (n.l sqrt((n.v)^2 (1 - a^2) + a^2) + n.v sqrt((n.l)^2 (1 - a^2) + a^2))\n"
                "       (Smith, height-correlated), F = F0 + (1 - F0) (1 - v.h)^5  (Schlick)\n"
                "  per light: light * n.l * (diffuse + pi D V F), where light is the light's colour times its\n"
                "       projector map, shadow, attenuation and cone falloff as for phongMAT (a white Lambert\n"
                "       surface facing a light of colour c is c, as with phongMAT's diff)\n"
                "  ambient lights and environment lights: ambientocclusion * L * (diffuse * E + S * (F0 A + B)),\n"
                "       L the light's colour * dimmer; E the environment's irradiance / pi and S its radiance\n"
                "       prefiltered for roughness around the reflected direction (1 for ambient lights and\n"
                "       environment lights without a map: a uniform environment); (A, B) the split-sum\n"
                "       BRDF term from Karis' analytic fit (\"Physically Based Shading on Mobile\", 2014)\n"
                "  + emit + constant (unlit), then the camera's fog.\n"
                "With no environment light a pbrMAT is lit by the point, cone, distant and ambient lights only\n"
                "(TouchDesigner's pbrMAT without an environment light is direct light only as well); with no\n"
                "lights at all it shows emit + constant (black by default).\n\n"
                "Maps (TOPs relative to the MAT's network, cooked first; sampled at the mesh's uv with\n"
                "<map>extendu/v and <map>filter, 'mipmaplinear' filtering linearly): basecolormap multiplies\n"
                "basecolor and alpha by its rgba; metallicmap, roughnessmap and ambientocclusionmap multiply\n"
                "their values by the channel their <name>channelsource names (defaults b, g, r: the usual\n"
                "packed occlusion / roughness / metallic texture); emitmap multiplies emit; normalmap is a\n"
                "tangent-space normal map (rgb * 2 - 1), the tangent frame from the screen-space derivatives\n"
                "of position and uv. Alpha page as phongMAT: alphafront; with alphamode off\n"
                "mix(alphaside, alphafront, |n.v| ^ rolloff).\n\n"
                "Defaults TouchDesigner does not document are ours: basecolor 1, roughness 0.5,\n"
                "ambientocclusion 1, the channel sources, the map sampling (repeat, linear), alphamode on,\n"
                "alphaside 1, rolloff 1; metallic 1 as TouchDesigner's. Stored only: heightmap (and its\n"
                "sampling), envlightquality. Not offered yet: the specular/glossiness workflow, rim lights,\n"
                "alphamap, displacement, point colours."},
    {0, NULL},
};

static PyType_Spec pbr_spec = {
    .name = "td_render.pbrMAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = pbr_slots,
};

const td_op_class td_class_pbrMAT = {
    .optype = "pbrMAT", .family = "MAT", .label = "PBR", .base_name = "pbr", .subtype = "",
    .base = TD_BASE_MAT, .spec = &pbr_spec, .pars = pbr_pars, .npars = PAR_COUNT,
    .proto = &pbr_proto, .release = td_mat_release,
};
