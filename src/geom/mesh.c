/* td_mesh. See mesh.h. */
#include "geom/mesh.h"

#include "geom/bvh.h"

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
    td_bvh_free(atomic_load_explicit(&m->pick_index, memory_order_relaxed));
    free(m->indices);
    free(m->prim_start);
    free(m->prim_verts);
    free(m->prim_closed);
    free(m->lines);
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
    size_t n = sizeof(*m) + (size_t)m->nindices * sizeof(uint32_t) + (size_t)m->nlines * sizeof(uint32_t);
    if (m->nprims > 0) {
        n += ((size_t)m->nprims + 1 + m->prim_start[m->nprims]) * sizeof(uint32_t) + m->nprims;
    }
    for (int i = 0; i < m->nattrs; i++) {
        n += (size_t)m->nverts * (size_t)m->attrs[i].size * sizeof(float);
    }
    return n;
}

int
td_mesh_surface_attrs(td_mesh *m, float **P, float **N, float **uv, td_err *err)
{
    *P = td_mesh_add_attr(m, "P", 3, err);
    *N = *P != NULL ? td_mesh_add_attr(m, "N", 3, err) : NULL;
    *uv = *N != NULL ? td_mesh_add_attr(m, "uv", 3, err) : NULL;
    return *uv != NULL ? 0 : -1;
}

td_mesh *
td_mesh_new_surface(uint32_t nverts, uint32_t nindices, float **P, float **N, float **uv, td_err *err)
{
    td_mesh *m = td_mesh_new(nverts, nindices, err);
    if (m != NULL && td_mesh_surface_attrs(m, P, N, uv, err) != 0) {
        td_mesh_decref(m);
        return NULL;
    }
    return m;
}

td_mesh *
td_mesh_new_polys(uint32_t nverts, uint32_t nprims, uint32_t nprimverts, td_err *err)
{
    td_mesh *m = td_mesh_new(nverts, 0, err);
    if (m == NULL) {
        return NULL;
    }
    m->prim_start = calloc((size_t)nprims + 1, sizeof(uint32_t));
    m->prim_verts = malloc((size_t)(nprimverts ? nprimverts : 1) * sizeof(uint32_t));
    m->prim_closed = calloc(nprims ? nprims : 1, 1);
    if (m->prim_start == NULL || m->prim_verts == NULL || m->prim_closed == NULL) {
        td_mesh_decref(m);
        td_err_nomem(err, "mesh primitives");
        return NULL;
    }
    m->nprims = nprims;
    return m;
}

int
td_mesh_finish(td_mesh *m, td_err *err)
{
    uint64_t ntri = 0, nseg = 0;
    uint32_t end = m->nprims > 0 ? m->prim_start[m->nprims] : 0;
    for (uint32_t p = 0; p < m->nprims; p++) {
        uint32_t a = m->prim_start[p], b = m->prim_start[p + 1];
        if (b < a || b > end) {
            return td_err_set(err, TD_ERR_VALUE, "primitive %u: its vertex range is out of order", p);
        }
        uint32_t n = b - a;
        if (n < (m->prim_closed[p] ? 3u : 2u)) {
            return td_err_set(err, TD_ERR_VALUE, "primitive %u: a %s needs at least %d vertices, it has %u", p,
                              m->prim_closed[p] ? "closed polygon" : "polyline", m->prim_closed[p] ? 3 : 2, n);
        }
        for (uint32_t i = a; i < b; i++) {
            if (m->prim_verts[i] >= m->nverts) {
                return td_err_set(err, TD_ERR_VALUE, "primitive %u: vertex %u is out of range (%u points)", p,
                                  m->prim_verts[i], m->nverts);
            }
        }
        if (m->prim_closed[p]) {
            ntri += n - 2;
        }
        else {
            nseg += n - 1;
        }
    }
    if (ntri * 3 > UINT32_MAX || nseg * 2 > UINT32_MAX) {
        return td_err_set(err, TD_ERR_VALUE, "the primitives make more than %u triangle corners", UINT32_MAX);
    }
    uint32_t *tri = malloc((size_t)(ntri ? ntri * 3 : 1) * sizeof(uint32_t));
    uint32_t *seg = nseg ? malloc((size_t)nseg * 2 * sizeof(uint32_t)) : NULL;
    if (tri == NULL || (nseg && seg == NULL)) {
        free(tri);
        free(seg);
        return td_err_nomem(err, "mesh triangles");
    }
    size_t t = 0, s = 0;
    for (uint32_t p = 0; p < m->nprims; p++) {
        const uint32_t *v = m->prim_verts + m->prim_start[p];
        uint32_t n = m->prim_start[p + 1] - m->prim_start[p];
        if (m->prim_closed[p]) {
            for (uint32_t i = 1; i + 1 < n; i++) {
                tri[t++] = v[0];
                tri[t++] = v[i];
                tri[t++] = v[i + 1];
            }
        }
        else {
            for (uint32_t i = 0; i + 1 < n; i++) {
                seg[s++] = v[i];
                seg[s++] = v[i + 1];
            }
        }
    }
    free(m->indices);
    free(m->lines);
    m->indices = tri;
    m->nindices = (uint32_t)(ntri * 3);
    m->lines = seg;
    m->nlines = (uint32_t)(nseg * 2);
    td_mesh_compute_bounds(m);
    return 0;
}
