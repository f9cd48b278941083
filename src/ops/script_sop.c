/* scriptSOP: geometry made in Python. Each cook runs its callbacks DAT (ops/script_callbacks.h):
 * onCook(scriptOp) builds the geometry with TouchDesigner's point/prim API (clear, appendPoint,
 * appendPoly, copy, points, prims) or our bulk NumPy path (setGeometry, sop_numpy.c).
 *
 * The geometry of a cook lives in a td_geo_builder (plain C, growable arrays) that the cook owns;
 * it starts from the previous cook's geometry (copied in only when first read or changed), as
 * TouchDesigner's does, so onCook usually begins with clear(). The Points, Prims and Vertices made
 * during onCook hold the builder and turn stale (tdError) when onCook returns or clear() runs.
 * When onCook returns the builder becomes the SOP's new immutable mesh (td_geo_builder_finish). */
#include "bind/bridge.h"
#include "bind/state.h"
#include "graph/op.h"
#include "ops/script_callbacks.h"
#include "ops/sop.h"
#include "ops/sop_geo.h"

#define SCRIPT_PARS(X)                                                                                     \
    X(callbacks, TD_PAR_O, "Callbacks DAT", "Script", "")                                                  \
    X(setuppars, TD_PAR_P, "Setup Parameters", "Script")
TD_PAR_TABLE(script_pars, SCRIPT_PARS);

/* Each callback runs while this cook's builder is still the SOP's (the module's text or an earlier
 * callback may have destroyed or reset the SOP). */
static int
enter_callback(TdOp *sop, void *arg)
{
    if (!sop->valid || td_sop_building(sop) != arg) {
        return td_op_check(sop) < 0 ? -1 : td_script_error(sop, "it was reset by its callbacks");
    }
    return 0;
}

static int
raise_err(TdOp *sop, const td_err *err)
{
    if (err->kind == TD_ERR_MEMORY) {
        td_raise_err(td_state_of((PyObject *)sop), err);
        return -1;
    }
    return td_script_error(sop, err->msg);
}

static int
script_cook(TdOp *sop, const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out)
{
    (void)inputs; /* onCook reads them through scriptOp.inputs */
    (void)ninputs;
    *out = NULL;
    td_err err = {0};
    td_geo_builder *b = td_geo_builder_new(&err);
    if (b == NULL) {
        return raise_err(sop, &err);
    }
    td_mesh *last = td_sop_last_mesh(sop);
    if (last != NULL) {
        td_geo_builder_set_seed(b, last);
    }
    if (td_sop_set_building(sop, b) < 0) {
        td_geo_builder_decref(b);
        return td_script_error(sop, "it has no cook state");
    }
    const char *path = td_values_str(vals, PAR_callbacks);
    static const char *const functions[] = {"onSetupParameters", "onCook"};
    int setup = vals->v[PAR_setuppars].num != 0.0;
    td_script_hooks hooks = {.enter = enter_callback, .arg = b};
    int rc = path[0] != '\0' ? td_script_run(sop, path, functions + !setup, 1 + setup, &hooks) : 0;
    b->live = 0; /* every Point, Prim, Vertex made from it is stale from here on */
    if (sop->valid && td_sop_building(sop) == b) {
        td_sop_set_building(sop, NULL);
    }
    if (rc == 0 && td_geo_builder_finish(b, out, &err) < 0) {
        rc = raise_err(sop, &err);
    }
    td_geo_builder_decref(b);
    return rc;
}

/* OP.cook(force) and Par.pulse(): cook now if anything changed since the last cook (always if
 * force: recorded as a change to the SOP). */
static int
script_cook_hook(TdOp *sop, int force)
{
    if (force) {
        td_op_touch(sop);
    }
    td_mesh *m = td_sop_mesh(sop);
    td_mesh_decref(m);
    return m != NULL ? 0 : -1;
}

static const td_sop_class script_proto = {.cook = script_cook, .always = 1};

/* ---- the point/prim API of the cook in progress ---- */

/* This cook's builder (its seed taken if take, for a method that reads or extends the geometry),
 * or NULL with a tdError outside onCook. */
static td_geo_builder *
cook_builder(TdOp *self, const char *method, int take)
{
    if (td_op_check(self) < 0) {
        return NULL;
    }
    td_geo_builder *b = td_sop_building(self);
    if (b == NULL) {
        char msg[160];
        snprintf(msg, sizeof(msg), "%s can only be called while the scriptSOP cooks (from its callbacks DAT's onCook)",
                 method);
        td_script_error(self, msg);
        return NULL;
    }
    td_err err = {0};
    if (take && td_geo_builder_take_seed(b, &err) < 0) {
        raise_err(self, &err);
        return NULL;
    }
    return b;
}

