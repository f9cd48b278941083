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
#include "graph/par_internal.h"
#include "graph/path.h"
#include "bind/state.h"

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
TdOp *
td_par_live(TdPar *p)
{
    if (p->owner == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "parameter has no owner");
        return NULL;
    }
    return td_op_check(p->owner) < 0 ? NULL : p->owner;
}

/* The current value (the expression's result in expression mode). */
PyObject *
td_par_current(TdPar *p)
{
    TdOp *op = td_par_live(p);
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
    PyObject *v = td_par_current(p);
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
        return td_par_current((TdPar *)obj);
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
    PG("style", par_get_string, NULL, "'Float', 'Int', 'Toggle', 'Menu', 'Str', 'OP' or 'Pulse' (read-only).", "style"),
    KIND("isMenu", "True for menu parameters"),
    KIND("isNumber", "True for float and int parameters"),
    KIND("isFloat", "True for float parameters"),
    KIND("isInt", "True for int parameters"),
    KIND("isToggle", "True for toggle parameters"),
    KIND("isString", "True for string and OP parameters"),
    KIND("isOP", "True for OP-reference parameters"),
    KIND("isPulse", "True for pulse parameters (renderTOP renderpulse)"),
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
