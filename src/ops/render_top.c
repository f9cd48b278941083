/* renderTOP: renders the geometry COMPs its geometry pattern names, lit by the lights its lights
 * pattern names, through the camera its camera parameter names (the gather: render_scene.c).
 * Paths and patterns are relative to the render's own network (its parent). Defaults: camera
 * 'cam1', geometry 'geo*', lights 'light*', 1280 x 720 (TouchDesigner's modern default). */
#include <math.h>
#include <string.h>

#include "bind/bridge.h"
#include "bind/state.h"
#include "graph/op.h"
#include "ops/render_pick.h"
#include "ops/render_scene.h"
#include "ops/top.h"

/* TouchDesigner's antialias menu, in its order. */
#define ANTIALIAS_MENU(M)                                                                                  \
    M(AA_1, "aa1") M(AA_2, "aa2") M(AA_4, "aa4") M(AA_8MID, "aa8mid") M(AA_8HIGH, "aa8high")                   \
    M(AA_16LOW, "aa16low") M(AA_16MID, "aa16mid") M(AA_16HIGH, "aa16high") M(AA_32, "aa32")
enum { ANTIALIAS_MENU(TD_MENU_ID) AA_COUNT };
static const char *const antialias_menu[] = {ANTIALIAS_MENU(TD_MENU_TOKEN) NULL};
static const char *const antialias_labels[] = {"1x (Off)", "2x", "4x", "8x Medium", "8x High", "16x Low",
                                               "16x Medium", "16x High", "32x", NULL};
/* The samples a pixel each token asks for. */
static const int antialias_samples[AA_COUNT] = {[AA_1] = 1,     [AA_2] = 2,      [AA_4] = 4,
                                                [AA_8MID] = 8,  [AA_8HIGH] = 8,  [AA_16LOW] = 16,
                                                [AA_16MID] = 16, [AA_16HIGH] = 16, [AA_32] = 32};

#define MULTICAMERA_MENU(M) M(MULTICAM_AUTOMATIC, "automatic") M(MULTICAM_OFF, "off") M(MULTICAM_STEREO, "stereocameras")
enum { MULTICAMERA_MENU(TD_MENU_ID) };
static const char *const multicamera_menu[] = {MULTICAMERA_MENU(TD_MENU_TOKEN) NULL};
static const char *const multicamera_labels[] = {"Automatic", "Off (One Pass Per Camera)", "X-Offset Stereo Cameras",
                                                 NULL};
#define RENDERMODE_MENU(M)                                                                                 \
    M(MODE_2D, "render2d") M(MODE_CUBEMAP, "cubemap") M(MODE_FISHEYE, "fisheye180")                        \
    M(MODE_DUALPARABOLOID, "dualparaboloid") M(MODE_UVUNWRAP, "uvunwrap") M(MODE_CUBEMAPODS, "cubemapods")
enum { RENDERMODE_MENU(TD_MENU_ID) };
static const char *const rendermode_menu[] = {RENDERMODE_MENU(TD_MENU_TOKEN) NULL};
static const char *const rendermode_labels[] = {"2D", "Cube Map", "Fish-Eye (180)", "Dual Paraboloid", "UV Unwrap",
                                                "Cube Map (Omnidirectional Stereo)", NULL};

