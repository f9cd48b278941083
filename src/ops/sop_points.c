/* Points: the points of one SOP (sop.points), TouchDesigner's Points Class: len(), [index] (negative
 * from the end), iteration, owner. Made from the SOP's geometry when read: a cooked SOP's mesh, or
 * the builder of a scriptSOP's cook in progress (see sop_geo.h). */
#include "ops/sop_geo.h"

typedef struct {
    PyObject_HEAD
    td_geo_src src;
} TdPoints;
_Static_assert(offsetof(TdPoints, src) == offsetof(TdGeoObject, src), "a TdGeoObject prefix");

PyObject *
td_points_new(td_state *st, const td_geo_src *s)
{
    TdPoints *p = PyObject_GC_New(TdPoints, st->Points_type);
    if (p == NULL) {
        return NULL;
    }
    td_geo_src_copy(&p->src, s);
    PyObject_GC_Track(p);
    return (PyObject *)p;
}

static Py_ssize_t
points_length(TdPoints *p)
{
    return td_geo_check(&p->src, "Points") < 0 ? -1 : (Py_ssize_t)td_geo_npoints(&p->src);
}

static PyObject *
points_item(TdPoints *p, Py_ssize_t i)
{
    if (td_geo_check(&p->src, "Points") < 0) {
        return NULL;
    }
    Py_ssize_t j = td_geo_index(i, td_geo_npoints(&p->src), "point");
    return j < 0 ? NULL : td_point_new(td_state_of((PyObject *)p), &p->src, (uint32_t)j);
}

static PyObject *
points_get_owner(TdPoints *p, void *Py_UNUSED(unused))
{
    return Py_NewRef((PyObject *)p->src.owner);
}

static PyGetSetDef points_getset[] = {
    {"owner", (getter)points_get_owner, NULL, "The SOP the points belong to (read-only).", NULL},
    {NULL},
};

static PyType_Slot points_slots[] = {
    {Py_tp_doc, "Points: the points of a SOP (sop.points), TouchDesigner's Points Class: len(points),\n"
                "points[i] (a Point; negative i from the end), iteration, owner. Read from a cooked SOP,\n"
                "it holds that cook's geometry; read during a scriptSOP's onCook, the points built so far\n"
                "(it raises tdError once onCook returned or clear() ran)."},
    {Py_tp_dealloc, td_geo_object_dealloc},
    {Py_tp_traverse, td_geo_object_traverse},
    {Py_tp_clear, td_geo_object_clear},
    {Py_tp_getset, points_getset},
    {Py_sq_length, points_length},
    {Py_sq_item, points_item},
    {Py_tp_iter, PySeqIter_New},
    {0, NULL},
};

PyType_Spec td_Points_spec = {
    .name = "td_render.Points",
    .basicsize = sizeof(TdPoints),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = points_slots,
};
