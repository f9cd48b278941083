/* Par: one parameter of one operator.
 *
 *   >>> p = cam.par.tz            # a Par, which acts as its current value
 *   >>> p.val, p.eval(), p + 1, p == 5.0, p.name, p.owner, p.default, p.mode
 *   (5.0, 5.0, 6.0, True, 'tz', <cameraCOMP /cam1>, 5.0, <ParMode.CONSTANT: 0>)
 *   >>> p.val = 3                 # same as cam.par.tz = 3 (and selects constant mode)
 *   >>> p.expr = 'absTime.frame'  # expression mode; p.eval() is its result, p.val stays 3
 */
#include <math.h>
#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/path.h"
#include "module.h"

typedef struct {
    PyObject_HEAD
    TdOp *owner;
    Py_ssize_t index;
} TdPar;

PyObject *
td_par_new(td_state *st, TdOp *owner, Py_ssize_t index)
{
    TdPar *p = PyObject_GC_New(TdPar, st->Par_type);
    if (p == NULL) {
        return NULL;
    }
    p->owner = (TdOp *)Py_NewRef((PyObject *)owner);
    p->index = index;
    PyObject_GC_Track(p);
    return (PyObject *)p;
}

static const td_par_def *
par_def(TdPar *p)
{
    return &p->owner->cls->pars[p->index];
}

static int
par_traverse(TdPar *p, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(p));
    Py_VISIT((PyObject *)p->owner);
    return 0;
}

static int
par_clear(TdPar *p)
{
    Py_CLEAR(p->owner);
    return 0;
}

static void
par_dealloc(TdPar *p)
{
    PyTypeObject *tp = Py_TYPE(p);
    PyObject_GC_UnTrack(p);
    par_clear(p);
    PyObject_GC_Del(p);
    Py_DECREF(tp);
}

/* The owner if it still exists, else NULL with tdError set. */
static TdOp *
live(TdPar *p)
{
    if (p->owner == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "parameter has no owner");
        return NULL;
    }
    return td_op_check(p->owner) < 0 ? NULL : p->owner;
}

/* The current value (the expression's result in expression mode). */
static PyObject *
par_value(TdPar *p)
{
    TdOp *op = live(p);
    return op != NULL ? td_par_value_object(op, p->index) : NULL;
}

static PyObject *
par_repr(TdPar *p)
{
    if (p->owner == NULL || !p->owner->valid) {
        return PyUnicode_FromFormat("<Par %s (owner destroyed)>", p->owner != NULL ? par_def(p)->name : "?");
    }
    PyObject *path = td_op_path(p->owner);
    if (path == NULL) {
        return NULL;
    }
    PyObject *r = NULL;
    td_par_slot *slot = &p->owner->pars[p->index];
    if (slot->mode == TD_MODE_EXPRESSION) {
        r = PyUnicode_FromFormat("<Par %U:%s expr=%R>", path, par_def(p)->name, slot->expr);
    }
    else {
        PyObject *v = td_par_constant_object(p->owner, p->index);
        r = v != NULL ? PyUnicode_FromFormat("<Par %U:%s = %R>", path, par_def(p)->name, v) : NULL;
        Py_XDECREF(v);
    }
    Py_DECREF(path);
    return r;
}

static PyObject *
par_str(TdPar *p)
{
    PyObject *v = par_value(p);
    if (v == NULL) {
        return NULL;
    }
    PyObject *s = PyObject_Str(v);
    Py_DECREF(v);
    return s;
}

/* ---- acting as the value ---- */

/* A Par operand becomes its value; anything else stays itself. (Par is the only type whose
 * dealloc is par_dealloc, which identifies it without a trip through the module state.) */
static PyObject *
as_value(PyObject *obj)
{
    if (Py_TYPE(obj)->tp_dealloc == (destructor)par_dealloc) {
        return par_value((TdPar *)obj);
    }
    return Py_NewRef(obj);
}

#define PAR_BINARY(fname, call)                      \
    static PyObject *fname(PyObject *a, PyObject *b) \
    {                                                \
        PyObject *x = as_value(a);                   \
        if (x == NULL) {                             \
            return NULL;                             \
        }                                            \
        PyObject *y = as_value(b);                   \
        if (y == NULL) {                             \
            Py_DECREF(x);                            \
            return NULL;                             \
        }                                            \
        PyObject *r = call(x, y);                    \
        Py_DECREF(x);                                \
        Py_DECREF(y);                                \
        return r;                                    \
    }

