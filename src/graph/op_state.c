/* OP: persistent state (__getstate__/__setstate__, pickling, copies), changeType, copyParameters
 * and resetPars.
 *
 * The state is a dict of plain values:
 *   {'OPType': 'geometryCOMP', 'name': 'geo1',
 *    'pars': {'tx': {'val': 1.0, 'mode': 'EXPRESSION', 'expr': 'absTime.frame', 'readOnly': False}, ...},
 *    'flags': {'bypass': False, ...}, 'storage': {...}, 'storageStartup': {...}, 'tags': [...],
 *    'comment': '', 'color': (r, g, b), 'nodeX': 0, 'nodeY': 0, 'nodeWidth': 130, 'nodeHeight': 90,
 *    'vars': {...}, 'inputs': ['box1'], 'dock': None, 'children': [<states>]}
 * 'storage' holds the startup value in place of the live one for keys that have one. 'inputs' and
 * 'dock' name operators of the same network; they are restored between operators copied together
 * (a COMP's children). Not carried: the id, cook statistics, errors, wires and docks to operators
 * outside what is copied, and type-specific C data (meshes, GPU images), which is rebuilt.
 *
 *   >>> s = geo.__getstate__(); other.__setstate__(s)      # same OPType
 *   >>> geo2 = copy.deepcopy(geo)                          # a new operator beside geo
 *   >>> pickle.loads(pickle.dumps(geo))                    # likewise
 */
#include <fnmatch.h>
#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/path.h"
#include "bind/state.h"
#include "graph/classes.h"
#include "graph/network.h"

static const char *const mode_names[] = {"CONSTANT", "EXPRESSION", "EXPORT", "BIND"};

/* ---- __getstate__ ---- */

static PyObject *
pars_state(TdOp *op)
{
    PyObject *pars = PyDict_New();
    for (size_t i = 0; pars != NULL && i < op->cls->npars; i++) {
        td_par_slot *slot = &op->pars[i];
        PyObject *val = td_par_constant_object(op, (Py_ssize_t)i);
        PyObject *one = val != NULL ? Py_BuildValue("{s:O,s:s,s:O,s:O}", "val", val, "mode", mode_names[slot->mode],
                                                    "expr", slot->expr != NULL ? slot->expr : Py_None, "readOnly",
                                                    slot->readonly ? Py_True : Py_False)
                                    : NULL;
        if (one != NULL && slot->expr == NULL) {
            PyObject *empty = PyUnicode_FromString("");
            if (empty == NULL || PyDict_SetItemString(one, "expr", empty) < 0) {
                Py_CLEAR(one);
            }
            Py_XDECREF(empty);
        }
        if (one == NULL || PyDict_SetItemString(pars, op->cls->pars[i].name, one) < 0) {
            Py_CLEAR(pars);
        }
        Py_XDECREF(val);
        Py_XDECREF(one);
    }
    return pars;
}

static PyObject *
flags_state(TdOp *op)
{
    PyObject *flags = PyDict_New();
    for (int i = 0; flags != NULL && i < TD_NFLAGS; i++) {
        if (PyDict_SetItemString(flags, td_flag_names[i], td_op_flag(op, (td_flag)i) ? Py_True : Py_False) < 0) {
            Py_CLEAR(flags);
        }
    }
    return flags;
}

/* Storage with startup values in place of live ones. */
static PyObject *
storage_state(TdOp *op)
{
    PyObject *s = op->storage != NULL ? PyDict_Copy(op->storage) : PyDict_New();
    if (s != NULL && op->startup != NULL && PyDict_Update(s, op->startup) < 0) {
        Py_CLEAR(s);
    }
    return s;
}

static PyObject *
names_of(PyObject *ops)
{
    PyObject *out = PyList_New(0);
    for (Py_ssize_t i = 0; out != NULL && ops != NULL && i < PyList_GET_SIZE(ops); i++) {
        if (PyList_Append(out, ((TdOp *)PyList_GET_ITEM(ops, i))->name) < 0) {
            Py_CLEAR(out);
        }
    }
    return out;
}

