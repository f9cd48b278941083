/* OP: the base class of every operator.
 *
 *   >>> geo = td.root.create(td.geometryCOMP, 'geo1')
 *   >>> geo.name, geo.path, geo.valid, geo.family, geo.OPType
 *   ('geo1', '/geo1', True, 'COMP', 'geometryCOMP')
 *   >>> geo.par.tx = 2; geo.destroy(); geo.valid
 *   False
 */
#include "graph/op.h"

#include <string.h>

#include "structmember.h"

#include "graph/par.h"
#include "graph/path.h"
#include "module.h"

/* ---- helpers used across the graph layer ---- */

int
td_op_check(TdOp *op)
{
    if (op->valid) {
        return 0;
    }
    td_state *st = td_state_of((PyObject *)op);
    PyErr_Format(st->tdError, "this %s was destroyed; its object can no longer be used", op->cls->optype);
    return -1;
}

void
td_op_touch(TdOp *op)
{
    td_state *st = td_state_of((PyObject *)op);
    st->serial++;
    op->version = st->serial;
}

int
td_op_is(TdOp *op, td_base_id base)
{
    td_state *st = td_state_of((PyObject *)op);
    return PyObject_TypeCheck((PyObject *)op, st->base_types[base]);
}

TdOp *
td_op_new(PyTypeObject *type, const td_op_class *cls, TdOp *parent, PyObject *name)
{
    td_state *st = td_state_of_type(type);
    TdOp *op = PyObject_GC_New(TdOp, type);
    if (op == NULL) {
        return NULL;
    }
    op->cls = cls;
    op->name = Py_NewRef(name);
    op->parent = (TdOp *)Py_XNewRef((PyObject *)parent);
    op->children = NULL;
    op->pars = NULL;
    op->ext = NULL;
    op->weakrefs = NULL;
    op->valid = 1;
    op->id = ++st->next_id;
    op->version = 0;
    PyObject_GC_Track(op);
    if (cls->base == TD_BASE_COMP || cls->base == TD_BASE_OBJECT) {
        op->children = PyList_New(0);
        if (op->children == NULL) {
            Py_DECREF(op);
            return NULL;
        }
    }
    if (cls->npars > 0) {
        op->pars = PyMem_Calloc(cls->npars, sizeof(td_par_value));
        if (op->pars == NULL) {
            Py_DECREF(op);
            PyErr_NoMemory();
            return NULL;
        }
        for (size_t i = 0; i < cls->npars; i++) {
            const td_par_def *d = &cls->pars[i];
            op->pars[i].num = d->def;
            if (d->kind == TD_PAR_STR || d->kind == TD_PAR_OP) {
                op->pars[i].str = PyUnicode_FromString(d->sdef != NULL ? d->sdef : "");
                if (op->pars[i].str == NULL) {
                    Py_DECREF(op);
                    return NULL;
                }
            }
        }
    }
    td_op_touch(op);
    return op;
}

static void
clear_pars(TdOp *op)
{
    if (op->pars == NULL) {
        return;
    }
    td_par_value *pars = op->pars;
    op->pars = NULL;
    for (size_t i = 0; i < op->cls->npars; i++) {
        Py_CLEAR(pars[i].str);
    }
    PyMem_Free(pars);
}

void
td_op_destroy(TdOp *op)
{
    if (!op->valid) {
        return;
    }
    op->valid = 0;
    if (op->children != NULL) {
        /* Destroy children from a snapshot: destroying one edits the list. */
        PyObject *kids = PySequence_List(op->children);
        if (kids != NULL) {
            for (Py_ssize_t i = 0; i < PyList_GET_SIZE(kids); i++) {
                td_op_destroy((TdOp *)PyList_GET_ITEM(kids, i));
            }
            Py_DECREF(kids);
        }
        else {
            PyErr_Clear();
        }
        Py_CLEAR(op->children);
    }
    if (op->cls->release != NULL) {
        op->cls->release(op);
    }
    TdOp *parent = op->parent;
    if (parent != NULL && parent->children != NULL) {
        Py_ssize_t n = PyList_GET_SIZE(parent->children);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyList_GET_ITEM(parent->children, i) == (PyObject *)op) {
                PySequence_DelItem(parent->children, i);
                break;
            }
        }
        td_op_touch(parent);
    }
    op->parent = NULL;
    Py_XDECREF(parent);
    clear_pars(op);
    td_state_of((PyObject *)op)->serial++;
}

PyObject *
td_op_path(TdOp *op)
{
    if (op->parent == NULL) {
        return PyUnicode_FromString("/");
    }
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (TdOp *o = op; o != NULL && o->parent != NULL; o = o->parent) {
        if (PyList_Insert(parts, 0, o->name) < 0) {
            Py_DECREF(parts);
            return NULL;
        }
    }
    PyObject *sep = PyUnicode_FromString("/");
    PyObject *joined = sep != NULL ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (joined == NULL) {
        return NULL;
    }
    PyObject *path = PyUnicode_FromFormat("/%U", joined);
    Py_DECREF(joined);
    return path;
}