PAR_BINARY(par_add, PyNumber_Add)
PAR_BINARY(par_sub, PyNumber_Subtract)
PAR_BINARY(par_mul, PyNumber_Multiply)
PAR_BINARY(par_truediv, PyNumber_TrueDivide)
PAR_BINARY(par_floordiv, PyNumber_FloorDivide)
PAR_BINARY(par_mod, PyNumber_Remainder)

static PyObject *
par_pow(PyObject *a, PyObject *b, PyObject *c)
{
    PyObject *x = as_value(a), *y = x != NULL ? as_value(b) : NULL;
    PyObject *r = y != NULL ? PyNumber_Power(x, y, c) : NULL;
    Py_XDECREF(x);
    Py_XDECREF(y);
    return r;
}

#define PAR_UNARY(fname, call)          \
    static PyObject *fname(PyObject *a) \
    {                                   \
        PyObject *x = as_value(a);      \
        if (x == NULL) {                \
            return NULL;                \
        }                               \
        PyObject *r = call(x);          \
        Py_DECREF(x);                   \
        return r;                       \
    }

PAR_UNARY(par_neg, PyNumber_Negative)
PAR_UNARY(par_pos, PyNumber_Positive)
PAR_UNARY(par_abs, PyNumber_Absolute)
PAR_UNARY(par_float, PyNumber_Float)
PAR_UNARY(par_int, PyNumber_Long)

static int
par_bool(PyObject *a)
{
    PyObject *x = as_value(a);
    if (x == NULL) {
        return -1;
    }
    int r = PyObject_IsTrue(x);
    Py_DECREF(x);
    return r;
}

static PyObject *
par_richcompare(PyObject *a, PyObject *b, int op)
{
    PyObject *x = as_value(a);
    if (x == NULL) {
        return NULL;
    }
    PyObject *y = as_value(b);
    if (y == NULL) {
        Py_DECREF(x);
        return NULL;
    }
    PyObject *r = PyObject_RichCompare(x, y, op);
    Py_DECREF(x);
    Py_DECREF(y);
    return r;
}

/* ---- members ---- */

#define LIVE(p, ret)              \
    TdOp *op = live(p);           \
    if (op == NULL) {             \
        return ret;               \
    }

static int
read_only(TdPar *p, PyObject *v, const char *member)
{
    (void)v;
    PyErr_Format(PyExc_AttributeError, "%s of built-in parameter '%s' cannot be set (only custom parameters,\n"
                                       "which td_render does not have, allow it)", member, par_def(p)->name);
    return -1;
}

static PyObject *
par_get_val(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    return td_par_constant_object(op, p->index);
}

static int
par_set_val(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    if (td_no_delete(v, "a parameter's value") < 0) {
        return -1;
    }
    LIVE(p, -1);
    return td_par_assign(op, p->index, v);
}

static PyObject *
par_get_expr(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    PyObject *e = op->pars[p->index].expr;
    return e != NULL ? Py_NewRef(e) : PyUnicode_FromString("");
}

static int
par_set_expr(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    if (td_no_delete(v, "an expression") < 0) {
        return -1;
    }
    LIVE(p, -1);
    return td_par_set_expr(op, p->index, v);
}

static PyObject *
par_get_mode(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    td_state *st = td_state_of((PyObject *)op);
    return PyObject_CallFunction(st->ParMode, "i", (int)op->pars[p->index].mode);
}

static int
par_set_mode(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    if (td_no_delete(v, "a parameter's mode") < 0) {
        return -1;
    }
    LIVE(p, -1);
    td_state *st = td_state_of((PyObject *)op);
    int is = PyObject_IsInstance(v, st->ParMode);
    if (is < 0) {
        return -1;
    }
    if (!is) {
        PyErr_Format(PyExc_TypeError, "mode takes a td_render.ParMode (e.g. ParMode.EXPRESSION), not %.100s",
                     Py_TYPE(v)->tp_name);
        return -1;
    }
    PyObject *value = PyObject_GetAttrString(v, "value");
    long m = value != NULL ? PyLong_AsLong(value) : -1;
    Py_XDECREF(value);
    if (m == -1 && PyErr_Occurred()) {
        return -1;
    }
    return td_par_set_mode(op, p->index, (td_par_mode)m);
}

