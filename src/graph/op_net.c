/* OP: finding operators, paths between them, wires (inputs/outputs/connectors); dependencies are
 * op_deps.c.
 *
 *   >>> net.op('geo1'), net.op('geo*'), net.opex('nothing')      # the last raises tdError
 *   >>> box2.setInputs([box1]); box2.inputs, box1.outputs
 *   >>> cam.relativePath(geo), cam.shortcutPath(geo, toParName='tx')
 *   ('../geo1', "op('geo1').par.tx")
 */
#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/path.h"
#include "bind/state.h"

TdOp *
td_op_root_of(TdOp *op)
{
    while (op->parent != NULL) {
        op = op->parent;
    }
    return op;
}

static int
is_op(td_state *st, PyObject *obj)
{
    return PyObject_TypeCheck(obj, st->base_types[TD_BASE_OP]);
}

/* Appends to out what one op()/ops() argument names relative to base. */
static int
collect_arg(td_state *st, TdOp *base, PyObject *arg, const char *fname, PyObject *out)
{
    if (is_op(st, arg)) {
        if (td_op_check((TdOp *)arg) < 0) {
            return -1;
        }
        return PySequence_Contains(out, arg) ? 0 : PyList_Append(out, arg);
    }
    if (PyLong_Check(arg) && !PyBool_Check(arg)) {
        unsigned long long id = PyLong_AsUnsignedLongLong(arg);
        if (id == (unsigned long long)-1 && PyErr_Occurred()) {
            PyErr_Clear();
            return 0; /* a negative or huge id names nothing */
        }
        TdOp *found = td_op_find_id(td_op_root_of(base), (uint64_t)id);
        return found == NULL || PySequence_Contains(out, (PyObject *)found) ? 0
                                                                            : PyList_Append(out, (PyObject *)found);
    }
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s() takes paths or patterns (str), ids (int) or OPs, not %.100s", fname,
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == NULL) {
        return -1;
    }
    /* An exact path first ('..', '/', 'a/b'), then glob patterns. */
    TdOp *exact = td_path_resolve(base, s);
    if (exact != NULL) {
        return PySequence_Contains(out, (PyObject *)exact) ? 0 : PyList_Append(out, (PyObject *)exact);
    }
    return td_pattern_collect(base, s, NULL, out);
}

static PyObject *
find_all(TdOp *op, PyObject *args, PyObject *kwds, const char *fname)
{
    TD_CHECK(op, NULL);
    if (kwds != NULL) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            if (!PyUnicode_Check(key) || PyUnicode_CompareWithASCIIString(key, "includeUtility") != 0) {
                PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument %R", fname, key);
                return NULL;
            }
        }
    }
    td_state *st = td_state_of((PyObject *)op);
    TdOp *base = td_op_lookup_base(op);
    PyObject *out = PyList_New(0);
    for (Py_ssize_t i = 0; out != NULL && i < PyTuple_GET_SIZE(args); i++) {
        if (collect_arg(st, base, PyTuple_GET_ITEM(args, i), fname, out) < 0) {
            Py_CLEAR(out);
        }
    }
    return out;
}

PyObject *
td_op_op(TdOp *op, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError, "op() needs at least one path, pattern or id");
        return NULL;
    }
    PyObject *all = find_all(op, args, kwds, "op");
    if (all == NULL) {
        return NULL;
    }
    PyObject *r = Py_NewRef(PyList_GET_SIZE(all) > 0 ? PyList_GET_ITEM(all, 0) : Py_None);
    Py_DECREF(all);
    return r;
}

PyObject *
td_op_opex(TdOp *op, PyObject *args, PyObject *kwds)
{
    PyObject *r = td_op_op(op, args, kwds);
    if (r == Py_None) {
        Py_DECREF(r);
        PyObject *path = td_op_path(td_op_lookup_base(op));
        if (path != NULL) {
            PyErr_Format(td_state_of((PyObject *)op)->tdError, "opex(): nothing matches %R in %U", args, path);
            Py_DECREF(path);
        }
        return NULL;
    }
    return r;
}

PyObject *
td_op_ops(TdOp *op, PyObject *args, PyObject *kwds)
{
    return find_all(op, args, kwds, "ops");
}

