/* lightCOMP: a point light at its transform's origin, colour cr cg cb (default 1) times dimmer
 * (default 1); lights with dimmer below 0.001 are skipped, as in TouchDesigner. No attenuation. */
#include "bind/state.h"
#include "graph/op.h"
#include "gpu/scene.h"
#include "ops/object.h"

#define LIGHT_PARS(X)                                                                                      \
    TD_XFORM_PARS(X, 0)                                                                                    \
    X(cr, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(cg, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(cb, TD_PAR_F, "Light Color", "Light", 1)                                                             \
    X(dimmer, TD_PAR_F, "Dimmer", "Light", 1)
TD_PAR_TABLE(light_pars, LIGHT_PARS);

static int
light_fill(const td_values *vals, const double world[16], td_scene_light *out)
{
    return td_light_fill(vals, PAR_cr, PAR_dimmer, TD_LIGHT_POINT, world, out);
}

static const td_object_class light_proto = {.role = TD_OBJECT_LIGHT, .fill_light = light_fill};

static PyType_Slot light_slots[] = {
    {Py_tp_doc, "lightCOMP: a point light at its transform's origin.\n\n"
                "Colour c times dimmer; below a dimmer of 0.001 the light is off, as in TouchDesigner.\n"
                "Point lights do not attenuate with distance."},
    {0, NULL},
};

static PyType_Spec light_spec = {
    .name = "td_render.lightCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = light_slots,
};

const td_op_class td_class_lightCOMP = {
    .optype = "lightCOMP", .family = "COMP", .label = "Light", .base_name = "light", .subtype = "object",
    .base = TD_BASE_OBJECT, .spec = &light_spec, .pars = light_pars, .npars = PAR_COUNT, .proto = &light_proto,
};
