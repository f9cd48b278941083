/* What the TOPs that render a scene (renderTOP, renderpassTOP) share: the Advanced and Crop pages
 * and the gather of a camera, lights and geometry into a td_scene snapshot. */
#ifndef TD_OPS_RENDER_SCENE_H
#define TD_OPS_RENDER_SCENE_H

#include "gpu/scene.h"
#include "graph/op.h"

/* TouchDesigner's menus of the Render and Advanced pages, in its order. */
#define TD_CULLFACE_MENU(M)                                                                                \
    M(TD_CULLFACE_NEITHER, "neither") M(TD_CULLFACE_BACK, "backfaces") M(TD_CULLFACE_FRONT, "frontfaces")   \
    M(TD_CULLFACE_BOTH, "bothfaces")
#define TD_TRANSPARENCY_MENU(M)                                                                            \
    M(TD_TRANSPARENCY_SORTED, "sortedblending") M(TD_TRANSPARENCY_ORDERIND, "orderind")                    \
    M(TD_TRANSPARENCY_A2C, "alphatocoverage")
#define TD_DEPTHFORMAT_MENU(M) M(TD_DEPTHFORMAT_FIXED24, "fixed24") M(TD_DEPTHFORMAT_FLOAT32, "float32")
#define TD_CROPUNIT_MENU(M) M(TD_CROPUNIT_PIXELS, "pixels") M(TD_CROPUNIT_FRACTION, "fraction") M(TD_CROPUNIT_ASPECT, "fractionaspect")
enum { TD_CULLFACE_MENU(TD_MENU_ID) };
enum { TD_TRANSPARENCY_MENU(TD_MENU_ID) };
enum { TD_DEPTHFORMAT_MENU(TD_MENU_ID) };
enum { TD_CROPUNIT_MENU(TD_MENU_ID) };
extern const char *const td_menu_cullface[], *const td_menu_cullface_labels[];
extern const char *const td_menu_transparency[], *const td_menu_transparency_labels[];
extern const char *const td_menu_depthformat[], *const td_menu_depthformat_labels[];
extern const char *const td_menu_cropunit[], *const td_menu_cropunit_labels[];

/* The Crop page: the part of the image [left, right] x [bottom, top] that the output shows, done in
 * the projection (the resolution does not change). */
#define TD_RENDER_CROP_PARS(X)                                                                             \
    X(cropleft, TD_PAR_F, "Crop Left", "Crop", 0)                                                          \
    X(cropleftunit, TD_PAR_ML, "Crop Left Unit", "Crop", TD_CROPUNIT_FRACTION, td_menu_cropunit, td_menu_cropunit_labels) \
    X(cropright, TD_PAR_F, "Crop Right", "Crop", 1)                                                        \
    X(croprightunit, TD_PAR_ML, "Crop Right Unit", "Crop", TD_CROPUNIT_FRACTION, td_menu_cropunit, td_menu_cropunit_labels) \
    X(cropbottom, TD_PAR_F, "Crop Bottom", "Crop", 0)                                                      \
    X(cropbottomunit, TD_PAR_ML, "Crop Bottom Unit", "Crop", TD_CROPUNIT_FRACTION, td_menu_cropunit, td_menu_cropunit_labels) \
    X(croptop, TD_PAR_F, "Crop Top", "Crop", 1)                                                            \
    X(croptopunit, TD_PAR_ML, "Crop Top Unit", "Crop", TD_CROPUNIT_FRACTION, td_menu_cropunit, td_menu_cropunit_labels)
#define TD_CROP_ID(id, ...) TD_CROP_##id,
enum { TD_RENDER_CROP_PARS(TD_CROP_ID) TD_CROP_COUNT };
#undef TD_CROP_ID

/* The rows both rendering TOPs' Render page ends with, and their Advanced page's last rows
 * (TouchDesigner's order). */
#define TD_RENDER_SIDES_PARS(X)                                                                            \
    X(possidex, TD_PAR_T, "Positive Sides", "Render", 1)                                                   \
    X(possidey, TD_PAR_T, "Positive Sides", "Render", 1)                                                   \
    X(possidez, TD_PAR_T, "Positive Sides", "Render", 1)                                                   \
    X(negsidex, TD_PAR_T, "Negative Sides", "Render", 1)                                                   \
    X(negsidey, TD_PAR_T, "Negative Sides", "Render", 1)                                                   \
    X(negsidez, TD_PAR_T, "Negative Sides", "Render", 1)                                                   \
    X(transparency, TD_PAR_ML, "Transparency", "Render", TD_TRANSPARENCY_SORTED, td_menu_transparency, td_menu_transparency_labels) \
    X(depthpeel, TD_PAR_T, "Depth Peel", "Render", 0)                                                      \
    X(transpeellayers, TD_PAR_I, "Transparency/Peel Layers", "Render", 4, 1, 64, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)
