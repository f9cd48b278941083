/* ParCollection: op.par, the parameters of one operator by name, and op.parGroup, its parameter
 * groups by name (the same type in group mode).
 *
 *   >>> cam.par.tz              # a Par
 *   >>> cam.par.tz = 3          # set
 *   >>> cam.par['fov'], 'fov' in cam.par, [p.name for p in cam.par][:3]
 *   >>> cam.par.nosuch          # AttributeError naming the operator type
 *   >>> cam.parGroup.t = (1, 2, 3); cam.parGroup['t'].eval()
 *   (1.0, 2.0, 3.0)
 */
#include <string.h>

#include "graph/par.h"
#include "bind/state.h"

typedef struct {
    PyObject_HEAD
    TdOp *owner;
    int groups; /* 1: op.parGroup */
} TdParCollection;

PyObject *
td_parcollection_new(td_state *st, TdOp *owner, int groups)
{
    TdParCollection *pc = PyObject_GC_New(TdParCollection, st->ParCollection_type);
    if (pc == NULL) {
        return NULL;
    }
    pc->owner = (TdOp *)Py_NewRef((PyObject *)owner);
    pc->groups = groups;
    PyObject_GC_Track(pc);
    return (PyObject *)pc;
}

static int
pc_traverse(TdParCollection *pc, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(pc));
    Py_VISIT((PyObject *)pc->owner);
    return 0;
}

static int
pc_clear(TdParCollection *pc)
{
    Py_CLEAR(pc->owner);
    return 0;
}

static void
pc_dealloc(TdParCollection *pc)
{
    PyTypeObject *tp = Py_TYPE(pc);
    PyObject_GC_UnTrack(pc);
    pc_clear(pc);
    PyObject_GC_Del(pc);
    Py_DECREF(tp);
}

/* Index of the parameter named by a str key, -1 if none (no error), -2 on error. */
static Py_ssize_t
find(TdParCollection *pc, PyObject *key)
{
    if (!PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, "parameter names are str, not %.100s", Py_TYPE(key)->tp_name);
        return -2;
    }
    const char *s = PyUnicode_AsUTF8(key);
    if (s == NULL) {
        return -2;
    }
    return td_par_index(pc->owner->cls, s);
}

/* The ParGroup named key: new reference; NULL with *err 0 if none, 1 on error. */
static PyObject *
find_group(TdParCollection *pc, PyObject *key, int *err)
{
    if (!PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, "parameter group names are str, not %.100s", Py_TYPE(key)->tp_name);
        *err = 1;
        return NULL;
    }
    return td_pargroup_find(td_state_of((PyObject *)pc), pc->owner, key, err);
}

static int
set_group(TdParCollection *pc, PyObject *key, PyObject *value, PyObject *missing_exc)
{
    int err = 0;
    PyObject *g = find_group(pc, key, &err);
    if (g == NULL) {
        if (!err) {
            PyErr_Format(missing_exc, "%s has no parameter group '%U'", pc->owner->cls->optype, key);
        }
        return -1;
    }
    if (value == NULL) {
        Py_DECREF(g);
        PyErr_SetString(PyExc_AttributeError, "parameter groups cannot be deleted");
        return -1;
    }
    int rc = PyObject_SetAttrString(g, "val", value);
    Py_DECREF(g);
    return rc;
}

static PyObject *
pc_getattro(TdParCollection *pc, PyObject *name)
{
    if (td_op_check(pc->owner) < 0) {
        return NULL;
    }
    if (pc->groups) {
        int err = 0;
        PyObject *g = find_group(pc, name, &err);
        if (g != NULL || err) {
            return g;
        }
        PyObject *r = PyObject_GenericGetAttr((PyObject *)pc, name);
        if (r == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Format(PyExc_AttributeError, "%s has no parameter group '%U'", pc->owner->cls->optype, name);
        }
        return r;
    }
    Py_ssize_t i = find(pc, name);
    if (i >= 0) {
        return td_par_new(td_state_of((PyObject *)pc), pc->owner, i);
    }
    if (i == -2) {
        return NULL;
    }
    PyObject *r = PyObject_GenericGetAttr((PyObject *)pc, name);
    if (r == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Format(PyExc_AttributeError, "%s has no parameter '%U'", pc->owner->cls->optype, name);
    }
    return r;
}

static int
pc_setattro(TdParCollection *pc, PyObject *name, PyObject *value)
{
    if (td_op_check(pc->owner) < 0) {
        return -1;
    }
    if (pc->groups) {
        return set_group(pc, name, value, PyExc_AttributeError);
    }
    Py_ssize_t i = find(pc, name);
    if (i == -2) {
        return -1;
    }
    if (i < 0) {
        PyErr_Format(PyExc_AttributeError, "%s has no parameter '%U'", pc->owner->cls->optype, name);
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "parameters cannot be deleted");
        return -1;
    }
    return td_par_assign(pc->owner, i, value);
}

static PyObject *
pc_getitem(TdParCollection *pc, PyObject *key)
{
    if (td_op_check(pc->owner) < 0) {
        return NULL;
    }
    if (pc->groups) {
        int err = 0;
        PyObject *g = find_group(pc, key, &err);
        if (g == NULL && !err) {
            PyErr_Format(PyExc_KeyError, "%s has no parameter group '%U'", pc->owner->cls->optype, key);
        }
        return g;
    }
    Py_ssize_t i = find(pc, key);
    if (i == -2) {
        return NULL;
    }
    if (i < 0) {
        PyErr_Format(PyExc_KeyError, "%s has no parameter '%U'", pc->owner->cls->optype, key);
        return NULL;
    }
    return td_par_new(td_state_of((PyObject *)pc), pc->owner, i);
}