/* op's own state, without its children's (state_tree adds those). */
static PyObject *
state_of(TdOp *op)
{
    PyObject *tags = NULL, *st = NULL;
    PyObject *pars = pars_state(op), *flags = flags_state(op), *storage = storage_state(op);
    PyObject *startup = op->startup != NULL ? PyDict_Copy(op->startup) : PyDict_New();
    PyObject *vars = op->vars != NULL ? PyDict_Copy(op->vars) : PyDict_New();
    PyObject *inputs = names_of(op->inputs);
    if (op->tags != NULL) {
        tags = PySequence_List(op->tags);
        if (tags != NULL && PyList_Sort(tags) < 0) {
            Py_CLEAR(tags);
        }
    }
    else {
        tags = PyList_New(0);
    }
    if (pars == NULL || flags == NULL || storage == NULL || startup == NULL || vars == NULL || inputs == NULL ||
        tags == NULL) {
        goto done;
    }
    st = Py_BuildValue("{s:s,s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:(ddd),s:l,s:l,s:l,s:l,s:O,s:O,s:O,s:i}", "OPType",
                       op->cls->optype, "name", op->name, "pars", pars, "flags", flags, "storage", storage,
                       "storageStartup", startup, "tags", tags, "comment",
                       op->comment != NULL ? op->comment : Py_None, "color", op->color[0], op->color[1],
                       op->color[2], "nodeX", op->node_x, "nodeY", op->node_y, "nodeWidth", op->node_w, "nodeHeight",
                       op->node_h, "vars", vars, "inputs", inputs, "dock",
                       op->dock != NULL ? ((TdOp *)op->dock)->name : Py_None, "currentPage", op->current_page);
    if (st != NULL && op->comment == NULL) {
        PyObject *empty = PyUnicode_FromString("");
        if (empty == NULL || PyDict_SetItemString(st, "comment", empty) < 0) {
            Py_CLEAR(st);
        }
        Py_XDECREF(empty);
    }
done:
    Py_XDECREF(pars);
    Py_XDECREF(flags);
    Py_XDECREF(storage);
    Py_XDECREF(startup);
    Py_XDECREF(vars);
    Py_XDECREF(inputs);
    Py_XDECREF(tags);
    return st;
}

/* The state of op with its children's, nested: every operator's own state first, from a snapshot of
 * the tree (a dict copy may run a stored key's __eq__, which may edit the network), then linked
 * into its parent's 'children' in order. Iterative: any depth. */
static PyObject *
state_tree(TdOp *top)
{
    PyObject *all = td_op_subtree(top), *states = NULL, *kid_lists = NULL, *pos = NULL, *out = NULL;
    if (all == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(all);
    states = PyList_New(n);
    kid_lists = PyList_New(n);
    pos = PyDict_New();
    if (states == NULL || kid_lists == NULL || pos == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        TdOp *o = (TdOp *)PyList_GET_ITEM(all, i);
        if (td_op_check(o) < 0) {
            goto done; /* destroyed by Python that ran for an earlier one */
        }
        PyObject *st = state_of(o);
        if (st == NULL) {
            goto done;
        }
        PyList_SET_ITEM(states, i, st);
        PyObject *kids = o->children != NULL ? PyList_New(0) : Py_NewRef(Py_None);
        if (kids == NULL) {
            goto done;
        }
        PyList_SET_ITEM(kid_lists, i, kids);
        if (kids != Py_None && PyDict_SetItemString(st, "children", kids) < 0) {
            goto done;
        }
        PyObject *key = PyLong_FromVoidPtr(o), *val = PyLong_FromSsize_t(i);
        int rc = key != NULL && val != NULL ? PyDict_SetItem(pos, key, val) : -1;
        Py_XDECREF(key);
        Py_XDECREF(val);
        if (rc < 0) {
            goto done;
        }
    }
    for (Py_ssize_t i = 1; i < n; i++) {
        TdOp *o = (TdOp *)PyList_GET_ITEM(all, i);
        PyObject *key = o->valid && o->parent != NULL ? PyLong_FromVoidPtr(o->parent) : NULL;
        PyObject *j = key != NULL ? PyDict_GetItemWithError(pos, key) : NULL;
        Py_XDECREF(key);
        PyObject *kids = j != NULL ? PyList_GET_ITEM(kid_lists, PyLong_AsSsize_t(j)) : NULL;
        if (kids == NULL || kids == Py_None) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(td_state_of((PyObject *)top)->tdError,
                                "the network changed while its state was being taken");
            }
            goto done;
        }
        if (PyList_Append(kids, PyList_GET_ITEM(states, i)) < 0) {
            goto done;
        }
    }
    out = Py_NewRef(PyList_GET_ITEM(states, 0));
done:
    Py_DECREF(all);
    Py_XDECREF(states);
    Py_XDECREF(kid_lists);
    Py_XDECREF(pos);
    return out;
}

PyObject *
td_op_getstate(TdOp *op, PyObject *unused)
{
    (void)unused;
    TD_CHECK(op, NULL);
    return state_tree(op);
}

/* ---- __setstate__: parsed into C-owned, checked form, then applied without running Python ---- */

typedef struct {
    Py_ssize_t index;
    int has_val;
    td_par_value val; /* converted (val.str owned) */
    int mode;         /* -1: not given */
    PyObject *expr;   /* exact str, or NULL: not given */
    int readonly;     /* -1: not given */
} td_par_state;

