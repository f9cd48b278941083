/* The GL copy of a td_mesh. See mesh.h.
 *
 * One buffer with the attribute arrays back to back rather than interleaved: the CPU mesh keeps one
 * array per attribute, so each uploads as it is (no packing pass, no stride that every new
 * attribute changes), each gets its own binding point, and a mesh without uv or Cd costs nothing
 * for them. One buffer rather than one per attribute keeps the object count at three a mesh. */
#include "gpu/mesh.h"

#include <stdlib.h>

#include <glad/gl.h>

#include "gpu/runtime.h"

struct td_mesh_gpu {
    GLuint vao, vbo, ibo;
    GLuint lines_vao, lbo; /* the polylines' segments: a second vertex array on the same vertex buffer */
    unsigned gen; /* td_gl_generation() of the context its names belong to */
    unsigned present; /* bit per TD_GL_ATTR_* location the mesh supplies */
    size_t bytes;
};

static const char *const attr_names[TD_GL_NATTRS] = {"P", "N", "uv", "Cd"};
static const float attr_defaults[TD_GL_NATTRS][4] = {{0, 0, 0, 1}, {0, 0, 1, 1}, {0, 0, 0, 1}, {1, 1, 1, 1}};

/* GL thread (posted by gpu_release, or called there when nothing can be posted). */
static void
gpu_free(void *p)
{
    struct td_mesh_gpu *g = p;
    GLuint vaos[2] = {g->vao, g->lines_vao};
    glDeleteVertexArrays(2, vaos); /* zeros are ignored */
    GLuint bufs[3] = {g->vbo, g->ibo, g->lbo};
    glDeleteBuffers(3, bufs);
    free(g);
}

/* Any thread: the last reference to the mesh went. */
static void
gpu_release(struct td_mesh_gpu *g)
{
    td_gl_runtime *rt = td_gl_runtime_existing();
    if (rt == NULL || g->gen != td_gl_generation() || td_gl_post(rt, gpu_free, g) != 0) {
        /* No runtime (so no context, nothing to delete) or no memory to queue the deletion: the
         * GL names are dropped with the context. */
        free(g);
    }
}

