/* COMP: operators that hold other operators.
 *
 *   >>> geo = td.root.create(td.geometryCOMP)        # auto-named geo1
 *   >>> geo.create('sphereSOP', 'ball')              # a class or its name
 *   >>> geo.children, geo.op('ball'), td.root.copy(geo).name
 *   ([<sphereSOP /geo1/ball>], <sphereSOP /geo1/ball>, 'geo2')
 *   >>> td.root.findChildren(type=td.SOP, maxDepth=2, parValue='1*')
 */
#include <fnmatch.h>
#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/path.h"
#include "bind/state.h"
#include "graph/classes.h"
#include "graph/network.h"

PyObject *
td_free_name(TdOp *comp, PyObject *wanted)
{
    return td_child_free_name(comp, wanted);
}

const td_op_class *
td_op_class_arg(PyObject *type_arg, PyObject *module_obj)
{
    td_state *st = td_state_of(module_obj);
    const td_op_class *cls = NULL;
    if (PyType_Check(type_arg)) {
        cls = td_class_of_type(st, (PyTypeObject *)type_arg);
        if (cls == NULL) {
            PyErr_Format(PyExc_TypeError, "an operator type such as td_render.renderTOP is needed, not %R", type_arg);
        }
    }
    else if (PyUnicode_Check(type_arg)) {
        const char *s = PyUnicode_AsUTF8(type_arg);
        if (s == NULL) {
            return NULL;
        }
        cls = td_class_by_name(st, s);
        if (cls == NULL) {
            PyErr_Format(PyExc_ValueError, "unknown operator type %R (e.g. 'renderTOP', 'geometryCOMP')", type_arg);
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "an operator type or its name is needed, not %.100s", Py_TYPE(type_arg)->tp_name);
    }
    return cls;
}

TdOp *
td_comp_create_op(TdOp *comp, const td_op_class *cls, PyObject *name)
{
    td_state *st = td_state_of((PyObject *)comp);
    if (td_op_check(comp) < 0) {
        return NULL; /* e.g. destroyed by Python that ran since the caller checked */
    }
    if (comp->children == NULL) {
        PyErr_Format(PyExc_TypeError, "a %s holds no operators", comp->cls->optype);
        return NULL;
    }
    PyObject *wanted = NULL;
    if (name == Py_None) {
        wanted = PyUnicode_FromFormat("%s1", cls->base_name);
    }
    else {
        if (td_name_validate(name) < 0) {
            return NULL;
        }
        wanted = PyUnicode_FromObject(name); /* an exact str, even from a str subclass */
    }
    if (wanted == NULL) {
        return NULL;
    }
    PyObject *final = td_free_name(comp, wanted);
    Py_DECREF(wanted);
    if (final == NULL) {
        return NULL;
    }
    PyTypeObject *type = td_type_of_class(st, cls);
    TdOp *op = type != NULL ? td_op_new(type, cls, comp, final) : NULL;
    Py_DECREF(final);
    if (op == NULL) {
        return NULL;
    }
    if (td_child_attach(comp, op) < 0) {
        td_op_destroy(op);
        Py_DECREF(op);
        return NULL;
    }
    td_op_touch(comp);
    return op;
}

static PyObject *
comp_create(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"OPtype", "name", "initialize", NULL};
    PyObject *type_arg = NULL, *name = Py_None;
    int initialize = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|Op:create", kwlist, &type_arg, &name, &initialize)) {
        return NULL;
    }
    TD_CHECK(self, NULL);
    const td_op_class *cls = td_op_class_arg(type_arg, (PyObject *)self);
    if (cls == NULL) {
        return NULL;
    }
    TdOp *op = td_comp_create_op(self, cls, name);
    if (op != NULL) {
        td_op_flags_claim(op); /* a created OP takes its network's exclusive flags */
    }
    return (PyObject *)op;
}

/* ---- copies ---- */

