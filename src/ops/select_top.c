/* selectTOP: the image of the TOP named in `top` (any TOP of the network) passed on
 * (shaders/null_top.frag), resampled only where the Common page says. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "td_shaders.h"

static const td_material_program pass_program = {.name = "selectTOP", .fragment = td_shader_null_top_frag};

#define SELECT_PARS(X)                                                                                     \
    X(top, TD_PAR_O, "TOP", "Select", "")                                                                  \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(select_pars, SELECT_PARS);

static const td_image_top_class select_proto = {.top = TD_IMAGE_TOP_PROTO, .program = &pass_program,
                                                .input_par = PAR_top + 1};

static PyType_Slot select_slots[] = {
    {Py_tp_doc, "selectTOP: the image of the TOP named in top (relative to this TOP's network; any TOP, a\n"
                "render included), as the Common page says (useinput: unchanged). With top empty, its\n"
                "wired input."},
    {0, NULL},
};

static PyType_Spec select_spec = {
    .name = "td_render.selectTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = select_slots,
};

const td_op_class td_class_selectTOP = {
    .optype = "selectTOP", .family = "TOP", .label = "Select", .base_name = "select", .subtype = "",
    .base = TD_BASE_TOP, .spec = &select_spec, .pars = select_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_top_release, .proto = &select_proto,
    .cook = td_top_cook_hook,
};
