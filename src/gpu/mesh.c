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

struct td_instances_gpu {
    GLuint buf;
    unsigned gen;
    GLintptr color_at, texcoord_at;
    size_t bytes;
};

/* The vertex buffer binding points of the instance arrays (the mesh's attributes use 0 .. 3). */
enum { BIND_XFORM = 4, BIND_COLOR = 5, BIND_TEXCOORD = 6 };

static const char *const attr_names[TD_GL_NATTRS] = {"P", "N", "uv", "Cd"};
static const float instance_defaults[6][4] = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1},
                                              {1, 1, 1, 1}, {0, 0, 0, 1}};

/* The instance attributes' formats on a mesh's vertex array, arrays off until a draw binds some. */
static void
instance_formats(GLuint vao)
{
    for (GLuint c = 0; c < 4; c++) {
        glVertexArrayAttribFormat(vao, TD_GL_ATTR_INSTANCE_XFORM + c, 4, GL_FLOAT, GL_FALSE, c * 4 * sizeof(float));
        glVertexArrayAttribBinding(vao, TD_GL_ATTR_INSTANCE_XFORM + c, BIND_XFORM);
    }
    glVertexArrayAttribFormat(vao, TD_GL_ATTR_INSTANCE_COLOR, 4, GL_FLOAT, GL_FALSE, 0);
    glVertexArrayAttribBinding(vao, TD_GL_ATTR_INSTANCE_COLOR, BIND_COLOR);
    glVertexArrayAttribFormat(vao, TD_GL_ATTR_INSTANCE_TEXCOORD, 3, GL_FLOAT, GL_FALSE, 0);
    glVertexArrayAttribBinding(vao, TD_GL_ATTR_INSTANCE_TEXCOORD, BIND_TEXCOORD);
    glVertexArrayBindingDivisor(vao, BIND_XFORM, 1);
    glVertexArrayBindingDivisor(vao, BIND_COLOR, 1);
    glVertexArrayBindingDivisor(vao, BIND_TEXCOORD, 1);
}

/* Turns the instance arrays of vao on (reading in's buffer) or off. */
static void
instance_arrays(GLuint vao, const td_instances *in, int on)
{
    const struct td_instances_gpu *g = in->gpu;
    if (on) {
        glVertexArrayVertexBuffer(vao, BIND_XFORM, g->buf, 0, 16 * sizeof(float));
        if (in->color != NULL) {
            glVertexArrayVertexBuffer(vao, BIND_COLOR, g->buf, g->color_at, 4 * sizeof(float));
        }
        if (in->texcoord != NULL) {
            glVertexArrayVertexBuffer(vao, BIND_TEXCOORD, g->buf, g->texcoord_at, 3 * sizeof(float));
        }
    }
    PFNGLENABLEVERTEXARRAYATTRIBPROC set = on ? glEnableVertexArrayAttrib : glDisableVertexArrayAttrib;
    for (GLuint c = 0; c < 4; c++) {
        set(vao, TD_GL_ATTR_INSTANCE_XFORM + c);
    }
    if (in->color != NULL) {
        set(vao, TD_GL_ATTR_INSTANCE_COLOR);
    }
    if (in->texcoord != NULL) {
        set(vao, TD_GL_ATTR_INSTANCE_TEXCOORD);
    }
    if (!on) { /* the vertex array keeps no reference to a buffer the instances may delete */
        glVertexArrayVertexBuffer(vao, BIND_XFORM, 0, 0, 16 * sizeof(float));
        glVertexArrayVertexBuffer(vao, BIND_COLOR, 0, 0, 4 * sizeof(float));
        glVertexArrayVertexBuffer(vao, BIND_TEXCOORD, 0, 0, 3 * sizeof(float));
    }
}

/* GL thread (posted by instances_release, or called there when nothing can be posted). */
static void
instances_free(void *p)
{
    struct td_instances_gpu *g = p;
    glDeleteBuffers(1, &g->buf);
    free(g);
}

/* Any thread: the last reference to the instances went. */
static void
instances_release(struct td_instances_gpu *g)
{
    td_gl_runtime *rt = td_gl_runtime_existing();
    if (rt == NULL || g->gen != td_gl_generation() || td_gl_post(rt, instances_free, g) != 0) {
        free(g); /* see gpu_release */
    }
}

