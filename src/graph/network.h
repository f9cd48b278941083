/* What the module's exec slot and method table take from the graph: the specs of the graph's
 * types, the set-up of time and project, and the module-level functions defined beside the state
 * they use. */
#ifndef TD_GRAPH_NETWORK_H
#define TD_GRAPH_NETWORK_H

#include "bind/state.h"

extern PyType_Spec td_OP_spec, td_COMP_spec;
extern PyType_Spec td_ParGroup_spec, td_Page_spec, td_Connector_spec, td_AbsTime_spec, td_Project_spec;

/* Time and project set-up in the exec slot (abstime.c, project.c). */
int td_time_setup(PyObject *module, td_state *st);
int td_project_setup(PyObject *module, td_state *st);

/* td.advance() (abstime.c) and _op_from_state() (op_state.c). */
PyObject *td_mod_advance(PyObject *module, PyObject *args, PyObject *kwds);
PyObject *td_mod_op_from_state(PyObject *module, PyObject *args);

#endif