static TdOp *
op_arg(TdOp *self, PyObject *arg, const char *fname)
{
    td_state *st = td_state_of((PyObject *)self);
    if (!PyObject_TypeCheck(arg, st->base_types[TD_BASE_OP])) {
        PyErr_Format(PyExc_TypeError, "%s() takes an OP, not %.100s", fname, Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (td_op_check((TdOp *)arg) < 0) {
        return NULL;
    }
    for (TdOp *p = self; p != NULL; p = p->parent) {
        if (p == (TdOp *)arg) {
            PyErr_Format(PyExc_ValueError, "%s(): a component cannot be copied into itself", fname);
            return NULL;
        }
    }
    return (TdOp *)arg;
}

/* A copy of src inside self named name (None: src's name, numbered on); new reference. */
static TdOp *
copy_one(TdOp *self, TdOp *src, PyObject *name)
{
    PyObject *state = td_op_getstate(src, NULL);
    if (state == NULL) {
        return NULL;
    }
    /* Wires and the dock point outside what is copied: they are not carried. */
    if (PyDict_DelItemString(state, "inputs") < 0 || PyDict_DelItemString(state, "dock") < 0) {
        Py_DECREF(state);
        return NULL;
    }
    TdOp *copy = td_op_from_state(self, state, name);
    Py_DECREF(state);
    return copy;
}

static PyObject *
comp_copy(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"OP", "name", "includeDocked", NULL};
    PyObject *arg, *name = Py_None;
    int docked = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|Op:copy", kwlist, &arg, &name, &docked)) {
        return NULL;
    }
    TD_CHECK(self, NULL);
    TdOp *src = op_arg(self, arg, "copy");
    if (src == NULL || (name != Py_None && td_name_validate(name) < 0)) {
        return NULL;
    }
    TdOp *copy = copy_one(self, src, name);
    if (copy == NULL || !docked || src->parent == NULL) {
        return (PyObject *)copy;
    }
    PyObject *kids = PySequence_List(src->parent->children);
    for (Py_ssize_t i = 0; kids != NULL && i < PyList_GET_SIZE(kids); i++) {
        TdOp *sib = (TdOp *)PyList_GET_ITEM(kids, i);
        if (sib->dock != (PyObject *)src) {
            continue;
        }
        TdOp *d = copy_one(self, sib, Py_None);
        if (d == NULL) {
            Py_CLEAR(kids);
            break;
        }
        Py_XSETREF(d->dock, Py_NewRef((PyObject *)copy));
        Py_DECREF(d);
    }
    if (kids == NULL) {
        td_op_destroy(copy);
        Py_DECREF(copy);
        return NULL;
    }
    Py_DECREF(kids);
    return (PyObject *)copy;
}

static PyObject *
comp_copy_ops(TdOp *self, PyObject *arg)
{
    TD_CHECK(self, NULL);
    PyObject *list = PySequence_Check(arg) && !PyUnicode_Check(arg) ? PySequence_List(arg) : NULL;
    if (list == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "copyOPs() takes a list of OPs, not %.100s", Py_TYPE(arg)->tp_name);
        }
        return NULL;
    }
    PyObject *out = PyList_New(0);
    for (Py_ssize_t i = 0; out != NULL && i < PyList_GET_SIZE(list); i++) {
        TdOp *src = op_arg(self, PyList_GET_ITEM(list, i), "copyOPs");
        TdOp *copy = src != NULL ? copy_one(self, src, Py_None) : NULL;
        if (copy == NULL || PyList_Append(out, (PyObject *)copy) < 0) {
            Py_XDECREF(copy);
            Py_CLEAR(out);
            break;
        }
        Py_DECREF(copy);
    }
    /* Wires and docks between the copied operators are kept, between their copies. */
    for (Py_ssize_t i = 0; out != NULL && i < PyList_GET_SIZE(list); i++) {
        TdOp *src = (TdOp *)PyList_GET_ITEM(list, i), *copy = (TdOp *)PyList_GET_ITEM(out, i);
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(list); k++) {
            TdOp *other = (TdOp *)PyList_GET_ITEM(list, k);
            if (src->dock == (PyObject *)other) {
                Py_XSETREF(copy->dock, Py_NewRef(PyList_GET_ITEM(out, k)));
            }
            for (Py_ssize_t j = 0; src->inputs != NULL && j < PyList_GET_SIZE(src->inputs); j++) {
                if (PyList_GET_ITEM(src->inputs, j) == (PyObject *)other &&
                    td_op_connect(copy, j, (TdOp *)PyList_GET_ITEM(out, k)) < 0) {
                    PyErr_Clear(); /* e.g. copied into different networks */
                }
            }
        }
    }
    Py_DECREF(list);
    return out;
}

