/* td_mesh. See mesh.h. */
#include "geom/mesh.h"

#include <stdlib.h>
#include <string.h>

td_mesh *
td_mesh_new(uint32_t nverts, uint32_t nindices, td_err *err)
{
    td_mesh *m = calloc(1, sizeof(*m));
    if (m == NULL) {
        td_err_nomem(err, "mesh");
        return NULL;
    }
    m->indices = malloc((size_t)(nindices ? nindices : 1) * sizeof(uint32_t));
    if (m->indices == NULL) {
        free(m);
        td_err_nomem(err, "mesh indices");
        return NULL;
    }
    m->nverts = nverts;
    m->nindices = nindices;
    atomic_init(&m->refs, 1);
    return m;
}

float *
td_mesh_add_attr(td_mesh *m, const char *name, int size, td_err *err)
{
    size_t len = name != NULL ? strnlen(name, TD_MESH_ATTR_NAME) : 0;
    if (len == 0 || len >= TD_MESH_ATTR_NAME) {
        td_err_set(err, TD_ERR_VALUE, "a mesh attribute name must have 1 to %d characters",
                   TD_MESH_ATTR_NAME - 1);
        return NULL;
    }
    if (size < 1 || size > 4) {
        td_err_set(err, TD_ERR_VALUE, "mesh attribute '%s' has size %d (1 to 4 allowed)", name, size);
        return NULL;
    }
    if (td_mesh_find(m, name) != NULL) {
        td_err_set(err, TD_ERR_VALUE, "the mesh already has an attribute '%s'", name);
        return NULL;
    }
    if (m->nattrs >= TD_MESH_MAX_ATTRS) {
        td_err_set(err, TD_ERR_VALUE, "a mesh holds at most %d attributes", TD_MESH_MAX_ATTRS);
        return NULL;
    }
    float *data = calloc((size_t)(m->nverts ? m->nverts : 1) * (size_t)size, sizeof(float));
    if (data == NULL) {
        td_err_nomem(err, "mesh attribute");
        return NULL;
    }
    td_mesh_attr *a = &m->attrs[m->nattrs++];
    memcpy(a->name, name, len + 1);
    a->size = size;
    a->data = data;
    return data;
}

const td_mesh_attr *
td_mesh_find(const td_mesh *m, const char *name)
{
    for (int i = 0; i < m->nattrs; i++) {
        if (strcmp(m->attrs[i].name, name) == 0) {
            return &m->attrs[i];
        }
    }
    return NULL;
}

void
td_mesh_incref(td_mesh *m)
{
    atomic_fetch_add_explicit(&m->refs, 1, memory_order_relaxed);
}

void
td_mesh_decref(td_mesh *m)
{
    if (m == NULL || atomic_fetch_sub_explicit(&m->refs, 1, memory_order_acq_rel) != 1) {
        return;
    }
    if (m->gpu != NULL && m->gpu_release != NULL) {
        m->gpu_release(m->gpu);
    }
    for (int i = 0; i < m->nattrs; i++) {
        free(m->attrs[i].data);
    }
    free(m->indices);
    free(m);
}

void
td_mesh_compute_bounds(td_mesh *m)
{
    const td_mesh_attr *p = td_mesh_find(m, "P");
    int have = p != NULL && p->size >= 3 && m->nverts > 0;
    for (int k = 0; k < 3; k++) {
        m->bounds_min[k] = m->bounds_max[k] = have ? p->data[k] : 0.0f;
    }
    for (uint32_t i = 0; have && i < m->nverts; i++) {
        const float *v = p->data + (size_t)i * (size_t)p->size;
        for (int k = 0; k < 3; k++) {
            m->bounds_min[k] = v[k] < m->bounds_min[k] ? v[k] : m->bounds_min[k];
            m->bounds_max[k] = v[k] > m->bounds_max[k] ? v[k] : m->bounds_max[k];
        }
    }
}

size_t
td_mesh_cpu_bytes(const td_mesh *m)
{
    size_t n = sizeof(*m) + (size_t)m->nindices * sizeof(uint32_t);
    for (int i = 0; i < m->nattrs; i++) {
        n += (size_t)m->nverts * (size_t)m->attrs[i].size * sizeof(float);
    }
    return n;
}

td_mesh *
td_mesh_new_surface(uint32_t nverts, uint32_t nindices, float **P, float **N, float **uv, td_err *err)
{
    td_mesh *m = td_mesh_new(nverts, nindices, err);
    if (m == NULL) {
        return NULL;
    }
    *P = td_mesh_add_attr(m, "P", 3, err);
    *N = *P != NULL ? td_mesh_add_attr(m, "N", 3, err) : NULL;
    *uv = *N != NULL ? td_mesh_add_attr(m, "uv", 3, err) : NULL;
    if (*uv == NULL) {
        td_mesh_decref(m);
        return NULL;
    }
    return m;
}
