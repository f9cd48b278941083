/* TdOp: the C object behind every operator (OP and all its subclasses), and td_op_class, the
 * static description of one operator type (its TouchDesigner names, parameters and hooks).
 *
 * The Python object *is* the node: op('/geo1') returns the same object each time, and destroy()
 * marks it invalid for every holder of a reference.
 *
 * This header is the graph layer's C API for the rest of the module: parameters (td_op_values
 * evaluates an OP's parameters into C-owned values read by index), flags (td_op_flag), cooking
 * (td_op_cook_begin/end, td_op_cook_failed, statistics)
 * and the pending cook error of expressions (td_cook_error_take, declared in graph/expr.h). */
#ifndef TD_GRAPH_OP_H
#define TD_GRAPH_OP_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

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
    TD_BASE_DAT,
    TD_BASE_CHOP,
    TD_NBASES
} td_base_id;

/* Type-specific persistent state (a DAT's contents) carried by __getstate__/__setstate__, pickling
 * and copies, beside the parameters. */
typedef struct td_op_state_hooks {
    /* Adds the type's keys to state (the dict __getstate__ is building); 0, or -1 with an error. */
    int (*get)(TdOp *op, PyObject *state);
    /* Reads and checks the type's keys of state into C-owned data (*out; NULL if state has none).
     * Python may run here; op is not changed. 0, or -1 with an error. */
    int (*parse)(TdOp *op, PyObject *state, void **out);
    /* Applies parsed data to op and frees it: runs no Python and cannot fail. */
    void (*apply)(TdOp *op, void *parsed);
    /* Frees parsed data that is not applied. */
    void (*discard)(void *parsed);
} td_op_state_hooks;

typedef struct td_op_class {
    const char *optype;    /* Python class name and COMP.create() string: "renderTOP" */
    const char *family;    /* "TOP", "COMP", "SOP", "MAT", "DAT", "CHOP" */
    const char *label;     /* "Render" */
    const char *base_name; /* default name stem: "render" -> render1, render2 ... */
    const char *subtype;   /* "object" for object COMPs, "panel" for panel COMPs, "" otherwise */
    td_base_id base;
    PyType_Spec *spec;
    const td_par_def *pars;
    size_t npars;
    const char *icon;      /* icon letters; NULL: the first three letters of the label */
    int min_inputs;        /* wired inputs (left connectors): at least / at most */
    int max_inputs;
    /* The family's protocol, defined and read by src/ops (ops/sop.h td_sop_class, ...); opaque here. */
    const void *proto;
    /* Hooks, NULL where they do not apply. */
    void (*release)(TdOp *op); /* drop type-specific C data (GL resources); idempotent */
    /* OP.cook(force): cook now if needed (always if force); 0, or -1 with a Python error. NULL: the
     * generic cook, which evaluates every parameter (graph/op_cook.c). */
    int (*cook)(TdOp *op, int force);
    /* Type-specific persistent state, NULL if none. */
    const td_op_state_hooks *state;
    /* Flags (1u << td_flag) that at most one operator of a network holds among the siblings whose
     * class has them too (a SOP network's Display and Render flags): turning one on for an OP turns
     * it off on those siblings. 0: none. See graph/op_flags.c for what a new OP gets. */
    unsigned exclusive_flags;
} td_op_class;

/* A parameter's value: numbers (float, int, toggle, menu index) in num, strings in str. */
typedef struct td_par_value {
    double num;
    PyObject *str; /* str (string and OP pars), NULL otherwise */
} td_par_value;

/* TouchDesigner's ParMode, in its order. */
typedef enum { TD_MODE_CONSTANT = 0, TD_MODE_EXPRESSION, TD_MODE_EXPORT, TD_MODE_BIND } td_par_mode;

/* One parameter of one operator. */
typedef struct td_par_slot {
    td_par_value val;    /* the constant (Par.val) */
    PyObject *expr;      /* expression source (str); NULL if none was ever set */
    PyObject *code;      /* compiled expr, NULL until first evaluated */
    PyObject *evaluated; /* str result of the last evaluation */
    PyObject *error;     /* message of the last failed evaluation; NULL after a good one */
    PyObject *reads;     /* set of ids of the OPs the last evaluation read, or NULL */
    unsigned char mode;  /* td_par_mode */
    unsigned char readonly;
} td_par_slot;

/* The Common Flags, stored on every OP. td_op_flag() reads them. */
typedef enum {
    TD_FLAG_BYPASS = 0,
    TD_FLAG_LOCK,
    TD_FLAG_DISPLAY,
    TD_FLAG_RENDER,
    TD_FLAG_VIEWER,
    TD_FLAG_ALLOW_COOKING,
    TD_FLAG_ACTIVE_VIEWER,
    TD_FLAG_CLONE_IMMUNE,
    TD_FLAG_CURRENT,
    TD_FLAG_EXPOSE,
    TD_FLAG_SELECTED,
    TD_FLAG_PYTHON,
    TD_FLAG_SHOW_CUSTOM_ONLY,
    TD_FLAG_SHOW_DOCKED,
    TD_NFLAGS
} td_flag;

