/* Page: one page of an operator's parameter dialog (its built-in parameters by page).
 *
 *   >>> [p.name for p in cam.pages]
 *   ['Xform', 'View', 'Settings']
 *   >>> cam.pages[1].pars[0].name, cam.currentPage = 'View'
 */
#include <string.h>

#include "graph/op_internal.h"
#include "graph/par.h"
#include "bind/state.h"
#include "graph/network.h"

typedef struct {
    PyObject_HEAD
    TdOp *owner;
    PyObject *name;
    Py_ssize_t index;
} TdPage;

PyObject *
td_page_new(td_state *st, TdOp *owner, PyObject *name, Py_ssize_t index)
{
    TdPage *p = PyObject_GC_New(TdPage, st->Page_type);
    if (p == NULL) {
        return NULL;
    }
    p->owner = (TdOp *)Py_NewRef((PyObject *)owner);
    p->name = Py_NewRef(name);
    p->index = index;
    PyObject_GC_Track(p);
    return (PyObject *)p;
}

static int
page_traverse(TdPage *p, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(p));
    Py_VISIT((PyObject *)p->owner);
    return 0;
}

static int
page_clear(TdPage *p)
{
    Py_CLEAR(p->owner);
    return 0;
}

static void
page_dealloc(TdPage *p)
{
    PyTypeObject *tp = Py_TYPE(p);
    PyObject_GC_UnTrack(p);
    page_clear(p);
    Py_CLEAR(p->name);
    PyObject_GC_Del(p);
    Py_DECREF(tp);
}

static PyObject *
page_repr(TdPage *p)
{
    return PyUnicode_FromFormat("<Page %U of %s>", p->name, p->owner != NULL ? p->owner->cls->optype : "?");
}

static PyObject *
page_richcompare(TdPage *p, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(other) != Py_TYPE(p)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    TdPage *o = (TdPage *)other;
    int eq = o->owner == p->owner && PyUnicode_Compare(o->name, p->name) == 0;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyObject *
page_get_name(TdPage *p, void *c)
{
    (void)c;
    return Py_NewRef(p->name);
}

static PyObject *
page_get_owner(TdPage *p, void *c)
{
    (void)c;
    if (td_op_check(p->owner) < 0) {
        return NULL;
    }
    return Py_NewRef((PyObject *)p->owner);
}

static PyObject *
page_get_index(TdPage *p, void *c)
{
    (void)c;
    return PyLong_FromSsize_t(p->index);
}

static PyObject *
page_get_false(TdPage *p, void *c)
{
    (void)p;
    (void)c;
    Py_RETURN_FALSE;
}

static PyObject *
page_get_pars(TdPage *p, void *c)
{
    (void)c;
    if (td_op_check(p->owner) < 0) {
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8(p->name);
    if (name == NULL) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)p);
    PyObject *out = PyList_New(0);
    for (size_t i = 0; out != NULL && i < p->owner->cls->npars; i++) {
        if (strcmp(p->owner->cls->pars[i].page, name) != 0) {
            continue;
        }
        PyObject *par = td_par_new(st, p->owner, (Py_ssize_t)i);
        if (par == NULL || PyList_Append(out, par) < 0) {
            Py_CLEAR(out);
        }
        Py_XDECREF(par);
    }
    return out;
}

static PyGetSetDef page_getset[] = {
    {"name", (getter)page_get_name, NULL, "The page's name, e.g. 'Xform' (read-only).", NULL},
    {"owner", (getter)page_get_owner, NULL, "The OP the page belongs to (read-only).", NULL},
    {"index", (getter)page_get_index, NULL, "Position of the page among the OP's pages (read-only).", NULL},
    {"isCustom", (getter)page_get_false, NULL, "False: built-in page (read-only).", NULL},
    {"pars", (getter)page_get_pars, NULL, "The parameters on the page, as a list of Par (read-only).", NULL},
    {NULL},
};

static PyType_Slot page_slots[] = {
    {Py_tp_doc, "Page: a page of an operator's built-in parameters (OP.pages, OP.currentPage, Par.page)."},
    {Py_tp_traverse, page_traverse},
    {Py_tp_clear, page_clear},
    {Py_tp_dealloc, page_dealloc},
    {Py_tp_repr, page_repr},
    {Py_tp_hash, PyObject_HashNotImplemented},
    {Py_tp_richcompare, page_richcompare},
    {Py_tp_getset, page_getset},
    {0, NULL},
};

PyType_Spec td_Page_spec = {
    .name = "td_render.Page",
    .basicsize = sizeof(TdPage),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = page_slots,
};