static PyObject *
par_get_string(TdPar *p, void *c)
{
    LIVE(p, NULL);
    const char *w = c;
    const td_par_def *d = par_def(p);
    if (strcmp(w, "name") == 0) {
        return PyUnicode_FromString(d->name);
    }
    if (strcmp(w, "label") == 0 || strcmp(w, "help") == 0) {
        return PyUnicode_FromString(d->label);
    }
    if (strcmp(w, "style") == 0) {
        static const char *const styles[] = {"Float", "Int", "Toggle", "Menu", "Str", "OP"};
        return PyUnicode_FromString(styles[d->kind]);
    }
    return PyUnicode_FromString(""); /* menuSource */
}

static PyObject *
par_get_owner(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    return Py_NewRef((PyObject *)op);
}

static PyObject *
par_get_page(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    PyObject *pages = PyObject_GetAttrString((PyObject *)op, "pages");
    if (pages == NULL) {
        return NULL;
    }
    PyObject *r = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(pages); i++) {
        PyObject *name = PyObject_GetAttrString(PyList_GET_ITEM(pages, i), "name");
        int eq = name != NULL ? PyUnicode_CompareWithASCIIString(name, par_def(p)->page) == 0 : -1;
        Py_XDECREF(name);
        if (eq < 0) {
            break;
        }
        if (eq) {
            r = Py_NewRef(PyList_GET_ITEM(pages, i));
            break;
        }
    }
    Py_DECREF(pages);
    return r;
}

static PyObject *
default_object(TdPar *p)
{
    const td_par_def *d = par_def(p);
    td_par_value v = {.num = d->def, .str = NULL};
    PyObject *s = NULL;
    if (d->kind == TD_PAR_STR || d->kind == TD_PAR_OP) {
        s = PyUnicode_FromString(d->sdef != NULL ? d->sdef : "");
        if (s == NULL) {
            return NULL;
        }
        v.str = s;
    }
    PyObject *r = td_par_value_to_object(p->owner, p->index, &v);
    Py_XDECREF(s);
    return r;
}

static PyObject *
par_get_default(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    return default_object(p);
}

static int
par_set_default(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    return read_only(p, v, "the default");
}

/* Constant mode with the default value. */
static int
is_default(TdPar *p)
{
    if (p->owner->pars[p->index].mode != TD_MODE_CONSTANT) {
        return 0;
    }
    PyObject *v = td_par_constant_object(p->owner, p->index);
    PyObject *d = v != NULL ? default_object(p) : NULL;
    int eq = d != NULL ? PyObject_RichCompareBool(v, d, Py_EQ) : -1;
    Py_XDECREF(v);
    Py_XDECREF(d);
    return eq;
}

static PyObject *
par_get_isdefault(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    (void)op;
    int eq = is_default(p);
    return eq < 0 ? NULL : PyBool_FromLong(eq);
}

static PyObject *
par_get_kind_flag(TdPar *p, void *c)
{
    LIVE(p, NULL);
    (void)op;
    const char *which = c;
    td_par_kind k = par_def(p)->kind;
    int r = 0;
    if (strcmp(which, "isMenu") == 0) {
        r = k == TD_PAR_MENU;
    }
    else if (strcmp(which, "isNumber") == 0) {
        r = k == TD_PAR_FLOAT || k == TD_PAR_INT;
    }
    else if (strcmp(which, "isFloat") == 0) {
        r = k == TD_PAR_FLOAT;
    }
    else if (strcmp(which, "isInt") == 0) {
        r = k == TD_PAR_INT;
    }
    else if (strcmp(which, "isToggle") == 0) {
        r = k == TD_PAR_TOGGLE;
    }
    else if (strcmp(which, "isString") == 0) {
        r = k == TD_PAR_STR || k == TD_PAR_OP;
    }
    else if (strcmp(which, "isOP") == 0) {
        r = k == TD_PAR_OP;
    }
    else if (strcmp(which, "enable") == 0) {
        r = 1;
    }
    /* isPulse, isMomentary, isPython, isSequence, isCustom: no such parameters exist here */
    return PyBool_FromLong(r);
}

