/* Parameter values: conversion from Python with TouchDesigner's rules, and back. */
#include <math.h>
#include <string.h>

#include "graph/op.h"
#include "graph/path.h"
#include "bind/state.h"

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

static double
clamp(const td_par_def *d, double v)
{
    if ((d->flags & TD_PAR_CLAMP_MIN) && v < d->min) {
        return d->min;
    }
    if ((d->flags & TD_PAR_CLAMP_MAX) && v > d->max) {
        return d->max;
    }
    return v;
}

int
td_par_convert(TdOp *op, Py_ssize_t index, PyObject *value_in, td_par_value *out)
{
    const td_par_def *d = &op->cls->pars[index];
    out->num = 0.0;
    out->str = NULL;
    PyObject *value = unwrap_par(op, value_in);
    if (value == NULL) {
        return -1;
    }
    int rc = -1;
    double v = 0.0;
    switch (d->kind) {
    case TD_PAR_FLOAT:
        if (as_double(op, d, value, &v) < 0 || check_range(op, d, v) < 0) {
            goto done;
        }
        out->num = clamp(d, v);
        break;
    case TD_PAR_INT:
        if (as_double(op, d, value, &v) < 0) {
            goto done;
        }
        v = nearbyint(v);
        if (fabs(v) > 9.0e15) {
            PyErr_Format(PyExc_ValueError, "%s.par.%s is out of range: %R", op->cls->optype, d->name, value);
            goto done;
        }
        if (check_range(op, d, v) < 0) {
            goto done;
        }
        out->num = clamp(d, v);
        break;
    case TD_PAR_TOGGLE:
    case TD_PAR_PULSE:
        if (as_double(op, d, value, &v) < 0) {
            goto done;
        }
        out->num = v != 0.0;
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
            out->num = (double)i;
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
            out->num = (double)i;
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
        out->str = PyUnicode_FromObject(value); /* an exact str: a subclass's methods never run later */
        if (out->str == NULL) {
            goto done;
        }
        break;
    case TD_PAR_OP: {
        td_state *st = td_state_of((PyObject *)op);
        PyObject *s = NULL;
        if (value == Py_None) {
            s = PyUnicode_FromString("");
        }
        else if (PyUnicode_Check(value)) {
            s = PyUnicode_FromObject(value); /* an exact str */
        }
        else if (PyObject_TypeCheck(value, st->base_types[TD_BASE_OP])) {
            if (td_op_check((TdOp *)value) < 0) {
                goto done;
            }
            s = td_op_path((TdOp *)value);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%s.par.%s takes an OP, a path string or None, not %.100s",
                         op->cls->optype, d->name, Py_TYPE(value)->tp_name);
            goto done;
        }
        if (s == NULL) {
            goto done;
        }
        if (PyUnicode_AsUTF8(s) == NULL) { /* e.g. lone surrogates: refuse now, not at cook time */
            Py_DECREF(s);
            goto done;
        }
        out->str = s;
        break;
    }
    }
    rc = 0;
done:
    Py_DECREF(value);
    return rc;
}

int
td_par_assign(TdOp *op, Py_ssize_t index, PyObject *value)
{
    if (td_op_check(op) < 0) {
        return -1;
    }
    td_par_value v;
    if (td_par_convert(op, index, value, &v) < 0) {
        return -1;
    }
    if (op->pars == NULL) { /* destroyed while converting (a Par value's expression) */
        Py_XDECREF(v.str);
        return td_op_check(op);
    }
    td_par_slot *slot = &op->pars[index];
    if (td_par_evaluating(op, index)) {
        Py_XDECREF(v.str);
        PyErr_Format(td_state_of((PyObject *)op)->tdError, "par %s cannot be set by its own expression",
                     op->cls->pars[index].name);
        return -1;
    }
    slot->val.num = v.num;
    Py_XSETREF(slot->val.str, v.str);
    if (slot->mode != TD_MODE_CONSTANT) {
        slot->mode = TD_MODE_CONSTANT; /* setting the value selects constant mode, as in TouchDesigner */
        td_par_slot_forget(slot);
    }
    td_op_touch(op);
    return 0;
}

PyObject *
td_par_value_to_object(TdOp *op, Py_ssize_t index, const td_par_value *v)
{
    const td_par_def *d = &op->cls->pars[index];
    switch (d->kind) {
    case TD_PAR_FLOAT:
        return PyFloat_FromDouble(v->num);
    case TD_PAR_INT:
        return PyLong_FromDouble(v->num);
    case TD_PAR_TOGGLE:
        return PyBool_FromLong(v->num != 0.0);
    case TD_PAR_PULSE:
        return PyLong_FromLong(v->num != 0.0);
    case TD_PAR_MENU:
        return PyUnicode_FromString(d->menu[(size_t)v->num]);
    case TD_PAR_STR:
    case TD_PAR_OP:
        return v->str != NULL ? Py_NewRef(v->str) : PyUnicode_FromString("");
    }
    Py_RETURN_NONE;
}

PyObject *
td_par_constant_object(TdOp *op, Py_ssize_t index)
{
    if (td_op_check(op) < 0) {
        return NULL;
    }
    return td_par_value_to_object(op, index, &op->pars[index].val);
}

