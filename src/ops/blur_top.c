/* blurTOP: a separable blur of its input (shaders/blur_top.frag): two passes (horizontal, then
 * vertical) for each of the Common page's npasses. */
#include <math.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "ops/material.h"
#include "td_shaders.h"

#define BLURTYPE_MENU(M) M(BLUR_GAUSSIAN, "gaussian") M(BLUR_BOX, "box")
enum { BLURTYPE_MENU(TD_MENU_ID) };
static const char *const blurtype_menu[] = {BLURTYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const blurtype_labels[] = {"Gaussian", "Box", NULL};

#define BLUR_PARS(X)                                                                                       \
    X(type, TD_PAR_ML, "Filter", "Blur", BLUR_GAUSSIAN, blurtype_menu, blurtype_labels)                    \
    X(size, TD_PAR_FR, "Filter Size", "Blur", 10, 0, 256, TD_PAR_CLAMP_MIN | TD_PAR_CLAMP_MAX)              \
    X(extend, TD_PAR_ML, "Extend", "Blur", TD_EXTEND_HOLD, td_menu_extend, td_menu_extend_labels)          \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(blur_pars, BLUR_PARS);

static const td_block_field blur_block[] = {{"radius", 1, -1}, {"sigma", 1, -1}};
static const char *const blur_defines[] = {"TD_BLUR_TYPE", "TD_EXTEND"};
static const Py_ssize_t blur_define_pars[] = {PAR_type, PAR_extend};

static const td_material_program blur_program = {
    .name = "blurTOP", .fragment = td_shader_blur_top_frag, .fields = blur_block, .nfields = TD_NPARS(blur_block),
    .defines = blur_defines, .ndefines = TD_NPARS(blur_defines)};

/* size is the kernel's half-width in pixels (rounded down); the gaussian's sigma is size / 3, so the
 * kernel reaches 3 sigma. Two passes an npass. */
static int
blur_fill(TdOp *top, td_image_build *b)
{
    (void)top;
    b->out.width = b->inputs[0].width; /* texel for texel: the input's size */
    b->out.height = b->inputs[0].height;
    double size = b->vals->v[PAR_size].num;
    float radius = (float)floor(size), sigma = (float)(size > 0.0 ? size / 3.0 : 1.0);
    b->block[0] = radius;
    b->block[1] = sigma;
    b->passes *= 2;
    return 0;
}

static const td_image_top_class blur_proto = {
    .top = TD_IMAGE_TOP_PROTO, .program = &blur_program, .defines = blur_define_pars, .fill = blur_fill};

static PyType_Slot blur_slots[] = {
    {Py_tp_doc, "blurTOP: its input blurred, separably (a horizontal, then a vertical pass; npasses repeats\n"
                "both). size is the kernel's half-width in pixels (its whole part: taps -size..size);\n"
                "type 'gaussian' weights exp(-k^2 / (2 sigma^2)) with sigma = size / 3, 'box' weighs them\n"
                "equally; extend says what texels past the edge read ('hold', the default: the edge). The\n"
                "image has the input's size (the Common page's resolution is not used).\n"
                "These definitions, the default size 10 and the menus' subsets are ours. Not offered yet:\n"
                "the pre-shrink, the blur direction and offset parameters, dithering."},
    {0, NULL},
};

static PyType_Spec blur_spec = {
    .name = "td_render.blurTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = blur_slots,
};

const td_op_class td_class_blurTOP = {
    .optype = "blurTOP", .family = "TOP", .label = "Blur", .base_name = "blur", .subtype = "",
    .base = TD_BASE_TOP, .spec = &blur_spec, .pars = blur_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_top_release, .proto = &blur_proto,
    .cook = td_top_cook_hook,
};