static const char *const int_keys[] = {"nodeX", "nodeY", "nodeWidth", "nodeHeight", "currentPage"};

typedef struct {
    PyObject *name; /* exact str or NULL */
    Py_ssize_t npars;
    td_par_state *pars;
    signed char flags[TD_NFLAGS]; /* -1: not given */
    PyObject *storage, *startup, *vars; /* dict copies or NULL */
    PyObject *tags;                     /* set of exact str or NULL */
    PyObject *comment;                  /* exact str or NULL */
    int has_color;
    double color[3];
    int has_int[5];
    long ints[5];
} td_parsed_state;

static void
parsed_free(td_parsed_state *p)
{
    for (Py_ssize_t i = 0; p->pars != NULL && i < p->npars; i++) {
        Py_XDECREF(p->pars[i].val.str);
        Py_XDECREF(p->pars[i].expr);
    }
    PyMem_Free(p->pars);
    Py_XDECREF(p->name);
    Py_XDECREF(p->storage);
    Py_XDECREF(p->startup);
    Py_XDECREF(p->vars);
    Py_XDECREF(p->tags);
    Py_XDECREF(p->comment);
}

static int
bad(const char *fmt, const char *what)
{
    PyErr_Format(PyExc_ValueError, fmt, what);
    return -1;
}

/* state[key], a new reference (NULL if absent; -1 on error). */
static int
item(PyObject *state, const char *key, PyObject **out)
{
    PyObject *k = PyUnicode_FromString(key);
    *out = k != NULL ? PyDict_GetItemWithError(state, k) : NULL;
    Py_XDECREF(k);
    Py_XINCREF(*out);
    return *out == NULL && PyErr_Occurred() ? -1 : 0;
}

static int
parse_par(TdOp *op, PyObject *key, PyObject *one, td_par_state *out)
{
    const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
    Py_ssize_t i = name != NULL ? td_par_index(op->cls, name) : -1;
    if (i < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s has no parameter %R", op->cls->optype, key);
        return -1;
    }
    if (!PyDict_Check(one)) {
        return bad("state['pars'][%s] must be a dict", name);
    }
    *out = (td_par_state){.index = i, .mode = -1, .readonly = -1};
    PyObject *val = NULL, *mode = NULL, *expr = NULL, *ro = NULL;
    int rc = -1;
    if (item(one, "val", &val) < 0 || item(one, "mode", &mode) < 0 || item(one, "expr", &expr) < 0 ||
        item(one, "readOnly", &ro) < 0) {
        goto done;
    }
    if (val != NULL) {
        if (td_par_convert(op, i, val, &out->val) < 0) {
            goto done;
        }
        out->has_val = 1;
    }
    if (mode != NULL) {
        if (PyUnicode_Check(mode) && PyUnicode_CompareWithASCIIString(mode, "CONSTANT") == 0) {
            out->mode = TD_MODE_CONSTANT;
        }
        else if (PyUnicode_Check(mode) && PyUnicode_CompareWithASCIIString(mode, "EXPRESSION") == 0) {
            out->mode = TD_MODE_EXPRESSION;
        }
        else {
            bad("par %s: mode must be 'CONSTANT' or 'EXPRESSION'", name);
            goto done;
        }
    }
    if (expr != NULL) {
        if (!PyUnicode_Check(expr) || PyUnicode_AsUTF8(expr) == NULL) {
            PyErr_Clear();
            bad("par %s: expr must be a str", name);
            goto done;
        }
        out->expr = PyUnicode_FromObject(expr);
        if (out->expr == NULL) {
            goto done;
        }
    }
    if (ro != NULL) {
        int t = PyObject_IsTrue(ro);
        if (t < 0) {
            goto done;
        }
        out->readonly = t;
    }
    rc = 0;
done:
    Py_XDECREF(val);
    Py_XDECREF(mode);
    Py_XDECREF(expr);
    Py_XDECREF(ro);
    return rc;
}

/* Reads and checks everything state asks of op (Python may run: conversions, iteration, a key's
 * __eq__); nothing of op changes. */
