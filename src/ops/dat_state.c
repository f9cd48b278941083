/* DAT: persistence of a DAT's contents (td_op_class.state): __getstate__ adds 'text' (a textDAT's
 * str) or 'table' (a tableDAT's rows, lists of str); __setstate__ reads and checks them into C data
 * first (Python may run), then applies them without running Python. */
#include <stdlib.h>
#include <string.h>

#include "bind/state.h"
#include "ops/dat.h"

/* ---- persistence: 'text' (textDAT) or 'table' (tableDAT, a list of rows of str) ---- */

static int
state_get(TdOp *dat, PyObject *state)
{
    td_dat_data *d = td_dat_data_of(dat);
    if (d == NULL) {
        return -1;
    }
    PyObject *v;
    if (!td_dat_class_of(dat)->table) {
        v = td_dat_text_object(dat, d);
    }
    else {
        const td_table *t = &d->table;
        v = PyList_New((Py_ssize_t)t->nrows);
        for (size_t r = 0; v != NULL && r < t->nrows; r++) {
            PyObject *row = PyList_New((Py_ssize_t)t->ncols);
            for (size_t c = 0; row != NULL && c < t->ncols; c++) {
                size_t len;
                const char *s = td_table_get(t, r, c, &len);
                PyObject *cell = PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "replace");
                if (cell == NULL) {
                    Py_CLEAR(row);
                    break;
                }
                PyList_SET_ITEM(row, (Py_ssize_t)c, cell);
            }
            if (row == NULL) {
                Py_CLEAR(v);
                break;
            }
            PyList_SET_ITEM(v, (Py_ssize_t)r, row);
        }
    }
    int rc = v != NULL ? PyDict_SetItemString(state, td_dat_class_of(dat)->table ? "table" : "text", v) : -1;
    Py_XDECREF(v);
    return rc;
}

typedef struct {
    int table;
    char *text; /* textDAT */
    size_t len;
    td_table t; /* tableDAT */
} parsed_contents;

static void
state_discard(void *p)
{
    parsed_contents *pc = p;
    free(pc->text);
    td_table_free(&pc->t);
    PyMem_Free(pc);
}

static int
state_parse(TdOp *dat, PyObject *state, void **out)
{
    *out = NULL;
    int table = td_dat_class_of(dat)->table;
    PyObject *v = NULL;
    PyObject *key = PyUnicode_FromString(table ? "table" : "text");
    v = key != NULL ? PyDict_GetItemWithError(state, key) : NULL;
    Py_XDECREF(key);
    if (v == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    Py_INCREF(v);
    parsed_contents *pc = PyMem_Calloc(1, sizeof(parsed_contents));
    if (pc == NULL || td_dat_data_of(dat) == NULL) {
        PyMem_Free(pc);
        Py_DECREF(v);
        return pc == NULL ? (PyErr_NoMemory(), -1) : -1;
    }
    pc->table = table;
    td_table_init(&pc->t);
    int rc = -1;
    td_err err = {0};
    if (!table) {
        Py_ssize_t n;
        const char *s = PyUnicode_Check(v) ? PyUnicode_AsUTF8AndSize(v, &n) : NULL;
        if (s == NULL) {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "state['text'] must be a str");
        }
        else if ((pc->text = malloc((size_t)n + 1)) == NULL) {
            PyErr_NoMemory();
        }
        else {
            memcpy(pc->text, s, (size_t)n + 1);
            pc->len = (size_t)n;
            rc = 0;
        }
    }
    else {
        /* rows: a list of lists of str, copied out as tuples first (Python may run) */
        PyObject *rows = PyList_Check(v) ? PySequence_Tuple(v) : NULL;
        size_t ncols = 0;
        int ok = rows != NULL;
        for (Py_ssize_t r = 0; ok && r < PyTuple_GET_SIZE(rows); r++) {
            PyObject *row = PyTuple_GET_ITEM(rows, r);
            ok = PyList_Check(row);
            if (ok && (size_t)PyList_GET_SIZE(row) > ncols) {
                ncols = (size_t)PyList_GET_SIZE(row);
            }
        }
        if (ok && td_table_resize(&pc->t, (size_t)PyTuple_GET_SIZE(rows), ncols, &err) < 0) {
            td_dat_raise(dat, &err);
            Py_XDECREF(rows);
            goto done;
        }
        for (Py_ssize_t r = 0; ok && r < PyTuple_GET_SIZE(rows); r++) {
            PyObject *row = PySequence_Tuple(PyTuple_GET_ITEM(rows, r));
            for (Py_ssize_t c = 0; row != NULL && ok && c < PyTuple_GET_SIZE(row) && (size_t)c < ncols; c++) {
                PyObject *cell = PyTuple_GET_ITEM(row, c);
                Py_ssize_t n;
                const char *s = PyUnicode_Check(cell) ? PyUnicode_AsUTF8AndSize(cell, &n) : NULL;
                ok = s != NULL && td_table_set(&pc->t, (size_t)r, (size_t)c, s, (size_t)n, &err) == 0;
            }
            ok = ok && row != NULL;
            Py_XDECREF(row);
        }
        Py_XDECREF(rows);
        if (!ok) {
            if (err.msg[0] != '\0') {
                td_dat_raise(dat, &err);
            }
            else if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_Exception)) {
                PyErr_Clear();
                PyErr_SetString(PyExc_ValueError, "state['table'] must be a list of lists of str");
            }
            goto done;
        }
        rc = 0;
    }
done:
    Py_DECREF(v);
    if (rc < 0) {
        state_discard(pc);
        return -1;
    }
    *out = pc;
    return 0;
}

static void
state_apply(TdOp *dat, void *p)
{
    parsed_contents *pc = p;
    td_dat_data *d = dat->ext; /* made by state_parse; the DAT was checked alive since */
    if (d != NULL && pc->table) {
        td_dat_set_table(dat, &pc->t);
    }
    else if (d != NULL) {
        td_dat_take_text(dat, pc->text, pc->len);
        pc->text = NULL;
    }
    state_discard(pc);
}

const td_op_state_hooks td_dat_state_hooks = {
    .get = state_get, .parse = state_parse, .apply = state_apply, .discard = state_discard,
};
