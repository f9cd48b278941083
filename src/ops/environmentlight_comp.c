/* environmentlightCOMP: image-based light from a map TOP, for pbrMAT. Every parameter is stored:
 * no material here reads an environment map yet (pbrMAT comes with the materials' work), so in a
 * render it adds no light. Its defaults are ours (TouchDesigner does not document them). */
#include "bind/state.h"
#include "graph/op.h"
#include "gpu/scene.h"
#include "ops/object.h"

#define ENVLIGHT_PARS(X)                                                                                   \
    TD_XFORM_PARS(X, 0)                                                                                    \
    X(cr, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(cg, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(cb, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(dimmer, TD_PAR_F, "Dimmer", "Light", 1)                                                              \
    X(envlightmap, TD_PAR_O, "Environment Light Map", "Light", "")                                         \
    X(envlightmaprotatex, TD_PAR_F, "Environment Map Rotate", "Light", 0)                                  \
    X(envlightmaprotatey, TD_PAR_F, "Environment Map Rotate", "Light", 0)                                  \
    X(envlightmaprotatez, TD_PAR_F, "Environment Map Rotate", "Light", 0)
TD_PAR_TABLE(envlight_pars, ENVLIGHT_PARS);

/* No light a phongMAT or constantMAT would show: the map is pbrMAT's. */
static int
envlight_fill(const td_values *vals, const double world[16], td_scene_light *out)
{
    (void)vals;
    (void)world;
    (void)out;
    return 0;
}

static const td_object_class envlight_proto = {.role = TD_OBJECT_LIGHT, .fill_light = envlight_fill};

static PyType_Slot envlight_slots[] = {
    {Py_tp_doc, "environmentlightCOMP: image-based light from the TOP in envlightmap, for pbrMAT.\n\n"
                "Stored only: no material here reads an environment map yet, so in a render it adds no\n"
                "light (phongMAT and constantMAT never see one). Defaults are ours."},
    {0, NULL},
};

static PyType_Spec envlight_spec = {
    .name = "td_render.environmentlightCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = envlight_slots,
};

const td_op_class td_class_environmentlightCOMP = {
    .optype = "environmentlightCOMP", .family = "COMP", .label = "Environment Light", .base_name = "envlight",
    .subtype = "object", .base = TD_BASE_OBJECT, .spec = &envlight_spec, .pars = envlight_pars,
    .npars = PAR_COUNT, .proto = &envlight_proto,
};
