/* phongMAT: Lambert diffuse + two Blinn-Phong specular lobes per light (point, cone, distant), plus
 * ambient * ambient lights, emit and constant, and its texture maps (shaders/phong.frag). The same
 * defaults shade geometry that has no material.
 *
 * A parameter that changes the image is three places: its row in PHONG_PARS, a row of
 * phong_block (the TDMaterial field it fills) and its use in shaders/phong.frag. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/material.h"
#include "ops/registry.h"
#include "td_shaders.h"

#define ENVMAP_TYPE_MENU(M) M(ENVMAP_SPHERE, "spheremap") M(ENVMAP_EQUIRECT, "equirect")
enum { ENVMAP_TYPE_MENU(TD_MENU_ID) };
static const char *const envmap_type_menu[] = {ENVMAP_TYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const envmap_type_labels[] = {"Sphere Map", "Equirectangular", NULL};

/* TouchDesigner's pages and their order: RGB, Alpha, Advanced. */
#define PHONG_PARS(X)                                                                                      \
    X(ambdiff, TD_PAR_T, "Ambient uses Diffuse", "RGB", 0)                                                 \
    X(diffr, TD_PAR_F, "Diffuse", "RGB", 1)                                                                \
    X(diffg, TD_PAR_F, "Diffuse", "RGB", 1)                                                                \
    X(diffb, TD_PAR_F, "Diffuse", "RGB", 1)                                                                \
    X(ambr, TD_PAR_F, "Ambient", "RGB", 1)                                                                 \
    X(ambg, TD_PAR_F, "Ambient", "RGB", 1)                                                                 \
    X(ambb, TD_PAR_F, "Ambient", "RGB", 1)                                                                 \
    X(specr, TD_PAR_F, "Specular", "RGB", 1)                                                               \
    X(specg, TD_PAR_F, "Specular", "RGB", 1)                                                               \
    X(specb, TD_PAR_F, "Specular", "RGB", 1)                                                               \
    X(emitr, TD_PAR_F, "Emit", "RGB", 0)                                                                   \
    X(emitg, TD_PAR_F, "Emit", "RGB", 0)                                                                   \
    X(emitb, TD_PAR_F, "Emit", "RGB", 0)                                                                   \
    X(constantr, TD_PAR_F, "Constant", "RGB", 0)                                                           \
    X(constantg, TD_PAR_F, "Constant", "RGB", 0)                                                           \
    X(constantb, TD_PAR_F, "Constant", "RGB", 0)                                                           \
    X(shininess, TD_PAR_FR, "Shininess", "RGB", 10, 0, 100, TD_PAR_REJECT_MIN)                             \
    TD_MAT_MAP_PARS(X, colormap, "Color Map", "RGB")                                                       \
    TD_MAT_MAP_PARS(X, normalmap, "Normal Map (Bump)", "RGB")                                              \
    X(bumpscale, TD_PAR_F, "Bump Scale", "RGB", 1)                                                         \
    TD_MAT_MAP_PARS(X, diffusemap, "Diffuse Map", "RGB")                                                   \
    TD_MAT_MAP_PARS(X, specmap, "Specular Map", "RGB")                                                     \
    TD_MAT_MAP_PARS(X, emitmap, "Emit Map", "RGB")                                                         \
    TD_MAT_MAP_PARS(X, envmap, "Environment Map", "RGB")                                                   \
    X(envmapcolorr, TD_PAR_F, "Environment Map Color", "RGB", 1)                                           \
    X(envmapcolorg, TD_PAR_F, "Environment Map Color", "RGB", 1)                                           \
    X(envmapcolorb, TD_PAR_F, "Environment Map Color", "RGB", 1)                                           \
    X(envmaprotatex, TD_PAR_F, "Environment Map Rotate", "RGB", 0)                                         \
    X(envmaprotatey, TD_PAR_F, "Environment Map Rotate", "RGB", 0)                                         \
    X(envmaprotatez, TD_PAR_F, "Environment Map Rotate", "RGB", 0)                                         \
    X(envmaptype2d, TD_PAR_ML, "Environment Map 2D Type", "RGB", ENVMAP_EQUIRECT, envmap_type_menu, envmap_type_labels) \
    TD_MAT_MAP_PARS(X, alphamap, "Alpha Map", "Alpha")                                                     \
    X(alphamode, TD_PAR_T, "Uniform Alpha", "Alpha", 1)                                                    \
    X(alphafront, TD_PAR_FC, "Alpha Front", "Alpha", 1, 0, 1)                                              \
    X(alphaside, TD_PAR_FC, "Alpha Side", "Alpha", 1, 0, 1)                                                \
    X(rolloff, TD_PAR_FR, "Alpha Rolloff", "Alpha", 1, 0, 10, TD_PAR_REJECT_MIN)                           \
    X(shadowstrength, TD_PAR_FC, "Shadow Strength", "Advanced", 1, 0, 1)                                   \
    X(shadowcolorr, TD_PAR_F, "Shadow Color", "Advanced", 0)                                               \
    X(shadowcolorg, TD_PAR_F, "Shadow Color", "Advanced", 0)                                               \
    X(shadowcolorb, TD_PAR_F, "Shadow Color", "Advanced", 0)                                               \
    X(spec2r, TD_PAR_F, "Secondary Specular", "Advanced", 0)                                               \
    X(spec2g, TD_PAR_F, "Secondary Specular", "Advanced", 0)                                               \
    X(spec2b, TD_PAR_F, "Secondary Specular", "Advanced", 0)                                               \
    X(shininess2, TD_PAR_FR, "Secondary Shininess", "Advanced", 10, 0, 100, TD_PAR_REJECT_MIN)             \
    TD_MAT_COMMON_PARS(X)