#define TD_RENDER_ADVANCED_TAIL_PARS(X)                                                                    \
    X(cullface, TD_PAR_ML, "Cull Face", "Advanced", TD_CULLFACE_NEITHER, td_menu_cullface, td_menu_cullface_labels) \
    X(overridemat, TD_PAR_O, "Override Material", "Advanced", "")                                          \
    X(polygonoffset, TD_PAR_T, "Polygon Depth Offset", "Advanced", 0)                                      \
    X(polygonoffsetfactor, TD_PAR_F, "Offset Factor", "Advanced", 1)                                       \
    X(polygonoffsetunits, TD_PAR_F, "Offset Units", "Advanced", 1)                                         \
    X(overdraw, TD_PAR_T, "Display Overdraw", "Advanced", 0)                                               \
    X(overdrawlimit, TD_PAR_I, "Overdraw Limit", "Advanced", 2, 1, 255, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)

/* Where a rendering TOP keeps the parameters the gather reads (indices into its table; -1: it has
 * none). */
typedef struct td_render_layout {
    Py_ssize_t camera, geometry, lights;
    Py_ssize_t cullface, overridemat, polygonoffset, polygonoffsetfactor, polygonoffsetunits;
    Py_ssize_t drawdepthonly, dither, crop; /* crop: the first of the Crop page */
    Py_ssize_t transparency;
} td_render_layout;
/* The layout of a table with these rows (its PAR_* indices, in the file that includes this). */
#define TD_RENDER_LAYOUT                                                                                   \
    {.camera = PAR_camera, .geometry = PAR_geometry, .lights = PAR_lights, .cullface = PAR_cullface,        \
     .overridemat = PAR_overridemat, .polygonoffset = PAR_polygonoffset,                                   \
     .polygonoffsetfactor = PAR_polygonoffsetfactor, .polygonoffsetunits = PAR_polygonoffsetunits,         \
     .drawdepthonly = PAR_drawdepthonly, .dither = PAR_dither, .crop = PAR_cropleft,                       \
     .transparency = PAR_transparency}

/* What a gather found, in plain C: the first camera's view and projection (crop applied), the
 * lights, the ambient sum and the draws (each holding its mesh and source). */
typedef struct td_render_gather {
    TdOp *top;               /* the rendering TOP (borrowed: the gather runs inside its build) */
    double cam_world[16], view[16], proj[16];
    float cam_background[4];
    int cam_premult;         /* the camera's premultrgbbyalpha */
    td_scene_fog cam_fog;
    td_scene_light *lights;
    size_t nlights, cap_lights;
    float ambient[3];
    td_scene_draw *draws;
    size_t ndraws, cap_draws;
    int nshadows;                          /* lights with shadows: slots 0 .. nshadows - 1 */
    PyObject *casters[TD_MAX_SHADOWS];     /* per slot: the geometry COMPs that cast (a list) */
    int nprojmaps;                         /* lights with projector maps: slots 0 .. nprojmaps - 1 */
    struct td_gl_target *projmaps[TD_MAX_PROJMAPS]; /* their TOPs' images, one reference each */
    uint64_t projmap_gens[TD_MAX_PROJMAPS];
    int ntextures;                         /* the TOP images the materials' maps sample */
    struct td_gl_target *textures[TD_MAX_TEXTURES]; /* one reference each */
    uint64_t texture_gens[TD_MAX_TEXTURES];
    uint64_t *geos;                        /* ids of the geometry COMPs gathered (each once) */
    size_t ngeos, cap_geos;
    int nenvlights;                        /* environment lights with a map */
    struct td_gl_target *envmaps[TD_MAX_ENVLIGHTS]; /* their maps' images (one reference each) */
    uint64_t envmap_gens[TD_MAX_ENVLIGHTS];
    td_scene_envlight envlights[TD_MAX_ENVLIGHTS];
    float env_uniform[3];                  /* those without one: their colours summed */
} td_render_gather;

/* Evaluates camera number `camera` (from 0) of those top's camera parameter names, and the lights and geometry its parameters name (tv: top's values) for an image
 * width x height of the given aspect (width / height of the aspect parameters), relative to top's
 * network. -1 with a Python error (a tdError naming top for what its parameters name wrongly). */
int td_render_gather_run(TdOp *top, const td_values *tv, const td_render_layout *lay, double width, double height,
                         double aspect, int camera, td_render_gather *g);
/* A new scene holding g's camera, lights and draws (g gives up its draws), with the Advanced page's
 * state from tv; NULL with a Python error if out of memory. */
td_scene *td_render_gather_scene(td_render_gather *g, const td_values *tv, const td_render_layout *lay);
void td_render_gather_clear(td_render_gather *g);

/* renderTOP's scene as seen through camera number `camera` of those it names (render_top.c): the
 * image renderselectTOP's cameraindex selects. NULL with a Python error. */
td_scene *td_render_top_scene(TdOp *render, int camera);

/* tdError "<top's path>: <fmt with arg>"; returns -1. */
int td_render_error(TdOp *top, const char *fmt, const char *arg);

#endif