PyObject *
td_op_parent(TdOp *op, PyObject *const *args, Py_ssize_t nargs)
{
    TD_CHECK(op, NULL);
    long n = 1;
    if (nargs > 1) {
        PyErr_SetString(PyExc_TypeError, "parent() takes at most one argument");
        return NULL;
    }
    if (nargs == 1) {
        if (!PyLong_Check(args[0])) {
            PyErr_Format(PyExc_TypeError, "parent() takes an int, not %.100s", Py_TYPE(args[0])->tp_name);
            return NULL;
        }
        int overflow = 0;
        n = PyLong_AsLongAndOverflow(args[0], &overflow);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (overflow > 0) {
            Py_RETURN_NONE; /* far above the root */
        }
        if (overflow < 0) {
            n = -1;
        }
        if (n < 0) {
            PyErr_SetString(PyExc_ValueError, "parent(n) needs n >= 0");
            return NULL;
        }
    }
    TdOp *p = op;
    for (long i = 0; i < n && p != NULL; i++) {
        p = p->parent;
    }
    if (p == NULL) {
        Py_RETURN_NONE;
    }
    return Py_NewRef((PyObject *)p);
}

PyObject *
td_op_get_children(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return op->children != NULL ? PySequence_List(op->children) : PyList_New(0);
}

PyObject *
td_op_get_numchildren(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return PyLong_FromSsize_t(op->children != NULL ? PyList_GET_SIZE(op->children) : 0);
}

PyObject *
td_op_get_numchildren_recursive(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    PyObject *all = td_op_subtree(op); /* iterative: any depth */
    if (all == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(all) - 1;
    Py_DECREF(all);
    return PyLong_FromSsize_t(n);
}

/* ---- paths between operators ---- */

static int
is_ancestor(TdOp *a, TdOp *of)
{
    for (TdOp *p = of; p != NULL; p = p->parent) {
        if (p == a) {
            return 1;
        }
    }
    return 0;
}

/* The path from base to target: '..' steps up to their common ancestor, then names down. */
static PyObject *
path_between(TdOp *base, TdOp *target)
{
    TdOp *common = base;
    int ups = 0;
    while (common != NULL && !is_ancestor(common, target)) {
        common = common->parent;
        ups++;
    }
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (TdOp *o = target; o != NULL && o != common; o = o->parent) {
        if (PyList_Insert(parts, 0, o->name) < 0) {
            Py_DECREF(parts);
            return NULL;
        }
    }
    PyObject *up = PyUnicode_FromString("..");
    for (int i = 0; up != NULL && i < ups; i++) {
        if (PyList_Insert(parts, 0, up) < 0) {
            Py_CLEAR(up);
        }
    }
    if (up == NULL) {
        Py_DECREF(parts);
        return NULL;
    }
    Py_DECREF(up);
    if (PyList_GET_SIZE(parts) == 0) {
        Py_DECREF(parts);
        return PyUnicode_FromString(".");
    }
    PyObject *sep = PyUnicode_FromString("/");
    PyObject *r = sep != NULL ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    return r;
}

TdOp *
td_op_arg(TdOp *self, PyObject *arg, const char *fname)
{
    td_state *st = td_state_of((PyObject *)self);
    if (!is_op(st, arg)) {
        PyErr_Format(PyExc_TypeError, "%s() takes an OP, not %.100s", fname, Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (td_op_check((TdOp *)arg) < 0) {
        return NULL;
    }
    if (td_op_root_of((TdOp *)arg) != td_op_root_of(self)) {
        PyErr_Format(PyExc_ValueError, "%s(): the operators are not in one network", fname);
        return NULL;
    }
    return (TdOp *)arg;
}

PyObject *
td_op_relative_path(TdOp *op, PyObject *arg)
{
    TD_CHECK(op, NULL);
    TdOp *target = td_op_arg(op, arg, "relativePath");
    return target != NULL ? path_between(td_op_lookup_base(op), target) : NULL;
}

PyObject *
td_op_shortcut_path(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"OP", "toParName", NULL};
    PyObject *arg = NULL, *parname = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:shortcutPath", kwlist, &arg, &parname)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    TdOp *target = td_op_arg(op, arg, "shortcutPath");
    if (target == NULL) {
        return NULL;
    }
    if (parname != Py_None) {
        const char *s = PyUnicode_Check(parname) ? PyUnicode_AsUTF8(parname) : NULL;
        if (s == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "toParName takes a str, not %.100s", Py_TYPE(parname)->tp_name);
            }
            return NULL;
        }
        if (td_par_index(target->cls, s) < 0) {
            PyErr_Format(PyExc_ValueError, "%s has no parameter %R", target->cls->optype, parname);
            return NULL;
        }
    }
    PyObject *expr = NULL;
    int n = 0;
    TdOp *p = op;
    while (p != NULL && p != target) {
        p = p->parent;
        n++;
    }
    if (target == op) {
        expr = PyUnicode_FromString("me");
    }
    else if (p == target) {
        expr = n == 1 ? PyUnicode_FromString("parent()") : PyUnicode_FromFormat("parent(%d)", n);
    }
    else {
        PyObject *rel = path_between(td_op_expr_net(op), target);
        expr = rel != NULL ? PyUnicode_FromFormat("op(%R)", rel) : NULL;
        Py_XDECREF(rel);
    }
    if (expr != NULL && parname != Py_None) {
        Py_SETREF(expr, PyUnicode_FromFormat("%U.par.%U", expr, parname));
    }
    return expr;
}

