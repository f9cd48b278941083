/* Ray picking. See pick.h.
 *
 * Each copy of a mesh (the draw, or each instance) is tested in its own object space: the world ray
 * is taken through the inverse of the copy's matrix, which keeps t the same in both spaces (the map
 * is affine and the direction is carried along unnormalised), so hits of different copies compare
 * by t directly. Triangles are tested with the Moller-Trumbore method, those the mesh's hierarchy
 * (geom/bvh.h) leaves after a copy whose box the ray misses is skipped. */
#include "geom/pick.h"

#include <math.h>
#include <string.h>

#include "geom/bvh.h"
#include "util/mat4.h"

void
td_pick_copy_matrix(const float model[16], const td_instances *instances, uint32_t instance, double out[16])
{
    double m[16];
    for (int i = 0; i < 16; i++) {
        m[i] = model[i];
    }
    if (instances == NULL) {
        memcpy(out, m, sizeof(m));
        return;
    }
    double x[16];
    const float *f = instances->xform + (size_t)instance * 16;
    for (int i = 0; i < 16; i++) {
        x[i] = f[i];
    }
    td_mat4_mul(out, m, x);
}

/* Does the ray (object space) pass through the box lo..hi for some t in (0, tmax)? */
static int
ray_meets_box(const double o[3], const double d[3], const float lo[3], const float hi[3], double tmax)
{
    double t0 = 0.0, t1 = tmax;
    for (int k = 0; k < 3; k++) {
        if (d[k] == 0.0) {
            if (o[k] < lo[k] || o[k] > hi[k]) {
                return 0;
            }
            continue;
        }
        double a = (lo[k] - o[k]) / d[k], b = (hi[k] - o[k]) / d[k];
        if (a > b) {
            double s = a;
            a = b;
            b = s;
        }
        t0 = a > t0 ? a : t0;
        t1 = b < t1 ? b : t1;
        if (t0 > t1) {
            return 0;
        }
    }
    return 1;
}

typedef struct {
    const td_mesh_attr *P;
    const uint32_t *ix;
    const double *o, *d;
    int cull, flip;
    uint32_t instance;
    td_pick_hit *hit;
    int changed;
} tri_ctx;

/* One triangle against the object-space ray; flip: the copy's matrix mirrors (its determinant is
 * negative), so what is front in object space is back on screen. */
static void
test_triangle(void *arg, uint32_t tri)
{
    tri_ctx *c = arg;
    const td_mesh_attr *P = c->P;
    const double *o = c->o, *d = c->d;
    const float *a = P->data + (size_t)c->ix[3 * (size_t)tri] * P->size;
    const float *b = P->data + (size_t)c->ix[3 * (size_t)tri + 1] * P->size;
    const float *q0 = P->data + (size_t)c->ix[3 * (size_t)tri + 2] * P->size;
    double e1[3] = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
    double e2[3] = {q0[0] - a[0], q0[1] - a[1], q0[2] - a[2]};
    double p[3] = {d[1] * e2[2] - d[2] * e2[1], d[2] * e2[0] - d[0] * e2[2], d[0] * e2[1] - d[1] * e2[0]};
    double det = e1[0] * p[0] + e1[1] * p[1] + e1[2] * p[2];
    if (det == 0.0 || !isfinite(det)) {
        return; /* the ray runs along the triangle's plane, or the triangle is degenerate */
    }
    /* det < 0: the ray sees the triangle's corners clockwise, its back */
    int back = (det < 0.0) != (c->flip != 0);
    if (c->cull == TD_PICK_CULL_BOTH || (c->cull == TD_PICK_CULL_BACK && back) ||
        (c->cull == TD_PICK_CULL_FRONT && !back)) {
        return;
    }
    double inv = 1.0 / det;
    double s[3] = {o[0] - a[0], o[1] - a[1], o[2] - a[2]};
    /* a little slack on the barycentric bounds: a ray through an edge two triangles share (the
     * equator of a sphere, on the camera's axis) must not slip between them by rounding */
    const double slack = 1e-9;
    double u = (s[0] * p[0] + s[1] * p[1] + s[2] * p[2]) * inv;
    if (u < -slack || u > 1.0 + slack) {
        return;
    }
    double q[3] = {s[1] * e1[2] - s[2] * e1[1], s[2] * e1[0] - s[0] * e1[2], s[0] * e1[1] - s[1] * e1[0]};
    double v = (d[0] * q[0] + d[1] * q[1] + d[2] * q[2]) * inv;
    if (v < -slack || u + v > 1.0 + slack) {
        return;
    }
    double t = (e2[0] * q[0] + e2[1] * q[1] + e2[2] * q[2]) * inv;
    if (t > 0.0 && t < c->hit->t) {
        c->hit->t = t;
        c->hit->tri = tri;
        c->hit->b1 = u;
        c->hit->b2 = v;
        c->hit->instance = c->instance;
        c->hit->found = 1;
        c->changed = 1;
    }
}

