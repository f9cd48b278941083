/* geometryCOMP: renders the SOPs inside it with its material, under its transform.
 *
 * Render page: material, render (AND-ed with the Render flag), drawpriority (smaller values are
 * drawn later), pickpriority, wcolor (wireframe colour), lightmask. pickpriority, wcolor and
 * lightmask are stored only (no picking, wireframe shading or light masks here); defaults
 * TouchDesigner does not document are ours (drawpriority 0, pickpriority 0, wcolor 1, 1, 1).
 *
 *   >>> b = geo.computeBounds()          # world-space box of the SOPs it renders, and its children's
 *   >>> b.min.x, b.max, b.center, b.size
 */
#include <float.h>
#include <string.h>

#include "bind/state.h"
#include "geom/mesh.h"
#include "graph/op.h"
#include "ops/instance.h"
#include "ops/object.h"
#include "ops/sop.h"
#include "util/mat4.h"

#define GEOMETRY_PARS(X)                                                                                   \
    TD_XFORM_PARS(X, 0)                                                                                    \
    X(material, TD_PAR_O, "Material", "Render", "")                                                        \
    X(render, TD_PAR_T, "Render", "Render", 1)                                                             \
    X(drawpriority, TD_PAR_F, "Draw Priority", "Render", 0)                                                \
    X(pickpriority, TD_PAR_F, "Pick Priority", "Render", 0)                                                \
    X(wcolorr, TD_PAR_F, "Wireframe Color", "Render", 1)                                                   \
    X(wcolorg, TD_PAR_F, "Wireframe Color", "Render", 1)                                                   \
    X(wcolorb, TD_PAR_F, "Wireframe Color", "Render", 1)                                                   \
    X(lightmask, TD_PAR_O, "Light Mask", "Render", "")                                                     \
    TD_INSTANCE_PARS(X)
TD_PAR_TABLE(geometry_pars, GEOMETRY_PARS);

static const td_object_class geometry_proto = {
    .role = TD_OBJECT_GEOMETRY,
    .material_par = PAR_material,
    .render_par = PAR_render,
    .drawpriority_par = PAR_drawpriority,
    .pickpriority_par = PAR_pickpriority,
    .wcolor_par = PAR_wcolorr,
    .lightmask_par = PAR_lightmask,
    .instance_par = PAR_instancing,
};

/* ---- bounds ---- */

static PyStructSequence_Field bounds_fields[] = {
    {"min", "The smallest x, y, z."},
    {"max", "The largest x, y, z."},
    {"center", "(min + max) / 2."},
    {"size", "max - min."},
    {NULL, NULL},
};
static PyStructSequence_Desc bounds_desc = {"td_render.Bounds", "A bounding box: (min, max, center, size).",
                                            bounds_fields, 4};
static PyStructSequence_Field xyz_fields[] = {{"x", NULL}, {"y", NULL}, {"z", NULL}, {NULL, NULL}};
static PyStructSequence_Desc xyz_desc = {"td_render.BoundsXYZ", "One corner, centre or size of a Bounds: (x, y, z).",
                                         xyz_fields, 3};

int
td_bounds_setup(td_state *st)
{
    st->Bounds_type = PyStructSequence_NewType(&bounds_desc);
    st->BoundsXYZ_type = st->Bounds_type != NULL ? PyStructSequence_NewType(&xyz_desc) : NULL;
    return st->BoundsXYZ_type != NULL ? 0 : -1;
}

static PyObject *
xyz(td_state *st, const double v[3])
{
    PyObject *t = PyStructSequence_New(st->BoundsXYZ_type);
    for (int k = 0; t != NULL && k < 3; k++) {
        PyObject *f = PyFloat_FromDouble(v[k]);
        if (f == NULL) {
            Py_CLEAR(t);
            break;
        }
        PyStructSequence_SetItem(t, k, f);
    }
    return t;
}

typedef struct {
    int display, render, selected, recurse;
    int any;
    double lo[3], hi[3];
} bounds_walk;

static int
keep(const bounds_walk *b, TdOp *op)
{
    return op->valid && (!b->display || td_op_flag(op, TD_FLAG_DISPLAY)) &&
           (!b->render || td_op_flag(op, TD_FLAG_RENDER));
}