static int
parse_state(TdOp *op, PyObject *state, int with_name, td_parsed_state *p)
{
    memset(p, 0, sizeof(*p));
    memset(p->flags, -1, sizeof(p->flags));
    if (!PyDict_Check(state)) {
        PyErr_Format(PyExc_TypeError, "an OP state is a dict (from __getstate__), not %.100s", Py_TYPE(state)->tp_name);
        return -1;
    }
    PyObject *v = NULL, *items = NULL;
    int rc = -1;
    if (item(state, "OPType", &v) < 0) {
        goto done;
    }
    if (v == NULL || !PyUnicode_Check(v) || PyUnicode_CompareWithASCIIString(v, op->cls->optype) != 0) {
        PyErr_Format(PyExc_ValueError, "this state is for %R, not %s", v != NULL ? v : Py_None, op->cls->optype);
        goto done;
    }
    Py_CLEAR(v);
    if (item(state, "name", &v) < 0) {
        goto done;
    }
    if (with_name && v != NULL && op->parent != NULL) {
        if (td_name_validate(v) < 0 || (p->name = PyUnicode_FromObject(v)) == NULL) {
            goto done;
        }
    }
    Py_CLEAR(v);
    if (item(state, "pars", &v) < 0) {
        goto done;
    }
    if (v != NULL) {
        if (!PyDict_Check(v)) {
            bad("state['pars'] must be a dict%s", "");
            goto done;
        }
        items = PyDict_Items(v); /* a snapshot: conversions may edit the dict */
        if (items == NULL) {
            goto done;
        }
        p->pars = PyMem_Calloc((size_t)PyList_GET_SIZE(items) + 1, sizeof(td_par_state));
        if (p->pars == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(items); k++) {
            PyObject *kv = PyList_GET_ITEM(items, k);
            if (!op->valid || op->pars == NULL) {
                td_op_check(op);
                goto done;
            }
            if (parse_par(op, PyTuple_GET_ITEM(kv, 0), PyTuple_GET_ITEM(kv, 1), &p->pars[p->npars]) < 0) {
                goto done;
            }
            p->npars++;
        }
        Py_CLEAR(items);
    }
    Py_CLEAR(v);
    if (item(state, "flags", &v) < 0) {
        goto done;
    }
    if (v != NULL) {
        if (!PyDict_Check(v)) {
            bad("state['flags'] must be a dict%s", "");
            goto done;
        }
        items = PyDict_Items(v);
        for (Py_ssize_t k = 0; items != NULL && k < PyList_GET_SIZE(items); k++) {
            PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(items, k), 0);
            PyObject *on = PyTuple_GET_ITEM(PyList_GET_ITEM(items, k), 1);
            int f = -1;
            for (int j = 0; PyUnicode_CheckExact(key) && j < TD_NFLAGS; j++) {
                f = PyUnicode_CompareWithASCIIString(key, td_flag_names[j]) == 0 ? j : f;
            }
            if (f < 0 || !PyBool_Check(on)) {
                PyErr_Format(PyExc_ValueError, "state['flags']: %R is not a flag with a bool value", key);
                goto done;
            }
            p->flags[f] = on == Py_True;
        }
        if (items == NULL) {
            goto done;
        }
        Py_CLEAR(items);
    }
    Py_CLEAR(v);
    static const char *const dicts[] = {"storage", "storageStartup", "vars"};
    PyObject **dict_out[] = {&p->storage, &p->startup, &p->vars};
    for (int k = 0; k < 3; k++) {
        if (item(state, dicts[k], &v) < 0) {
            goto done;
        }
        if (v != NULL && !PyDict_Check(v)) {
            bad("state['%s'] must be a dict", dicts[k]);
            goto done;
        }
        if (v != NULL && (*dict_out[k] = PyDict_Copy(v)) == NULL) {
            goto done;
        }
        Py_CLEAR(v);
    }
    if (item(state, "tags", &v) < 0) {
        goto done;
    }
    if (v != NULL) {
        PyObject *t = td_tags_from(v), *it = t != NULL ? PyObject_GetIter(t) : NULL, *tag;
        p->tags = it != NULL ? PySet_New(NULL) : NULL;
        while (p->tags != NULL && (tag = PyIter_Next(it)) != NULL) {
            PyObject *exact = PyUnicode_FromObject(tag);
            if (exact == NULL || PySet_Add(p->tags, exact) < 0) {
                Py_CLEAR(p->tags);
            }
            Py_XDECREF(exact);
            Py_DECREF(tag);
        }
        Py_XDECREF(it);
        Py_XDECREF(t);
        if (p->tags == NULL || PyErr_Occurred()) {
            goto done;
        }
        Py_CLEAR(v);
    }
    if (item(state, "comment", &v) < 0) {
        goto done;
    }
    if (v != NULL) {
        if (!PyUnicode_Check(v) || (p->comment = PyUnicode_FromObject(v)) == NULL) {
            PyErr_Clear();
            bad("state['comment'] must be a str%s", "");
            goto done;
        }
        Py_CLEAR(v);
    }
    static const long lows[] = {-1000000000L, -1000000000L, 1, 1, 0};
    for (int k = 0; k < 5; k++) {
        if (item(state, int_keys[k], &v) < 0) {
            goto done;
        }
        if (v == NULL) {
            continue;
        }
        long n = PyLong_Check(v) && !PyBool_Check(v) ? PyLong_AsLong(v) : lows[k] - 1;
        if (n == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            n = lows[k] - 1;
        }
        Py_CLEAR(v);
        if (n < lows[k] || n > 1000000000L) {
            bad("state['%s'] must be an int in range", int_keys[k]);
            goto done;
        }
        p->has_int[k] = 1;
        p->ints[k] = n;
    }
    if (item(state, "color", &v) < 0) {
        goto done;
    }
    if (v != NULL) {
        PyObject *t = PySequence_Check(v) ? PySequence_Tuple(v) : NULL;
        int ok = t != NULL && PyTuple_GET_SIZE(t) == 3;
        for (Py_ssize_t k = 0; ok && k < 3; k++) {
            double c = PyFloat_AsDouble(PyTuple_GET_ITEM(t, k));
            ok = !(c == -1.0 && PyErr_Occurred()) && c >= 0.0 && c <= 1.0;
            p->color[k] = c;
        }
        Py_XDECREF(t);
        if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_Exception)) {
            goto done; /* KeyboardInterrupt, SystemExit */
        }
        PyErr_Clear();
        if (!ok) {
            bad("state['color'] must be 3 numbers in [0, 1]%s", "");
            goto done;
        }
        p->has_color = 1;
        Py_CLEAR(v);
    }
    rc = 0;
