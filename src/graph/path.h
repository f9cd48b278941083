/* Names, paths and patterns in the network. */
#ifndef TD_GRAPH_PATH_H
#define TD_GRAPH_PATH_H

#include "graph/op.h"

/* 0 if name is a valid operator name (non-empty; letters, digits, _), else ValueError and -1. */
int td_name_validate(PyObject *name);
/* The child of comp named name, or NULL (borrowed, no error). */
TdOp *td_path_child(TdOp *comp, PyObject *name);
/* The operator at path relative to the network base ('/...' from the root, '..' up, '.' here);
 * NULL without an error when nothing is there (borrowed reference). */
TdOp *td_path_resolve(TdOp *base, const char *path);
/* Appends to out (a list) the operators matching patterns relative to base, in network order and
 * without duplicates: space-separated glob patterns (* ? [..]), optionally with a folder part
 * ('geo1/sphere*'), and '^pattern' to exclude what earlier patterns matched. If family is not NULL
 * only operators of that family are taken. */
int td_pattern_collect(TdOp *base, const char *patterns, const char *family, PyObject *out);
/* 1 if s matches any of the space-separated glob patterns, else 0 (tokens of 512 bytes or more
 * never match). */
int td_glob_any(const char *patterns, const char *s);

#endif
