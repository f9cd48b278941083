/* Module state of td_render._td: the types, the exception, the root of the network and the network's
 * change serial. Reached through td_state_of() from any object or type of the module; nothing here
 * is a C global. */
#ifndef TD_MODULE_H
#define TD_MODULE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#include "gpu/runtime.h"
#include "graph/op.h"
#include "image/saver.h"
#include "util/err.h"

/* Every concrete operator type, in registration order. */
#define TD_OP_CLASSES(X) \
    X(baseCOMP)          \
    X(cameraCOMP)        \
    X(geometryCOMP)      \
    X(lightCOMP)         \
    X(ambientlightCOMP)  \
    X(renderTOP)         \
    X(boxSOP)            \
    X(sphereSOP)         \
    X(constantMAT)       \
    X(phongMAT)

#define TD_CLASS_ENUM(name) TD_CLS_##name,
typedef enum { TD_OP_CLASSES(TD_CLASS_ENUM) TD_NCLASSES } td_class_id;
#undef TD_CLASS_ENUM

#define TD_CLASS_DECL(name) extern const td_op_class td_class_##name;
TD_OP_CLASSES(TD_CLASS_DECL)
#undef TD_CLASS_DECL

typedef struct td_state {
    PyObject *tdError;
    PyTypeObject *base_types[TD_NBASES]; /* OP, COMP, ObjectCOMP, TOP, SOP, MAT */
    PyTypeObject *op_types[TD_NCLASSES];
    PyTypeObject *Par_type;
    PyTypeObject *ParCollection_type;
    PyTypeObject *SaveStatus_type;
    PyObject *FileSaveStatus;  /* td_render.FileSaveStatus (a Python str subclass), registered at import */
    td_saver *saver;           /* asynchronous saves; made on first use */
    PyObject *root;      /* the baseCOMP at "/" */
    uint64_t serial;     /* bumped by every change anywhere in the network */
    uint64_t next_id;
} td_state;

extern PyModuleDef td_module_def;

td_state *td_state_of_type(PyTypeObject *type);
static inline td_state *
td_state_of(PyObject *obj)
{
    return td_state_of_type(Py_TYPE(obj));
}

/* The class table entry for a concrete type object, or NULL. */
const td_op_class *td_class_of_type(td_state *st, PyTypeObject *type);
const td_op_class *td_class_by_name(const char *optype);

/* Turns a plain-C error into the matching Python exception; returns NULL / -1 for chaining. */
PyObject *td_raise_err(td_state *st, const td_err *err);

/* The GL runtime, started on first use with the GIL released; NULL with tdError set on failure. */
td_gl_runtime *td_runtime(td_state *st);

/* The saver, made on first use; NULL with an exception set on failure. */
td_saver *td_module_saver(td_state *st);

/* The type object of a class table entry. */
PyTypeObject *td_type_of_class(td_state *st, const td_op_class *cls);

/* Specs of the abstract bases, defined in their own files. */
extern PyType_Spec td_OP_spec, td_COMP_spec, td_ObjectCOMP_spec, td_TOP_spec, td_SOP_spec, td_MAT_spec;

#endif
