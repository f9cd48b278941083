/* DAT: table access and editing ([r, c], cell, row, col, rows, cols, appendRow ... setSize).
 *
 * Every method first turns its arguments into C data (values through str(), keys into an index or
 * a UTF-8 name), which may run Python; then the DAT is cooked (its expressions may run) and checked
 * alive; only then is its table read or edited, in plain C.
 *
 *   >>> t.appendRow(['y', 2]); t['y', 'value'] = 3; t.row('y', val=True)
 *   ['y', '3']
 */
#include <fnmatch.h>
#include <string.h>

#include "bind/state.h"
#include "ops/dat.h"

/* ---- keys: a row or column given by index or name ---- */

typedef struct {
    int is_name;
    Py_ssize_t index;
    PyObject *name; /* UTF-8 bytes */
} dat_key;

static void
keys_free(dat_key *k, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; k != NULL && i < n; i++) {
        Py_XDECREF(k[i].name);
    }
    PyMem_Free(k);
}

static int
key_parse(PyObject *o, dat_key *out, const char *what)
{
    *out = (dat_key){0};
    if (PyUnicode_Check(o)) {
        out->is_name = 1;
        out->name = PyUnicode_AsUTF8String(o);
        return out->name != NULL ? 0 : -1;
    }
    if (PyFloat_Check(o)) {
        double v = PyFloat_AS_DOUBLE(o);
        if (v != (double)(Py_ssize_t)v) {
            PyErr_Format(PyExc_ValueError, "%s: a float index must be a whole number, not %R", what, o);
            return -1;
        }
        out->index = (Py_ssize_t)v;
        return 0;
    }
    if (!PyIndex_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s takes a row/column index (int) or name (str), not %.100s", what,
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    out->index = PyNumber_AsSsize_t(o, PyExc_IndexError);
    return out->index == -1 && PyErr_Occurred() ? -1 : 0;
}

static dat_key *
keys_parse(PyObject *tuple, const char *what)
{
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    dat_key *k = PyMem_Calloc((size_t)n + 1, sizeof(dat_key));
    if (k == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (key_parse(PyTuple_GET_ITEM(tuple, i), &k[i], what) < 0) {
            keys_free(k, n);
            return NULL;
        }
    }
    return k;
}

/* Lines: rows (axis 0) or columns (axis 1); a line's name is its cell in the first column / row. */
static size_t
nlines(const td_table *t, int axis)
{
    return axis == 0 ? t->nrows : t->ncols;
}

static const char *
line_name(const td_table *t, int axis, size_t i)
{
    if (axis == 0 ? t->ncols == 0 : t->nrows == 0) {
        return NULL;
    }
    return axis == 0 ? td_table_get(t, i, 0, NULL) : td_table_get(t, 0, i, NULL);
}

/* Does line i match k? pattern: fnmatch patterns in names. */
static int
key_matches(const td_table *t, int axis, size_t i, const dat_key *k, int pattern, int case_sensitive)
{
    if (!k->is_name) {
        return k->index >= 0 && (size_t)k->index == i;
    }
    const char *name = line_name(t, axis, i), *want = PyBytes_AS_STRING(k->name);
    if (name == NULL) {
        return 0;
    }
    if (pattern) {
        return fnmatch(want, name, case_sensitive ? 0 : FNM_CASEFOLD) == 0;
    }
    return case_sensitive ? strcmp(want, name) == 0 : strcasecmp(want, name) == 0;
}

/* The first line matching k, or -1. */
static Py_ssize_t
key_find(const td_table *t, int axis, const dat_key *k, int pattern, int case_sensitive)
{
    if (!k->is_name) {
        return k->index >= 0 && (size_t)k->index < nlines(t, axis) ? k->index : -1;
    }
    for (size_t i = 0; i < nlines(t, axis); i++) {
        if (key_matches(t, axis, i, k, pattern, case_sensitive)) {
            return (Py_ssize_t)i;
        }
    }
    return -1;
}

/* The table of dat after a cook, or NULL with an error (text DATs raise tdError). */
static td_table *
table_of(TdOp *dat, const char *what)
{
    if (td_op_check(dat) < 0 || td_dat_require_table(dat, what) < 0) {
        return NULL;
    }
    td_dat_data *d = td_dat_contents(dat);
    return d != NULL && td_op_check(dat) == 0 ? &((td_dat_data *)dat->ext)->table : NULL;
}

static PyObject *
cell_object(TdOp *dat, const td_table *t, size_t r, size_t c, int val)
{
    if (val) {
        size_t len;
        const char *s = td_table_get(t, r, c, &len);
        return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "replace");
    }
    return td_cell_new(dat, r, c);
}

