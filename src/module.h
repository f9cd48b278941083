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
    X(containerCOMP)     \
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

/* The parameter whose expression is being evaluated: a stack through prev, one per thread (the
 * frames live on the evaluating thread's C stack; the innermost is found through the thread
 * state's dict, expr.c). */
typedef struct td_eval_frame {
    TdOp *owner;
    Py_ssize_t index;
    PyObject *reads; /* set of OP ids read by this evaluation */
    int depth;       /* 1 for the outermost */
    struct td_eval_frame *prev;
} td_eval_frame;

/* Deepest chain of expressions reading expressions (A reads B reads C ...). */
#define TD_EVAL_MAX_DEPTH 64

typedef struct td_state {
    PyObject *tdError;
    PyTypeObject *base_types[TD_NBASES]; /* OP, COMP, ObjectCOMP, TOP, SOP, MAT */
    PyTypeObject *op_types[TD_NCLASSES];
    PyTypeObject *Par_type;
    PyTypeObject *ParCollection_type;
    PyTypeObject *SaveStatus_type;
    PyObject *FileSaveStatus;  /* td_render.FileSaveStatus (a Python str subclass), registered at import */
    td_saver *saver;           /* asynchronous saves; made on first use */
    PyTypeObject *ParGroup_type;
    PyTypeObject *Page_type;
    PyTypeObject *Connector_type;
    PyTypeObject *AbsTime_type;
    PyTypeObject *Project_type;
    PyObject *ParMode;   /* the enum class td_render.ParMode */
    PyObject *absTime;   /* the AbsTime object */
    PyObject *project;   /* the Project object */
    PyObject *root;      /* the baseCOMP at "/" */
    PyObject *families;  /* dict: family -> list of operator types */
    PyObject *expr_base; /* globals every expression starts from: math, absTime, root, project, builtins */
    PyObject *cook_error;/* message of the first expression error since the last take, or NULL */
    PyObject *pulses;    /* list of (owner, index, value, due frame) restores of Par.pulse() */
    PyObject *eval_key;  /* key of this thread's innermost td_eval_frame in the thread state dict */
    uint64_t serial;     /* bumped by every change anywhere in the network */
    uint64_t next_id;
    /* Time (abstime.c): absolute frames since import, advanced only by td.advance(). */
    double frame, seconds, step, step_seconds;
    double cook_rate;    /* project.cookRate, frames per second */
    double frame_start;  /* monotonic ms when the current frame began */
    int real_time;       /* project.realTime (stored; time moves only with advance()) */
    PyObject *project_name;
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

/* The pending cook error of expressions evaluated from C (td_par_num / td_par_str). If one is
 * pending, raises td_render.tdError naming the OP, the parameter and the exception, clears it and
 * returns -1; else returns 0. Call after building a scene (and td_cook_error_clear before). */
int td_cook_error_take(td_state *st);
void td_cook_error_clear(td_state *st);

/* The GL runtime, started on first use with the GIL released; NULL with tdError set on failure. */
td_gl_runtime *td_runtime(td_state *st);

/* The saver, made on first use; NULL with an exception set on failure. */
td_saver *td_module_saver(td_state *st);

/* The type object of a class table entry. */
PyTypeObject *td_type_of_class(td_state *st, const td_op_class *cls);

/* Specs of the abstract bases, defined in their own files. */
extern PyType_Spec td_OP_spec, td_COMP_spec, td_ObjectCOMP_spec, td_TOP_spec, td_SOP_spec, td_MAT_spec;
extern PyType_Spec td_ParGroup_spec, td_Page_spec, td_Connector_spec, td_AbsTime_spec, td_Project_spec;

/* Module functions defined beside the state they use (abstime.c). */
PyObject *td_mod_advance(PyObject *module, PyObject *args, PyObject *kwds);
/* Time and project set-up in the exec slot (abstime.c, project.c). */
int td_time_setup(PyObject *module, td_state *st);
int td_project_setup(PyObject *module, td_state *st);
/* Expression globals and ParMode (expr.c). */
int td_expr_setup(PyObject *module, td_state *st);
/* This thread's innermost expression evaluation, or NULL (never raises). */
td_eval_frame *td_eval_current(td_state *st);

#endif
