/* OP: the base class of every operator. Type slots and general members (the node core, creation
 * and destruction, is node.c); see op_internal.h for the other files of the type.
 *
 *   >>> geo = td.root.create(td.geometryCOMP, 'geo1')
 *   >>> geo.name, geo.path, geo.valid, geo.family, geo.OPType, geo.digits, geo.base
 *   ('geo1', '/geo1', True, 'COMP', 'geometryCOMP', 1, 'geo')
 *   >>> geo.par.tx = 2; geo.parGroup.t.eval(); geo.pars('t?')
 *   >>> geo.destroy(); geo.valid
 *   False
 */
#include "graph/op.h"

#include <fnmatch.h>
#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/path.h"
#include "bind/state.h"
#include "graph/expr.h"

/* ---- type slots ---- */

int
td_op_traverse(TdOp *op, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(op->name);
    Py_VISIT((PyObject *)op->parent);
    Py_VISIT(op->children);
    Py_VISIT(op->child_names);
    Py_VISIT(op->inputs);
    Py_VISIT(op->dock);
    Py_VISIT(op->storage);
    Py_VISIT(op->startup);
    Py_VISIT(op->tags);
    Py_VISIT(op->vars);
    Py_VISIT(op->expr_globals);
    if (op->pars != NULL) {
        for (size_t i = 0; i < op->cls->npars; i++) {
            Py_VISIT(op->pars[i].val.str);
            Py_VISIT(op->pars[i].code);
        }
    }
    return 0;
}

int
td_op_clear(TdOp *op)
{
    TdOp *parent = op->parent;
    op->parent = NULL;
    Py_XDECREF(parent);
    td_op_clear_state(op);
    return 0;
}

void
td_op_dealloc(TdOp *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (op->weakrefs != NULL) {
        PyObject_ClearWeakRefs((PyObject *)op);
    }
    if (op->cls->release != NULL) {
        op->cls->release(op);
    }
    td_op_clear(op);
    Py_CLEAR(op->name);
    PyObject_GC_Del(op);
    Py_DECREF(tp);
}

PyObject *
td_op_repr(TdOp *op)
{
    if (!op->valid) {
        return PyUnicode_FromFormat("<%s (destroyed)>", op->cls->optype);
    }
    PyObject *path = td_op_path(op);
    if (path == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("<%s %U>", op->cls->optype, path);
    Py_DECREF(path);
    return r;
}

/* ---- general members ---- */

PyObject *
td_op_get_valid(TdOp *op, void *c)
{
    (void)c;
    return PyBool_FromLong(op->valid);
}

PyObject *
td_op_get_name(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return Py_NewRef(op->name);
}

int
td_op_set_name(TdOp *op, PyObject *value, void *c)
{
    (void)c;
    TD_CHECK(op, -1);
    if (td_no_delete(value, "an operator's name") < 0) {
        return -1;
    }
    if (op->parent == NULL) {
        PyErr_SetString(td_state_of((PyObject *)op)->tdError, "the root cannot be renamed");
        return -1;
    }
    if (td_name_validate(value) < 0) {
        return -1;
    }
    TdOp *other = td_path_child(op->parent, value);
    if (other != NULL && other != op) {
        PyErr_Format(PyExc_ValueError, "'%U' already contains an operator named '%U'", op->parent->name, value);
        return -1;
    }
    PyObject *name = PyUnicode_FromObject(value); /* an exact str, even from a str subclass */
    if (name == NULL) {
        return -1;
    }
    int rc = td_child_rename(op, name);
    Py_DECREF(name);
    if (rc < 0) {
        return -1;
    }
    td_op_touch(op);
    return 0;
}

PyObject *
td_op_get_path(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return td_op_path(op);
}

PyObject *
td_op_get_id(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return PyLong_FromUnsignedLongLong(op->id);
}

/* The last run of digits in the name: at its end, else the last one inside it. [start, end). */
static int
digit_run(PyObject *name, Py_ssize_t *start, Py_ssize_t *end)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    Py_ssize_t e = n;
    while (e > 0 && !Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(name, e - 1))) {
        e--;
    }
    if (e == 0) {
        return 0;
    }
    Py_ssize_t s = e;
    while (s > 0 && Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(name, s - 1))) {
        s--;
    }
    *start = s;
    *end = e;
    return 1;
}

