/* SOP: the base class of geometry operators. A SOP builds its mesh on the CPU when first rendered
 * and again only when its parameters' values or its inputs' meshes changed: a change to the SOP
 * itself, a different result of an expression (parameters in expression mode), or an input that
 * rebuilt. Each build is a cook of the SOP and is counted in its cook statistics (totalCooks,
 * cpuCookTime, cpuMemory). */
#include "ops/sop.h"

#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "bind/bridge.h"
#include "ops/object.h"
#include "ops/registry.h"
#include "ops/sop_geo.h"

typedef struct {
    td_mesh *mesh;
    uint64_t version;  /* op->version the mesh was built from */
    uint64_t serial;   /* the network's serial after the cook that made it (always SOPs) */
    td_values *values; /* the parameter values it was built from */
    int ninputs;       /* the input meshes it was built from (identity: a rebuilt input is a new mesh) */
    td_mesh *inputs[TD_SOP_MAX_INPUTS]; /* one reference each */
    int cooking;       /* 1 while its inputs or itself cook: reaching it again is a loop */
    int released;      /* td_sop_release ran while it cooked: the cook frees the state at its end */
    td_geo_builder *building; /* a cook hook's geometry in progress (one reference), or NULL */
} td_sop_state;

static void
drop_inputs(td_mesh **inputs, int n)
{
    for (int i = 0; i < n; i++) {
        td_mesh_decref(inputs[i]);
    }
}

static void
free_state(td_sop_state *s)
{
    td_mesh_decref(s->mesh);
    drop_inputs(s->inputs, s->ninputs);
    td_values_free(s->values);
    td_geo_builder_decref(s->building);
    PyMem_Free(s);
}

td_geo_builder *
td_sop_building(TdOp *sop)
{
    td_sop_state *s = td_sop_class_of(sop) != NULL ? sop->ext : NULL;
    return s != NULL && sop->valid ? s->building : NULL;
}

td_mesh *
td_sop_last_mesh(TdOp *sop)
{
    td_sop_state *s = td_sop_class_of(sop) != NULL ? sop->ext : NULL;
    return s != NULL ? s->mesh : NULL;
}

int
td_sop_set_building(TdOp *sop, td_geo_builder *b)
{
    td_sop_state *s = td_sop_class_of(sop) != NULL ? sop->ext : NULL;
    if (s == NULL) {
        return -1;
    }
    if (b != NULL) {
        td_geo_builder_incref(b);
    }
    td_geo_builder_decref(s->building);
    s->building = b;
    return 0;
}

static td_sop_state *
sop_state(TdOp *sop)
{
    if (sop->ext == NULL) {
        sop->ext = PyMem_Calloc(1, sizeof(td_sop_state));
        if (sop->ext == NULL) {
            PyErr_NoMemory();
        }
    }
    return sop->ext;
}

/* The meshes of the SOPs wired to sop, cooked in order, into inputs (one reference each); their
 * count, or -1 with a Python error (a non-SOP input, a loop, a failed cook). */
static int
cook_inputs(TdOp *sop, td_mesh **inputs)
{
    /* the wired inputs as they are now, each held: cooking one may rewire the others */
    PyObject *wired = sop->inputs != NULL ? PyList_GetSlice(sop->inputs, 0, PY_SSIZE_T_MAX) : PyList_New(0);
    if (wired == NULL) {
        return -1;
    }
    int n = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(wired); i++) {
        TdOp *in = (TdOp *)PyList_GET_ITEM(wired, i);
        td_mesh *m = NULL;
        if (n >= TD_SOP_MAX_INPUTS) {
            PyErr_Format(td_state_of((PyObject *)sop)->tdError, "a SOP takes at most %d inputs", TD_SOP_MAX_INPUTS);
        }
        else if (!in->valid || td_sop_class_of(in) == NULL) {
            PyObject *path = td_op_path(sop);
            if (path != NULL) {
                PyErr_Format(td_state_of((PyObject *)sop)->tdError, "%U: input %zd is not a SOP", path, i);
                Py_DECREF(path);
            }
        }
        else {
            m = td_sop_mesh(in);
        }
        if (m == NULL) {
            drop_inputs(inputs, n);
            Py_DECREF(wired);
            return -1;
        }
        inputs[n++] = m;
    }
    Py_DECREF(wired);
    return n;
}