static int
pc_setitem(TdParCollection *pc, PyObject *key, PyObject *value)
{
    if (td_op_check(pc->owner) < 0) {
        return -1;
    }
    if (pc->groups) {
        return set_group(pc, key, value, PyExc_KeyError);
    }
    Py_ssize_t i = find(pc, key);
    if (i == -2) {
        return -1;
    }
    if (i < 0) {
        PyErr_Format(PyExc_KeyError, "%s has no parameter '%U'", pc->owner->cls->optype, key);
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "parameters cannot be deleted");
        return -1;
    }
    return td_par_assign(pc->owner, i, value);
}

/* All groups, in order: a new list. */
static PyObject *
all_groups(TdParCollection *pc)
{
    PyObject *star = Py_BuildValue("(s)", "*");
    PyObject *r = star != NULL ? td_pargroups_matching(td_state_of((PyObject *)pc), pc->owner, star) : NULL;
    Py_XDECREF(star);
    return r;
}

static Py_ssize_t
pc_len(TdParCollection *pc)
{
    if (td_op_check(pc->owner) < 0) {
        return -1;
    }
    if (pc->groups) {
        PyObject *g = all_groups(pc);
        Py_ssize_t n = g != NULL ? PyList_GET_SIZE(g) : -1;
        Py_XDECREF(g);
        return n;
    }
    return (Py_ssize_t)pc->owner->cls->npars;
}

static int
pc_contains(TdParCollection *pc, PyObject *key)
{
    if (!PyUnicode_Check(key) || td_op_check(pc->owner) < 0) {
        return PyErr_Occurred() ? -1 : 0;
    }
    if (pc->groups) {
        int err = 0;
        PyObject *g = find_group(pc, key, &err);
        Py_XDECREF(g);
        return err ? -1 : g != NULL;
    }
    Py_ssize_t i = find(pc, key);
    return i == -2 ? -1 : i >= 0;
}

static PyObject *
pc_iter(TdParCollection *pc)
{
    if (td_op_check(pc->owner) < 0) {
        return NULL;
    }
    if (pc->groups) {
        PyObject *g = all_groups(pc);
        PyObject *it = g != NULL ? PyObject_GetIter(g) : NULL;
        Py_XDECREF(g);
        return it;
    }
    td_state *st = td_state_of((PyObject *)pc);
    PyObject *list = PyList_New((Py_ssize_t)pc->owner->cls->npars);
    if (list == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < pc->owner->cls->npars; i++) {
        PyObject *p = td_par_new(st, pc->owner, (Py_ssize_t)i);
        if (p == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, p);
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

static PyObject *
pc_dir(TdParCollection *pc, PyObject *unused)
{
    (void)unused;
    if (td_op_check(pc->owner) < 0) {
        return NULL;
    }
    const td_op_class *cls = pc->owner->cls;
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list != NULL && i < cls->npars; i++) {
        Py_ssize_t start = (Py_ssize_t)i, count = 1;
        if (pc->groups) {
            td_pargroup_span(cls, (Py_ssize_t)i, &start, &count);
            if (start != (Py_ssize_t)i) {
                continue;
            }
        }
        PyObject *s = pc->groups ? td_pargroup_name(cls, start, count) : PyUnicode_FromString(cls->pars[i].name);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_CLEAR(list);
        }
        Py_XDECREF(s);
    }
    return list;
}

static PyObject *
pc_repr(TdParCollection *pc)
{
    return PyUnicode_FromFormat("<%s of %s>", pc->groups ? "ParGroupCollection" : "ParCollection",
                                pc->owner->cls->optype);
}

static PyMethodDef pc_methods[] = {
    {"__dir__", (PyCFunction)pc_dir, METH_NOARGS,
     "__dir__($self, /)\n--\n\nParameter (or group) names, for tab completion."},
    {NULL},
};

static PyType_Slot pc_slots[] = {
    {Py_tp_doc, "ParCollection: an operator's parameters by name (op.par.tx, op.par['tx']), or its parameter\n"
                "groups by name (op.parGroup.t, a ParGroup; assign a tuple to set the group).\n"
                "Unknown names raise AttributeError (attribute access) or KeyError (indexing)."},
    {Py_tp_traverse, pc_traverse},
    {Py_tp_clear, pc_clear},
    {Py_tp_dealloc, pc_dealloc},
    {Py_tp_getattro, pc_getattro},
    {Py_tp_setattro, pc_setattro},
    {Py_tp_iter, pc_iter},
    {Py_tp_repr, pc_repr},
    {Py_tp_methods, pc_methods},
    {Py_mp_subscript, pc_getitem},
    {Py_mp_ass_subscript, pc_setitem},
    {Py_mp_length, pc_len},
    {Py_sq_contains, pc_contains},
    {0, NULL},
};

PyType_Spec td_ParCollection_spec = {
    .name = "td_render.ParCollection",
    .basicsize = sizeof(TdParCollection),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = pc_slots,
};
