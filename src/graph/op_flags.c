/* OP: Common Flags, Appearance, tags and viewers. Flags and appearance are stored on the OP,
 * persisted by __getstate__, and every change bumps the network serial (expressions may read them).
 *
 *   >>> geo.render = False; geo.nodeX, geo.nodeY = 200, -100; geo.color = (1, 0, 0)
 *   >>> geo.tags = ['hero']; geo.tags.add('lit'); sorted(geo.tags)
 *   ['hero', 'lit']
 *   >>> geo.openViewer()          # tdError: td_render has no user interface
 */
#include <string.h>

#include "graph/op_internal.h"
#include "bind/state.h"

const char *const td_flag_names[TD_NFLAGS] = {
    "bypass", "lock", "display", "render", "viewer", "allowCooking", "activeViewer", "cloneImmune", "current",
    "expose", "selected", "python", "showCustomOnly", "showDocked",
};

int
td_op_flag(TdOp *op, td_flag flag)
{
    return (op->flags >> flag) & 1u;
}

static int
flag_of(const char *name)
{
    for (int i = 0; i < TD_NFLAGS; i++) {
        if (strcmp(td_flag_names[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

PyObject *
td_op_get_flag(TdOp *op, void *c)
{
    TD_CHECK(op, NULL);
    return PyBool_FromLong(td_op_flag(op, (td_flag)flag_of(c)));
}

/* Records a change of flag on op. An exclusive flag (which SOP a network shows and renders)
 * changes no operator's own result, only what a render gathers: the network serial moves (renders
 * gather again) but op's version does not, so a SOP keeps its mesh instead of rebuilding it. */
static void
flag_changed(TdOp *op, td_flag flag)
{
    if ((op->cls->exclusive_flags & (1u << flag)) && op->parent != NULL) {
        td_op_touch(op->parent);
    }
    else {
        td_op_touch(op);
    }
}

/* Turns flag off on op's siblings: all of them (exclusive 0), or the one of those whose class has
 * it among its exclusive flags that holds it. At most one holds an exclusive flag, and it is most
 * often the SOP created last, so the search runs from the end and stops there: creating SOP after
 * SOP in a network stays linear. */
static void
clear_on_siblings(TdOp *op, td_flag flag, int exclusive)
{
    PyObject *kids = op->parent != NULL ? op->parent->children : NULL;
    unsigned bit = 1u << flag;
    for (Py_ssize_t i = kids != NULL ? PyList_GET_SIZE(kids) - 1 : -1; i >= 0; i--) {
        TdOp *sib = (TdOp *)PyList_GET_ITEM(kids, i);
        if (sib != op && (sib->flags & bit) && (!exclusive || (sib->cls->exclusive_flags & bit))) {
            sib->flags &= ~bit;
            flag_changed(sib, flag);
            if (exclusive) {
                return;
            }
        }
    }
}

/* Does a sibling of op whose class has flag among its exclusive flags hold it? */
static int
sibling_holds(TdOp *op, td_flag flag)
{
    PyObject *kids = op->parent != NULL ? op->parent->children : NULL;
    unsigned bit = 1u << flag;
    for (Py_ssize_t i = kids != NULL ? PyList_GET_SIZE(kids) - 1 : -1; i >= 0; i--) {
        TdOp *sib = (TdOp *)PyList_GET_ITEM(kids, i);
        if (sib != op && (sib->flags & bit) && (sib->cls->exclusive_flags & bit)) {
            return 1;
        }
    }
    return 0;
}

/* Exclusive flags: a SOP network shows one SOP (Display) and renders one (Render), as in
 * TouchDesigner; the family's classes say which flags (td_op_class.exclusive_flags), so the rule
 * here names no family. Turning one on moves it from the sibling that held it. A new OP made by
 * COMP.create() takes them from its siblings (td_op_flags_claim: the SOP created last is the one
 * drawn, which is what scripts that build a chain in order and set no flags expect; TouchDesigner's
 * documentation does not say). Copies and restored states keep the holder unless their state names
 * the flag (its own assignments, then td_op_flags_yield). */
void
td_op_flags_claim(TdOp *op)
{
    for (int f = 0; f < TD_NFLAGS; f++) {
        if ((op->cls->exclusive_flags & TD_FLAGS_DEFAULT) & (1u << f)) {
            clear_on_siblings(op, (td_flag)f, 1);
            op->flags |= 1u << f;
            flag_changed(op, (td_flag)f);
        }
    }
}

void
td_op_flags_yield(TdOp *op)
{
    for (int f = 0; f < TD_NFLAGS; f++) {
        if (((op->cls->exclusive_flags & op->flags) & (1u << f)) && sibling_holds(op, (td_flag)f)) {
            op->flags &= ~(1u << f);
            flag_changed(op, (td_flag)f);
        }
    }
}

int
td_op_flag_assign(TdOp *op, td_flag flag, int on)
{
    if (flag == TD_FLAG_ALLOW_COOKING && !on && op->children == NULL) {
        PyErr_Format(td_state_of((PyObject *)op)->tdError,
                     "only COMPs can clear allowCooking; %s is a %s", PyUnicode_AsUTF8(op->name), op->cls->optype);
        return -1;
    }
    unsigned bit = 1u << flag;
    if (on && flag == TD_FLAG_CURRENT) {
        clear_on_siblings(op, flag, 0); /* one current operator per network */
    }
    else if (on && (op->cls->exclusive_flags & bit)) {
        clear_on_siblings(op, flag, 1);
    }
    op->flags = on ? (op->flags | bit) : (op->flags & ~bit);
    flag_changed(op, flag);
    return 0;
}

int
td_op_set_flag(TdOp *op, PyObject *value, void *c)
{
    TD_CHECK(op, -1);
    if (td_no_delete(value, "a flag") < 0) {
        return -1;
    }
    if (!PyBool_Check(value) && !PyLong_Check(value)) {
        PyErr_Format(PyExc_TypeError, "the %s flag takes a bool, not %.100s", (const char *)c,
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    int on = PyObject_IsTrue(value);
    if (on < 0) {
        return -1;
    }
    return td_op_flag_assign(op, (td_flag)flag_of(c), on);
}

/* ---- appearance ---- */

PyObject *
td_op_get_node(TdOp *op, void *c)
{
    TD_CHECK(op, NULL);
    const char *w = c;
    long v = strcmp(w, "x") == 0    ? op->node_x
             : strcmp(w, "y") == 0  ? op->node_y
             : strcmp(w, "w") == 0  ? op->node_w
             : strcmp(w, "h") == 0  ? op->node_h
             : strcmp(w, "cx") == 0 ? op->node_x + op->node_w / 2
                                    : op->node_y + op->node_h / 2;
    return PyLong_FromLong(v);
}

int
td_op_set_node(TdOp *op, PyObject *value, void *c)
{
    TD_CHECK(op, -1);
    if (td_no_delete(value, "a node position or size") < 0) {
        return -1;
    }
    if (PyFloat_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "node positions and sizes are ints (network editor units)");
        return -1;
    }
    long v = PyLong_AsLong(value);
    if ((v == -1 && PyErr_Occurred()) || v < -1000000000L || v > 1000000000L) {
        if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_OverflowError)) {
            return -1; /* not an int */
        }
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "node coordinates and sizes are limited to +-1e9, not %R", value);
        return -1;
    }
    const char *w = c;
    if ((strcmp(w, "w") == 0 || strcmp(w, "h") == 0) && v < 1) {
        PyErr_Format(PyExc_ValueError, "node %s must be at least 1, not %ld", w[0] == 'w' ? "width" : "height", v);
        return -1;
    }
    if (strcmp(w, "x") == 0) {
        op->node_x = v;
    }
    else if (strcmp(w, "y") == 0) {
        op->node_y = v;
    }
    else if (strcmp(w, "w") == 0) {
        op->node_w = v;
    }
    else if (strcmp(w, "h") == 0) {
        op->node_h = v;
    }
    else if (strcmp(w, "cx") == 0) {
        op->node_x = v - op->node_w / 2;
    }
    else {
        op->node_y = v - op->node_h / 2;
    }
    td_op_touch(op);
    return 0;
}

PyObject *
td_op_reset_node_size(TdOp *op, PyObject *unused)
{
    (void)unused;
    TD_CHECK(op, NULL);
    op->node_w = TD_NODE_WIDTH;
    op->node_h = TD_NODE_HEIGHT;
    td_op_touch(op);
    Py_RETURN_NONE;
}

PyObject *
td_op_get_color(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return Py_BuildValue("(ddd)", op->color[0], op->color[1], op->color[2]);
}

int
td_op_set_color(TdOp *op, PyObject *value, void *c)
{
    (void)c;
    TD_CHECK(op, -1);
    if (td_no_delete(value, "color") < 0) {
        return -1;
    }
    PyObject *seq = PySequence_Check(value) && !PyUnicode_Check(value)
                        ? PySequence_Fast(value, "color takes (r, g, b)")
                        : NULL;
    if (seq == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "color takes a sequence (r, g, b), not %.100s", Py_TYPE(value)->tp_name);
        }
        return -1;
    }
    double rgb[3];
    int rc = -1;
    if (PySequence_Fast_GET_SIZE(seq) != 3) {
        PyErr_Format(PyExc_ValueError, "color takes 3 values (r, g, b), not %zd", PySequence_Fast_GET_SIZE(seq));
        goto done;
    }
    for (int i = 0; i < 3; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyFloat_Check(item) && !PyLong_Check(item)) {
            PyErr_Format(PyExc_TypeError, "color components are numbers, not %.100s", Py_TYPE(item)->tp_name);
            goto done;
        }
        rgb[i] = PyFloat_AsDouble(item);
        if (rgb[i] == -1.0 && PyErr_Occurred()) {
            goto done;
        }
        if (!(rgb[i] >= 0.0 && rgb[i] <= 1.0)) {
            PyErr_Format(PyExc_ValueError, "color components must be within [0, 1], not %R", item);
            goto done;
        }
    }
    memcpy(op->color, rgb, sizeof(rgb));
    td_op_touch(op);
    rc = 0;
done:
    Py_DECREF(seq);
    return rc;
}

