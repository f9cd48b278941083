/* ambientlightCOMP: light from every direction; adds ambient * cr cg cb * dimmer to Phong MATs.
 * Colour default 0.2 (TouchDesigner's default is not documented). */
#include "module.h"

static const td_par_def ambient_pars[] = {
    TD_XFORM_PARS(0),
    TD_PAR_F("cr", "Light Color", "Light", 0.2), TD_PAR_F("cg", "Light Color", "Light", 0.2),
    TD_PAR_F("cb", "Light Color", "Light", 0.2), TD_PAR_F("dimmer", "Dimmer", "Light", 1),
};

/* td_op_class.fill_light: ambient light (its position is unused) at the transform's origin, colour * dimmer. */
static int
ambient_fill(TdOp *l, const double world[16], td_scene_light *out)
{
    double dimmer = td_par_num(l, "dimmer");
    if (dimmer < 0.001) {
        return 0;
    }
    for (int k = 0; k < 3; k++) {
        out->position[k] = (float)world[12 + k];
    }
    out->position[3] = (float)TD_LIGHT_AMBIENT;
    out->color[0] = (float)(td_par_num(l, "cr") * dimmer);
    out->color[1] = (float)(td_par_num(l, "cg") * dimmer);
    out->color[2] = (float)(td_par_num(l, "cb") * dimmer);
    return 1;
}

static PyType_Slot ambient_slots[] = {
    {Py_tp_doc, "ambientlightCOMP: ambient light, added to every lit material as ambient * colour.\n\n"
                "Parameters: cr cg cb (default 0.2), dimmer (default 1). Include it in the render's\n"
                "lights pattern like any light (e.g. lights = 'light* ambient*')."},
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
    .npars = TD_NPARS(ambient_pars),
    .fill_light = ambient_fill,
};
