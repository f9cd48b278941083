/* DAT: the base class of data operators (textDAT, tableDAT) and their shared storage: the contents
 * (ops/dat.h), their cook (loading the file parameter) and the members every DAT has
 * (text, numRows, numCols, isTable, isText, clear, write, copy). Table access is dat_table.c,
 * persistence dat_state.c.
 *
 *   >>> t = td.root.create(td.tableDAT); t.text = 'name\tvalue\nx\t1\n'
 *   >>> t['x', 'value'].val, t.numRows, t.numCols
 *   ('1', 2, 2)
 */
#include "ops/dat.h"

const char *const td_menu_dat_language[] = {"input", "node", NULL};
const char *const td_menu_dat_extension[] = {"dat", "language", "custom", NULL};
const char *const td_menu_dat_wordwrap[] = {"input", "on", "off", NULL};

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/bridge.h"
#include "bind/state.h"
#include "ops/registry.h"

/* ---- contents ---- */

td_dat_data *
td_dat_data_of(TdOp *dat)
{
    if (dat->ext == NULL) {
        td_dat_data *d = PyMem_Calloc(1, sizeof(td_dat_data));
        if (d == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        td_table_init(&d->table);
        dat->ext = d;
    }
    return dat->ext;
}

void
td_dat_release(TdOp *dat)
{
    td_dat_data *d = dat->ext;
    if (d == NULL) {
        return;
    }
    dat->ext = NULL;
    free(d->text);
    free(d->loaded);
    td_table_free(&d->table);
    PyMem_Free(d);
}

void
td_dat_raise(TdOp *dat, const td_err *err)
{
    td_raise_err(td_state_of((PyObject *)dat), err);
}

int
td_dat_require_table(TdOp *dat, const char *what)
{
    if (td_dat_class_of(dat)->table) {
        return 0;
    }
    PyObject *path = td_op_path(dat);
    if (path != NULL) {
        PyErr_Format(td_state_of((PyObject *)dat)->tdError,
                     "%s: %U holds text, not a table (isTable is False); use a tableDAT", what, path);
        Py_DECREF(path);
    }
    return -1;
}

static void
record_memory(TdOp *dat, td_dat_data *d)
{
    td_op_record_memory(dat, d->text_len + td_table_bytes(&d->table));
}

int
td_dat_set_text(TdOp *dat, const char *text, size_t len)
{
    td_dat_data *d = td_dat_data_of(dat);
    if (d == NULL) {
        return -1;
    }
    if (td_dat_class_of(dat)->table) {
        td_table t;
        td_err err = {0};
        td_table_init(&t);
        if (td_table_parse(text, len, 0, &t, &err) < 0) {
            td_dat_raise(dat, &err);
            return -1;
        }
        td_dat_set_table(dat, &t);
        return 0;
    }
    char *copy = NULL;
    if (len > 0) {
        copy = malloc(len + 1);
        if (copy == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(copy, text, len);
        copy[len] = '\0';
    }
    td_dat_take_text(dat, copy, len);
    return 0;
}

void
td_dat_take_text(TdOp *dat, char *text, size_t len)
{
    td_dat_data *d = dat->ext; /* made by the caller's td_dat_data_of */
    free(d->text);
    d->text = text;
    d->text_len = len;
    record_memory(dat, d);
    td_op_touch(dat);
}

void
td_dat_set_table(TdOp *dat, td_table *t)
{
    td_dat_data *d = dat->ext; /* made by the caller's td_dat_data_of */
    td_table_move(&d->table, t);
    record_memory(dat, d);
    td_op_touch(dat);
}

PyObject *
td_dat_text_object(TdOp *dat, td_dat_data *d)
{
    if (!td_dat_class_of(dat)->table) {
        return PyUnicode_DecodeUTF8(d->text != NULL ? d->text : "", (Py_ssize_t)d->text_len, "replace");
    }
    size_t len;
    char *s = td_table_format(&d->table, &len);
    if (s == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *r = PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "replace");
    free(s);
    return r;
}

/* ---- the cook: the file parameter ---- */

/* Reads the whole file at path into a malloc'd buffer; 0, or -1 with errno. */
static int
read_file(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return -1;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    int rc = buf != NULL ? 0 : -1;
    while (rc == 0) {
        if (n == cap) {
            char *b = cap < ((size_t)1 << 40) ? realloc(buf, cap * 2) : NULL;
            if (b == NULL) {
                errno = ENOMEM;
                rc = -1;
                break;
            }
            buf = b;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            rc = ferror(f) ? -1 : 1;
        }
    }
    fclose(f);
    if (rc < 0) {
        free(buf);
        return -1;
    }
    *out = buf;
    *len = n;
    return 0;
}

static int
ends_with_csv(const char *path)
{
    size_t n = strlen(path);
    return n >= 4 && path[n - 4] == '.' && (path[n - 3] | 32) == 'c' && (path[n - 2] | 32) == 's' &&
           (path[n - 1] | 32) == 'v';
}

/* Loads the file at path into dat (its parse for a tableDAT); -1 with a tdError naming both. */
static int
load_file(TdOp *dat, const char *path, int skip_blank)
{
    char *buf = NULL;
    size_t len = 0;
    int rc, saved = 0;
    Py_BEGIN_ALLOW_THREADS
    rc = read_file(path, &buf, &len);
    saved = errno;
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        PyObject *p = td_op_path(dat);
        if (p != NULL) {
            PyErr_Format(td_state_of((PyObject *)dat)->tdError, "%U: cannot read file '%s': %s", p, path,
                         strerror(saved));
            Py_DECREF(p);
        }
        return -1;
    }
    /* Stored as UTF-8: a byte-order mark is dropped, invalid bytes become U+FFFD. */
    size_t skip = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    PyObject *u = PyUnicode_DecodeUTF8(buf + skip, (Py_ssize_t)(len - skip), "replace");
    free(buf);
    Py_ssize_t n;
    const char *s = u != NULL ? PyUnicode_AsUTF8AndSize(u, &n) : NULL;
    if (s == NULL) {
        Py_XDECREF(u);
        return -1;
    }
    if (!td_dat_class_of(dat)->table) {
        rc = td_dat_set_text(dat, s, (size_t)n);
    }
    else {
        td_table t;
        td_err err = {0};
        td_table_init(&t);
        rc = ends_with_csv(path) ? td_table_parse_csv(s, (size_t)n, &t, &err)
                                 : td_table_parse(s, (size_t)n, skip_blank, &t, &err);
        if (rc < 0) {
            td_dat_raise(dat, &err);
        }
        else {
            td_dat_set_table(dat, &t);
        }
    }
    Py_DECREF(u);
    return rc;
}

/* Loads the file parameter's file if it names one not loaded yet (or force / the reload pulse).
 * A load is a cook of the DAT (counted; a failure is its error). */
static int
dat_load(TdOp *dat, int force)
{
    const td_dat_class *proto = td_dat_class_of(dat);
    td_values *vals = td_op_values(dat);
    if (vals == NULL) {
        return -1;
    }
    td_dat_data *d = td_dat_data_of(dat);
    if (d == NULL || td_op_check(dat) < 0) {
        td_values_free(vals);
        return -1;
    }
    const char *path = td_values_str(vals, proto->par_file);
    int pulse = proto->par_load_pulse >= 0 && vals->v[proto->par_load_pulse].num != 0;
    int skip_blank = proto->par_removeblank >= 0 && vals->v[proto->par_removeblank].num != 0;
    int rc = 0;
    if (path[0] == '\0') {
        free(d->loaded);
        d->loaded = NULL; /* naming the file again loads it again */
        if (force) {
            td_op_cook_begin(dat);
            td_op_cook_end(dat, 1);
        }
    }
    else if (force || pulse || d->loaded == NULL || strcmp(d->loaded, path) != 0) {
        char *copy = strdup(path);
        if (copy == NULL) {
            td_values_free(vals);
            PyErr_NoMemory();
            return -1;
        }
        td_op_cook_begin(dat);
        rc = load_file(dat, path, skip_blank);
        if (rc < 0) {
            td_op_cook_failed(dat);
            free(copy);
        }
        else {
            free(d->loaded);
            d->loaded = copy;
        }
        td_op_cook_end(dat, 1);
    }
    td_values_free(vals);
    return rc;
}

int
td_dat_cook(TdOp *dat, int force)
{
    if (td_op_check(dat) < 0) {
        return -1;
    }
    const td_dat_class *proto = td_dat_class_of(dat);
    Py_INCREF(dat);
    int rc = proto->compute != NULL ? proto->compute(dat, force) : dat_load(dat, force);
    Py_DECREF(dat);
    return rc;
}

td_dat_data *
td_dat_contents(TdOp *dat)
{
    if (td_op_check(dat) < 0 || td_dat_cook(dat, 0) < 0) {
        return NULL;
    }
    return td_dat_data_of(dat);
}

/* ---- members ---- */

static PyObject *
dat_get_text(TdOp *dat, void *c)
{
    (void)c;
    td_dat_data *d = td_dat_contents(dat);
    return d != NULL ? td_dat_text_object(dat, d) : NULL;
}

/* value as UTF-8 of an exact str (a str subclass is converted first: no __str__ is kept). */
static PyObject *
text_arg(PyObject *value, const char *what)
{
    if (value == NULL) {
        PyErr_Format(PyExc_AttributeError, "%s cannot be deleted", what);
        return NULL;
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "%s takes a str, not %.100s", what, Py_TYPE(value)->tp_name);
        return NULL;
    }
    return PyUnicode_AsUTF8String(value);
}