/* ---- wires ---- */

PyObject *
td_op_get_inputs(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return op->inputs != NULL ? PySequence_List(op->inputs) : PyList_New(0);
}

PyObject *
td_op_outputs_list(TdOp *op)
{
    PyObject *out = PyList_New(0);
    PyObject *kids = op->parent != NULL ? op->parent->children : NULL;
    for (Py_ssize_t i = 0; out != NULL && kids != NULL && i < PyList_GET_SIZE(kids); i++) {
        TdOp *sib = (TdOp *)PyList_GET_ITEM(kids, i);
        if (sib->inputs == NULL) {
            continue;
        }
        int has = PySequence_Contains(sib->inputs, (PyObject *)op);
        if (has < 0 || (has && PyList_Append(out, (PyObject *)sib) < 0)) {
            Py_CLEAR(out);
        }
    }
    return out;
}

PyObject *
td_op_get_outputs(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return td_op_outputs_list(op);
}

/* Is target upstream of (or) op through inputs? Iterative, each operator once (inputs are
 * siblings, so the walk stays in one network); -1 with an error if out of memory. */
static int
upstream(TdOp *op, TdOp *target)
{
    PyObject *todo = PyList_New(0), *seen = PySet_New(NULL);
    int found = todo != NULL && seen != NULL && PyList_Append(todo, (PyObject *)op) == 0 ? 0 : -1;
    while (found == 0 && PyList_GET_SIZE(todo) > 0) {
        Py_ssize_t last = PyList_GET_SIZE(todo) - 1;
        TdOp *o = (TdOp *)Py_NewRef(PyList_GET_ITEM(todo, last));
        PyObject *key = PyLong_FromVoidPtr(o);
        int had = key != NULL ? PySet_Contains(seen, key) : -1;
        if (PyList_SetSlice(todo, last, last + 1, NULL) < 0 || had < 0 || (!had && PySet_Add(seen, key) < 0)) {
            found = -1;
        }
        else if (o == target) {
            found = 1;
        }
        for (Py_ssize_t i = 0; found == 0 && !had && o->inputs != NULL && i < PyList_GET_SIZE(o->inputs); i++) {
            found = PyList_Append(todo, PyList_GET_ITEM(o->inputs, i)) < 0 ? -1 : 0;
        }
        Py_XDECREF(key);
        Py_DECREF(o);
    }
    Py_XDECREF(todo);
    Py_XDECREF(seen);
    return found;
}