done:
    Py_XDECREF(v);
    Py_XDECREF(items);
    return rc;
}

/* The checks that depend on the network as it is now, after parsing ran Python. */
static int
recheck_state(TdOp *op, const td_parsed_state *p)
{
    if (td_op_check(op) < 0) {
        return -1;
    }
    if (op->pars == NULL && op->cls->npars > 0) {
        return td_op_check(op);
    }
    if (p->name != NULL && op->parent != NULL) {
        TdOp *other = td_path_child(op->parent, p->name);
        if (other != NULL && other != op) {
            PyErr_Format(PyExc_ValueError, "'%U' already contains an operator named '%U'", op->parent->name, p->name);
            return -1;
        }
    }
    if (op->children == NULL && p->flags[TD_FLAG_ALLOW_COOKING] == 0) {
        return bad("only COMPs can clear allowCooking%s", "");
    }
    for (Py_ssize_t k = 0; k < p->npars; k++) {
        if (td_par_evaluating(op, p->pars[k].index)) {
            PyErr_Format(td_state_of((PyObject *)op)->tdError, "par %s cannot be set by its own expression",
                         op->cls->pars[p->pars[k].index].name);
            return -1;
        }
    }
    return 0;
}

/* Applies a parsed, rechecked state; runs no Python and cannot fail halfway. */
static void
apply_parsed(TdOp *op, td_parsed_state *p)
{
    if (p->name != NULL && op->parent != NULL && td_child_rename(op, p->name) < 0) {
        PyErr_Clear(); /* out of memory in the index: the name stays */
    }
    for (Py_ssize_t k = 0; k < p->npars; k++) {
        td_par_state *ps = &p->pars[k];
        td_par_slot *slot = &op->pars[ps->index];
        if (ps->has_val) {
            slot->val.num = ps->val.num;
            Py_XSETREF(slot->val.str, ps->val.str);
            ps->val.str = NULL;
            slot->mode = TD_MODE_CONSTANT;
        }
        if (ps->expr != NULL) {
            Py_XSETREF(slot->expr, ps->expr);
            ps->expr = NULL;
        }
        if (ps->mode == TD_MODE_EXPRESSION) {
            if (slot->expr == NULL || PyUnicode_GET_LENGTH(slot->expr) == 0) {
                /* as td_par_set_mode: an empty expression starts as the constant */
                PyObject *c = td_par_constant_object(op, ps->index);
                PyObject *r = c != NULL ? PyObject_Repr(c) : NULL; /* float, int, bool or str */
                Py_XDECREF(c);
                if (r == NULL) {
                    PyErr_Clear();
                }
                else {
                    Py_XSETREF(slot->expr, r);
                }
            }
            slot->mode = TD_MODE_EXPRESSION;
        }
        else if (ps->mode == TD_MODE_CONSTANT) {
            slot->mode = TD_MODE_CONSTANT;
        }
        if (ps->readonly >= 0) {
            slot->readonly = (unsigned char)ps->readonly;
        }
        td_par_slot_forget(slot);
    }
    for (int f = 0; f < TD_NFLAGS; f++) {
        if (p->flags[f] >= 0 && td_op_flag_assign(op, (td_flag)f, p->flags[f]) < 0) {
            PyErr_Clear(); /* rechecked: cannot happen */
        }
    }
    if (p->storage != NULL) {
        Py_XSETREF(op->storage, p->storage);
        p->storage = NULL;
    }
    if (p->startup != NULL) {
        Py_XSETREF(op->startup, p->startup);
        p->startup = NULL;
    }
    if (p->vars != NULL) {
        Py_XSETREF(op->vars, p->vars);
        p->vars = NULL;
    }
    if (p->tags != NULL) {
        if (op->tags != NULL && PySet_Clear(op->tags) == 0) {
            /* keep the set object a holder of op.tags sees; its elements are exact str */
            PyObject *it = PyObject_GetIter(p->tags), *tag;
            while (it != NULL && (tag = PyIter_Next(it)) != NULL) {
                if (PySet_Add(op->tags, tag) < 0) {
                    PyErr_Clear();
                }
                Py_DECREF(tag);
            }
            Py_XDECREF(it);
            PyErr_Clear();
        }
        else {
            Py_XSETREF(op->tags, p->tags);
            p->tags = NULL;
        }
    }
    if (p->comment != NULL) {
        Py_XSETREF(op->comment, p->comment);
        p->comment = NULL;
    }
    if (p->has_color) {
        memcpy(op->color, p->color, sizeof(op->color));
    }
    long *fields[] = {&op->node_x, &op->node_y, &op->node_w, &op->node_h};
    for (int k = 0; k < 4; k++) {
        if (p->has_int[k]) {
            *fields[k] = p->ints[k];
        }
    }
    if (p->has_int[4]) {
        op->current_page = (int)p->ints[4];
    }
    td_op_touch(op);
}

