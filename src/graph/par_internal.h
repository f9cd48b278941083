/* Par's implementation is split in two: par.c (life cycle, acting as its value, the tables) and
 * par_members.c (members and methods). Not for use outside src/graph. */
#ifndef TD_GRAPH_PAR_INTERNAL_H
#define TD_GRAPH_PAR_INTERNAL_H

#include "graph/op.h"

typedef struct {
    PyObject_HEAD
    TdOp *owner;
    Py_ssize_t index;
} TdPar;

static inline const td_par_def *
par_def(TdPar *p)
{
    return &p->owner->cls->pars[p->index];
}

/* The owner if it still exists, else NULL with tdError set. */
TdOp *td_par_live(TdPar *p);
/* The current value (the expression's result in expression mode); new reference. */
PyObject *td_par_current(TdPar *p);

/* par_members.c */
PyObject *par_get_val(TdPar *p, void *c);
int par_set_val(TdPar *p, PyObject *v, void *c);
PyObject *par_get_expr(TdPar *p, void *c);
int par_set_expr(TdPar *p, PyObject *v, void *c);
PyObject *par_get_mode(TdPar *p, void *c);
int par_set_mode(TdPar *p, PyObject *v, void *c);
PyObject *par_get_string(TdPar *p, void *c);
PyObject *par_get_owner(TdPar *p, void *c);
PyObject *par_get_page(TdPar *p, void *c);
PyObject *par_get_default(TdPar *p, void *c);
int par_set_default(TdPar *p, PyObject *v, void *c);
PyObject *par_get_isdefault(TdPar *p, void *c);
PyObject *par_get_kind_flag(TdPar *p, void *c);
PyObject *par_get_menunames(TdPar *p, void *c);
PyObject *par_get_menulabels(TdPar *p, void *c);
PyObject *par_get_menuindex(TdPar *p, void *c);
int par_set_menuindex(TdPar *p, PyObject *v, void *c);
PyObject *par_get_range(TdPar *p, void *c);
int par_set_range(TdPar *p, PyObject *v, void *c);
PyObject *par_get_readonly(TdPar *p, void *c);
int par_set_readonly(TdPar *p, PyObject *v, void *c);
int par_set_enable(TdPar *p, PyObject *v, void *c);
PyObject *par_get_valid(TdPar *p, void *c);
PyObject *par_get_index(TdPar *p, void *c);
PyObject *par_get_pargroup(TdPar *p, void *c);
PyObject *par_get_false(TdPar *p, void *c);
PyObject *par_eval(TdPar *p, PyObject *unused);
PyObject *par_eval_norm(TdPar *p, PyObject *unused);
PyObject *par_eval_expression(TdPar *p, PyObject *unused);
PyObject *par_reset(TdPar *p, PyObject *unused);
PyObject *par_evalops(TdPar *p, PyObject *unused);
PyObject *par_issamepar(TdPar *p, PyObject *other);
PyObject *par_pulse(TdPar *p, PyObject *args, PyObject *kwds);

#endif
