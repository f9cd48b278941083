/* The Matrix constructor's argument forms (TouchDesigner's instantiators) and the conversion of
 * any of them to 16 values: what Matrix(...), setTransform() and vals= accept. */
#include <math.h>
#include <string.h>

#include "graph/matrix.h"
#include "util/mat4.h"

#define M(o) (((TdMatrix *)(o))->m)

/* Up to max numbers of the sequence o into out; the count, or -1 with TypeError (not a sequence of
 * numbers, or longer than max). */
Py_ssize_t
td_read_numbers(PyObject *o, double *out, Py_ssize_t max, const char *what)
{
    if (!PySequence_Check(o) || PyUnicode_Check(o) || PyBytes_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s: expected a sequence of numbers, not %.200s", what, Py_TYPE(o)->tp_name);
        return -1;
    }
    Py_ssize_t n = PySequence_Size(o);
    if (n < 0) {
        return -1;
    }
    if (n > max) {
        PyErr_Format(PyExc_ValueError, "%s: too many values (%zd)", what, n);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(o, i);
        if (item == NULL) {
            return -1;
        }
        out[i] = PyFloat_AsDouble(item);
        Py_DECREF(item);
        if (out[i] == -1.0 && PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "%s: expected numbers", what);
            return -1;
        }
    }
    return n;
}

/* A rotation from the quaternion (x, y, z, w). */
static int
from_quaternion(const double q[4], double m[16])
{
    double n = sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
    if (!(n > 0.0) || !isfinite(n)) {
        PyErr_SetString(PyExc_ValueError, "Matrix(quaternion): the quaternion (x, y, z, w) is zero or not finite");
        return -1;
    }
    double x = q[0] / n, y = q[1] / n, z = q[2] / n, w = q[3] / n;
    td_mat4_identity(m);
    m[0] = 1 - 2 * (y * y + z * z);
    m[1] = 2 * (x * y + z * w);
    m[2] = 2 * (x * z - y * w);
    m[4] = 2 * (x * y - z * w);
    m[5] = 1 - 2 * (x * x + z * z);
    m[6] = 2 * (y * z + x * w);
    m[8] = 2 * (x * z + y * w);
    m[9] = 2 * (y * z - x * w);
    m[10] = 1 - 2 * (x * x + y * y);
    return 0;
}

/* Columns (3 or 4 values each) into m, whose other entries stay the identity's. */
static int
from_columns(PyObject *const *cols, Py_ssize_t ncols, double m[16])
{
    td_mat4_identity(m);
    for (Py_ssize_t c = 0; c < ncols; c++) {
        double v[4];
        Py_ssize_t n = td_read_numbers(cols[c], v, 4, "Matrix(columns)");
        if (n < 0) {
            return -1;
        }
        if (n < 3) {
            PyErr_SetString(PyExc_ValueError, "Matrix(columns): each column needs 3 or 4 values");
            return -1;
        }
        memcpy(m + c * 4, v, (size_t)n * sizeof(double));
    }
    return 0;
}

/* A 2-D array-like (an object with shape (4, 4), e.g. a NumPy array): its rows. 1 and m, 0 if o has
 * no shape, -1 with an exception. */
static int
from_array(PyObject *o, double m[16])
{
    if (PyList_Check(o) || PyTuple_Check(o)) {
        return 0;
    }
    PyObject *shape = PyObject_GetAttrString(o, "shape");
    if (shape == NULL) {
        PyErr_Clear();
        return 0;
    }
    int square = PyTuple_Check(shape) && PyTuple_GET_SIZE(shape) == 2 &&
                 PyLong_Check(PyTuple_GET_ITEM(shape, 0)) && PyLong_AsLong(PyTuple_GET_ITEM(shape, 0)) == 4 &&
                 PyLong_Check(PyTuple_GET_ITEM(shape, 1)) && PyLong_AsLong(PyTuple_GET_ITEM(shape, 1)) == 4;
    int flat = PyTuple_Check(shape) && PyTuple_GET_SIZE(shape) == 1;
    Py_DECREF(shape);
    if (PyErr_Occurred()) {
        return -1;
    }
    if (flat) {
        return 0; /* a 1-D array reads like a list */
    }
    if (!square) {
        PyErr_SetString(PyExc_ValueError, "Matrix(array): a 2-D array must have shape (4, 4)");
        return -1;
    }
    for (int r = 0; r < 4; r++) {
        PyObject *row = PySequence_GetItem(o, r);
        double v[4];
        Py_ssize_t n = row != NULL ? td_read_numbers(row, v, 4, "Matrix(array)") : -1;
        Py_XDECREF(row);
        if (n != 4) {
            if (n >= 0) {
                PyErr_SetString(PyExc_ValueError, "Matrix(array): each row needs 4 values");
            }
            return -1;
        }
        for (int c = 0; c < 4; c++) {
            m[c * 4 + r] = v[c];
        }
    }
    return 1;
}