TD_PAR_TABLE(phong_pars, PHONG_PARS);

/* The TDMaterial block of shaders/phong.frag: a GLSL field per row, filled from the parameter at
 * the index given and the ones after it. */
static const td_block_field phong_block[] = {
    {"diffuse", 3, PAR_diffr},
    {"ambientUsesDiffuse", 1, PAR_ambdiff},
    {"ambient", 3, PAR_ambr},
    {"shininess", 1, PAR_shininess},
    {"specular", 3, PAR_specr},
    {"shininess2", 1, PAR_shininess2},
    {"specular2", 3, PAR_spec2r},
    {"alpha", 1, PAR_alphafront},
    {"emit", 3, PAR_emitr},
    {"alphaSide", 1, PAR_alphaside},
    {"constant", 3, PAR_constantr},
    {"uniformAlpha", 1, PAR_alphamode},
    {"shadowColor", 3, PAR_shadowcolorr},
    {"alphaRolloff", 1, PAR_rolloff},
    {"shadowStrength", 1, PAR_shadowstrength},
    {"bumpScale", 1, PAR_bumpscale},
    {"envMapColor", 3, PAR_envmapcolorr},
    {"envMapRotate", 3, PAR_envmaprotatex},
};

/* Its maps, each compiled in only when it names a TOP: map j is bound where the macro
 * phong_map_units[j] of shaders/phong.frag says. */
static const char *const phong_map_units[] = {
    "TD_COLORMAP_UNIT", "TD_NORMALMAP_UNIT", "TD_DIFFUSEMAP_UNIT", "TD_SPECMAP_UNIT", "TD_EMITMAP_UNIT",
    "TD_ALPHAMAP_UNIT", "TD_ENVMAP_UNIT",
};
static const td_mat_map phong_maps[] = {
    TD_MAT_MAP(colormap), TD_MAT_MAP(normalmap), TD_MAT_MAP(diffusemap), TD_MAT_MAP(specmap), TD_MAT_MAP(emitmap),
    TD_MAT_MAP(alphamap), TD_MAT_MAP(envmap),
};
_Static_assert(TD_NPARS(phong_map_units) == TD_NPARS(phong_maps), "a unit macro per map");

/* Terms compiled in only when they can change the image. */
static const td_block_switch phong_switches[] = {
    {"TD_PHONG_SPEC2", "specular2", 0},           /* not black: the second lobe */
    {"TD_PHONG_VIEW_ALPHA", "uniformAlpha", 1},   /* off: alpha front / side */
    {"TD_PHONG_SHADOW_COLOR", "shadowColor", 0},  /* not black */
};

static const td_material_program phong_program = {
    .name = "phong", .fragment = td_shader_phong_frag, .fields = phong_block, .nfields = TD_NPARS(phong_block),
    .switches = phong_switches, .nswitches = TD_NPARS(phong_switches), .map_units = phong_map_units,
    .nmaps = TD_NPARS(phong_maps),
};

