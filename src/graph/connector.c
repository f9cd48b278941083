/* Connector: one input (left) or output (right) connector of an operator, for wiring.
 *
 *   >>> box2.inputConnectors[0].connect(box1)         # box1 -> box2's input 0
 *   >>> box1.outputConnectors[0].connect(box3)        # box1 -> box3's next input
 *   >>> box2.inputConnectors[0].connections[0].owner  # box1
 *   >>> box2.inputConnectors[0].disconnect()
 */
#include "graph/op_internal.h"
#include "graph/par.h"
#include "bind/state.h"
#include "graph/network.h"

typedef struct {
    PyObject_HEAD
    TdOp *owner;
    int is_input;
    Py_ssize_t index;
} TdConnector;

PyObject *
td_connector_new(td_state *st, TdOp *owner, int is_input, Py_ssize_t index)
{
    TdConnector *c = PyObject_GC_New(TdConnector, st->Connector_type);
    if (c == NULL) {
        return NULL;
    }
    c->owner = (TdOp *)Py_NewRef((PyObject *)owner);
    c->is_input = is_input;
    c->index = index;
    PyObject_GC_Track(c);
    return (PyObject *)c;
}

static int
conn_traverse(TdConnector *c, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(c));
    Py_VISIT((PyObject *)c->owner);
    return 0;
}

static int
conn_clear(TdConnector *c)
{
    Py_CLEAR(c->owner);
    return 0;
}

static void
conn_dealloc(TdConnector *c)
{
    PyTypeObject *tp = Py_TYPE(c);
    PyObject_GC_UnTrack(c);
    conn_clear(c);
    PyObject_GC_Del(c);
    Py_DECREF(tp);
}

static PyObject *
conn_repr(TdConnector *c)
{
    return PyUnicode_FromFormat("<Connector %s %zd of %U>", c->is_input ? "input" : "output", c->index,
                                c->owner->name);
}

static TdOp *
live(TdConnector *c)
{
    return td_op_check(c->owner) < 0 ? NULL : c->owner;
}

static PyObject *
conn_get_flag(TdConnector *c, void *w)
{
    if (live(c) == NULL) {
        return NULL;
    }
    return PyBool_FromLong(((const char *)w)[2] == 'I' ? c->is_input : !c->is_input);
}

static PyObject *
conn_get_index(TdConnector *c, void *w)
{
    (void)w;
    return live(c) != NULL ? PyLong_FromSsize_t(c->index) : NULL;
}

static PyObject *
conn_get_owner(TdConnector *c, void *w)
{
    (void)w;
    TdOp *op = live(c);
    return op != NULL ? Py_NewRef((PyObject *)op) : NULL;
}

static PyObject *
conn_get_none(TdConnector *c, void *w)
{
    (void)w;
    if (live(c) == NULL) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* The connectors at the other end of this one's wires. */
static PyObject *
conn_get_connections(TdConnector *c, void *w)
{
    (void)w;
    TdOp *op = live(c);
    if (op == NULL) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)c);
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    if (c->is_input) {
        if (op->inputs != NULL && c->index < PyList_GET_SIZE(op->inputs)) {
            PyObject *conn = td_connector_new(st, (TdOp *)PyList_GET_ITEM(op->inputs, c->index), 0, 0);
            if (conn == NULL || PyList_Append(out, conn) < 0) {
                Py_CLEAR(out);
            }
            Py_XDECREF(conn);
        }
        return out;
    }
    PyObject *users = td_op_outputs_list(op);
    for (Py_ssize_t i = 0; users != NULL && out != NULL && i < PyList_GET_SIZE(users); i++) {
        TdOp *u = (TdOp *)PyList_GET_ITEM(users, i);
        for (Py_ssize_t j = 0; out != NULL && j < PyList_GET_SIZE(u->inputs); j++) {
            if (PyList_GET_ITEM(u->inputs, j) != (PyObject *)op) {
                continue;
            }
            PyObject *conn = td_connector_new(st, u, 1, j);
            if (conn == NULL || PyList_Append(out, conn) < 0) {
                Py_CLEAR(out);
            }
            Py_XDECREF(conn);
        }
    }
    if (users == NULL) {
        Py_CLEAR(out);
    }
    Py_XDECREF(users);
    return out;
}

