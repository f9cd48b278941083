/* OP.dependenciesTo(): the chains of dependencies (wires, OP parameters, what expressions read)
 * from one operator to another.
 *
 *   >>> geo.dependenciesTo(cam)     # [[geo, ..., cam], ...]
 */
#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/path.h"
#include "bind/state.h"

/* ---- dependencies ----
 *
 * dependenciesTo() works in three phases so that Python (the OP parameters' expressions) never runs
 * while C holds the network's lists: first every operator is listed (strong references) and its OP
 * parameters are evaluated into strings; then, without Python, the dependency edges are resolved
 * among the operators still valid, with positions in that list as node numbers; then the paths are
 * searched over plain C arrays. The search visits only operators from which the target can be
 * reached, so it is linear in the size of the graph per path found (at most TD_MAX_DEP_PATHS). */

#define TD_MAX_DEP_PATHS 256

/* The values (str) of op's OP parameters, evaluated now (Python runs): a new list. */
static PyObject *
op_par_values(TdOp *op)
{
    PyObject *out = PyList_New(0);
    for (size_t i = 0; out != NULL && op->valid && op->pars != NULL && i < op->cls->npars; i++) {
        if (op->cls->pars[i].kind != TD_PAR_OP) {
            continue;
        }
        td_par_value v;
        PyObject *msg = NULL;
        if (td_par_eval(op, (Py_ssize_t)i, &v, &msg) < 0) {
            if (msg == NULL) {
                Py_CLEAR(out); /* interrupted */
                break;
            }
            Py_DECREF(msg); /* the constant stands in */
        }
        if (v.str != NULL && PyList_Append(out, v.str) < 0) {
            Py_CLEAR(out);
        }
    }
    return out;
}

typedef struct {
    Py_ssize_t n, m, cap;
    Py_ssize_t *from, *to; /* edge: to depends on from (from -> to in the users direction) */
} td_edges;

