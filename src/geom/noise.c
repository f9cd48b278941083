/* td_geom_noise. See noise.h. */
#include "geom/noise.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A copy of in: points, primitives (or indices), lines and attributes. */
static td_mesh *
copy_mesh(const td_mesh *in, td_err *err)
{
    td_mesh *m;
    if (in->nprims > 0) {
        uint32_t nv = in->prim_start[in->nprims];
        m = td_mesh_new_polys(in->nverts, in->nprims, nv, err);
        if (m == NULL) {
            return NULL;
        }
        memcpy(m->prim_start, in->prim_start, ((size_t)in->nprims + 1) * sizeof(uint32_t));
        memcpy(m->prim_verts, in->prim_verts, (size_t)nv * sizeof(uint32_t));
        memcpy(m->prim_closed, in->prim_closed, in->nprims);
    }
    else {
        m = td_mesh_new(in->nverts, in->nindices, err);
        if (m == NULL) {
            return NULL;
        }
        memcpy(m->indices, in->indices, (size_t)in->nindices * sizeof(uint32_t));
        if (in->nlines > 0) {
            m->lines = malloc((size_t)in->nlines * sizeof(uint32_t));
            if (m->lines == NULL) {
                td_mesh_decref(m);
                td_err_nomem(err, "mesh lines");
                return NULL;
            }
            memcpy(m->lines, in->lines, (size_t)in->nlines * sizeof(uint32_t));
            m->nlines = in->nlines;
        }
    }
    for (int a = 0; a < in->nattrs; a++) {
        float *d = td_mesh_add_attr(m, in->attrs[a].name, in->attrs[a].size, err);
        if (d == NULL) {
            td_mesh_decref(m);
            return NULL;
        }
        memcpy(d, in->attrs[a].data, (size_t)in->nverts * (size_t)in->attrs[a].size * sizeof(float));
    }
    if (in->nprims > 0 && td_mesh_finish(m, err) != 0) {
        td_mesh_decref(m);
        return NULL;
    }
    td_mesh_compute_bounds(m);
    return m;
}

/* The data of attribute name (size floats a point), added (filled with fill) if m lacks it. */
static float *
attr(td_mesh *m, const char *name, int size, float fill, td_err *err)
{
    const td_mesh_attr *a = td_mesh_find(m, name);
    if (a != NULL) {
        if (a->size < size) {
            td_err_set(err, TD_ERR_VALUE, "attribute '%s' has %d components, %d needed", name, a->size, size);
            return NULL;
        }
        return a->data;
    }
    float *d = td_mesh_add_attr(m, name, size, err);
    if (d != NULL) {
        for (size_t i = 0; i < (size_t)m->nverts * (size_t)size; i++) {
            d[i] = fill;
        }
    }
    return d;
}

static int
attr_size(const td_mesh *m, const char *name)
{
    const td_mesh_attr *a = td_mesh_find(m, name);
    return a != NULL ? a->size : 0;
}

/* Sets N (3 floats a point) to the normalised sum of the unit normals of each point's triangles;
 * points in no triangle keep theirs. */
static void
compute_normals(td_mesh *m, const float *P, int psize, float *N)
{
    float *acc = calloc((size_t)(m->nverts ? m->nverts : 1) * 3, sizeof(float));
    if (acc == NULL) {
        return; /* keep the normals there are */
    }
    for (uint32_t t = 0; t + 2 < m->nindices; t += 3) {
        const uint32_t *v = m->indices + t;
        const float *a = P + (size_t)v[0] * psize, *b = P + (size_t)v[1] * psize, *c = P + (size_t)v[2] * psize;
        double e1[3] = {b[0] - a[0], b[1] - a[1], b[2] - a[2]}, e2[3] = {c[0] - a[0], c[1] - a[1], c[2] - a[2]};
        double n[3] = {e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]};
        double len = sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        if (!(len > 0.0)) {
            continue;
        }
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 3; j++) {
                acc[(size_t)v[k] * 3 + j] += (float)(n[j] / len);
            }
        }
    }
    for (uint32_t i = 0; i < m->nverts; i++) {
        float *s = acc + (size_t)i * 3;
        double len = sqrt((double)s[0] * s[0] + (double)s[1] * s[1] + (double)s[2] * s[2]);
        if (len > 0.0) {
            for (int j = 0; j < 3; j++) {
                N[(size_t)i * 3 + j] = (float)(s[j] / len);
            }
        }
    }
    free(acc);
}

