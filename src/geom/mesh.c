/* td_mesh. See mesh.h. */
#include "geom/mesh.h"

#include "geom/bvh.h"

#include <math.h>
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

/* ---- triangulating polygons ----
 * A convex polygon is a fan from its first vertex. A concave one is cut by ear clipping in the
 * plane it mostly lies in (its Newell normal's dominant axis dropped): a corner that turns the
 * polygon's way and holds no other vertex is cut off, until a triangle is left. A polygon that
 * has no ear (self-intersecting, or degenerate) has the rest as a fan. Ear clipping costs up to n^3
 * steps, so a polygon of more than TD_MESH_EAR_MAX corners is always a fan. */
#define TD_MESH_EAR_MAX 1024

typedef struct {
    double *xy;    /* 2 a vertex: the polygon in its plane */
    uint32_t *ring; /* the vertices (positions in the polygon) not cut off yet */
} ear_scratch;

static int
ears_init(ear_scratch *e, uint32_t n)
{
    e->xy = malloc((size_t)n * 2 * sizeof(double));
    e->ring = malloc((size_t)n * sizeof(uint32_t));
    return e->xy != NULL && e->ring != NULL ? 0 : -1;
}

static void
ears_free(ear_scratch *e)
{
    free(e->xy);
    free(e->ring);
}

static double
cross2(const double *a, const double *b, const double *c)
{
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/* Projects the polygon into e->xy, oriented so that it winds counter-clockwise there, and says
 * whether every corner turns that way (or is straight). */
static int
is_convex(const td_mesh_attr *P, const uint32_t *v, uint32_t n, ear_scratch *e)
{
    double nrm[3] = {0, 0, 0};
    for (uint32_t i = 0; i < n; i++) {
        const float *a = P->data + (size_t)v[i] * P->size, *b = P->data + (size_t)v[(i + 1) % n] * P->size;
        nrm[0] += ((double)a[1] - b[1]) * ((double)a[2] + b[2]);
        nrm[1] += ((double)a[2] - b[2]) * ((double)a[0] + b[0]);
        nrm[2] += ((double)a[0] - b[0]) * ((double)a[1] + b[1]);
    }
    int k = fabs(nrm[0]) > fabs(nrm[1]) ? (fabs(nrm[0]) > fabs(nrm[2]) ? 0 : 2) : (fabs(nrm[1]) > fabs(nrm[2]) ? 1 : 2);
    int x = (k + 1) % 3, y = (k + 2) % 3; /* (x, y, k) right-handed */
    double flip = nrm[k] < 0.0 ? -1.0 : 1.0;
    for (uint32_t i = 0; i < n; i++) {
        const float *a = P->data + (size_t)v[i] * P->size;
        e->xy[2 * i] = a[x];
        e->xy[2 * i + 1] = a[y] * flip;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (cross2(e->xy + 2 * i, e->xy + 2 * ((i + 1) % n), e->xy + 2 * ((i + 2) % n)) < 0.0) {
            return 0;
        }
    }
    return 1;
}

static int
inside(const double *p, const double *a, const double *b, const double *c)
{
    return cross2(a, b, p) >= 0.0 && cross2(b, c, p) >= 0.0 && cross2(c, a, p) >= 0.0;
}

/* Ear clipping of the polygon v[0..n) projected by is_convex; writes 3 (n - 2) indices. */
static size_t
clip_ears(const uint32_t *v, uint32_t n, ear_scratch *e, uint32_t *out)
{
    size_t t = 0;
    uint32_t left = n;
    for (uint32_t i = 0; i < n; i++) {
        e->ring[i] = i;
    }
    uint32_t at = 0, tries = 0;
    while (left > 3 && tries < left) {
        uint32_t ia = e->ring[(at + left - 1) % left], ib = e->ring[at % left], ic = e->ring[(at + 1) % left];
        const double *a = e->xy + 2 * ia, *b = e->xy + 2 * ib, *c = e->xy + 2 * ic;
        int ear = cross2(a, b, c) > 0.0;
        for (uint32_t j = 0; ear && j < left; j++) {
            uint32_t q = e->ring[j];
            if (q != ia && q != ib && q != ic && inside(e->xy + 2 * q, a, b, c)) {
                ear = 0;
            }
        }
        if (!ear) {
            at = (at + 1) % left;
            tries++;
            continue;
        }
        out[t++] = v[ia];
        out[t++] = v[ib];
        out[t++] = v[ic];
        memmove(e->ring + at % left, e->ring + at % left + 1, (left - at % left - 1) * sizeof(uint32_t));
        left--;
        at = at % left;
        tries = 0;
    }
    for (uint32_t i = 1; i + 1 < left; i++) { /* the last triangle, or a fan of what has no ear */
        out[t++] = v[e->ring[0]];
        out[t++] = v[e->ring[i]];
        out[t++] = v[e->ring[i + 1]];
    }
    return t;
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
    uint32_t most = 0; /* the largest polygon: room for the ear clipping of a concave one */
    for (uint32_t p = 0; p < m->nprims; p++) {
        uint32_t n = m->prim_start[p + 1] - m->prim_start[p];
        most = m->prim_closed[p] && n > most ? n : most;
    }
    ear_scratch ears = {0};
    most = most < TD_MESH_EAR_MAX ? most : TD_MESH_EAR_MAX;
    if (most > 3 && ears_init(&ears, most) != 0) {
        ears_free(&ears);
        free(tri);
        free(seg);
        return td_err_nomem(err, "mesh triangles");
    }
    const td_mesh_attr *P = td_mesh_find(m, "P");
    for (uint32_t p = 0; p < m->nprims; p++) {
        const uint32_t *v = m->prim_verts + m->prim_start[p];
        uint32_t n = m->prim_start[p + 1] - m->prim_start[p];
        if (m->prim_closed[p]) {
            if (n > 3 && n <= TD_MESH_EAR_MAX && P != NULL && P->size >= 3 && !is_convex(P, v, n, &ears)) {
                t += clip_ears(v, n, &ears, tri + t);
                continue;
            }
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
    ears_free(&ears);
    free(m->indices);
    free(m->lines);
    m->indices = tri;
    m->nindices = (uint32_t)(ntri * 3);
    m->lines = seg;
    m->nlines = (uint32_t)(nseg * 2);
    td_mesh_compute_bounds(m);
    return 0;
}
