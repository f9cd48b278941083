/* The "Parameters" part of an operator type's docstring, written from its parameter table, so a
 * parameter's documentation is its table row. */
#ifndef TD_GRAPH_PARDOC_H
#define TD_GRAPH_PARDOC_H

#include "graph/op.h"

/* summary + a list of cls's parameters by page with their defaults, ranges and menu tokens, as
 * a new str; NULL with a Python error. */
PyObject *td_par_doc(const td_op_class *cls, const char *summary);

/* A copy of spec whose Py_tp_doc is doc (the slots array is copied into *slots_out, to be freed
 * with PyMem_Free after the type is made: type creation copies the doc). -1 on no memory. */
int td_spec_with_doc(const PyType_Spec *spec, const char *doc, PyType_Spec *out, PyType_Slot **slots_out);

#endif