/* Set on a new OP: display, render, allowCooking, expose, python, showDocked. */
#define TD_FLAGS_DEFAULT                                                                                   \
    ((1u << TD_FLAG_DISPLAY) | (1u << TD_FLAG_RENDER) | (1u << TD_FLAG_ALLOW_COOKING) | (1u << TD_FLAG_EXPOSE) | \
     (1u << TD_FLAG_PYTHON) | (1u << TD_FLAG_SHOW_DOCKED))

/* Cook statistics of one OP (the Cook Information members). Frames are absolute frames. */
typedef struct td_cook_stats {
    uint64_t total;        /* totalCooks */
    double abs_frame;      /* cookAbsFrame of the last cook, -1 before the first */
    double prev_abs_frame; /* the distinct frame of the cook before that, -1 if none */
    double cpu_ms, gpu_ms; /* cpuCookTime, gpuCookTime of the last cook */
    double start_ms;       /* cookStartTime / cookEndTime: offsets from the frame's start */
    double end_ms;
    double begin_clock;    /* monotonic ms at td_op_cook_begin */
    size_t cpu_bytes;      /* type-specific CPU memory (a SOP's mesh), see td_op_record_memory */
    size_t gpu_bytes;      /* gpuMemory */
} td_cook_stats;

/* Default tile size in network editor units (resetNodeSize() restores it). */
#define TD_NODE_WIDTH 130
#define TD_NODE_HEIGHT 90

struct TdOp {
    PyObject_HEAD
    const td_op_class *cls;
    PyObject *name;      /* str */
    TdOp *parent;        /* strong reference; NULL for the root and destroyed OPs */
    PyObject *children;  /* list of TdOp (COMPs), NULL otherwise */
    PyObject *child_names; /* COMPs: dict name -> child, kept in step with children (graph/path.c) */
    PyObject *name_hints;  /* COMPs: dict stem -> lowest number stem+n that may be free, or NULL */
    td_par_slot *pars;   /* cls->npars slots */
    uint64_t id;
    uint64_t version;    /* network serial at this OP's last change */
    int valid;
    void *ext;           /* type-specific C data, owned through cls->release */
    PyObject *weakrefs;
    /* Stored state (flags, appearance, storage, connections), persisted by __getstate__. */
    unsigned flags;      /* 1 << td_flag */
    PyObject *inputs;    /* list of TdOp (siblings), NULL until first connected */
    PyObject *dock;      /* the TdOp this one is docked to, or NULL */
    PyObject *storage;   /* dict, NULL until first stored */
    PyObject *startup;   /* dict of storage startup values, NULL until first stored */
    PyObject *tags;      /* set of str, NULL until first read or set */
    PyObject *vars;      /* dict of component variables (COMP.setVar), NULL until set */
    PyObject *comment;   /* str, NULL for '' */
    long node_x, node_y, node_w, node_h;
    double color[3];
    int current_page;
    /* Errors: lists of str, NULL when empty. errors/warnings are those added during the last cook. */
    PyObject *errors, *warnings, *script_errors;
    int cooking;         /* > 0 between td_op_cook_begin and td_op_cook_end */
    uint64_t cooked_serial; /* network serial at the last generic cook */
    td_cook_stats stats;
    PyObject *expr_globals; /* cached globals of this OP's expressions (expr.c) */
};

/* Raises td_render.tdError and returns -1 if op was destroyed. */
int td_op_check(TdOp *op);
/* Records a change to op (parameters, children, name, flags, storage...): bumps op->version and the
 * network serial, so every TOP rebuilds its scene snapshot (re-evaluating expressions) at its next
 * read. */
void td_op_touch(TdOp *op);
/* A new OP of class cls named name (a valid, free name) inside parent; new reference. The caller
 * appends it to parent->children. */
TdOp *td_op_new(PyTypeObject *type, const td_op_class *cls, TdOp *parent, PyObject *name);
/* Destroys op and everything inside it (idempotent). */
void td_op_destroy(TdOp *op);
/* Full path, "/" for the root; new reference. */
PyObject *td_op_path(TdOp *op);
/* The OP with the given id at or below top, or NULL (borrowed). */
TdOp *td_op_find_id(TdOp *top, uint64_t id);
/* Is op of (a subclass of) the given base? */
int td_op_is(TdOp *op, td_base_id base);

/* ---- flags (op_flags.c) ---- */

/* 1 if the flag is set on op, else 0 (renders read TD_FLAG_RENDER, TD_FLAG_BYPASS, TD_FLAG_LOCK,
 * TD_FLAG_ALLOW_COOKING). */
int td_op_flag(TdOp *op, td_flag flag);

/* ---- cooking and statistics (op_cook.c) ---- */

/* Opens a cook of op: addError()/addWarning() become valid, the errors and warnings of op's previous
 * cook are cleared, and the host clock starts. Pair with td_op_cook_end. */
void td_op_cook_begin(TdOp *op);
/* Closes the cook opened by td_op_cook_begin. If counted, it counts as a cook: totalCooks + 1,
 * cookAbsFrame/cookFrame = now, cpuCookTime = host ms since the begin, cookStartTime/cookEndTime.
 * counted = 0 closes without counting (the cook found nothing to do). */
