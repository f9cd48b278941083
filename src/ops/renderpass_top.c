/* renderpassTOP: continues the render of its input (a renderTOP or another renderpassTOP, wired
 * into input 0 or named in renderinput): its image starts as a copy of the input's colour and
 * depth (cleartocamcolor clears the colour to its camera's bgcolor instead, cleardepth clears the
 * depth), then its own camera, geometry and lights are drawn over it, depth-tested against what
 * the input drew. The size, pixel format, antialias samples and depth format are the input's. */
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/render_pick.h"
#include "ops/render_scene.h"
#include "ops/top.h"

#define BUFBLEND_MENU(M) M(BUFBLEND_OFF, "off") M(BUFBLEND_ON, "on") M(BUFBLEND_USEINPUT, "useinput")
enum { BUFBLEND_MENU(TD_MENU_ID) };
static const char *const bufblend_menu[] = {BUFBLEND_MENU(TD_MENU_TOKEN) NULL};
static const char *const bufblend_labels[] = {"Off", "On", "Use Input", NULL};

#define RENDERPASS_PARS(X)                                                                                 \
    X(renderinput, TD_PAR_O, "Render Input", "Render", "")                                                 \
    X(camera, TD_PAR_O, "Camera", "Render", "cam1")                                                        \
    X(geometry, TD_PAR_O, "Geometry", "Render", "geo*")                                                    \
    X(lights, TD_PAR_O, "Lights", "Render", "light*")                                                      \
    X(cleartocamcolor, TD_PAR_T, "Clear to Camera Color", "Render", 0)                                     \
    X(cleardepth, TD_PAR_T, "Clear Depth", "Render", 0)                                                    \
    TD_RENDER_SIDES_PARS(X)                                                                                \
    X(render, TD_PAR_T, "Render", "Advanced", 1)                                                           \
    X(dither, TD_PAR_T, "Dither", "Advanced", 0)                                                           \
    X(coloroutputneeded, TD_PAR_T, "Color Output Needed", "Advanced", 1)                                   \
    X(drawdepthonly, TD_PAR_T, "Draw Depth Only", "Advanced", 0)                                           \
    X(allowbufblending, TD_PAR_ML, "Allow Blending for Extra Buffers", "Advanced", BUFBLEND_USEINPUT, bufblend_menu, bufblend_labels) \
    TD_RENDER_ADVANCED_TAIL_PARS(X)                                                                        \
    TD_RENDER_CROP_PARS(X)                                                                                 \
    TD_TOP_COMMON_PARS(X)
TD_PAR_TABLE(renderpass_pars, RENDERPASS_PARS);

static const td_render_layout layout = TD_RENDER_LAYOUT;

static td_scene *
renderpass_build_scene(TdOp *top)
{
    td_values *tv = NULL;
    TdOp *input = NULL;
    td_scene *scene = NULL;
    td_render_gather g = {0};
    td_top_image image = {0};

    tv = td_op_values(top);
    if (tv == NULL) {
        goto error;
    }
    td_top_state *st = top->ext;
    if (tv->v[PAR_render].num == 0.0 && st != NULL && st->cooked != NULL) {
        td_values_free(tv);
        td_scene_incref(st->cooked); /* render off: the image it has stays */
        return st->cooked;
    }
    input = td_top_input_find(top, tv, PAR_renderinput, 1);
    if (input == NULL || td_top_input_cook(top, input, &image) < 0) {
        goto error;
    }
    if (td_render_gather_run(top, tv, &layout, image.width, image.height, (double)image.width / image.height, 0, &g) < 0) {
        goto error;
    }
    scene = td_render_gather_scene(&g, tv, &layout);
    if (scene == NULL) {
        goto error;
    }
    scene->kind = TD_SCENE_RENDERPASS;
    scene->width = image.width;
    scene->height = image.height;
    scene->format = image.format;
    scene->samples = image.samples;
    scene->depth_float = image.depth_float;
    scene->ncolor = image.ncolor;
    scene->chanmask = 15u & (unsigned int)tv->v[td_top_common(top->cls) + TD_COMMON_chanmask].num;
    scene->premult = g.cam_premult;
    scene->clear_color = tv->v[PAR_cleartocamcolor].num != 0.0;
    scene->clear_depth = tv->v[PAR_cleardepth].num != 0.0;
    memcpy(scene->background, g.cam_background, sizeof(scene->background));
    scene->input = image.target;
    image.target = NULL; /* the scene holds it */
    scene->input_gen = image.generation;
    if (tv->v[PAR_render].num == 0.0) {
        /* render off before any image: the input's image, nothing drawn over it */
        td_scene_clear_draws(scene);
        scene->clear_color = scene->clear_depth = 0;
    }
    td_render_gather_clear(&g);
    td_values_free(tv);
    Py_DECREF(input);
    return scene;
error:
    td_gl_target_release(image.target);
    td_render_gather_clear(&g);
    td_values_free(tv);
    Py_XDECREF(input);
    td_scene_decref(scene);
    return NULL;
}

static const td_top_class renderpass_proto = {.build = renderpass_build_scene, .renders = 1, .shape = td_top_shape_of_image};

static PyMethodDef pick_methods[] = {TD_RENDER_PICK_METHOD, {NULL}};

static PyType_Slot renderpass_slots[] = {
    {Py_tp_doc, "renderpassTOP: continues the render of its input with more geometry.\n\n"
                "The input (wired into input 0, or named in renderinput) is a renderTOP or another\n"
                "renderpassTOP. The image starts as a copy of the input's colour and depth, so what this\n"
                "pass draws is depth-tested against what the input drew; cleartocamcolor clears the\n"
                "colour to this pass's camera's bgcolor first, cleardepth clears the depth. Size, pixel\n"
                "format, antialias and depth format are the input's; the Common page's resolution and\n"
                "format are stored only. A chain that leads back to itself is a tdError. Stored only:\n"
                "possidex/y/z, negsidex/y/z, transparency, depthpeel, transpeellayers,\n"
                "coloroutputneeded, allowbufblending, overdraw, overdrawlimit."},
    {Py_tp_methods, pick_methods},
    {0, NULL},
};

static PyType_Spec renderpass_spec = {
    .name = "td_render.renderpassTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = renderpass_slots,
};

const td_op_class td_class_renderpassTOP = {
    .optype = "renderpassTOP", .family = "TOP", .label = "Render Pass", .base_name = "renderpass", .subtype = "",
    .base = TD_BASE_TOP, .spec = &renderpass_spec, .pars = renderpass_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_top_release, .proto = &renderpass_proto,
    .cook = td_top_cook_hook,
};
