/* containerCOMP: a panel component, to organise a network (TouchDesigner scripts usually live in
 * /project1, a containerCOMP). Its Layout page (x, y, w, h in pixels) is stored; nothing here draws
 * panels. */
#include "bind/state.h"
#include "graph/op.h"

#define CONTAINER_PARS(X)                                                                                  \
    X(x, TD_PAR_I, "X", "Layout", 0, -32768, 32768, 0)                                                     \
    X(y, TD_PAR_I, "Y", "Layout", 0, -32768, 32768, 0)                                                     \
    X(w, TD_PAR_I, "Width", "Layout", 100, 0, 2048, TD_PAR_CLAMP_MIN)                                      \
    X(h, TD_PAR_I, "Height", "Layout", 100, 0, 2048, TD_PAR_CLAMP_MIN)
TD_PAR_TABLE(container_pars, CONTAINER_PARS);

static PyType_Slot container_slots[] = {
    {Py_tp_doc, "containerCOMP: a panel component to organise operators (isPanel, subType 'panel').\n\n"
                "Its Layout page is stored only: nothing draws panels."},
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
    .npars = PAR_COUNT, .icon = "Con",
};
