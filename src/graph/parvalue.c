/* Parameter values: conversion from Python with TouchDesigner's rules, and back. */
#include <math.h>
#include <string.h>

#include "graph/op.h"
#include "graph/path.h"
#include "module.h"

const char *const td_menu_xord[] = {"srt", "str", "rst", "rts", "tsr", "trs", NULL};
const char *const td_menu_rord[] = {"xyz", "xzy", "yxz", "yzx", "zxy", "zyx", NULL};

Py_ssize_t
td_par_index(const td_op_class *cls, const char *name)
{
    for (size_t i = 0; i < cls->npars; i++) {
        if (strcmp(cls->pars[i].name, name) == 0) {
            return (Py_ssize_t)i;
        }
    }
    return -1;
}

double
td_par_num(TdOp *op, const char *name)
{
    Py_ssize_t i = td_par_index(op->cls, name);
    assert(i >= 0);
    return (i >= 0 && op->pars != NULL) ? op->pars[i].num : 0.0;
}

const char *
td_par_str(TdOp *op, const char *name)
{
    Py_ssize_t i = td_par_index(op->cls, name);
    assert(i >= 0);
    if (i < 0 || op->pars == NULL || op->pars[i].str == NULL) {
        return "";
    }
    const char *s = PyUnicode_AsUTF8(op->pars[i].str);
    if (s == NULL) {
        PyErr_Clear();
        return "";
    }
    return s;
}

