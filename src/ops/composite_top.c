/* compositeTOP: its inputs layered by one operation (shaders/composite_top.frag): each input b onto
 * the result a of the inputs before it, later inputs on top. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "td_shaders.h"

/* TouchDesigner's tokens of the operations td_render has; the order is the shader's TD_OPERAND. */
#define OPERAND_MENU(M)                                                                                    \
    M(OP_ADD, "add") M(OP_ATOP, "atop") M(OP_AVERAGE, "average") M(OP_DIFFERENCE, "difference")            \
    M(OP_DIVIDE, "divide") M(OP_INSIDE, "inside") M(OP_MAXIMUM, "maximum") M(OP_MINIMUM, "minimum")        \
    M(OP_MULTIPLY, "multiply") M(OP_OUTSIDE, "outside") M(OP_OVER, "over") M(OP_SCREEN, "screen")          \
    M(OP_SUBTRACT, "subtract") M(OP_UNDER, "under") M(OP_XOR, "xor")
enum { OPERAND_MENU(TD_MENU_ID) };
static const char *const operand_menu[] = {OPERAND_MENU(TD_MENU_TOKEN) NULL};
static const char *const operand_labels[] = {"Add", "Atop", "Average", "Difference", "Divide", "Inside", "Maximum",
                                             "Minimum", "Multiply", "Outside", "Over", "Screen", "Subtract",
                                             "Under", "Exclusive (XOR)", NULL};

#define COMPOSITE_PARS(X)                                                                                  \
    X(operand, TD_PAR_ML, "Operation", "Composite", OP_OVER, operand_menu, operand_labels)                 \
    X(swaporder, TD_PAR_T, "Swap Order", "Composite", 0)                                                   \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(composite_pars, COMPOSITE_PARS);

static const char *const composite_defines[] = {"TD_OPERAND", "TD_SWAP_ORDER"};
static const Py_ssize_t composite_define_pars[] = {PAR_operand, PAR_swaporder};

static const td_material_program composite_program = {
    .name = "compositeTOP", .fragment = td_shader_composite_top_frag, .defines = composite_defines,
    .ndefines = TD_NPARS(composite_defines)};

static const td_image_top_class composite_proto = {
    .top = TD_IMAGE_TOP_PROTO, .program = &composite_program, .defines = composite_define_pars};

static PyType_Slot composite_slots[] = {
    {Py_tp_doc, "compositeTOP: its inputs layered by operand. The inputs are folded in order (reversed\n"
                "with swaporder): the result a of the inputs so far and the next input b give\n"
                "  add a + b; subtract a - b; multiply a * b; divide a / b; average (a + b) / 2;\n"
                "  maximum max(a, b); minimum min(a, b); screen 1 - (1 - a)(1 - b);\n"
                "  difference (|a.rgb - b.rgb|, 1);\n"
                "  over b + a (1 - b.a) (later inputs on top); under a + b (1 - a.a);\n"
                "  inside b * a.a; outside b * (1 - a.a); atop b * a.a + a (1 - b.a);\n"
                "  xor b (1 - a.a) + a (1 - b.a),\n"
                "on premultiplied rgba, each input stretched over the output (input 0's size and format\n"
                "unless the Common page says otherwise). The default operand, over, is ours. Not offered\n"
                "yet: TouchDesigner's other operations (they are not menu entries here), the Transform\n"
                "page (fit, justify, offsets)."},
    {0, NULL},
};

static PyType_Spec composite_spec = {
    .name = "td_render.compositeTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = composite_slots,
};

const td_op_class td_class_compositeTOP = {
    .optype = "compositeTOP", .family = "TOP", .label = "Composite", .base_name = "comp", .subtype = "",
    .base = TD_BASE_TOP, .spec = &composite_spec, .pars = composite_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = TD_MAX_TEXTURES, .release = td_top_release, .proto = &composite_proto,
    .cook = td_top_cook_hook,
};