/* Line i as a list of Cells (or str). */
static PyObject *
line_list(TdOp *dat, const td_table *t, int axis, size_t i, int val)
{
    size_t n = nlines(t, !axis);
    PyObject *out = PyList_New((Py_ssize_t)n);
    for (size_t j = 0; out != NULL && j < n; j++) {
        PyObject *c = axis == 0 ? cell_object(dat, t, i, j, val) : cell_object(dat, t, j, i, val);
        if (c == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, (Py_ssize_t)j, c);
    }
    return out;
}

/* ---- [r, c], [r] ---- */

PyObject *
td_dat_subscript(PyObject *self, PyObject *key)
{
    TdOp *dat = (TdOp *)self;
    int pair = PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 2;
    PyObject *t1 = pair ? Py_NewRef(key) : PyTuple_Pack(1, key);
    dat_key *k = t1 != NULL ? keys_parse(t1, "[]") : NULL;
    Py_ssize_t nk = t1 != NULL ? PyTuple_GET_SIZE(t1) : 0;
    Py_XDECREF(t1);
    td_table *t = k != NULL ? table_of(dat, "[]") : NULL;
    if (t == NULL) {
        keys_free(k, nk);
        return NULL;
    }
    Py_ssize_t r = key_find(t, 0, &k[0], 0, 1);
    Py_ssize_t c = pair ? key_find(t, 1, &k[1], 0, 1) : 0;
    keys_free(k, nk);
    if (r < 0 || c < 0) {
        Py_RETURN_NONE;
    }
    return pair ? td_cell_new(dat, (size_t)r, (size_t)c) : line_list(dat, t, 0, (size_t)r, 0);
}

int
td_dat_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    TdOp *dat = (TdOp *)self;
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "table cells cannot be deleted (use deleteRow / deleteCol)");
        return -1;
    }
    if (!PyTuple_Check(key) || PyTuple_GET_SIZE(key) != 2) {
        PyErr_SetString(PyExc_TypeError, "assign a cell as dat[row, col] = value");
        return -1;
    }
    PyObject *b = td_dat_cell_bytes(value);
    dat_key *k = b != NULL ? keys_parse(key, "[]") : NULL;
    td_table *t = k != NULL ? table_of(dat, "[]") : NULL;
    int rc = -1;
    if (t != NULL) {
        Py_ssize_t r = key_find(t, 0, &k[0], 0, 1), c = key_find(t, 1, &k[1], 0, 1);
        if (r < 0 || c < 0) {
            PyErr_Format(PyExc_IndexError, "%R: no such cell in a table of %zu rows and %zu columns", key, t->nrows,
                         t->ncols);
        }
        else {
            td_err err = {0};
            rc = td_table_set(t, (size_t)r, (size_t)c, PyBytes_AS_STRING(b), (size_t)PyBytes_GET_SIZE(b), &err);
            if (rc < 0) {
                td_dat_raise(dat, &err);
            }
            else {
                td_op_touch(dat);
            }
        }
    }
    keys_free(k, 2);
    Py_XDECREF(b);
    return rc;
}

/* ---- cell, cells ---- */

static PyObject *
find_cells(PyObject *self, PyObject *args, PyObject *kwds, int all, const char *fname)
{
    static char *kwlist[] = {"rowNameOrIndex", "colNameOrIndex", "caseSensitive", "val", NULL};
    PyObject *ro, *co;
    int cs = 1, val = 0;
    char fmt[32];
    snprintf(fmt, sizeof(fmt), "OO|pp:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &ro, &co, &cs, &val)) {
        return NULL;
    }
    PyObject *pair = PyTuple_Pack(2, ro, co);
    dat_key *k = pair != NULL ? keys_parse(pair, fname) : NULL;
    Py_XDECREF(pair);
    TdOp *dat = (TdOp *)self;
    td_table *t = k != NULL ? table_of(dat, fname) : NULL;
    if (t == NULL) {
        keys_free(k, 2);
        return NULL;
    }
    PyObject *out = all ? PyList_New(0) : NULL;
    for (size_t r = 0; r < t->nrows && (all ? out != NULL : out == NULL) && !PyErr_Occurred(); r++) {
        if (!key_matches(t, 0, r, &k[0], 1, cs)) {
            continue;
        }
        for (size_t c = 0; c < t->ncols; c++) {
            if (!key_matches(t, 1, c, &k[1], 1, cs)) {
                continue;
            }
            PyObject *cell = cell_object(dat, t, r, c, val);
            if (!all || cell == NULL) {
                if (all) {
                    Py_CLEAR(out);
                }
                out = cell;
                break;
            }
            int bad = PyList_Append(out, cell) < 0;
            Py_DECREF(cell);
            if (bad) {
                Py_CLEAR(out);
                break;
            }
        }
        if (!all && out != NULL) {
            break;
        }
    }
    keys_free(k, 2);
    if (out == NULL && !PyErr_Occurred()) {
        Py_RETURN_NONE;
    }
    return out;
}

