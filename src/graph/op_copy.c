/* OP: copyParameters, resetPars and changeType: parameters and type carried between operators. */
#include <fnmatch.h>
#include <string.h>
#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/path.h"
#include "bind/state.h"
#include "graph/classes.h"
#include "graph/network.h"

/* ---- copyParameters, resetPars ---- */

/* Copies the parameters src shares with dst (name and kind). Values are converted first, so a
 * failure changes nothing. */
static int
copy_pars(TdOp *dst, TdOp *src)
{
    size_t n = dst->cls->npars;
    td_par_value *vals = PyMem_Calloc(n > 0 ? n : 1, sizeof(td_par_value));
    Py_ssize_t *from = PyMem_Calloc(n > 0 ? n : 1, sizeof(Py_ssize_t));
    int rc = -1;
    if (vals == NULL || from == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        Py_ssize_t j = td_par_index(src->cls, dst->cls->pars[i].name);
        from[i] = j >= 0 && src->cls->pars[j].kind == dst->cls->pars[i].kind ? j : -1;
        if (from[i] < 0) {
            continue;
        }
        PyObject *c = td_par_constant_object(src, j);
        int bad_value = c == NULL || td_par_convert(dst, (Py_ssize_t)i, c, &vals[i]) < 0;
        Py_XDECREF(c);
        if (bad_value && c != NULL && dst->cls->pars[i].kind == TD_PAR_MENU &&
            PyErr_ExceptionMatches(PyExc_ValueError)) {
            /* a token the other menu lacks (boxSOP's texture 'faceoutside' on a sphereSOP): dst keeps its own */
            PyErr_Clear();
            from[i] = -1;
            continue;
        }
        if (bad_value) {
            goto done;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (from[i] < 0) {
            continue;
        }
        td_par_slot *d = &dst->pars[i], *s = &src->pars[from[i]];
        d->val.num = vals[i].num;
        Py_XSETREF(d->val.str, vals[i].str);
        vals[i].str = NULL;
        Py_XSETREF(d->expr, Py_XNewRef(s->expr));
        td_par_slot_forget(d);
        d->mode = s->mode;
        d->readonly = s->readonly;
    }
    td_op_touch(dst);
    rc = 0;
done:
    for (size_t i = 0; vals != NULL && i < n; i++) {
        Py_XDECREF(vals[i].str);
    }
    PyMem_Free(vals);
    PyMem_Free(from);
    return rc;
}

PyObject *
td_op_copy_parameters(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"OP", "custom", "builtin", NULL};
    PyObject *src;
    int custom = 1, builtin = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|pp:copyParameters", kwlist, &src, &custom, &builtin)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    td_state *st = td_state_of((PyObject *)op);
    if (!PyObject_TypeCheck(src, st->base_types[TD_BASE_OP])) {
        PyErr_Format(PyExc_TypeError, "copyParameters() takes an OP, not %.100s", Py_TYPE(src)->tp_name);
        return NULL;
    }
    if (td_op_check((TdOp *)src) < 0) {
        return NULL;
    }
    if (builtin && (TdOp *)src != op && copy_pars(op, (TdOp *)src) < 0) {
        return NULL;
    }
    Py_RETURN_NONE; /* custom: there are no custom parameters */
}


PyObject *
td_op_reset_pars(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"parNames", "parGroupNames", "pageNames", "includeBuiltin", "includeCustom", NULL};
    const char *names = "*", *groups = "*", *pages = "*";
    int builtin = 1, custom = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ssspp:resetPars", kwlist, &names, &groups, &pages, &builtin,
                                     &custom)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    int any = 0;
    td_state *st = td_state_of((PyObject *)op);
    for (size_t i = 0; builtin && i < op->cls->npars; i++) {
        const td_par_def *d = &op->cls->pars[i];
        Py_ssize_t start, count;
        td_pargroup_span(op->cls, (Py_ssize_t)i, &start, &count);
        PyObject *g = td_pargroup_name(op->cls, start, count);
        const char *gname = g != NULL ? PyUnicode_AsUTF8(g) : NULL;
        int hit = gname != NULL && td_glob_any(names, d->name) && td_glob_any(groups, gname) &&
                  td_glob_any(pages, d->page);
        Py_XDECREF(g);
        if (gname == NULL) {
            return NULL;
        }
        if (!hit) {
            continue;
        }
        PyObject *p = td_par_new(st, op, (Py_ssize_t)i);
        PyObject *r = p != NULL ? PyObject_CallMethod(p, "reset", NULL) : NULL;
        Py_XDECREF(p);
        if (r == NULL) {
            return NULL;
        }
        Py_DECREF(r);
        any = 1;
    }
    return PyBool_FromLong(any);
}

/* ---- changeType ---- */

/* Moves comp's children under dest (both COMPs), keeping their identities. */
static int
move_children(TdOp *comp, TdOp *dest)
{
    PyObject *kids = comp->children;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(kids); i++) {
        TdOp *c = (TdOp *)PyList_GET_ITEM(kids, i);
        if (td_child_attach(dest, c) < 0) {
            return -1;
        }
        Py_SETREF(c->parent, (TdOp *)Py_NewRef((PyObject *)dest));
        Py_CLEAR(c->expr_globals); /* its op() now looks in dest */
    }
    td_child_clear_all(comp);
    return 0;
}

