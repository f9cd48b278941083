/* The GL copy of a td_mesh (geom/mesh.h): one vertex array object, one vertex buffer holding the
 * mesh's attribute arrays one after another, one index buffer. Made on first draw, deleted on the
 * GL thread when the mesh's last reference goes. Plain C, no Python; GL thread only.
 *
 * Attribute locations are fixed, so every shader may declare all four:
 *   0 "P" vec3, 1 "N" vec3, 2 "uv" vec3, 3 "Cd" vec4.
 * An attribute the mesh lacks reads a constant instead: N (0, 0, 1), uv (0, 0, 0), Cd (1, 1, 1, 1)
 * (P (0, 0, 0)). Attributes with other names are not uploaded. */
#ifndef TD_GPU_MESH_H
#define TD_GPU_MESH_H

#include <stddef.h>

#include "geom/instances.h"
#include "geom/mesh.h"
#include "util/err.h"

enum { TD_GL_ATTR_P = 0, TD_GL_ATTR_N = 1, TD_GL_ATTR_UV = 2, TD_GL_ATTR_CD = 3, TD_GL_NATTRS = 4 };

/* Creates the GL copy if not yet made; 0, or -1 with err filled. */
int td_gl_mesh_upload(td_mesh *m, td_err *err);
/* Binds the mesh's vertex array (uploaded first) and sets the constants of the attributes it
 * lacks, ready for glDrawElements(GL_TRIANGLES, m->nindices, GL_UNSIGNED_INT, 0). */
void td_gl_mesh_bind(const td_mesh *m);
/* Draws the bound mesh (td_gl_mesh_bind): its triangles, then its polylines' segments as lines
 * (with the line width the GL has). instances: NULL for one copy. */
void td_gl_mesh_draw(const td_mesh *m, const td_instances *instances);
/* 1 if the mesh has anything to draw (triangles or lines). */
static inline int
td_gl_mesh_drawable(const td_mesh *m)
{
    return m->nindices > 0 || m->nlines > 0;
}
/* Bytes of GPU memory the mesh holds once uploaded (0 before). */
size_t td_gl_mesh_bytes(const td_mesh *m);

#endif