PyObject *
td_dat_cell(PyObject *self, PyObject *args, PyObject *kwds)
{
    return find_cells(self, args, kwds, 0, "cell");
}

PyObject *
td_dat_cells(PyObject *self, PyObject *args, PyObject *kwds)
{
    return find_cells(self, args, kwds, 1, "cells");
}

/* ---- row, col, rows, cols ---- */

static PyObject *
find_lines(PyObject *self, PyObject *args, PyObject *kwds, int axis, int all, const char *fname)
{
    int cs = 1, val = 0;
    static char *kwlist[] = {"caseSensitive", "val", NULL};
    PyObject *empty = PyTuple_New(0);
    char fmt[32];
    snprintf(fmt, sizeof(fmt), "|pp:%s", fname);
    int ok = empty != NULL && PyArg_ParseTupleAndKeywords(empty, kwds, fmt, kwlist, &cs, &val);
    Py_XDECREF(empty);
    if (!ok) {
        return NULL;
    }
    Py_ssize_t nk = PyTuple_GET_SIZE(args);
    if (!all && nk == 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes at least one row/column name or index", fname);
        return NULL;
    }
    dat_key *k = keys_parse(args, fname);
    TdOp *dat = (TdOp *)self;
    td_table *t = k != NULL ? table_of(dat, fname) : NULL;
    if (t == NULL) {
        keys_free(k, nk);
        return NULL;
    }
    PyObject *out = all ? PyList_New(0) : NULL;
    if (!all) {
        /* the first line matching any key, keys in order */
        for (Py_ssize_t j = 0; j < nk && out == NULL && !PyErr_Occurred(); j++) {
            Py_ssize_t i = key_find(t, axis, &k[j], 1, cs);
            if (i >= 0) {
                out = line_list(dat, t, axis, (size_t)i, val);
            }
        }
    }
    for (size_t i = 0; all && out != NULL && i < nlines(t, axis); i++) {
        int hit = nk == 0;
        for (Py_ssize_t j = 0; !hit && j < nk; j++) {
            hit = key_matches(t, axis, i, &k[j], 1, cs);
        }
        PyObject *line = hit ? line_list(dat, t, axis, i, val) : NULL;
        if (hit && (line == NULL || PyList_Append(out, line) < 0)) {
            Py_CLEAR(out);
        }
        Py_XDECREF(line);
    }
    keys_free(k, nk);
    if (out == NULL && !PyErr_Occurred()) {
        Py_RETURN_NONE;
    }
    return out;
}

PyObject *
td_dat_row(PyObject *self, PyObject *args, PyObject *kwds)
{
    return find_lines(self, args, kwds, 0, 0, "row");
}

PyObject *
td_dat_col(PyObject *self, PyObject *args, PyObject *kwds)
{
    return find_lines(self, args, kwds, 1, 0, "col");
}

PyObject *
td_dat_rows(PyObject *self, PyObject *args, PyObject *kwds)
{
    return find_lines(self, args, kwds, 0, 1, "rows");
}

PyObject *
td_dat_cols(PyObject *self, PyObject *args, PyObject *kwds)
{
    return find_lines(self, args, kwds, 1, 1, "cols");
}

/* ---- editing ---- */

/* vals as a tuple of UTF-8 bytes: None is no values, a str one value, an iterable its items,
 * anything else one value. */
static PyObject *
vals_bytes(PyObject *vals)
{
    if (vals == NULL || vals == Py_None) {
        return PyTuple_New(0);
    }
    PyObject *items = NULL;
    PyObject *it = PyUnicode_Check(vals) || PyBytes_Check(vals) ? NULL : PyObject_GetIter(vals);
    if (it == NULL) {
        if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_TypeError)) {
            return NULL;
        }
        PyErr_Clear();
        items = PyTuple_Pack(1, vals);
    }
    else {
        items = PySequence_Tuple(it);
        Py_DECREF(it);
    }
    if (items == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(items); i++) {
        PyObject *b = td_dat_cell_bytes(PyTuple_GET_ITEM(items, i));
        if (b == NULL) {
            Py_DECREF(items);
            return NULL;
        }
        Py_SETREF(PyTuple_GET_ITEM(items, i), b); /* items is a fresh tuple we own */
    }
    return items;
}

