/* Cell: one cell of a tableDAT, by position (its owner, row and column). Cells are stored as
 * strings; a Cell used in arithmetic or a comparison acts as its value: an int or a float when the
 * string reads as one, else the str (TouchDesigner's "Casting to a Value").
 *
 *   >>> t[1, 1].val, t[1, 1] + 1, float(t[1, 1]), t[1, 1] == 3
 *   ('3', 4, 3.0, True)
 */
#include <string.h>

#include "bind/state.h"
#include "ops/dat.h"

typedef struct {
    PyObject_HEAD
    TdOp *owner; /* strong reference */
    size_t row, col;
} TdCell;

PyObject *
td_cell_new(TdOp *dat, size_t r, size_t c)
{
    td_state *st = td_state_of((PyObject *)dat);
    TdCell *cell = PyObject_GC_New(TdCell, st->Cell_type);
    if (cell == NULL) {
        return NULL;
    }
    cell->owner = (TdOp *)Py_NewRef((PyObject *)dat);
    cell->row = r;
    cell->col = c;
    PyObject_GC_Track(cell);
    return (PyObject *)cell;
}

PyObject *
td_dat_cell_bytes(PyObject *value)
{
    PyObject *s = PyObject_Str(value);
    PyObject *b = s != NULL ? PyUnicode_AsUTF8String(s) : NULL;
    Py_XDECREF(s);
    return b;
}

static int
cell_traverse(TdCell *c, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(c));
    Py_VISIT(c->owner);
    return 0;
}

static int
cell_clear(TdCell *c)
{
    Py_CLEAR(c->owner);
    return 0;
}

static void
cell_dealloc(TdCell *c)
{
    PyTypeObject *tp = Py_TYPE(c);
    PyObject_GC_UnTrack(c);
    cell_clear(c);
    PyObject_GC_Del(c);
    Py_DECREF(tp);
}

/* The owner's table if the cell is in it; NULL (no error) if not, or with an error. */
static td_table *
cell_table(TdCell *c, int cook)
{
    if (c->owner == NULL || !c->owner->valid) {
        return NULL;
    }
    td_dat_data *d = cook ? td_dat_contents(c->owner) : td_dat_data_of(c->owner);
    if (d == NULL || c->owner == NULL || !c->owner->valid) {
        return NULL;
    }
    d = c->owner->ext;
    return c->row < d->table.nrows && c->col < d->table.ncols ? &d->table : NULL;
}

/* The table, or NULL with tdError naming the cell. */
static td_table *
cell_check(TdCell *c)
{
    td_table *t = cell_table(c, 1);
    if (t == NULL && !PyErr_Occurred()) {
        td_state *st = td_state_of((PyObject *)c);
        if (c->owner == NULL || !c->owner->valid) {
            PyErr_SetString(st->tdError, "this Cell's DAT was destroyed");
        }
        else {
            PyErr_Format(st->tdError, "the cell (%zu, %zu) no longer exists in its table", c->row, c->col);
        }
    }
    return t;
}

static PyObject *
cell_val(TdCell *c)
{
    td_table *t = cell_check(c);
    if (t == NULL) {
        return NULL;
    }
    size_t len;
    const char *s = td_table_get(t, c->row, c->col, &len);
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "replace");
}

static PyObject *
cell_get_val(TdCell *c, void *unused)
{
    (void)unused;
    return cell_val(c);
}

static int
cell_set_val(TdCell *c, PyObject *value, void *unused)
{
    (void)unused;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "val cannot be deleted");
        return -1;
    }
    PyObject *b = td_dat_cell_bytes(value); /* str() runs first: it may edit or destroy the DAT */
    td_table *t = b != NULL ? cell_check(c) : NULL;
    td_err err = {0};
    int rc = t != NULL ? td_table_set(t, c->row, c->col, PyBytes_AS_STRING(b), (size_t)PyBytes_GET_SIZE(b), &err)
                       : -1;
    Py_XDECREF(b);
    if (t != NULL && rc < 0) {
        td_dat_raise(c->owner, &err);
    }
    if (rc == 0) {
        td_op_touch(c->owner);
    }
    return rc;
}

static PyObject *
cell_get_index(TdCell *c, void *which)
{
    return PyLong_FromSize_t(which != NULL ? c->col : c->row);
}