static PyObject *
menu_list(TdPar *p, int labels)
{
    LIVE(p, NULL);
    (void)op;
    const td_par_def *d = par_def(p);
    const char *const *items = labels && d->menu_labels != NULL ? d->menu_labels : d->menu;
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list != NULL && items != NULL && items[i] != NULL; i++) {
        PyObject *s = PyUnicode_FromString(items[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_CLEAR(list);
        }
        Py_XDECREF(s);
    }
    return list;
}

static PyObject *
par_get_menunames(TdPar *p, void *c)
{
    (void)c;
    return menu_list(p, 0);
}

static PyObject *
par_get_menulabels(TdPar *p, void *c)
{
    (void)c;
    return menu_list(p, 1);
}

static PyObject *
par_get_menuindex(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    if (par_def(p)->kind != TD_PAR_MENU) {
        Py_RETURN_NONE;
    }
    td_par_value v;
    PyObject *msg = NULL;
    if (td_par_eval(op, p->index, &v, &msg) < 0) {
        Py_XDECREF(msg);
        return par_value(p); /* raises the expression's error */
    }
    return PyLong_FromDouble(v.num);
}

static int
par_set_menuindex(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    if (td_no_delete(v, "menuIndex") < 0) {
        return -1;
    }
    LIVE(p, -1);
    if (!PyLong_Check(v) || PyBool_Check(v)) {
        PyErr_Format(PyExc_TypeError, "menuIndex takes an int, not %.100s", Py_TYPE(v)->tp_name);
        return -1;
    }
    if (par_def(p)->kind != TD_PAR_MENU) {
        PyErr_Format(PyExc_TypeError, "parameter %s is not a menu", par_def(p)->name);
        return -1;
    }
    return td_par_assign(op, p->index, v);
}

static PyObject *
par_get_range(TdPar *p, void *c)
{
    LIVE(p, NULL);
    (void)op;
    const char *w = c;
    const td_par_def *d = par_def(p);
    if (strcmp(w, "clampMin") == 0) {
        return PyBool_FromLong((d->flags & (TD_PAR_CLAMP_MIN | TD_PAR_REJECT_MIN)) != 0);
    }
    if (strcmp(w, "clampMax") == 0) {
        return PyBool_FromLong((d->flags & (TD_PAR_CLAMP_MAX | TD_PAR_REJECT_MAX)) != 0);
    }
    if (d->kind == TD_PAR_STR || d->kind == TD_PAR_OP) {
        return PyFloat_FromDouble(0.0);
    }
    if (d->kind == TD_PAR_MENU) {
        size_t n = 0;
        while (d->menu[n] != NULL) {
            n++;
        }
        return PyFloat_FromDouble(strstr(w, "in") != NULL ? 0.0 : (double)(n - 1));
    }
    return PyFloat_FromDouble(strstr(w, "in") != NULL ? d->min : d->max); /* min, normMin / max, normMax */
}

static int
par_set_range(TdPar *p, PyObject *v, void *c)
{
    return read_only(p, v, c);
}

static PyObject *
par_get_readonly(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    return PyBool_FromLong(op->pars[p->index].readonly);
}

static int
par_set_readonly(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    if (td_no_delete(v, "readOnly") < 0) {
        return -1;
    }
    LIVE(p, -1);
    int on = PyObject_IsTrue(v);
    if (on < 0) {
        return -1;
    }
    op->pars[p->index].readonly = (unsigned char)on; /* like TouchDesigner: locks the UI, not scripts */
    td_op_touch(op);
    return 0;
}

static int
par_set_enable(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    return read_only(p, v, "enable");
}

static PyObject *
par_get_valid(TdPar *p, void *c)
{
    (void)c;
    return PyBool_FromLong(p->owner != NULL && p->owner->valid);
}

static PyObject *
par_get_index(TdPar *p, void *c)
{
    LIVE(p, NULL);
    if (strcmp(c, "index") == 0) {
        return PyLong_FromSsize_t(p->index);
    }
    Py_ssize_t start, count;
    td_pargroup_span(op->cls, p->index, &start, &count);
    return PyLong_FromSsize_t(p->index - start); /* vecIndex */
}

