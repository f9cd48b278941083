/* td_bvh: a bounding volume hierarchy over a mesh's triangles, so a ray meets only the triangles
 * whose boxes it passes through (a pick into a million triangles tests a few dozen). Built once per
 * mesh, on its second pick, and kept with the mesh (which never changes). Plain C: no Python, no GL. */
#ifndef TD_GEOM_BVH_H
#define TD_GEOM_BVH_H

#include <stdint.h>

#include "geom/mesh.h"
#include "util/err.h"

typedef struct td_bvh_node {
    float lo[3], hi[3];
    uint32_t first; /* a leaf: its first entry of tris; an inner node: its left child (right = first + 1) */
    uint32_t count; /* triangles of a leaf, 0 for an inner node */
} td_bvh_node;

typedef struct td_bvh {
    uint32_t nnodes;
    td_bvh_node *nodes; /* nodes[0] is the root */
    uint32_t *tris;     /* triangle numbers, grouped by leaf */
} td_bvh;

/* The hierarchy of m's triangles; NULL (err filled) if out of memory. m must have "P". */
td_bvh *td_bvh_build(const td_mesh *m, td_err *err);
void td_bvh_free(td_bvh *b);

/* m's hierarchy, built on the second call (building costs some ten linear picks, so a mesh picked
 * once is not worth it) and kept in m (safe from any thread: a racing builder's copy is dropped);
 * NULL the first time or if it cannot be built (no memory): the caller tests every triangle. */
const td_bvh *td_bvh_of(td_mesh *m);

/* Calls visit(ctx, tri) for every triangle whose leaf box the ray o + t d meets for t in (0, *tmax)
 * (visit may lower *tmax, pruning what lies beyond). */
void td_bvh_walk(const td_bvh *b, const double o[3], const double d[3], double *tmax,
                 void (*visit)(void *ctx, uint32_t tri), void *ctx);

#endif