static PyObject *
cell_get_owner(TdCell *c, void *unused)
{
    (void)unused;
    return Py_NewRef(c->owner != NULL ? (PyObject *)c->owner : Py_None);
}

static PyObject *
cell_get_valid(TdCell *c, void *unused)
{
    (void)unused;
    td_table *t = cell_table(c, 0);
    if (t == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(t != NULL);
}

static PyObject *
cell_offset(TdCell *c, PyObject *args)
{
    Py_ssize_t dr, dc;
    if (!PyArg_ParseTuple(args, "nn:offset", &dr, &dc)) {
        return NULL;
    }
    td_table *t = cell_check(c);
    if (t == NULL) {
        return NULL;
    }
    Py_ssize_t r = (Py_ssize_t)c->row + dr, k = (Py_ssize_t)c->col + dc;
    if (r < 0 || k < 0 || (size_t)r >= t->nrows || (size_t)k >= t->ncols) {
        Py_RETURN_NONE;
    }
    return td_cell_new(c->owner, (size_t)r, (size_t)k);
}

/* ---- the value as Python sees it in expressions ---- */

/* The cell's value: an int if its string reads as one, else a float if it reads as one, else the
 * str. Another object is returned as is (new references). */
static PyObject *
autocast(PyObject *o)
{
    if (Py_TYPE(o)->tp_dealloc != (destructor)cell_dealloc) {
        return Py_NewRef(o);
    }
    PyObject *s = cell_val((TdCell *)o);
    if (s == NULL) {
        return NULL;
    }
    PyObject *v = PyLong_FromUnicodeObject(s, 10);
    if (v == NULL && PyErr_ExceptionMatches(PyExc_ValueError)) {
        PyErr_Clear();
        v = PyFloat_FromString(s);
        if (v == NULL && PyErr_ExceptionMatches(PyExc_ValueError)) {
            PyErr_Clear();
            v = Py_NewRef(s);
        }
    }
    Py_DECREF(s);
    return v;
}

static PyObject *
binary(PyObject *a, PyObject *b, binaryfunc f)
{
    PyObject *x = autocast(a), *y = x != NULL ? autocast(b) : NULL;
    PyObject *r = y != NULL ? f(x, y) : NULL;
    Py_XDECREF(x);
    Py_XDECREF(y);
    return r;
}

#define CELL_BINARY(name, fn)                                                                              \
    static PyObject *name(PyObject *a, PyObject *b) { return binary(a, b, fn); }
CELL_BINARY(cell_add, PyNumber_Add)
CELL_BINARY(cell_sub, PyNumber_Subtract)
CELL_BINARY(cell_mul, PyNumber_Multiply)
CELL_BINARY(cell_truediv, PyNumber_TrueDivide)
CELL_BINARY(cell_floordiv, PyNumber_FloorDivide)
CELL_BINARY(cell_mod, PyNumber_Remainder)

static PyObject *
cell_pow(PyObject *a, PyObject *b, PyObject *m)
{
    PyObject *x = autocast(a), *y = x != NULL ? autocast(b) : NULL;
    PyObject *r = y != NULL ? PyNumber_Power(x, y, m) : NULL;
    Py_XDECREF(x);
    Py_XDECREF(y);
    return r;
}

static PyObject *
unary(PyObject *a, unaryfunc f)
{
    PyObject *x = autocast(a);
    PyObject *r = x != NULL ? f(x) : NULL;
    Py_XDECREF(x);
    return r;
}

static PyObject *cell_neg(PyObject *a) { return unary(a, PyNumber_Negative); }
static PyObject *cell_pos(PyObject *a) { return unary(a, PyNumber_Positive); }
static PyObject *cell_abs(PyObject *a) { return unary(a, PyNumber_Absolute); }
static PyObject *cell_int(PyObject *a) { return unary(a, PyNumber_Long); }
static PyObject *cell_float(PyObject *a) { return unary(a, PyNumber_Float); }

static int
cell_bool(PyObject *a)
{
    PyObject *x = autocast(a);
    int r = x != NULL ? PyObject_IsTrue(x) : -1;
    Py_XDECREF(x);
    return r;
}

static PyObject *
cell_richcompare(PyObject *a, PyObject *b, int op)
{
    PyObject *x = autocast(a), *y = x != NULL ? autocast(b) : NULL;
    PyObject *r = y != NULL ? PyObject_RichCompare(x, y, op) : NULL;
    Py_XDECREF(x);
    Py_XDECREF(y);
    return r;
}

static PyObject *
cell_str(TdCell *c)
{
    return cell_val(c);
}

static PyObject *
cell_repr(TdCell *c)
{
    if (c->owner == NULL || !c->owner->valid) {
        return PyUnicode_FromFormat("type:Cell cell:(%zu, %zu) owner:(destroyed)", c->row, c->col);
    }
    PyObject *path = td_op_path(c->owner);
    td_table *t = path != NULL ? cell_table(c, 0) : NULL;
    PyObject *v = NULL;
    if (t != NULL) {
        size_t len;
        const char *s = td_table_get(t, c->row, c->col, &len);
        v = PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "replace");
    }
    PyObject *r = path == NULL || PyErr_Occurred()
                      ? NULL
                      : v != NULL ? PyUnicode_FromFormat("type:Cell cell:(%zu, %zu) owner:%U value:%U", c->row, c->col,
                                                         path, v)
                                  : PyUnicode_FromFormat("type:Cell cell:(%zu, %zu) owner:%U (gone)", c->row, c->col,
                                                         path);
    Py_XDECREF(path);
    Py_XDECREF(v);
    return r;
}