PyObject *
td_op_get_digits(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    Py_ssize_t s, e;
    if (!digit_run(op->name, &s, &e)) {
        Py_RETURN_NONE;
    }
    PyObject *sub = PyUnicode_Substring(op->name, s, e);
    if (sub == NULL) {
        return NULL;
    }
    PyObject *r = PyLong_FromUnicodeObject(sub, 10);
    Py_DECREF(sub);
    return r;
}

PyObject *
td_op_get_base(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    Py_ssize_t n = PyUnicode_GET_LENGTH(op->name), i = 0;
    while (i < n && !Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(op->name, i))) {
        i++;
    }
    return PyUnicode_Substring(op->name, 0, i);
}

PyObject *
td_op_get_false(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    Py_RETURN_FALSE;
}

PyObject *
td_op_get_none(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    Py_RETURN_NONE;
}

PyObject *
td_op_get_empty_str(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return PyUnicode_FromString("");
}

PyObject *
td_op_get_empty_list(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return PyList_New(0);
}

/* ext, mod, iop, ipar: lookup objects whose search finds nothing here (there are no extensions,
 * DAT modules or internal shortcuts): an empty namespace, so any name raises AttributeError. */
PyObject *
td_op_get_namespace(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    PyObject *types = PyImport_ImportModule("types");
    if (types == NULL) {
        return NULL;
    }
    PyObject *ns = PyObject_CallMethod(types, "SimpleNamespace", NULL);
    Py_DECREF(types);
    return ns;
}

PyObject *
td_op_get_curpar(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    td_state *st = td_state_of((PyObject *)op);
    td_eval_frame *f = td_eval_current(st);
    while (f != NULL && f->owner == NULL) {
        f = f->prev; /* an epoch, not a parameter */
    }
    if (f == NULL || !f->owner->valid) {
        Py_RETURN_NONE;
    }
    return td_par_new(st, f->owner, f->index);
}

PyObject *
td_op_get_time(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return Py_NewRef(td_state_of((PyObject *)op)->absTime);
}

PyObject *
td_op_get_par(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return td_parcollection_new(td_state_of((PyObject *)op), op, 0);
}

PyObject *
td_op_get_pargroup(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return td_parcollection_new(td_state_of((PyObject *)op), op, 1);
}

PyObject *
td_op_get_builtinpars(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    td_state *st = td_state_of((PyObject *)op);
    PyObject *list = PyList_New((Py_ssize_t)op->cls->npars);
    for (size_t i = 0; list != NULL && i < op->cls->npars; i++) {
        PyObject *p = td_par_new(st, op, (Py_ssize_t)i);
        if (p == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, p);
    }
    return list;
}

PyObject *
td_op_pars_matching(TdOp *op, PyObject *patterns)
{
    td_state *st = td_state_of((PyObject *)op);
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < op->cls->npars; i++) {
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(patterns); j++) {
            const char *pat = PyUnicode_AsUTF8(PyTuple_GET_ITEM(patterns, j));
            if (pat == NULL) {
                Py_DECREF(out);
                return NULL;
            }
            if (fnmatch(pat, op->cls->pars[i].name, 0) == 0) {
                PyObject *p = td_par_new(st, op, (Py_ssize_t)i);
                if (p == NULL || PyList_Append(out, p) < 0) {
                    Py_XDECREF(p);
                    Py_DECREF(out);
                    return NULL;
                }
                Py_DECREF(p);
                break;
            }
        }
    }
    return out;
}

static int
check_patterns(PyObject *args, const char *fname)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(args, i))) {
            PyErr_Format(PyExc_TypeError, "%s() takes name patterns (str), not %.100s", fname,
                         Py_TYPE(PyTuple_GET_ITEM(args, i))->tp_name);
            return -1;
        }
    }
    return 0;
}

