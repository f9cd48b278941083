/* td_render._td: the exec chain. Makes the types (operator classes from ops/registry.h, their
 * docstrings' Parameters part from their tables), fills the module state (bind/state.h) and adds
 * the module functions. Nothing calls into this file. */
#define TD_NUMPY_IMPORT
#include "bind/numpy.h"
#include "bind/state.h"
#include "ops/material.h"

#include <string.h>

#include "bind/bridge.h"
#include "bind/codec.h"
#include "bind/decode.h"
#include "bind/save_status.h"
#include "graph/expr.h"
#include "graph/matrix.h"
#include "graph/network.h"
#include "graph/op.h"
#include "graph/par.h"
#include "graph/pardoc.h"
#include "ops/chop.h"
#include "ops/dat.h"
#include "ops/object.h"
#include "ops/registry.h"
#include "ops/render_pick.h"
#include "ops/sop_geo.h"

#define TD_CLASS_PTR(name) &td_class_##name,
static const td_op_class *const td_classes[TD_NCLASSES] = {TD_OP_CLASSES(TD_CLASS_PTR)};
#undef TD_CLASS_PTR

_Static_assert(TD_NCLASSES <= TD_MAX_CLASSES, "raise TD_MAX_CLASSES in bind/state.h");
_Static_assert(TD_NBASES <= TD_MAX_BASES, "raise TD_MAX_BASES in bind/state.h");

/* ---- module functions ---- */

static PyObject *
mod_wait_saves(PyObject *module, PyObject *unused)
{
    (void)unused;
    td_state *st = PyModule_GetState(module);
    if (st->saver == NULL) {
        return PyList_New(0);
    }
    Py_BEGIN_ALLOW_THREADS
    td_saver_drain(st->saver);
    Py_END_ALLOW_THREADS
    td_err failures[16];
    int n = td_saver_take_orphan_failures(st->saver, failures, 16);
    PyObject *out = PyList_New(n);
    for (int i = 0; out != NULL && i < n; i++) {
        PyObject *msg = PyUnicode_DecodeUTF8(failures[i].msg, (Py_ssize_t)strlen(failures[i].msg), "replace");
        if (msg == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, msg);
    }
    return out;
}

/* os.register_at_fork hooks (td_render/_save.py): the saver's queue across a fork. */
static PyObject *
mod_fork_before(PyObject *module, PyObject *unused)
{
    (void)unused;
    td_state *st = PyModule_GetState(module);
    if (st->saver != NULL) {
        td_saver_fork_prepare(st->saver);
        st->saver_fork_locked = 1;
    }
    Py_RETURN_NONE;
}

