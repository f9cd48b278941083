/* Par: members and methods (see par.c for the type).
 *
 *   >>> p = cam.par.xord
 *   >>> p.menuNames[:2], p.menuIndex, p.default, p.isDefault, p.min, p.clampMin
 *   (['srt', 'str'], 0, 'srt', True, 0.0, False)
 *   >>> cam.par.tx.pulse(1, frames=2)   # 1 for two frames of td.advance(), then back
 */
#include <math.h>
#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/par_internal.h"
#include "graph/path.h"
#include "bind/state.h"

/* ---- members ---- */

#define LIVE(p, ret)              \
    TdOp *op = td_par_live(p);           \
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

PyObject *
par_get_val(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    return td_par_constant_object(op, p->index);
}

int
par_set_val(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    if (td_no_delete(v, "a parameter's value") < 0) {
        return -1;
    }
    LIVE(p, -1);
    return td_par_assign(op, p->index, v);
}

PyObject *
par_get_expr(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    PyObject *e = op->pars[p->index].expr;
    return e != NULL ? Py_NewRef(e) : PyUnicode_FromString("");
}

int
par_set_expr(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    if (td_no_delete(v, "an expression") < 0) {
        return -1;
    }
    LIVE(p, -1);
    return td_par_set_expr(op, p->index, v);
}

PyObject *
par_get_mode(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    td_state *st = td_state_of((PyObject *)op);
    return PyObject_CallFunction(st->ParMode, "i", (int)op->pars[p->index].mode);
}

int
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

PyObject *
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
        static const char *const styles[] = {"Float", "Int", "Toggle", "Menu", "Str", "OP", "Pulse"};
        return PyUnicode_FromString(styles[d->kind]);
    }
    return PyUnicode_FromString(""); /* menuSource */
}

PyObject *
par_get_owner(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    return Py_NewRef((PyObject *)op);
}

PyObject *
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

PyObject *
par_get_default(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    return default_object(p);
}

int
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

PyObject *
par_get_isdefault(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    (void)op;
    int eq = is_default(p);
    return eq < 0 ? NULL : PyBool_FromLong(eq);
}

PyObject *
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
    else if (strcmp(which, "isPulse") == 0) {
        r = k == TD_PAR_PULSE;
    }
    else if (strcmp(which, "enable") == 0) {
        r = 1;
    }
    /* isMomentary, isPython, isSequence, isCustom: no such parameters exist here */
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

PyObject *
par_get_menunames(TdPar *p, void *c)
{
    (void)c;
    return menu_list(p, 0);
}

PyObject *
par_get_menulabels(TdPar *p, void *c)
{
    (void)c;
    return menu_list(p, 1);
}

PyObject *
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
        if (msg == NULL) {
            return NULL; /* interrupted: the BaseException propagates */
        }
        Py_DECREF(msg);
        return td_par_current(p); /* raises the expression's error */
    }
    return PyLong_FromDouble(v.num);
}

int
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

PyObject *
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

int
par_set_range(TdPar *p, PyObject *v, void *c)
{
    return read_only(p, v, c);
}

PyObject *
par_get_readonly(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    return PyBool_FromLong(op->pars[p->index].readonly);
}

int
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

int
par_set_enable(TdPar *p, PyObject *v, void *c)
{
    (void)c;
    return read_only(p, v, "enable");
}

PyObject *
par_get_valid(TdPar *p, void *c)
{
    (void)c;
    return PyBool_FromLong(p->owner != NULL && p->owner->valid);
}

PyObject *
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

PyObject *
par_get_pargroup(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    Py_ssize_t start, count;
    td_pargroup_span(op->cls, p->index, &start, &count);
    return td_pargroup_new(td_state_of((PyObject *)op), op, start, count);
}

PyObject *
par_get_false(TdPar *p, void *c)
{
    (void)c;
    LIVE(p, NULL);
    (void)op;
    Py_RETURN_FALSE;
}

/* ---- methods ---- */

PyObject *
par_eval(TdPar *p, PyObject *unused)
{
    (void)unused;
    return td_par_current(p);
}

PyObject *
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

PyObject *
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

PyObject *
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

PyObject *
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

PyObject *
par_issamepar(TdPar *p, PyObject *other)
{
    if (Py_TYPE(other) != Py_TYPE(p)) {
        Py_RETURN_FALSE;
    }
    TdPar *o = (TdPar *)other;
    return PyBool_FromLong(o->owner == p->owner && o->index == p->index);
}

PyObject *
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
        if (td_par_assign(op, p->index, before) < 0 ||
            (mode != TD_MODE_CONSTANT && td_par_set_mode(op, p->index, mode) < 0) || !ok) {
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