static const td_mat_class phong_proto = {.program = &phong_program, .maps = phong_maps};

void
td_phong_defaults(td_scene_material *out)
{
    td_mat_fill(NULL, &td_class_phongMAT, &phong_program, out);
}

static PyType_Slot phong_slots[] = {
    {Py_tp_doc, "phongMAT: a lit material, TouchDesigner's Phong Lighting Equation. Per light, with n the\n"
                "surface normal (flipped on back faces), l the unit vector toward the light, v the unit vector\n"
                "toward the camera's position and h = normalize(l + v):\n"
                "  light = light colour * projector map * attenuation and cone falloff, where shadowed\n"
                "    mix(light colour * projector map, shadowcolor, shadowstrength * (1 - lit fraction)) * the same;\n"
                "  light * (diff * diffusemap * max(n.l, 0) + [n.l > 0] * (spec * specmap * max(n.h, 0) ^ shininess\n"
                "                                                        + spec2 * max(n.h, 0) ^ shininess2)),\n"
                "summed over the lights (point, cone, distant), plus amb (diff when ambdiff is on; not the\n"
                "diffuse map) * the ambient lights, emit * emitmap and constant, all of it times colormap's rgb,\n"
                "plus envmap's reflection * envmapcolor.\n"
                "Alpha: alphafront; with alphamode (Uniform Alpha) off, mix(alphaside, alphafront, |n.v| ^ rolloff):\n"
                "alphafront where the surface faces the camera, alphaside edge-on (TouchDesigner documents the\n"
                "ends; the rolloff curve is ours); times colormap's alpha and alphamap's red channel.\n"
                "\n"
                "Maps name TOPs (relative to the MAT's network, cooked first: any TOP, a render included),\n"
                "sampled at the mesh's uv with their extendu/v and filter ('mipmaplinear' filters linearly);\n"
                "a map that names nothing is not compiled in. The maps' rgb multiply as TouchDesigner's\n"
                "equation says: diffusemap the diffuse colour, specmap the first specular colour (spec, not\n"
                "spec2), emitmap the emit colour, colormap the sum (constant included, as the equation has it,\n"
                "though constant's own description says textures do not affect it); diffusemap's, specmap's\n"
                "and emitmap's alpha is ignored. normalmap is a tangent-space normal map (rgb * 2 - 1, blue up\n"
                "the surface normal): TouchDesigner asks for a tangent attribute, meshes here have none, so the\n"
                "tangent frame (u along T, v along B) comes from the screen-space derivatives of the position\n"
                "and the uv; bumpscale multiplies the map's x and y (1 is ours). A mesh without uv keeps its\n"
                "normals. envmap is an equirectangular image of the surroundings, looked up along the view\n"
                "reflected about n (d = reflect(-v, n)) with the environment turned by envmaprotate (degrees,\n"
                "about x, then y, then z): u = 0.5 + atan(d.x, -d.z) / 2pi, v = 0.5 + asin(d.y) / pi (-z at\n"
                "the image's centre, +y at its top: the layout is ours).\n"
                "\n"
                "Defaults that TouchDesigner does not document are ours: ambdiff off, alphamode on, alphaside 1,\n"
                "rolloff 1, shadowstrength 1, shadowcolor black, spec2 black, shininess2 10, the maps' repeat\n"
                "and linear, envmapcolor white, envmaptype2d equirect. Stored only: each map's extendw and\n"
                "anisotropy, envmaptype2d 'spheremap' (drawn as 'equirect'; a cube map TOP is sampled as its\n"
                "2D image). Not implemented yet (TouchDesigner has them, td_render does not offer them): the\n"
                "maps' texture coordinate and interpolation choices, heightmap, rim lights, darkness emit,\n"
                "postmultalpha, alphamultlight, front/back face lighting, multi-texturing and point colours.\n"
                "\n"
                "Geometry without a material uses these defaults."},
    {0, NULL},
};

static PyType_Spec phong_spec = {
    .name = "td_render.phongMAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = phong_slots,
};

const td_op_class td_class_phongMAT = {
    .optype = "phongMAT", .family = "MAT", .label = "Phong", .base_name = "phong", .subtype = "",
    .base = TD_BASE_MAT, .spec = &phong_spec, .pars = phong_pars, .npars = PAR_COUNT,
    .proto = &phong_proto, .release = td_mat_release,
};