/* ---- type slots ---- */

static int
op_traverse(TdOp *op, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(op->name);
    Py_VISIT((PyObject *)op->parent);
    Py_VISIT(op->children);
    if (op->pars != NULL) {
        for (size_t i = 0; i < op->cls->npars; i++) {
            Py_VISIT(op->pars[i].str);
        }
    }
    return 0;
}

static int
op_clear(TdOp *op)
{
    Py_CLEAR(op->children);
    TdOp *parent = op->parent;
    op->parent = NULL;
    Py_XDECREF(parent);
    clear_pars(op);
    return 0;
}

static void
op_dealloc(TdOp *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (op->weakrefs != NULL) {
        PyObject_ClearWeakRefs((PyObject *)op);
    }
    if (op->cls->release != NULL) {
        op->cls->release(op);
    }
    op_clear(op);
    Py_CLEAR(op->name);
    PyObject_GC_Del(op);
    Py_DECREF(tp);
}

static PyObject *
op_repr(TdOp *op)
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

/* ---- members ---- */

#define CHECK(op, ret)             \
    do {                           \
        if (td_op_check(op) < 0) { \
            return ret;            \
        }                          \
    } while (0)

static PyObject *
op_get_valid(TdOp *op, void *c)
{
    (void)c;
    return PyBool_FromLong(op->valid);
}

static PyObject *
op_get_name(TdOp *op, void *c)
{
    (void)c;
    CHECK(op, NULL);
    return Py_NewRef(op->name);
}

static int
op_set_name(TdOp *op, PyObject *value, void *c)
{
    (void)c;
    CHECK(op, -1);
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "an operator's name cannot be deleted");
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
    Py_SETREF(op->name, name);
    td_op_touch(op);
    return 0;
}

static PyObject *
op_get_path(TdOp *op, void *c)
{
    (void)c;
    CHECK(op, NULL);
    return td_op_path(op);
}

static PyObject *
op_get_id(TdOp *op, void *c)
{
    (void)c;
    CHECK(op, NULL);
    return PyLong_FromUnsignedLongLong(op->id);
}

static PyObject *
op_get_par(TdOp *op, void *c)
{
    (void)c;
    CHECK(op, NULL);
    return td_parcollection_new(td_state_of((PyObject *)op), op);
}

static PyObject *
op_get_string(TdOp *op, void *c)
{
    CHECK(op, NULL);
    const char *which = c;
    const td_op_class *cls = op->cls;
    const char *s = strcmp(which, "family") == 0    ? cls->family
                    : strcmp(which, "OPType") == 0  ? cls->optype
                    : strcmp(which, "label") == 0   ? cls->label
                    : strcmp(which, "subType") == 0 ? cls->subtype
                                                    : NULL;
    if (strcmp(which, "type") == 0) {
        /* TouchDesigner's type string: the class name without its family, e.g. 'render'. */
        size_t n = strlen(cls->optype) - strlen(cls->family);
        return PyUnicode_FromStringAndSize(cls->optype, (Py_ssize_t)n);
    }
    return PyUnicode_FromString(s != NULL ? s : "");
}

static PyObject *
op_get_is(TdOp *op, void *c)
{
    CHECK(op, NULL);
    const char *family = c;
    if (strcmp(family, "object") == 0) {
        return PyBool_FromLong(op->cls->base == TD_BASE_OBJECT);
    }
    return PyBool_FromLong(strcmp(op->cls->family, family) == 0);
}

static PyObject *
op_get_children(TdOp *op, void *c)
{
    (void)c;
    CHECK(op, NULL);
    return op->children != NULL ? PySequence_List(op->children) : PyList_New(0);
}

static PyObject *
op_get_numchildren(TdOp *op, void *c)
{
    (void)c;
    CHECK(op, NULL);
    return PyLong_FromSsize_t(op->children != NULL ? PyList_GET_SIZE(op->children) : 0);
}

static PyGetSetDef op_getset[] = {
    {"valid", (getter)op_get_valid, NULL, "True while the operator exists, False once destroyed.", NULL},
    {"name", (getter)op_get_name, (setter)op_set_name,
     "The operator's name; assign to rename (letters, digits and _; unique in its parent).", NULL},
    {"path", (getter)op_get_path, NULL, "Full path of the operator, e.g. '/geo1/sphere1'.", NULL},
    {"id", (getter)op_get_id, NULL, "Unique integer id of the operator in this process.", NULL},
    {"par", (getter)op_get_par, NULL, "The parameters: op.par.tx, op.par['tx']; assign to set.", NULL},
    {"family", (getter)op_get_string, NULL, "Operator family: 'TOP', 'COMP', 'SOP' or 'MAT'.", "family"},
    {"OPType", (getter)op_get_string, NULL, "Python class name as a string, e.g. 'renderTOP'.", "OPType"},
    {"type", (getter)op_get_string, NULL, "Operator type without its family, e.g. 'render'.", "type"},
    {"label", (getter)op_get_string, NULL, "Operator type label, e.g. 'Render'.", "label"},
    {"subType", (getter)op_get_string, NULL, "'object' for object COMPs, '' otherwise.", "subType"},
    {"isTOP", (getter)op_get_is, NULL, "True if the operator is a TOP.", "TOP"},
    {"isCOMP", (getter)op_get_is, NULL, "True if the operator is a component.", "COMP"},
    {"isSOP", (getter)op_get_is, NULL, "True if the operator is a SOP.", "SOP"},
    {"isMAT", (getter)op_get_is, NULL, "True if the operator is a material.", "MAT"},
    {"isCHOP", (getter)op_get_is, NULL, "True if the operator is a CHOP (none exist here).", "CHOP"},
    {"isDAT", (getter)op_get_is, NULL, "True if the operator is a DAT (none exist here).", "DAT"},
    {"isObject", (getter)op_get_is, NULL, "True if the operator is an object COMP.", "object"},
    {"children", (getter)op_get_children, NULL, "Operators inside this one (empty for non-COMPs).", NULL},
    {"numChildren", (getter)op_get_numchildren, NULL, "Number of operators inside this one.", NULL},
    {NULL},
};