PyObject *
td_op_get_comment(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return op->comment != NULL ? Py_NewRef(op->comment) : PyUnicode_FromString("");
}

int
td_op_set_comment(TdOp *op, PyObject *value, void *c)
{
    (void)c;
    TD_CHECK(op, -1);
    if (td_no_delete(value, "comment") < 0) {
        return -1;
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "comment takes a str, not %.100s", Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_XSETREF(op->comment, Py_NewRef(value));
    td_op_touch(op);
    return 0;
}

PyObject *
td_op_get_dock(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    return Py_NewRef(op->dock != NULL ? op->dock : Py_None);
}

int
td_op_set_dock(TdOp *op, PyObject *value, void *c)
{
    (void)c;
    TD_CHECK(op, -1);
    if (td_no_delete(value, "dock") < 0) {
        return -1;
    }
    td_state *st = td_state_of((PyObject *)op);
    if (value == Py_None) {
        Py_CLEAR(op->dock);
        td_op_touch(op);
        return 0;
    }
    if (!PyObject_TypeCheck(value, st->base_types[TD_BASE_OP])) {
        PyErr_Format(PyExc_TypeError, "dock takes an OP or None, not %.100s", Py_TYPE(value)->tp_name);
        return -1;
    }
    TdOp *host = (TdOp *)value;
    if (td_op_check(host) < 0) {
        return -1;
    }
    if (host == op || host->parent != op->parent || op->parent == NULL) {
        PyErr_SetString(PyExc_ValueError, "an operator docks to another operator of its own network");
        return -1;
    }
    for (TdOp *h = host; h != NULL; h = (TdOp *)h->dock) {
        if (h == op) {
            PyErr_SetString(PyExc_ValueError, "docking would make a cycle");
            return -1;
        }
    }
    Py_XSETREF(op->dock, Py_NewRef(value));
    td_op_touch(op);
    return 0;
}

PyObject *
td_op_get_docked(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    PyObject *out = PyList_New(0);
    PyObject *kids = op->parent != NULL ? op->parent->children : NULL;
    for (Py_ssize_t i = 0; out != NULL && kids != NULL && i < PyList_GET_SIZE(kids); i++) {
        PyObject *sib = PyList_GET_ITEM(kids, i);
        if (((TdOp *)sib)->dock == (PyObject *)op && PyList_Append(out, sib) < 0) {
            Py_CLEAR(out);
        }
    }
    return out;
}

/* ---- tags ---- */

PyObject *
td_tags_from(PyObject *value)
{
    if (PyUnicode_Check(value)) {
        /* one tag, not its characters */
        PyObject *one = PySet_New(NULL);
        if (one != NULL && PySet_Add(one, value) < 0) {
            Py_CLEAR(one);
        }
        return one;
    }
    PyObject *set = PySet_New(value);
    if (set == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "tags take an iterable of str, not %.100s", Py_TYPE(value)->tp_name);
        }
        return NULL;
    }
    PyObject *it = PyObject_GetIter(set), *item;
    while (it != NULL && (item = PyIter_Next(it)) != NULL) {
        int ok = PyUnicode_Check(item);
        if (!ok) {
            PyErr_Format(PyExc_TypeError, "tags are str, not %.100s", Py_TYPE(item)->tp_name);
        }
        Py_DECREF(item);
        if (!ok) {
            break;
        }
    }
    Py_XDECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(set);
        return NULL;
    }
    return set;
}

