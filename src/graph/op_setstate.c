/* OP.__setstate__: a state (as __getstate__ returns, op_state.c) is parsed into C-owned, checked
 * form first, while Python may run (a value's __float__, a key's __eq__); the operator is checked
 * again; then the state is applied without running any Python. */
#include <fnmatch.h>
#include <string.h>
#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/path.h"
#include "bind/state.h"
#include "graph/classes.h"
#include "graph/network.h"


/* ---- __setstate__: parsed into C-owned, checked form, then applied without running Python ---- */

typedef struct {
    Py_ssize_t index;
    int has_val;
    td_par_value val; /* converted (val.str owned) */
    int mode;         /* -1: not given */
    PyObject *expr;   /* exact str, or NULL: not given */
    int readonly;     /* -1: not given */
} td_par_state;

static const char *const int_keys[] = {"nodeX", "nodeY", "nodeWidth", "nodeHeight", "currentPage"};

typedef struct {
    PyObject *name; /* exact str or NULL */
    Py_ssize_t npars;
    td_par_state *pars;
    signed char flags[TD_NFLAGS]; /* -1: not given */
    PyObject *storage, *startup, *vars; /* dict copies or NULL */
    PyObject *tags;                     /* set of exact str or NULL */
    PyObject *comment;                  /* exact str or NULL */
    int has_color;
    double color[3];
    int has_int[5];
    long ints[5];
    const td_op_state_hooks *hooks; /* the type's own state: parsed by hooks->parse */
    void *ext;
} td_parsed_state;

static void
parsed_free(td_parsed_state *p)
{
    for (Py_ssize_t i = 0; p->pars != NULL && i < p->npars; i++) {
        Py_XDECREF(p->pars[i].val.str);
        Py_XDECREF(p->pars[i].expr);
    }
    PyMem_Free(p->pars);
    Py_XDECREF(p->name);
    Py_XDECREF(p->storage);
    Py_XDECREF(p->startup);
    Py_XDECREF(p->vars);
    Py_XDECREF(p->tags);
    Py_XDECREF(p->comment);
    if (p->ext != NULL) {
        p->hooks->discard(p->ext);
    }
}

static int
bad(const char *fmt, const char *what)
{
    PyErr_Format(PyExc_ValueError, fmt, what);
    return -1;
}

int
td_state_item(PyObject *state, const char *key, PyObject **out)
{
    PyObject *k = PyUnicode_FromString(key);
    *out = k != NULL ? PyDict_GetItemWithError(state, k) : NULL;
    Py_XDECREF(k);
    Py_XINCREF(*out);
    return *out == NULL && PyErr_Occurred() ? -1 : 0;
}

static int
parse_par(TdOp *op, PyObject *key, PyObject *one, td_par_state *out)
{
    const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
    Py_ssize_t i = name != NULL ? td_par_index(op->cls, name) : -1;
    if (i < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s has no parameter %R", op->cls->optype, key);
        return -1;
    }
    if (!PyDict_Check(one)) {
        return bad("state['pars'][%s] must be a dict", name);
    }
    *out = (td_par_state){.index = i, .mode = -1, .readonly = -1};
    PyObject *val = NULL, *mode = NULL, *expr = NULL, *ro = NULL;
    int rc = -1;
    if (td_state_item(one, "val", &val) < 0 || td_state_item(one, "mode", &mode) < 0 || td_state_item(one, "expr", &expr) < 0 ||
        td_state_item(one, "readOnly", &ro) < 0) {
        goto done;
    }
    if (val != NULL) {
        if (td_par_convert(op, i, val, &out->val) < 0) {
            goto done;
        }
        out->has_val = 1;
    }
    if (mode != NULL) {
        if (PyUnicode_Check(mode) && PyUnicode_CompareWithASCIIString(mode, "CONSTANT") == 0) {
            out->mode = TD_MODE_CONSTANT;
        }
        else if (PyUnicode_Check(mode) && PyUnicode_CompareWithASCIIString(mode, "EXPRESSION") == 0) {
            out->mode = TD_MODE_EXPRESSION;
        }
        else {
            bad("par %s: mode must be 'CONSTANT' or 'EXPRESSION'", name);
            goto done;
        }
    }
    if (expr != NULL) {
        if (!PyUnicode_Check(expr) || PyUnicode_AsUTF8(expr) == NULL) {
            PyErr_Clear();
            bad("par %s: expr must be a str", name);
            goto done;
        }
        out->expr = PyUnicode_FromObject(expr);
        if (out->expr == NULL) {
            goto done;
        }
    }
    if (ro != NULL) {
        int t = PyObject_IsTrue(ro);
        if (t < 0) {
            goto done;
        }
        out->readonly = t;
    }
    rc = 0;
done:
    Py_XDECREF(val);
    Py_XDECREF(mode);
    Py_XDECREF(expr);
    Py_XDECREF(ro);
    return rc;
}