static int
apply_state(TdOp *op, PyObject *state, int with_name)
{
    td_parsed_state p;
    int rc = parse_state(op, state, with_name, &p);
    if (rc == 0) {
        rc = recheck_state(op, &p);
    }
    if (rc == 0) {
        apply_parsed(op, &p);
    }
    parsed_free(&p);
    return rc;
}

PyObject *
td_op_setstate(TdOp *op, PyObject *state)
{
    TD_CHECK(op, NULL);
    Py_INCREF(op);
    int rc = apply_state(op, state, 1);
    Py_DECREF(op);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* What relinking needs of one state, copied out of it: its name, its inputs' names and its dock's
 * name (exact str or NULL). A new tuple (name, (inputs...), dock) with None for absent. */
static PyObject *
link_names(PyObject *st)
{
    PyObject *name = NULL, *inputs = NULL, *dock = NULL, *r = NULL, *ins = NULL;
    if (item(st, "name", &name) < 0 || item(st, "inputs", &inputs) < 0 || item(st, "dock", &dock) < 0) {
        goto done;
    }
    ins = PyList_New(0);
    PyObject *seq = inputs != NULL && PyList_Check(inputs) ? PySequence_Tuple(inputs) : NULL;
    for (Py_ssize_t j = 0; ins != NULL && seq != NULL && j < PyTuple_GET_SIZE(seq); j++) {
        PyObject *e = PyTuple_GET_ITEM(seq, j);
        PyObject *exact = PyUnicode_Check(e) ? PyUnicode_FromObject(e) : Py_NewRef(Py_None);
        if (exact == NULL || PyList_Append(ins, exact) < 0) {
            Py_CLEAR(ins);
        }
        Py_XDECREF(exact);
    }
    Py_XDECREF(seq);
    if (ins == NULL || PyErr_Occurred()) {
        goto done;
    }
    PyObject *n = name != NULL && PyUnicode_Check(name) ? PyUnicode_FromObject(name) : Py_NewRef(Py_None);
    PyObject *d = dock != NULL && PyUnicode_Check(dock) ? PyUnicode_FromObject(dock) : Py_NewRef(Py_None);
    r = n != NULL && d != NULL ? Py_BuildValue("(OOO)", n, ins, d) : NULL;
    Py_XDECREF(n);
    Py_XDECREF(d);
done:
    Py_XDECREF(name);
    Py_XDECREF(inputs);
    Py_XDECREF(dock);
    Py_XDECREF(ins);
    return r;
}

/* Wires and docks among the children of a COMP made from states (names as in the states): the
 * names are copied out first (Python may run), then matched in C. */
static int
relink_children(PyObject *states, PyObject *made)
{
    Py_ssize_t n = PyList_GET_SIZE(made);
    PyObject *links = PyList_New(0);
    for (Py_ssize_t i = 0; links != NULL && i < n; i++) {
        PyObject *l = link_names(PyTuple_GET_ITEM(states, i));
        if (l == NULL || PyList_Append(links, l) < 0) {
            Py_CLEAR(links);
        }
        Py_XDECREF(l);
    }
    if (links == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        TdOp *child = (TdOp *)PyList_GET_ITEM(made, i);
        PyObject *ins = PyTuple_GET_ITEM(PyList_GET_ITEM(links, i), 1);
        PyObject *dock = PyTuple_GET_ITEM(PyList_GET_ITEM(links, i), 2);
        for (Py_ssize_t j = 0; child->valid && j < PyList_GET_SIZE(ins); j++) {
            for (Py_ssize_t k = 0; PyList_GET_ITEM(ins, j) != Py_None && k < n; k++) {
                PyObject *name = PyTuple_GET_ITEM(PyList_GET_ITEM(links, k), 0);
                if (name != Py_None && PyUnicode_Compare(name, PyList_GET_ITEM(ins, j)) == 0) {
                    if (td_op_connect(child, j, (TdOp *)PyList_GET_ITEM(made, k)) < 0) {
                        PyErr_Clear(); /* a wire the copy cannot take is left out */
                    }
                    break;
                }
            }
        }
        for (Py_ssize_t k = 0; child->valid && dock != Py_None && k < n; k++) {
            PyObject *name = PyTuple_GET_ITEM(PyList_GET_ITEM(links, k), 0);
            if (name != Py_None && PyUnicode_Compare(name, dock) == 0) {
                Py_XSETREF(child->dock, Py_NewRef(PyList_GET_ITEM(made, k)));
                break;
            }
        }
    }
    Py_DECREF(links);
    return 0;
}

/* One operator made from state inside comp (its own state only); seen holds the states taken so
 * far, by identity: one taken twice (a state that contains itself) is refused. */
static TdOp *
make_one(TdOp *comp, PyObject *state, PyObject *name, PyObject *seen)
{
    if (!PyDict_Check(state)) {
        PyErr_Format(PyExc_TypeError, "an OP state is a dict (from __getstate__), not %.100s", Py_TYPE(state)->tp_name);
        return NULL;
    }
    PyObject *key = PyLong_FromVoidPtr(state);
    int had = key != NULL ? PySet_Contains(seen, key) : -1;
    if (had == 0 && PySet_Add(seen, key) < 0) {
        had = -1;
    }
    Py_XDECREF(key);
    if (had != 0) {
        if (had > 0) {
            PyErr_SetString(PyExc_ValueError, "an OP state is reached twice (a state that contains itself)");
        }
        return NULL;
    }
    PyObject *optype = NULL, *own_name = NULL;
    if (item(state, "OPType", &optype) < 0) {
        return NULL;
    }
    const char *s = optype != NULL && PyUnicode_Check(optype) ? PyUnicode_AsUTF8(optype) : NULL;
    const td_op_class *cls = s != NULL ? td_class_by_name(td_state_of((PyObject *)comp), s) : NULL;
    if (cls == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "state['OPType'] names no operator type: %R", optype != NULL ? optype : Py_None);
        Py_XDECREF(optype);
        return NULL;
    }
    Py_DECREF(optype);
    if (name == NULL || name == Py_None) {
        if (item(state, "name", &own_name) < 0) {
            return NULL;
        }
        name = own_name;
        if (name != NULL && (!PyUnicode_Check(name) || PyUnicode_GET_LENGTH(name) == 0)) {
            name = Py_None; /* the root's state: use the type's stem */
        }
    }
    TdOp *op = td_comp_create_op(comp, cls, name != NULL ? name : Py_None);
    Py_XDECREF(own_name);
    if (op == NULL) {
        return NULL;
    }
    if (apply_state(op, state, 0) < 0) {
        td_op_destroy(op);
        Py_DECREF(op);
        return NULL;
    }
    return op;
}