td_geo_builder *
td_script_sop_builder(TdOp *self, const char *method)
{
    return cook_builder(self, method, 0);
}

static PyObject *
script_clear(TdOp *self, PyObject *Py_UNUSED(unused))
{
    td_geo_builder *b = cook_builder(self, "clear()", 0);
    if (b == NULL) {
        return NULL;
    }
    td_geo_builder_clear(b);
    Py_RETURN_NONE;
}

static PyObject *
script_append_point(TdOp *self, PyObject *Py_UNUSED(unused))
{
    td_geo_builder *b = cook_builder(self, "appendPoint()", 1);
    if (b == NULL) {
        return NULL;
    }
    td_err err = {0};
    int64_t i = td_geo_builder_add_points(b, 1, &err);
    if (i < 0) {
        raise_err(self, &err);
        return NULL;
    }
    td_geo_src g;
    td_geo_src_builder(&g, self, b);
    PyObject *p = td_point_new(td_state_of((PyObject *)self), &g, (uint32_t)i);
    td_geo_src_clear(&g);
    return p;
}

static PyObject *
script_append_poly(TdOp *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"numVertices", "closed", "addPoints", NULL};
    Py_ssize_t n;
    int closed = 1, add = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "n|pp:appendPoly", kwlist, &n, &closed, &add)) {
        return NULL;
    }
    if (n < (closed ? 3 : 2) || n > (Py_ssize_t)TD_GEO_BUILDER_MAX) {
        PyErr_Format(PyExc_ValueError, "appendPoly(): a %s needs at least %d vertices, not %zd",
                     closed ? "closed polygon" : "polyline (closed=False)", closed ? 3 : 2, n);
        return NULL;
    }
    td_geo_builder *b = cook_builder(self, "appendPoly()", 1); /* after the arguments (which may run Python) */
    if (b == NULL) {
        return NULL;
    }
    td_err err = {0};
    int64_t first = add ? td_geo_builder_add_points(b, (uint32_t)n, &err) : -1;
    int64_t prim = add && first < 0 ? -1 : td_geo_builder_add_prim(b, (uint32_t)n, closed, first, &err);
    if (prim < 0) {
        raise_err(self, &err);
        return NULL;
    }
    td_geo_src g;
    td_geo_src_builder(&g, self, b);
    PyObject *p = td_prim_new(td_state_of((PyObject *)self), &g, (uint32_t)prim);
    td_geo_src_clear(&g);
    return p;
}

static PyObject *
script_copy(TdOp *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"sop", NULL};
    PyObject *other;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:copy", kwlist, &other)) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)self);
    if (!PyObject_TypeCheck(other, st->base_types[TD_BASE_SOP])) {
        PyErr_Format(PyExc_TypeError, "copy() takes a SOP, not %.200s", Py_TYPE(other)->tp_name);
        return NULL;
    }
    if (other == (PyObject *)self) {
        PyErr_SetString(PyExc_ValueError, "copy(): a scriptSOP cannot copy itself");
        return NULL;
    }
    td_geo_src g;
    if (td_geo_src_of((TdOp *)other, &g) < 0) { /* cooks the other SOP: Python may run */
        return NULL;
    }
    td_geo_builder *b = cook_builder(self, "copy()", 0);
    td_err err = {0};
    int rc = -1;
    if (b != NULL && b == g.builder) {
        PyErr_SetString(PyExc_ValueError, "copy(): the SOP is this cook's own geometry");
    }
    else if (b != NULL && g.builder != NULL) {
        PyErr_SetString(PyExc_ValueError, "copy(): the SOP is cooking itself (a scriptSOP inside its own onCook)");
    }
    else if (b != NULL) {
        td_geo_builder_clear(b);
        rc = td_geo_builder_append_mesh(b, g.mesh, &err);
        if (rc < 0) {
            raise_err(self, &err);
        }
    }
    td_geo_src_clear(&g);
    return rc == 0 ? Py_NewRef(Py_None) : NULL;
}

