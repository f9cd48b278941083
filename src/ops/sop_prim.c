/* Prim: one primitive of a SOP (TouchDesigner's Prim Class): a polygon (closed) or polyline
 * (open) over the SOP's points. len(prim) is its vertex count, prim[i] its Vertex i; center, min,
 * max and size come from its vertices' positions, normal from Newell's formula (the unit normal of
 * a planar polygon whose vertices run counter-clockwise seen from its front), direction the unit
 * vector from the SOP's centroid (the mean of its points' positions) to the prim's center. */
#include <math.h>

#include "graph/matrix.h"
#include "ops/sop_geo.h"

typedef struct {
    PyObject_HEAD
    td_geo_src src;
    uint32_t index;
} TdPrim;
_Static_assert(offsetof(TdPrim, src) == offsetof(TdGeoObject, src), "a TdGeoObject prefix");

PyObject *
td_prim_new(td_state *st, const td_geo_src *s, uint32_t index)
{
    TdPrim *p = PyObject_GC_New(TdPrim, st->Prim_type);
    if (p == NULL) {
        return NULL;
    }
    td_geo_src_copy(&p->src, s);
    p->index = index;
    PyObject_GC_Track(p);
    return (PyObject *)p;
}

/* The prim's first vertex reference and count; -1 with the tdError of a stale prim. */
static int
prim_range(TdPrim *p, uint32_t *start, uint32_t *n)
{
    if (td_geo_check(&p->src, "Prim") < 0) {
        return -1;
    }
    if (p->index >= td_geo_nprims(&p->src)) {
        PyErr_SetString(PyExc_IndexError, "the primitive is no longer in its SOP");
        return -1;
    }
    const uint32_t *ps = td_geo_prim_start(&p->src);
    *start = ps[p->index];
    *n = ps[p->index + 1] - ps[p->index];
    return 0;
}

/* The position of the prim's vertex i into v; 0, or -1 (no error) if its point is missing. */
static int
vertex_pos(const td_geo_src *s, uint32_t ref, double v[3])
{
    uint32_t point = td_geo_prim_verts(s)[ref];
    int size;
    const float *P = point < td_geo_npoints(s) ? td_geo_point_attr(s, "P", point, &size) : NULL;
    if (P == NULL) {
        v[0] = v[1] = v[2] = 0.0;
        return -1;
    }
    v[0] = P[0];
    v[1] = P[1];
    v[2] = P[2];
    return 0;
}

/* which: 0 center, 1 min, 2 max, 3 size (all Positions). */
static PyObject *
prim_get_box(TdPrim *p, void *which)
{
    uint32_t start, n;
    if (prim_range(p, &start, &n) < 0) {
        return NULL;
    }
    double sum[3] = {0, 0, 0}, lo[3] = {0, 0, 0}, hi[3] = {0, 0, 0}, v[3];
    uint32_t used = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (vertex_pos(&p->src, start + i, v) < 0) {
            continue;
        }
        for (int k = 0; k < 3; k++) {
            sum[k] += v[k];
            lo[k] = used == 0 || v[k] < lo[k] ? v[k] : lo[k];
            hi[k] = used == 0 || v[k] > hi[k] ? v[k] : hi[k];
        }
        used++;
    }
    double out[3];
    for (int k = 0; k < 3; k++) {
        switch ((intptr_t)which) {
        case 0:
            out[k] = used ? sum[k] / used : 0.0;
            break;
        case 1:
            out[k] = lo[k];
            break;
        case 2:
            out[k] = hi[k];
            break;
        default:
            out[k] = hi[k] - lo[k];
        }
    }
    return td_position_new(td_state_of((PyObject *)p), out);
}

static void
normalize(double v[3])
{
    double len = sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    for (int k = 0; k < 3; k++) {
        v[k] = len > 0.0 ? v[k] / len : 0.0;
    }
}

static PyObject *
prim_get_normal(TdPrim *p, void *Py_UNUSED(unused))
{
    uint32_t start, n;
    if (prim_range(p, &start, &n) < 0) {
        return NULL;
    }
    double nrm[3] = {0, 0, 0}, a[3], b[3];
    for (uint32_t i = 0; i < n; i++) { /* Newell: the polygon's area vector, twice */
        vertex_pos(&p->src, start + i, a);
        vertex_pos(&p->src, start + (i + 1) % n, b);
        nrm[0] += (a[1] - b[1]) * (a[2] + b[2]);
        nrm[1] += (a[2] - b[2]) * (a[0] + b[0]);
        nrm[2] += (a[0] - b[0]) * (a[1] + b[1]);
    }
    normalize(nrm);
    return td_vector_new(td_state_of((PyObject *)p), nrm);
}

