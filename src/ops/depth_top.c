/* depthTOP: the depth buffer of a renderTOP or renderpassTOP (named in rendertop, or wired into
 * input 0) as an image, at the render's resolution (the conversion: gpu/depth.c).
 *   depthspace 'input': the stored depth, in [0, 1], 0 at the near plane (non-linear under a
 *   perspective camera); 'cameraspace': the distance in front of the camera along its view axis
 *   (linear, positive); 'reranged': that distance mapped linearly from rangefrom1..rangefrom2 to
 *   rangeto1..rangeto2. clamp clamps to [0, 1]; gamma raises the value to 1 / gamma. The image is
 *   (D, D, D, 1) in RGBA formats, D in the others. pixelformat 'depth' (the native depth) reads
 *   as 32-bit float mono. */
#include <string.h>

#include "bind/state.h"
#include "gpu/depth.h"
#include "graph/op.h"
#include "ops/top.h"

/* TouchDesigner's pixelformat tokens for the Depth TOP and the formats they are stored in. */
#define DEPTH_FORMATS(M)                                                                                   \
    M("depth", "mono32float") M("rgba8fixed", "rgba8fixed") M("rgba16float", "rgba16float")                \
    M("rgba32float", "rgba32float") M("rgb10a2fixed", "rgb10a2fixed") M("rgba16fixed", "rgba16fixed")      \
    M("rgb11", "rgba11float") M("r8fixed", "mono8fixed") M("r16fixed", "mono16fixed")                      \
    M("r16float", "mono16float") M("r32float", "mono32float") M("rg8fixed", "rg8fixed")                    \
    M("rg16fixed", "rg16fixed") M("rg16float", "rg16float") M("rg32float", "rg32float")                    \
    M("a8fixed", "a8fixed") M("a16float", "a16float") M("a32float", "a32float")
#define DEPTH_FORMAT_TOKEN(token, stored) token,
#define DEPTH_FORMAT_STORED(token, stored) stored,
static const char *const pixelformat_menu[] = {DEPTH_FORMATS(DEPTH_FORMAT_TOKEN) NULL};
static const char *const pixelformat_stored[] = {DEPTH_FORMATS(DEPTH_FORMAT_STORED) NULL};

#define DEPTHSPACE_MENU(M) M(SPACE_INPUT, "input") M(SPACE_CAMERA, "cameraspace") M(SPACE_RERANGED, "reranged")
enum { DEPTHSPACE_MENU(TD_MENU_ID) };
static const char *const depthspace_menu[] = {DEPTHSPACE_MENU(TD_MENU_TOKEN) NULL};
static const char *const depthspace_labels[] = {"Input", "Camera Space", "Camera Space Reranged", NULL};

#define DEPTH_PARS(X)                                                                                      \
    X(rendertop, TD_PAR_O, "Render TOP", "Depth", "")                                                      \
    X(cameraindex, TD_PAR_I, "Camera Index", "Depth", 0, 0, 63, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)     \
    X(peellayerindex, TD_PAR_I, "Peel Layer Index", "Depth", 0, 0, 63, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX) \
    X(pixelformat, TD_PAR_M, "Pixel Format", "Depth", 0, pixelformat_menu)                                 \
    X(depthspace, TD_PAR_ML, "Depth Space", "Depth", SPACE_INPUT, depthspace_menu, depthspace_labels)      \
    X(rangefrom1, TD_PAR_F, "Range From", "Depth", 0)                                                      \
    X(rangefrom2, TD_PAR_F, "Range From", "Depth", 1)                                                      \
    X(rangeto1, TD_PAR_F, "Range To", "Depth", 0)                                                          \
    X(rangeto2, TD_PAR_F, "Range To", "Depth", 1)                                                          \
    X(clamp, TD_PAR_T, "Clamp", "Depth", 0)                                                                \
    X(gamma, TD_PAR_FR, "Gamma", "Depth", 1, 0, 10, TD_PAR_REJECT_MIN)                                     \
    TD_TOP_COMMON_PARS(X)
TD_PAR_TABLE(depth_pars, DEPTH_PARS);