#define RENDER_PARS(X)                                                                                     \
    X(camera, TD_PAR_O, "Camera", "Render", "cam1")                                                        \
    X(multicamerahint, TD_PAR_ML, "Multi-Camera Hint", "Render", MULTICAM_AUTOMATIC, multicamera_menu, multicamera_labels) \
    X(geometry, TD_PAR_O, "Geometry", "Render", "geo*")                                                    \
    X(lights, TD_PAR_O, "Lights", "Render", "light*")                                                      \
    X(antialias, TD_PAR_ML, "Anti-Alias", "Render", AA_1, antialias_menu, antialias_labels)               \
    X(bgcolorr, TD_PAR_F, "Background Color", "Render", 0)                                                 \
    X(bgcolorg, TD_PAR_F, "Background Color", "Render", 0)                                                 \
    X(bgcolorb, TD_PAR_F, "Background Color", "Render", 0)                                                 \
    X(bgcolora, TD_PAR_F, "Background Color", "Render", 0)                                                 \
    X(premultrgbbyalpha, TD_PAR_T, "Pre-Multiply RGB by Alpha", "Render", 0)                               \
    X(rendermode, TD_PAR_ML, "Render Mode", "Render", MODE_2D, rendermode_menu, rendermode_labels)         \
    TD_RENDER_SIDES_PARS(X)                                                                                \
    X(render, TD_PAR_T, "Render", "Advanced", 1)                                                           \
    X(renderpulse, TD_PAR_P, "Render Pulse", "Advanced")                                                   \
    X(dither, TD_PAR_T, "Dither", "Advanced", 0)                                                           \
    X(coloroutputneeded, TD_PAR_T, "Color Output Needed", "Advanced", 1)                                   \
    X(drawdepthonly, TD_PAR_T, "Draw Depth Only", "Advanced", 0)                                           \
    X(numcolorbufs, TD_PAR_I, "# of Color Buffers", "Advanced", 1, 1, 8, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX) \
    X(allowbufblending, TD_PAR_T, "Allow Blending for Extra Buffers", "Advanced", 0)                       \
    X(depthformat, TD_PAR_ML, "Depth Buffer Format", "Advanced", TD_DEPTHFORMAT_FIXED24, td_menu_depthformat, td_menu_depthformat_labels) \
    TD_RENDER_ADVANCED_TAIL_PARS(X)                                                                        \
    TD_RENDER_CROP_PARS(X)                                                                                 \
    TD_TOP_COMMON_PARS(X)
TD_PAR_TABLE(render_pars, RENDER_PARS);

static const td_render_layout layout = TD_RENDER_LAYOUT;

/* Samples a pixel for the antialias parameter, clamped to what the GL supports for the format
 * (with a warning on the TOP). 0 with a Python error if the GL cannot start. */
static int
render_samples(TdOp *top, const td_values *tv, const td_top_output *out)
{
    int index = (int)tv->v[PAR_antialias].num;
    int want = antialias_samples[index >= 0 && index < AA_COUNT ? index : AA_1];
    if (want == 1) {
        return 1;
    }
    td_gl_runtime *rt = td_runtime(td_state_of((PyObject *)top)); /* may release the GIL */
    if (rt == NULL) {
        return 0;
    }
    int format_index = (int)tv->v[td_top_common(top->cls) + TD_COMMON_format].num;
    format_index = format_index > 0 && format_index < TD_GL_MAX_FORMATS ? format_index : 1;
    int most = td_gl_runtime_info(rt)->format_samples[format_index];
    most = most > 0 ? most : 1;
    if (want <= most) {
        return want;
    }
    char msg[512];
    snprintf(msg, sizeof(msg), "antialias %s asks for %d samples; this OpenGL (%s) supports at most %d for %s: "
             "rendering with %d", antialias_menu[index], want, td_gl_runtime_info(rt)->renderer, most,
             out->format->token, most);
    return td_op_warn(top, msg) < 0 ? 0 : most;
}

/* The background: the render's bgcolor laid over the camera's by the render's alpha,
 * rgb = render.rgb * render.a + camera.rgb * (1 - render.a), a = render.a + camera.a * (1 - render.a),
 * so with the render's default (0, 0, 0, 0) the camera's is used as it is. */
static void
combine_background(const td_values *tv, const float cam[4], float out[4])
{
    float r[4];
    for (int k = 0; k < 4; k++) {
        r[k] = (float)tv->v[PAR_bgcolorr + k].num;
    }
    for (int k = 0; k < 3; k++) {
        out[k] = r[k] * r[3] + cam[k] * (1.0f - r[3]);
    }
    out[3] = r[3] + cam[3] * (1.0f - r[3]);
}

/* proj := a 90-degree square perspective with the near and far planes of the camera's projection
 * (read back from its z and w rows), for a cube map's faces. */
