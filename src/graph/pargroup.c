/* ParGroup: the parameters drawn on one line of a parameter dialog, sharing a label: tx ty tz
 * form the group t, resolutionw resolutionh the group resolution.
 *
 *   >>> g = geo.parGroup.t
 *   >>> g.name, len(g), g[2].name, g.eval(), g == (0, 0, 0)
 *   ('t', 3, 'tz', (0.0, 0.0, 0.0), True)
 *   >>> g.val = (1, 2, 3)         # or geo.parGroup.t = (1, 2, 3)
 *   >>> geo.pars('t?'), geo.parGroups('*')
 */
#include <fnmatch.h>
#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "bind/state.h"
#include "graph/network.h"

typedef struct {
    PyObject_HEAD
    TdOp *owner;
    Py_ssize_t start, count;
} TdParGroup;

/* ---- grouping ---- */

static int
same_group(const td_par_def *a, const td_par_def *b)
{
    size_t n = strlen(a->name);
    return n >= 2 && strlen(b->name) == n && strncmp(a->name, b->name, n - 1) == 0 && strcmp(a->label, b->label) == 0 &&
           strcmp(a->page, b->page) == 0;
}

void
td_pargroup_span(const td_op_class *cls, Py_ssize_t index, Py_ssize_t *start, Py_ssize_t *count)
{
    const td_par_def *me = &cls->pars[index];
    Py_ssize_t s = index, e = index + 1, n = (Py_ssize_t)cls->npars;
    while (s > 0 && same_group(&cls->pars[s - 1], me)) {
        s--;
    }
    while (e < n && same_group(&cls->pars[e], me)) {
        e++;
    }
    if (e - s < 2) {
        s = index;
        e = index + 1;
    }
    *start = s;
    *count = e - s;
}

PyObject *
td_pargroup_name(const td_op_class *cls, Py_ssize_t start, Py_ssize_t count)
{
    const char *name = cls->pars[start].name;
    size_t n = strlen(name);
    return PyUnicode_FromStringAndSize(name, (Py_ssize_t)(count > 1 ? n - 1 : n));
}

PyObject *
td_pargroup_new(td_state *st, TdOp *owner, Py_ssize_t start, Py_ssize_t count)
{
    TdParGroup *g = PyObject_GC_New(TdParGroup, st->ParGroup_type);
    if (g == NULL) {
        return NULL;
    }
    g->owner = (TdOp *)Py_NewRef((PyObject *)owner);
    g->start = start;
    g->count = count;
    PyObject_GC_Track(g);
    return (PyObject *)g;
}

/* Calls fn(start, count, name) for each group; stops at a non-zero result. */
static int
each_group(const td_op_class *cls, int (*fn)(Py_ssize_t, Py_ssize_t, PyObject *, void *), void *ctx)
{
    for (Py_ssize_t i = 0; i < (Py_ssize_t)cls->npars;) {
        Py_ssize_t start, count;
        td_pargroup_span(cls, i, &start, &count);
        PyObject *name = td_pargroup_name(cls, start, count);
        if (name == NULL) {
            return -1;
        }
        int rc = fn(start, count, name, ctx);
        Py_DECREF(name);
        if (rc != 0) {
            return rc;
        }
        i = start + count;
    }
    return 0;
}

typedef struct {
    td_state *st;
    TdOp *owner;
    PyObject *key;      /* find: the name */
    PyObject *patterns; /* matching: tuple of str */
    PyObject *out;      /* find: the group; matching: the list */
} td_group_search;

static int
find_one(Py_ssize_t start, Py_ssize_t count, PyObject *name, void *ctx)
{
    td_group_search *s = ctx;
    if (PyUnicode_Compare(name, s->key) != 0) {
        return PyErr_Occurred() ? -1 : 0;
    }
    s->out = td_pargroup_new(s->st, s->owner, start, count);
    return s->out != NULL ? 1 : -1;
}

PyObject *
td_pargroup_find(td_state *st, TdOp *owner, PyObject *name, int *err)
{
    td_group_search s = {.st = st, .owner = owner, .key = name};
    *err = each_group(owner->cls, find_one, &s) < 0;
    return s.out;
}