/* One argument: a Matrix, a 4x4 array (rows), or a list of 4 (quaternion), 9 (3x3 columns) or 16
 * (columns) numbers. */
static int
from_one(td_state *st, PyObject *a, double m[16])
{
    if (Py_TYPE(a) == st->Matrix_type) {
        memcpy(m, M(a), 16 * sizeof(double));
        return 0;
    }
    int rc = from_array(a, m);
    if (rc != 0) {
        return rc < 0 ? -1 : 0;
    }
    if (PySequence_Check(a) && !PyUnicode_Check(a) && PySequence_Size(a) == 4) {
        PyObject *first = PySequence_GetItem(a, 0);
        int nested = first != NULL && PySequence_Check(first) && !PyUnicode_Check(first);
        Py_XDECREF(first);
        if (nested) {
            PyErr_SetString(PyExc_TypeError,
                            "Matrix([[...], ...]) is ambiguous: pass the 4 columns as 4 arguments, Matrix(c1, c2, "
                            "c3, c4), or a 4x4 NumPy array (read as rows, as numpyArray() gives them)");
            return -1;
        }
    }
    PyErr_Clear();
    double v[16];
    Py_ssize_t n = td_read_numbers(a, v, 16, "Matrix(values)");
    if (n < 0) {
        return -1;
    }
    if (n == 16) {
        memcpy(m, v, sizeof(v));
        return 0;
    }
    if (n == 9) {
        td_mat4_identity(m);
        for (int c = 0; c < 3; c++) {
            memcpy(m + c * 4, v + c * 3, 3 * sizeof(double));
        }
        return 0;
    }
    if (n == 4) {
        return from_quaternion(v, m);
    }
    PyErr_Format(PyExc_ValueError, "Matrix(values): expected 4 (a quaternion x, y, z, w), 9 or 16 values, not %zd", n);
    return -1;
}

int
td_matrix_parse(td_state *st, PyObject *args, double m[16])
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *const *items = &PyTuple_GET_ITEM(args, 0);
    if (n == 0) {
        td_mat4_identity(m);
        return 0;
    }
    if (n == 1) {
        return from_one(st, items[0], m);
    }
    if (n == 3 || n == 4) {
        return from_columns(items, n, m);
    }
    if (n == 9 || n == 16) {
        double v[16];
        for (Py_ssize_t i = 0; i < n; i++) {
            v[i] = PyFloat_AsDouble(items[i]);
            if (v[i] == -1.0 && PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "Matrix(f1, ..., f%zd): every value must be a number", n);
                return -1;
            }
        }
        td_mat4_identity(m);
        for (Py_ssize_t i = 0; i < n; i++) {
            m[n == 16 ? i : (i / 3) * 4 + i % 3] = v[i];
        }
        return 0;
    }
    PyErr_Format(PyExc_TypeError,
                 "Matrix() takes no arguments, a Matrix, a list of 4, 9 or 16 values, a 4x4 array, 3 or 4 columns "
                 "or 9 or 16 numbers; got %zd arguments", n);
    return -1;
}

int
td_matrix_values(td_state *st, PyObject *o, double out[16], const char *what)
{
    if (Py_TYPE(o) == st->Matrix_type) {
        memcpy(out, M(o), 16 * sizeof(double));
        return 0;
    }
    if (from_one(st, o, out) < 0) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_Format(PyErr_GivenExceptionMatches(type, PyExc_ValueError) ? PyExc_ValueError : PyExc_TypeError,
                     "%s: expected a Matrix (or what Matrix() accepts): %S", what, value != NULL ? value : Py_None);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return -1;
    }
    return 0;
}

