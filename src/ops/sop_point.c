/* Point: one point of a SOP (TouchDesigner's Point Class): index, owner, P (a Position), x y z,
 * and the point attributes the geometry has, by name (N, uv, Cd, ...). Read-only on a cooked SOP;
 * settable on the points a scriptSOP's onCook makes (appendPoint, appendPoly). See sop_geo.h. */
#include <math.h>
#include <string.h>

#include "graph/matrix.h"
#include "ops/sop_geo.h"

typedef struct {
    PyObject_HEAD
    td_geo_src src;
    uint32_t index;
} TdPoint;
_Static_assert(offsetof(TdPoint, src) == offsetof(TdGeoObject, src), "a TdGeoObject prefix");

PyObject *
td_point_new(td_state *st, const td_geo_src *s, uint32_t index)
{
    TdPoint *p = PyObject_GC_New(TdPoint, st->Point_type);
    if (p == NULL) {
        return NULL;
    }
    td_geo_src_copy(&p->src, s);
    p->index = index;
    PyObject_GC_Track(p);
    return (PyObject *)p;
}

const td_geo_src *
td_point_source(td_state *st, PyObject *o, uint32_t *index)
{
    if (Py_TYPE(o) != st->Point_type) {
        return NULL;
    }
    *index = ((TdPoint *)o)->index;
    return &((TdPoint *)o)->src;
}

/* The point's attribute name, or NULL: with AttributeError if the geometry has none, or the
 * tdError of a stale point. */
static const float *
point_attr(TdPoint *p, const char *name, int *size)
{
    if (td_geo_check(&p->src, "Point") < 0) {
        return NULL;
    }
    if (p->index >= td_geo_npoints(&p->src)) { /* cannot happen for a fresh source; kept safe */
        PyErr_SetString(PyExc_IndexError, "the point is no longer in its SOP");
        return NULL;
    }
    const float *v = td_geo_point_attr(&p->src, name, p->index, size);
    if (v == NULL) {
        PyErr_Format(PyExc_AttributeError, "the SOP's points have no attribute '%s'", name);
    }
    return v;
}

/* The point's writable attribute of the builder (made on first use), after the value was read. */
static float *
point_writable(TdPoint *p, int which, const char *name)
{
    if (td_geo_check_write(&p->src, "Point") < 0) {
        return NULL;
    }
    td_geo_builder *b = p->src.builder;
    if (p->index >= b->npoints) {
        PyErr_SetString(PyExc_IndexError, "the point is no longer in its SOP");
        return NULL;
    }
    if (which < 0) {
        return b->P + (size_t)p->index * 3;
    }
    td_err err = {0};
    float *a = td_geo_builder_attr(b, (td_geo_optional)which, &err);
    if (a == NULL) {
        PyErr_Format(PyExc_MemoryError, "%s: %s", name, err.msg);
        return NULL;
    }
    return a + (size_t)p->index * td_geo_optional_size[which];
}

static PyObject *
point_get_index(TdPoint *p, void *Py_UNUSED(unused))
{
    return PyLong_FromUnsignedLong(p->index);
}

static PyObject *
point_get_owner(TdPoint *p, void *Py_UNUSED(unused))
{
    return Py_NewRef((PyObject *)p->src.owner);
}

static PyObject *
point_get_P(TdPoint *p, void *Py_UNUSED(unused))
{
    int size;
    const float *v = point_attr(p, "P", &size);
    if (v == NULL) {
        return NULL;
    }
    double d[3] = {v[0], v[1], v[2]};
    return td_position_new(td_state_of((PyObject *)p), d);
}

static int
check_finite(const double *v, int n, const char *what)
{
    for (int k = 0; k < n; k++) {
        if (!isfinite(v[k])) {
            char msg[96];
            snprintf(msg, sizeof(msg), "%s must be finite, not %g", what, v[k]);
            PyErr_SetString(PyExc_ValueError, msg);
            return -1;
        }
    }
    return 0;
}

