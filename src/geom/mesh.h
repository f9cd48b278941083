/* td_mesh: immutable triangle geometry made on the CPU: 32-bit indices and up to TD_MESH_MAX_ATTRS
 * named float attributes per vertex, one array each. The well-known names are TouchDesigner's SOP
 * attribute names: "P" (position, 3), "N" (normal, 3), "uv" (texture u, v, w, 3) and "Cd" (colour
 * r, g, b, a, 4).
 *
 * Reference counted (atomically): a SOP holds one reference, every scene snapshot that draws it
 * holds one. A mesh is filled by its builder before it is shared and never changes after. The GPU
 * copy is opaque here: the GL layer sets gpu and gpu_release when it uploads, and the last
 * td_mesh_decref calls gpu_release (which hands the deletion to the GL thread). Plain C: no Python,
 * no GL. */
#ifndef TD_GEOM_MESH_H
#define TD_GEOM_MESH_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define TD_MESH_MAX_ATTRS 16
#define TD_MESH_ATTR_NAME 16 /* bytes of a name, the terminating NUL included */

/* One per-vertex attribute: size floats a vertex, nverts * size floats in data. */
typedef struct td_mesh_attr {
    char name[TD_MESH_ATTR_NAME];
    int size; /* 1..4 */
    float *data;
} td_mesh_attr;

struct td_mesh_gpu; /* defined by the GL layer (gpu/mesh.c) */
struct td_bvh;      /* geom/bvh.h */

typedef struct td_mesh {
    atomic_int refs;
    uint32_t nverts, nindices;
    uint32_t *indices; /* nindices, each < nverts; three a triangle */
    /* Primitives (TouchDesigner's prims: sop.prims), polygons over the vertices, which are the
     * SOP's points (a vertex is a point here: where TouchDesigner shares a point between faces with
     * different normals or uvs, the mesh has one vertex per face). Primitive p has the vertices
     * prim_verts[prim_start[p] .. prim_start[p + 1]), in order; a closed polygon is a face (its
     * triangles are in indices), an open one a polyline (its segments are in lines). Meshes made
     * with td_mesh_new have none (nprims 0, the arrays NULL). */
    uint32_t nprims;
    uint32_t *prim_start;       /* nprims + 1 entries, prim_start[0] = 0 */
    uint32_t *prim_verts;       /* prim_start[nprims] entries, each < nverts */
    unsigned char *prim_closed; /* nprims: 1 closed polygon, 0 open polyline */
    uint32_t nlines;            /* entries of lines: two a segment of the open polylines */
    uint32_t *lines;
    float bounds_min[3], bounds_max[3]; /* of "P"; zero when the mesh has no P or no vertices */
    int nattrs;
    td_mesh_attr attrs[TD_MESH_MAX_ATTRS];
    /* The hierarchy picks walk (geom/bvh.h), built on the second pick (the first tests every
     * triangle: one pick is cheaper so than a build); freed by the last decref. */
    _Atomic(struct td_bvh *) pick_index;
    atomic_uint picks;
    /* GL side: set once on the GL thread by the upload; released by the last decref. */
    struct td_mesh_gpu *gpu;
    void (*gpu_release)(struct td_mesh_gpu *gpu);
} td_mesh;

/* A mesh with room for nindices indices, no attributes yet, one reference; NULL (err filled) if out
 * of memory. */
td_mesh *td_mesh_new(uint32_t nverts, uint32_t nindices, td_err *err);
/* A mesh of nprims polygons with nprimverts vertex references in all, no attributes, no triangles
 * yet: the builder fills prim_start[1 .. nprims], prim_verts and prim_closed (zeroed: open) and the
 * attributes, then calls td_mesh_finish. NULL (err filled) if out of memory. */
td_mesh *td_mesh_new_polys(uint32_t nverts, uint32_t nprims, uint32_t nprimverts, td_err *err);
/* Checks the primitives (offsets non-decreasing and within prim_verts, vertex indices < nverts, a
 * closed polygon at least 3 vertices, an open one at least 2), makes indices (each closed polygon
 * as n - 2 triangles: a fan from its first vertex when it is convex, ear clipping in its plane when
 * it is not; P must be filled first) and lines (each open polyline's segments), and computes the
 * bounds. 0, or -1 with err filled (TD_ERR_VALUE naming the bad
 * primitive, TD_ERR_MEMORY). */
int td_mesh_finish(td_mesh *m, td_err *err);
/* Adds an attribute of size (1..4) floats a vertex, zero-filled, and returns its data (nverts * size
 * floats) for the builder to fill; NULL (err filled) for a bad or duplicate name, a bad size, a full
 * table or no memory. */
/* A mesh with the attributes every generated surface has: P, N and uv (3 floats each), their arrays
 * handed back; NULL with err filled. */
td_mesh *td_mesh_new_surface(uint32_t nverts, uint32_t nindices, float **P, float **N, float **uv, td_err *err);
/* Adds P, N and uv (3 floats each) to m, handing their arrays back; 0, or -1 with err filled. */
int td_mesh_surface_attrs(td_mesh *m, float **P, float **N, float **uv, td_err *err);
float *td_mesh_add_attr(td_mesh *m, const char *name, int size, td_err *err);
/* The attribute called name, or NULL. */
const td_mesh_attr *td_mesh_find(const td_mesh *m, const char *name);
void td_mesh_incref(td_mesh *m);
/* Drops one reference; the last frees the mesh (and releases its GPU copy). NULL is ignored. */
void td_mesh_decref(td_mesh *m);
/* Sets bounds_min/max from "P" (zero without P or vertices). */
void td_mesh_compute_bounds(td_mesh *m);
/* Bytes of CPU memory the mesh holds: the struct, its indices and its attribute arrays. */
size_t td_mesh_cpu_bytes(const td_mesh *m);

#endif
