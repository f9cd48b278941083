/* Prims: the primitives of one SOP (sop.prims), TouchDesigner's Prims Class: len(), [index] (negative
 * from the end), iteration, owner. Made from the SOP's geometry when read: a cooked SOP's mesh, or
 * the builder of a scriptSOP's cook in progress (see sop_geo.h). */
#include "ops/sop_geo.h"

typedef struct {
    PyObject_HEAD
    td_geo_src src;
} TdPrims;
_Static_assert(offsetof(TdPrims, src) == offsetof(TdGeoObject, src), "a TdGeoObject prefix");

PyObject *
td_prims_new(td_state *st, const td_geo_src *s)
{
    TdPrims *p = PyObject_GC_New(TdPrims, st->Prims_type);
    if (p == NULL) {
        return NULL;
    }
    td_geo_src_copy(&p->src, s);
    PyObject_GC_Track(p);
    return (PyObject *)p;
}

static Py_ssize_t
prims_length(TdPrims *p)
{
    return td_geo_check(&p->src, "Prims") < 0 ? -1 : (Py_ssize_t)td_geo_nprims(&p->src);
}

static PyObject *
prims_item(TdPrims *p, Py_ssize_t i)
{
    if (td_geo_check(&p->src, "Prims") < 0) {
        return NULL;
    }
    Py_ssize_t j = td_geo_index(i, td_geo_nprims(&p->src), "primitive");
    return j < 0 ? NULL : td_prim_new(td_state_of((PyObject *)p), &p->src, (uint32_t)j);
}

static PyObject *
prims_get_owner(TdPrims *p, void *Py_UNUSED(unused))
{
    return Py_NewRef((PyObject *)p->src.owner);
}

static PyGetSetDef prims_getset[] = {
    {"owner", (getter)prims_get_owner, NULL, "The SOP the primitives belong to (read-only).", NULL},
    {NULL},
};

static PyType_Slot prims_slots[] = {
    {Py_tp_doc, "Prims: the primitives of a SOP (sop.prims), TouchDesigner's Prims Class: len(prims),\n"
                "prims[i] (a Prim; negative i from the end), iteration, owner. Read from a cooked SOP, it\n"
                "holds that cook's geometry; read during a scriptSOP's onCook, the primitives built so far\n"
                "(it raises tdError once onCook returned or clear() ran)."},
    {Py_tp_dealloc, td_geo_object_dealloc},
    {Py_tp_traverse, td_geo_object_traverse},
    {Py_tp_clear, td_geo_object_clear},
    {Py_tp_getset, prims_getset},
    {Py_sq_length, prims_length},
    {Py_sq_item, prims_item},
    {Py_tp_iter, PySeqIter_New},
    {0, NULL},
};

PyType_Spec td_Prims_spec = {
    .name = "td_render.Prims",
    .basicsize = sizeof(TdPrims),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = prims_slots,
};
