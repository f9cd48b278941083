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

static PyObject *
state_of(TdOp *op, int children)
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
    if (st != NULL && children && op->children != NULL) {
        PyObject *kids = PyList_New(0);
        for (Py_ssize_t i = 0; kids != NULL && i < PyList_GET_SIZE(op->children); i++) {
            PyObject *k = state_of((TdOp *)PyList_GET_ITEM(op->children, i), 1);
            if (k == NULL || PyList_Append(kids, k) < 0) {
                Py_CLEAR(kids);
            }
            Py_XDECREF(k);
        }
        if (kids == NULL || PyDict_SetItemString(st, "children", kids) < 0) {
            Py_CLEAR(st);
        }
        Py_XDECREF(kids);
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

PyObject *
td_op_getstate(TdOp *op, PyObject *unused)
{
    (void)unused;
    TD_CHECK(op, NULL);
    return state_of(op, 1);
}

/* ---- __setstate__ ---- */

/* state[key] if present (borrowed), else NULL; -1 on error (not a dict). */
static int
item(PyObject *state, const char *key, PyObject **out)
{
    *out = PyDict_GetItemString(state, key);
    return 0;
}

static int
bad(const char *fmt, const char *what)
{
    PyErr_Format(PyExc_ValueError, fmt, what);
    return -1;
}

/* Checks state against op; on success every apply step below succeeds. */
static int
check_state(TdOp *op, PyObject *state, int with_name)
{
    PyObject *v;
    if (!PyDict_Check(state)) {
        PyErr_Format(PyExc_TypeError, "an OP state is a dict (from __getstate__), not %.100s", Py_TYPE(state)->tp_name);
        return -1;
    }
    item(state, "OPType", &v);
    if (v == NULL || !PyUnicode_Check(v) || PyUnicode_CompareWithASCIIString(v, op->cls->optype) != 0) {
        PyErr_Format(PyExc_ValueError, "this state is for %R, not %s", v != NULL ? v : Py_None, op->cls->optype);
        return -1;
    }
    item(state, "name", &v);
    if (with_name && v != NULL && op->parent != NULL) {
        if (td_name_validate(v) < 0) {
            return -1;
        }
        TdOp *other = td_path_child(op->parent, v);
        if (other != NULL && other != op) {
            PyErr_Format(PyExc_ValueError, "'%U' already contains an operator named '%U'", op->parent->name, v);
            return -1;
        }
    }
    item(state, "pars", &v);
    if (v != NULL) {
        if (!PyDict_Check(v)) {
            return bad("state['pars'] must be a dict%s", "");
        }
        PyObject *key, *one;
        Py_ssize_t pos = 0;
        while (PyDict_Next(v, &pos, &key, &one)) {
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
            PyObject *val = PyDict_GetItemString(one, "val"), *mode = PyDict_GetItemString(one, "mode");
            PyObject *expr = PyDict_GetItemString(one, "expr");
            if (val != NULL) {
                td_par_value conv;
                if (td_par_convert(op, i, val, &conv) < 0) {
                    return -1;
                }
                Py_XDECREF(conv.str);
            }
            int mode_ok = mode == NULL || (PyUnicode_Check(mode) &&
                                           (PyUnicode_CompareWithASCIIString(mode, "CONSTANT") == 0 ||
                                            PyUnicode_CompareWithASCIIString(mode, "EXPRESSION") == 0));
            if (!mode_ok) {
                return bad("par %s: mode must be 'CONSTANT' or 'EXPRESSION'", name);
            }
            if (expr != NULL && !PyUnicode_Check(expr)) {
                return bad("par %s: expr must be a str", name);
            }
        }
    }
    item(state, "flags", &v);
    if (v != NULL) {
        if (!PyDict_Check(v)) {
            return bad("state['flags'] must be a dict%s", "");
        }
        PyObject *key, *on;
        Py_ssize_t pos = 0;
        while (PyDict_Next(v, &pos, &key, &on)) {
            int known = 0;
            for (int f = 0; PyUnicode_Check(key) && f < TD_NFLAGS; f++) {
                known |= PyUnicode_CompareWithASCIIString(key, td_flag_names[f]) == 0;
            }
            if (!known || !PyBool_Check(on)) {
                PyErr_Format(PyExc_ValueError, "state['flags']: %R is not a flag with a bool value", key);
                return -1;
            }
            if (op->children == NULL && on == Py_False &&
                PyUnicode_CompareWithASCIIString(key, "allowCooking") == 0) {
                return bad("only COMPs can clear allowCooking%s", "");
            }
        }
    }
    static const char *const dicts[] = {"storage", "storageStartup", "vars"};
    for (int k = 0; k < 3; k++) {
        item(state, dicts[k], &v);
        if (v != NULL && !PyDict_Check(v)) {
            return bad("state['%s'] must be a dict", dicts[k]);
        }
    }
    item(state, "tags", &v);
    if (v != NULL) {
        PyObject *t = td_tags_from(v);
        if (t == NULL) {
            return -1;
        }
        Py_DECREF(t);
    }
    item(state, "comment", &v);
    if (v != NULL && !PyUnicode_Check(v)) {
        return bad("state['comment'] must be a str%s", "");
    }
    static const char *const ints[] = {"nodeX", "nodeY", "nodeWidth", "nodeHeight", "currentPage"};
    static const long lows[] = {-1000000000L, -1000000000L, 1, 1, 0};
    for (int k = 0; k < 5; k++) {
        item(state, ints[k], &v);
        if (v == NULL) {
            continue;
        }
        long n = PyLong_Check(v) && !PyBool_Check(v) ? PyLong_AsLong(v) : lows[k] - 1;
        if (n == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            n = lows[k] - 1;
        }
        if (n < lows[k] || n > 1000000000L) {
            return bad("state['%s'] must be an int in range", ints[k]);
        }
    }
    item(state, "color", &v);
    if (v != NULL) {
        PyObject *t = PySequence_Check(v) ? PySequence_Tuple(v) : NULL;
        int ok = t != NULL && PyTuple_GET_SIZE(t) == 3;
        for (Py_ssize_t k = 0; ok && k < 3; k++) {
            double c = PyFloat_AsDouble(PyTuple_GET_ITEM(t, k));
            ok = !(c == -1.0 && PyErr_Occurred()) && c >= 0.0 && c <= 1.0;
        }
        Py_XDECREF(t);
        PyErr_Clear();
        if (!ok) {
            return bad("state['color'] must be 3 numbers in [0, 1]%s", "");
        }
    }
    return 0;
}

static int
set_member(TdOp *op, PyObject *state, const char *key, const char *member)
{
    PyObject *v = PyDict_GetItemString(state, key);
    return v == NULL ? 0 : PyObject_SetAttrString((PyObject *)op, member, v);
}

static int
apply_state(TdOp *op, PyObject *state, int with_name)
{
    if (check_state(op, state, with_name) < 0) {
        return -1;
    }
    PyObject *v;
    if (with_name && op->parent != NULL && set_member(op, state, "name", "name") < 0) {
        return -1;
    }
    item(state, "pars", &v);
    PyObject *key, *one;
    Py_ssize_t pos = 0;
    while (v != NULL && PyDict_Next(v, &pos, &key, &one)) {
        Py_ssize_t i = td_par_index(op->cls, PyUnicode_AsUTF8(key));
        PyObject *val = PyDict_GetItemString(one, "val"), *mode = PyDict_GetItemString(one, "mode");
        PyObject *expr = PyDict_GetItemString(one, "expr"), *ro = PyDict_GetItemString(one, "readOnly");
        if (val != NULL && td_par_assign(op, i, val) < 0) {
            return -1;
        }
        if (expr != NULL) {
            Py_XSETREF(op->pars[i].expr, Py_NewRef(expr));
            td_par_slot_forget(&op->pars[i]);
        }
        if (mode != NULL && PyUnicode_CompareWithASCIIString(mode, "EXPRESSION") == 0 &&
            td_par_set_mode(op, i, TD_MODE_EXPRESSION) < 0) {
            return -1;
        }
        if (ro != NULL) {
            op->pars[i].readonly = (unsigned char)(PyObject_IsTrue(ro) == 1);
        }
    }
    item(state, "flags", &v);
    pos = 0;
    while (v != NULL && PyDict_Next(v, &pos, &key, &one)) {
        for (int f = 0; f < TD_NFLAGS; f++) {
            if (PyUnicode_CompareWithASCIIString(key, td_flag_names[f]) == 0 &&
                td_op_flag_assign(op, (td_flag)f, one == Py_True) < 0) {
                return -1;
            }
        }
    }
    item(state, "storage", &v);
    if (v != NULL) {
        Py_XSETREF(op->storage, PyDict_Copy(v));
        if (op->storage == NULL) {
            return -1;
        }
    }
    item(state, "storageStartup", &v);
    if (v != NULL) {
        Py_XSETREF(op->startup, PyDict_Copy(v));
        if (op->startup == NULL) {
            return -1;
        }
    }
    item(state, "vars", &v);
    if (v != NULL) {
        Py_XSETREF(op->vars, PyDict_Copy(v));
        if (op->vars == NULL) {
            return -1;
        }
    }
    if (set_member(op, state, "tags", "tags") < 0 || set_member(op, state, "comment", "comment") < 0 ||
        set_member(op, state, "color", "color") < 0 || set_member(op, state, "nodeWidth", "nodeWidth") < 0 ||
        set_member(op, state, "nodeHeight", "nodeHeight") < 0 || set_member(op, state, "nodeX", "nodeX") < 0 ||
        set_member(op, state, "nodeY", "nodeY") < 0) {
        return -1;
    }
    item(state, "currentPage", &v);
    if (v != NULL) {
        op->current_page = (int)PyLong_AsLong(v);
    }
    td_op_touch(op);
    return 0;
}

PyObject *
td_op_setstate(TdOp *op, PyObject *state)
{
    TD_CHECK(op, NULL);
    if (apply_state(op, state, 1) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Wires and docks among the children of comp made from states (names as in the states). */
static int
relink_children(TdOp *comp, PyObject *states, PyObject *made)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(made); i++) {
        TdOp *child = (TdOp *)PyList_GET_ITEM(made, i);
        PyObject *st = PyList_GET_ITEM(states, i);
        PyObject *inputs = PyDict_GetItemString(st, "inputs"), *dock = PyDict_GetItemString(st, "dock");
        for (Py_ssize_t j = 0; inputs != NULL && PyList_Check(inputs) && j < PyList_GET_SIZE(inputs); j++) {
            /* names in the state are those of the originals: find the copy made from that state */
            for (Py_ssize_t k = 0; k < PyList_GET_SIZE(made); k++) {
                PyObject *name = PyDict_GetItemString(PyList_GET_ITEM(states, k), "name");
                if (name != NULL && PyUnicode_Check(name) &&
                    PyUnicode_Compare(name, PyList_GET_ITEM(inputs, j)) == 0) {
                    if (td_op_connect(child, j, (TdOp *)PyList_GET_ITEM(made, k)) < 0) {
                        PyErr_Clear(); /* a wire the copy cannot take is left out */
                    }
                    break;
                }
            }
        }
        for (Py_ssize_t k = 0; dock != NULL && PyUnicode_Check(dock) && k < PyList_GET_SIZE(made); k++) {
            PyObject *name = PyDict_GetItemString(PyList_GET_ITEM(states, k), "name");
            if (name != NULL && PyUnicode_Check(name) && PyUnicode_Compare(name, dock) == 0) {
                Py_XSETREF(child->dock, Py_NewRef(PyList_GET_ITEM(made, k)));
                break;
            }
        }
    }
    (void)comp;
    return 0;
}

TdOp *
td_op_from_state(TdOp *comp, PyObject *state, PyObject *name)
{
    if (!PyDict_Check(state)) {
        PyErr_Format(PyExc_TypeError, "an OP state is a dict (from __getstate__), not %.100s", Py_TYPE(state)->tp_name);
        return NULL;
    }
    PyObject *optype = PyDict_GetItemString(state, "OPType");
    const char *s = optype != NULL && PyUnicode_Check(optype) ? PyUnicode_AsUTF8(optype) : NULL;
    const td_op_class *cls = s != NULL ? td_class_by_name(td_state_of((PyObject *)comp), s) : NULL;
    if (cls == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "state['OPType'] names no operator type: %R", optype != NULL ? optype : Py_None);
        return NULL;
    }
    if (name == NULL || name == Py_None) {
        name = PyDict_GetItemString(state, "name");
        if (name != NULL && (!PyUnicode_Check(name) || PyUnicode_GET_LENGTH(name) == 0)) {
            name = Py_None; /* the root's state: use the type's stem */
        }
    }
    TdOp *op = td_comp_create_op(comp, cls, name != NULL ? name : Py_None);
    if (op == NULL) {
        return NULL;
    }
    if (apply_state(op, state, 0) < 0) {
        goto error;
    }
    PyObject *kids = PyDict_GetItemString(state, "children");
    if (kids != NULL && op->children != NULL) {
        if (!PyList_Check(kids)) {
            PyErr_SetString(PyExc_ValueError, "state['children'] must be a list of states");
            goto error;
        }
        PyObject *made = PyList_New(0);
        if (made == NULL) {
            goto error;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(kids); i++) {
            TdOp *child = td_op_from_state(op, PyList_GET_ITEM(kids, i), NULL);
            if (child == NULL || PyList_Append(made, (PyObject *)child) < 0) {
                Py_XDECREF(child);
                Py_DECREF(made);
                goto error;
            }
            Py_DECREF(child);
        }
        int rc = relink_children(op, kids, made);
        Py_DECREF(made);
        if (rc < 0) {
            goto error;
        }
    }
    return op;
error:
    td_op_destroy(op);
    Py_DECREF(op);
    return NULL;
}

PyObject *
td_op_reduce(TdOp *op, PyObject *unused)
{
    (void)unused;
    TD_CHECK(op, NULL);
    PyObject *state = state_of(op, 1);
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
