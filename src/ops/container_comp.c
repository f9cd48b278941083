/* containerCOMP: a panel component, to organise a network (TouchDesigner scripts usually live in
 * /project1, a containerCOMP). Its Layout page (x, y, w, h in pixels) is stored; nothing here draws
 * panels. */
#include "bind/state.h"
#include "graph/op.h"

static const td_par_def container_pars[] = {
    TD_PAR_I("x", "X", "Layout", 0, -32768, 32768, 0),
    TD_PAR_I("y", "Y", "Layout", 0, -32768, 32768, 0),
    TD_PAR_I("w", "Width", "Layout", 100, 0, 2048, TD_PAR_CLAMP_MIN),
    TD_PAR_I("h", "Height", "Layout", 100, 0, 2048, TD_PAR_CLAMP_MIN),
};

static PyType_Slot container_slots[] = {
    {Py_tp_doc, "containerCOMP: a panel component to organise operators (isPanel, subType 'panel').\n\n"
                "Parameters (Layout page, stored): x, y (default 0), w, h (default 100, clamped at 0)."},
    {0, NULL},
};

static PyType_Spec container_spec = {
    .name = "td_render.containerCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = container_slots,
};

const td_op_class td_class_containerCOMP = {
    .optype = "containerCOMP", .family = "COMP", .label = "Container", .base_name = "container",
    .subtype = "panel", .base = TD_BASE_COMP, .spec = &container_spec, .pars = container_pars,
    .npars = TD_NPARS(container_pars), .icon = "Con",
};
