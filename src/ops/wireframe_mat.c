/* wireframeMAT: the edges of the triangles as lines of its colour and alpha, unlit
 * (shaders/wireframe.frag); the fill is not drawn. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/material.h"
#include "td_shaders.h"

#define WIREMODE_MENU(M) M(WIREMODE_TESSELATED, "tesselatedwireframe") M(WIREMODE_TOPOLOGY, "topologywireframe")
enum { WIREMODE_MENU(TD_MENU_ID) };
static const char *const wiremode_menu[] = {WIREMODE_MENU(TD_MENU_TOKEN) NULL};
static const char *const wiremode_labels[] = {"OpenGL Tessellated Wire Frame", "Topology Wire Frame", NULL};

#define WIREFRAME_PARS(X)                                                                                  \
    X(colorr, TD_PAR_F, "Color", "Wireframe", 1)                                                           \
    X(colorg, TD_PAR_F, "Color", "Wireframe", 1)                                                           \
    X(colorb, TD_PAR_F, "Color", "Wireframe", 1)                                                           \
    X(alpha, TD_PAR_FC, "Alpha", "Wireframe", 1, 0, 1)                                                     \
    X(wireframemode, TD_PAR_ML, "Wireframe Mode", "Wireframe", WIREMODE_TESSELATED, wiremode_menu, wiremode_labels) \
    X(linewidth, TD_PAR_FR, "Line Width", "Wireframe", 1, 0, 10, TD_PAR_CLAMP_MIN)                         \
    TD_MAT_COMMON_PARS(X)
TD_PAR_TABLE(wireframe_pars, WIREFRAME_PARS);

/* The TDMaterial block of shaders/wireframe.frag. */
static const td_block_field wireframe_block[] = {{"color", 3, PAR_colorr}, {"alpha", 1, PAR_alpha}};

static const td_material_program wireframe_program = {
    .name = "wireframe", .fragment = td_shader_wireframe_frag, .fields = wireframe_block,
    .nfields = TD_NPARS(wireframe_block),
};

static const td_mat_class wireframe_proto = {.program = &wireframe_program, .lines = 1, .line_width = PAR_linewidth};

static PyType_Slot wireframe_slots[] = {
    {Py_tp_doc, "wireframeMAT: draws the edges of the geometry's triangles as lines of colorr/g/b and alpha,\n"
                "unlit (lights do not affect it), linewidth pixels wide (OpenGL's wide lines: without\n"
                "antialias the width is rounded to whole pixels; it is clamped to the context's aliased line\n"
                "width range, with a warning on the render when it is). The faces are not filled.\n"
                "\n"
                "wireframemode: 'tesselatedwireframe' draws every triangle's edges, a box's faces with their\n"
                "diagonals. 'topologywireframe' is TouchDesigner's wireframe of the SOP's own primitives (a\n"
                "box's quads without diagonals); meshes here are triangles that keep no record of the polygons\n"
                "they came from, so it draws as 'tesselatedwireframe'. TouchDesigner documents no hidden-line\n"
                "option: edges behind others show, as in its wireframe; the Common page's cullface\n"
                "('backfaces') hides a closed convex shape's far side. The Common page's wireframe and wirewidth\n"
                "do not change it (its own linewidth is the width). In a light's shadow map its geometry casts\n"
                "as filled triangles.\n"
                "\n"
                "Defaults TouchDesigner does not document are ours: colour white, alpha 1, linewidth 1.\n"
                "Not offered: the Deform page."},
    {0, NULL},
};

static PyType_Spec wireframe_spec = {
    .name = "td_render.wireframeMAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = wireframe_slots,
};

const td_op_class td_class_wireframeMAT = {
    .optype = "wireframeMAT", .family = "MAT", .label = "Wireframe", .base_name = "wireframe", .subtype = "",
    .base = TD_BASE_MAT, .spec = &wireframe_spec, .pars = wireframe_pars, .npars = PAR_COUNT,
    .proto = &wireframe_proto, .release = td_mat_release,
};