/* The stored format of a pixelformat menu index. */
static const td_pixel_format *
depth_format(int index)
{
    const char *want = pixelformat_stored[index >= 0 && index < (int)(sizeof(pixelformat_stored) / sizeof(*pixelformat_stored)) - 1 ? index : 0];
    for (int i = 1; td_pixel_format_tokens[i] != NULL; i++) {
        if (strcmp(td_pixel_format_tokens[i], want) == 0) {
            return td_pixel_format_at(i);
        }
    }
    return td_pixel_format_at(1);
}

static td_scene *
depth_build_scene(TdOp *top)
{
    td_values *tv = td_op_values(top);
    TdOp *input = NULL;
    td_top_image image = {0};
    td_scene *scene = NULL;
    if (tv == NULL) {
        return NULL;
    }
    if (!(tv->v[PAR_gamma].num > 0.0)) {
        PyObject *path = td_op_path(top);
        if (path != NULL) {
            PyErr_Format(td_state_of((PyObject *)top)->tdError, "%U: gamma must be > 0", path);
            Py_DECREF(path);
        }
        goto done;
    }
    input = td_top_input_find(top, tv, PAR_rendertop, 1);
    if (input == NULL || td_top_input_cook(top, input, &image) < 0) {
        goto done;
    }
    scene = td_top_input_scene(&image, TD_SCENE_DEPTH, depth_format((int)tv->v[PAR_pixelformat].num));
    if (scene == NULL) {
        goto done;
    }
    float *p = scene->params;
    p[TD_DEPTH_P10] = image.proj[10];
    p[TD_DEPTH_P11] = image.proj[11];
    p[TD_DEPTH_P14] = image.proj[14];
    p[TD_DEPTH_P15] = image.proj[15];
    p[TD_DEPTH_FROM1] = (float)tv->v[PAR_rangefrom1].num;
    p[TD_DEPTH_FROM2] = (float)tv->v[PAR_rangefrom2].num;
    p[TD_DEPTH_TO1] = (float)tv->v[PAR_rangeto1].num;
    p[TD_DEPTH_TO2] = (float)tv->v[PAR_rangeto2].num;
    int space = (int)tv->v[PAR_depthspace].num;
    p[TD_DEPTH_SPACE] = (float)(space == SPACE_CAMERA     ? TD_DEPTH_SPACE_CAMERA
                                : space == SPACE_RERANGED ? TD_DEPTH_SPACE_RERANGED
                                                          : TD_DEPTH_SPACE_INPUT);
    p[TD_DEPTH_CLAMP] = tv->v[PAR_clamp].num != 0.0 ? 1.0f : 0.0f;
    p[TD_DEPTH_GAMMA] = (float)tv->v[PAR_gamma].num;
    p[TD_DEPTH_ALPHA] = scene->format->out_mode == TD_OUT_ALPHA ? 1.0f : 0.0f;
done:
    td_gl_target_release(image.target);
    Py_XDECREF(input);
    td_values_free(tv);
    return scene;
}

static const td_top_class depth_proto = {.build = depth_build_scene, .shape = td_top_shape_of_image};

static PyType_Slot depth_slots[] = {
    {Py_tp_doc, "depthTOP: the depth buffer of a renderTOP or renderpassTOP as an image.\n\n"
                "The render is named in rendertop (relative to this TOP's network) or wired into input 0;\n"
                "the image has its resolution. depthspace 'input' is the stored depth in [0, 1], 0 at the\n"
                "near plane; 'cameraspace' the distance in front of the camera along its view axis;\n"
                "'reranged' that distance mapped linearly from rangefrom1..rangefrom2 to\n"
                "rangeto1..rangeto2. clamp clamps to [0, 1]; gamma raises the value to 1 / gamma.\n"
                "RGBA formats hold (D, D, D, 1); pixelformat 'depth' reads as 32-bit float mono. An\n"
                "antialiased render's depth is one sample of each pixel. Stored only: cameraindex,\n"
                "peellayerindex, the Common page's resolution and format."},
    {0, NULL},
};

static PyType_Spec depth_spec = {
    .name = "td_render.depthTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = depth_slots,
};

const td_op_class td_class_depthTOP = {
    .optype = "depthTOP", .family = "TOP", .label = "Depth", .base_name = "depth", .subtype = "",
    .base = TD_BASE_TOP, .spec = &depth_spec, .pars = depth_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_top_release, .proto = &depth_proto,
    .cook = td_top_cook_hook,
};