int
td_gl_instances_upload(td_instances *in, td_err *err)
{
    if (in->gpu != NULL && in->gpu->gen == td_gl_generation()) {
        return 0;
    }
    if (in->gpu != NULL) { /* uploaded to the context of the process this one was forked from */
        free(in->gpu);
        in->gpu = NULL;
    }
    struct td_instances_gpu *g = calloc(1, sizeof(*g));
    if (g == NULL) {
        return td_err_nomem(err, "GL instances");
    }
    size_t xbytes = (size_t)in->count * 16 * sizeof(float);
    size_t cbytes = in->color != NULL ? (size_t)in->count * 4 * sizeof(float) : 0;
    size_t tbytes = in->texcoord != NULL ? (size_t)in->count * 3 * sizeof(float) : 0;
    g->color_at = (GLintptr)xbytes;
    g->texcoord_at = (GLintptr)(xbytes + cbytes);
    g->bytes = xbytes + cbytes + tbytes;
    glCreateBuffers(1, &g->buf);
    if (g->buf == 0) {
        free(g);
        return td_err_set(err, TD_ERR_RUNTIME, "could not create a GL buffer for instances");
    }
    glNamedBufferStorage(g->buf, g->bytes > 0 ? (GLsizeiptr)g->bytes : 4, NULL, GL_DYNAMIC_STORAGE_BIT);
    if (xbytes > 0) {
        glNamedBufferSubData(g->buf, 0, (GLsizeiptr)xbytes, in->xform);
    }
    if (cbytes > 0) {
        glNamedBufferSubData(g->buf, g->color_at, (GLsizeiptr)cbytes, in->color);
    }
    if (tbytes > 0) {
        glNamedBufferSubData(g->buf, g->texcoord_at, (GLsizeiptr)tbytes, in->texcoord);
    }
    GLenum e = glGetError();
    if (e != GL_NO_ERROR) {
        instances_free(g);
        return td_err_set(err, TD_ERR_RUNTIME, "uploading %u instances failed (GL error 0x%04x)", in->count, e);
    }
    g->gen = td_gl_generation();
    in->gpu = g;
    in->gpu_release = instances_release;
    return 0;
}

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
    instance_formats(g->vao);
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
        instance_formats(g->lines_vao);
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
    /* an instanced draw leaves the generic values of its arrays undefined: the constants again */
    for (int k = 0; k < 6; k++) {
        glVertexAttrib4fv((GLuint)(TD_GL_ATTR_INSTANCE_XFORM + k), instance_defaults[k]);
    }
}

void
td_gl_mesh_draw(const td_mesh *m, const td_instances *instances)
{
    if (instances == NULL) {
        if (m->nindices > 0) {
            glDrawElements(GL_TRIANGLES, (GLsizei)m->nindices, GL_UNSIGNED_INT, NULL);
        }
        if (m->nlines > 0 && m->gpu != NULL) {
            glBindVertexArray(m->gpu->lines_vao);
            glDrawElements(GL_LINES, (GLsizei)m->nlines, GL_UNSIGNED_INT, NULL);
            glBindVertexArray(m->gpu->vao);
        }
        return;
    }
    if (instances->count == 0 || instances->gpu == NULL || m->gpu == NULL) {
        return;
    }
    GLsizei n = (GLsizei)instances->count;
    if (m->nindices > 0) {
        instance_arrays(m->gpu->vao, instances, 1);
        glDrawElementsInstanced(GL_TRIANGLES, (GLsizei)m->nindices, GL_UNSIGNED_INT, NULL, n);
        instance_arrays(m->gpu->vao, instances, 0);
    }
    if (m->nlines > 0) {
        instance_arrays(m->gpu->lines_vao, instances, 1);
        glBindVertexArray(m->gpu->lines_vao);
        glDrawElementsInstanced(GL_LINES, (GLsizei)m->nlines, GL_UNSIGNED_INT, NULL, n);
        glBindVertexArray(m->gpu->vao);
        instance_arrays(m->gpu->lines_vao, instances, 0);
    }
}

size_t
td_gl_mesh_bytes(const td_mesh *m)
{
    return m->gpu != NULL ? m->gpu->bytes : 0;
}