PyObject *
td_op_pars(TdOp *op, PyObject *args)
{
    TD_CHECK(op, NULL);
    if (check_patterns(args, "pars") < 0) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) == 0) {
        return td_op_get_builtinpars(op, NULL);
    }
    return td_op_pars_matching(op, args);
}

PyObject *
td_op_pargroups(TdOp *op, PyObject *args)
{
    TD_CHECK(op, NULL);
    if (check_patterns(args, "parGroups") < 0) {
        return NULL;
    }
    return td_pargroups_matching(td_state_of((PyObject *)op), op, args);
}

/* Page names in table order, without repeats: a new list of str. */
static PyObject *
page_names(TdOp *op)
{
    PyObject *names = PyList_New(0);
    for (size_t i = 0; names != NULL && i < op->cls->npars; i++) {
        PyObject *s = PyUnicode_FromString(op->cls->pars[i].page);
        int has = s != NULL ? PySequence_Contains(names, s) : -1;
        if (has < 0 || (has == 0 && PyList_Append(names, s) < 0)) {
            Py_CLEAR(names);
        }
        Py_XDECREF(s);
    }
    return names;
}

PyObject *
td_op_get_pages(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    PyObject *names = page_names(op);
    if (names == NULL) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)op);
    PyObject *out = PyList_New(PyList_GET_SIZE(names));
    for (Py_ssize_t i = 0; out != NULL && i < PyList_GET_SIZE(names); i++) {
        PyObject *page = td_page_new(st, op, PyList_GET_ITEM(names, i), i);
        if (page == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, page);
    }
    Py_DECREF(names);
    return out;
}

PyObject *
td_op_get_currentpage(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    PyObject *names = page_names(op);
    if (names == NULL) {
        return NULL;
    }
    PyObject *r = NULL;
    if (PyList_GET_SIZE(names) == 0) {
        r = Py_NewRef(Py_None);
    }
    else {
        Py_ssize_t i = op->current_page < PyList_GET_SIZE(names) ? op->current_page : 0;
        r = td_page_new(td_state_of((PyObject *)op), op, PyList_GET_ITEM(names, i), i);
    }
    Py_DECREF(names);
    return r;
}

int
td_op_set_currentpage(TdOp *op, PyObject *value, void *c)
{
    (void)c;
    TD_CHECK(op, -1);
    if (td_no_delete(value, "currentPage") < 0) {
        return -1;
    }
    PyObject *name = NULL;
    td_state *st = td_state_of((PyObject *)op);
    if (PyObject_TypeCheck(value, st->Page_type)) {
        name = PyObject_GetAttrString(value, "name");
        if (name == NULL) {
            return -1;
        }
    }
    else if (PyUnicode_Check(value)) {
        name = Py_NewRef(value);
    }
    else {
        PyErr_Format(PyExc_TypeError, "currentPage takes a Page or a page name, not %.100s", Py_TYPE(value)->tp_name);
        return -1;
    }
    PyObject *names = page_names(op);
    Py_ssize_t i = names != NULL ? PySequence_Index(names, name) : -1;
    if (i < 0 && names != NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s has no page %R; its pages are %R", op->cls->optype, name, names);
    }
    Py_XDECREF(names);
    Py_DECREF(name);
    if (i < 0) {
        return -1;
    }
    op->current_page = (int)i;
    td_op_touch(op);
    return 0;
}

/* ---- methods ---- */

PyObject *
td_op_destroy_method(TdOp *op, PyObject *unused)
{
    (void)unused;
    TD_CHECK(op, NULL);
    if (op->parent == NULL) {
        PyErr_SetString(td_state_of((PyObject *)op)->tdError, "the root cannot be destroyed");
        return NULL;
    }
    td_op_destroy(op);
    Py_RETURN_NONE;
}

PyObject *
td_op_eval_expression(TdOp *op, PyObject *arg)
{
    TD_CHECK(op, NULL);
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "evalExpression() takes a str, not %.100s", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    return td_op_eval_source(op, arg);
}