static int
cube_projection(TdOp *top, double proj[16])
{
    double a = proj[10], b = proj[14], n, f;
    if (proj[11] != 0.0) { /* perspective: a = f / (n - f), b = n f / (n - f) */
        n = b / a;
        f = b / (a + 1.0);
    }
    else { /* ortho: a = 1 / (n - f), b = n / (n - f) */
        n = b / a;
        f = (b - 1.0) / a;
    }
    if (!(n > 0.0) || !(f > n) || !isfinite(f)) {
        return td_render_error(top, "%s", "rendermode 'cubemap' needs a camera with 0 < near < far");
    }
    memset(proj, 0, 16 * sizeof(double));
    proj[0] = proj[5] = 1.0;
    proj[10] = f / (n - f);
    proj[11] = -1.0;
    proj[14] = n * f / (n - f);
    return 0;
}

td_scene *
td_render_top_scene(TdOp *top, int camera)
{
    td_values *tv = NULL;
    td_scene *scene = NULL;
    td_render_gather g = {0};
    td_top_output out;

    tv = td_op_values(top);
    if (tv == NULL) {
        goto error;
    }
    /* render off (and no renderpulse): the image it has stays */
    td_top_state *st = top->ext;
    int render = tv->v[PAR_render].num != 0.0 || tv->v[PAR_renderpulse].num != 0.0;
    if (!render && camera == 0 && st != NULL && st->cooked != NULL) {
        td_values_free(tv);
        td_scene_incref(st->cooked);
        return st->cooked;
    }
    int mode = (int)tv->v[PAR_rendermode].num;
    if (mode != MODE_2D && mode != MODE_CUBEMAP) {
        td_render_error(top, "rendermode '%s' is not supported (render2d and cubemap are)", rendermode_menu[mode]);
        goto error;
    }
    td_top_output_from(tv, td_top_common(top->cls), &out);
    td_render_layout lay = layout;
    if (mode == MODE_CUBEMAP) {
        /* six square faces of resolutionw a side, stacked into one image; no crop */
        out.height = 6.0 * out.width;
        out.aspect_w = out.aspect_h = 1.0;
        lay.crop = -1;
    }
    if (out.width > 1e6 || out.height > 1e6 || !(out.aspect_w > 0.0 && out.aspect_h > 0.0)) {
        PyErr_Format(PyExc_ValueError, "output resolution %.0fx%.0f (aspect %g:%g) cannot be rendered",
                     out.width, out.height, out.aspect_w, out.aspect_h);
        goto error;
    }
    int samples = render_samples(top, tv, &out);
    if (samples == 0 ||
        td_render_gather_run(top, tv, &lay, out.width, out.height, out.aspect_w / out.aspect_h, camera, &g) < 0) {
        goto error;
    }
    if (mode == MODE_CUBEMAP && cube_projection(top, g.proj) < 0) {
        goto error;
    }
    scene = td_render_gather_scene(&g, tv, &lay);
    if (scene == NULL) {
        goto error;
    }
    scene->width = (int)out.width;
    scene->height = (int)out.height;
    scene->format = out.format;
    scene->chanmask = out.chanmask;
    scene->samples = samples;
    scene->depth_float = (int)tv->v[PAR_depthformat].num == TD_DEPTHFORMAT_FLOAT32;
    scene->ncolor = (int)tv->v[PAR_numcolorbufs].num;
    scene->premult = tv->v[PAR_premultrgbbyalpha].num != 0.0 || g.cam_premult; /* either asks */
    if (mode == MODE_CUBEMAP) {
        for (int f = 0; f < 6; f++) {
            /* possidex/y/z, negsidex/y/z -> faces +X, -X, +Y, -Y, +Z, -Z */
            Py_ssize_t side = (f & 1) ? PAR_negsidex + f / 2 : PAR_possidex + f / 2;
            scene->cube_faces |= tv->v[side].num != 0.0 ? 1 << f : 0;
        }
        scene->cube_faces |= 1 << 6; /* a cube map even with no face on */
    }
    combine_background(tv, g.cam_background, scene->background);
    if (!render) {
        /* render off before any image: an empty, transparent one */
        td_scene_clear_draws(scene);
        memset(scene->background, 0, sizeof(scene->background));
    }
    td_render_gather_clear(&g);
    td_values_free(tv);
    return scene;
error:
    td_render_gather_clear(&g);
    td_values_free(tv);
    td_scene_decref(scene);
    return NULL;
}