/* ---- methods ---- */

static PyObject *
op_destroy_method(TdOp *op, PyObject *unused)
{
    (void)unused;
    CHECK(op, NULL);
    if (op->parent == NULL) {
        PyErr_SetString(td_state_of((PyObject *)op)->tdError, "the root cannot be destroyed");
        return NULL;
    }
    td_op_destroy(op);
    Py_RETURN_NONE;
}

/* The network relative paths start from: a COMP itself, or the parent of any other OP. */
static TdOp *
lookup_base(TdOp *op)
{
    return op->children != NULL ? op : op->parent;
}

static PyObject *
op_op_method(TdOp *op, PyObject *arg)
{
    CHECK(op, NULL);
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "op() takes a path string, not %.100s", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    const char *path = PyUnicode_AsUTF8(arg);
    if (path == NULL) {
        return NULL;
    }
    TdOp *found = td_path_resolve(lookup_base(op), path);
    if (found == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    return Py_NewRef((PyObject *)found);
}

static PyObject *
op_ops_method(TdOp *op, PyObject *args)
{
    CHECK(op, NULL);
    TdOp *base = lookup_base(op);
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *pat = PyTuple_GET_ITEM(args, i);
        if (!PyUnicode_Check(pat)) {
            PyErr_Format(PyExc_TypeError, "ops() takes pattern strings, not %.100s", Py_TYPE(pat)->tp_name);
            Py_DECREF(out);
            return NULL;
        }
        const char *s = PyUnicode_AsUTF8(pat);
        if (s == NULL || td_pattern_collect(base, s, NULL, out) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static PyObject *
op_parent_method(TdOp *op, PyObject *const *args, Py_ssize_t nargs)
{
    CHECK(op, NULL);
    long n = 1;
    if (nargs > 1) {
        PyErr_SetString(PyExc_TypeError, "parent() takes at most one argument");
        return NULL;
    }
    if (nargs == 1) {
        n = PyLong_AsLong(args[0]);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
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

static PyMethodDef op_methods[] = {
    {"destroy", (PyCFunction)op_destroy_method, METH_NOARGS,
     "destroy($self, /)\n--\n\nDestroy the operator and everything inside it. Its Python object stays, with valid False;\n"
     "any other use raises td_render.tdError."},
    {"op", (PyCFunction)op_op_method, METH_O,
     "op($self, path, /)\n--\n\nThe operator at path, relative to this COMP (or to this OP's parent network):\n"
     "'geo1', 'geo1/sphere1', '../cam1', '/render1'. None if nothing is there."},
    {"ops", (PyCFunction)op_ops_method, METH_VARARGS,
     "ops($self, /, *patterns)\n--\n\nOperators matching the patterns (glob patterns, space-separated, ^ excludes),\n"
     "relative to this COMP (or this OP's parent network)."},
    {"parent", (PyCFunction)(void (*)(void))op_parent_method, METH_FASTCALL,
     "parent($self, n=1, /)\n--\n\nThe n-th parent component (parent(0) is the operator itself)."},
    {NULL},
};

static PyMemberDef op_members[] = {
    {"__weaklistoffset__", T_PYSSIZET, offsetof(TdOp, weakrefs), READONLY, NULL},
    {NULL},
};

static PyType_Slot op_slots[] = {
    {Py_tp_doc, "OP: the base class of every operator.\n\n"
                "Operators are made with COMP.create() and live in a network rooted at td_render.root.\n"
                "An OP object is the operator itself: destroy() makes every reference to it invalid."},
    {Py_tp_traverse, op_traverse},
    {Py_tp_clear, op_clear},
    {Py_tp_dealloc, op_dealloc},
    {Py_tp_repr, op_repr},
    {Py_tp_getset, op_getset},
    {Py_tp_methods, op_methods},
    {Py_tp_members, op_members},
    {0, NULL},
};

PyType_Spec td_OP_spec = {
    .name = "td_render.OP",
    .basicsize = sizeof(TdOp),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = op_slots,
};
