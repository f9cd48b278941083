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

/* Per-instance attributes (geometryCOMP instancing: a td_instances), divisor 1, at fixed locations
 * after the mesh's (shaders/td_instance.glsl declares them):
 *   4..7 the instance transform, a mat4 (column k at 4 + k), applied before the draw's model matrix;
 *   8 the instance colour, vec4; 9 the instance texture coordinate, vec3.
 * Without instances (and for a td_instances without colour or texture coordinates) they read
 * constants: the identity, (1, 1, 1, 1), (0, 0, 0): an uninstanced draw binds no buffer for them.
 * The instance buffer is one GL buffer a td_instances (transforms, colours, texture coordinates
 * back to back), made on first draw and deleted on the GL thread with its last reference. */
enum { TD_GL_ATTR_INSTANCE_XFORM = 4, TD_GL_ATTR_INSTANCE_COLOR = 8, TD_GL_ATTR_INSTANCE_TEXCOORD = 9 };

/* Creates the GL copy of the instances if not yet made; 0, or -1 with err filled. */
int td_gl_instances_upload(td_instances *in, td_err *err);

/* Creates the GL copy if not yet made; 0, or -1 with err filled. */
int td_gl_mesh_upload(td_mesh *m, td_err *err);
/* Binds the mesh's vertex array (uploaded first) and sets the constants of the attributes it
 * lacks, ready for glDrawElements(GL_TRIANGLES, m->nindices, GL_UNSIGNED_INT, 0). */
void td_gl_mesh_bind(const td_mesh *m);
/* Draws the bound mesh (td_gl_mesh_bind): its triangles, then its polylines' segments as lines
 * (with the line width the GL has). instances: NULL for one copy, else one instanced draw of
 * each (uploaded first: td_gl_instances_upload; none drawn for zero instances). */
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
