/* SOP: the base class of geometry operators (boxSOP, sphereSOP). A SOP builds its mesh on the CPU
 * when first rendered and again only when its parameters' values changed: a change to the SOP
 * itself, or (for parameters in expression mode) a different result of an expression. Each build
 * is a cook of the SOP and is counted in its cook statistics (totalCooks, cpuCookTime, cpuMemory). */
#include "ops/sop.h"

#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "bind/bridge.h"
#include "ops/registry.h"

typedef struct {
    td_mesh *mesh;
    uint64_t version;  /* op->version the mesh was built from */
    td_values *values; /* the parameter values it was built from */
} td_sop_state;

/* Do two evaluations of the same SOP give the same parameters? (Exact strs compare without
 * running Python.) */
static int
same_values(const td_values *a, const td_values *b)
{
    if (a == NULL || b == NULL || a->n != b->n) {
        return 0;
    }
    for (size_t i = 0; i < a->n; i++) {
        if (memcmp(&a->v[i].num, &b->v[i].num, sizeof(double)) != 0) {
            return 0;
        }
        PyObject *x = a->v[i].str, *y = b->v[i].str;
        if ((x == NULL) != (y == NULL) || (x != NULL && PyUnicode_Compare(x, y) != 0)) {
            return 0;
        }
    }
    return 1;
}

td_mesh *
td_sop_mesh(TdOp *sop)
{
    const td_sop_class *proto = td_sop_class_of(sop);
    if (proto == NULL) {
        PyErr_Format(PyExc_TypeError, "%s is not a SOP", sop->cls->optype);
        return NULL;
    }
    if (sop->ext == NULL) {
        sop->ext = PyMem_Calloc(1, sizeof(td_sop_state));
        if (sop->ext == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    td_sop_state *s = sop->ext;
    /* allowCooking off on an enclosing COMP stops its children cooking: keep the last mesh. */
    int frozen = 0;
    for (TdOp *p = sop->parent; p != NULL; p = p->parent) {
        frozen |= !td_op_flag(p, TD_FLAG_ALLOW_COOKING);
    }
    if (frozen && s->mesh != NULL) {
        td_mesh_incref(s->mesh);
        return s->mesh;
    }
    /* Every parameter first (expressions run Python, which may change or destroy anything),
     * then the plain-C build from the values alone. */
    td_values *vals = td_op_values(sop);
    if (vals == NULL) {
        return NULL;
    }
    if (sop->ext != s) { /* an expression reset the SOP's state (changeType) */
        td_values_free(vals);
        PyErr_SetString(td_state_of((PyObject *)sop)->tdError, "the SOP was reset while its expressions ran");
        return NULL;
    }
    if (s->mesh == NULL || s->version != sop->version || !same_values(s->values, vals)) {
        td_err err = {0};
        td_mesh *m = NULL;
        td_op_cook_begin(sop);
        int rc = proto->build(vals, &m, &err);
        td_op_cook_end(sop, rc == 0);
        if (rc != 0) {
            td_values_free(vals);
            td_raise_err(td_state_of((PyObject *)sop), &err);
            return NULL;
        }
        td_mesh_decref(s->mesh);
        s->mesh = m;
        s->version = sop->version;
        td_values_free(s->values);
        s->values = vals;
        vals = NULL;
        td_op_record_memory(sop, td_mesh_cpu_bytes(m));
    }
    td_values_free(vals);
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
    td_values_free(s->values);
    PyMem_Free(s);
}

static PyType_Slot sop_slots[] = {
    {Py_tp_doc, "SOP: a geometry operator. Create SOPs inside a geometryCOMP to render them.\n\n"
                "A SOP cooks (builds its mesh) when a render needs it and its parameter values changed;\n"
                "SOPs take one optional input (wired with setInputs or a Connector), not used by the\n"
                "generators here."},
    {0, NULL},
};

PyType_Spec td_SOP_spec = {
    .name = "td_render.SOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = sop_slots,
};