PyObject *
td_op_change_type(TdOp *op, PyObject *arg)
{
    TD_CHECK(op, NULL);
    const td_op_class *cls = td_op_class_arg(arg, (PyObject *)op);
    if (cls == NULL) {
        return NULL;
    }
    if (op->parent == NULL) {
        PyErr_SetString(td_state_of((PyObject *)op)->tdError, "the root cannot change type");
        return NULL;
    }
    if (cls == op->cls) {
        return Py_NewRef((PyObject *)op);
    }
    /* A DAT's contents go to a DAT as its text (read first: reading cooks op, running Python). */
    PyObject *text = NULL;
    if (td_op_is(op, TD_BASE_DAT) && strcmp(cls->family, "DAT") == 0) {
        text = PyObject_GetAttrString((PyObject *)op, "text");
        if (text == NULL || td_op_check(op) < 0) { /* a destroyed op has no parent: checked here */
            Py_XDECREF(text);
            return NULL;
        }
    }
    TdOp *parent = op->parent;
    PyObject *name = Py_NewRef(op->name);
    Py_ssize_t at = PySequence_Index(parent->children, (PyObject *)op);
    TdOp *fresh = at >= 0 ? td_comp_create_op(parent, cls, name) : NULL; /* numbered for now */
    if (fresh == NULL) {
        Py_XDECREF(text);
        Py_DECREF(name);
        return NULL;
    }
    if (copy_pars(fresh, op) < 0) {
        Py_XDECREF(text);
        goto error;
    }
    int text_failed = text != NULL && PyObject_SetAttrString((PyObject *)fresh, "text", text) < 0;
    Py_XDECREF(text);
    if (text_failed) {
        goto error;
    }
    fresh->flags = op->flags;
    if (fresh->children == NULL) {
        fresh->flags |= 1u << TD_FLAG_ALLOW_COOKING;
    }
    Py_XSETREF(fresh->storage, Py_XNewRef(op->storage));
    Py_XSETREF(fresh->startup, Py_XNewRef(op->startup));
    Py_XSETREF(fresh->tags, Py_XNewRef(op->tags));
    Py_XSETREF(fresh->vars, Py_XNewRef(op->vars));
    Py_XSETREF(fresh->comment, Py_XNewRef(op->comment));
    Py_XSETREF(fresh->dock, Py_XNewRef(op->dock));
    memcpy(fresh->color, op->color, sizeof(op->color));
    fresh->node_x = op->node_x;
    fresh->node_y = op->node_y;
    fresh->node_w = op->node_w;
    fresh->node_h = op->node_h;
    int same_family = strcmp(cls->family, op->cls->family) == 0;
    if (same_family && op->inputs != NULL) {
        Py_ssize_t keep = PyList_GET_SIZE(op->inputs) < cls->max_inputs ? PyList_GET_SIZE(op->inputs) : cls->max_inputs;
        Py_XSETREF(fresh->inputs, PyList_GetSlice(op->inputs, 0, keep));
        if (fresh->inputs == NULL) {
            goto error;
        }
    }
    /* Wires out of op and docks onto it move to fresh (wires only within one family). */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(parent->children); i++) {
        TdOp *sib = (TdOp *)PyList_GET_ITEM(parent->children, i);
        if (sib->dock == (PyObject *)op) {
            Py_SETREF(sib->dock, Py_NewRef((PyObject *)fresh));
        }
        for (Py_ssize_t j = 0; same_family && sib->inputs != NULL && j < PyList_GET_SIZE(sib->inputs); j++) {
            if (PyList_GET_ITEM(sib->inputs, j) == (PyObject *)op &&
                PyList_SetItem(sib->inputs, j, Py_NewRef((PyObject *)fresh)) < 0) {
                goto error;
            }
        }
    }
    if (op->children != NULL && fresh->children != NULL && move_children(op, fresh) < 0) {
        goto error;
    }
    /* fresh takes op's place in the network, then its name. */
    if (PySequence_DelItem(parent->children, PyList_GET_SIZE(parent->children) - 1) < 0 ||
        PyList_Insert(parent->children, at, (PyObject *)fresh) < 0) {
        goto error;
    }
    td_op_destroy(op);
    td_op_flags_yield(fresh); /* op's flags, unless it was of another family and a sibling holds them */
    int renamed = td_child_rename(fresh, name);
    Py_DECREF(name);
    if (renamed < 0) {
        td_op_destroy(fresh);
        Py_DECREF(fresh);
        return NULL;
    }
    td_op_touch(fresh);
    return (PyObject *)fresh;
error:
    Py_DECREF(name);
    {
        /* destroying the half-made operator may run Python: keep the failure's exception */
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        td_op_destroy(fresh);
        Py_DECREF(fresh);
        PyErr_Restore(type, value, tb);
    }
    return NULL;
}
