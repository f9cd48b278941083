/* Vertex: one corner of a SOP's primitive (TouchDesigner's Vertex Class): index (its place in the
 * primitive), prim, point (the Point it refers to; settable during a scriptSOP's cook), owner. */
#include "ops/sop_geo.h"

typedef struct {
    PyObject_HEAD
    td_geo_src src;
    uint32_t prim, index;
} TdVertex;
_Static_assert(offsetof(TdVertex, src) == offsetof(TdGeoObject, src), "a TdGeoObject prefix");

PyObject *
td_vertex_new(td_state *st, const td_geo_src *s, uint32_t prim, uint32_t index)
{
    TdVertex *v = PyObject_GC_New(TdVertex, st->Vertex_type);
    if (v == NULL) {
        return NULL;
    }
    td_geo_src_copy(&v->src, s);
    v->prim = prim;
    v->index = index;
    PyObject_GC_Track(v);
    return (PyObject *)v;
}

/* The index of the vertex reference in prim_verts; -1 with the tdError of a stale vertex. */
static int64_t
vertex_ref(TdVertex *v)
{
    if (td_geo_check(&v->src, "Vertex") < 0) {
        return -1;
    }
    const uint32_t *ps = td_geo_prim_start(&v->src);
    if (v->prim >= td_geo_nprims(&v->src) || v->index >= ps[v->prim + 1] - ps[v->prim]) {
        PyErr_SetString(PyExc_IndexError, "the vertex is no longer in its SOP");
        return -1;
    }
    return (int64_t)ps[v->prim] + v->index;
}

static PyObject *
vertex_get_index(TdVertex *v, void *Py_UNUSED(unused))
{
    return PyLong_FromUnsignedLong(v->index);
}

static PyObject *
vertex_get_owner(TdVertex *v, void *Py_UNUSED(unused))
{
    return Py_NewRef((PyObject *)v->src.owner);
}

static PyObject *
vertex_get_prim(TdVertex *v, void *Py_UNUSED(unused))
{
    return td_prim_new(td_state_of((PyObject *)v), &v->src, v->prim);
}

static PyObject *
vertex_get_point(TdVertex *v, void *Py_UNUSED(unused))
{
    int64_t ref = vertex_ref(v);
    if (ref < 0) {
        return NULL;
    }
    uint32_t point = td_geo_prim_verts(&v->src)[ref];
    if (point >= td_geo_npoints(&v->src)) {
        PyErr_Format(PyExc_IndexError, "the vertex refers to point %u, which does not exist (%u points): set its "
                     "point first", point, td_geo_npoints(&v->src));
        return NULL;
    }
    return td_point_new(td_state_of((PyObject *)v), &v->src, point);
}

static int
vertex_set_point(TdVertex *v, PyObject *value, void *Py_UNUSED(unused))
{
    td_state *st = td_state_of((PyObject *)v);
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "point cannot be deleted");
        return -1;
    }
    uint32_t index = 0;
    const td_geo_src *ps = td_point_source(st, value, &index);
    long long i = 0;
    if (ps == NULL) {
        i = PyLong_AsLongLong(value); /* may run Python (__index__): the checks come after */
        if (i == -1 && PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "Vertex.point takes a Point of the same scriptSOP cook or a point index, "
                         "not %.200s", Py_TYPE(value)->tp_name);
            return -1;
        }
    }
    if (td_geo_check_write(&v->src, "Vertex") < 0) {
        return -1;
    }
    if (ps != NULL) {
        if (ps->builder != v->src.builder || td_geo_check(ps, "Point") < 0) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ValueError, "Vertex.point: the Point belongs to other geometry");
            }
            return -1;
        }
        i = index;
    }
    int64_t ref = vertex_ref(v);
    if (ref < 0) {
        return -1;
    }
    uint32_t np = td_geo_npoints(&v->src);
    if (i < 0 || i >= (long long)np) {
        PyErr_Format(PyExc_IndexError, "Vertex.point: point %lld is out of range (%u points)", i, np);
        return -1;
    }
    v->src.builder->verts[ref] = (uint32_t)i;
    return 0;
}

static PyObject *
vertex_repr(TdVertex *v)
{
    PyObject *path = td_op_path(v->src.owner);
    PyObject *r = path != NULL ? PyUnicode_FromFormat("Vertex(%R, prim=%u, index=%u)", path, v->prim, v->index) : NULL;
    Py_XDECREF(path);
    return r;
}

static PyGetSetDef vertex_getset[] = {
    {"index", (getter)vertex_get_index, NULL, "The vertex's place in its primitive (int, read-only).", NULL},
    {"owner", (getter)vertex_get_owner, NULL, "The SOP the vertex belongs to (read-only).", NULL},
    {"prim", (getter)vertex_get_prim, NULL, "The Prim the vertex belongs to (read-only).", NULL},
    {"point", (getter)vertex_get_point, (setter)vertex_set_point,
     "The Point the vertex refers to. Settable during a scriptSOP's cook: a Point of the same cook or\n"
     "a point index.", NULL},
    {NULL},
};

static PyType_Slot vertex_slots[] = {
    {Py_tp_doc, "Vertex: one corner of a primitive (prim[i]), TouchDesigner's Vertex Class: index, prim,\n"
                "point, owner. In td_render a vertex's attributes are its point's (vertex.point.uv)."},
    {Py_tp_dealloc, td_geo_object_dealloc},
    {Py_tp_traverse, td_geo_object_traverse},
    {Py_tp_clear, td_geo_object_clear},
    {Py_tp_getset, vertex_getset},
    {Py_tp_repr, vertex_repr},
    {0, NULL},
};

PyType_Spec td_Vertex_spec = {
    .name = "td_render.Vertex",
    .basicsize = sizeof(TdVertex),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = vertex_slots,
};
