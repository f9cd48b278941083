/* The module state of td_render._td: the exception, the type objects, the network's own state
 * (kept by src/graph) and the class table (src/ops/registry.h, handed in by module.c). Reached
 * through td_state_of() from any object or type of the module; nothing here is a C global.
 *
 * A leaf: this header includes nothing of ours, so any file may include it. */
#ifndef TD_BIND_STATE_H
#define TD_BIND_STATE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* Room for the abstract bases (graph/op.h td_base_id) and the operator classes (ops/registry.h);
 * module.c checks both at compile time. */
#define TD_MAX_BASES 8
#define TD_MAX_CLASSES 64

struct td_op_class;
struct td_saver;

typedef struct td_state {
    PyObject *tdError;
    /* Type objects. */
    PyTypeObject *base_types[TD_MAX_BASES]; /* OP, COMP, ObjectCOMP, TOP, SOP, MAT, DAT, CHOP */
    PyTypeObject *op_types[TD_MAX_CLASSES]; /* one per entry of classes */
    PyTypeObject *Par_type;
    PyTypeObject *ParCollection_type;
    PyTypeObject *SaveStatus_type;
    PyTypeObject *ParGroup_type;
    PyTypeObject *Page_type;
    PyTypeObject *Connector_type;
    PyTypeObject *AbsTime_type;
    PyTypeObject *Project_type;
    PyTypeObject *Matrix_type;   /* tdu.Matrix, Position, Vector (graph/matrix.h) */
    PyTypeObject *Position_type;
    PyTypeObject *Vector_type;
    PyTypeObject *Cell_type;     /* a DAT's cell (ops/cell.c) */
    PyTypeObject *Point_type;    /* a SOP's points and prims (ops/sop_geo.h) */
    PyTypeObject *Prim_type;
    PyTypeObject *Vertex_type;
    PyTypeObject *Points_type;
    PyTypeObject *Prims_type;
    PyTypeObject *Channel_type;  /* a CHOP's channel (ops/channel.c) */
    PyTypeObject *Bounds_type;   /* geometryCOMP.computeBounds(): (min, max, center, size) */
    PyTypeObject *BoundsXYZ_type; /* each of those: (x, y, z) */
    PyTypeObject *PickResult_type; /* renderTOP.pick() */
    PyObject *FileSaveStatus; /* td_render.FileSaveStatus (a Python str subclass), registered at import */
    /* The operator classes, in registration order (ops/registry.h). */
    const struct td_op_class *const *classes;
    int nclasses;
    struct td_saver *saver; /* asynchronous saves; made on first use */
    int saver_fork_locked;  /* its queue is held across an os.fork() (module.c) */
    /* The network (src/graph). */
    PyObject *ParMode;    /* the enum class td_render.ParMode */
    PyObject *absTime;    /* the AbsTime object */
    PyObject *project;    /* the Project object */
    PyObject *root;       /* the baseCOMP at "/" */
    PyObject *families;   /* dict: family -> list of operator types */
    PyObject *expr_base;  /* globals every expression starts from: math, absTime, root, project, builtins */
    PyObject *cook_error; /* message of the first expression error since the last take, or NULL */
    PyObject *pulses;     /* list of (owner, index, value, due frame) restores of Par.pulse() */
    PyObject *eval_key;   /* key of this thread's innermost evaluation frame in the thread state dict */
    uint64_t serial;      /* bumped by every change anywhere in the network */
    uint64_t next_id;
    /* Time (graph/abstime.c): absolute frames since import, advanced only by td.advance(). */
    double frame, seconds, step, step_seconds;
    double cook_rate;     /* project.cookRate, frames per second */
    double frame_start;   /* monotonic ms when the current frame began */
    int real_time;        /* project.realTime (stored; time moves only with advance()) */
    PyObject *project_name;
} td_state;

extern PyModuleDef td_module_def;

static inline td_state *
td_state_of_type(PyTypeObject *type)
{
    PyObject *m = PyType_GetModuleByDef(type, &td_module_def);
    if (m == NULL) {
        /* Only our own types reach here; a miss is a programming error. */
        Py_FatalError("td_render: object of a foreign type reached td_state_of_type");
    }
    return (td_state *)PyModule_GetState(m);
}

static inline td_state *
td_state_of(PyObject *obj)
{
    return td_state_of_type(Py_TYPE(obj));
}

#endif
