/* lineSOP: a straight open polyline from pa to pb (geom/line.c has the layout). */
#include "bind/state.h"
#include "graph/op.h"
#include "geom/geom.h"
#include "ops/sop.h"

#define TEXTURE_MENU(M) M(TEX_OFF, "off") M(TEX_UNIT, "unit")
enum { TEXTURE_MENU(TD_MENU_ID) };
static const char *const texture_menu[] = {TEXTURE_MENU(TD_MENU_TOKEN) NULL};
static const char *const texture_labels[] = {"Off", "Unit", NULL};

#define LINE_PARS(X)                                                                                       \
    X(pax, TD_PAR_F, "Point A", "Line", 0)                                                                 \
    X(pay, TD_PAR_F, "Point A", "Line", 0)                                                                 \
    X(paz, TD_PAR_F, "Point A", "Line", 0)                                                                 \
    X(pbx, TD_PAR_F, "Point B", "Line", 0)                                                                 \
    X(pby, TD_PAR_F, "Point B", "Line", 1)                                                                 \
    X(pbz, TD_PAR_F, "Point B", "Line", 0)                                                                 \
    X(points, TD_PAR_I, "Number of Points", "Line", 2, 2, 100, TD_PAR_REJECT_MIN)                          \
    X(texture, TD_PAR_ML, "Texture Coordinates", "Line", TEX_OFF, texture_menu, texture_labels)
TD_PAR_TABLE(line_pars, LINE_PARS);

static int
line_build(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    (void)inputs;
    (void)ninputs;
    const td_par_value *v = vals->v;
    td_geom_line_desc desc = {
        .a = {v[PAR_pax].num, v[PAR_pay].num, v[PAR_paz].num},
        .b = {v[PAR_pbx].num, v[PAR_pby].num, v[PAR_pbz].num},
        .points = (int)v[PAR_points].num,
        .uv = (int)v[PAR_texture].num == TEX_UNIT,
    };
    return td_geom_line(&desc, out, err);
}

static const td_sop_class line_proto = {.build = line_build};

static PyType_Slot line_slots[] = {
    {Py_tp_doc, "lineSOP: a straight line of points points (at least 2, as the docs say) evenly spaced\n"
                "from pa to pb, one open polyline, drawn as GL lines. No normals; texture 'unit' gives\n"
                "u from 0 at pa to 1 at pb (v, w 0); 'off' none.\n\n"
                "Defaults the docs do not give are ours: pa (0, 0, 0), pb (0, 1, 0), 2 points, texture off."},
    {0, NULL},
};

static PyType_Spec line_spec = {
    .name = "td_render.lineSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = line_slots,
};

const td_op_class td_class_lineSOP = {
    .optype = "lineSOP", .family = "SOP", .label = "Line", .base_name = "line", .subtype = "",
    .base = TD_BASE_SOP, .spec = &line_spec, .pars = line_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_sop_release, .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &line_proto,
};
