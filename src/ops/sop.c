/* SOP: the base class of geometry operators (boxSOP, sphereSOP). A SOP builds its mesh on the CPU
 * when first rendered and again only when its parameters' values changed: a change to the SOP
 * itself, or (for parameters in expression mode) a different result of an expression. Each build
 * is a cook of the SOP and is counted in its cook statistics (totalCooks, cpuCookTime, cpuMemory). */
#include "ops/sop.h"

#include <string.h>

#include "module.h"

typedef struct {
    td_mesh *mesh;
    uint64_t version; /* op->version the mesh was built from */
    double *values;   /* the parameter values it was built from (npars), for expressions */
} td_sop_state;

/* Does any parameter of sop take its value from an expression? */
static int
has_expressions(TdOp *sop)
{
    for (size_t i = 0; sop->pars != NULL && i < sop->cls->npars; i++) {
        if (sop->pars[i].mode == TD_MODE_EXPRESSION) {
            return 1;
        }
    }
    return 0;
}

/* Evaluates the numeric values into vals; 1 if they differ from s->values. Failing expressions
 * count as their constants here (the build reports them). */
static int
values_changed(TdOp *sop, td_sop_state *s, double *vals)
{
    int changed = s->values == NULL;
    for (size_t i = 0; i < sop->cls->npars; i++) {
        td_par_value v;
        PyObject *msg = NULL;
        if (td_par_eval(sop, (Py_ssize_t)i, &v, &msg) < 0) {
            Py_XDECREF(msg);
        }
        vals[i] = v.num;
        changed |= s->values != NULL && memcmp(&s->values[i], &vals[i], sizeof(double)) != 0;
    }
    return changed;
}

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
    /* allowCooking off on an enclosing COMP stops its children cooking: keep the last mesh. */
    int frozen = 0;
    for (TdOp *p = sop->parent; p != NULL; p = p->parent) {
        frozen |= !td_op_flag(p, TD_FLAG_ALLOW_COOKING);
    }
    if (frozen && s->mesh != NULL) {
        td_mesh_incref(s->mesh);
        return s->mesh;
    }
    int stale = s->mesh == NULL || s->version != sop->version;
    double *vals = NULL;
    if (has_expressions(sop)) {
        vals = PyMem_Calloc(sop->cls->npars > 0 ? sop->cls->npars : 1, sizeof(double));
        if (vals == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        stale |= values_changed(sop, s, vals);
        if (!sop->valid || sop->ext != s) { /* an expression destroyed it */
            PyMem_Free(vals);
            td_op_check(sop);
            return NULL;
        }
    }
    if (stale) {
        td_err err = {0};
        td_op_cook_begin(sop);
        td_mesh *m = sop->cls->build_mesh(sop, &err);
        td_op_cook_end(sop, m != NULL);
        if (m == NULL) {
            PyMem_Free(vals);
            td_raise_err(td_state_of((PyObject *)sop), &err);
            return NULL;
        }
        td_mesh_decref(s->mesh);
        s->mesh = m;
        s->version = sop->version;
        PyMem_Free(s->values);
        s->values = vals; /* NULL without expressions */
        vals = NULL;
        td_op_record_memory(sop, td_mesh_cpu_bytes(m));
    }
    PyMem_Free(vals);
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
    PyMem_Free(s->values);
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