static int
dat_set_text(TdOp *dat, PyObject *value, void *c)
{
    (void)c;
    if (td_op_check(dat) < 0) {
        return -1;
    }
    PyObject *b = text_arg(value, "text");
    if (b == NULL) {
        return -1;
    }
    int rc = td_op_check(dat) < 0 ? -1 : td_dat_set_text(dat, PyBytes_AS_STRING(b), (size_t)PyBytes_GET_SIZE(b));
    Py_DECREF(b);
    return rc;
}

static int
dat_set_csv(TdOp *dat, PyObject *value, void *c)
{
    (void)c;
    if (td_op_check(dat) < 0 || td_dat_require_table(dat, "csv") < 0) {
        return -1;
    }
    PyObject *b = text_arg(value, "csv");
    if (b == NULL || td_op_check(dat) < 0 || td_dat_data_of(dat) == NULL) {
        Py_XDECREF(b);
        return -1;
    }
    td_table t;
    td_err err = {0};
    td_table_init(&t);
    int rc = td_table_parse_csv(PyBytes_AS_STRING(b), (size_t)PyBytes_GET_SIZE(b), &t, &err);
    Py_DECREF(b);
    if (rc < 0) {
        td_dat_raise(dat, &err);
        return -1;
    }
    td_dat_set_table(dat, &t);
    return 0;
}

