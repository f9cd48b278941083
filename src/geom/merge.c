/* td_geom_merge: meshes one after another. See filters.h. */
#include <stdlib.h>
#include <string.h>

#include "geom/filters.h"

void
td_geom_attr_default(const char *name, float out[4])
{
    static const struct {
        const char *name;
        float value[4];
    } known[] = {{"P", {0, 0, 0, 1}}, {"N", {0, 0, 1, 0}}, {"uv", {0, 0, 0, 0}}, {"Cd", {1, 1, 1, 1}}};
    memset(out, 0, 4 * sizeof(float));
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
        if (strcmp(known[i].name, name) == 0) {
            memcpy(out, known[i].value, sizeof(known[i].value));
        }
    }
}

/* The primitives of m as the merge lists them: its own, or (a mesh without any) one closed
 * polygon a triangle and one polyline a segment. */
static uint32_t
prim_count(const td_mesh *m)
{
    return m->nprims > 0 ? m->nprims : m->nindices / 3 + m->nlines / 2;
}

static uint64_t
prim_vertex_count(const td_mesh *m)
{
    return m->nprims > 0 ? m->prim_start[m->nprims] : (uint64_t)(m->nindices / 3) * 3 + (uint64_t)(m->nlines / 2) * 2;
}

/* The union of the inputs' attribute names, in first-seen order, with their largest sizes. */
static int
attr_union(td_mesh *const *in, int n, td_mesh_attr *names, int *count, td_err *err)
{
    *count = 0;
    for (int i = 0; i < n; i++) {
        for (int a = 0; a < in[i]->nattrs; a++) {
            const td_mesh_attr *src = &in[i]->attrs[a];
            int k = 0;
            while (k < *count && strcmp(names[k].name, src->name) != 0) {
                k++;
            }
            if (k == *count) {
                if (*count == TD_MESH_MAX_ATTRS) {
                    return td_err_set(err, TD_ERR_VALUE, "the merged meshes have more than %d attributes together",
                                      TD_MESH_MAX_ATTRS);
                }
                memcpy(names[k].name, src->name, TD_MESH_ATTR_NAME);
                names[k].size = 0;
                (*count)++;
            }
            names[k].size = src->size > names[k].size ? src->size : names[k].size;
        }
    }
    return 0;
}

/* Copies input m's part of the merged attribute dst (size floats a vertex) from vertex base on. */
static void
fill_attr(const td_mesh *m, const td_mesh_attr *dst, uint32_t base)
{
    const td_mesh_attr *src = td_mesh_find(m, dst->name);
    float def[4];
    td_geom_attr_default(dst->name, def);
    int have = src != NULL ? src->size : 0;
    for (uint32_t v = 0; v < m->nverts; v++) {
        float *d = dst->data + (size_t)(base + v) * (size_t)dst->size;
        for (int k = 0; k < dst->size; k++) {
            d[k] = k < have ? src->data[(size_t)v * (size_t)have + (size_t)k] : def[k];
        }
    }
}

/* Appends input m's primitives, triangles and segments, offset by base vertices, at the cursors. */
static void
append_prims(td_mesh *out, const td_mesh *m, uint32_t base, uint32_t *prim, uint32_t *pv, uint32_t *tri,
             uint32_t *seg)
{
    if (m->nprims > 0) {
        for (uint32_t p = 0; p < m->nprims; p++) {
            for (uint32_t i = m->prim_start[p]; i < m->prim_start[p + 1]; i++) {
                out->prim_verts[(*pv)++] = m->prim_verts[i] + base;
            }
            out->prim_closed[*prim] = m->prim_closed[p];
            out->prim_start[++(*prim)] = *pv;
        }
    }
    else {
        for (uint32_t t = 0; t + 2 < m->nindices; t += 3) {
            for (int c = 0; c < 3; c++) {
                out->prim_verts[(*pv)++] = m->indices[t + (uint32_t)c] + base;
            }
            out->prim_closed[*prim] = 1;
            out->prim_start[++(*prim)] = *pv;
        }
        for (uint32_t s = 0; s + 1 < m->nlines; s += 2) {
            out->prim_verts[(*pv)++] = m->lines[s] + base;
            out->prim_verts[(*pv)++] = m->lines[s + 1] + base;
            out->prim_start[++(*prim)] = *pv;
        }
    }
    for (uint32_t i = 0; i < m->nindices; i++) {
        out->indices[(*tri)++] = m->indices[i] + base;
    }
    for (uint32_t i = 0; i < m->nlines; i++) {
        out->lines[(*seg)++] = m->lines[i] + base;
    }
}

int
td_geom_merge(td_mesh *const *in, int n, td_mesh **out, td_err *err)
{
    *out = NULL;
    uint64_t nverts = 0, nprims = 0, nprimverts = 0, ntri = 0, nseg = 0;
    for (int i = 0; i < n; i++) {
        nverts += in[i]->nverts;
        nprims += prim_count(in[i]);
        nprimverts += prim_vertex_count(in[i]);
        ntri += in[i]->nindices;
        nseg += in[i]->nlines;
    }
    if (nverts > UINT32_MAX || nprims >= UINT32_MAX || nprimverts > UINT32_MAX || ntri > UINT32_MAX ||
        nseg > UINT32_MAX) {
        return td_err_set(err, TD_ERR_VALUE, "the merged meshes have more than %u points, primitives or corners",
                          UINT32_MAX);
    }
    td_mesh_attr names[TD_MESH_MAX_ATTRS];
    int nattrs;
    if (attr_union(in, n, names, &nattrs, err) != 0) {
        return -1;
    }
    td_mesh *m = td_mesh_new_polys((uint32_t)nverts, (uint32_t)nprims, (uint32_t)nprimverts, err);
    if (m == NULL) {
        return -1;
    }
    free(m->indices);
    m->indices = malloc((size_t)(ntri ? ntri : 1) * sizeof(uint32_t));
    m->lines = nseg ? malloc((size_t)nseg * sizeof(uint32_t)) : NULL;
    if (m->indices == NULL || (nseg && m->lines == NULL)) {
        td_mesh_decref(m);
        return td_err_nomem(err, "merged mesh");
    }
    m->nindices = (uint32_t)ntri;
    m->nlines = (uint32_t)nseg;
    for (int a = 0; a < nattrs; a++) {
        if (td_mesh_add_attr(m, names[a].name, names[a].size, err) == NULL) {
            td_mesh_decref(m);
            return -1;
        }
    }
    uint32_t base = 0, prim = 0, pv = 0, tri = 0, seg = 0;
    for (int i = 0; i < n; i++) {
        for (int a = 0; a < m->nattrs; a++) {
            fill_attr(in[i], &m->attrs[a], base);
        }
        append_prims(m, in[i], base, &prim, &pv, &tri, &seg);
        base += in[i]->nverts;
    }
    td_mesh_compute_bounds(m);
    *out = m;
    return 0;
}