/* ---- findChildren ---- */

typedef struct {
    PyObject *type, *name, *path, *text, *comment, *tags, *par_value, *par_expr, *par_name, *key;
    int depth, max_depth, all_tags, only_non_defaults;
} td_find;

static int
match_patterns(PyObject *patterns, PyObject *s)
{
    const char *str = PyUnicode_AsUTF8(s), *pats = PyUnicode_AsUTF8(patterns);
    if (str == NULL || pats == NULL) {
        return -1;
    }
    return td_glob_any(pats, str);
}

/* Does some parameter of op satisfy the parameter criteria? */
static int
match_pars(TdOp *op, const td_find *f)
{
    /* Evaluating runs Python, which may destroy op: its pars are checked again at every step and
     * no slot pointer is kept across an evaluation. */
    for (size_t i = 0; op->valid && op->pars != NULL && i < op->cls->npars; i++) {
        PyObject *name = PyUnicode_FromString(op->cls->pars[i].name);
        int ok = name != NULL ? (f->par_name == NULL ? 1 : match_patterns(f->par_name, name)) : -1;
        Py_XDECREF(name);
        if (ok <= 0) {
            if (ok < 0) {
                return -1;
            }
            continue;
        }
        td_par_slot *slot = &op->pars[i];
        if (f->par_expr != NULL) {
            ok = slot->mode == TD_MODE_EXPRESSION && slot->expr != NULL ? match_patterns(f->par_expr, slot->expr) : 0;
            if (ok <= 0) {
                if (ok < 0) {
                    return -1;
                }
                continue;
            }
        }
        if (f->only_non_defaults || f->par_value != NULL) {
            PyObject *p = td_par_new(td_state_of((PyObject *)op), op, (Py_ssize_t)i);
            PyObject *isdef = p != NULL && f->only_non_defaults ? PyObject_GetAttrString(p, "isDefault") : NULL;
            PyObject *v = p != NULL && f->par_value != NULL ? PyObject_CallMethod(p, "eval", NULL) : NULL;
            PyObject *vs = v != NULL ? PyObject_Str(v) : NULL;
            Py_XDECREF(p);
            Py_XDECREF(v);
            if ((f->only_non_defaults && isdef == NULL) || (f->par_value != NULL && vs == NULL)) {
                Py_XDECREF(isdef);
                Py_XDECREF(vs);
                if (!PyErr_ExceptionMatches(PyExc_Exception)) {
                    return -1; /* KeyboardInterrupt, SystemExit: not a failing expression */
                }
                PyErr_Clear(); /* a failing expression matches no value */
                continue;
            }
            ok = !(f->only_non_defaults && isdef == Py_True);
            if (ok && f->par_value != NULL) {
                ok = match_patterns(f->par_value, vs);
            }
            Py_XDECREF(isdef);
            Py_XDECREF(vs);
            if (ok <= 0) {
                if (ok < 0) {
                    return -1;
                }
                continue;
            }
        }
        return 1;
    }
    return 0;
}

static int
match(TdOp *op, int depth, const td_find *f)
{
    int r;
    if (f->depth >= 0 && depth != f->depth) {
        return 0;
    }
    if (f->type != NULL && (r = PyObject_IsInstance((PyObject *)op, f->type)) <= 0) {
        return r;
    }
    if (f->name != NULL && (r = match_patterns(f->name, op->name)) <= 0) {
        return r;
    }
    if (f->path != NULL) {
        PyObject *path = td_op_path(op);
        r = path != NULL ? match_patterns(f->path, path) : -1;
        Py_XDECREF(path);
        if (r <= 0) {
            return r;
        }
    }
    if (f->text != NULL) {
        if (!td_op_is(op, TD_BASE_DAT)) {
            return 0; /* only DATs have text */
        }
        PyObject *text = PyObject_GetAttrString((PyObject *)op, "text");
        r = text != NULL ? match_patterns(f->text, text) : -1;
        Py_XDECREF(text);
        if (r <= 0 || !op->valid) {
            return r < 0 ? r : 0;
        }
    }
    if (f->comment != NULL) {
        PyObject *c = op->comment != NULL ? Py_NewRef(op->comment) : PyUnicode_FromString("");
        r = c != NULL ? match_patterns(f->comment, c) : -1;
        Py_XDECREF(c);
        if (r <= 0) {
            return r;
        }
    }
    if (f->tags != NULL && PyTuple_GET_SIZE(f->tags) > 0) {
        int hits = 0;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(f->tags); i++) {
            int has = op->tags != NULL ? PySet_Contains(op->tags, PyTuple_GET_ITEM(f->tags, i)) : 0;
            if (has < 0) {
                return -1;
            }
            hits += has;
        }
        if (f->all_tags ? hits < PyTuple_GET_SIZE(f->tags) : hits == 0) {
            return 0;
        }
    }
    if ((f->par_value != NULL || f->par_expr != NULL || f->par_name != NULL || f->only_non_defaults) &&
        (r = match_pars(op, f)) <= 0) {
        return r;
    }
    if (f->key != NULL) {
        PyObject *k = PyObject_CallOneArg(f->key, (PyObject *)op);
        r = k != NULL ? PyObject_IsTrue(k) : -1;
        Py_XDECREF(k);
        return r;
    }
    return 1;
}