static int
point_set_P(TdPoint *p, PyObject *value, void *Py_UNUSED(unused))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "P cannot be deleted");
        return -1;
    }
    double d[3];
    if (td_vec3_values(td_state_of((PyObject *)p), value, d, "Point.P") < 0 || check_finite(d, 3, "Point.P") < 0) {
        return -1;
    }
    float *w = point_writable(p, -1, "P"); /* after the conversion, which may have run Python */
    if (w == NULL) {
        return -1;
    }
    for (int k = 0; k < 3; k++) {
        w[k] = (float)d[k];
    }
    return 0;
}

static PyObject *
point_get_xyz(TdPoint *p, void *which)
{
    int size;
    const float *v = point_attr(p, "P", &size);
    return v != NULL ? PyFloat_FromDouble(v[(intptr_t)which]) : NULL;
}

static int
point_set_xyz(TdPoint *p, PyObject *value, void *which)
{
    static const char *const names[3] = {"Point.x", "Point.y", "Point.z"};
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "x, y and z cannot be deleted");
        return -1;
    }
    double d = PyFloat_AsDouble(value);
    if ((d == -1.0 && PyErr_Occurred()) || check_finite(&d, 1, names[(intptr_t)which]) < 0) {
        return -1;
    }
    float *w = point_writable(p, -1, "P");
    if (w == NULL) {
        return -1;
    }
    w[(intptr_t)which] = (float)d;
    return 0;
}

static PyObject *
floats_tuple(const float *v, int n)
{
    PyObject *t = PyTuple_New(n);
    for (int k = 0; t != NULL && k < n; k++) {
        PyObject *f = PyFloat_FromDouble(v[k]);
        if (f == NULL) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, k, f);
    }
    return t;
}

static PyObject *
point_get_optional(TdPoint *p, void *which)
{
    int size;
    const float *v = point_attr(p, td_geo_optional_name[(intptr_t)which], &size);
    return v != NULL ? floats_tuple(v, size) : NULL;
}

static int
point_set_optional(TdPoint *p, PyObject *value, void *which)
{
    int k = (int)(intptr_t)which;
    const char *name = td_geo_optional_name[k];
    if (value == NULL) {
        PyErr_Format(PyExc_AttributeError, "%s cannot be deleted", name);
        return -1;
    }
    /* N: 3 numbers; uv: 2 or 3 (w 0); Cd: 3 or 4 (alpha 1) */
    static const int least[TD_GEO_NOPTIONAL] = {3, 2, 3};
    double d[4] = {0, 0, 0, 1};
    char what[32];
    snprintf(what, sizeof(what), "Point.%s", name);
    Py_ssize_t n = td_read_numbers(value, d, td_geo_optional_size[k], what);
    if (n < 0) {
        return -1;
    }
    if (n < least[k]) {
        PyErr_Format(PyExc_ValueError, "%s takes %d%s numbers, not %zd", what, least[k],
                     least[k] == td_geo_optional_size[k] ? "" : k == TD_GEO_UV ? " or 3" : " or 4", n);
        return -1;
    }
    if (check_finite(d, td_geo_optional_size[k], what) < 0) {
        return -1;
    }
    float *w = point_writable(p, k, name);
    if (w == NULL) {
        return -1;
    }
    for (int i = 0; i < td_geo_optional_size[k]; i++) {
        w[i] = (float)d[i];
    }
    return 0;
}