static PyObject *
dat_get_csv(TdOp *dat, void *c)
{
    (void)c;
    td_dat_data *d = td_dat_contents(dat);
    if (d == NULL || td_dat_require_table(dat, "csv") < 0) {
        return NULL;
    }
    /* Cells with ',', '"' or a newline are quoted, quotes doubled; rows end with '\n'. */
    PyObject *out = PyUnicode_FromString("");
    PyObject *parts = PyList_New(0);
    for (size_t r = 0; parts != NULL && r < d->table.nrows; r++) {
        for (size_t k = 0; parts != NULL && k < d->table.ncols; k++) {
            size_t len;
            const char *s = td_table_get(&d->table, r, k, &len);
            int quote = strpbrk(s, ",\"\n\r") != NULL;
            PyObject *cell = PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "replace");
            PyObject *q = NULL;
            if (cell != NULL && quote) {
                PyObject *one = PyUnicode_FromString("\""), *two = PyUnicode_FromString("\"\"");
                PyObject *dq = one != NULL && two != NULL ? PyUnicode_Replace(cell, one, two, -1) : NULL;
                q = dq != NULL ? PyUnicode_FromFormat("\"%U\"", dq) : NULL;
                Py_XDECREF(one);
                Py_XDECREF(two);
                Py_XDECREF(dq);
            }
            PyObject *sep = PyUnicode_FromString(k + 1 < d->table.ncols ? "," : "\n");
            if (cell == NULL || (quote && q == NULL) || sep == NULL || PyList_Append(parts, quote ? q : cell) < 0 ||
                PyList_Append(parts, sep) < 0) {
                Py_CLEAR(parts);
            }
            Py_XDECREF(cell);
            Py_XDECREF(q);
            Py_XDECREF(sep);
        }
        if (parts != NULL && d->table.ncols == 0) {
            PyObject *nl = PyUnicode_FromString("\n");
            if (nl == NULL || PyList_Append(parts, nl) < 0) {
                Py_CLEAR(parts);
            }
            Py_XDECREF(nl);
        }
    }
    PyObject *r = out != NULL && parts != NULL ? PyUnicode_Join(out, parts) : NULL;
    Py_XDECREF(out);
    Py_XDECREF(parts);
    return r;
}

