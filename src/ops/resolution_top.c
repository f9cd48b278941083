/* resolutionTOP: its input at the Common page's resolution (shaders/resolution_top.frag). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "td_shaders.h"

#define RESOLUTION_PARS(X)                                                                                 \
    X(highqualresize, TD_PAR_T, "High Quality Resize", "Resolution", 0)                                    \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(resolution_pars, RESOLUTION_PARS);

static const char *const resolution_defines[] = {"TD_HIGH_QUALITY"};
static const Py_ssize_t resolution_define_pars[] = {PAR_highqualresize};

static const td_material_program resolution_program = {
    .name = "resolutionTOP", .fragment = td_shader_resolution_top_frag, .defines = resolution_defines,
    .ndefines = TD_NPARS(resolution_defines)};

static const td_image_top_class resolution_proto = {
    .top = TD_IMAGE_TOP_PROTO, .program = &resolution_program, .defines = resolution_define_pars};

static PyType_Slot resolution_slots[] = {
    {Py_tp_doc, "resolutionTOP: its input resized as the Common page says (outputresolution, resolutionw/h;\n"
                "the default 'useinput' is ours). highqualresize averages, when shrinking, every input\n"
                "texel an output pixel covers, weighted by the area covered (a box filter; at most 32 x 32\n"
                "texels a pixel); otherwise, and when growing, the input is sampled with inputfiltertype."},
    {0, NULL},
};

static PyType_Spec resolution_spec = {
    .name = "td_render.resolutionTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = resolution_slots,
};

const td_op_class td_class_resolutionTOP = {
    .optype = "resolutionTOP", .family = "TOP", .label = "Resolution", .base_name = "res", .subtype = "",
    .base = TD_BASE_TOP, .spec = &resolution_spec, .pars = resolution_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_top_release, .proto = &resolution_proto,
    .cook = td_top_cook_hook,
};
