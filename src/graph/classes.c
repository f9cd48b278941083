/* Class table lookups. See classes.h. */
#include "graph/classes.h"

#include <string.h>

const td_op_class *
td_class_of_type(td_state *st, PyTypeObject *type)
{
    for (int i = 0; i < st->nclasses; i++) {
        if (st->op_types[i] == type) {
            return st->classes[i];
        }
    }
    return NULL;
}

PyTypeObject *
td_type_of_class(td_state *st, const td_op_class *cls)
{
    for (int i = 0; i < st->nclasses; i++) {
        if (st->classes[i] == cls) {
            return st->op_types[i];
        }
    }
    return NULL;
}

const td_op_class *
td_class_by_name(td_state *st, const char *optype)
{
    for (int i = 0; i < st->nclasses; i++) {
        if (strcmp(st->classes[i]->optype, optype) == 0) {
            return st->classes[i];
        }
    }
    return NULL;
}