/* Reads and checks everything state asks of op (Python may run: conversions, iteration, a key's
 * __eq__); nothing of op changes. */
static int
parse_state(TdOp *op, PyObject *state, int with_name, td_parsed_state *p)
{
    memset(p, 0, sizeof(*p));
    memset(p->flags, -1, sizeof(p->flags));
    if (!PyDict_Check(state)) {
        PyErr_Format(PyExc_TypeError, "an OP state is a dict (from __getstate__), not %.100s", Py_TYPE(state)->tp_name);
        return -1;
    }
    PyObject *v = NULL, *items = NULL;
    int rc = -1;
    if (td_state_item(state, "OPType", &v) < 0) {
        goto done;
    }
    if (v == NULL || !PyUnicode_Check(v) || PyUnicode_CompareWithASCIIString(v, op->cls->optype) != 0) {
        PyErr_Format(PyExc_ValueError, "this state is for %R, not %s", v != NULL ? v : Py_None, op->cls->optype);
        goto done;
    }
    Py_CLEAR(v);
    if (td_state_item(state, "name", &v) < 0) {
        goto done;
    }
    if (with_name && v != NULL && op->parent != NULL) {
        if (td_name_validate(v) < 0 || (p->name = PyUnicode_FromObject(v)) == NULL) {
            goto done;
        }
    }
    Py_CLEAR(v);
    if (td_state_item(state, "pars", &v) < 0) {
        goto done;
    }
    if (v != NULL) {
        if (!PyDict_Check(v)) {
            bad("state['pars'] must be a dict%s", "");
            goto done;
        }
        items = PyDict_Items(v); /* a snapshot: conversions may edit the dict */
        if (items == NULL) {
            goto done;
        }
        p->pars = PyMem_Calloc((size_t)PyList_GET_SIZE(items) + 1, sizeof(td_par_state));
        if (p->pars == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(items); k++) {
            PyObject *kv = PyList_GET_ITEM(items, k);
            if (!op->valid || op->pars == NULL) {
                td_op_check(op);
                goto done;
            }
            if (parse_par(op, PyTuple_GET_ITEM(kv, 0), PyTuple_GET_ITEM(kv, 1), &p->pars[p->npars]) < 0) {
                goto done;
            }
            p->npars++;
        }
        Py_CLEAR(items);
    }
    Py_CLEAR(v);
    if (td_state_item(state, "flags", &v) < 0) {
        goto done;
    }
    if (v != NULL) {
        if (!PyDict_Check(v)) {
            bad("state['flags'] must be a dict%s", "");
            goto done;
        }
        items = PyDict_Items(v);
        for (Py_ssize_t k = 0; items != NULL && k < PyList_GET_SIZE(items); k++) {
            PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(items, k), 0);
            PyObject *on = PyTuple_GET_ITEM(PyList_GET_ITEM(items, k), 1);
            int f = -1;
            for (int j = 0; PyUnicode_CheckExact(key) && j < TD_NFLAGS; j++) {
                f = PyUnicode_CompareWithASCIIString(key, td_flag_names[j]) == 0 ? j : f;
            }
            if (f < 0 || !PyBool_Check(on)) {
                PyErr_Format(PyExc_ValueError, "state['flags']: %R is not a flag with a bool value", key);
                goto done;
            }
            p->flags[f] = on == Py_True;
        }
        if (items == NULL) {
            goto done;
        }
        Py_CLEAR(items);
    }
    Py_CLEAR(v);
    static const char *const dicts[] = {"storage", "storageStartup", "vars"};
    PyObject **dict_out[] = {&p->storage, &p->startup, &p->vars};
    for (int k = 0; k < 3; k++) {
        if (td_state_item(state, dicts[k], &v) < 0) {
            goto done;
        }
        if (v != NULL && !PyDict_Check(v)) {
            bad("state['%s'] must be a dict", dicts[k]);
            goto done;
        }
        if (v != NULL && (*dict_out[k] = PyDict_Copy(v)) == NULL) {
            goto done;
        }
        Py_CLEAR(v);
    }
    if (td_state_item(state, "tags", &v) < 0) {
        goto done;
    }
    if (v != NULL) {
        PyObject *t = td_tags_from(v), *it = t != NULL ? PyObject_GetIter(t) : NULL, *tag;
        p->tags = it != NULL ? PySet_New(NULL) : NULL;
        while (p->tags != NULL && (tag = PyIter_Next(it)) != NULL) {
            PyObject *exact = PyUnicode_FromObject(tag);
            if (exact == NULL || PySet_Add(p->tags, exact) < 0) {
                Py_CLEAR(p->tags);
            }
            Py_XDECREF(exact);
            Py_DECREF(tag);
        }
        Py_XDECREF(it);
        Py_XDECREF(t);
        if (p->tags == NULL || PyErr_Occurred()) {
            goto done;
        }
        Py_CLEAR(v);
    }
    if (td_state_item(state, "comment", &v) < 0) {
        goto done;
    }
    if (v != NULL) {
        if (!PyUnicode_Check(v) || (p->comment = PyUnicode_FromObject(v)) == NULL) {
            PyErr_Clear();
            bad("state['comment'] must be a str%s", "");
            goto done;
        }
        Py_CLEAR(v);
    }
    static const long lows[] = {-1000000000L, -1000000000L, 1, 1, 0};
    for (int k = 0; k < 5; k++) {
        if (td_state_item(state, int_keys[k], &v) < 0) {
            goto done;
        }
        if (v == NULL) {
            continue;
        }
        long n = PyLong_Check(v) && !PyBool_Check(v) ? PyLong_AsLong(v) : lows[k] - 1;
        if (n == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            n = lows[k] - 1;
        }
        Py_CLEAR(v);
        if (n < lows[k] || n > 1000000000L) {
            bad("state['%s'] must be an int in range", int_keys[k]);
            goto done;
        }
        p->has_int[k] = 1;
        p->ints[k] = n;
    }
    if (td_state_item(state, "color", &v) < 0) {
        goto done;
    }
    if (v != NULL) {
        PyObject *t = PySequence_Check(v) ? PySequence_Tuple(v) : NULL;
        int ok = t != NULL && PyTuple_GET_SIZE(t) == 3;
        for (Py_ssize_t k = 0; ok && k < 3; k++) {
            double c = PyFloat_AsDouble(PyTuple_GET_ITEM(t, k));
            ok = !(c == -1.0 && PyErr_Occurred()) && c >= 0.0 && c <= 1.0;
            p->color[k] = c;
        }
        Py_XDECREF(t);
        if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_Exception)) {
            goto done; /* KeyboardInterrupt, SystemExit */
        }
        PyErr_Clear();
        if (!ok) {
            bad("state['color'] must be 3 numbers in [0, 1]%s", "");
            goto done;
        }
        p->has_color = 1;
        Py_CLEAR(v);
    }
    if (op->cls->state != NULL) {
        p->hooks = op->cls->state;
        if (p->hooks->parse(op, state, &p->ext) < 0) {
            goto done;
        }
    }
    rc = 0;