static PyObject *
menu_tokens(const td_par_def *d)
{
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list != NULL && d->menu[i] != NULL; i++) {
        PyObject *s = PyUnicode_FromString(d->menu[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(s);
    }
    return list;
}

static int
menu_error(TdOp *op, const td_par_def *d, PyObject *value)
{
    PyObject *tokens = menu_tokens(d);
    if (tokens != NULL) {
        PyErr_Format(PyExc_ValueError, "%R is not a valid value for %s.par.%s: use one of %R or an index 0..%zd",
                     value, op->cls->optype, d->name, tokens, PyList_GET_SIZE(tokens) - 1);
        Py_DECREF(tokens);
    }
    return -1;
}

/* A finite float from a Python number (bool and int included, via the Par's own value too). */
static int
as_double(TdOp *op, const td_par_def *d, PyObject *value, double *out)
{
    if (!PyFloat_Check(value) && !PyLong_Check(value) && !PyIndex_Check(value) &&
        (Py_TYPE(value)->tp_as_number == NULL || Py_TYPE(value)->tp_as_number->nb_float == NULL)) {
        PyErr_Format(PyExc_TypeError, "%s.par.%s takes a number, not %.100s", op->cls->optype, d->name,
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    double v = PyFloat_AsDouble(value);
    if (v == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            /* an int beyond a double (10**400): out of range, like any other too-large value */
            PyErr_Clear();
            PyErr_Format(PyExc_ValueError, "%s.par.%s is out of range (too large for a float)", op->cls->optype,
                         d->name);
        }
        return -1;
    }
    if (!isfinite(v)) {
        PyErr_Format(PyExc_ValueError, "%s.par.%s must be finite, not %R", op->cls->optype, d->name, value);
        return -1;
    }
    *out = v;
    return 0;
}

/* The bound or value as Python shows it: an int for int parameters, a float otherwise (v finite). */
static PyObject *
number_object(const td_par_def *d, double v)
{
    return d->kind == TD_PAR_INT ? PyLong_FromDouble(v) : PyFloat_FromDouble(v);
}

static int
check_range(TdOp *op, const td_par_def *d, double v)
{
    int low = (d->flags & TD_PAR_REJECT_MIN) && v < d->min;
    int high = (d->flags & TD_PAR_REJECT_MAX) && v > d->max;
    if (!low && !high) {
        return 0;
    }
    /* Formatted as Python numbers: a cast to an integer type would be undefined for huge v and
     * would print -0.5 as 0. */
    PyObject *bound = number_object(d, low ? d->min : d->max), *value = number_object(d, v);
    if (bound != NULL && value != NULL) {
        PyErr_Format(PyExc_ValueError, "%s.par.%s must be at %s %R, not %R", op->cls->optype, d->name,
                     low ? "least" : "most", bound, value);
    }
    Py_XDECREF(bound);
    Py_XDECREF(value);
    return -1;
}

/* The value a Par object stands for, so that op.par.tx = other.par.tx copies the value. */
static PyObject *
unwrap_par(TdOp *op, PyObject *value)
{
    td_state *st = td_state_of((PyObject *)op);
    if (PyObject_TypeCheck(value, st->Par_type)) {
        return PyObject_CallMethod(value, "eval", NULL);
    }
    return Py_NewRef(value);
}

int
td_par_assign(TdOp *op, Py_ssize_t index, PyObject *value_in)
{
    if (td_op_check(op) < 0) {
        return -1;
    }
    const td_par_def *d = &op->cls->pars[index];
    PyObject *value = unwrap_par(op, value_in);
    if (value == NULL) {
        return -1;
    }
    /* The new value is made first (num or str) and stored last: converting it can run Python code
     * (__float__, __index__, __repr__ in an error message) that destroys op and frees its values. */
    int rc = -1;
    double num = 0.0;
    PyObject *str = NULL;
    switch (d->kind) {
    case TD_PAR_FLOAT:
        if (as_double(op, d, value, &num) < 0 || check_range(op, d, num) < 0) {
            goto done;
        }
        break;
    case TD_PAR_INT:
        if (as_double(op, d, value, &num) < 0) {
            goto done;
        }
        num = nearbyint(num);
        if (fabs(num) > 9.0e15) {
            PyErr_Format(PyExc_ValueError, "%s.par.%s is out of range: %R", op->cls->optype, d->name, value);
            goto done;
        }
        if (check_range(op, d, num) < 0) {
            goto done;
        }
        break;
    case TD_PAR_TOGGLE:
        if (as_double(op, d, value, &num) < 0) {
            goto done;
        }
        num = num != 0.0;
        break;
    case TD_PAR_MENU:
        if (PyUnicode_Check(value)) {
            const char *s = PyUnicode_AsUTF8(value);
            if (s == NULL) {
                goto done;
            }
            size_t i = 0;
            while (d->menu[i] != NULL && strcmp(d->menu[i], s) != 0) {
                i++;
            }
            if (d->menu[i] == NULL) {
                menu_error(op, d, value);
                goto done;
            }
            num = (double)i;
        }
        else if (PyLong_Check(value)) {
            long i = PyLong_AsLong(value);
            size_t n = 0;
            while (d->menu[n] != NULL) {
                n++;
            }
            if ((i == -1 && PyErr_Occurred()) || i < 0 || (size_t)i >= n) {
                PyErr_Clear();
                menu_error(op, d, value);
                goto done;
            }
            num = (double)i;
        }
        else {
            PyErr_Format(PyExc_TypeError, "%s.par.%s takes a menu token (str) or index (int), not %.100s",
                         op->cls->optype, d->name, Py_TYPE(value)->tp_name);
            goto done;
        }
        break;
    case TD_PAR_STR:
        if (!PyUnicode_Check(value)) {
            PyErr_Format(PyExc_TypeError, "%s.par.%s takes a str, not %.100s", op->cls->optype, d->name,
                         Py_TYPE(value)->tp_name);
            goto done;
        }
        str = PyUnicode_FromObject(value); /* an exact str: a subclass's methods never run later */
        if (str == NULL) {
            goto done;
        }
        break;
    case TD_PAR_OP: {
        td_state *st = td_state_of((PyObject *)op);
        if (value == Py_None) {
            str = PyUnicode_FromString("");
        }
        else if (PyUnicode_Check(value)) {
            str = PyUnicode_FromObject(value);
        }
        else if (PyObject_TypeCheck(value, st->base_types[TD_BASE_OP])) {
            if (td_op_check((TdOp *)value) < 0) {
                goto done;
            }
            str = td_op_path((TdOp *)value);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%s.par.%s takes an OP, a path string or None, not %.100s",
                         op->cls->optype, d->name, Py_TYPE(value)->tp_name);
            goto done;
        }
        if (str == NULL) {
            goto done;
        }
        if (PyUnicode_AsUTF8(str) == NULL) { /* e.g. lone surrogates: refuse now, not at cook time */
            goto done;
        }
        break;
    }
    }
    if (td_op_check(op) < 0) {
        goto done;
    }
    td_par_value *slot = &op->pars[index];
    if (d->kind == TD_PAR_STR || d->kind == TD_PAR_OP) {
        Py_XSETREF(slot->str, str);
        str = NULL;
    }
    else {
        slot->num = num;
    }
    td_op_touch(op);
    rc = 0;
done:
    Py_XDECREF(str);
    Py_DECREF(value);
    return rc;
}

PyObject *
td_par_value_object(TdOp *op, Py_ssize_t index)
{
    if (td_op_check(op) < 0) {
        return NULL;
    }
    const td_par_def *d = &op->cls->pars[index];
    const td_par_value *slot = &op->pars[index];
    switch (d->kind) {
    case TD_PAR_FLOAT:
        return PyFloat_FromDouble(slot->num);
    case TD_PAR_INT:
        return PyLong_FromDouble(slot->num);
    case TD_PAR_TOGGLE:
        return PyBool_FromLong(slot->num != 0.0);
    case TD_PAR_MENU:
        return PyUnicode_FromString(d->menu[(size_t)slot->num]);
    case TD_PAR_STR:
    case TD_PAR_OP:
        return Py_NewRef(slot->str);
    }
    Py_RETURN_NONE;
}
