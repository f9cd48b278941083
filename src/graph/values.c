/* Parameters for C code: td_op_values evaluates every parameter of an OP into C-owned values that
 * builders read by index, and the module's pending cook error collects the failures of those
 * evaluations (td_cook_error_take raises it after a build). */
#include <string.h>

#include "bind/state.h"
#include "graph/expr.h"
#include "graph/op.h"
#include "graph/op_internal.h"

/* ---- C access (never raises) ---- */

/* Records msg as the module's pending cook error, unless one is pending already. Never raises. */
static void
pend(td_state *st, TdOp *op, PyObject *msg)
{
    if (st->cook_error != NULL || msg == NULL) {
        return;
    }
    PyObject *path = op->valid ? td_op_path(op) : PyUnicode_FromString("(destroyed)");
    st->cook_error = path != NULL ? PyUnicode_FromFormat("%U: %U", path, msg) : NULL;
    Py_XDECREF(path);
    if (st->cook_error == NULL) {
        PyErr_Clear(); /* out of memory: the error stays recorded on op */
    }
}

static void
eval_for_c_at(TdOp *op, Py_ssize_t i, td_par_value *out)
{
    if (i < 0 || (size_t)i >= op->cls->npars || op->pars == NULL) {
        out->num = 0.0;
        out->str = NULL;
        return;
    }
    PyObject *msg = NULL;
    if (td_par_eval(op, i, out, &msg) < 0) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb); /* keep the caller's pending exception, if any */
        pend(td_state_of((PyObject *)op), op, msg);
        PyErr_Restore(type, value, tb);
        Py_XDECREF(msg);
    }
}

td_values *
td_op_values(TdOp *op)
{
    if (td_op_check(op) < 0) {
        return NULL;
    }
    size_t n = op->cls->npars;
    td_values *vals = PyMem_Calloc(1, sizeof(td_values) + (n ? n : 1) * sizeof(td_par_value));
    if (vals == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_INCREF(op);
    for (size_t i = 0; i < n; i++) {
        if (op->pars == NULL) { /* an expression destroyed op */
            break;
        }
        td_par_value v;
        eval_for_c_at(op, (Py_ssize_t)i, &v);
        vals->v[i].num = v.num;
        vals->v[i].str = Py_XNewRef(v.str);
        vals->n = i + 1;
    }
    /* An interruption (KeyboardInterrupt, SystemExit) an expression raised stays set: give up. */
    int lost = PyErr_Occurred() != NULL || !op->valid || (n > 0 && op->pars == NULL);
    if (lost && !PyErr_Occurred()) {
        td_op_check(op);
    }
    Py_DECREF(op);
    if (lost) {
        td_values_free(vals);
        return NULL;
    }
    return vals;
}

void
td_values_free(td_values *vals)
{
    if (vals == NULL) {
        return;
    }
    for (size_t i = 0; i < vals->n; i++) {
        Py_XDECREF(vals->v[i].str);
    }
    PyMem_Free(vals);
}

const char *
td_values_str(const td_values *vals, Py_ssize_t index)
{
    PyObject *s = (size_t)index < vals->n ? vals->v[index].str : NULL;
    if (s == NULL) {
        return "";
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb); /* an exception already pending stays as it is */
    const char *u = PyUnicode_AsUTF8(s);
    if (u == NULL) {
        PyErr_Clear(); /* checked when the value was set: only memory can fail here */
        u = "";
    }
    PyErr_Restore(type, value, tb);
    return u;
}

int
td_cook_error_take(td_state *st)
{
    if (PyErr_Occurred()) {
        Py_CLEAR(st->cook_error); /* an interruption the cook's reads left set wins */
        return -1;
    }
    if (st->cook_error == NULL) {
        return 0;
    }
    PyObject *msg = st->cook_error;
    st->cook_error = NULL;
    PyErr_SetObject(st->tdError, msg);
    Py_DECREF(msg);
    return -1;
}

void
td_cook_error_clear(td_state *st)
{
    Py_CLEAR(st->cook_error);
}


int
td_values_equal(const td_values *a, const td_values *b)
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