static int
match_one(Py_ssize_t start, Py_ssize_t count, PyObject *name, void *ctx)
{
    td_group_search *s = ctx;
    const char *n = PyUnicode_AsUTF8(name);
    if (n == NULL) {
        return -1;
    }
    for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(s->patterns); j++) {
        const char *pat = PyUnicode_AsUTF8(PyTuple_GET_ITEM(s->patterns, j));
        if (pat == NULL) {
            return -1;
        }
        if (fnmatch(pat, n, 0) == 0) {
            PyObject *g = td_pargroup_new(s->st, s->owner, start, count);
            int rc = g != NULL ? PyList_Append(s->out, g) : -1;
            Py_XDECREF(g);
            return rc;
        }
    }
    return 0;
}

PyObject *
td_pargroups_matching(td_state *st, TdOp *owner, PyObject *patterns)
{
    td_group_search s = {.st = st, .owner = owner, .patterns = patterns, .out = PyList_New(0)};
    if (s.out != NULL && each_group(owner->cls, match_one, &s) < 0) {
        Py_CLEAR(s.out);
    }
    return s.out;
}

/* ---- type slots ---- */

static int
pg_traverse(TdParGroup *g, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(g));
    Py_VISIT((PyObject *)g->owner);
    return 0;
}

static int
pg_clear(TdParGroup *g)
{
    Py_CLEAR(g->owner);
    return 0;
}

static void
pg_dealloc(TdParGroup *g)
{
    PyTypeObject *tp = Py_TYPE(g);
    PyObject_GC_UnTrack(g);
    pg_clear(g);
    PyObject_GC_Del(g);
    Py_DECREF(tp);
}

static TdOp *
live(TdParGroup *g)
{
    return g->owner == NULL || td_op_check(g->owner) < 0 ? NULL : g->owner;
}

/* A tuple of attribute attr of each Par of the group (or of the result of calling method attr). */
static PyObject *
each_par(TdParGroup *g, const char *attr, int call)
{
    TdOp *op = live(g);
    if (op == NULL) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)g);
    PyObject *out = PyTuple_New(g->count);
    for (Py_ssize_t i = 0; out != NULL && i < g->count; i++) {
        PyObject *p = td_par_new(st, op, g->start + i);
        PyObject *v = p == NULL ? NULL : call ? PyObject_CallMethod(p, attr, NULL) : PyObject_GetAttrString(p, attr);
        Py_XDECREF(p);
        if (v == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyTuple_SET_ITEM(out, i, v);
    }
    return out;
}

static PyObject *
pg_repr(TdParGroup *g)
{
    if (live(g) == NULL) {
        PyErr_Clear();
        return PyUnicode_FromString("<ParGroup (owner destroyed)>");
    }
    PyObject *name = td_pargroup_name(g->owner->cls, g->start, g->count);
    PyObject *path = name != NULL ? td_op_path(g->owner) : NULL;
    PyObject *r = path != NULL ? PyUnicode_FromFormat("<ParGroup %U:%U>", path, name) : NULL;
    Py_XDECREF(name);
    Py_XDECREF(path);
    return r;
}

static Py_ssize_t
pg_len(TdParGroup *g)
{
    return g->count;
}

static PyObject *
pg_item(TdParGroup *g, Py_ssize_t i)
{
    TdOp *op = live(g);
    if (op == NULL) {
        return NULL;
    }
    if (i < 0 || i >= g->count) {
        PyErr_SetString(PyExc_IndexError, "ParGroup index out of range");
        return NULL;
    }
    return td_par_new(td_state_of((PyObject *)g), op, g->start + i);
}

