/* lightCOMP: a point light at its transform's origin, colour cr cg cb (default 1) times dimmer
 * (default 1); lights with dimmer below 0.001 are skipped, as in TouchDesigner. No attenuation. */
#include "module.h"

static const td_par_def light_pars[] = {
    TD_XFORM_PARS(0),
    TD_PAR_F("cr", "Light Color", "Light", 1), TD_PAR_F("cg", "Light Color", "Light", 1),
    TD_PAR_F("cb", "Light Color", "Light", 1), TD_PAR_F("dimmer", "Dimmer", "Light", 1),
};

/* td_op_class.fill_light: a point light at the transform's origin, colour * dimmer. */
static int
light_fill(TdOp *l, const double world[16], td_scene_light *out)
{
    double dimmer = td_par_num(l, "dimmer");
    if (dimmer < 0.001) {
        return 0;
    }
    for (int k = 0; k < 3; k++) {
        out->position[k] = (float)world[12 + k];
    }
    out->position[3] = (float)TD_LIGHT_POINT;
    out->color[0] = (float)(td_par_num(l, "cr") * dimmer);
    out->color[1] = (float)(td_par_num(l, "cg") * dimmer);
    out->color[2] = (float)(td_par_num(l, "cb") * dimmer);
    return 1;
}

static PyType_Slot light_slots[] = {
    {Py_tp_doc, "lightCOMP: a point light.\n\nParameters: the Xform page (its position is the transform's\n"
                "origin), cr cg cb (colour, default 1), dimmer (default 1; below 0.001 the light is off).\n"
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
    .base = TD_BASE_OBJECT, .spec = &light_spec, .pars = light_pars, .npars = TD_NPARS(light_pars),
    .fill_light = light_fill,
};
