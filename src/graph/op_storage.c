/* OP: storage (a dict per operator, searched up through the parents) and component variables.
 * store() and unstore() bump the network serial, so expressions that fetch() re-evaluate.
 *
 *   >>> net.store('speed', 2); geo.fetch('speed'), geo.fetchOwner('speed')
 *   (2, <baseCOMP /net>)
 *   >>> geo.fetch('nothing', 0, storeDefault=True); geo.storage
 *   {'nothing': 0}
 *   >>> net.unstore('sp*')
 */
#include <fnmatch.h>

#include "graph/op_internal.h"
#include "bind/state.h"

static int
check_key(PyObject *key)
{
    if (!PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, "storage keys are str, not %.100s", Py_TYPE(key)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *
ensure_dict(PyObject **slot)
{
    if (*slot == NULL) {
        *slot = PyDict_New();
    }
    return *slot;
}

PyObject *
td_op_get_storage(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    PyObject *d = ensure_dict(&op->storage);
    return Py_XNewRef(d);
}

PyObject *
td_op_store(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"key", "value", NULL};
    PyObject *key, *value;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:store", kwlist, &key, &value)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    if (check_key(key) < 0 || ensure_dict(&op->storage) == NULL || PyDict_SetItem(op->storage, key, value) < 0) {
        return NULL;
    }
    td_op_touch(op);
    return Py_NewRef(value);
}

/* The value of key in the storage of op or (search) the first parent holding it: a new reference,
 * with the owner in *owner (new reference); NULL and *owner NULL if none holds it, or NULL with an
 * error. A stored key's __hash__/__eq__ may run Python that destroys or moves anything: the walk
 * holds the operator and the dict it is looking in, and takes the next parent afterwards. */
static PyObject *
lookup(TdOp *op, PyObject *key, int search, TdOp **owner)
{
    *owner = NULL;
    TdOp *o = (TdOp *)Py_NewRef((PyObject *)op);
    while (o != NULL) {
        PyObject *d = Py_XNewRef(o->storage);
        PyObject *v = d != NULL ? Py_XNewRef(PyDict_GetItemWithError(d, key)) : NULL;
        Py_XDECREF(d);
        if (v != NULL) {
            *owner = o;
            return v;
        }
        if (PyErr_Occurred()) {
            Py_DECREF(o);
            return NULL;
        }
        TdOp *next = search ? (TdOp *)Py_XNewRef((PyObject *)o->parent) : NULL;
        Py_DECREF(o);
        o = next;
    }
    return NULL;
}

PyObject *
td_op_fetch(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"key", "default", "search", "storeDefault", NULL};
    PyObject *key, *def = NULL;
    int search = 1, store_default = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|Opp:fetch", kwlist, &key, &def, &search, &store_default)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    if (check_key(key) < 0) {
        return NULL;
    }
    TdOp *owner;
    PyObject *v = lookup(op, key, search, &owner);
    if (v != NULL || PyErr_Occurred()) {
        Py_XDECREF(owner);
        return v;
    }
    if (def == NULL) {
        PyErr_Format(PyExc_KeyError, "%R is not stored in %U%s", key, op->name, search ? " or its parents" : "");
        return NULL;
    }
    if (store_default) {
        TD_CHECK(op, NULL); /* a key's __eq__ may have destroyed it */
        if (ensure_dict(&op->storage) == NULL || PyDict_SetItem(op->storage, key, def) < 0) {
            return NULL;
        }
        td_op_touch(op);
    }
    return Py_NewRef(def);
}

PyObject *
td_op_fetch_owner(TdOp *op, PyObject *key)
{
    TD_CHECK(op, NULL);
    if (check_key(key) < 0) {
        return NULL;
    }
    TdOp *owner;
    PyObject *v = lookup(op, key, 1, &owner);
    if (v == NULL && PyErr_Occurred()) {
        return NULL;
    }
    Py_XDECREF(v);
    return owner != NULL ? (PyObject *)owner : Py_NewRef(Py_None);
}

int
td_dict_unstore(PyObject *dict, PyObject *patterns, int *removed)
{
    *removed = 0;
    if (dict == NULL) {
        return 0;
    }
    Py_INCREF(dict); /* deleting runs a key's __eq__, which may destroy the operator holding it */
    PyObject *keys = PyDict_Keys(dict);
    if (keys == NULL) {
        Py_DECREF(dict);
        return -1;
    }
    int rc = 0;
    for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(keys); i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
        if (k == NULL) {
            PyErr_Clear(); /* keys put in the dict directly may be of any type: not matched */
            continue;
        }
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(patterns); j++) {
            const char *pat = PyUnicode_AsUTF8(PyTuple_GET_ITEM(patterns, j));
            if (pat == NULL) {
                rc = -1;
                break;
            }
            if (fnmatch(pat, k, 0) == 0) {
                rc = PyDict_DelItem(dict, key);
                (*removed)++;
                break;
            }
        }
    }
    Py_DECREF(keys);
    Py_DECREF(dict);
    return rc;
}

static PyObject *
unstore_in(TdOp *op, PyObject *args, PyObject *dict, const char *fname)
{
    TD_CHECK(op, NULL);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        if (check_key(PyTuple_GET_ITEM(args, i)) < 0) {
            return NULL;
        }
    }
    if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_Format(PyExc_TypeError, "%s() needs at least one key or pattern", fname);
        return NULL;
    }
    int removed;
    if (td_dict_unstore(dict, args, &removed) < 0) {
        return NULL;
    }
    if (removed) {
        td_op_touch(op);
    }
    Py_RETURN_NONE;
}

PyObject *
td_op_unstore(TdOp *op, PyObject *args)
{
    return unstore_in(op, args, op->storage, "unstore");
}

PyObject *
td_op_store_startup(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"key", "value", NULL};
    PyObject *key, *value;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:storeStartupValue", kwlist, &key, &value)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    if (check_key(key) < 0 || ensure_dict(&op->startup) == NULL || PyDict_SetItem(op->startup, key, value) < 0) {
        return NULL;
    }
    td_op_touch(op);
    Py_RETURN_NONE;
}

PyObject *
td_op_unstore_startup(TdOp *op, PyObject *args)
{
    return unstore_in(op, args, op->startup, "unstoreStartupValue");
}

/* ---- variables ---- */

PyObject *
td_op_var(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "search", NULL};
    PyObject *name;
    int search = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|p:var", kwlist, &name, &search)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    for (TdOp *o = op; o != NULL; o = search ? o->parent : NULL) {
        PyObject *v = o->vars != NULL ? PyDict_GetItemWithError(o->vars, name) : NULL;
        if (v != NULL) {
            return Py_NewRef(v);
        }
        if (PyErr_Occurred()) {
            return NULL;
        }
    }
    return PyUnicode_FromString("");
}
