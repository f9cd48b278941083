/* Expression evaluation (expr.c): this thread's stack of evaluations, the module's pending cook
 * error, and the set-up of the expression globals. */
#ifndef TD_GRAPH_EXPR_H
#define TD_GRAPH_EXPR_H

#include "bind/state.h"
#include "graph/op.h"

/* The parameter whose expression is being evaluated: a stack through prev, one per thread (the
 * frames live on the evaluating thread's C stack; the innermost is found through the thread
 * state's dict). */
typedef struct td_eval_frame {
    TdOp *owner;
    Py_ssize_t index;
    PyObject *reads; /* set of OP ids read by this evaluation */
    int depth;       /* 1 for the outermost */
    struct td_eval_frame *prev;
} td_eval_frame;

/* Deepest chain of expressions reading expressions (A reads B reads C ...). */
#define TD_EVAL_MAX_DEPTH 64

/* This thread's innermost expression evaluation, or NULL (never raises). */
td_eval_frame *td_eval_current(td_state *st);

/* The pending cook error of expressions evaluated from C (td_op_values). If one is
 * pending, raises td_render.tdError naming the OP, the parameter and the exception, clears it and
 * returns -1; else returns 0. Call after building a scene (and td_cook_error_clear before). */
int td_cook_error_take(td_state *st);
void td_cook_error_clear(td_state *st);

/* Expression globals and ParMode, in the module's exec slot. */
int td_expr_setup(PyObject *module, td_state *st);

#endif