/* Attributes beyond N, uv and Cd, by name (a SOP whose mesh has others). */
static PyObject *
point_getattro(TdPoint *p, PyObject *name)
{
    PyObject *r = PyObject_GenericGetAttr((PyObject *)p, name);
    if (r != NULL || !PyErr_ExceptionMatches(PyExc_AttributeError) || !PyUnicode_Check(name)) {
        return r;
    }
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL || s[0] == '_') {
        return NULL;
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (td_geo_check(&p->src, "Point") < 0) { /* a stale point: its tdError instead */
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return NULL;
    }
    int size;
    const float *v = p->index < td_geo_npoints(&p->src) ? td_geo_point_attr(&p->src, s, p->index, &size) : NULL;
    if (v == NULL) {
        PyErr_Restore(type, value, tb);
        return NULL;
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return floats_tuple(v, size);
}

static PyObject *
point_repr(TdPoint *p)
{
    PyObject *path = td_op_path(p->src.owner);
    PyObject *r = path != NULL ? PyUnicode_FromFormat("Point(%R, index=%u)", path, p->index) : NULL;
    Py_XDECREF(path);
    return r;
}

static PyGetSetDef point_getset[] = {
    {"index", (getter)point_get_index, NULL, "The point's index in its SOP (int, read-only).", NULL},
    {"owner", (getter)point_get_owner, NULL, "The SOP the point belongs to (read-only).", NULL},
    {"P", (getter)point_get_P, (setter)point_set_P,
     "The point's position, a tdu.Position (a copy: set P, or x, y, z, to move the point). Settable on\n"
     "the points of a scriptSOP's cook (a Position, a Vector or 3 finite numbers).", NULL},
    {"x", (getter)point_get_xyz, (setter)point_set_xyz, "P's x (float); settable during a scriptSOP's cook.", (void *)0},
    {"y", (getter)point_get_xyz, (setter)point_set_xyz, "P's y (float); settable during a scriptSOP's cook.", (void *)1},
    {"z", (getter)point_get_xyz, (setter)point_set_xyz, "P's z (float); settable during a scriptSOP's cook.", (void *)2},
    {"N", (getter)point_get_optional, (setter)point_set_optional,
     "The point's normal, a tuple (x, y, z); AttributeError if the SOP has no normals. Settable on a\n"
     "scriptSOP's points during its cook (3 numbers): the first set gives every point the attribute,\n"
     "(0, 0, 0) where unset (TouchDesigner needs pointAttribs.create('N') first; td_render does not).",
     (void *)TD_GEO_N},
    {"uv", (getter)point_get_optional, (setter)point_set_optional,
     "The point's texture coordinates, a tuple (u, v, w); AttributeError if the SOP has none.\n"
     "Settable on a scriptSOP's points during its cook (2 or 3 numbers; w 0), (0, 0, 0) where unset.",
     (void *)TD_GEO_UV},
    {"Cd", (getter)point_get_optional, (setter)point_set_optional,
     "The point's colour, a tuple (r, g, b, a); AttributeError if the SOP has none. Settable on a\n"
     "scriptSOP's points during its cook (3 or 4 numbers; alpha 1), (1, 1, 1, 1) where unset.",
     (void *)TD_GEO_CD},
    {NULL},
};

static PyType_Slot point_slots[] = {
    {Py_tp_doc, "Point: one point of a SOP (sop.points[i]), TouchDesigner's Point Class.\n\n"
                "index, owner, P (a tdu.Position), x, y, z, and the point attributes the SOP has as\n"
                "members (N, uv, Cd). A Point of a cooked SOP reads the geometry of that cook: it stays\n"
                "valid, and unchanged, whatever happens to the SOP later. A Point made during a\n"
                "scriptSOP's onCook can be set (P, x, y, z, N, uv, Cd) until onCook returns or clear()\n"
                "runs; after that it raises tdError."},
    {Py_tp_dealloc, td_geo_object_dealloc},
    {Py_tp_traverse, td_geo_object_traverse},
    {Py_tp_clear, td_geo_object_clear},
    {Py_tp_getset, point_getset},
    {Py_tp_getattro, point_getattro},
    {Py_tp_repr, point_repr},
    {0, NULL},
};

PyType_Spec td_Point_spec = {
    .name = "td_render.Point",
    .basicsize = sizeof(TdPoint),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = point_slots,
};
