/* Docstrings from parameter tables. See pardoc.h.
 *
 *   >>> help(td.sphereSOP)
 *   ...
 *   Parameters (TouchDesigner's names; defaults after '='):
 *     Sphere page: tx = 0.0, ..., rows = 20 (2..2048), cols = 40 (3..4096)
 */
#include "graph/pardoc.h"

#include <string.h>

/* One parameter as "name = default (range or tokens)". */
static PyObject *
par_text(const td_par_def *d)
{
    switch (d->kind) {
    case TD_PAR_FLOAT: {
        PyObject *def = PyFloat_FromDouble(d->def);
        PyObject *r = NULL;
        if (def == NULL) {
            return NULL;
        }
        if (d->flags & (TD_PAR_CLAMP_MIN | TD_PAR_CLAMP_MAX | TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)) {
            PyObject *lo = PyFloat_FromDouble(d->min), *hi = PyFloat_FromDouble(d->max);
            int clamp = (d->flags & (TD_PAR_CLAMP_MIN | TD_PAR_CLAMP_MAX)) != 0;
            if (lo != NULL && hi != NULL) {
                r = PyUnicode_FromFormat("%s = %R (%s %R..%R)", d->name, def, clamp ? "clamped to" : "in", lo, hi);
            }
            Py_XDECREF(lo);
            Py_XDECREF(hi);
        }
        else {
            r = PyUnicode_FromFormat("%s = %R", d->name, def);
        }
        Py_DECREF(def);
        return r;
    }
    case TD_PAR_INT:
        if (d->flags & (TD_PAR_CLAMP_MIN | TD_PAR_CLAMP_MAX | TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)) {
            return PyUnicode_FromFormat("%s = %lld (%lld..%lld)", d->name, (long long)d->def, (long long)d->min,
                                        (long long)d->max);
        }
        return PyUnicode_FromFormat("%s = %lld", d->name, (long long)d->def);
    case TD_PAR_TOGGLE:
        return PyUnicode_FromFormat("%s = %s", d->name, d->def != 0.0 ? "True" : "False");
    case TD_PAR_PULSE:
        return PyUnicode_FromFormat("%s = 0 (a pulse: Par.pulse())", d->name);
    case TD_PAR_MENU: {
        PyObject *tokens = PyUnicode_FromString("");
        for (size_t i = 0; tokens != NULL && d->menu[i] != NULL; i++) {
            PyUnicode_AppendAndDel(&tokens, PyUnicode_FromFormat("%s%s", i ? " | " : "", d->menu[i]));
        }
        PyObject *r = tokens != NULL ? PyUnicode_FromFormat("%s = '%s' (%U)", d->name, d->menu[(size_t)d->def], tokens)
                                     : NULL;
        Py_XDECREF(tokens);
        return r;
    }
    case TD_PAR_STR:
    case TD_PAR_OP:
        return PyUnicode_FromFormat("%s = '%s'", d->name, d->sdef != NULL ? d->sdef : "");
    }
    return PyUnicode_FromString(d->name);
}

PyObject *
td_par_doc(const td_op_class *cls, const char *summary)
{
    PyObject *doc = PyUnicode_FromString(summary);
    if (doc == NULL || cls->npars == 0) {
        return doc;
    }
    PyUnicode_AppendAndDel(&doc, PyUnicode_FromString("\n\nParameters (TouchDesigner's names; defaults after '='):"));
    const char *page = NULL;
    for (size_t i = 0; doc != NULL && i < cls->npars; i++) {
        const td_par_def *d = &cls->pars[i];
        if (page == NULL || strcmp(page, d->page) != 0) {
            page = d->page;
            PyUnicode_AppendAndDel(&doc, PyUnicode_FromFormat("\n  %s page:", page));
        }
        PyObject *t = par_text(d);
        PyUnicode_AppendAndDel(&doc, t != NULL ? PyUnicode_FromFormat("\n    %U", t) : NULL);
        Py_XDECREF(t);
    }
    return doc;
}

int
td_spec_with_doc(const PyType_Spec *spec, const char *doc, PyType_Spec *out, PyType_Slot **slots_out)
{
    size_t n = 0;
    while (spec->slots[n].slot != 0) {
        n++;
    }
    PyType_Slot *slots = PyMem_Calloc(n + 2, sizeof(PyType_Slot));
    if (slots == NULL) {
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (spec->slots[i].slot != Py_tp_doc) {
            slots[k++] = spec->slots[i];
        }
    }
    slots[k++] = (PyType_Slot){Py_tp_doc, (void *)doc};
    *out = *spec;
    out->slots = slots;
    *slots_out = slots;
    return 0;
}
