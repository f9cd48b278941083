/* td_mesh. See mesh.h. */
#include "gpu/mesh.h"

#include <stdlib.h>

#include <glad/gl.h>

#include "gpu/runtime.h"

td_mesh *
td_mesh_new(uint32_t nverts, uint32_t nindices)
{
    td_mesh *m = calloc(1, sizeof(*m));
    if (m == NULL) {
        return NULL;
    }
    m->verts = malloc((size_t)(nverts ? nverts : 1) * TD_MESH_STRIDE * sizeof(float));
    m->indices = malloc((size_t)(nindices ? nindices : 1) * sizeof(uint32_t));
    if (m->verts == NULL || m->indices == NULL) {
        free(m->verts);
        free(m->indices);
        free(m);
        return NULL;
    }
    m->nverts = nverts;
    m->nindices = nindices;
    atomic_init(&m->refs, 1);
    return m;
}

void
td_mesh_incref(td_mesh *m)
{
    atomic_fetch_add_explicit(&m->refs, 1, memory_order_relaxed);
}

static void
mesh_free(void *p)
{
    td_mesh *m = p;
    /* Runs on the GL thread when GL objects exist (posted by td_mesh_decref). */
    if (m->vao != 0) {
        glDeleteVertexArrays(1, &m->vao);
    }
    if (m->vbo != 0) {
        glDeleteBuffers(1, &m->vbo);
    }
    if (m->ibo != 0) {
        glDeleteBuffers(1, &m->ibo);
    }
    free(m->verts);
    free(m->indices);
    free(m);
}

void
td_mesh_decref(td_mesh *m)
{
    if (m == NULL || atomic_fetch_sub_explicit(&m->refs, 1, memory_order_acq_rel) != 1) {
        return;
    }
    td_gl_runtime *rt = m->vao != 0 ? td_gl_runtime_existing() : NULL;
    if (rt == NULL || td_gl_post(rt, mesh_free, m) != 0) {
        /* Never uploaded (or no memory to queue the deletion): nothing GL to delete here. */
        m->vao = m->vbo = m->ibo = 0;
        mesh_free(m);
    }
}

void
td_mesh_compute_bounds(td_mesh *m)
{
    for (int k = 0; k < 3; k++) {
        m->bounds_min[k] = m->nverts ? m->verts[k] : 0.0f;
        m->bounds_max[k] = m->bounds_min[k];
    }
    for (uint32_t i = 0; i < m->nverts; i++) {
        for (int k = 0; k < 3; k++) {
            float v = m->verts[(size_t)i * TD_MESH_STRIDE + k];
            m->bounds_min[k] = v < m->bounds_min[k] ? v : m->bounds_min[k];
            m->bounds_max[k] = v > m->bounds_max[k] ? v : m->bounds_max[k];
        }
    }
}

int
td_gl_mesh_upload(td_mesh *m, td_err *err)
{
    if (m->vao != 0) {
        return 0;
    }
    glCreateVertexArrays(1, &m->vao);
    glCreateBuffers(1, &m->vbo);
    glCreateBuffers(1, &m->ibo);
    if (m->vao == 0 || m->vbo == 0 || m->ibo == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "could not create GL buffers for a mesh");
    }
    glNamedBufferStorage(m->vbo, (GLsizeiptr)m->nverts * TD_MESH_STRIDE * sizeof(float), m->verts, 0);
    glNamedBufferStorage(m->ibo, (GLsizeiptr)m->nindices * sizeof(uint32_t), m->indices, 0);
    glVertexArrayVertexBuffer(m->vao, 0, m->vbo, 0, TD_MESH_STRIDE * sizeof(float));
    glVertexArrayElementBuffer(m->vao, m->ibo);
    glEnableVertexArrayAttrib(m->vao, 0);
    glEnableVertexArrayAttrib(m->vao, 1);
    glVertexArrayAttribFormat(m->vao, 0, 3, GL_FLOAT, GL_FALSE, 0);
    glVertexArrayAttribFormat(m->vao, 1, 3, GL_FLOAT, GL_FALSE, 3 * sizeof(float));
    glVertexArrayAttribBinding(m->vao, 0, 0);
    glVertexArrayAttribBinding(m->vao, 1, 0);
    GLenum e = glGetError();
    if (e != GL_NO_ERROR) {
        return td_err_set(err, TD_ERR_RUNTIME, "uploading a mesh of %u vertices failed (GL error 0x%04x)",
                          m->nverts, e);
    }
    return 0;
}

size_t
td_mesh_gpu_bytes(const td_mesh *m)
{
    return (size_t)m->nverts * TD_MESH_STRIDE * sizeof(float) + (size_t)m->nindices * sizeof(uint32_t);
}