static PyObject *
pg_richcompare(TdParGroup *g, PyObject *other, int opid)
{
    if (opid != Py_EQ && opid != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *mine = each_par(g, "eval", 1);
    if (mine == NULL) {
        return NULL;
    }
    PyObject *theirs = Py_TYPE(other) == Py_TYPE(g) ? each_par((TdParGroup *)other, "eval", 1)
                                                    : (PySequence_Check(other) && !PyUnicode_Check(other)
                                                           ? PySequence_Tuple(other)
                                                           : NULL);
    if (theirs == NULL) {
        Py_DECREF(mine);
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *r = PyObject_RichCompare(mine, theirs, opid);
    Py_DECREF(mine);
    Py_DECREF(theirs);
    return r;
}

/* ---- members ---- */

static PyObject *
pg_get_name(TdParGroup *g, void *c)
{
    TdOp *op = live(g);
    if (op == NULL) {
        return NULL;
    }
    if (strcmp(c, "name") == 0) {
        return td_pargroup_name(op->cls, g->start, g->count);
    }
    return PyUnicode_FromString(op->cls->pars[g->start].label);
}

static PyObject *
pg_get_owner(TdParGroup *g, void *c)
{
    (void)c;
    TdOp *op = live(g);
    return op != NULL ? Py_NewRef((PyObject *)op) : NULL;
}

static PyObject *
pg_get_first(TdParGroup *g, void *c)
{
    /* page, style: those of its parameters */
    TdOp *op = live(g);
    if (op == NULL) {
        return NULL;
    }
    PyObject *p = td_par_new(td_state_of((PyObject *)g), op, g->start);
    PyObject *r = p != NULL ? PyObject_GetAttrString(p, c) : NULL;
    Py_XDECREF(p);
    return r;
}

static PyObject *
pg_get_each(TdParGroup *g, void *c)
{
    return each_par(g, c, 0);
}

static PyObject *
pg_get_all(TdParGroup *g, void *c)
{
    PyObject *t = each_par(g, c, 0);
    if (t == NULL) {
        return NULL;
    }
    int all = 1;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t) && all; i++) {
        all = PyTuple_GET_ITEM(t, i) == Py_True;
    }
    Py_DECREF(t);
    return PyBool_FromLong(all);
}

/* Sets attr of each Par from value: a sequence of len(group), or one value (str for expr) for all.
 * Values are checked first, so a bad one changes nothing. */
static int
pg_set_each(TdParGroup *g, PyObject *value, void *c)
{
    const char *attr = c;
    if (td_no_delete(value, attr) < 0) {
        return -1;
    }
    TdOp *op = live(g);
    if (op == NULL) {
        return -1;
    }
    PyObject *items = NULL;
    if (PyUnicode_Check(value) || !PySequence_Check(value)) {
        items = PyTuple_New(g->count);
        for (Py_ssize_t i = 0; items != NULL && i < g->count; i++) {
            PyTuple_SET_ITEM(items, i, Py_NewRef(value));
        }
    }
    else {
        items = PySequence_Tuple(value);
    }
    if (items == NULL) {
        return -1;
    }
    int rc = -1;
    if (PyTuple_GET_SIZE(items) != g->count) {
        PyErr_Format(PyExc_ValueError, "this parameter group has %zd parameters, not %zd values", g->count,
                     PyTuple_GET_SIZE(items));
        goto done;
    }
    if (strcmp(attr, "val") == 0) {
        for (Py_ssize_t i = 0; i < g->count; i++) {
            td_par_value v;
            if (td_par_convert(op, g->start + i, PyTuple_GET_ITEM(items, i), &v) < 0) {
                goto done;
            }
            Py_XDECREF(v.str);
        }
    }
    else if (strcmp(attr, "mode") == 0) {
        td_state *st = td_state_of((PyObject *)g);
        for (Py_ssize_t i = 0; i < g->count; i++) {
            PyObject *m = PyTuple_GET_ITEM(items, i);
            int is = PyObject_IsInstance(m, st->ParMode);
            if (is < 0) {
                goto done;
            }
            PyObject *value = is ? PyObject_GetAttrString(m, "value") : NULL;
            long k = value != NULL ? PyLong_AsLong(value) : -1;
            Py_XDECREF(value);
            if (PyErr_Occurred()) {
                goto done;
            }
            if (!is || (k != TD_MODE_CONSTANT && k != TD_MODE_EXPRESSION)) {
                PyErr_Format(is ? st->tdError : PyExc_TypeError,
                             "a group's mode takes ParMode.CONSTANT or ParMode.EXPRESSION, not %R", m);
                goto done;
            }
        }
    }
    else if (strcmp(attr, "expr") == 0) {
        for (Py_ssize_t i = 0; i < g->count; i++) {
            if (!PyUnicode_Check(PyTuple_GET_ITEM(items, i))) {
                PyErr_Format(PyExc_TypeError, "expressions are str, not %.100s",
                             Py_TYPE(PyTuple_GET_ITEM(items, i))->tp_name);
                goto done;
            }
        }
    }
    td_state *st = td_state_of((PyObject *)g);
    for (Py_ssize_t i = 0; i < g->count; i++) {
        PyObject *p = td_par_new(st, op, g->start + i);
        if (p == NULL || PyObject_SetAttrString(p, attr, PyTuple_GET_ITEM(items, i)) < 0) {
            Py_XDECREF(p);
            goto done;
        }
        Py_DECREF(p);
    }
    rc = 0;
done:
    Py_DECREF(items);
    return rc;
}

