/* What Position and Vector share: argument parsing, x y z, indexing, repr, ==, the buffer and
 * TouchDesigner's arithmetic rules between them, scalars and matrices. No type is defined here
 * (position.c and vector.c hold the two types). */
#include <math.h>
#include <string.h>

#include "graph/matrix.h"
#include "util/mat4.h"

enum { KIND_OTHER = 0, KIND_POSITION, KIND_VECTOR, KIND_MATRIX };

td_state *
td_pair_state(PyObject *a, PyObject *b)
{
    PyObject *objs[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        if (objs[i] != NULL && PyType_HasFeature(Py_TYPE(objs[i]), Py_TPFLAGS_HEAPTYPE)) {
            PyObject *m = PyType_GetModuleByDef(Py_TYPE(objs[i]), &td_module_def);
            if (m != NULL) {
                return PyModule_GetState(m);
            }
            PyErr_Clear();
        }
    }
    return NULL;
}

static int
kind_of(td_state *st, PyObject *o)
{
    PyTypeObject *t = Py_TYPE(o);
    return t == st->Position_type ? KIND_POSITION : t == st->Vector_type ? KIND_VECTOR
                                                : t == st->Matrix_type   ? KIND_MATRIX
                                                                         : KIND_OTHER;
}

/* A plain number (not one of ours, not a sequence): 1 and *d, or 0. */
static int
scalar_of(PyObject *o, double *d)
{
    if (!(PyFloat_Check(o) || PyLong_Check(o) || (PyNumber_Check(o) && !PySequence_Check(o)))) {
        return 0;
    }
    *d = PyFloat_AsDouble(o);
    if (*d == -1.0 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return 1;
}

int
td_vec3_values(td_state *st, PyObject *o, double out[3], const char *what)
{
    int k = kind_of(st, o);
    if (k == KIND_POSITION || k == KIND_VECTOR) {
        memcpy(out, ((TdVec3 *)o)->v, 3 * sizeof(double));
        return 0;
    }
    if (k == KIND_OTHER && PySequence_Check(o) && !PyUnicode_Check(o) && !PyBytes_Check(o)) {
        PyObject *seq = PySequence_Fast(o, what);
        if (seq == NULL) {
            return -1;
        }
        int ok = PySequence_Fast_GET_SIZE(seq) == 3;
        for (Py_ssize_t i = 0; ok && i < 3; i++) {
            out[i] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));
            if (out[i] == -1.0 && PyErr_Occurred()) {
                PyErr_Clear();
                ok = 0;
            }
        }
        Py_DECREF(seq);
        if (ok) {
            return 0;
        }
    }
    PyErr_Format(PyExc_TypeError, "%s: expected a Position, a Vector or 3 numbers, not %.200s", what,
                 Py_TYPE(o)->tp_name);
    return -1;
}

PyObject *
td_vec3_make(PyTypeObject *type, const double v[3])
{
    TdVec3 *p = PyObject_New(TdVec3, type);
    if (p != NULL) {
        p->v[0] = v[0];
        p->v[1] = v[1];
        p->v[2] = v[2];
    }
    return (PyObject *)p;
}

void
td_vec3_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject_Free(self);
    Py_DECREF(type);
}

int
td_vec3_parse_args(td_state *st, PyObject *args, PyObject *kwargs, const char *name, double out[3])
{
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) > 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    out[0] = out[1] = out[2] = 0.0;
    if (n == 0) {
        return 0;
    }
    if (n == 1) {
        PyObject *a = PyTuple_GET_ITEM(args, 0);
        double d;
        if (kind_of(st, a) == KIND_OTHER && scalar_of(a, &d)) {
            out[0] = out[1] = out[2] = d;
            return 0;
        }
        return td_vec3_values(st, a, out, name);
    }
    if (n == 3) {
        for (int i = 0; i < 3; i++) {
            out[i] = PyFloat_AsDouble(PyTuple_GET_ITEM(args, i));
            if (out[i] == -1.0 && PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "%s(x, y, z): x, y and z must be numbers", name);
                return -1;
            }
        }
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s() takes no arguments, 1 (a number, a Position, a Vector or 3 numbers) "
                 "or 3 (x, y, z); got %zd", name, n);
    return -1;
}

/* ---- members, indexing ---- */

static PyObject *
get_component(PyObject *self, void *c)
{
    return PyFloat_FromDouble(((TdVec3 *)self)->v[(intptr_t)c]);
}

static int
set_component(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete a component");
        return -1;
    }
    double d = PyFloat_AsDouble(value);
    if (d == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    ((TdVec3 *)self)->v[(intptr_t)c] = d;
    return 0;
}

