/* flipTOP: its input mirrored (shaders/flip_top.frag), texel for texel. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "td_shaders.h"

#define FLIP_PARS(X)                                                                                       \
    X(flipx, TD_PAR_T, "Flip X", "Flip", 0)                                                                \
    X(flipy, TD_PAR_T, "Flip Y", "Flip", 0)                                                                \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(flip_pars, FLIP_PARS);

static const char *const flip_defines[] = {"TD_FLIP_X", "TD_FLIP_Y"};
static const Py_ssize_t flip_define_pars[] = {PAR_flipx, PAR_flipy};

static const td_material_program flip_program = {
    .name = "flipTOP", .fragment = td_shader_flip_top_frag, .defines = flip_defines, .ndefines = TD_NPARS(flip_defines)};

/* The flip is texel for texel: the image keeps its input's size (the Common page's format applies). */
static int
flip_fill(TdOp *top, td_image_build *b)
{
    (void)top;
    b->out.width = b->inputs[0].width;
    b->out.height = b->inputs[0].height;
    return 0;
}

static const td_image_top_class flip_proto = {
    .top = TD_IMAGE_TOP_PROTO, .program = &flip_program, .defines = flip_define_pars, .fill = flip_fill};

static PyType_Slot flip_slots[] = {
    {Py_tp_doc, "flipTOP: its input mirrored: flipx left-right, flipy top-bottom, texel for texel (the image\n"
                "has the input's size; the Common page's resolution is not used). Not offered yet: flop\n"
                "(swapping the axes)."},
    {0, NULL},
};

static PyType_Spec flip_spec = {
    .name = "td_render.flipTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = flip_slots,
};

const td_op_class td_class_flipTOP = {
    .optype = "flipTOP", .family = "TOP", .label = "Flip", .base_name = "flip", .subtype = "",
    .base = TD_BASE_TOP, .spec = &flip_spec, .pars = flip_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_top_release, .proto = &flip_proto,
    .cook = td_top_cook_hook,
};