void td_op_cook_end(TdOp *op, int counted);
/* A cook of op failed with the pending Python exception: its message becomes one of op's errors
 * (op.errors(), as TouchDesigner shows a failed cook on the node) until op's next cook begins.
 * The exception stays set. */
void td_op_cook_failed(TdOp *op);
/* Adds a warning to op's current or last cook (op.warnings()); -1 with a Python error. */
int td_op_warn(TdOp *op, const char *message);
/* Counts one cook measured elsewhere (cpu_ms, gpu_ms; negative keeps the previous value) and sets
 * gpuMemory to gpu_bytes. */
void td_op_record_cook(TdOp *op, double cpu_ms, double gpu_ms, size_t gpu_bytes);
/* Sets the GPU time of op's last cook once it is known (lazy timer queries) and its GPU memory. */
void td_op_record_gpu(TdOp *op, double gpu_ms, size_t gpu_bytes);
/* Sets the type-specific CPU memory op holds (e.g. a SOP's mesh), counted in cpuMemory. */
void td_op_record_memory(TdOp *op, size_t cpu_bytes);
/* Monotonic clock in ms. */
double td_now_ms(void);

/* ---- parameters (parvalue.c, expr.c) ---- */

/* Index of the parameter named name in cls, -1 if none. */
Py_ssize_t td_par_index(const td_op_class *cls, const char *name);
/* Every parameter of one OP evaluated once, in table order: what a builder reads by index
 * (vals->v[PAR_rows].num) after all Python has run, so a build never walks an OP while an
 * expression may change it. Strings are new references owned by the block. */
typedef struct td_values {
    size_t n;
    td_par_value v[];
} td_values;

/* Evaluates every parameter of op. Expressions that fail never raise here: each failure is recorded
 * on op (op.errors()) and as the module's pending cook error (td_cook_error_take), and the
 * constant is used. NULL with a Python error if memory
 * runs out, op was destroyed (before or while its expressions ran), or an evaluation raised a
 * BaseException that is not an Exception (KeyboardInterrupt, SystemExit: kept pending as is). */
td_values *td_op_values(TdOp *op);
void td_values_free(td_values *vals);
/* Are two evaluations of the same operator's parameters the same values? (numbers bit for bit,
 * strs by content; no Python code runs) */
int td_values_equal(const td_values *a, const td_values *b);
/* The string value of parameter index as UTF-8 ("" for none). Valid while vals lives. */
const char *td_values_str(const td_values *vals, Py_ssize_t index);

/* Converts a Python value to parameter index's value with TouchDesigner's conversions and checks:
 * TypeError for the wrong type, ValueError for values out of range or not in the menu; clamped
 * parameters clamp. out->str is a new reference (or NULL). */
int td_par_convert(TdOp *op, Py_ssize_t index, PyObject *value, td_par_value *out);
/* Sets the constant of parameter index (and switches it to constant mode), as op.par.x = value. */
int td_par_assign(TdOp *op, Py_ssize_t index, PyObject *value);
/* The constant as Python sees it (float, int, bool, menu token, str); new reference. */
PyObject *td_par_constant_object(TdOp *op, Py_ssize_t index);
/* The current value (the expression's result in expression mode) as Python sees it; raises
 * td_render.tdError if the expression fails. New reference. */
PyObject *td_par_value_object(TdOp *op, Py_ssize_t index);
/* A td_par_value as Python sees it for parameter index; new reference. */
PyObject *td_par_value_to_object(TdOp *op, Py_ssize_t index, const td_par_value *v);
/* Evaluates parameter index into *out (out->str borrowed from the slot). 0 on success; -1 with
 * *message set to a new str describing the expression's failure (no Python error set), or -1 with
 * *message NULL and the exception set when the expression raised a BaseException that is not an
 * Exception (KeyboardInterrupt, SystemExit), which the caller must propagate. On -1 *out is the
 * constant. Within an evaluation epoch (graph/expr.h) a value already computed is reused. */
int td_par_eval(TdOp *op, Py_ssize_t index, td_par_value *out, PyObject **message);
/* Sets the expression of parameter index and switches it to expression mode. */
int td_par_set_expr(TdOp *op, Py_ssize_t index, PyObject *expr);
/* Switches the mode; an empty expression becomes the constant's repr. */
int td_par_set_mode(TdOp *op, Py_ssize_t index, td_par_mode mode);
/* Clears a slot's expression state (after a mode or expression change). */
void td_par_slot_forget(td_par_slot *slot);
/* Is parameter index of op being evaluated on this thread (its expression is running)? */
int td_par_evaluating(TdOp *op, Py_ssize_t index);

/* Evaluates src in op's expression context (me, op, opex, ops, parent, absTime, root, project, math).
 * New reference, or NULL with the Python exception. */
PyObject *td_op_eval_source(TdOp *op, PyObject *src);
/* The globals dict of op's expressions (borrowed, cached on op). */
PyObject *td_op_expr_globals(TdOp *op);

#endif
