/* constantTOP: an image of one colour (shaders/constant_top.frag). Without an input its size is the
 * Common page's resolution; with one, the input's (the Common page says how). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "td_shaders.h"

#define RGBAUNIT_MENU(M) M(UNIT_1, "u1") M(UNIT_256, "u256") M(UNIT_65536, "u65536")
enum { RGBAUNIT_MENU(TD_MENU_ID) };
static const char *const rgbaunit_menu[] = {RGBAUNIT_MENU(TD_MENU_TOKEN) NULL};
static const char *const rgbaunit_labels[] = {"0 to 1", "0 to 255", "0 to 65535", NULL};

#define CONSTANT_PARS(X)                                                                                   \
    X(colorr, TD_PAR_F, "Color", "Constant", 1)                                                            \
    X(colorg, TD_PAR_F, "Color", "Constant", 1)                                                            \
    X(colorb, TD_PAR_F, "Color", "Constant", 1)                                                            \
    X(alpha, TD_PAR_F, "Alpha", "Constant", 1)                                                             \
    X(multrgbbyalpha, TD_PAR_T, "Multiply RGB by Alpha", "Constant", 0)                                    \
    X(rgbaunit, TD_PAR_ML, "RGBA Units", "Constant", UNIT_1, rgbaunit_menu, rgbaunit_labels)               \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(constant_pars, CONSTANT_PARS);

static const td_block_field constant_block[] = {{"color", 3, PAR_colorr}, {"alpha", 1, PAR_alpha}};
static const char *const constant_defines[] = {"TD_RGBA_UNIT", "TD_PREMULT"};
static const Py_ssize_t constant_define_pars[] = {PAR_rgbaunit, PAR_multrgbbyalpha};

static const td_material_program constant_program = {
    .name = "constantTOP", .fragment = td_shader_constant_top_frag, .fields = constant_block,
    .nfields = TD_NPARS(constant_block), .defines = constant_defines, .ndefines = TD_NPARS(constant_defines),
};

static const td_image_top_class constant_proto = {
    .top = TD_IMAGE_TOP_PROTO, .program = &constant_program, .defines = constant_define_pars};

static PyType_Slot constant_slots[] = {
    {Py_tp_doc, "constantTOP: an image of one colour, (colorr, colorg, colorb, alpha).\n\n"
                "rgbaunit says the units the colour is given in ('u1' 0 to 1, 'u256' 0 to 255, 'u65536' 0\n"
                "to 65535; the image is 0 to 1 either way); multrgbbyalpha premultiplies the colour by\n"
                "alpha. Without an input the image has the Common page's resolution (256 x 256 by\n"
                "default); with one, the input's size and format unless the Common page says otherwise.\n"
                "Not offered yet: the Output page (compoverinput, operand)."},
    {0, NULL},
};

static PyType_Spec constant_spec = {
    .name = "td_render.constantTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = constant_slots,
};

const td_op_class td_class_constantTOP = {
    .optype = "constantTOP", .family = "TOP", .label = "Constant", .base_name = "constant", .subtype = "",
    .base = TD_BASE_TOP, .spec = &constant_spec, .pars = constant_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_top_release, .proto = &constant_proto,
    .cook = td_top_cook_hook,
};