/* One level of the walk: a snapshot of a COMP's children (a key, expression or value may edit the
 * network while they are matched) and the next one to match. */
typedef struct {
    PyObject *kids;
    Py_ssize_t next;
    int depth;
} td_find_level;

/* Pushes a snapshot of comp's children at depth, if the walk goes that deep; 0 or -1. */
static int
push_level(td_find_level **levels, Py_ssize_t *n, Py_ssize_t *cap, TdOp *comp, int depth, const td_find *f)
{
    if (!comp->valid || comp->children == NULL || PyList_GET_SIZE(comp->children) == 0 ||
        (f->max_depth >= 0 && depth > f->max_depth)) {
        return 0;
    }
    if (*n == *cap) {
        Py_ssize_t grown = *cap * 2;
        td_find_level *l = PyMem_Realloc(*levels, (size_t)grown * sizeof(td_find_level));
        if (l == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        *levels = l;
        *cap = grown;
    }
    PyObject *kids = PySequence_List(comp->children);
    if (kids == NULL) {
        return -1;
    }
    (*levels)[(*n)++] = (td_find_level){kids, 0, depth};
    return 0;
}

/* Depth first, in order, with an explicit stack: any depth. */
static int
walk(TdOp *comp, const td_find *f, PyObject *out)
{
    Py_ssize_t n = 0, cap = 16;
    td_find_level *levels = PyMem_Malloc((size_t)cap * sizeof(td_find_level));
    if (levels == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int rc = push_level(&levels, &n, &cap, comp, 1, f);
    while (rc == 0 && n > 0) {
        td_find_level *l = &levels[n - 1];
        if (l->next >= PyList_GET_SIZE(l->kids)) {
            Py_DECREF(l->kids);
            n--;
            continue;
        }
        TdOp *c = (TdOp *)Py_NewRef(PyList_GET_ITEM(l->kids, l->next++));
        int depth = l->depth;
        if (c->valid) {
            int m = match(c, depth, f);
            rc = m < 0 ? -1 : (m && PyList_Append(out, (PyObject *)c) < 0) ? -1 : 0;
            if (rc == 0) {
                rc = push_level(&levels, &n, &cap, c, depth + 1, f);
            }
        }
        Py_DECREF(c);
    }
    while (n > 0) {
        Py_DECREF(levels[--n].kids);
    }
    PyMem_Free(levels);
    return rc;
}

static int
str_or_none(PyObject **v, const char *kw)
{
    if (*v == Py_None) {
        *v = NULL;
        return 0;
    }
    if (!PyUnicode_Check(*v)) {
        PyErr_Format(PyExc_TypeError, "findChildren(%s=) takes a pattern str, not %.100s", kw, Py_TYPE(*v)->tp_name);
        return -1;
    }
    return 0;
}

static int
int_or_none(PyObject *v, const char *kw, int *out)
{
    *out = -1;
    if (v == Py_None) {
        return 0;
    }
    if (!PyLong_Check(v) || PyBool_Check(v)) {
        PyErr_Format(PyExc_TypeError, "findChildren(%s=) takes an int, not %.100s", kw, Py_TYPE(v)->tp_name);
        return -1;
    }
    long n = PyLong_AsLong(v);
    if ((n == -1 && PyErr_Occurred()) || n < 1 || n > 100000) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "findChildren(%s=) must be at least 1 (1: the children)", kw);
        return -1;
    }
    *out = (int)n;
    return 0;
}