static PyObject *
par_get_pargroup(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    Py_ssize_t start, count;
    td_pargroup_span(op->cls, p->index, &start, &count);
    return td_pargroup_new(td_state_of((PyObject *)op), op, start, count);
}

static PyObject *
par_get_false(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    (void)op;
    Py_RETURN_FALSE;
}

#define PG(name, get, set, doc, closure) {name, (getter)get, (setter)set, doc, closure}
#define KIND(name, doc) PG(name, par_get_kind_flag, NULL, doc " (read-only).", name)

static PyGetSetDef par_getset[] = {
    PG("val", par_get_val, par_set_val,
       "The constant value; assigning it also selects constant mode (op.par.tx = 5 does the same).", NULL),
    PG("expr", par_get_expr, par_set_expr,
       "The expression (Python, str); assigning it selects expression mode. '' if none was set.", NULL),
    PG("mode", par_get_mode, par_set_mode,
       "ParMode.CONSTANT or ParMode.EXPRESSION (EXPORT and BIND cannot be selected here).", NULL),
    PG("name", par_get_string, NULL, "Python name of the parameter, e.g. 'tx' (read-only).", "name"),
    PG("label", par_get_string, NULL, "Label of the parameter, e.g. 'Translate' (read-only).", "label"),
    PG("help", par_get_string, NULL, "Help text of the parameter: its label here (read-only).", "help"),
    PG("page", par_get_page, NULL, "The Page the parameter is on (read-only).", NULL),
    PG("owner", par_get_owner, NULL, "The OP this parameter belongs to (read-only).", NULL),
    PG("default", par_get_default, par_set_default,
       "The default value (settable on custom parameters only, which do not exist here).", NULL),
    PG("isDefault", par_get_isdefault, NULL,
       "True in constant mode with the default value (read-only).", NULL),
    PG("style", par_get_string, NULL, "'Float', 'Int', 'Toggle', 'Menu', 'Str' or 'OP' (read-only).", "style"),
    KIND("isMenu", "True for menu parameters"),
    KIND("isNumber", "True for float and int parameters"),
    KIND("isFloat", "True for float parameters"),
    KIND("isInt", "True for int parameters"),
    KIND("isToggle", "True for toggle parameters"),
    KIND("isString", "True for string and OP parameters"),
    KIND("isOP", "True for OP-reference parameters"),
    KIND("isPulse", "True for pulse parameters (no operator here has one)"),
    KIND("isMomentary", "True for momentary parameters (no operator here has one)"),
    KIND("isPython", "True for Python-object parameters (no operator here has one)"),
    KIND("isSequence", "True for parameters of a sequence (no operator here has one)"),
    KIND("isCustom", "True for custom parameters (none can be made here)"),
    PG("enable", par_get_kind_flag, par_set_enable, "True: every built-in parameter is enabled.", "enable"),
    PG("readOnly", par_get_readonly, par_set_readonly,
       "Read-only state in a user interface (stored); scripts can still set the parameter.", NULL),
    PG("menuNames", par_get_menunames, NULL, "Menu tokens ([] for non-menus) (read-only).", NULL),
    PG("menuLabels", par_get_menulabels, NULL, "Menu labels, in the order of menuNames (read-only).", NULL),
    PG("menuIndex", par_get_menuindex, par_set_menuindex,
       "Index of the current menu token; assign an int to select by index. None for non-menus.", NULL),
    PG("menuSource", par_get_string, NULL, "'' : menus come from the operator itself (read-only).", "menuSource"),
    PG("min", par_get_range, par_set_range, "Lower end of the range; clamping applies when clampMin.", "min"),
    PG("max", par_get_range, par_set_range, "Upper end of the range; clamping applies when clampMax.", "max"),
    PG("normMin", par_get_range, par_set_range, "Lower end of the slider range.", "normMin"),
    PG("normMax", par_get_range, par_set_range, "Upper end of the slider range.", "normMax"),
    PG("clampMin", par_get_range, par_set_range,
       "True if values below min are not allowed (clamped, or ValueError for resolutions).", "clampMin"),
    PG("clampMax", par_get_range, par_set_range,
       "True if values above max are not allowed (clamped, or ValueError for resolutions).", "clampMax"),
    PG("valid", par_get_valid, NULL, "False once the owner was destroyed (read-only).", NULL),
    PG("index", par_get_index, NULL, "Position of the parameter among its operator's (read-only).", "index"),
    PG("vecIndex", par_get_index, NULL, "Position in its group: tz has 2 (read-only).", "vecIndex"),
    PG("parGroup", par_get_pargroup, NULL, "The ParGroup the parameter belongs to (read-only).", NULL),
    PG("hidden", par_get_false, NULL, "False: no built-in parameter is hidden (read-only).", NULL),
    {NULL},
};