/* (r, c) of position pos on line i. */
static void
at(int axis, size_t i, size_t pos, size_t *r, size_t *c)
{
    *r = axis == 0 ? i : pos;
    *c = axis == 0 ? pos : i;
}

static int
widen(td_table *t, int axis, size_t n, td_err *err)
{
    if (nlines(t, !axis) >= n) {
        return 0;
    }
    return axis == 0 ? td_table_resize(t, t->nrows, n, err) : td_table_resize(t, n, t->ncols, err);
}

/* Fills line i with vals from position 0 (clearing the rest when entire). */
static int
fill_line(td_table *t, int axis, size_t i, PyObject *vals, int entire, td_err *err)
{
    size_t n = (size_t)PyTuple_GET_SIZE(vals);
    for (size_t p = 0; p < nlines(t, !axis); p++) {
        if (p >= n && !entire) {
            break;
        }
        size_t r, c;
        at(axis, i, p, &r, &c);
        PyObject *b = p < n ? PyTuple_GET_ITEM(vals, (Py_ssize_t)p) : NULL;
        if (td_table_set(t, r, c, b != NULL ? PyBytes_AS_STRING(b) : "", b != NULL ? (size_t)PyBytes_GET_SIZE(b) : 0,
                         err) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
not_found(const char *fname, int axis, PyObject *key)
{
    PyErr_Format(PyExc_IndexError, "%s(): no %s %R", fname, axis == 0 ? "row" : "column", key);
    return -1;
}

/* appendRow/insertRow/appendCol/insertCol. after: append (after the line) rather than insert. */
static PyObject *
add_line(PyObject *self, PyObject *args, PyObject *kwds, int axis, int after, const char *fname)
{
    static char *kwlist[] = {"vals", "nameOrIndex", "sort", NULL};
    PyObject *vals = Py_None, *where = Py_None, *sort = Py_None;
    char fmt[32];
    snprintf(fmt, sizeof(fmt), "|OO$O:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &vals, &where, &sort)) {
        return NULL;
    }
    TdOp *dat = (TdOp *)self;
    PyObject *b = vals_bytes(vals);
    dat_key kw = {0}, ks = {0};
    int have_where = where != Py_None, have_sort = sort != Py_None;
    int ok = b != NULL && (!have_where || key_parse(where, &kw, fname) == 0) &&
             (!have_sort || key_parse(sort, &ks, fname) == 0);
    td_table *t = ok ? table_of(dat, fname) : NULL;
    PyObject *result = NULL;
    if (t != NULL) {
        size_t n = nlines(t, axis);
        size_t pos = after ? n : 0;
        if (have_where) {
            Py_ssize_t i = key_find(t, axis, &kw, 0, 1);
            pos = i < 0 ? SIZE_MAX : (size_t)i + (after ? 1 : 0);
        }
        Py_ssize_t sort_line = have_sort ? key_find(t, !axis, &ks, 0, 1) : -1;
        if (pos == SIZE_MAX) {
            not_found(fname, axis, where);
        }
        else if (have_sort && sort_line < 0) {
            not_found(fname, !axis, sort);
        }
        else {
            if (have_sort) {
                /* before the first line whose sort cell orders after the new value (string order) */
                size_t sp = (size_t)sort_line;
                const char *mine = sp < (size_t)PyTuple_GET_SIZE(b) ? PyBytes_AS_STRING(PyTuple_GET_ITEM(b, sp)) : "";
                pos = n;
                for (size_t i = 0; i < n; i++) {
                    size_t r, c;
                    at(axis, i, sp, &r, &c);
                    if (strcmp(td_table_get(t, r, c, NULL), mine) > 0) {
                        pos = i;
                        break;
                    }
                }
            }
            td_err err = {0};
            int rc = widen(t, axis, (size_t)PyTuple_GET_SIZE(b), &err);
            if (rc == 0) {
                rc = axis == 0 ? td_table_insert_row(t, pos, &err) : td_table_insert_col(t, pos, &err);
            }
            if (rc == 0) {
                rc = fill_line(t, axis, pos, b, 0, &err);
            }
            td_op_touch(dat);
            if (rc < 0) {
                td_dat_raise(dat, &err);
            }
            else {
                result = PyLong_FromSize_t(pos);
            }
        }
    }
    Py_XDECREF(kw.name);
    Py_XDECREF(ks.name);
    Py_XDECREF(b);
    return result;
}

PyObject *
td_dat_append_row(PyObject *self, PyObject *args, PyObject *kwds)
{
    return add_line(self, args, kwds, 0, 1, "appendRow");
}

PyObject *
td_dat_append_col(PyObject *self, PyObject *args, PyObject *kwds)
{
    return add_line(self, args, kwds, 1, 1, "appendCol");
}

PyObject *
td_dat_insert_row(PyObject *self, PyObject *args, PyObject *kwds)
{
    return add_line(self, args, kwds, 0, 0, "insertRow");
}

PyObject *
td_dat_insert_col(PyObject *self, PyObject *args, PyObject *kwds)
{
    return add_line(self, args, kwds, 1, 0, "insertCol");
}

static PyObject *
replace_line(PyObject *self, PyObject *args, PyObject *kwds, int axis, const char *fname)
{
    static char *kwrow[] = {"nameOrIndex", "vals", "entireRow", NULL};
    static char *kwcol[] = {"nameOrIndex", "vals", "entireCol", NULL};
    PyObject *where, *vals = Py_None;
    int entire = 1;
    char fmt[32];
    snprintf(fmt, sizeof(fmt), "O|O$p:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, axis == 0 ? kwrow : kwcol, &where, &vals, &entire)) {
        return NULL;
    }
    TdOp *dat = (TdOp *)self;
    dat_key k = {0};
    PyObject *b = vals_bytes(vals);
    td_table *t = b != NULL && key_parse(where, &k, fname) == 0 ? table_of(dat, fname) : NULL;
    PyObject *result = NULL;
    if (t != NULL) {
        Py_ssize_t i = key_find(t, axis, &k, 0, 1);
        if (i < 0) {
            not_found(fname, axis, where);
        }
        else {
            td_err err = {0};
            int rc = widen(t, axis, (size_t)PyTuple_GET_SIZE(b), &err);
            if (rc == 0) {
                rc = fill_line(t, axis, (size_t)i, b, entire, &err);
            }
            td_op_touch(dat);
            if (rc < 0) {
                td_dat_raise(dat, &err);
            }
            else {
                result = PyLong_FromSsize_t(i);
            }
        }
    }
    Py_XDECREF(k.name);
    Py_XDECREF(b);
    return result;
}

PyObject *
td_dat_replace_row(PyObject *self, PyObject *args, PyObject *kwds)
{
    return replace_line(self, args, kwds, 0, "replaceRow");
}

PyObject *
td_dat_replace_col(PyObject *self, PyObject *args, PyObject *kwds)
{
    return replace_line(self, args, kwds, 1, "replaceCol");
}

static PyObject *
delete_line(PyObject *self, PyObject *arg, int axis, const char *fname)
{
    TdOp *dat = (TdOp *)self;
    dat_key k = {0};
    td_table *t = key_parse(arg, &k, fname) == 0 ? table_of(dat, fname) : NULL;
    PyObject *result = NULL;
    if (t != NULL) {
        Py_ssize_t i = key_find(t, axis, &k, 0, 1);
        if (i < 0) {
            not_found(fname, axis, arg);
        }
        else {
            if (axis == 0) {
                td_table_delete_row(t, (size_t)i);
            }
            else {
                td_table_delete_col(t, (size_t)i);
            }
            td_op_touch(dat);
            result = Py_NewRef(Py_None);
        }
    }
    Py_XDECREF(k.name);
    return result;
}

PyObject *
td_dat_delete_row(PyObject *self, PyObject *arg)
{
    return delete_line(self, arg, 0, "deleteRow");
}

PyObject *
td_dat_delete_col(PyObject *self, PyObject *arg)
{
    return delete_line(self, arg, 1, "deleteCol");
}

PyObject *
td_dat_set_size(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"numrows", "numcols", NULL};
    Py_ssize_t nr, nc;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "nn:setSize", kwlist, &nr, &nc)) {
        return NULL;
    }
    if (nr < 0 || nc < 0) {
        PyErr_Format(PyExc_ValueError, "setSize(): the size must not be negative, not (%zd, %zd)", nr, nc);
        return NULL;
    }
    TdOp *dat = (TdOp *)self;
    td_table *t = table_of(dat, "setSize");
    if (t == NULL) {
        return NULL;
    }
    td_err err = {0};
    if (td_table_resize(t, (size_t)nr, (size_t)nc, &err) < 0) {
        td_dat_raise(dat, &err);
        return NULL;
    }
    td_op_touch(dat);
    Py_RETURN_NONE;
}
