/* Par and ParCollection: Python views onto an operator's parameter values. */
#ifndef TD_GRAPH_PAR_H
#define TD_GRAPH_PAR_H

#include "graph/op.h"

typedef struct td_state td_state;

PyObject *td_par_new(td_state *st, TdOp *owner, Py_ssize_t index);
PyObject *td_parcollection_new(td_state *st, TdOp *owner);

extern PyType_Spec td_Par_spec, td_ParCollection_spec;

#endif