static PyObject *
comp_find_children(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"type",     "name",     "path",     "depth",           "maxDepth",       "text",
                             "comment",  "tags",     "allTags",  "parValue",        "parExpr",        "parName",
                             "onlyNonDefaults", "includeUtility", "key", NULL};
    PyObject *type = Py_None, *name = Py_None, *path = Py_None, *depth = Py_None, *max_depth = Py_None;
    PyObject *text = Py_None, *comment = Py_None, *tags = NULL, *par_value = Py_None, *par_expr = Py_None;
    PyObject *par_name = Py_None, *key = Py_None;
    int all_tags = 0, non_defaults = 0, utility = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$OOOOOOOOpOOOppO:findChildren", kwlist, &type, &name, &path, &depth,
                                     &max_depth, &text, &comment, &tags, &all_tags, &par_value, &par_expr,
                                     &par_name, &non_defaults, &utility, &key)) {
        return NULL;
    }
    TD_CHECK(self, NULL);
    td_find f = {.all_tags = all_tags, .only_non_defaults = non_defaults};
    f.name = name;
    f.path = path;
    f.text = text;
    f.comment = comment;
    f.par_value = par_value;
    f.par_expr = par_expr;
    f.par_name = par_name;
    if (str_or_none(&f.name, "name") < 0 || str_or_none(&f.path, "path") < 0 || str_or_none(&f.text, "text") < 0 ||
        str_or_none(&f.comment, "comment") < 0 || str_or_none(&f.par_value, "parValue") < 0 ||
        str_or_none(&f.par_expr, "parExpr") < 0 || str_or_none(&f.par_name, "parName") < 0 ||
        int_or_none(depth, "depth", &f.depth) < 0 || int_or_none(max_depth, "maxDepth", &f.max_depth) < 0) {
        return NULL;
    }
    if (type != Py_None) {
        if (!PyType_Check(type) && !PyTuple_Check(type)) {
            PyErr_Format(PyExc_TypeError, "findChildren(type=) takes an operator class, not %.100s",
                         Py_TYPE(type)->tp_name);
            return NULL;
        }
        f.type = type;
    }
    if (key != Py_None) {
        if (!PyCallable_Check(key)) {
            PyErr_Format(PyExc_TypeError, "findChildren(key=) takes a callable, not %.100s", Py_TYPE(key)->tp_name);
            return NULL;
        }
        f.key = key;
    }
    PyObject *tag_tuple = NULL;
    if (tags != NULL && tags != Py_None) {
        PyObject *set = td_tags_from(tags);
        tag_tuple = set != NULL ? PySequence_Tuple(set) : NULL;
        Py_XDECREF(set);
        if (tag_tuple == NULL) {
            return NULL;
        }
        f.tags = tag_tuple;
    }
    PyObject *out = PyList_New(0);
    if (out != NULL && walk(self, &f, out) < 0) {
        Py_CLEAR(out);
    }
    Py_XDECREF(tag_tuple);
    return out;
}

/* ---- variables ---- */

static PyObject *
comp_set_var(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "value", NULL};
    PyObject *name, *value;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "UO:setVar", kwlist, &name, &value)) {
        return NULL;
    }
    TD_CHECK(self, NULL);
    PyObject *s = PyObject_Str(value);
    if (s == NULL) {
        return NULL;
    }
    if (self->vars == NULL && (self->vars = PyDict_New()) == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    int rc = PyDict_SetItem(self->vars, name, s);
    Py_DECREF(s);
    if (rc < 0) {
        return NULL;
    }
    td_op_touch(self);
    Py_RETURN_NONE;
}

static PyObject *
comp_unset_var(TdOp *self, PyObject *arg)
{
    TD_CHECK(self, NULL);
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "unsetVar() takes a name (str), not %.100s", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *pats = PyTuple_Pack(1, arg);
    int removed = 0;
    int rc = pats != NULL ? td_dict_unstore(self->vars, pats, &removed) : -1;
    Py_XDECREF(pats);
    if (rc < 0) {
        return NULL;
    }
    if (removed) {
        td_op_touch(self);
    }
    Py_RETURN_NONE;
}