static int
same_inputs(const td_sop_state *s, td_mesh *const *inputs, int n)
{
    if (s->ninputs != n) {
        return 0;
    }
    for (int i = 0; i < n; i++) {
        if (s->inputs[i] != inputs[i]) {
            return 0;
        }
    }
    return 1;
}

/* An empty mesh: what a bypassed SOP without inputs gives. */
static td_mesh *
empty_mesh(TdOp *sop)
{
    td_err err = {0};
    td_mesh *m = td_mesh_new_polys(0, 0, 0, &err);
    if (m == NULL || td_mesh_finish(m, &err) != 0) {
        td_mesh_decref(m);
        td_raise_err(td_state_of((PyObject *)sop), &err);
        return NULL;
    }
    return m;
}

/* A failed build: tdError "<path>: <message>" (a cook error of the SOP, like a TOP's), or the
 * error's own exception for no memory. */
static void
build_error(TdOp *sop, const td_err *err)
{
    td_state *st = td_state_of((PyObject *)sop);
    PyObject *path = err->kind != TD_ERR_MEMORY ? td_op_path(sop) : NULL;
    if (path == NULL) {
        td_raise_err(st, err);
        return;
    }
    PyErr_Format(st->tdError, "%U: %s", path, err->msg);
    Py_DECREF(path);
}

/* The mesh of sop's class from vals and inputs: 0 with *out, or -1 with a Python error. */
static int
make_mesh(TdOp *sop, const td_sop_class *proto, const td_values *vals, td_mesh *const *inputs, int n, td_mesh **out)
{
    *out = NULL;
    if (td_op_flag(sop, TD_FLAG_BYPASS)) {
        if (n > 0) {
            td_mesh_incref(inputs[0]);
            *out = inputs[0];
            return 0;
        }
        *out = empty_mesh(sop);
        return *out != NULL ? 0 : -1;
    }
    td_op_cook_begin(sop);
    int rc;
    if (proto->cook != NULL) {
        rc = proto->cook(sop, vals, inputs, n, out);
    }
    else {
        td_err err = {0};
        rc = proto->build(vals, inputs, n, out, &err);
        if (rc != 0) {
            build_error(sop, &err);
        }
    }
    if (rc != 0) {
        td_op_cook_failed(sop); /* the failure shows in op.errors() until the next cook */
    }
    td_op_cook_end(sop, rc == 0);
    if (rc != 0) {
        td_mesh_decref(*out);
        *out = NULL;
    }
    return rc;
}

