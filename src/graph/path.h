/* Names, paths and patterns in the network. */
#ifndef TD_GRAPH_PATH_H
#define TD_GRAPH_PATH_H

#include "graph/op.h"

/* 0 if name is a valid operator name (non-empty; letters, digits, _), else ValueError and -1. */
int td_name_validate(PyObject *name);
/* The child of comp named name, or NULL (borrowed, no error). O(1): comp->child_names. */
TdOp *td_path_child(TdOp *comp, PyObject *name);
/* The children list and its name index change together, through these. Appends child (whose parent
 * is comp) to comp's children; 0, or -1 with an error and nothing changed. */
int td_child_attach(TdOp *comp, TdOp *child);
/* Removes child from comp's children (never fails; nothing if it is not there). */
void td_child_detach(TdOp *comp, TdOp *child);
/* Renames child (in its parent's index too) to name, an exact str not taken; 0 or -1. */
int td_child_rename(TdOp *child, PyObject *name);
/* Removes every child from comp's list and index (they are moved elsewhere). */
void td_child_clear_all(TdOp *comp);
/* The name a new child of comp wanting wanted gets: wanted itself if free, else stem + the lowest
 * free number (stem: wanted without its trailing digits), O(1) amortised. New reference. */
PyObject *td_child_free_name(TdOp *comp, PyObject *wanted);
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
