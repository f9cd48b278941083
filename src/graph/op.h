/* TdOp: the C object behind every operator (OP and all its subclasses), and td_op_class, the
 * static description of one operator type (its TouchDesigner names, parameters and hooks).
 *
 * The Python object *is* the node: op('/geo1') returns the same object each time, and destroy()
 * marks it invalid for every holder of a reference. */
#ifndef TD_GRAPH_OP_H
#define TD_GRAPH_OP_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#include "gpu/mesh.h"
#include "gpu/scene.h"
#include "graph/pardef.h"
#include "util/err.h"

typedef struct TdOp TdOp;

/* The abstract Python classes operator types derive from. */
typedef enum {
    TD_BASE_OP = 0,
    TD_BASE_COMP,
    TD_BASE_OBJECT, /* ObjectCOMP: transformable COMPs */
    TD_BASE_TOP,
    TD_BASE_SOP,
    TD_BASE_MAT,
    TD_NBASES
} td_base_id;

typedef struct td_op_class {
    const char *optype;    /* Python class name and COMP.create() string: "renderTOP" */
    const char *family;    /* "TOP", "COMP", "SOP", "MAT" */
    const char *label;     /* "Render" */
    const char *base_name; /* default name stem: "render" -> render1, render2 ... */
    const char *subtype;   /* "object" for object COMPs, "" otherwise */
    td_base_id base;
    PyType_Spec *spec;
    const td_par_def *pars;
    size_t npars;
    /* Hooks, NULL where they do not apply. */
    void (*release)(TdOp *op); /* drop type-specific C data (GL resources); idempotent */
    td_mesh *(*build_mesh)(TdOp *sop, td_err *err);                 /* SOPs */
    void (*fill_material)(TdOp *mat, td_scene_material *out);        /* MATs */
    td_scene *(*build_scene)(TdOp *top);                             /* rendering TOPs; sets a Python error */
} td_op_class;

typedef struct td_par_value {
    double num;    /* float, int, toggle, menu index */
    PyObject *str; /* str (string and OP pars), NULL otherwise */
} td_par_value;

struct TdOp {
    PyObject_HEAD
    const td_op_class *cls;
    PyObject *name;      /* str */
    TdOp *parent;        /* strong reference; NULL for the root and destroyed OPs */
    PyObject *children;  /* list of TdOp (COMPs), NULL otherwise */
    td_par_value *pars;  /* cls->npars values */
    uint64_t id;
    uint64_t version;    /* network serial at this OP's last change */
    int valid;
    void *ext;           /* type-specific C data, owned through cls->release */
    PyObject *weakrefs;
};

/* Raises td_render.tdError and returns -1 if op was destroyed. */
int td_op_check(TdOp *op);
/* Records a change to op (parameters, children, name): bumps op->version and the network serial. */
void td_op_touch(TdOp *op);
/* A new OP of class cls named name (a valid, free name) inside parent; new reference. */
TdOp *td_op_new(PyTypeObject *type, const td_op_class *cls, TdOp *parent, PyObject *name);
/* Destroys op and everything inside it (idempotent). */
void td_op_destroy(TdOp *op);
/* Full path, "/" for the root; new reference. */
PyObject *td_op_path(TdOp *op);
/* Is op of (a subclass of) the given base? */
int td_op_is(TdOp *op, td_base_id base);

/* Parameter access by name for C code; the name must exist in op's class (asserted). */
Py_ssize_t td_par_index(const td_op_class *cls, const char *name);
double td_par_num(TdOp *op, const char *name);
const char *td_par_str(TdOp *op, const char *name); /* UTF-8, "" if unset */

/* Set a parameter from a Python value with TouchDesigner's conversions and checks: TypeError for
 * the wrong type, ValueError for values out of range or not in the menu. */
int td_par_assign(TdOp *op, Py_ssize_t index, PyObject *value);
/* The parameter's value as Python sees it (float, int, bool, menu token, str); new reference. */
PyObject *td_par_value_object(TdOp *op, Py_ssize_t index);

#endif
