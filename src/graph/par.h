/* Views onto an operator: Par and ParCollection (par.c, parcollection.c), ParGroup (pargroup.c),
 * Page (page.c), Connector (connector.c). Each holds a strong reference to its OP and raises
 * td_render.tdError once that OP is destroyed. */
#ifndef TD_GRAPH_PAR_H
#define TD_GRAPH_PAR_H

#include "graph/op.h"

typedef struct td_state td_state;

PyObject *td_par_new(td_state *st, TdOp *owner, Py_ssize_t index);
/* op.par (groups = 0) or op.parGroup (groups = 1). */
PyObject *td_parcollection_new(td_state *st, TdOp *owner, int groups);

/* Parameter groups: consecutive parameters of one page sharing a label whose names are a common
 * stem plus one suffix character (tx ty tz -> t, resolutionw resolutionh -> resolution). A
 * parameter outside any such run is a group of one named like it. */
PyObject *td_pargroup_new(td_state *st, TdOp *owner, Py_ssize_t start, Py_ssize_t count);
/* The group parameter index belongs to: first index and size. */
void td_pargroup_span(const td_op_class *cls, Py_ssize_t index, Py_ssize_t *start, Py_ssize_t *count);
/* The group's name (new str). */
PyObject *td_pargroup_name(const td_op_class *cls, Py_ssize_t start, Py_ssize_t count);
/* The ParGroup named name, or NULL without an error if none (-> *err 0), NULL with an error (*err 1). */
PyObject *td_pargroup_find(td_state *st, TdOp *owner, PyObject *name, int *err);
/* ParGroups whose names match any of the patterns (tuple of str); a new list. */
PyObject *td_pargroups_matching(td_state *st, TdOp *owner, PyObject *patterns);

/* The parameter page named name (its index among the OP's pages). */
PyObject *td_page_new(td_state *st, TdOp *owner, PyObject *name, Py_ssize_t index);

/* Input (is_input 1) or output connector index of owner. */
PyObject *td_connector_new(td_state *st, TdOp *owner, int is_input, Py_ssize_t index);

extern PyType_Spec td_Par_spec, td_ParCollection_spec;

#endif