/* The SOPs of comp (and, recursing, of the object COMPs inside it) into b, in world space. */
static int
bounds_of(bounds_walk *b, TdOp *comp, int depth)
{
    if (depth > 256) {
        PyErr_SetString(PyExc_RecursionError, "computeBounds(): object COMPs nested more than 256 deep");
        return -1;
    }
    PyObject *kids = comp->children != NULL ? PyList_GetSlice(comp->children, 0, PY_SSIZE_T_MAX) : PyList_New(0);
    if (kids == NULL) {
        return -1;
    }
    int rc = 0, have_world = 0;
    double world[16];
    for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(kids); i++) {
        TdOp *kid = (TdOp *)PyList_GET_ITEM(kids, i);
        if (!keep(b, kid)) {
            continue;
        }
        if (td_object_class_of(kid) != NULL) {
            if (b->recurse && (!b->selected || td_op_flag(kid, TD_FLAG_SELECTED))) {
                rc = bounds_of(b, kid, depth + 1);
            }
            continue;
        }
        if (td_sop_class_of(kid) == NULL) {
            continue;
        }
        if (!have_world) {
            if (!comp->valid || td_object_world(comp, world, NULL) < 0) {
                rc = comp->valid ? -1 : 0;
                break;
            }
            have_world = 1;
        }
        td_mesh *mesh = td_sop_mesh(kid);
        if (mesh == NULL) {
            rc = -1;
            break;
        }
        const td_mesh_attr *P = td_mesh_find(mesh, "P");
        for (uint32_t v = 0; P != NULL && P->size >= 3 && v < mesh->nverts; v++) {
            double p[3] = {P->data[v * P->size], P->data[v * P->size + 1], P->data[v * P->size + 2]}, w[3];
            td_mat4_transform_point(world, p, w);
            for (int k = 0; k < 3; k++) {
                b->lo[k] = b->any && b->lo[k] < w[k] ? b->lo[k] : w[k];
                b->hi[k] = b->any && b->hi[k] > w[k] ? b->hi[k] : w[k];
            }
            b->any = 1;
        }
        td_mesh_decref(mesh);
    }
    Py_DECREF(kids);
    return rc;
}

PyObject *
td_bounds_new(td_state *st, const double lo[3], const double hi[3])
{
    double c[3], sz[3];
    for (int k = 0; k < 3; k++) {
        c[k] = (lo[k] + hi[k]) * 0.5;
        sz[k] = hi[k] - lo[k];
    }
    PyObject *out = PyStructSequence_New(st->Bounds_type);
    const double *parts[4] = {lo, hi, c, sz};
    for (int i = 0; out != NULL && i < 4; i++) {
        PyObject *t = xyz(st, parts[i]);
        if (t == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyStructSequence_SetItem(out, i, t);
    }
    return out;
}

static PyObject *
bounds_call(TdOp *self, PyObject *args, PyObject *kwargs, int defaults, const char *fmt)
{
    static char *kwlist[] = {"display", "render", "selected", "recurse", NULL};
    bounds_walk b = {.display = defaults, .render = defaults, .selected = 0, .recurse = 1};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, fmt, kwlist, &b.display, &b.render, &b.selected, &b.recurse) ||
        td_op_check(self) < 0) {
        return NULL;
    }
    Py_INCREF(self);
    int rc = bounds_of(&b, self, 0);
    Py_DECREF(self);
    if (rc < 0) {
        return NULL;
    }
    for (int k = 0; k < 3 && !b.any; k++) {
        b.lo[k] = b.hi[k] = 0.0;
    }
    return td_bounds_new(td_state_of((PyObject *)self), b.lo, b.hi);
}

static PyObject *
geometry_compute_bounds(TdOp *self, PyObject *args, PyObject *kwargs)
{
    return bounds_call(self, args, kwargs, 1, "|pppp:computeBounds");
}

static PyObject *
geometry_bounds(TdOp *self, PyObject *args, PyObject *kwargs)
{
    return bounds_call(self, args, kwargs, 0, "|pppp:bounds");
}

