/* td_geo_builder. See builder.h. */
#include "geom/builder.h"

#include <stdlib.h>
#include <string.h>

const int td_geo_optional_size[TD_GEO_NOPTIONAL] = {3, 3, 4};
const char *const td_geo_optional_name[TD_GEO_NOPTIONAL] = {"N", "uv", "Cd"};
static const float optional_default[TD_GEO_NOPTIONAL][4] = {{0, 0, 0, 0}, {0, 0, 0, 0}, {1, 1, 1, 1}};

td_geo_builder *
td_geo_builder_new(td_err *err)
{
    td_geo_builder *b = calloc(1, sizeof(*b));
    if (b == NULL || (b->prim_start = calloc(1, sizeof(uint32_t))) == NULL) {
        free(b);
        td_err_nomem(err, "geometry builder");
        return NULL;
    }
    b->refs = 1;
    b->live = 1;
    return b;
}

void
td_geo_builder_incref(td_geo_builder *b)
{
    b->refs++;
}

static void
free_arrays(td_geo_builder *b)
{
    free(b->P);
    for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
        free(b->opt[k]);
        b->opt[k] = NULL;
    }
    free(b->prim_closed);
    free(b->verts);
    b->P = NULL;
    b->prim_closed = NULL;
    b->verts = NULL;
}

void
td_geo_builder_decref(td_geo_builder *b)
{
    if (b == NULL || --b->refs > 0) {
        return;
    }
    free_arrays(b);
    free(b->prim_start);
    td_mesh_decref(b->seed);
    free(b);
}

void
td_geo_builder_set_seed(td_geo_builder *b, td_mesh *m)
{
    td_mesh_incref(m);
    td_mesh_decref(b->seed);
    b->seed = m;
}

int
td_geo_builder_take_seed(td_geo_builder *b, td_err *err)
{
    td_mesh *m = b->seed;
    if (m == NULL) {
        return 0;
    }
    b->seed = NULL;
    int rc = td_geo_builder_append_mesh(b, m, err);
    td_mesh_decref(m);
    return rc;
}

int
td_geo_builder_append_mesh(td_geo_builder *b, const td_mesh *m, td_err *err)
{
    uint32_t nprims = m->nprims;
    int64_t first = td_geo_builder_add_points(b, m->nverts, err);
    if (first < 0) {
        return -1;
    }
    const td_mesh_attr *P = td_mesh_find(m, "P");
    for (uint32_t i = 0; P != NULL && i < m->nverts; i++) {
        for (int k = 0; k < 3 && k < P->size; k++) {
            b->P[(size_t)(first + i) * 3 + k] = P->data[(size_t)i * P->size + k];
        }
    }
    for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
        const td_mesh_attr *a = td_mesh_find(m, td_geo_optional_name[k]);
        float *dst = a != NULL && m->nverts > 0 ? td_geo_builder_attr(b, (td_geo_optional)k, err) : NULL;
        if (a != NULL && m->nverts > 0 && dst == NULL) {
            return -1;
        }
        int size = td_geo_optional_size[k], n = a != NULL && a->size < size ? a->size : size;
        for (uint32_t i = 0; dst != NULL && i < m->nverts; i++) {
            memcpy(dst + (size_t)(first + i) * size, a->data + (size_t)i * a->size, (size_t)n * sizeof(float));
        }
    }
    for (uint32_t p = 0; p < nprims; p++) {
        uint32_t a = m->prim_start[p], n = m->prim_start[p + 1] - a;
        if (td_geo_builder_add_prim(b, n, m->prim_closed[p], 0, err) < 0) {
            return -1;
        }
        for (uint32_t i = 0; i < n; i++) {
            b->verts[b->nverts - n + i] = (uint32_t)first + m->prim_verts[a + i];
        }
    }
    return 0;
}

void
td_geo_builder_clear(td_geo_builder *b)
{
    td_mesh_decref(b->seed);
    b->seed = NULL;
    b->npoints = b->nprims = b->nverts = 0;
    b->prim_start[0] = 0;
    for (int k = 0; k < TD_GEO_NOPTIONAL; k++) { /* a cleared builder starts without them again */
        free(b->opt[k]);
        b->opt[k] = NULL;
    }
    b->gen++;
}

