/* ambientlightCOMP: light from every direction; adds ambient * cr cg cb * dimmer to Phong MATs.
 * Colour default 0.2 (TouchDesigner's default is not documented). */
#include "bind/state.h"
#include "graph/op.h"
#include "gpu/scene.h"
#include "ops/object.h"

#define AMBIENT_PARS(X)                                                                                    \
    TD_XFORM_PARS(X, 0)                                                                                    \
    X(cr, TD_PAR_F, "Light Color", "Light", 0.2)                                                           \
    X(cg, TD_PAR_F, "Light Color", "Light", 0.2)                                                           \
    X(cb, TD_PAR_F, "Light Color", "Light", 0.2)                                                           \
    X(dimmer, TD_PAR_F, "Dimmer", "Light", 1)
TD_PAR_TABLE(ambient_pars, AMBIENT_PARS);

static int
ambient_fill(const td_values *vals, const double world[16], td_scene_light *out)
{
    return td_light_fill(vals, PAR_cr, PAR_dimmer, TD_LIGHT_AMBIENT, world, out);
}

static const td_object_class ambient_proto = {.role = TD_OBJECT_LIGHT, .fill_light = ambient_fill};

static PyType_Slot ambient_slots[] = {
    {Py_tp_doc, "ambientlightCOMP: ambient light, added to every lit material as ambient * colour * dimmer.\n\n"
                "Include it in the render's lights pattern like any light (e.g. lights = 'light* ambient*').\n"
                "TouchDesigner does not document its colour default; 0.2 is ours."},
    {0, NULL},
};

static PyType_Spec ambient_spec = {
    .name = "td_render.ambientlightCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = ambient_slots,
};

const td_op_class td_class_ambientlightCOMP = {
    .optype = "ambientlightCOMP", .family = "COMP", .label = "Ambient Light", .base_name = "ambient",
    .subtype = "object", .base = TD_BASE_OBJECT, .spec = &ambient_spec, .pars = ambient_pars,
    .npars = PAR_COUNT, .proto = &ambient_proto,
};