td_mesh *
td_sop_mesh(TdOp *sop)
{
    const td_sop_class *proto = td_sop_class_of(sop);
    if (proto == NULL) {
        PyErr_Format(PyExc_TypeError, "%s is not a SOP", sop->cls->optype);
        return NULL;
    }
    td_sop_state *s = sop_state(sop);
    if (s == NULL) {
        return NULL;
    }
    /* allowCooking off on an enclosing COMP stops its children cooking: keep the last mesh. */
    int frozen = 0;
    for (TdOp *p = sop->parent; p != NULL; p = p->parent) {
        frozen |= !td_op_flag(p, TD_FLAG_ALLOW_COOKING);
    }
    if (frozen && s->mesh != NULL) {
        td_mesh_incref(s->mesh);
        return s->mesh;
    }
    if (s->cooking) {
        PyObject *path = td_op_path(sop);
        if (path != NULL) {
            PyErr_Format(td_state_of((PyObject *)sop)->tdError,
                         "%U: it is already cooking (its inputs loop back to it, or its own cook reads it)", path);
            Py_DECREF(path);
        }
        return NULL;
    }
    if (Py_EnterRecursiveCall(" while cooking the inputs of a SOP")) {
        return NULL;
    }
    Py_INCREF(sop);
    s->cooking = 1;
    td_mesh *inputs[TD_SOP_MAX_INPUTS];
    int n = cook_inputs(sop, inputs);
    /* Every parameter next (expressions run Python, which may change or destroy anything), then
     * the build from the values and inputs alone. */
    td_values *vals = n >= 0 ? td_op_values(sop) : NULL;
    td_mesh *result = NULL;
    int ok = 0;
    if (vals != NULL && (s->released || !sop->valid)) { /* an expression reset or destroyed the SOP */
        PyErr_SetString(td_state_of((PyObject *)sop)->tdError, "the SOP was reset while its inputs or expressions ran");
    }
    else if (vals != NULL) {
        td_state *st = td_state_of((PyObject *)sop);
        if (s->mesh == NULL || (proto->always && s->serial != st->serial) || td_op_flag(sop, TD_FLAG_BYPASS) ||
            (proto->stale != NULL && proto->stale(sop, vals)) ||
            s->version != sop->version ||
            !td_values_equal(s->values, vals) || !same_inputs(s, inputs, n)) {
            td_mesh *m = NULL;
            if (make_mesh(sop, proto, vals, inputs, n, &m) == 0) {
                if (s->released || !sop->valid) { /* the cook's Python reset or destroyed the SOP */
                    td_mesh_decref(m);
                    PyErr_SetString(td_state_of((PyObject *)sop)->tdError, "the SOP was reset while it cooked");
                }
                else {
                    td_mesh_decref(s->mesh);
                    s->mesh = m;
                    s->version = sop->version;
                    td_values_free(s->values);
                    s->values = vals;
                    vals = NULL;
                    drop_inputs(s->inputs, s->ninputs);
                    memcpy(s->inputs, inputs, (size_t)n * sizeof(td_mesh *));
                    s->ninputs = n;
                    n = 0; /* the state holds them now */
                    s->serial = st->serial; /* what its own cook changed does not cook it again */
                    td_op_record_memory(sop, td_mesh_cpu_bytes(m));
                    ok = 1;
                }
            }
        }
        else {
            ok = 1;
        }
        if (ok) {
            td_mesh_incref(s->mesh);
            result = s->mesh;
        }
    }
    if (n > 0) {
        drop_inputs(inputs, n);
    }
    td_values_free(vals);
    s->cooking = 0;
    if (s->released) {
        free_state(s);
    }
    Py_DECREF(sop);
    Py_LeaveRecursiveCall();
    return result;
}

void
td_sop_release(TdOp *sop)
{
    td_sop_state *s = sop->ext;
    if (s == NULL) {
        return;
    }
    sop->ext = NULL;
    if (s->cooking) {
        s->released = 1; /* the cook in progress frees it */
        return;
    }
    free_state(s);
}

/* ---- members every SOP has ---- */

static PyObject *
sop_count(TdOp *self, void *which)
{
    td_geo_src g;
    if (td_geo_src_of(self, &g) < 0) {
        return NULL;
    }
    uint32_t np = td_geo_nprims(&g);
    size_t n = which == NULL ? td_geo_npoints(&g) : which == (void *)1 ? np : (np ? td_geo_prim_start(&g)[np] : 0);
    td_geo_src_clear(&g);
    return PyLong_FromSize_t(n);
}

static PyObject *
sop_points(TdOp *self, void *which)
{
    td_geo_src g;
    if (td_geo_src_of(self, &g) < 0) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)self);
    PyObject *r = which == NULL ? td_points_new(st, &g) : td_prims_new(st, &g);
    td_geo_src_clear(&g);
    return r;
}

