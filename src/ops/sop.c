/* SOP: the base class of geometry operators (boxSOP, sphereSOP). A SOP builds its mesh on the CPU
 * when first rendered and again only after one of its parameters changed. */
#include "ops/sop.h"

#include "module.h"

typedef struct {
    td_mesh *mesh;
    uint64_t version; /* op->version the mesh was built from */
} td_sop_state;

td_mesh *
td_sop_mesh(TdOp *sop)
{
    td_sop_state *s = sop->ext;
    if (s == NULL) {
        s = PyMem_Calloc(1, sizeof(*s));
        if (s == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        sop->ext = s;
    }
    if (s->mesh == NULL || s->version != sop->version) {
        td_err err = {0};
        td_mesh *m = sop->cls->build_mesh(sop, &err);
        if (m == NULL) {
            td_raise_err(td_state_of((PyObject *)sop), &err);
            return NULL;
        }
        td_mesh_compute_bounds(m);
        td_mesh_decref(s->mesh);
        s->mesh = m;
        s->version = sop->version;
    }
    td_mesh_incref(s->mesh);
    return s->mesh;
}

void
td_sop_release(TdOp *sop)
{
    td_sop_state *s = sop->ext;
    if (s == NULL) {
        return;
    }
    sop->ext = NULL;
    td_mesh_decref(s->mesh);
    PyMem_Free(s);
}

static PyType_Slot sop_slots[] = {
    {Py_tp_doc, "SOP: a geometry operator. Create SOPs inside a geometryCOMP to render them."},
    {0, NULL},
};

PyType_Spec td_SOP_spec = {
    .name = "td_render.SOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = sop_slots,
};