static PyMethodDef script_methods[] = {
    {"clear", (PyCFunction)script_clear, METH_NOARGS,
     "clear($self, /)\n--\n\n"
     "Removes every point and primitive of the geometry being cooked. Points, Prims and Vertices\n"
     "made before are stale from then on (tdError). onCook only."},
    {"appendPoint", (PyCFunction)script_append_point, METH_NOARGS,
     "appendPoint($self, /)\n--\n\n"
     "Appends a point at the origin and returns it (a Point: set P, x, y, z, N, uv, Cd). onCook only."},
    {"appendPoly", (PyCFunction)(void (*)(void))script_append_poly, METH_VARARGS | METH_KEYWORDS,
     "appendPoly($self, /, numVertices, closed=True, addPoints=True)\n--\n\n"
     "Appends a polygon of numVertices vertices (closed: a face, at least 3; closed=False: a\n"
     "polyline, at least 2) and returns it (a Prim: poly[i].point is vertex i's Point). addPoints:\n"
     "each vertex gets a new point at the origin; False: every vertex refers to point 0 (set\n"
     "poly[i].point). A closed polygon is triangulated as a fan from its first vertex (right for\n"
     "convex ones). onCook only."},
    {"copy", (PyCFunction)(void (*)(void))script_copy, METH_VARARGS | METH_KEYWORDS,
     "copy($self, /, sop)\n--\n\n"
     "Replaces the geometry being cooked with a copy of sop's (cooked if needed): its points with P\n"
     "and the N, uv, Cd it has, and its primitives. onCook only."},
    {"setGeometry", (PyCFunction)(void (*)(void))td_script_sop_set_geometry, METH_VARARGS | METH_KEYWORDS,
     "setGeometry($self, /, P, N=None, uv=None, Cd=None, triangles=None, polygons=None, sizes=None)\n--\n\n"
     "td_render's own bulk path (TouchDesigner has none): replaces the geometry being cooked with\n"
     "NumPy arrays (or anything numpy.asarray takes), copied at once (the arrays may change\n"
     "afterwards; large ones are copied with the GIL released).\n\n"
     "P: positions, shape (n, 3), finite. N: normals (n, 3). uv: texture coordinates (n, 2) or\n"
     "(n, 3). Cd: colours (n, 3) or (n, 4) (alpha 1 for 3). Values of any real dtype are converted\n"
     "to float32. triangles: integer indices into the points, shape (m, 3): m closed triangles,\n"
     "counter-clockwise seen from their front. Or polygons and sizes: the vertex indices of every\n"
     "polygon one after another (1-D) and each polygon's vertex count (1-D, each at least 3,\n"
     "summing to len(polygons)). Neither: points only. Errors name the first bad entry: a wrong\n"
     "shape or dtype (TypeError/ValueError), an index out of range or negative, a NaN or infinite\n"
     "position, lengths that do not match. Points, Prims and Vertices made before are stale from\n"
     "then on. onCook only."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot script_slots[] = {
    {Py_tp_doc, "scriptSOP: geometry made in Python, point by point (TouchDesigner's scriptSOP API) or\n"
                "from NumPy arrays (setGeometry, ours).\n\n"
                "callbacks names a DAT whose text runs as a module each time the SOP cooks (when it is\n"
                "read: a render, sop.points, numPoints..., after any change in the network; td.advance()\n"
                "is one; or cook(force=True)), with the expression globals; its\n"
                "onCook(scriptOp) builds the geometry with clear(), appendPoint(), appendPoly(), copy(),\n"
                "setGeometry(), points and prims. The geometry starts as the previous cook's, as in\n"
                "TouchDesigner: begin onCook with scriptOp.clear(). The SOPs wired to it are\n"
                "scriptOp.inputs (cooked first). The Points, Prims and Vertices onCook makes are valid\n"
                "until it returns or clear() runs; afterwards they raise tdError. A failing onCook\n"
                "(an exception, a polygon out of range) is an error of the SOP (op.errors()).\n"
                "setuppars (pulse) calls onSetupParameters(scriptOp), if defined, before onCook on that\n"
                "cook. The callbacks parameter's default is '' (TouchDesigner docks a DAT to it;\n"
                "td_render does not). Not offered yet: onPulse, custom parameter pages,\n"
                "appendBezier/appendMesh/appendParticleSystem, attribute creation (pointAttribs)."},
    {Py_tp_methods, script_methods},
    {0, NULL},
};

static PyType_Spec script_spec = {
    .name = "td_render.scriptSOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = script_slots,
};

const td_op_class td_class_scriptSOP = {
    .optype = "scriptSOP", .family = "SOP", .label = "Script", .base_name = "script", .subtype = "",
    .base = TD_BASE_SOP, .spec = &script_spec, .pars = script_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = TD_SOP_MAX_INPUTS, .release = td_sop_release, .exclusive_flags = TD_SOP_EXCLUSIVE_FLAGS, .proto = &script_proto,
    .cook = script_cook_hook,
};
