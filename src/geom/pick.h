/* Ray picking against meshes: what lies under a point of a render, found on the CPU from the same
 * meshes, transforms and instances the render drew (so a pick costs no GPU readback and answers
 * exactly, at any resolution). Plain C: no Python, no GL. */
#ifndef TD_GEOM_PICK_H
#define TD_GEOM_PICK_H

#include <stdint.h>

#include "geom/instances.h"
#include "geom/mesh.h"

/* The nearest hit so far of one ray. */
typedef struct td_pick_hit {
    double t;          /* along the world ray: origin + t * dir; starts at the far limit */
    uint32_t tri;      /* the triangle: indices[3 * tri .. 3 * tri + 2] */
    double b1, b2;     /* barycentric weights of its second and third corners */
    uint32_t instance; /* the instance it belongs to (0 without instancing) */
    int found;         /* 1 once any triangle was hit */
} td_pick_hit;

/* Faces a pick ignores, as a render culls them (td_cull's order: neither, back, front, both). */
enum { TD_PICK_CULL_NEITHER = 0, TD_PICK_CULL_BACK, TD_PICK_CULL_FRONT, TD_PICK_CULL_BOTH };

/* Casts the world ray origin + t * dir (t > 0) against the triangles of m drawn under model
 * (column-major object-to-world) and, if instances is not NULL, each of its instances (model *
 * instance transform); updates hit where a triangle lies nearer than hit->t. Faces facing away
 * from the ray (counter-clockwise is front, as GL draws) are skipped per cull. The first pick of a
 * mesh builds its hierarchy (geom/bvh.h; m keeps it). Returns 1 if hit changed, 0 if not, -1 if a
 * transform is singular (that copy is skipped). */
int td_pick_mesh(td_mesh *m, const float model[16], const td_instances *instances, const double origin[3],
                 const double dir[3], int cull, td_pick_hit *hit);

/* The attribute called name at hit (interpolated from the triangle's corners), its components into
 * out (up to 4; the rest left as they are); the count written, 0 if m has no such attribute. */
int td_pick_attr(const td_mesh *m, const td_pick_hit *hit, const char *name, float out[4]);

/* The column-major matrix of copy `instance` of a draw: model * instances' transform (model alone
 * without instances). */
void td_pick_copy_matrix(const float model[16], const td_instances *instances, uint32_t instance, double out[16]);

#endif