static PyObject *
prim_get_direction(TdPrim *p, void *Py_UNUSED(unused))
{
    PyObject *c = prim_get_box(p, (void *)0);
    if (c == NULL) {
        return NULL;
    }
    double d[3] = {((TdVec3 *)c)->v[0], ((TdVec3 *)c)->v[1], ((TdVec3 *)c)->v[2]}, sum[3] = {0, 0, 0};
    Py_DECREF(c);
    uint32_t np = td_geo_npoints(&p->src);
    for (uint32_t i = 0; i < np; i++) {
        int size;
        const float *P = td_geo_point_attr(&p->src, "P", i, &size);
        for (int k = 0; P != NULL && k < 3; k++) {
            sum[k] += P[k];
        }
    }
    for (int k = 0; k < 3; k++) {
        d[k] -= np ? sum[k] / np : 0.0;
    }
    normalize(d);
    return td_vector_new(td_state_of((PyObject *)p), d);
}

static PyObject *
prim_get_index(TdPrim *p, void *Py_UNUSED(unused))
{
    return PyLong_FromUnsignedLong(p->index);
}

static PyObject *
prim_get_owner(TdPrim *p, void *Py_UNUSED(unused))
{
    return Py_NewRef((PyObject *)p->src.owner);
}

static PyObject *
prim_get_closed(TdPrim *p, void *Py_UNUSED(unused))
{
    uint32_t start, n;
    if (prim_range(p, &start, &n) < 0) {
        return NULL;
    }
    return PyBool_FromLong(td_geo_prim_closed(&p->src, p->index));
}

static Py_ssize_t
prim_length(TdPrim *p)
{
    uint32_t start, n;
    return prim_range(p, &start, &n) < 0 ? -1 : (Py_ssize_t)n;
}

static PyObject *
prim_item(TdPrim *p, Py_ssize_t i)
{
    uint32_t start, n;
    if (prim_range(p, &start, &n) < 0) {
        return NULL;
    }
    Py_ssize_t j = td_geo_index(i, n, "vertex");
    return j < 0 ? NULL : td_vertex_new(td_state_of((PyObject *)p), &p->src, p->index, (uint32_t)j);
}

static PyObject *
prim_repr(TdPrim *p)
{
    PyObject *path = td_op_path(p->src.owner);
    PyObject *r = path != NULL ? PyUnicode_FromFormat("Prim(%R, index=%u)", path, p->index) : NULL;
    Py_XDECREF(path);
    return r;
}

static PyGetSetDef prim_getset[] = {
    {"index", (getter)prim_get_index, NULL, "The primitive's index in its SOP (int, read-only).", NULL},
    {"owner", (getter)prim_get_owner, NULL, "The SOP the primitive belongs to (read-only).", NULL},
    {"center", (getter)prim_get_box, NULL,
     "The mean of its vertices' positions (tdu.Position, read-only: setting it is not offered).", (void *)0},
    {"min", (getter)prim_get_box, NULL, "The least x, y, z of its vertices (tdu.Position, read-only).", (void *)1},
    {"max", (getter)prim_get_box, NULL, "The greatest x, y, z of its vertices (tdu.Position, read-only).", (void *)2},
    {"size", (getter)prim_get_box, NULL, "max - min (tdu.Position, read-only).", (void *)3},
    {"normal", (getter)prim_get_normal, NULL,
     "Its unit normal (tdu.Vector, read-only), by Newell's formula: toward the side its vertices run\n"
     "counter-clockwise seen from; (0, 0, 0) for a degenerate primitive.", NULL},
    {"direction", (getter)prim_get_direction, NULL,
     "The unit vector from the SOP's centroid (the mean of its points' positions) to this\n"
     "primitive's center (tdu.Vector, read-only); (0, 0, 0) where they coincide.", NULL},
    {"closed", (getter)prim_get_closed, NULL,
     "True for a closed polygon (a face), False for an open polyline (read-only; Poly.closed).", NULL},
    {NULL},
};

static PyType_Slot prim_slots[] = {
    {Py_tp_doc, "Prim: one primitive of a SOP (sop.prims[i]), TouchDesigner's Prim Class: a polygon\n"
                "(closed) or polyline (open). len(prim) is its number of vertices and prim[i] its\n"
                "Vertex i. A Prim of a cooked SOP reads that cook's geometry and stays valid; one made\n"
                "during a scriptSOP's onCook raises tdError once onCook returned or clear() ran.\n"
                "Not offered: destroy(), eval(), weight, setting center."},
    {Py_tp_dealloc, td_geo_object_dealloc},
    {Py_tp_traverse, td_geo_object_traverse},
    {Py_tp_clear, td_geo_object_clear},
    {Py_tp_getset, prim_getset},
    {Py_sq_length, prim_length},
    {Py_sq_item, prim_item},
    {Py_tp_iter, PySeqIter_New},
    {Py_tp_repr, prim_repr},
    {0, NULL},
};

PyType_Spec td_Prim_spec = {
    .name = "td_render.Prim",
    .basicsize = sizeof(TdPrim),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = prim_slots,
};
