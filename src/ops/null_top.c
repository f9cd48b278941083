/* nullTOP: its input unchanged (shaders/null_top.frag), or resampled where its Common page changes
 * the resolution or format: the usual last operator of a chain, the name scripts read from. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "td_shaders.h"

#define NULL_PARS(X) TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(null_pars, NULL_PARS);

static const td_material_program null_program = {.name = "nullTOP", .fragment = td_shader_null_top_frag};

static const td_image_top_class null_proto = {.top = TD_IMAGE_TOP_PROTO, .program = &null_program};

static PyType_Slot null_slots[] = {
    {Py_tp_doc, "nullTOP: its input's image, unchanged with the Common page's defaults (useinput).\n\n"
                "The Common page may resize it (outputresolution, resolutionw/h: sampled with\n"
                "inputfiltertype, 'mipmap' as 'linear') or convert its format."},
    {0, NULL},
};

static PyType_Spec null_spec = {
    .name = "td_render.nullTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = null_slots,
};

const td_op_class td_class_nullTOP = {
    .optype = "nullTOP", .family = "TOP", .label = "Null", .base_name = "null", .subtype = "",
    .base = TD_BASE_TOP, .spec = &null_spec, .pars = null_pars, .npars = PAR_COUNT,
    .min_inputs = 1, .max_inputs = 1, .release = td_top_release, .proto = &null_proto,
    .cook = td_top_cook_hook,
};
