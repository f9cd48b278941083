/* Lookups in the module's operator class table (handed to the state by module.c). */
#ifndef TD_GRAPH_CLASSES_H
#define TD_GRAPH_CLASSES_H

#include "bind/state.h"
#include "graph/op.h"

/* The class table entry for a concrete type object, or NULL. */
const td_op_class *td_class_of_type(td_state *st, PyTypeObject *type);
/* The class named optype ("renderTOP"), or NULL. */
const td_op_class *td_class_by_name(td_state *st, const char *optype);
/* The type object of a class table entry, or NULL. */
PyTypeObject *td_type_of_class(td_state *st, const td_op_class *cls);

#endif