static PyMethodDef geometry_methods[] = {
    {"computeBounds", (PyCFunction)(void (*)(void))geometry_compute_bounds, METH_VARARGS | METH_KEYWORDS,
     "computeBounds($self, /, display=True, render=True, selected=False, recurse=True)\n--\n\n"
     "The bounding box of the SOPs inside this COMP, a named tuple (min, max, center, size), each a\n"
     "named tuple (x, y, z). display / render: only SOPs (and child COMPs) with that flag on; recurse:\n"
     "the object COMPs inside are included (other COMPs never are); selected: only the selected ones.\n"
     "The box is in world space (every vertex under its COMP's worldTransform: where the render draws\n"
     "it); TouchDesigner does not document the space. No geometry gives zeros."},
    {"bounds", (PyCFunction)(void (*)(void))geometry_bounds, METH_VARARGS | METH_KEYWORDS,
     "bounds($self, /, display=False, render=False, selected=False, recurse=True)\n--\n\n"
     "computeBounds() with display and render off by default (TouchDesigner's newer name)."},
    {NULL},
};

static PyType_Slot geometry_slots[] = {
    {Py_tp_doc, "geometryCOMP: renders the SOPs created inside it, under its transform.\n\n"
                "material is a MAT or its path, relative to this COMP's network; empty means\n"
                "phongMAT's defaults. A new geometryCOMP holds nothing until you create a SOP in it.\n"
                "render (on by default) works with the Render flag (both must be on); drawpriority orders\n"
                "the draws (smaller drawn later). Geometry COMPs inside a rendered one are rendered with\n"
                "it (each once; off with its render parameter or flag, or its parent's), 64 deep at most,\n"
                "and cast shadows when it does. Stored only: pickpriority, wcolor, lightmask. Defaults\n"
                "TouchDesigner does not document are ours: drawpriority 0, pickpriority 0, wcolor 1, 1, 1.\n"
                "computeBounds() measures the SOPs in world space (instances are not counted).\n\n"
                "Instancing (the Instance and Instance 2 pages): with instancing on, every SOP is drawn\n"
                "once an instance in one instanced draw. instanceop names a CHOP, SOP, DAT or TOP (relative\n"
                "to this COMP's network); instancetop / instancerop / instancesop / instancepop /\n"
                "instancecolorop name another for their attributes. The channel parameters name: a CHOP's\n"
                "channels; a SOP's point attribute components 'P(0)' 'P(1)' 'P(2)', 'N(0)'.., 'uv(0)'..,\n"
                "'Cd(0)'..; a table DAT's columns, by the first row's names (instancefirstrow names) or by\n"
                "index ('0', '1', ..; ignored skips the first row, values reads it as an instance; a cell\n"
                "that is no number reads 0); a TOP's pixels, one instance a pixel from the bottom row up,\n"
                "'r' 'g' 'b' 'a'. instancecountmode oplength counts instanceop's samples (rows, points,\n"
                "pixels); manual draws numinstances, wrapping around a shorter source. An instance's\n"
                "transform is translate, rotate and scale about its pivot in instxord / instrord (as the\n"
                "Xform page's), applied before this COMP's world transform (instanceorder instanceworld) or\n"
                "after it (worldinstance). instancer/g/b/a colour the instances in instancecolormode: the\n"
                "built-in MATs multiply their colour (phongMAT: diffuse and ambient) by it; a glslMAT reads\n"
                "TDInstanceColor(). instanceu/v/w replace (or, transform, are added to) the texture\n"
                "coordinates. instanceactive names a channel: instances where it is 0 are not drawn (the\n"
                "others keep consecutive TDInstanceID()s). A channel name that names nothing is an error\n"
                "(in errors()), unless it is its parameter's default (tx .. pz): the attribute then keeps\n"
                "its identity value. A CHOP's channels are one instance a sample. Stored only:\n"
                "instancerottoorder, instancerottoforward, instancerottoop, instancerottox/y/z,\n"
                "instancerotupx/y/z, instancetexs, instancetexindex. Defaults TouchDesigner does not\n"
                "document are ours: instancecountmode oplength, numinstances 1, instancefirstrow names, the\n"
                "channel names tx ty tz, rx ry rz, sx sy sz, px py pz (the others empty), instancerottoforward\n"
                "posz, instancecolormode and instancetexmode replace."},
    {Py_tp_methods, geometry_methods},
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