/* The children states of state as a tuple (a snapshot), None if it has none; NULL on error. */
static PyObject *
children_states(PyObject *state)
{
    PyObject *kids = NULL;
    if (item(state, "children", &kids) < 0) {
        return NULL;
    }
    if (kids == NULL) {
        return Py_NewRef(Py_None);
    }
    PyObject *t = PyList_Check(kids) ? PySequence_Tuple(kids) : NULL;
    if (t == NULL && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_ValueError, "state['children'] must be a list of states");
    }
    Py_DECREF(kids);
    return t;
}

TdOp *
td_op_from_state(TdOp *comp, PyObject *state, PyObject *name)
{
    /* Without recursion: a work list of (operator, its state) whose children are still to be made,
     * and the (children states, operators made) of each COMP, relinked at the end. */
    PyObject *seen = PySet_New(NULL), *todo = PyList_New(0), *links = PyList_New(0);
    TdOp *top = NULL;
    if (seen == NULL || todo == NULL || links == NULL) {
        goto error;
    }
    Py_INCREF(state);
    top = make_one(comp, state, name, seen);
    PyObject *first = top != NULL ? PyTuple_Pack(2, (PyObject *)top, state) : NULL;
    Py_DECREF(state);
    if (first == NULL || PyList_Append(todo, first) < 0) {
        Py_XDECREF(first);
        goto error;
    }
    Py_DECREF(first);
    while (PyList_GET_SIZE(todo) > 0) {
        Py_ssize_t last = PyList_GET_SIZE(todo) - 1;
        PyObject *job = Py_NewRef(PyList_GET_ITEM(todo, last));
        if (PyList_SetSlice(todo, last, last + 1, NULL) < 0) {
            Py_DECREF(job);
            goto error;
        }
        TdOp *op = (TdOp *)PyTuple_GET_ITEM(job, 0);
        PyObject *kids = op->children != NULL ? children_states(PyTuple_GET_ITEM(job, 1)) : Py_NewRef(Py_None);
        PyObject *made = kids != NULL && kids != Py_None ? PyList_New(0) : NULL;
        int bad_job = kids == NULL || (kids != Py_None && made == NULL);
        for (Py_ssize_t i = 0; !bad_job && kids != Py_None && i < PyTuple_GET_SIZE(kids); i++) {
            PyObject *ks = PyTuple_GET_ITEM(kids, i);
            TdOp *child = make_one(op, ks, NULL, seen);
            PyObject *next = child != NULL ? PyTuple_Pack(2, (PyObject *)child, ks) : NULL;
            bad_job = next == NULL || PyList_Append(made, (PyObject *)child) < 0 || PyList_Append(todo, next) < 0;
            Py_XDECREF(next);
            Py_XDECREF(child);
        }
        PyObject *link = !bad_job && made != NULL ? PyTuple_Pack(2, kids, made) : NULL;
        if (link != NULL && PyList_Append(links, link) < 0) {
            bad_job = 1;
        }
        Py_XDECREF(link);
        Py_XDECREF(kids);
        Py_XDECREF(made);
        Py_DECREF(job);
        if (bad_job) {
            goto error;
        }
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(links); i++) {
        PyObject *l = PyList_GET_ITEM(links, i);
        if (relink_children(PyTuple_GET_ITEM(l, 0), PyTuple_GET_ITEM(l, 1)) < 0) {
            goto error;
        }
    }
    if (td_op_check(top) < 0) {
        goto error; /* destroyed by Python that ran for its children */
    }
    Py_DECREF(seen);
    Py_DECREF(todo);
    Py_DECREF(links);
    return top;
error:
    if (top != NULL) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        td_op_destroy(top);
        Py_DECREF(top);
        PyErr_Restore(type, value, tb);
    }
    Py_XDECREF(seen);
    Py_XDECREF(todo);
    Py_XDECREF(links);
    return NULL;
}