static PyGetSetDef cell_getset[] = {
    {"val", (getter)cell_get_val, (setter)cell_set_val,
     "Get or set the cell contents, always stored as a string (assigning stores str(value)).", NULL},
    {"row", (getter)cell_get_index, NULL, "The numeric row of the cell (read-only).", NULL},
    {"col", (getter)cell_get_index, NULL, "The numeric column of the cell (read-only).", "c"},
    {"owner", (getter)cell_get_owner, NULL, "The DAT this cell belongs to (read-only).", NULL},
    {"valid", (getter)cell_get_valid, NULL,
     "True while the cell exists: its DAT exists and still has this row and column (read-only).", NULL},
    {NULL},
};

static PyMethodDef cell_methods[] = {
    {"offset", (PyCFunction)cell_offset, METH_VARARGS,
     "offset($self, r, c, /)\n--\n\nThe cell r rows down and c columns right of this one (negative: up, left),\n"
     "or None outside the table."},
    {NULL},
};

static PyType_Slot cell_slots[] = {
    {Py_tp_doc, "Cell: one cell of a table DAT, found with dat[r, c], cell(), row() ...\n\n"
                "Cells are stored as strings; in arithmetic and comparisons a Cell acts as its value read as an\n"
                "int or float when it is one, else as the str: t[1, 2] + 1 is 4 when the cell holds '3'.\n"
                "str(), int() and float() convert it. A Cell refers to a position: after rows are inserted\n"
                "or deleted it reads whatever is at its row and column now."},
    {Py_tp_traverse, cell_traverse},
    {Py_tp_clear, cell_clear},
    {Py_tp_dealloc, cell_dealloc},
    {Py_tp_repr, cell_repr},
    {Py_tp_str, cell_str},
    {Py_tp_hash, PyObject_HashNotImplemented},
    {Py_tp_richcompare, cell_richcompare},
    {Py_tp_getset, cell_getset},
    {Py_tp_methods, cell_methods},
    {Py_nb_add, cell_add},
    {Py_nb_subtract, cell_sub},
    {Py_nb_multiply, cell_mul},
    {Py_nb_true_divide, cell_truediv},
    {Py_nb_floor_divide, cell_floordiv},
    {Py_nb_remainder, cell_mod},
    {Py_nb_power, cell_pow},
    {Py_nb_negative, cell_neg},
    {Py_nb_positive, cell_pos},
    {Py_nb_absolute, cell_abs},
    {Py_nb_int, cell_int},
    {Py_nb_float, cell_float},
    {Py_nb_bool, cell_bool},
    {0, NULL},
};

PyType_Spec td_Cell_spec = {
    .name = "td_render.Cell",
    .basicsize = sizeof(TdCell),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = cell_slots,
};