static td_scene *
render_build_scene(TdOp *top)
{
    return td_render_top_scene(top, 0);
}

/* A cube map's image is its six faces' strip. */
static int
render_shape(TdOp *top, const td_values *tv, td_top_output *out)
{
    (void)top;
    if ((int)tv->v[PAR_rendermode].num == MODE_CUBEMAP) {
        out->height = 6.0 * out->width;
        out->aspect_w = out->width;
        out->aspect_h = out->height;
    }
    return 0;
}

static const td_top_class render_proto = {.build = render_build_scene, .renders = 1, .shape = render_shape};

static PyMethodDef pick_methods[] = {TD_RENDER_PICK_METHOD, {NULL}};

static PyType_Slot render_slots[] = {
    {Py_tp_doc, "renderTOP: renders 3D geometry through a camera into an image.\n\n"
                "camera, geometry and lights are OP paths or patterns ('geo* ^geo7'), relative to the\n"
                "render's network, or OP objects; the first camera drives the image (the others are not\n"
                "rendered yet). The background is bgcolor laid over the camera's bgcolor by bgcolor's\n"
                "alpha: rgb = r.rgb * r.a + cam.rgb * (1 - r.a), a = r.a + cam.a * (1 - r.a), so the\n"
                "default (0, 0, 0, 0) leaves the camera's (TouchDesigner documents only that they are\n"
                "combined). premultrgbbyalpha multiplies rgb by alpha, background included. A camera\n"
                "that names nothing makes the cook raise td_render.tdError naming the path, and the\n"
                "message stays in errors() until a cook succeeds. antialias renders multisampled and\n"
                "resolves into the TOP's image; more samples than this OpenGL supports for the format\n"
                "are clamped with a warning (warnings()); aa1 is our default.\n\n"
                "Advanced: render off keeps the image the TOP has (renderpulse.pulse() renders one\n"
                "frame; off before any image: an empty one); dither adds a 4x4 ordered dither of one\n"
                "step of fixed-point formats; drawdepthonly writes depth only (read it with depthTOP);\n"
                "depthformat fixed24 or float32; cullface; overridemat (a MAT for every geometry);\n"
                "polygonoffset with polygonoffsetfactor and polygonoffsetunits (our defaults 1, 1).\n"
                "Crop: cropleft/right/bottom/top in pixels, fractions or fractionaspect (units of the\n"
                "image's height) pick the part of the image the output shows, through the projection.\n"
                "transparency 'sortedblending' draws geometry whose MAT blends after the rest, far to near\n"
                "(by its origin's distance from the camera); the other tokens keep the gather order.\n"
                "rendermode other than render2d and cubemap is a tdError. Stored only: multicamerahint,\n"
                "transparency 'orderind' and 'alphatocoverage', depthpeel, transpeellayers,\n"
                "coloroutputneeded, numcolorbufs, allowbufblending, overdraw, overdrawlimit.\n"
                "A material whose shader does not compile raises tdError naming the MAT."},
    {Py_tp_methods, pick_methods},
    {0, NULL},
};

static PyType_Spec render_spec = {
    .name = "td_render.renderTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = render_slots,
};

const td_op_class td_class_renderTOP = {
    .optype = "renderTOP", .family = "TOP", .label = "Render", .base_name = "render", .subtype = "",
    .base = TD_BASE_TOP, .spec = &render_spec, .pars = render_pars, .npars = PAR_COUNT,
    .release = td_top_release, .proto = &render_proto, .cook = td_top_cook_hook,
};