PyGetSetDef td_vec3_getset[] = {
    {"x", get_component, set_component, "The X component.", (void *)0},
    {"y", get_component, set_component, "The Y component.", (void *)1},
    {"z", get_component, set_component, "The Z component.", (void *)2},
    {NULL},
};

Py_ssize_t
td_vec3_length(PyObject *self)
{
    (void)self;
    return 3;
}

PyObject *
td_vec3_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i > 2) {
        PyErr_SetString(PyExc_IndexError, "index out of range (0, 1 or 2)");
        return NULL;
    }
    return PyFloat_FromDouble(((TdVec3 *)self)->v[i]);
}

int
td_vec3_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    if (i < 0 || i > 2) {
        PyErr_SetString(PyExc_IndexError, "index out of range (0, 1 or 2)");
        return -1;
    }
    return set_component(self, value, (void *)(intptr_t)i);
}

PyObject *
td_vec3_repr(PyObject *self)
{
    const double *v = ((TdVec3 *)self)->v;
    const char *name = strrchr(Py_TYPE(self)->tp_name, '.');
    name = name != NULL ? name + 1 : Py_TYPE(self)->tp_name;
    char *parts[3] = {NULL, NULL, NULL};
    PyObject *out = NULL;
    for (int i = 0; i < 3; i++) {
        parts[i] = PyOS_double_to_string(v[i], 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    }
    if (parts[0] != NULL && parts[1] != NULL && parts[2] != NULL) {
        out = PyUnicode_FromFormat("%s(%s, %s, %s)", name, parts[0], parts[1], parts[2]);
    }
    for (int i = 0; i < 3; i++) {
        PyMem_Free(parts[i]);
    }
    return out;
}

PyObject *
td_vec3_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != Py_TYPE(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    const double *x = ((TdVec3 *)a)->v, *y = ((TdVec3 *)b)->v;
    int eq = x[0] == y[0] && x[1] == y[1] && x[2] == y[2];
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

int
td_vec3_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    static Py_ssize_t shape[1] = {3}, strides[1] = {sizeof(double)};
    if (flags & PyBUF_WRITABLE) {
        PyErr_SetString(PyExc_BufferError, "the buffer of a Position or Vector is read-only");
        view->obj = NULL;
        return -1;
    }
    view->obj = Py_NewRef(self);
    view->buf = ((TdVec3 *)self)->v;
    view->len = 3 * sizeof(double);
    view->readonly = 1;
    view->itemsize = sizeof(double);
    view->format = (flags & PyBUF_FORMAT) ? "d" : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) ? shape : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? strides : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static PyObject *
new_like(PyObject *self, const double v[3])
{
    td_state *st = td_state_of(self);
    return kind_of(st, self) == KIND_POSITION ? td_position_new(st, v) : td_vector_new(st, v);
}

PyObject *
td_vec3_abs(PyObject *self)
{
    const double *s = ((TdVec3 *)self)->v;
    double v[3] = {fabs(s[0]), fabs(s[1]), fabs(s[2])};
    return new_like(self, v);
}

PyObject *
td_vec3_neg(PyObject *self)
{
    const double *s = ((TdVec3 *)self)->v;
    double v[3] = {-s[0], -s[1], -s[2]};
    return new_like(self, v);
}

PyObject *
td_vec3_copy(PyObject *self, PyObject *unused)
{
    (void)unused;
    return new_like(self, ((TdVec3 *)self)->v);
}

PyObject *
td_vec3_reduce(PyObject *self, PyObject *unused)
{
    (void)unused;
    const double *v = ((TdVec3 *)self)->v;
    return Py_BuildValue("O(ddd)", (PyObject *)Py_TYPE(self), v[0], v[1], v[2]);
}

/* ---- arithmetic ---- */

/* The result of a op b into out and the kind it has, KIND_OTHER when the operation is not
 * defined for these operands (NotImplemented), or -1 with an exception (division by zero). */
static int
arith(td_state *st, char op, PyObject *a, PyObject *b, double out[3])
{
    int ka = kind_of(st, a), kb = kind_of(st, b);
    double s;
    if ((ka == KIND_POSITION || ka == KIND_VECTOR) && (kb == KIND_POSITION || kb == KIND_VECTOR)) {
        const double *x = ((TdVec3 *)a)->v, *y = ((TdVec3 *)b)->v;
        int kind;
        switch (op) {
        case '+': /* P + V, V + P: P; V + V: V; P + P has no meaning */
            if (ka == KIND_POSITION && kb == KIND_POSITION) {
                return KIND_OTHER;
            }
            kind = ka == KIND_POSITION || kb == KIND_POSITION ? KIND_POSITION : KIND_VECTOR;
            break;
        case '-': /* P - P: V; P - V: P; V - V: V; V - P has no meaning */
            if (ka == KIND_VECTOR && kb == KIND_POSITION) {
                return KIND_OTHER;
            }
            kind = ka == KIND_POSITION && kb == KIND_POSITION ? KIND_VECTOR : ka;
            break;
        case '*': /* component-wise, between the same kinds */
            if (ka != kb) {
                return KIND_OTHER;
            }
            kind = ka;
            break;
        default:
            return KIND_OTHER;
        }
        for (int i = 0; i < 3; i++) {
            out[i] = op == '+' ? x[i] + y[i] : op == '-' ? x[i] - y[i] : x[i] * y[i];
        }
        return kind;
    }
    if ((ka == KIND_POSITION || ka == KIND_VECTOR) && kb == KIND_OTHER && scalar_of(b, &s)) {
        const double *x = ((TdVec3 *)a)->v;
        if (op == '/' && s == 0.0) {
            PyErr_SetString(PyExc_ZeroDivisionError, "division of a Position or Vector by zero");
            return -1;
        }
        for (int i = 0; i < 3; i++) {
            out[i] = op == '+' ? x[i] + s : op == '-' ? x[i] - s : op == '*' ? x[i] * s : x[i] / s;
        }
        return ka;
    }
    if ((kb == KIND_POSITION || kb == KIND_VECTOR) && ka == KIND_OTHER && op != '/' && scalar_of(a, &s)) {
        const double *y = ((TdVec3 *)b)->v;
        for (int i = 0; i < 3; i++) {
            out[i] = op == '+' ? s + y[i] : op == '-' ? s - y[i] : s * y[i];
        }
        return kb;
    }
    if ((ka == KIND_POSITION || ka == KIND_VECTOR) && kb == KIND_MATRIX && op == 'm') {
        /* v *= M: as M * v */
        const double *m = ((TdMatrix *)b)->m;
        if (ka == KIND_POSITION) {
            td_mat4_transform_point(m, ((TdVec3 *)a)->v, out);
        }
        else {
            td_mat4_transform_vector(m, ((TdVec3 *)a)->v, out);
        }
        return ka;
    }
    return KIND_OTHER;
}

static PyObject *
binary(char op, PyObject *a, PyObject *b)
{
    td_state *st = td_pair_state(a, b);
    double out[3];
    int kind = st != NULL ? arith(st, op, a, b, out) : KIND_OTHER;
    if (kind < 0) {
        return NULL;
    }
    if (kind == KIND_OTHER) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return kind == KIND_POSITION ? td_position_new(st, out) : td_vector_new(st, out);
}

static PyObject *
inplace(char op, PyObject *a, PyObject *b)
{
    td_state *st = td_state_of(a);
    double out[3];
    int kind = arith(st, op, a, b, out);
    if (kind < 0) {
        return NULL;
    }
    if (kind != kind_of(st, a)) { /* P -= P would make a Vector: not in place */
        if (kind != KIND_OTHER) {
            PyErr_Format(PyExc_TypeError, "%s %c= %s would change its type", Py_TYPE(a)->tp_name,
                         op == 'm' ? '*' : op, Py_TYPE(b)->tp_name);
            return NULL;
        }
        Py_RETURN_NOTIMPLEMENTED;
    }
    memcpy(((TdVec3 *)a)->v, out, sizeof(out));
    return Py_NewRef(a);
}

PyObject *
td_vec3_add(PyObject *a, PyObject *b)
{
    return binary('+', a, b);
}

PyObject *
td_vec3_sub(PyObject *a, PyObject *b)
{
    return binary('-', a, b);
}

PyObject *
td_vec3_mul(PyObject *a, PyObject *b)
{
    return binary('*', a, b);
}

PyObject *
td_vec3_div(PyObject *a, PyObject *b)
{
    return binary('/', a, b);
}

PyObject *
td_vec3_iadd(PyObject *a, PyObject *b)
{
    return inplace('+', a, b);
}

PyObject *
td_vec3_isub(PyObject *a, PyObject *b)
{
    return inplace('-', a, b);
}

PyObject *
td_vec3_imul(PyObject *a, PyObject *b)
{
    td_state *st = td_state_of(a);
    return inplace(kind_of(st, b) == KIND_MATRIX ? 'm' : '*', a, b);
}

PyObject *
td_vec3_idiv(PyObject *a, PyObject *b)
{
    return inplace('/', a, b);
}