static PyObject *
comp_vars(TdOp *self, PyObject *args)
{
    TD_CHECK(self, NULL);
    PyObject *out = PyList_New(0);
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (out != NULL && self->vars != NULL && PyDict_Next(self->vars, &pos, &key, &value)) {
        int hit = PyTuple_GET_SIZE(args) == 0;
        for (Py_ssize_t i = 0; !hit && i < PyTuple_GET_SIZE(args); i++) {
            PyObject *pat = PyTuple_GET_ITEM(args, i);
            if (!PyUnicode_Check(pat)) {
                PyErr_Format(PyExc_TypeError, "vars() takes patterns (str), not %.100s", Py_TYPE(pat)->tp_name);
                Py_CLEAR(out);
                return NULL;
            }
            hit = match_patterns(pat, key);
            if (hit < 0) {
                Py_CLEAR(out);
                return NULL;
            }
        }
        if (hit && PyList_Append(out, key) < 0) {
            Py_CLEAR(out);
        }
    }
    return out;
}

static PyMethodDef comp_methods[] = {
    {"create", (PyCFunction)(void (*)(void))comp_create, METH_VARARGS | METH_KEYWORDS,
     "create($self, /, OPtype, name=None, initialize=True)\n--\n\n"
     "Create an operator inside this component. OPtype is an operator class (td_render.renderTOP)\n"
     "or its name ('renderTOP'). Without a name the type's default stem is numbered (render1,\n"
     "render2, ...); a name already taken is numbered the same way. initialize is accepted for\n"
     "TouchDesigner compatibility (there are no init scripts to skip)."},
    {"copy", (PyCFunction)(void (*)(void))comp_copy, METH_VARARGS | METH_KEYWORDS,
     "copy($self, /, OP, name=None, includeDocked=True)\n--\n\nCopy OP (with everything inside it) into this\n"
     "component and return the copy: parameters with modes and expressions, flags, storage, tags and\n"
     "appearance, as __getstate__ carries them. Named name, or like OP numbered on if taken.\n"
     "includeDocked also copies the operators docked to OP, docked to the copy."},
    {"copyOPs", (PyCFunction)comp_copy_ops, METH_O,
     "copyOPs($self, listOfOPs, /)\n--\n\nCopy the operators into this component, keeping the wires and docks\n"
     "between them; returns the copies in order."},
    {"findChildren", (PyCFunction)(void (*)(void))comp_find_children, METH_VARARGS | METH_KEYWORDS,
     "findChildren($self, /, *, type=None, name=None, path=None, depth=None, maxDepth=None, text=None,\n"
     "comment=None, tags=[], allTags=False, parValue=None, parExpr=None, parName=None,\n"
     "onlyNonDefaults=False, includeUtility=False, key=None)\n--\n\n"
     "The operators inside this component (depth first) matching every criterion given: type (a class,\n"
     "subclasses included), name/path/comment (space-separated glob patterns), depth (exact; 1 = the\n"
     "children), maxDepth, tags (any of them, or all with allTags), a parameter whose name matches\n"
     "parName, whose value (as str) matches parValue, whose expression matches parExpr, and which is not\n"
     "default with onlyNonDefaults; key(op) true. text matches a DAT's text (other operators have none).\n"
     "[] if none."},
    {"setVar", (PyCFunction)(void (*)(void))comp_set_var, METH_VARARGS | METH_KEYWORDS,
     "setVar($self, /, name, value)\n--\n\nSet the component variable name to str(value); OP.var() finds it."},
    {"unsetVar", (PyCFunction)comp_unset_var, METH_O,
     "unsetVar($self, name, /)\n--\n\nRemove the component variables matching name (a glob pattern)."},
    {"vars", (PyCFunction)comp_vars, METH_VARARGS,
     "vars($self, /, *patterns)\n--\n\nThe names of this component's variables matching the patterns (all without)."},
    {NULL},
};

static PyType_Slot comp_slots[] = {
    {Py_tp_doc, "COMP: a component, an operator that contains other operators (children)."},
    {Py_tp_methods, comp_methods},
    {0, NULL},
};

PyType_Spec td_COMP_spec = {
    .name = "td_render.COMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = comp_slots,
};