/* ---- methods ---- */

static PyObject *
par_eval(TdPar *p, PyObject *unused)
{
    (void)unused;
    return par_value(p);
}

static PyObject *
par_eval_norm(TdPar *p, PyObject *unused)
{
    (void)unused;
    LIVE(p, NULL);
    const td_par_def *d = par_def(p);
    if (d->kind != TD_PAR_FLOAT && d->kind != TD_PAR_INT) {
        PyErr_Format(PyExc_TypeError, "evalNorm(): parameter %s is not a number", d->name);
        return NULL;
    }
    PyObject *v = td_par_value_object(op, p->index);
    double x = v != NULL ? PyFloat_AsDouble(v) : -1.0;
    Py_XDECREF(v);
    if (x == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(d->max != d->min ? (x - d->min) / (d->max - d->min) : 0.0);
}

static PyObject *
par_eval_expression(TdPar *p, PyObject *unused)
{
    (void)unused;
    LIVE(p, NULL);
    PyObject *e = op->pars[p->index].expr;
    if (e == NULL || PyUnicode_GET_LENGTH(e) == 0) {
        PyErr_Format(td_state_of((PyObject *)op)->tdError, "par %s has no expression", par_def(p)->name);
        return NULL;
    }
    return td_op_eval_source(op, e);
}

static PyObject *
par_reset(TdPar *p, PyObject *unused)
{
    (void)unused;
    LIVE(p, NULL);
    PyObject *d = default_object(p);
    if (d == NULL) {
        return NULL;
    }
    int rc = td_par_assign(op, p->index, d);
    Py_DECREF(d);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
par_evalops(TdPar *p, PyObject *unused)
{
    (void)unused;
    LIVE(p, NULL);
    PyObject *out = PyList_New(0);
    if (out == NULL || par_def(p)->kind != TD_PAR_OP) {
        return out;
    }
    PyObject *v = td_par_value_object(op, p->index);
    const char *s = v != NULL ? PyUnicode_AsUTF8(v) : NULL;
    if (s == NULL || td_pattern_collect(td_op_expr_net(op), s, NULL, out) < 0) {
        Py_XDECREF(v);
        Py_DECREF(out);
        return NULL;
    }
    Py_DECREF(v);
    return out;
}

static PyObject *
par_issamepar(TdPar *p, PyObject *other)
{
    if (Py_TYPE(other) != Py_TYPE(p)) {
        Py_RETURN_FALSE;
    }
    TdPar *o = (TdPar *)other;
    return PyBool_FromLong(o->owner == p->owner && o->index == p->index);
}

static PyObject *
par_pulse(TdPar *p, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", "frames", "seconds", NULL};
    PyObject *value = NULL;
    long frames = 0;
    double seconds = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Old:pulse", kwlist, &value, &frames, &seconds)) {
        return NULL;
    }
    LIVE(p, NULL);
    if (frames < 0 || !(seconds >= 0.0) || !isfinite(seconds)) {
        PyErr_SetString(PyExc_ValueError, "pulse(): frames and seconds must be >= 0");
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)op);
    PyObject *one = NULL;
    if (value == NULL) {
        one = PyLong_FromLong(1);
        if (one == NULL) {
            return NULL;
        }
        value = one;
    }
    double wait = (double)frames + ceil(seconds * st->cook_rate);
    /* What to restore: the constant and the mode (a pulse ends in the state it started from). */
    PyObject *before = td_par_constant_object(op, p->index);
    td_par_mode mode = (td_par_mode)op->pars[p->index].mode;
    PyObject *r = NULL;
    if (before == NULL || td_par_assign(op, p->index, value) < 0) {
        goto done;
    }
    if (wait <= 0.0) {
        /* Cook the owner with the pulsed value, then restore at once. */
        PyObject *c = PyObject_CallMethod((PyObject *)op, "cook", "()");
        int ok = c != NULL;
        Py_XDECREF(c);
        if (td_par_assign(op, p->index, before) < 0 || (mode != TD_MODE_CONSTANT && td_par_set_mode(op, p->index, mode) < 0) ||
            !ok) {
            goto done;
        }
    }
    else {
        PyObject *entry = Py_BuildValue("(OnOid)", (PyObject *)op, p->index, before, (int)mode, st->frame + wait);
        if (entry == NULL || PyList_Append(st->pulses, entry) < 0) {
            Py_XDECREF(entry);
            goto done;
        }
        Py_DECREF(entry);
    }
    r = Py_NewRef(Py_None);
done:
    Py_XDECREF(before);
    Py_XDECREF(one);
    return r;
}