static int
add_edge(td_edges *e, Py_ssize_t from, Py_ssize_t to)
{
    if (e->m == e->cap) {
        Py_ssize_t cap = e->cap > 0 ? e->cap * 2 : 64;
        Py_ssize_t *f = PyMem_Realloc(e->from, (size_t)cap * sizeof(Py_ssize_t));
        if (f == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        e->from = f;
        Py_ssize_t *t = PyMem_Realloc(e->to, (size_t)cap * sizeof(Py_ssize_t));
        if (t == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        e->to = t;
        e->cap = cap;
    }
    e->from[e->m] = from;
    e->to[e->m] = to;
    e->m++;
    return 0;
}

/* Position of an operator in the list, through pos (dict id -> position); -1 if not there. */
static Py_ssize_t
position_of(PyObject *pos, uint64_t id)
{
    PyObject *key = PyLong_FromUnsignedLongLong(id);
    PyObject *p = key != NULL ? PyDict_GetItemWithError(pos, key) : NULL;
    Py_XDECREF(key);
    if (p == NULL) {
        PyErr_Clear();
        return -1;
    }
    return PyLong_AsSsize_t(p);
}

/* The edges into node i (what op depends on: inputs, the operators its OP parameters name, those
 * its expressions read), each once. No Python runs. mark[] holds, per node, the last i that took
 * it. */
static int
edges_of(TdOp *op, Py_ssize_t i, PyObject *values, PyObject *all, PyObject *pos, Py_ssize_t *mark, td_edges *e)
{
    PyObject *deps = op->inputs != NULL ? PySequence_List(op->inputs) : PyList_New(0);
    if (deps == NULL) {
        return -1;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(values); k++) {
        const char *s = PyUnicode_AsUTF8(PyList_GET_ITEM(values, k));
        if (s == NULL) {
            PyErr_Clear(); /* not UTF-8: names nothing */
            continue;
        }
        if (td_pattern_collect(td_op_expr_net(op), s, NULL, deps) < 0) {
            Py_DECREF(deps);
            return -1;
        }
    }
    int rc = 0;
    for (Py_ssize_t k = 0; rc == 0 && k < PyList_GET_SIZE(deps); k++) {
        Py_ssize_t j = position_of(pos, ((TdOp *)PyList_GET_ITEM(deps, k))->id);
        if (j >= 0 && j != i && mark[j] != i && ((TdOp *)PyList_GET_ITEM(all, j))->valid) {
            mark[j] = i;
            rc = add_edge(e, j, i);
        }
    }
    Py_DECREF(deps);
    for (size_t p = 0; rc == 0 && op->pars != NULL && p < op->cls->npars; p++) {
        td_par_slot *slot = &op->pars[p];
        if (slot->mode != TD_MODE_EXPRESSION || slot->reads == NULL) {
            continue;
        }
        Py_ssize_t it = 0;
        PyObject *id;
        Py_hash_t hash;
        while (rc == 0 && _PySet_NextEntry(slot->reads, &it, &id, &hash)) {
            unsigned long long v = PyLong_AsUnsignedLongLong(id);
            if (v == (unsigned long long)-1 && PyErr_Occurred()) {
                PyErr_Clear();
                continue;
            }
            Py_ssize_t j = position_of(pos, (uint64_t)v);
            if (j >= 0 && j != i && mark[j] != i && ((TdOp *)PyList_GET_ITEM(all, j))->valid) {
                mark[j] = i;
                rc = add_edge(e, j, i);
            }
        }
    }
    return rc;
}

/* Compressed adjacency: node k's neighbours are adj[start[k] .. start[k + 1]). */
static int
build_adjacency(const td_edges *e, Py_ssize_t n, int forward, Py_ssize_t **start, Py_ssize_t **adj)
{
    *start = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    *adj = PyMem_Calloc((size_t)e->m + 1, sizeof(Py_ssize_t));
    Py_ssize_t *fill = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    if (*start == NULL || *adj == NULL || fill == NULL) {
        PyMem_Free(fill);
        PyErr_NoMemory();
        return -1;
    }
    const Py_ssize_t *src = forward ? e->from : e->to, *dst = forward ? e->to : e->from;
    for (Py_ssize_t k = 0; k < e->m; k++) {
        (*start)[src[k] + 1]++;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        (*start)[k + 1] += (*start)[k];
    }
    for (Py_ssize_t k = 0; k < e->m; k++) {
        (*adj)[(*start)[src[k]] + fill[src[k]]++] = dst[k];
    }
    PyMem_Free(fill);
    return 0;
}

/* The simple paths from node a to node b along users (a, then what depends on a, ... b), through
 * nodes that can reach b only: a new list of lists of operators. */
static PyObject *
find_paths(PyObject *all, const td_edges *e, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t n = PyList_GET_SIZE(all);
    Py_ssize_t *ustart = NULL, *uadj = NULL, *dstart = NULL, *dadj = NULL;
    char *reach = PyMem_Calloc((size_t)n, 1), *on_path = PyMem_Calloc((size_t)n, 1);
    Py_ssize_t *queue = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    Py_ssize_t *stack = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    Py_ssize_t *cursor = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    PyObject *out = NULL;
    if (reach == NULL || on_path == NULL || queue == NULL || stack == NULL || cursor == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (build_adjacency(e, n, 1, &ustart, &uadj) < 0 || build_adjacency(e, n, 0, &dstart, &dadj) < 0) {
        goto done;
    }
    /* what can reach b: b and, transitively, what it depends on */
    Py_ssize_t head = 0, tail = 0;
    queue[tail++] = b;
    reach[b] = 1;
    while (head < tail) {
        Py_ssize_t x = queue[head++];
        for (Py_ssize_t k = dstart[x]; k < dstart[x + 1]; k++) {
            if (!reach[dadj[k]]) {
                reach[dadj[k]] = 1;
                queue[tail++] = dadj[k];
            }
        }
    }
    out = PyList_New(0);
    if (out == NULL || !reach[a]) {
        goto done;
    }
    Py_ssize_t depth = 0;
    stack[0] = a;
    cursor[0] = ustart[a];
    on_path[a] = 1;
    while (depth >= 0 && PyList_GET_SIZE(out) < TD_MAX_DEP_PATHS) {
        Py_ssize_t x = stack[depth];
        if (x == b) {
            PyObject *path = PyList_New(depth + 1);
            for (Py_ssize_t k = 0; path != NULL && k <= depth; k++) {
                PyList_SET_ITEM(path, k, Py_NewRef(PyList_GET_ITEM(all, stack[k])));
            }
            if (path == NULL || PyList_Append(out, path) < 0) {
                Py_XDECREF(path);
                Py_CLEAR(out);
                goto done;
            }
            Py_DECREF(path);
            on_path[x] = 0;
            depth--;
            continue;
        }
        if (cursor[depth] == ustart[x + 1]) {
            on_path[x] = 0;
            depth--;
            continue;
        }
        Py_ssize_t y = uadj[cursor[depth]++];
        if (reach[y] && !on_path[y]) {
            depth++;
            stack[depth] = y;
            cursor[depth] = ustart[y];
            on_path[y] = 1;
        }
    }
done:
    PyMem_Free(ustart);
    PyMem_Free(uadj);
    PyMem_Free(dstart);
    PyMem_Free(dadj);
    PyMem_Free(reach);
    PyMem_Free(on_path);
    PyMem_Free(queue);
    PyMem_Free(stack);
    PyMem_Free(cursor);
    return out;
}

PyObject *
td_op_dependencies_to(TdOp *op, PyObject *arg)
{
    TD_CHECK(op, NULL);
    TdOp *target = td_op_arg(op, arg, "dependenciesTo");
    if (target == NULL) {
        return NULL;
    }
    if (target == op) {
        return PyList_New(0);
    }
    Py_INCREF(target);
    Py_INCREF(op);
    PyObject *all = td_op_subtree(td_op_root_of(op)), *values = NULL, *pos = NULL, *out = NULL;
    Py_ssize_t *mark = NULL;
    td_edges e = {0};
    if (all == NULL) {
        goto done;
    }
    Py_ssize_t n = PyList_GET_SIZE(all);
    /* phase 1: Python (OP parameters' expressions) may run and edit the network */
    values = PyList_New(n);
    for (Py_ssize_t i = 0; values != NULL && i < n; i++) {
        PyObject *v = op_par_values((TdOp *)PyList_GET_ITEM(all, i));
        if (v == NULL) {
            Py_CLEAR(values);
            break;
        }
        PyList_SET_ITEM(values, i, v);
    }
    if (values == NULL || td_op_check(op) < 0 || td_op_check(target) < 0) {
        goto done;
    }
    if (td_op_root_of(op) != td_op_root_of(target)) {
        PyErr_SetString(PyExc_ValueError, "dependenciesTo(): the operators are not in one network");
        goto done;
    }
    /* phase 2: no Python from here on */
    pos = PyDict_New();
    mark = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_ssize_t));
    if (pos == NULL || mark == NULL) {
        if (mark == NULL) {
            PyErr_NoMemory();
        }
        goto done;
    }
    Py_ssize_t a = -1, b = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        TdOp *x = (TdOp *)PyList_GET_ITEM(all, i);
        PyObject *key = PyLong_FromUnsignedLongLong(x->id), *val = PyLong_FromSsize_t(i);
        int rc = key != NULL && val != NULL ? PyDict_SetItem(pos, key, val) : -1;
        Py_XDECREF(key);
        Py_XDECREF(val);
        if (rc < 0) {
            goto done;
        }
        mark[i] = -1;
        a = x == op ? i : a;
        b = x == target ? i : b;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        TdOp *x = (TdOp *)PyList_GET_ITEM(all, i);
        if (x->valid && edges_of(x, i, PyList_GET_ITEM(values, i), all, pos, mark, &e) < 0) {
            goto done;
        }
    }
    /* phase 3: the search, over C arrays */
    out = a >= 0 && b >= 0 ? find_paths(all, &e, a, b) : PyList_New(0);
done:
    Py_XDECREF(all);
    Py_XDECREF(values);
    Py_XDECREF(pos);
    PyMem_Free(mark);
    PyMem_Free(e.from);
    PyMem_Free(e.to);
    Py_DECREF(op);
    Py_DECREF(target);
    return out;
}