static PyObject *
mod_fork_after(PyObject *module, PyObject *in_child)
{
    td_state *st = PyModule_GetState(module);
    if (st->saver != NULL && st->saver_fork_locked) {
        st->saver_fork_locked = 0;
        if (PyObject_IsTrue(in_child)) {
            td_saver_fork_child(st->saver);
        }
        else {
            td_saver_fork_parent(st->saver);
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
mod_set_file_save_status(PyObject *module, PyObject *cls)
{
    td_state *st = PyModule_GetState(module);
    if (!PyType_Check(cls) || !PyType_IsSubtype((PyTypeObject *)cls, &PyUnicode_Type)) {
        PyErr_SetString(PyExc_TypeError, "expected a str subclass");
        return NULL;
    }
    Py_XSETREF(st->FileSaveStatus, Py_NewRef(cls));
    Py_RETURN_NONE;
}

static PyObject *
mod_gl_info(PyObject *module, PyObject *unused)
{
    (void)unused;
    td_state *st = PyModule_GetState(module);
    td_gl_runtime *rt = td_runtime(st);
    if (rt == NULL) {
        return NULL;
    }
    const td_gl_info *i = td_gl_runtime_info(rt);
    return Py_BuildValue("{s:s,s:s,s:s,s:s,s:i,s:i,s:i,s:(ii),s:i}", "platform", i->platform, "vendor", i->vendor,
                         "renderer", i->renderer, "version", i->version, "cuda_device", i->cuda_device,
                         "max_texture_size", i->max_texture_size, "max_renderbuffer_size",
                         i->max_renderbuffer_size, "max_viewport_dims", i->max_viewport_dims[0],
                         i->max_viewport_dims[1], "max_samples", i->max_samples);
}

static PyMethodDef module_methods[] = {
    {"_wait_saves", mod_wait_saves, METH_NOARGS,
     "_wait_saves($module, /)\n--\n\nWait for every asynchronous save (GIL released); return the messages of\n"
     "failed saves nobody kept a status for. td_render.waitForSaves() and interpreter exit use it."},
    {"_fork_before", mod_fork_before, METH_NOARGS,
     "_fork_before($module, /)\n--\n\nInternal (os.register_at_fork): holds the save queue across a fork."},
    {"_fork_after", mod_fork_after, METH_O,
     "_fork_after($module, in_child, /)\n--\n\nInternal (os.register_at_fork): releases the save queue; in\n"
     "the child, drops the parent's pending saves (the parent writes them)."},
    {"_set_file_save_status", mod_set_file_save_status, METH_O,
     "_set_file_save_status($module, cls, /)\n--\n\nInternal: the str subclass TOP.save() returns."},
    {"advance", (PyCFunction)(void (*)(void))td_mod_advance, METH_VARARGS | METH_KEYWORDS,
     "advance($module, /, frames=1)\n--\n\nMove time forward by frames (an int >= 1): absTime.frame grows by\n"
     "frames and absTime.seconds by frames / project.cookRate. Operators whose expressions read the time\n"
     "are evaluated again at their next cook (a TOP's next read), and Par.pulse() restores that are due\n"
     "happen. Time never moves on its own."},
    {"_op_from_state", (PyCFunction)td_mod_op_from_state, METH_VARARGS,
     "_op_from_state($module, state, parent=None, /)\n--\n\nA new operator made from an OP.__getstate__() state\n"
     "inside the COMP at path parent (the root if None or gone): what pickle and copy.deepcopy call."},
    {"_set_material_source", td_mat_set_source, METH_VARARGS,
     "_set_material_source($module, mat, fragment_src, /)\n--\n\nTest-only: makes the MAT mat draw with\n"
     "fragment_src (the body after the TD prelude: TDMaterial block, TDOutputSwizzle, vWorldPos, ...)\n"
     "instead of its own shader, through the normal program cache; None restores its own."},
    {"glInfo", mod_gl_info, METH_NOARGS,
     "glInfo($module, /)\n--\n\nThe OpenGL context td_render renders with (created on first use): EGL platform,\n"
     "vendor, renderer, version and limits. Raises td_render.tdError, listing what was tried, if no\n"
     "OpenGL 4.5 context can be made."},
    {NULL},
};

/* ---- set-up ---- */

static int
add_type(PyObject *module, PyTypeObject **slot, PyType_Spec *spec, PyTypeObject *base)
{
    /* Immutable, like the built-in types: td.renderTOP.x = 1 raises TypeError. */
    PyType_Spec frozen = *spec;
    frozen.flags |= Py_TPFLAGS_IMMUTABLETYPE;
    PyObject *t = PyType_FromModuleAndSpec(module, &frozen, (PyObject *)base);
    if (t == NULL) {
        return -1;
    }
    *slot = (PyTypeObject *)t;
    return PyModule_AddType(module, (PyTypeObject *)t);
}

/* An operator type, its docstring's Parameters part written from its table. */
static int
add_op_type(PyObject *module, td_state *st, int i)
{
    const td_op_class *cls = td_classes[i];
    const char *summary = "";
    for (const PyType_Slot *sl = cls->spec->slots; sl->slot != 0; sl++) {
        if (sl->slot == Py_tp_doc) {
            summary = sl->pfunc;
        }
    }
    PyObject *doc = td_par_doc(cls, summary);
    const char *text = doc != NULL ? PyUnicode_AsUTF8(doc) : NULL;
    PyType_Spec spec;
    PyType_Slot *slots = NULL;
    if (text == NULL || td_spec_with_doc(cls->spec, text, &spec, &slots) < 0) {
        Py_XDECREF(doc);
        return text == NULL ? -1 : (PyErr_NoMemory(), -1);
    }
    int rc = add_type(module, &st->op_types[i], &spec, st->base_types[cls->base]);
    PyMem_Free(slots);
    Py_DECREF(doc);
    return rc;
}

/* td_render.families: each family and the operator types in it. */
static int
add_families(PyObject *module, td_state *st)
{
    static const char *const families[] = {"COMP", "TOP", "SOP", "MAT", "CHOP", "DAT", "POP"};
    st->families = PyDict_New();
    if (st->families == NULL) {
        return -1;
    }
    for (size_t f = 0; f < sizeof(families) / sizeof(families[0]); f++) {
        PyObject *list = PyList_New(0);
        if (list == NULL || PyDict_SetItemString(st->families, families[f], list) < 0) {
            Py_XDECREF(list);
            return -1;
        }
        for (int i = 0; i < TD_NCLASSES; i++) {
            if (strcmp(td_classes[i]->family, families[f]) == 0 &&
                PyList_Append(list, (PyObject *)st->op_types[i]) < 0) {
                Py_DECREF(list);
                return -1;
            }
        }
        Py_DECREF(list);
    }
    return PyModule_AddObjectRef(module, "families", st->families);
}

static int
td_exec(PyObject *module)
{
    td_state *st = PyModule_GetState(module);
    if (_import_array() < 0) {
        return -1;
    }
    st->tdError = PyErr_NewExceptionWithDoc(
        "td_render.tdError",
        "Raised when an operator cannot be used or cooked: a destroyed OP, a path that names\n"
        "nothing, a GL failure. Mirrors TouchDesigner's td.tdError.",
        PyExc_RuntimeError, NULL);
    if (st->tdError == NULL || PyModule_AddObjectRef(module, "tdError", st->tdError) < 0) {
        return -1;
    }
    st->classes = td_classes;
    st->nclasses = TD_NCLASSES;
    static PyType_Spec *const base_specs[TD_NBASES] = {&td_OP_spec, &td_COMP_spec, &td_ObjectCOMP_spec,
                                                       &td_TOP_spec, &td_SOP_spec, &td_MAT_spec,
                                                       &td_DAT_spec, &td_CHOP_spec};
    static const td_base_id base_parent[TD_NBASES] = {TD_BASE_OP, TD_BASE_OP, TD_BASE_COMP,
                                                      TD_BASE_OP, TD_BASE_OP, TD_BASE_OP, TD_BASE_OP, TD_BASE_OP};
    for (int i = 0; i < TD_NBASES; i++) {
        PyTypeObject *parent = i == 0 ? NULL : st->base_types[base_parent[i]];
        if (add_type(module, &st->base_types[i], base_specs[i], parent) < 0) {
            return -1;
        }
    }
    for (int i = 0; i < TD_NCLASSES; i++) {
        if (add_op_type(module, st, i) < 0) {
            return -1;
        }
    }
    if (add_type(module, &st->Par_type, &td_Par_spec, NULL) < 0 ||
        add_type(module, &st->ParCollection_type, &td_ParCollection_spec, NULL) < 0 ||
        add_type(module, &st->SaveStatus_type, &td_SaveStatus_spec, NULL) < 0 ||
        add_type(module, &st->ParGroup_type, &td_ParGroup_spec, NULL) < 0 ||
        add_type(module, &st->Page_type, &td_Page_spec, NULL) < 0 ||
        add_type(module, &st->Connector_type, &td_Connector_spec, NULL) < 0 ||
        add_type(module, &st->AbsTime_type, &td_AbsTime_spec, NULL) < 0 ||
        add_type(module, &st->Project_type, &td_Project_spec, NULL) < 0 ||
        add_type(module, &st->Matrix_type, &td_Matrix_spec, NULL) < 0 ||
        add_type(module, &st->Position_type, &td_Position_spec, NULL) < 0 ||
        add_type(module, &st->Vector_type, &td_Vector_spec, NULL) < 0 ||
        add_type(module, &st->Cell_type, &td_Cell_spec, NULL) < 0 ||
        add_type(module, &st->Point_type, &td_Point_spec, NULL) < 0 ||
        add_type(module, &st->Prim_type, &td_Prim_spec, NULL) < 0 ||
        add_type(module, &st->Vertex_type, &td_Vertex_spec, NULL) < 0 ||
        add_type(module, &st->Points_type, &td_Points_spec, NULL) < 0 ||
        add_type(module, &st->Prims_type, &td_Prims_spec, NULL) < 0 ||
        add_type(module, &st->Channel_type, &td_Channel_spec, NULL) < 0) {
        return -1;
    }
    if (td_bounds_setup(st) < 0 || td_pick_setup(st) < 0 || td_codec_setup(module) < 0 || td_decode_setup(module) < 0) {
        return -1;
    }
    PyObject *root_name = PyUnicode_FromString("");
    if (root_name == NULL) {
        return -1;
    }
    st->root = (PyObject *)td_op_new(st->op_types[TD_CLS_baseCOMP], &td_class_baseCOMP, NULL, root_name);
    Py_DECREF(root_name);
    if (st->root == NULL || PyModule_AddObjectRef(module, "root", st->root) < 0) {
        return -1;
    }
    if (td_time_setup(module, st) < 0 || td_project_setup(module, st) < 0 || td_expr_setup(module, st) < 0 ||
        add_families(module, st) < 0) {
        return -1;
    }
    return 0;
}

static int
td_traverse(PyObject *module, visitproc visit, void *arg)
{
    td_state *st = PyModule_GetState(module);
    Py_VISIT(st->tdError);
    for (int i = 0; i < TD_NBASES; i++) {
        Py_VISIT(st->base_types[i]);
    }
    for (int i = 0; i < TD_NCLASSES; i++) {
        Py_VISIT(st->op_types[i]);
    }
    Py_VISIT(st->Par_type);
    Py_VISIT(st->ParCollection_type);
    Py_VISIT(st->SaveStatus_type);
    Py_VISIT(st->FileSaveStatus);
    Py_VISIT(st->ParGroup_type);
    Py_VISIT(st->Page_type);
    Py_VISIT(st->Connector_type);
    Py_VISIT(st->AbsTime_type);
    Py_VISIT(st->Project_type);
    Py_VISIT(st->Matrix_type);
    Py_VISIT(st->Position_type);
    Py_VISIT(st->Vector_type);
    Py_VISIT(st->Cell_type);
    Py_VISIT(st->Point_type);
    Py_VISIT(st->Prim_type);
    Py_VISIT(st->Vertex_type);
    Py_VISIT(st->Points_type);
    Py_VISIT(st->Prims_type);
    Py_VISIT(st->Channel_type);
    Py_VISIT(st->Bounds_type);
    Py_VISIT(st->BoundsXYZ_type);
    Py_VISIT(st->PickResult_type);
    Py_VISIT(st->ParMode);
    Py_VISIT(st->absTime);
    Py_VISIT(st->project);
    Py_VISIT(st->root);
    Py_VISIT(st->families);
    Py_VISIT(st->expr_base);
    Py_VISIT(st->cook_error);
    Py_VISIT(st->pulses);
    Py_VISIT(st->project_name);
    Py_VISIT(st->eval_key);
    return 0;
}

static int
td_clear(PyObject *module)
{
    td_state *st = PyModule_GetState(module);
    Py_CLEAR(st->tdError);
    Py_CLEAR(st->root);
    for (int i = 0; i < TD_NCLASSES; i++) {
        Py_CLEAR(st->op_types[i]);
    }
    for (int i = 0; i < TD_NBASES; i++) {
        Py_CLEAR(st->base_types[i]);
    }
    Py_CLEAR(st->pulses);
    Py_CLEAR(st->expr_base);
    Py_CLEAR(st->cook_error);
    Py_CLEAR(st->families);
    Py_CLEAR(st->ParMode);
    Py_CLEAR(st->absTime);
    Py_CLEAR(st->project);
    Py_CLEAR(st->project_name);
    Py_CLEAR(st->eval_key);
    Py_CLEAR(st->Par_type);
    Py_CLEAR(st->ParCollection_type);
    Py_CLEAR(st->SaveStatus_type);
    Py_CLEAR(st->FileSaveStatus);
    Py_CLEAR(st->ParGroup_type);
    Py_CLEAR(st->Page_type);
    Py_CLEAR(st->Connector_type);
    Py_CLEAR(st->AbsTime_type);
    Py_CLEAR(st->Project_type);
    Py_CLEAR(st->Matrix_type);
    Py_CLEAR(st->Position_type);
    Py_CLEAR(st->Vector_type);
    Py_CLEAR(st->Cell_type);
    Py_CLEAR(st->Point_type);
    Py_CLEAR(st->Prim_type);
    Py_CLEAR(st->Vertex_type);
    Py_CLEAR(st->Points_type);
    Py_CLEAR(st->Prims_type);
    Py_CLEAR(st->Channel_type);
    Py_CLEAR(st->Bounds_type);
    Py_CLEAR(st->BoundsXYZ_type);
    Py_CLEAR(st->PickResult_type);
    return 0;
}

static void
td_free(void *module)
{
    td_state *st = PyModule_GetState((PyObject *)module);
    if (st != NULL && st->saver != NULL) {
        /* Saves still queued are finished first: a file asked for is never silently dropped. */
        Py_BEGIN_ALLOW_THREADS
        td_saver_free(st->saver);
        Py_END_ALLOW_THREADS
        st->saver = NULL;
    }
    td_clear((PyObject *)module);
}

static PyModuleDef_Slot td_slots[] = {
    {Py_mod_exec, td_exec},
    {0, NULL},
};

PyModuleDef td_module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "td_render._td",
    .m_doc = "The C core of td_render: operator types, the network root, and the GL runtime.",
    .m_size = sizeof(td_state),
    .m_methods = module_methods,
    .m_slots = td_slots,
    .m_traverse = td_traverse,
    .m_clear = td_clear,
    .m_free = td_free,
};

PyMODINIT_FUNC
PyInit__td(void)
{
    return PyModuleDef_Init(&td_module_def);
}