int
td_gl_mesh_upload(td_mesh *m, td_err *err)
{
    if (m->gpu != NULL && m->gpu->gen == td_gl_generation()) {
        return 0;
    }
    if (m->gpu != NULL) { /* uploaded to the context of the process this one was forked from */
        free(m->gpu);
        m->gpu = NULL;
    }
    struct td_mesh_gpu *g = calloc(1, sizeof(*g));
    if (g == NULL) {
        return td_err_nomem(err, "GL mesh");
    }
    const td_mesh_attr *attrs[TD_GL_NATTRS];
    GLsizeiptr offsets[TD_GL_NATTRS], vbytes = 0;
    for (int loc = 0; loc < TD_GL_NATTRS; loc++) {
        attrs[loc] = td_mesh_find(m, attr_names[loc]);
        offsets[loc] = vbytes;
        if (attrs[loc] != NULL) {
            vbytes += (GLsizeiptr)m->nverts * attrs[loc]->size * (GLsizeiptr)sizeof(float);
        }
    }
    glCreateVertexArrays(1, &g->vao);
    glCreateBuffers(1, &g->vbo);
    glCreateBuffers(1, &g->ibo);
    if (g->vao == 0 || g->vbo == 0 || g->ibo == 0) {
        gpu_free(g);
        return td_err_set(err, TD_ERR_RUNTIME, "could not create GL buffers for a mesh");
    }
    glNamedBufferStorage(g->vbo, vbytes > 0 ? vbytes : 4, NULL, GL_DYNAMIC_STORAGE_BIT);
    glNamedBufferStorage(g->ibo, (GLsizeiptr)(m->nindices ? m->nindices : 1) * (GLsizeiptr)sizeof(uint32_t),
                         m->indices, 0);
    for (int loc = 0; loc < TD_GL_NATTRS; loc++) {
        const td_mesh_attr *a = attrs[loc];
        if (a == NULL || m->nverts == 0) {
            continue;
        }
        GLsizei stride = a->size * (GLsizei)sizeof(float);
        glNamedBufferSubData(g->vbo, offsets[loc], (GLsizeiptr)m->nverts * stride, a->data);
        glVertexArrayVertexBuffer(g->vao, (GLuint)loc, g->vbo, offsets[loc], stride);
        glVertexArrayAttribFormat(g->vao, (GLuint)loc, a->size, GL_FLOAT, GL_FALSE, 0);
        glVertexArrayAttribBinding(g->vao, (GLuint)loc, (GLuint)loc);
        glEnableVertexArrayAttrib(g->vao, (GLuint)loc);
        g->present |= 1u << loc;
    }
    glVertexArrayElementBuffer(g->vao, g->ibo);
    if (m->nlines > 0) {
        /* the same attribute bindings, the segments' index buffer */
        glCreateVertexArrays(1, &g->lines_vao);
        glCreateBuffers(1, &g->lbo);
        if (g->lines_vao == 0 || g->lbo == 0) {
            gpu_free(g);
            return td_err_set(err, TD_ERR_RUNTIME, "could not create GL buffers for a mesh's lines");
        }
        glNamedBufferStorage(g->lbo, (GLsizeiptr)m->nlines * (GLsizeiptr)sizeof(uint32_t), m->lines, 0);
        for (int loc = 0; loc < TD_GL_NATTRS; loc++) {
            const td_mesh_attr *a = attrs[loc];
            if (a == NULL || m->nverts == 0) {
                continue;
            }
            glVertexArrayVertexBuffer(g->lines_vao, (GLuint)loc, g->vbo, offsets[loc], a->size * (GLsizei)sizeof(float));
            glVertexArrayAttribFormat(g->lines_vao, (GLuint)loc, a->size, GL_FLOAT, GL_FALSE, 0);
            glVertexArrayAttribBinding(g->lines_vao, (GLuint)loc, (GLuint)loc);
            glEnableVertexArrayAttrib(g->lines_vao, (GLuint)loc);
        }
        glVertexArrayElementBuffer(g->lines_vao, g->lbo);
    }
    GLenum e = glGetError();
    if (e != GL_NO_ERROR) {
        gpu_free(g);
        return td_err_set(err, TD_ERR_RUNTIME, "uploading a mesh of %u vertices failed (GL error 0x%04x)",
                          m->nverts, e);
    }
    g->bytes = (size_t)vbytes + ((size_t)m->nindices + m->nlines) * sizeof(uint32_t);
    g->gen = td_gl_generation();
    m->gpu = g;
    m->gpu_release = gpu_release;
    return 0;
}

void
td_gl_mesh_bind(const td_mesh *m)
{
    const struct td_mesh_gpu *g = m->gpu;
    glBindVertexArray(g != NULL ? g->vao : 0);
    for (int loc = 0; loc < TD_GL_NATTRS; loc++) {
        /* the current generic value is context state, read by a disabled array */
        if (g == NULL || (g->present & (1u << loc)) == 0) {
            glVertexAttrib4fv((GLuint)loc, attr_defaults[loc]);
        }
    }
}

void
td_gl_mesh_draw(const td_mesh *m, const td_instances *instances)
{
    (void)instances; /* instanced drawing: to come */
    if (m->nindices > 0) {
        glDrawElements(GL_TRIANGLES, (GLsizei)m->nindices, GL_UNSIGNED_INT, NULL);
    }
    if (m->nlines > 0 && m->gpu != NULL) {
        glBindVertexArray(m->gpu->lines_vao);
        glDrawElements(GL_LINES, (GLsizei)m->nlines, GL_UNSIGNED_INT, NULL);
        glBindVertexArray(m->gpu->vao);
    }
}

size_t
td_gl_mesh_bytes(const td_mesh *m)
{
    return m->gpu != NULL ? m->gpu->bytes : 0;
}