static PyGetSetDef conn_getset[] = {
    {"index", (getter)conn_get_index, NULL, "The connector's index among its operator's (read-only).", NULL},
    {"isInput", (getter)conn_get_flag, NULL, "True for an input (left) connector (read-only).", "isInput"},
    {"isOutput", (getter)conn_get_flag, NULL, "True for an output (right) connector (read-only).", "isOutput"},
    {"owner", (getter)conn_get_owner, NULL, "The operator the connector belongs to (read-only).", NULL},
    {"inOP", (getter)conn_get_none, NULL, "None: no COMP here has in/out operators inside (read-only).", NULL},
    {"outOP", (getter)conn_get_none, NULL, "None: no COMP here has in/out operators inside (read-only).", NULL},
    {"connections", (getter)conn_get_connections, NULL,
     "The connectors wired to this one (at the other ends of its wires) (read-only).", NULL},
    {NULL},
};

static PyObject *
conn_connect(TdConnector *c, PyObject *target)
{
    TdOp *op = live(c);
    if (op == NULL) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)c);
    TdOp *other = NULL;
    Py_ssize_t other_index = -1; /* the target's input index, if the target is an input connector */
    if (PyObject_TypeCheck(target, st->base_types[TD_BASE_OP])) {
        other = (TdOp *)target;
    }
    else if (Py_TYPE(target) == Py_TYPE(c)) {
        TdConnector *t = (TdConnector *)target;
        other = t->owner;
        other_index = t->index;
        if (t->is_input == c->is_input) {
            PyErr_SetString(PyExc_ValueError, "connect() joins an output connector to an input connector");
            return NULL;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "connect() takes an OP or a Connector, not %.100s", Py_TYPE(target)->tp_name);
        return NULL;
    }
    int rc;
    if (c->is_input) {
        rc = td_op_connect(op, c->index, other);
    }
    else {
        if (td_op_check(other) < 0) {
            return NULL;
        }
        Py_ssize_t next = other->inputs != NULL ? PyList_GET_SIZE(other->inputs) : 0;
        rc = td_op_connect(other, other_index >= 0 ? other_index : next, op);
    }
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
conn_disconnect(TdConnector *c, PyObject *unused)
{
    (void)unused;
    TdOp *op = live(c);
    if (op == NULL) {
        return NULL;
    }
    if (c->is_input) {
        if (td_op_disconnect(op, c->index) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *users = td_op_outputs_list(op);
    for (Py_ssize_t i = 0; users != NULL && i < PyList_GET_SIZE(users); i++) {
        TdOp *u = (TdOp *)PyList_GET_ITEM(users, i);
        for (Py_ssize_t j = PyList_GET_SIZE(u->inputs) - 1; j >= 0; j--) {
            if (PyList_GET_ITEM(u->inputs, j) == (PyObject *)op && td_op_disconnect(u, j) < 0) {
                Py_DECREF(users);
                return NULL;
            }
        }
    }
    if (users == NULL) {
        return NULL;
    }
    Py_DECREF(users);
    Py_RETURN_NONE;
}

static PyMethodDef conn_methods[] = {
    {"connect", (PyCFunction)conn_connect, METH_O,
     "connect($self, target, /)\n--\n\nWire this connector to target: an OP or a Connector of the other kind.\n"
     "An output connector wired to an OP feeds its next free input."},
    {"disconnect", (PyCFunction)conn_disconnect, METH_NOARGS,
     "disconnect($self, /)\n--\n\nRemove every wire of this connector."},
    {NULL},
};

static PyType_Slot conn_slots[] = {
    {Py_tp_doc, "Connector: an input (left) or output (right) connector of an operator.\n"
                "OP.inputConnectors and OP.outputConnectors list them; connect() and disconnect() wire."},
    {Py_tp_traverse, conn_traverse},
    {Py_tp_clear, conn_clear},
    {Py_tp_dealloc, conn_dealloc},
    {Py_tp_repr, conn_repr},
    {Py_tp_getset, conn_getset},
    {Py_tp_methods, conn_methods},
    {0, NULL},
};

PyType_Spec td_Connector_spec = {
    .name = "td_render.Connector",
    .basicsize = sizeof(TdConnector),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = conn_slots,
};
