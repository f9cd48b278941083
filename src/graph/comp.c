/* COMP: operators that hold other operators.
 *
 *   >>> geo = td.root.create(td.geometryCOMP)        # auto-named geo1
 *   >>> geo.create('sphereSOP', 'ball')              # a class or its name
 *   >>> geo.children, geo.op('ball')
 */
#include <string.h>

#include "graph/path.h"
#include "module.h"

/* name or the first free name made from it: "geo" -> geo1, "geo1" -> geo2 if geo1 is taken. */
static PyObject *
free_name(TdOp *comp, PyObject *wanted)
{
    if (td_path_child(comp, wanted) == NULL) {
        return Py_NewRef(wanted);
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(wanted);
    Py_ssize_t cut = n;
    while (cut > 0 && Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(wanted, cut - 1))) {
        cut--;
    }
    PyObject *stem = PyUnicode_Substring(wanted, 0, cut);
    if (stem == NULL) {
        return NULL;
    }
    for (long i = 1;; i++) {
        PyObject *cand = PyUnicode_FromFormat("%U%ld", stem, i);
        if (cand == NULL) {
            Py_DECREF(stem);
            return NULL;
        }
        if (td_path_child(comp, cand) == NULL) {
            Py_DECREF(stem);
            return cand;
        }
        Py_DECREF(cand);
    }
}

static PyObject *
comp_create(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"OPtype", "name", "initialize", NULL};
    PyObject *type_arg = NULL, *name = Py_None;
    int initialize = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|Op:create", kwlist, &type_arg, &name, &initialize)) {
        return NULL;
    }
    if (td_op_check(self) < 0) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)self);
    const td_op_class *cls = NULL;
    if (PyType_Check(type_arg)) {
        cls = td_class_of_type(st, (PyTypeObject *)type_arg);
        if (cls == NULL) {
            PyErr_Format(PyExc_TypeError, "create() needs an operator type such as td_render.renderTOP, not %R",
                         type_arg);
            return NULL;
        }
    }
    else if (PyUnicode_Check(type_arg)) {
        const char *s = PyUnicode_AsUTF8(type_arg);
        if (s == NULL) {
            return NULL;
        }
        cls = td_class_by_name(s);
        if (cls == NULL) {
            PyErr_Format(PyExc_ValueError, "unknown operator type %R (e.g. 'renderTOP', 'geometryCOMP')", type_arg);
            return NULL;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "create() needs an operator type or its name, not %.100s",
                     Py_TYPE(type_arg)->tp_name);
        return NULL;
    }
    PyObject *wanted = NULL;
    if (name == Py_None) {
        wanted = PyUnicode_FromFormat("%s1", cls->base_name);
    }
    else {
        if (td_name_validate(name) < 0) {
            return NULL;
        }
        wanted = PyUnicode_FromObject(name); /* an exact str, even from a str subclass */
    }
    if (wanted == NULL) {
        return NULL;
    }
    PyObject *final = free_name(self, wanted);
    Py_DECREF(wanted);
    if (final == NULL) {
        return NULL;
    }
    PyTypeObject *type = td_type_of_class(st, cls);
    TdOp *op = type != NULL ? td_op_new(type, cls, self, final) : NULL;
    Py_DECREF(final);
    if (op == NULL) {
        return NULL;
    }
    if (PyList_Append(self->children, (PyObject *)op) < 0) {
        td_op_destroy(op);
        Py_DECREF(op);
        return NULL;
    }
    td_op_touch(self);
    return (PyObject *)op;
}

static PyMethodDef comp_methods[] = {
    {"create", (PyCFunction)(void (*)(void))comp_create, METH_VARARGS | METH_KEYWORDS,
     "create($self, /, OPtype, name=None, initialize=True)\n--\n\n"
     "Create an operator inside this component. OPtype is an operator class (td_render.renderTOP)\n"
     "or its name ('renderTOP'). Without a name the type's default stem is numbered (render1,\n"
     "render2, ...); a name already taken is numbered the same way. initialize is accepted for\n"
     "TouchDesigner compatibility (there are no init scripts to skip)."},
    {NULL},
};

static PyType_Slot comp_slots[] = {
    {Py_tp_doc, "COMP: a component, an operator that contains other operators (children)."},
    {Py_tp_methods, comp_methods},
    {0, NULL},
};

PyType_Spec td_COMP_spec = {
    .name = "td_render.COMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = comp_slots,
};
