/* The node core of the graph: what every file of the graph layer uses on an operator (check,
 * touch, path, lookups), and creation and destruction (td_op_new, td_op_destroy). */
#include "graph/op.h"

#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "graph/path.h"
#include "bind/state.h"
#include "graph/expr.h"

/* ---- helpers used across the graph layer ---- */

int
td_op_check(TdOp *op)
{
    if (op->valid) {
        return 0;
    }
    td_state *st = td_state_of((PyObject *)op);
    PyErr_Format(st->tdError, "this %s was destroyed; its object can no longer be used", op->cls->optype);
    return -1;
}

void
td_op_touch(TdOp *op)
{
    td_state *st = td_state_of((PyObject *)op);
    st->serial++;
    op->version = st->serial;
}

int
td_op_is(TdOp *op, td_base_id base)
{
    td_state *st = td_state_of((PyObject *)op);
    return PyObject_TypeCheck((PyObject *)op, st->base_types[base]);
}

int
td_no_delete(PyObject *value, const char *member)
{
    if (value == NULL) {
        PyErr_Format(PyExc_AttributeError, "%s cannot be deleted", member);
        return -1;
    }
    return 0;
}

TdOp *
td_op_lookup_base(TdOp *op)
{
    return op->children != NULL ? op : op->parent;
}

TdOp *
td_op_expr_net(TdOp *op)
{
    return op->parent != NULL ? op->parent : op;
}

int
td_op_depth(TdOp *op)
{
    int d = 0;
    for (TdOp *p = op->parent; p != NULL; p = p->parent) {
        d++;
    }
    return d;
}

TdOp *
td_op_find_id(TdOp *top, uint64_t id)
{
    /* Depth-first with an explicit stack of (operator, next child): no recursion, and nothing runs
     * that could edit the lists while they are read. */
    typedef struct {
        TdOp *op;
        Py_ssize_t next;
    } level;
    if (top->id == id) {
        return top;
    }
    Py_ssize_t cap = 64, depth = 0;
    level *stack = PyMem_Malloc((size_t)cap * sizeof(level));
    if (stack == NULL) {
        return NULL;
    }
    stack[0] = (level){top, 0};
    TdOp *found = NULL;
    while (depth >= 0 && found == NULL) {
        level *l = &stack[depth];
        if (l->op->children == NULL || l->next >= PyList_GET_SIZE(l->op->children)) {
            depth--;
            continue;
        }
        TdOp *c = (TdOp *)PyList_GET_ITEM(l->op->children, l->next++);
        if (c->id == id) {
            found = c;
        }
        else if (c->children != NULL && PyList_GET_SIZE(c->children) > 0) {
            if (depth + 1 == cap) {
                level *grown = PyMem_Realloc(stack, (size_t)cap * 2 * sizeof(level));
                if (grown == NULL) {
                    break;
                }
                stack = grown;
                cap *= 2;
            }
            stack[++depth] = (level){c, 0};
        }
    }
    PyMem_Free(stack);
    return found;
}

PyObject *
td_op_subtree(TdOp *top)
{
    PyObject *order = PyList_New(0);
    PyObject *stack = PyList_New(0); /* operators still to be listed, the next one last */
    if (order == NULL || stack == NULL || PyList_Append(stack, (PyObject *)top) < 0) {
        Py_XDECREF(order);
        Py_XDECREF(stack);
        return NULL;
    }
    while (PyList_GET_SIZE(stack) > 0) {
        Py_ssize_t last = PyList_GET_SIZE(stack) - 1;
        TdOp *o = (TdOp *)Py_NewRef(PyList_GET_ITEM(stack, last));
        int bad = PyList_SetSlice(stack, last, last + 1, NULL) < 0 || PyList_Append(order, (PyObject *)o) < 0;
        for (Py_ssize_t i = o->children != NULL ? PyList_GET_SIZE(o->children) - 1 : -1; !bad && i >= 0; i--) {
            bad = PyList_Append(stack, PyList_GET_ITEM(o->children, i)) < 0;
        }
        Py_DECREF(o);
        if (bad) {
            Py_DECREF(stack);
            Py_DECREF(order);
            return NULL;
        }
    }
    Py_DECREF(stack);
    return order;
}

TdOp *
td_op_new(PyTypeObject *type, const td_op_class *cls, TdOp *parent, PyObject *name)
{
    td_state *st = td_state_of_type(type);
    TdOp *op = PyObject_GC_New(TdOp, type);
    if (op == NULL) {
        return NULL;
    }
    /* Everything after PyObject_HEAD starts zeroed (a type's own fields after the TdOp too), so a
     * failure below deallocates cleanly. */
    memset((char *)op + sizeof(PyObject), 0, (size_t)type->tp_basicsize - sizeof(PyObject));
    op->cls = cls;
    op->name = Py_NewRef(name);
    op->parent = (TdOp *)Py_XNewRef((PyObject *)parent);
    op->valid = 1;
    op->id = ++st->next_id;
    op->flags = TD_FLAGS_DEFAULT;
    op->node_w = TD_NODE_WIDTH;
    op->node_h = TD_NODE_HEIGHT;
    op->color[0] = op->color[1] = op->color[2] = 0.55;
    op->stats.abs_frame = op->stats.prev_abs_frame = -1.0;
    PyObject_GC_Track(op);
    if (cls->base == TD_BASE_COMP || cls->base == TD_BASE_OBJECT) {
        op->children = PyList_New(0);
        op->child_names = PyDict_New();
        if (op->children == NULL || op->child_names == NULL) {
            Py_DECREF(op);
            return NULL;
        }
    }
    if (cls->npars > 0) {
        op->pars = PyMem_Calloc(cls->npars, sizeof(td_par_slot));
        if (op->pars == NULL) {
            Py_DECREF(op);
            PyErr_NoMemory();
            return NULL;
        }
        for (size_t i = 0; i < cls->npars; i++) {
            const td_par_def *d = &cls->pars[i];
            op->pars[i].val.num = d->def;
            if (d->kind == TD_PAR_STR || d->kind == TD_PAR_OP) {
                op->pars[i].val.str = PyUnicode_FromString(d->sdef != NULL ? d->sdef : "");
                if (op->pars[i].val.str == NULL) {
                    Py_DECREF(op);
                    return NULL;
                }
            }
        }
    }
    td_op_touch(op);
    return op;
}