int
td_geom_noise(const td_mesh *in, const td_geom_noise_desc *d, td_mesh **out, td_err *err)
{
    *out = NULL;
    if (d->period == 0.0 || !isfinite(d->period)) {
        return td_err_set(err, TD_ERR_VALUE, "period must be a number other than 0");
    }
    if (attr_size(in, "P") < 3) {
        return td_err_set(err, TD_ERR_VALUE, "the input has no point positions (P)");
    }
    td_mesh *m = copy_mesh(in, err);
    if (m == NULL) {
        return -1;
    }
    float *P = td_mesh_find(m, "P")->data;
    int psize = td_mesh_find(m, "P")->size;
    float *data = NULL;
    int size = 0, first = 0, count = 0;
    switch (d->attr) {
    case TD_GEOM_NOISE_POS:
    case TD_GEOM_NOISE_N: {
        int had = attr_size(m, "N") >= 3;
        data = attr(m, "N", 3, 0.0f, err);
        if (data != NULL && !had) {
            compute_normals(m, P, psize, data);
        }
        size = attr_size(m, "N");
        count = d->attr == TD_GEOM_NOISE_N ? 3 : 1;
        break;
    }
    case TD_GEOM_NOISE_CD:
    case TD_GEOM_NOISE_ALPHA:
        data = attr(m, "Cd", 4, 1.0f, err);
        size = attr_size(m, "Cd");
        first = d->attr == TD_GEOM_NOISE_ALPHA ? 3 : 0;
        count = d->attr == TD_GEOM_NOISE_ALPHA ? 1 : 3;
        break;
    case TD_GEOM_NOISE_UV:
    case TD_GEOM_NOISE_W:
        data = attr(m, "uv", d->attr == TD_GEOM_NOISE_W ? 3 : 2, 0.0f, err);
        size = attr_size(m, "uv");
        first = d->attr == TD_GEOM_NOISE_W ? 2 : 0;
        count = d->attr == TD_GEOM_NOISE_W ? 1 : 2;
        break;
    }
    if (data == NULL) {
        td_mesh_decref(m);
        return -1;
    }
    const double *x = d->xform;
    td_noise_desc nd = d->noise;
    uint32_t seed = nd.seed;
    for (uint32_t i = 0; i < m->nverts; i++) {
        const float *q = P + (size_t)i * psize;
        double p[3];
        for (int r = 0; r < 3; r++) {
            p[r] = (x[r] * q[0] + x[4 + r] * q[1] + x[8 + r] * q[2] + x[12 + r]) / d->period;
        }
        float *v = data + (size_t)i * size;
        for (int k = 0; k < count; k++) {
            nd.seed = seed + (uint32_t)k * 0x9e3779b9u;
            double n = d->offset + d->amp * td_noise_fractal(&nd, p);
            if (d->attr == TD_GEOM_NOISE_POS) {
                float *pw = P + (size_t)i * psize;
                for (int j = 0; j < 3; j++) {
                    pw[j] = td_to_float(pw[j] + n * v[j]);
                }
            }
            else {
                v[first + k] = td_to_float(v[first + k] + n);
            }
        }
        if (d->attr == TD_GEOM_NOISE_N) {
            double len = sqrt((double)v[0] * v[0] + (double)v[1] * v[1] + (double)v[2] * v[2]);
            if (len > 0.0) {
                for (int j = 0; j < 3; j++) {
                    v[j] = (float)(v[j] / len);
                }
            }
        }
    }
    if (d->attr == TD_GEOM_NOISE_POS) {
        compute_normals(m, P, psize, data);
    }
    td_mesh_compute_bounds(m);
    *out = m;
    return 0;
}