static PyObject *
sop_compute_bounds(TdOp *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"display", "render", NULL};
    int display = 0, render = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|pp:computeBounds", kwlist, &display, &render)) {
        return NULL;
    }
    td_geo_src g;
    if (td_geo_src_of(self, &g) < 0) {
        return NULL;
    }
    double lo[3] = {0, 0, 0}, hi[3] = {0, 0, 0};
    if ((!display || td_op_flag(self, TD_FLAG_DISPLAY)) && (!render || td_op_flag(self, TD_FLAG_RENDER))) {
        if (g.mesh != NULL) {
            for (int k = 0; k < 3; k++) {
                lo[k] = g.mesh->bounds_min[k];
                hi[k] = g.mesh->bounds_max[k];
            }
        }
        for (uint32_t i = 0; g.builder != NULL && i < g.builder->npoints; i++) { /* a cook in progress */
            for (int k = 0; k < 3; k++) {
                double v = g.builder->P[(size_t)i * 3 + k];
                lo[k] = i == 0 || v < lo[k] ? v : lo[k];
                hi[k] = i == 0 || v > hi[k] ? v : hi[k];
            }
        }
    }
    td_geo_src_clear(&g);
    return td_bounds_new(td_state_of((PyObject *)self), lo, hi);
}

static PyGetSetDef sop_getset[] = {
    {"numPoints", (getter)sop_count, NULL, "The number of points (int, read only): the mesh's vertices. Cooks the SOP if needed.", NULL},
    {"numPrims", (getter)sop_count, NULL, "The number of primitives (int, read only): its polygons and polylines.", (void *)1},
    {"numVertices", (getter)sop_count, NULL, "The number of vertices (int, read only): the primitives' corners summed.", (void *)2},
    {"points", (getter)sop_points, NULL,
     "The SOP's points (a Points: len, [i] -> Point, iteration; read only). Cooks the SOP if needed;\n"
     "the Points and Points got from it read that cook's geometry. During a scriptSOP's onCook, the\n"
     "points built so far.", NULL},
    {"prims", (getter)sop_points, NULL,
     "The SOP's primitives (a Prims: len, [i] -> Prim, iteration; read only), as points.", (void *)1},
    {NULL},
};

static PyMethodDef sop_methods[] = {
    {"computeBounds", (PyCFunction)(void (*)(void))sop_compute_bounds, METH_VARARGS | METH_KEYWORDS,
     "computeBounds($self, /, display=False, render=False)\n--\n\n"
     "The bounding box of the SOP's points in its own space (before any COMP's transform), a named\n"
     "tuple (min, max, center, size), each a named tuple (x, y, z). display / render: zeros unless\n"
     "the SOP's Display / Render flag is on. No points give zeros."},
    {"pointArray", (PyCFunction)(void (*)(void))td_sop_point_array, METH_VARARGS | METH_KEYWORDS,
     "pointArray($self, /, attrib='P')\n--\n\n"
     "A copy of one point attribute of every point as a new float32 NumPy array of shape\n"
     "(numPoints, size): 'P' (x, y, z), 'N', 'uv' (u, v, w), 'Cd' (r, g, b, a) or any other the SOP\n"
     "has; KeyError naming those it has otherwise. Cooks the SOP if needed (during a scriptSOP's\n"
     "onCook, the points built so far). td_render's own (TouchDesigner reads points one by one);\n"
     "the bulk counterpart of scriptSOP.setGeometry()."},
    {NULL},
};

static PyType_Slot sop_slots[] = {
    {Py_tp_doc, "SOP: a geometry operator. Create SOPs inside a geometryCOMP to render them.\n\n"
                "A SOP cooks (builds its mesh) when a render or a member needs it and its parameter\n"
                "values or its inputs' meshes changed. SOPs wired to it (setInputs, Connectors) cook\n"
                "first, in order; a loop of inputs is an error. Bypassed, a SOP passes its first input\n"
                "through. numPoints, numPrims, numVertices, computeBounds(), points, prims (TouchDesigner's\n"
                "Point/Prim/Vertex API, read only) and pointArray() (ours, NumPy) read its mesh."},
    {Py_tp_getset, sop_getset},
    {Py_tp_methods, sop_methods},
    {0, NULL},
};

PyType_Spec td_SOP_spec = {
    .name = "td_render.SOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = sop_slots,
};