void
td_par_slot_forget(td_par_slot *slot)
{
    Py_CLEAR(slot->code);
    Py_CLEAR(slot->evaluated);
    Py_CLEAR(slot->error);
    Py_CLEAR(slot->reads);
}

static void
clear_pars(TdOp *op)
{
    if (op->pars == NULL) {
        return;
    }
    td_par_slot *pars = op->pars;
    op->pars = NULL;
    for (size_t i = 0; i < op->cls->npars; i++) {
        Py_CLEAR(pars[i].val.str);
        Py_CLEAR(pars[i].expr);
        td_par_slot_forget(&pars[i]);
    }
    PyMem_Free(pars);
}

/* Everything an OP holds besides its name, class data and parent. */
void
td_op_clear_state(TdOp *op)
{
    Py_CLEAR(op->children);
    Py_CLEAR(op->child_names);
    Py_CLEAR(op->name_hints);
    Py_CLEAR(op->inputs);
    Py_CLEAR(op->dock);
    Py_CLEAR(op->storage);
    Py_CLEAR(op->startup);
    Py_CLEAR(op->tags);
    Py_CLEAR(op->vars);
    Py_CLEAR(op->comment);
    Py_CLEAR(op->errors);
    Py_CLEAR(op->warnings);
    Py_CLEAR(op->script_errors);
    Py_CLEAR(op->expr_globals);
    clear_pars(op);
}

void
td_op_unlink(TdOp *op)
{
    TdOp *parent = op->parent;
    if (parent == NULL || parent->children == NULL) {
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(parent->children); i++) {
        TdOp *sib = (TdOp *)PyList_GET_ITEM(parent->children, i);
        if (sib->dock == (PyObject *)op) {
            Py_CLEAR(sib->dock);
            td_op_touch(sib);
        }
        if (sib->inputs == NULL) {
            continue;
        }
        for (Py_ssize_t j = PyList_GET_SIZE(sib->inputs) - 1; j >= 0; j--) {
            if (PyList_GET_ITEM(sib->inputs, j) == (PyObject *)op) {
                if (PySequence_DelItem(sib->inputs, j) < 0) {
                    PyErr_Clear(); /* cannot fail for an index in range */
                }
                td_op_touch(sib);
            }
        }
    }
}

static void destroy_one(TdOp *op);

void
td_op_destroy(TdOp *op)
{
    if (!op->valid) {
        return;
    }
    if (op->children == NULL || PyList_GET_SIZE(op->children) == 0) {
        op->valid = 0;
        destroy_one(op);
        return;
    }
    /* Everything inside, from a snapshot (destroying edits the lists), without recursion: all are
     * marked destroyed first, then taken down innermost first (reverse pre-order). */
    PyObject *all = td_op_subtree(op);
    if (all == NULL) {
        PyErr_Clear(); /* out of memory: at least op itself goes */
        op->valid = 0;
        destroy_one(op);
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(all); i++) {
        ((TdOp *)PyList_GET_ITEM(all, i))->valid = 0;
    }
    for (Py_ssize_t i = PyList_GET_SIZE(all) - 1; i >= 0; i--) {
        destroy_one((TdOp *)PyList_GET_ITEM(all, i));
    }
    Py_DECREF(all);
}

/* Takes down one operator marked destroyed whose children are gone. */
static void
destroy_one(TdOp *op)
{
    if (op->cls->release != NULL) {
        op->cls->release(op);
    }
    td_op_unlink(op);
    TdOp *parent = op->parent;
    if (parent != NULL && parent->children != NULL) {
        td_child_detach(parent, op);
        td_op_touch(parent);
    }
    op->parent = NULL;
    Py_XDECREF(parent);
    td_op_clear_state(op);
    td_state_of((PyObject *)op)->serial++;
}

PyObject *
td_op_path(TdOp *op)
{
    if (op->parent == NULL) {
        return PyUnicode_FromString("/");
    }
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (TdOp *o = op; o != NULL && o->parent != NULL; o = o->parent) {
        if (PyList_Insert(parts, 0, o->name) < 0) {
            Py_DECREF(parts);
            return NULL;
        }
    }
    PyObject *sep = PyUnicode_FromString("/");
    PyObject *joined = sep != NULL ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (joined == NULL) {
        return NULL;
    }
    PyObject *path = PyUnicode_FromFormat("/%U", joined);
    Py_DECREF(joined);
    return path;
}