PyObject *
td_op_reduce(TdOp *op, PyObject *unused)
{
    (void)unused;
    TD_CHECK(op, NULL);
    PyObject *state = state_tree(op);
    PyObject *parent = op->parent != NULL ? td_op_path(op->parent) : Py_NewRef(Py_None);
    PyObject *module = PyType_GetModuleByDef(Py_TYPE(op), &td_module_def);
    PyObject *fn = module != NULL ? PyObject_GetAttrString(module, "_op_from_state") : NULL;
    PyObject *r = state != NULL && parent != NULL && fn != NULL ? Py_BuildValue("(O(OO))", fn, state, parent) : NULL;
    Py_XDECREF(state);
    Py_XDECREF(parent);
    Py_XDECREF(fn);
    return r;
}

/* td_render._op_from_state(state, parent=None): the reconstructor __reduce__ names. */
PyObject *
td_mod_op_from_state(PyObject *module, PyObject *args)
{
    PyObject *state, *parent = Py_None;
    if (!PyArg_ParseTuple(args, "O|O:_op_from_state", &state, &parent)) {
        return NULL;
    }
    td_state *st = PyModule_GetState(module);
    TdOp *comp = (TdOp *)st->root;
    if (PyUnicode_Check(parent)) {
        const char *path = PyUnicode_AsUTF8(parent);
        TdOp *found = path != NULL ? td_path_resolve(comp, path) : NULL;
        if (found != NULL && found->valid && found->children != NULL) {
            comp = found;
        }
    }
    else if (parent != Py_None) {
        PyErr_Format(PyExc_TypeError, "parent must be a path or None, not %.100s", Py_TYPE(parent)->tp_name);
        return NULL;
    }
    return (PyObject *)td_op_from_state(comp, state, NULL);
}

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
    TdOp *parent = op->parent;
    PyObject *name = Py_NewRef(op->name);
    Py_ssize_t at = PySequence_Index(parent->children, (PyObject *)op);
    TdOp *fresh = at >= 0 ? td_comp_create_op(parent, cls, name) : NULL; /* numbered for now */
    if (fresh == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    if (copy_pars(fresh, op) < 0) {
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
    td_op_destroy(fresh);
    Py_DECREF(fresh);
    return NULL;
}
