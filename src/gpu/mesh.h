/* td_mesh: immutable triangle geometry (interleaved position + normal, 32-bit indices) made on the
 * CPU by a SOP and uploaded to GL buffers on first draw. Reference counted (atomically): a SOP holds
 * one reference, every scene snapshot that draws it holds one. The last release deletes the GL
 * buffers through the GL thread. Plain C, no Python. */
#ifndef TD_GPU_MESH_H
#define TD_GPU_MESH_H

#include <stdatomic.h>
#include <stdint.h>
#include <stddef.h>

#include "util/err.h"

#define TD_MESH_STRIDE 6 /* floats a vertex: px py pz nx ny nz */

typedef struct td_mesh {
    atomic_int refs;
    uint32_t nverts, nindices;
    float *verts;      /* nverts * TD_MESH_STRIDE */
    uint32_t *indices; /* nindices */
    float bounds_min[3], bounds_max[3];
    /* GL side: written and read on the GL thread only. */
    unsigned int vao, vbo, ibo;
} td_mesh;

/* A mesh with room for nverts vertices and nindices indices, one reference; NULL if out of memory. */
td_mesh *td_mesh_new(uint32_t nverts, uint32_t nindices);
void td_mesh_incref(td_mesh *m);
void td_mesh_decref(td_mesh *m);
/* Sets bounds_min/max from the vertices. */
void td_mesh_compute_bounds(td_mesh *m);
/* GL thread: creates the buffers if not yet made. */
int td_gl_mesh_upload(td_mesh *m, td_err *err);
/* Bytes of GPU memory the mesh holds once uploaded. */
size_t td_mesh_gpu_bytes(const td_mesh *m);

#endif