/* Room for need elements of elem bytes in *p (capacity *cap, grown by half); 0 or -1. */
static int
grow(void **p, uint32_t *cap, uint64_t need, size_t elem, size_t extra)
{
    if (need <= *cap) {
        return 0;
    }
    if (need > TD_GEO_BUILDER_MAX) {
        return -1;
    }
    uint64_t c = (uint64_t)*cap + *cap / 2 + 16;
    c = c < need ? need : c;
    c = c > TD_GEO_BUILDER_MAX ? TD_GEO_BUILDER_MAX : c;
    void *q = realloc(*p, (size_t)(c + extra) * elem);
    if (q == NULL) {
        return -1;
    }
    *p = q;
    *cap = (uint32_t)c;
    return 0;
}

int64_t
td_geo_builder_add_points(td_geo_builder *b, uint32_t n, td_err *err)
{
    uint64_t need = (uint64_t)b->npoints + n;
    if (need > TD_GEO_BUILDER_MAX) {
        return td_err_set(err, TD_ERR_VALUE, "a scriptSOP holds at most %u points", TD_GEO_BUILDER_MAX);
    }
    if (need > b->cap_points) {
        uint32_t cap = b->cap_points;
        if (grow((void **)&b->P, &cap, need, 3 * sizeof(float), 0) < 0) {
            return td_err_nomem(err, "scriptSOP points");
        }
        for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
            float *q = b->opt[k] != NULL ? realloc(b->opt[k], (size_t)cap * td_geo_optional_size[k] * sizeof(float)) : NULL;
            if (b->opt[k] != NULL && q == NULL) {
                /* P grew but this one did not: keep the old capacity for all (P has room to spare) */
                return td_err_nomem(err, "scriptSOP point attributes");
            }
            if (q != NULL) {
                b->opt[k] = q;
            }
        }
        b->cap_points = cap;
    }
    uint32_t first = b->npoints;
    memset(b->P + (size_t)first * 3, 0, (size_t)n * 3 * sizeof(float));
    for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
        int size = td_geo_optional_size[k];
        for (uint32_t i = first; b->opt[k] != NULL && i < first + n; i++) {
            memcpy(b->opt[k] + (size_t)i * size, optional_default[k], (size_t)size * sizeof(float));
        }
    }
    b->npoints = (uint32_t)need;
    return first;
}

float *
td_geo_builder_attr(td_geo_builder *b, td_geo_optional which, td_err *err)
{
    if (b->opt[which] != NULL) {
        return b->opt[which];
    }
    int size = td_geo_optional_size[which];
    float *a = malloc((size_t)(b->cap_points ? b->cap_points : 1) * size * sizeof(float));
    if (a == NULL) {
        td_err_nomem(err, "scriptSOP point attribute");
        return NULL;
    }
    for (uint32_t i = 0; i < b->npoints; i++) {
        memcpy(a + (size_t)i * size, optional_default[which], (size_t)size * sizeof(float));
    }
    b->opt[which] = a;
    return a;
}

int64_t
td_geo_builder_add_prim(td_geo_builder *b, uint32_t n, int closed, int64_t first, td_err *err)
{
    uint64_t nv = (uint64_t)b->nverts + n;
    if ((uint64_t)b->nprims + 1 > TD_GEO_BUILDER_MAX || nv > TD_GEO_BUILDER_MAX) {
        return td_err_set(err, TD_ERR_VALUE, "a scriptSOP holds at most %u primitives and vertices", TD_GEO_BUILDER_MAX);
    }
    uint32_t cap = b->cap_prims;
    if ((uint64_t)b->nprims + 1 > cap) {
        if (grow((void **)&b->prim_closed, &cap, (uint64_t)b->nprims + 1, 1, 0) < 0) {
            return td_err_nomem(err, "scriptSOP primitives");
        }
        uint32_t *q = realloc(b->prim_start, ((size_t)cap + 1) * sizeof(uint32_t));
        if (q == NULL) {
            return td_err_nomem(err, "scriptSOP primitives"); /* prim_closed has room to spare */
        }
        b->prim_start = q;
        b->cap_prims = cap;
    }
    if (grow((void **)&b->verts, &b->cap_verts, nv, sizeof(uint32_t), 0) < 0) {
        return td_err_nomem(err, "scriptSOP vertices");
    }
    for (uint32_t i = 0; i < n; i++) {
        b->verts[b->nverts + i] = first >= 0 ? (uint32_t)(first + i) : 0;
    }
    b->nverts = (uint32_t)nv;
    b->prim_closed[b->nprims] = closed ? 1 : 0;
    b->nprims++;
    b->prim_start[b->nprims] = b->nverts;
    return b->nprims - 1;
}