/* numRows/numCols: a table's size; for text, its lines and the longest line in characters. */
static PyObject *
dat_get_size(TdOp *dat, void *c)
{
    td_dat_data *d = td_dat_contents(dat);
    if (d == NULL) {
        return NULL;
    }
    int cols = c != NULL;
    if (td_dat_class_of(dat)->table) {
        return PyLong_FromSize_t(cols ? d->table.ncols : d->table.nrows);
    }
    size_t lines = 0, longest = 0, start = 0;
    const char *s = d->text;
    while (start < d->text_len) {
        const char *nl = memchr(s + start, '\n', d->text_len - start);
        size_t end = nl != NULL ? (size_t)(nl - s) : d->text_len;
        size_t chars = 0;
        for (size_t i = start; i < end; i++) {
            chars += ((unsigned char)s[i] & 0xC0) != 0x80; /* UTF-8 lead bytes */
        }
        longest = chars > longest ? chars : longest;
        lines++;
        start = end + 1;
    }
    return PyLong_FromSize_t(cols ? longest : lines);
}

static PyObject *
dat_get_is(TdOp *dat, void *c)
{
    if (td_op_check(dat) < 0) {
        return NULL;
    }
    int table = td_dat_class_of(dat)->table;
    return PyBool_FromLong(c != NULL ? table : !table);
}

static PyObject *
dat_get_true(TdOp *dat, void *c)
{
    (void)c;
    if (td_op_check(dat) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
dat_clear(TdOp *dat, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"keepSize", "keepFirstRow", "keepFirstCol", NULL};
    int keep_size = 0, keep_row = 0, keep_col = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$ppp:clear", kwlist, &keep_size, &keep_row, &keep_col)) {
        return NULL;
    }
    td_dat_data *d = td_dat_contents(dat);
    if (d == NULL) {
        return NULL;
    }
    if (!td_dat_class_of(dat)->table) {
        return td_dat_set_text(dat, "", 0) < 0 ? NULL : Py_NewRef(Py_None);
    }
    /* The kept cells are copied into a new table of the size that remains. */
    const td_table *old = &d->table;
    size_t nrows = keep_size ? old->nrows : (keep_row && old->nrows > 0 ? 1 : 0);
    size_t ncols = keep_size ? old->ncols : (keep_row && old->nrows > 0 ? old->ncols : 0);
    if (!keep_size && keep_col && old->ncols > 0) {
        nrows = old->nrows;
        ncols = ncols > 1 ? ncols : 1;
    }
    td_table t;
    td_err err = {0};
    td_table_init(&t);
    int rc = td_table_resize(&t, nrows, ncols, &err);
    for (size_t r = 0; rc == 0 && r < nrows; r++) {
        for (size_t c = 0; rc == 0 && c < ncols; c++) {
            if ((keep_row && r == 0) || (keep_col && c == 0)) {
                size_t len;
                const char *s = td_table_get(old, r, c, &len);
                rc = td_table_set(&t, r, c, s, len, &err);
            }
        }
    }
    if (rc < 0) {
        td_table_free(&t);
        td_dat_raise(dat, &err);
        return NULL;
    }
    td_dat_set_table(dat, &t);
    Py_RETURN_NONE;
}

static PyObject *
dat_write(TdOp *dat, PyObject *args)
{
    if (td_op_check(dat) < 0) {
        return NULL;
    }
    /* str() of each argument, joined, appended to the text (for a table: to its text form). */
    PyObject *empty = PyUnicode_FromString("");
    PyObject *parts = PyList_New(0);
    for (Py_ssize_t i = 0; parts != NULL && i < PyTuple_GET_SIZE(args); i++) {
        PyObject *s = PyObject_Str(PyTuple_GET_ITEM(args, i));
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_CLEAR(parts);
        }
        Py_XDECREF(s);
    }
    PyObject *added = empty != NULL && parts != NULL ? PyUnicode_Join(empty, parts) : NULL;
    Py_XDECREF(empty);
    Py_XDECREF(parts);
    td_dat_data *d = added != NULL ? td_dat_contents(dat) : NULL;
    PyObject *now = d != NULL ? td_dat_text_object(dat, d) : NULL;
    PyObject *all = now != NULL ? PyUnicode_Concat(now, added) : NULL;
    Py_XDECREF(now);
    Py_ssize_t n;
    const char *s = all != NULL ? PyUnicode_AsUTF8AndSize(all, &n) : NULL;
    int rc = s != NULL ? td_dat_set_text(dat, s, (size_t)n) : -1;
    Py_XDECREF(all);
    if (rc < 0) {
        Py_XDECREF(added);
        return NULL;
    }
    return added;
}