done:
    Py_XDECREF(v);
    Py_XDECREF(items);
    return rc;
}

/* The checks that depend on the network as it is now, after parsing ran Python. */
static int
recheck_state(TdOp *op, const td_parsed_state *p)
{
    if (td_op_check(op) < 0) {
        return -1;
    }
    if (op->pars == NULL && op->cls->npars > 0) {
        return td_op_check(op);
    }
    if (p->name != NULL && op->parent != NULL) {
        TdOp *other = td_path_child(op->parent, p->name);
        if (other != NULL && other != op) {
            PyErr_Format(PyExc_ValueError, "'%U' already contains an operator named '%U'", op->parent->name, p->name);
            return -1;
        }
    }
    if (op->children == NULL && p->flags[TD_FLAG_ALLOW_COOKING] == 0) {
        return bad("only COMPs can clear allowCooking%s", "");
    }
    for (Py_ssize_t k = 0; k < p->npars; k++) {
        if (td_par_evaluating(op, p->pars[k].index)) {
            PyErr_Format(td_state_of((PyObject *)op)->tdError, "par %s cannot be set by its own expression",
                         op->cls->pars[p->pars[k].index].name);
            return -1;
        }
    }
    return 0;
}

/* Applies a parsed, rechecked state; runs no Python and cannot fail halfway. */
static void
apply_parsed(TdOp *op, td_parsed_state *p)
{
    if (p->name != NULL && op->parent != NULL && td_child_rename(op, p->name) < 0) {
        PyErr_Clear(); /* out of memory in the index: the name stays */
    }
    for (Py_ssize_t k = 0; k < p->npars; k++) {
        td_par_state *ps = &p->pars[k];
        td_par_slot *slot = &op->pars[ps->index];
        if (ps->has_val) {
            slot->val.num = ps->val.num;
            Py_XSETREF(slot->val.str, ps->val.str);
            ps->val.str = NULL;
            slot->mode = TD_MODE_CONSTANT;
        }
        if (ps->expr != NULL) {
            Py_XSETREF(slot->expr, ps->expr);
            ps->expr = NULL;
        }
        if (ps->mode == TD_MODE_EXPRESSION) {
            if (slot->expr == NULL || PyUnicode_GET_LENGTH(slot->expr) == 0) {
                /* as td_par_set_mode: an empty expression starts as the constant */
                PyObject *c = td_par_constant_object(op, ps->index);
                PyObject *r = c != NULL ? PyObject_Repr(c) : NULL; /* float, int, bool or str */
                Py_XDECREF(c);
                if (r == NULL) {
                    PyErr_Clear();
                }
                else {
                    Py_XSETREF(slot->expr, r);
                }
            }
            slot->mode = TD_MODE_EXPRESSION;
        }
        else if (ps->mode == TD_MODE_CONSTANT) {
            slot->mode = TD_MODE_CONSTANT;
        }
        if (ps->readonly >= 0) {
            slot->readonly = (unsigned char)ps->readonly;
        }
        td_par_slot_forget(slot);
    }
    for (int f = 0; f < TD_NFLAGS; f++) {
        if (p->flags[f] >= 0 && td_op_flag_assign(op, (td_flag)f, p->flags[f]) < 0) {
            PyErr_Clear(); /* rechecked: cannot happen */
        }
    }
    if (p->storage != NULL) {
        Py_XSETREF(op->storage, p->storage);
        p->storage = NULL;
    }
    if (p->startup != NULL) {
        Py_XSETREF(op->startup, p->startup);
        p->startup = NULL;
    }
    if (p->vars != NULL) {
        Py_XSETREF(op->vars, p->vars);
        p->vars = NULL;
    }
    if (p->tags != NULL) {
        if (op->tags != NULL && PySet_Clear(op->tags) == 0) {
            /* keep the set object a holder of op.tags sees; its elements are exact str */
            PyObject *it = PyObject_GetIter(p->tags), *tag;
            while (it != NULL && (tag = PyIter_Next(it)) != NULL) {
                if (PySet_Add(op->tags, tag) < 0) {
                    PyErr_Clear();
                }
                Py_DECREF(tag);
            }
            Py_XDECREF(it);
            PyErr_Clear();
        }
        else {
            Py_XSETREF(op->tags, p->tags);
            p->tags = NULL;
        }
    }
    if (p->comment != NULL) {
        Py_XSETREF(op->comment, p->comment);
        p->comment = NULL;
    }
    if (p->has_color) {
        memcpy(op->color, p->color, sizeof(op->color));
    }
    long *fields[] = {&op->node_x, &op->node_y, &op->node_w, &op->node_h};
    for (int k = 0; k < 4; k++) {
        if (p->has_int[k]) {
            *fields[k] = p->ints[k];
        }
    }
    if (p->has_int[4]) {
        op->current_page = (int)p->ints[4];
    }
    if (p->ext != NULL) {
        p->hooks->apply(op, p->ext);
        p->ext = NULL;
    }
    td_op_touch(op);
}

int
td_op_apply_state(TdOp *op, PyObject *state, int with_name)
{
    td_parsed_state p;
    int rc = parse_state(op, state, with_name, &p);
    if (rc == 0) {
        rc = recheck_state(op, &p);
    }
    if (rc == 0) {
        apply_parsed(op, &p);
    }
    parsed_free(&p);
    return rc;
}

PyObject *
td_op_setstate(TdOp *op, PyObject *state)
{
    TD_CHECK(op, NULL);
    Py_INCREF(op);
    int rc = td_op_apply_state(op, state, 1);
    Py_DECREF(op);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

