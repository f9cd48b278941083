/* geometryCOMP: renders the SOPs inside it with its material, under its transform. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/object.h"

#define GEOMETRY_PARS(X)                                                                                   \
    TD_XFORM_PARS(X, 0)                                                                                    \
    X(material, TD_PAR_O, "Material", "Render", "")
TD_PAR_TABLE(geometry_pars, GEOMETRY_PARS);

static const td_object_class geometry_proto = {.role = TD_OBJECT_GEOMETRY, .material_par = PAR_material};

static PyType_Slot geometry_slots[] = {
    {Py_tp_doc, "geometryCOMP: renders the SOPs created inside it, under its transform.\n\n"
                "material is a MAT or its path, relative to this COMP's network; empty means\n"
                "phongMAT's defaults. A new geometryCOMP holds nothing until you create a SOP in it."},
    {0, NULL},
};

static PyType_Spec geometry_spec = {
    .name = "td_render.geometryCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = geometry_slots,
};

const td_op_class td_class_geometryCOMP = {
    .optype = "geometryCOMP", .family = "COMP", .label = "Geometry", .base_name = "geo", .subtype = "object",
    .base = TD_BASE_OBJECT, .spec = &geometry_spec, .pars = geometry_pars, .npars = PAR_COUNT, .proto = &geometry_proto,
};
