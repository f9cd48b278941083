/* Par: one parameter of one operator.
 *
 *   >>> p = cam.par.tz            # a Par, which acts as its value
 *   >>> p.val, p.eval(), p + 1, p == 5.0, p.name, p.owner, p.default
 *   (5.0, 5.0, 6.0, True, 'tz', <cameraCOMP /cam1>, 5.0)
 *   >>> p.val = 3                 # same as cam.par.tz = 3
 */
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

static PyObject *
par_value(TdPar *p)
{
    if (p->owner == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "parameter has no owner");
        return NULL;
    }
    return td_par_value_object(p->owner, p->index);
}

static PyObject *
par_repr(TdPar *p)
{
    PyObject *v = par_value(p);
    if (v == NULL) {
        PyErr_Clear();
        return PyUnicode_FromFormat("<Par %s (owner destroyed)>", par_def(p)->name);
    }
    PyObject *path = td_op_path(p->owner);
    PyObject *r = path != NULL ? PyUnicode_FromFormat("<Par %U:%s = %R>", path, par_def(p)->name, v) : NULL;
    Py_XDECREF(path);
    Py_DECREF(v);
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

#define PAR_BINARY(fname, call)                     \
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

#define PAR_UNARY(fname, call)             \
    static PyObject *fname(PyObject *a)     \
    {                                       \
        PyObject *x = as_value(a);          \
        if (x == NULL) {                    \
            return NULL;                    \
        }                                   \
        PyObject *r = call(x);              \
        Py_DECREF(x);                       \
        return r;                           \
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

static PyObject *
par_get_val(TdPar *p, void *c)
{
    (void)c;
    return par_value(p);
}

static int
par_set_val(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    if (v == NULL) {
        PyErr_SetString(PyExc_AttributeError, "a parameter's value cannot be deleted");
        return -1;
    }
    return td_par_assign(p->owner, p->index, v);
}

static PyObject *
par_get_name(TdPar *p, void *c)
{
    (void)c;
    return PyUnicode_FromString(par_def(p)->name);
}

static PyObject *
par_get_label(TdPar *p, void *c)
{
    (void)c;
    return PyUnicode_FromString(par_def(p)->label);
}

static PyObject *
par_get_page(TdPar *p, void *c)
{
    (void)c;
    return PyUnicode_FromString(par_def(p)->page);
}

static PyObject *
par_get_owner(TdPar *p, void *c)
{
    (void)c;
    return Py_NewRef((PyObject *)p->owner);
}

static PyObject *
par_get_default(TdPar *p, void *c)
{
    (void)c;
    const td_par_def *d = par_def(p);
    switch (d->kind) {
    case TD_PAR_FLOAT:
        return PyFloat_FromDouble(d->def);
    case TD_PAR_INT:
        return PyLong_FromDouble(d->def);
    case TD_PAR_TOGGLE:
        return PyBool_FromLong(d->def != 0.0);
    case TD_PAR_MENU:
        return PyUnicode_FromString(d->menu[(size_t)d->def]);
    default:
        return PyUnicode_FromString(d->sdef != NULL ? d->sdef : "");
    }
}

static PyObject *
par_get_isdefault(TdPar *p, void *c)
{
    PyObject *v = par_value(p);
    if (v == NULL) {
        return NULL;
    }
    PyObject *d = par_get_default(p, c);
    if (d == NULL) {
        Py_DECREF(v);
        return NULL;
    }
    int eq = PyObject_RichCompareBool(v, d, Py_EQ);
    Py_DECREF(v);
    Py_DECREF(d);
    return eq < 0 ? NULL : PyBool_FromLong(eq);
}

static PyObject *
par_get_style(TdPar *p, void *c)
{
    (void)c;
    static const char *const styles[] = {"Float", "Int", "Toggle", "Menu", "Str", "OP"};
    return PyUnicode_FromString(styles[par_def(p)->kind]);
}

static PyObject *
par_get_kind_flag(TdPar *p, void *c)
{
    const char *which = c;
    td_par_kind k = par_def(p)->kind;
    int r = 0;
    switch (which[0]) {
    case 'm': r = k == TD_PAR_MENU; break;                                          /* isMenu */
    case 'n': r = k == TD_PAR_FLOAT || k == TD_PAR_INT; break;                      /* isNumber */
    case 'f': r = k == TD_PAR_FLOAT; break;                                         /* isFloat */
    case 'i': r = k == TD_PAR_INT; break;                                           /* isInt */
    case 't': r = k == TD_PAR_TOGGLE; break;                                        /* isToggle */
    case 's': r = k == TD_PAR_STR || k == TD_PAR_OP; break;                         /* isString */
    case 'o': r = k == TD_PAR_OP; break;                                            /* isOP */
    default: r = 0; break;                                                          /* isPulse */
    }
    return PyBool_FromLong(r);
}

static PyObject *
par_get_menunames(TdPar *p, void *c)
{
    (void)c;
    const td_par_def *d = par_def(p);
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list != NULL && d->menu != NULL && d->menu[i] != NULL; i++) {
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

static PyObject *
par_get_menuindex(TdPar *p, void *c)
{
    (void)c;
    if (td_op_check(p->owner) < 0) {
        return NULL;
    }
    if (par_def(p)->kind != TD_PAR_MENU) {
        Py_RETURN_NONE;
    }
    return PyLong_FromDouble(p->owner->pars[p->index].num);
}

static int
par_set_menuindex(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    if (v == NULL || !PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "menuIndex takes an int");
        return -1;
    }
    if (par_def(p)->kind != TD_PAR_MENU) {
        PyErr_Format(PyExc_TypeError, "parameter %s is not a menu", par_def(p)->name);
        return -1;
    }
    return td_par_assign(p->owner, p->index, v);
}

static PyObject *
par_get_range(TdPar *p, void *c)
{
    const char *which = c;
    const td_par_def *d = par_def(p);
    return PyFloat_FromDouble(which[1] == 'i' ? d->min : d->max);
}

static PyObject *
par_get_valid(TdPar *p, void *c)
{
    (void)c;
    return PyBool_FromLong(p->owner != NULL && p->owner->valid);
}

static PyGetSetDef par_getset[] = {
    {"val", (getter)par_get_val, (setter)par_set_val, "The parameter's value; assign to set it.", NULL},
    {"name", (getter)par_get_name, NULL, "Python name of the parameter, e.g. 'tx'.", NULL},
    {"label", (getter)par_get_label, NULL, "Label of the parameter, e.g. 'Translate'.", NULL},
    {"page", (getter)par_get_page, NULL, "Name of the parameter page, e.g. 'Xform'.", NULL},
    {"owner", (getter)par_get_owner, NULL, "The OP this parameter belongs to.", NULL},
    {"default", (getter)par_get_default, NULL, "The default value.", NULL},
    {"isDefault", (getter)par_get_isdefault, NULL, "True if the value equals the default.", NULL},
    {"style", (getter)par_get_style, NULL, "'Float', 'Int', 'Toggle', 'Menu', 'Str' or 'OP'.", NULL},
    {"isMenu", (getter)par_get_kind_flag, NULL, "True for menu parameters.", "m"},
    {"isNumber", (getter)par_get_kind_flag, NULL, "True for float and int parameters.", "n"},
    {"isFloat", (getter)par_get_kind_flag, NULL, "True for float parameters.", "f"},
    {"isInt", (getter)par_get_kind_flag, NULL, "True for int parameters.", "i"},
    {"isToggle", (getter)par_get_kind_flag, NULL, "True for toggle parameters.", "t"},
    {"isString", (getter)par_get_kind_flag, NULL, "True for string and OP parameters.", "s"},
    {"isOP", (getter)par_get_kind_flag, NULL, "True for OP-reference parameters.", "o"},
    {"isPulse", (getter)par_get_kind_flag, NULL, "True for pulse parameters (none yet).", "p"},
    {"menuNames", (getter)par_get_menunames, NULL, "Menu tokens (empty for non-menus).", NULL},
    {"menuIndex", (getter)par_get_menuindex, (setter)par_set_menuindex, "Index of the menu token.", NULL},
    {"min", (getter)par_get_range, NULL, "Lower end of the parameter's range.", "min"},
    {"max", (getter)par_get_range, NULL, "Upper end of the parameter's range.", "max"},
    {"valid", (getter)par_get_valid, NULL, "False once the owner was destroyed.", NULL},
    {NULL},
};

static PyObject *
par_eval(TdPar *p, PyObject *unused)
{
    (void)unused;
    return par_value(p);
}

static PyObject *
par_reset(TdPar *p, PyObject *unused)
{
    PyObject *d = par_get_default(p, unused);
    if (d == NULL) {
        return NULL;
    }
    int rc = td_par_assign(p->owner, p->index, d);
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
    if (td_op_check(p->owner) < 0) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    if (par_def(p)->kind != TD_PAR_OP) {
        return out;
    }
    const char *s = PyUnicode_AsUTF8(p->owner->pars[p->index].str);
    TdOp *base = p->owner->parent != NULL ? p->owner->parent : p->owner;
    if (s == NULL || td_pattern_collect(base, s, NULL, out) < 0) {
        Py_DECREF(out);
        return NULL;
    }
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

static PyMethodDef par_methods[] = {
    {"eval", (PyCFunction)par_eval, METH_NOARGS, "eval($self, /)\n--\n\nThe parameter's current value."},
    {"reset", (PyCFunction)par_reset, METH_NOARGS, "reset($self, /)\n--\n\nSet the parameter to its default."},
    {"evalOPs", (PyCFunction)par_evalops, METH_NOARGS,
     "evalOPs($self, /)\n--\n\nThe operators an OP parameter's path or pattern names (relative to the owner's network)."},
    {"isSamePar", (PyCFunction)par_issamepar, METH_O,
     "isSamePar($self, par, /)\n--\n\nTrue if par is this same parameter (== compares values)."},
    {NULL},
};

static PyType_Slot par_slots[] = {
    {Py_tp_doc, "Par: one parameter of an operator. It acts as its value in arithmetic and comparisons\n"
                "(op.par.tx + 1, op.par.tx == 5); .val and .eval() give the value itself."},
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