static PyObject *
dat_copy(TdOp *dat, PyObject *arg)
{
    if (td_op_check(dat) < 0) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)dat);
    if (!PyObject_TypeCheck(arg, st->base_types[TD_BASE_DAT])) {
        PyErr_Format(PyExc_TypeError, "copy() takes a DAT, not %.100s", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    TdOp *src = (TdOp *)arg;
    td_dat_data *s = td_dat_contents(src);
    if (s == NULL || td_dat_contents(dat) == NULL || td_op_check(src) < 0) {
        return NULL;
    }
    s = src->ext;
    if (td_dat_class_of(dat)->table && td_dat_class_of(src)->table) {
        td_table t;
        td_err err = {0};
        td_table_init(&t);
        if (td_table_copy(&t, &s->table, &err) < 0) {
            td_dat_raise(dat, &err);
            return NULL;
        }
        td_dat_set_table(dat, &t);
        Py_RETURN_NONE;
    }
    PyObject *text = td_dat_text_object(src, s);
    Py_ssize_t n;
    const char *u = text != NULL ? PyUnicode_AsUTF8AndSize(text, &n) : NULL;
    int rc = u != NULL ? td_dat_set_text(dat, u, (size_t)n) : -1;
    Py_XDECREF(text);
    return rc < 0 ? NULL : Py_NewRef(Py_None);
}

static PyObject *
dat_flush(TdOp *dat, PyObject *unused)
{
    (void)unused;
    if (td_op_check(dat) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyGetSetDef dat_getset[] = {
    {"text", (getter)dat_get_text, (setter)dat_set_text,
     "Get or set contents (str). Tables are tab-delimited columns and newline-ended rows; newlines inside\n"
     "cells are removed in this form (use csv).", NULL},
    {"csv", (getter)dat_get_csv, (setter)dat_set_csv,
     "Get or set a table's contents in csv form (quoted cells may hold commas, quotes and newlines).", NULL},
    {"numRows", (getter)dat_get_size, NULL,
     "Number of rows in the table; for text, the number of lines (read-only).", NULL},
    {"numCols", (getter)dat_get_size, NULL,
     "Number of columns in the table; for text, the characters of the longest line (read-only).", "c"},
    {"isTable", (getter)dat_get_is, NULL, "True if the DAT contains table formatted data (read-only).", "t"},
    {"isText", (getter)dat_get_is, NULL, "True if the DAT contains text, not a table (read-only).", NULL},
    {"isEditable", (getter)dat_get_true, NULL, "True: text and table DATs can be edited (read-only).", NULL},
    {NULL},
};

static PyMethodDef dat_methods[] = {
    {"clear", (PyCFunction)(void (*)(void))dat_clear, METH_VARARGS | METH_KEYWORDS,
     "clear($self, /, *, keepSize=False, keepFirstRow=False, keepFirstCol=False)\n--\n\nRemove all rows and\n"
     "columns (text: all text). keepSize keeps the size with blank cells; keepFirstRow / keepFirstCol keep the\n"
     "first row / column of cells."},
    {"write", (PyCFunction)dat_write, METH_VARARGS,
     "write($self, /, *args)\n--\n\nAppend str() of the arguments to the contents (print(..., file=dat) works);\n"
     "returns the text appended."},
    {"copy", (PyCFunction)dat_copy, METH_O,
     "copy($self, DAT, /)\n--\n\nCopy the text or table of the DAT operator DAT into this one."},
    {"flush", (PyCFunction)dat_flush, METH_NOARGS, "flush($self, /)\n--\n\nDoes nothing (print() to a DAT)."},
    TD_DAT_TABLE_METHODS
    {NULL},
};

static PyType_Slot dat_slots[] = {
    {Py_tp_doc, "DAT: a data operator holding text (textDAT) or a table of string cells (tableDAT).\n\n"
                "Changing the contents re-cooks what reads them (expressions reading the DAT are evaluated\n"
                "again). The contents are saved by __getstate__ (pickle, copies).\n"
                "dat[r, c] is the Cell at a row and column given by index or by exact name (the cell in the\n"
                "first column / first row), None if there is none; dat[r] is that row's cells (ours:\n"
                "TouchDesigner documents dat[r, c]). dat[r, c] = value stores str(value)."},
    {Py_tp_getset, dat_getset},
    {Py_tp_methods, dat_methods},
    {Py_mp_subscript, td_dat_subscript},
    {Py_mp_ass_subscript, td_dat_ass_subscript},
    {0, NULL},
};

PyType_Spec td_DAT_spec = {
    .name = "td_render.DAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = dat_slots,
};