PyObject *
td_op_get_tags(TdOp *op, void *c)
{
    (void)c;
    TD_CHECK(op, NULL);
    if (op->tags == NULL) {
        op->tags = PySet_New(NULL);
        if (op->tags == NULL) {
            return NULL;
        }
    }
    return Py_NewRef(op->tags);
}

int
td_op_set_tags(TdOp *op, PyObject *value, void *c)
{
    (void)c;
    TD_CHECK(op, -1);
    if (td_no_delete(value, "tags") < 0) {
        return -1;
    }
    PyObject *set = td_tags_from(value);
    if (set == NULL) {
        return -1;
    }
    if (op->tags == NULL) {
        op->tags = set;
    }
    else {
        /* Keep the same set object, so a set a caller holds stays the operator's. */
        int rc = PySet_Clear(op->tags);
        PyObject *r = rc == 0 ? PyObject_CallMethod(op->tags, "update", "O", set) : NULL;
        Py_DECREF(set);
        if (r == NULL) {
            return -1;
        }
        Py_DECREF(r);
    }
    td_op_touch(op);
    return 0;
}

/* ---- viewers: there is no user interface ---- */

static PyObject *
no_ui(TdOp *op, const char *what)
{
    PyErr_Format(td_state_of((PyObject *)op)->tdError,
                 "%s: td_render has no user interface to open a %s in (render with numpyArray() or save())",
                 PyUnicode_AsUTF8(op->name), what);
    return NULL;
}

PyObject *
td_op_viewer_open(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"unique", "borders", NULL};
    int unique = 0, borders = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pp:openViewer", kwlist, &unique, &borders)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    return no_ui(op, "viewer");
}

PyObject *
td_op_viewer_close(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"topMost", NULL};
    int top_most = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|p:closeViewer", kwlist, &top_most)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    Py_RETURN_NONE; /* no viewer is ever open */
}

PyObject *
td_op_viewer_reset(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"recurse", NULL};
    int recurse = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|p:resetViewer", kwlist, &recurse)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    Py_RETURN_NONE; /* there are no viewer settings to reset */
}

PyObject *
td_op_open_parameters(TdOp *op, PyObject *unused)
{
    (void)unused;
    TD_CHECK(op, NULL);
    return no_ui(op, "parameter dialog");
}

PyObject *
td_op_open_menu(TdOp *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", "y", NULL};
    PyObject *x = Py_None, *y = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:openMenu", kwlist, &x, &y)) {
        return NULL;
    }
    TD_CHECK(op, NULL);
    return no_ui(op, "node menu");
}