/* Can src be wired into dst? */
static int
check_wire(TdOp *dst, TdOp *src)
{
    if (td_op_check(src) < 0) {
        return -1;
    }
    if (src->parent != dst->parent || dst->parent == NULL) {
        PyErr_SetString(PyExc_ValueError, "only operators of the same network can be wired together");
        return -1;
    }
    if (strcmp(src->cls->family, dst->cls->family) != 0) {
        PyErr_Format(PyExc_ValueError, "a %s cannot be wired into a %s (families differ)", src->cls->optype,
                     dst->cls->optype);
        return -1;
    }
    int up = upstream(src, dst);
    if (up < 0) {
        return -1;
    }
    if (up) {
        PyErr_Format(PyExc_ValueError, "wiring '%U' into '%U' would make a cycle", src->name, dst->name);
        return -1;
    }
    return 0;
}

static int
check_count(TdOp *dst, Py_ssize_t n)
{
    if (n > dst->cls->max_inputs) {
        PyErr_Format(PyExc_ValueError, "%s takes at most %d input%s, not %zd", dst->cls->optype, dst->cls->max_inputs,
                     dst->cls->max_inputs == 1 ? "" : "s", n);
        return -1;
    }
    return 0;
}

PyObject *
td_op_set_inputs(TdOp *op, PyObject *arg)
{
    TD_CHECK(op, NULL);
    td_state *st = td_state_of((PyObject *)op);
    PyObject *list = PySequence_Check(arg) && !PyUnicode_Check(arg) ? PySequence_List(arg) : NULL;
    if (list == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "setInputs() takes a list of OPs, not %.100s", Py_TYPE(arg)->tp_name);
        }
        return NULL;
    }
    if (check_count(op, PyList_GET_SIZE(list)) < 0) {
        goto error;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        if (!is_op(st, item)) {
            PyErr_Format(PyExc_TypeError, "setInputs() takes OPs, not %.100s", Py_TYPE(item)->tp_name);
            goto error;
        }
        if (check_wire(op, (TdOp *)item) < 0) {
            goto error;
        }
    }
    Py_XSETREF(op->inputs, list);
    td_op_touch(op);
    Py_RETURN_NONE;
error:
    Py_DECREF(list);
    return NULL;
}

int
td_op_connect(TdOp *dst, Py_ssize_t index, TdOp *src)
{
    if (td_op_check(dst) < 0 || check_wire(dst, src) < 0) {
        return -1;
    }
    Py_ssize_t n = dst->inputs != NULL ? PyList_GET_SIZE(dst->inputs) : 0;
    if (index >= dst->cls->max_inputs) {
        return check_count(dst, index + 1);
    }
    if (dst->inputs == NULL) {
        dst->inputs = PyList_New(0);
        if (dst->inputs == NULL) {
            return -1;
        }
    }
    if (index < n) {
        Py_INCREF(src);
        if (PyList_SetItem(dst->inputs, index, (PyObject *)src) < 0) {
            return -1;
        }
    }
    else if (PyList_Append(dst->inputs, (PyObject *)src) < 0) { /* inputs are kept without gaps */
        return -1;
    }
    td_op_touch(dst);
    return 0;
}

int
td_op_disconnect(TdOp *dst, Py_ssize_t index)
{
    if (td_op_check(dst) < 0) {
        return -1;
    }
    if (dst->inputs != NULL && index < PyList_GET_SIZE(dst->inputs)) {
        if (PySequence_DelItem(dst->inputs, index) < 0) {
            return -1;
        }
        td_op_touch(dst);
    }
    return 0;
}

PyObject *
td_op_get_input_connectors(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    td_state *st = td_state_of((PyObject *)op);
    PyObject *out = PyList_New(op->cls->max_inputs);
    for (int i = 0; out != NULL && i < op->cls->max_inputs; i++) {
        PyObject *conn = td_connector_new(st, op, 1, i);
        if (conn == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, conn);
    }
    return out;
}

PyObject *
td_op_get_output_connectors(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    int wired = strcmp(op->cls->family, "TOP") == 0 || strcmp(op->cls->family, "SOP") == 0 ||
                strcmp(op->cls->family, "DAT") == 0 || strcmp(op->cls->family, "CHOP") == 0;
    PyObject *out = PyList_New(0);
    if (out != NULL && wired) {
        PyObject *conn = td_connector_new(td_state_of((PyObject *)op), op, 0, 0);
        if (conn == NULL || PyList_Append(out, conn) < 0) {
            Py_CLEAR(out);
        }
        Py_XDECREF(conn);
    }
    return out;
}