/* One copy of m against the object-space ray: through its hierarchy, or every triangle if that
 * could not be built. */
static int
pick_copy(td_mesh *m, const double o[3], const double d[3], int cull, int flip, uint32_t instance, td_pick_hit *hit)
{
    const td_mesh_attr *P = td_mesh_find(m, "P");
    if (P == NULL || P->size < 3 || m->nindices < 3 || !ray_meets_box(o, d, m->bounds_min, m->bounds_max, hit->t)) {
        return 0;
    }
    tri_ctx c = {.P = P, .ix = m->indices, .o = o, .d = d, .cull = cull, .flip = flip, .instance = instance, .hit = hit};
    const td_bvh *b = td_bvh_of(m);
    if (b != NULL) {
        td_bvh_walk(b, o, d, &hit->t, test_triangle, &c);
    }
    else {
        for (uint32_t t = 0; t < m->nindices / 3; t++) {
            test_triangle(&c, t);
        }
    }
    return c.changed;
}

int
td_pick_mesh(td_mesh *m, const float model[16], const td_instances *instances, const double origin[3],
             const double dir[3], int cull, td_pick_hit *hit)
{
    uint32_t copies = instances != NULL ? instances->count : 1;
    int rc = 0;
    for (uint32_t k = 0; k < copies; k++) {
        double full[16], inv[16];
        td_pick_copy_matrix(model, instances, k, full);
        if (td_mat4_invert(inv, full) != 0) {
            rc = rc == 0 ? -1 : rc;
            continue;
        }
        double o[3], d[3];
        td_mat4_transform_point(inv, origin, o);
        for (int r = 0; r < 3; r++) {
            d[r] = inv[r] * dir[0] + inv[4 + r] * dir[1] + inv[8 + r] * dir[2];
        }
        double det3 = full[0] * (full[5] * full[10] - full[9] * full[6]) -
                      full[4] * (full[1] * full[10] - full[9] * full[2]) +
                      full[8] * (full[1] * full[6] - full[5] * full[2]);
        if (pick_copy(m, o, d, cull, det3 < 0.0, k, hit)) {
            rc = 1;
        }
    }
    return rc;
}

int
td_pick_attr(const td_mesh *m, const td_pick_hit *hit, const char *name, float out[4])
{
    const td_mesh_attr *a = td_mesh_find(m, name);
    if (a == NULL || !hit->found || (size_t)hit->tri * 3 + 2 >= m->nindices) {
        return 0;
    }
    const uint32_t *ix = m->indices + (size_t)hit->tri * 3;
    double w[3] = {1.0 - hit->b1 - hit->b2, hit->b1, hit->b2};
    int n = a->size < 4 ? a->size : 4;
    for (int k = 0; k < n; k++) {
        double v = 0.0;
        for (int c = 0; c < 3; c++) {
            v += w[c] * a->data[(size_t)ix[c] * a->size + k];
        }
        out[k] = (float)v;
    }
    return n;
}
