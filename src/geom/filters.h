/* Mesh filters: meshes in, a new mesh out (one reference, bounds computed), or -1 with *out NULL
 * and err filled (TD_ERR_VALUE for meshes that cannot be combined, TD_ERR_MEMORY). The inputs are
 * only read. Plain C: no Python, no GL. */
#ifndef TD_GEOM_FILTERS_H
#define TD_GEOM_FILTERS_H

#include "geom/mesh.h"

/* The value a vertex has for an attribute its mesh lacks: what the renderer draws such a mesh
 * with, so merging a mesh with others does not change how it looks: P (0, 0, 0), N (0, 0, 1),
 * uv (0, 0, 0), Cd (1, 1, 1, 1) (white), any other name zeros; out gets 4 floats. */
void td_geom_attr_default(const char *name, float out[4]);

/* The meshes in[0 .. n) one after another (TouchDesigner's Merge SOP): vertices in order, each
 * input's primitives, triangles and segments offset by the vertices before it. Every attribute any
 * input has is in the result, as many floats a vertex as its largest size; an input without it (or
 * with fewer components) gets td_geom_attr_default's values. An input made without primitives
 * (td_mesh_new) contributes each triangle as a closed polygon and each segment as a polyline, so
 * the primitives describe everything drawn. n = 0 gives an empty mesh, n = 1 a copy. TD_ERR_VALUE
 * when the attributes together are more than TD_MESH_MAX_ATTRS or the counts pass 2^32 - 1. */
int td_geom_merge(td_mesh *const *in, int n, td_mesh **out, td_err *err);

/* A copy of in with P transformed by the column-major 4x4 matrix m (as a point, divided by w) and
 * N by the inverse transpose of its upper 3x3; keep_length: each normal keeps its length (unit
 * normals stay unit), else it is left as the inverse transpose makes it. A singular m (a zero scale)
 * leaves normals as they are. Other attributes are copied unchanged. */
int td_geom_transform(const td_mesh *in, const double m[16], int keep_length, td_mesh **out, td_err *err);

#endif