static PyMethodDef par_methods[] = {
    {"eval", (PyCFunction)par_eval, METH_NOARGS,
     "eval($self, /)\n--\n\nThe current value: the constant, or the expression's result in expression mode\n"
     "(td_render.tdError naming the parameter if the expression fails)."},
    {"evalNorm", (PyCFunction)par_eval_norm, METH_NOARGS,
     "evalNorm($self, /)\n--\n\nThe current value mapped from [normMin, normMax] to [0, 1]."},
    {"evalExpression", (PyCFunction)par_eval_expression, METH_NOARGS,
     "evalExpression($self, /)\n--\n\nEvaluate the parameter's expression, whatever its mode."},
    {"reset", (PyCFunction)par_reset, METH_NOARGS,
     "reset($self, /)\n--\n\nSet the parameter to its default, in constant mode."},
    {"evalOPs", (PyCFunction)par_evalops, METH_NOARGS,
     "evalOPs($self, /)\n--\n\nThe operators an OP parameter's path or pattern names (relative to the owner's\n"
     "network). [] for other parameters or when nothing matches."},
    {"isSamePar", (PyCFunction)par_issamepar, METH_O,
     "isSamePar($self, par, /)\n--\n\nTrue if par is this same parameter (== compares values)."},
    {"pulse", (PyCFunction)(void (*)(void))par_pulse, METH_VARARGS | METH_KEYWORDS,
     "pulse($self, /, value=1, frames=0, seconds=0)\n--\n\nSet the parameter to value, then restore its previous\n"
     "value and mode: at once after cooking the owner, or after frames (plus seconds at project.cookRate)\n"
     "frames of td_render.advance()."},
    {NULL},
};

static PyType_Slot par_slots[] = {
    {Py_tp_doc, "Par: one parameter of an operator. It acts as its current value in arithmetic and comparisons\n"
                "(op.par.tx + 1, op.par.tx == 5); .eval() gives the value, .val the constant, .expr the\n"
                "expression, .mode which of them applies."},
    {Py_tp_traverse, par_traverse},
    {Py_tp_clear, par_clear},
    {Py_tp_dealloc, par_dealloc},
    {Py_tp_repr, par_repr},
    {Py_tp_str, par_str},
    {Py_tp_hash, PyObject_HashNotImplemented},
    {Py_tp_richcompare, par_richcompare},
    {Py_tp_getset, par_getset},
    {Py_tp_methods, par_methods},
    {Py_nb_add, par_add},
    {Py_nb_subtract, par_sub},
    {Py_nb_multiply, par_mul},
    {Py_nb_true_divide, par_truediv},
    {Py_nb_floor_divide, par_floordiv},
    {Py_nb_remainder, par_mod},
    {Py_nb_power, par_pow},
    {Py_nb_negative, par_neg},
    {Py_nb_positive, par_pos},
    {Py_nb_absolute, par_abs},
    {Py_nb_float, par_float},
    {Py_nb_int, par_int},
    {Py_nb_bool, par_bool},
    {0, NULL},
};

PyType_Spec td_Par_spec = {
    .name = "td_render.Par",
    .basicsize = sizeof(TdPar),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = par_slots,
};