int
td_geo_builder_add_vertex(td_geo_builder *b, uint32_t point, td_err *err)
{
    if (b->nprims == 0) {
        return td_err_set(err, TD_ERR_VALUE, "there is no primitive to add a vertex to");
    }
    if ((uint64_t)b->nverts + 1 > TD_GEO_BUILDER_MAX ||
        grow((void **)&b->verts, &b->cap_verts, (uint64_t)b->nverts + 1, sizeof(uint32_t), 0) < 0) {
        return td_err_nomem(err, "scriptSOP vertices");
    }
    b->verts[b->nverts++] = point;
    b->prim_start[b->nprims] = b->nverts;
    return 0;
}

int
td_geo_builder_adopt(td_geo_builder *b, uint32_t npoints, float *P, float *opt[TD_GEO_NOPTIONAL], uint32_t nprims,
                     uint32_t *prim_start, uint32_t *verts, td_err *err)
{
    unsigned char *closed = malloc(nprims ? nprims : 1);
    if (closed == NULL) {
        free(P);
        for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
            free(opt[k]);
        }
        free(prim_start);
        free(verts);
        return td_err_nomem(err, "scriptSOP primitives");
    }
    memset(closed, 1, nprims ? nprims : 1);
    td_mesh_decref(b->seed);
    b->seed = NULL;
    free_arrays(b);
    free(b->prim_start);
    b->P = P;
    for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
        b->opt[k] = opt[k];
    }
    b->npoints = b->cap_points = npoints;
    b->prim_start = prim_start;
    b->prim_closed = closed;
    b->nprims = b->cap_prims = nprims;
    b->verts = verts;
    b->nverts = b->cap_verts = prim_start[nprims];
    b->gen++;
    return 0;
}

int
td_geo_builder_finish(const td_geo_builder *b, td_mesh **out, td_err *err)
{
    *out = NULL;
    if (b->seed != NULL && b->npoints == 0 && b->nprims == 0) { /* never read or changed: unchanged */
        td_mesh_incref(b->seed);
        *out = b->seed;
        return 0;
    }
    td_mesh *m = td_mesh_new_polys(b->npoints, b->nprims, b->nverts, err);
    float *P = m != NULL ? td_mesh_add_attr(m, "P", 3, err) : NULL;
    if (P == NULL) {
        td_mesh_decref(m);
        return -1;
    }
    if (b->npoints > 0) {
        memcpy(P, b->P, (size_t)b->npoints * 3 * sizeof(float));
    }
    for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
        if (b->opt[k] == NULL || b->npoints == 0) {
            continue;
        }
        float *a = td_mesh_add_attr(m, td_geo_optional_name[k], td_geo_optional_size[k], err);
        if (a == NULL) {
            td_mesh_decref(m);
            return -1;
        }
        memcpy(a, b->opt[k], (size_t)b->npoints * td_geo_optional_size[k] * sizeof(float));
    }
    memcpy(m->prim_start, b->prim_start, ((size_t)b->nprims + 1) * sizeof(uint32_t));
    if (b->nverts > 0) {
        memcpy(m->prim_verts, b->verts, (size_t)b->nverts * sizeof(uint32_t));
    }
    if (b->nprims > 0) {
        memcpy(m->prim_closed, b->prim_closed, b->nprims);
    }
    if (td_mesh_finish(m, err) != 0) {
        td_mesh_decref(m);
        return -1;
    }
    *out = m;
    return 0;
}
