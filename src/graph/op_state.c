/* OP: persistent state: __getstate__, pickling and copies (__setstate__ is op_setstate.c;
 * copyParameters, resetPars and changeType op_copy.c).
 *
 * The state is a dict of plain values:
 *   {'OPType': 'geometryCOMP', 'name': 'geo1',
 *    'pars': {'tx': {'val': 1.0, 'mode': 'EXPRESSION', 'expr': 'absTime.frame', 'readOnly': False}, ...},
 *    'flags': {'bypass': False, ...}, 'storage': {...}, 'storageStartup': {...}, 'tags': [...],
 *    'comment': '', 'color': (r, g, b), 'nodeX': 0, 'nodeY': 0, 'nodeWidth': 130, 'nodeHeight': 90,
 *    'vars': {...}, 'inputs': ['box1'], 'dock': None, 'children': [<states>]}
 * and the type's own keys (td_op_class.state: a textDAT's 'text', a tableDAT's 'table').
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
    if (st != NULL && op->cls->state != NULL && op->cls->state->get(op, st) < 0) {
        Py_CLEAR(st);
    }
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

/* What relinking needs of one state, copied out of it: its name, its inputs' names and its dock's
 * name (exact str or NULL). A new tuple (name, (inputs...), dock) with None for absent. */
static PyObject *
link_names(PyObject *st)
{
    PyObject *name = NULL, *inputs = NULL, *dock = NULL, *r = NULL, *ins = NULL;
    if (td_state_item(st, "name", &name) < 0 || td_state_item(st, "inputs", &inputs) < 0 ||
        td_state_item(st, "dock", &dock) < 0) {
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
    if (td_state_item(state, "OPType", &optype) < 0) {
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
        if (td_state_item(state, "name", &own_name) < 0) {
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
    if (td_op_apply_state(op, state, 0) < 0) {
        td_op_destroy(op);
        Py_DECREF(op);
        return NULL;
    }
    td_op_flags_yield(op); /* the exclusive flags its state did not turn on stay with their holder */
    return op;
}

/* The children states of state as a tuple (a snapshot), None if it has none; NULL on error. */
static PyObject *
children_states(PyObject *state)
{
    PyObject *kids = NULL;
    if (td_state_item(state, "children", &kids) < 0) {
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