static PyObject *
pg_get_valid(TdParGroup *g, void *c)
{
    (void)c;
    return PyBool_FromLong(g->owner != NULL && g->owner->valid);
}

static PyObject *
pg_get_index(TdParGroup *g, void *c)
{
    (void)c;
    return live(g) != NULL ? PyLong_FromSsize_t(g->start) : NULL;
}

static PyGetSetDef pg_getset[] = {
    {"name", (getter)pg_get_name, NULL, "The group's name, e.g. 't' (read-only).", "name"},
    {"label", (getter)pg_get_name, NULL, "The group's label, e.g. 'Translate' (read-only).", "label"},
    {"owner", (getter)pg_get_owner, NULL, "The OP the group belongs to (read-only).", NULL},
    {"page", (getter)pg_get_first, NULL, "The Page the group is on (read-only).", "page"},
    {"style", (getter)pg_get_first, NULL, "The style of its parameters, e.g. 'Float' (read-only).", "style"},
    {"val", (getter)pg_get_each, (setter)pg_set_each,
     "The constants as a tuple; assign a tuple (or one value for all) to set them.", "val"},
    {"expr", (getter)pg_get_each, (setter)pg_set_each,
     "The expressions as a tuple; assign a tuple (or one str for all) to set them.", "expr"},
    {"mode", (getter)pg_get_each, (setter)pg_set_each,
     "The modes as a tuple; assign a tuple (or one ParMode for all).", "mode"},
    {"default", (getter)pg_get_each, NULL, "The defaults as a tuple (read-only).", "default"},
    {"isDefault", (getter)pg_get_all, NULL, "True if every parameter of the group is default (read-only).",
     "isDefault"},
    {"index", (getter)pg_get_index, NULL, "Index of the group's first parameter (read-only).", NULL},
    {"valid", (getter)pg_get_valid, NULL, "False once the owner was destroyed (read-only).", NULL},
    {NULL},
};

static PyObject *
pg_eval(TdParGroup *g, PyObject *unused)
{
    (void)unused;
    return each_par(g, "eval", 1);
}

static PyObject *
pg_reset(TdParGroup *g, PyObject *unused)
{
    (void)unused;
    PyObject *t = each_par(g, "reset", 1);
    if (t == NULL) {
        return NULL;
    }
    Py_DECREF(t);
    Py_RETURN_NONE;
}

static PyObject *
pg_pars(TdParGroup *g, PyObject *unused)
{
    (void)unused;
    TdOp *op = live(g);
    if (op == NULL) {
        return NULL;
    }
    PyObject *out = PyList_New(g->count);
    for (Py_ssize_t i = 0; out != NULL && i < g->count; i++) {
        PyObject *p = td_par_new(td_state_of((PyObject *)g), op, g->start + i);
        if (p == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, p);
    }
    return out;
}

static PyMethodDef pg_methods[] = {
    {"eval", (PyCFunction)pg_eval, METH_NOARGS,
     "eval($self, /)\n--\n\nThe current values of the group's parameters, as a tuple."},
    {"reset", (PyCFunction)pg_reset, METH_NOARGS, "reset($self, /)\n--\n\nReset every parameter of the group."},
    {"pars", (PyCFunction)pg_pars, METH_NOARGS, "pars($self, /)\n--\n\nThe group's parameters, as a list of Par."},
    {NULL},
};

static PyType_Slot pg_slots[] = {
    {Py_tp_doc, "ParGroup: parameters sharing one label on one dialog line (tx ty tz: the group 't').\n"
                "A sequence of Par; == compares its values with a tuple."},
    {Py_tp_traverse, pg_traverse},
    {Py_tp_clear, pg_clear},
    {Py_tp_dealloc, pg_dealloc},
    {Py_tp_repr, pg_repr},
    {Py_tp_hash, PyObject_HashNotImplemented},
    {Py_tp_richcompare, pg_richcompare},
    {Py_tp_getset, pg_getset},
    {Py_tp_methods, pg_methods},
    {Py_sq_length, pg_len},
    {Py_sq_item, pg_item},
    {0, NULL},
};

PyType_Spec td_ParGroup_spec = {
    .name = "td_render.ParGroup",
    .basicsize = sizeof(TdParGroup),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = pg_slots,
};
