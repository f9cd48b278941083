/* td_geom_sphere: an ellipsoid around an axis with smooth normals, as a latitude/longitude lattice
 * or as a subdivided icosahedron.
 *
 * Directions are taken around the axis k with e1, e2 (geom.h: e1 x e2 = the axis; for y, e1 = z
 * and e2 = x). A point in unit direction d lies at center + radius * d (per component), with N the
 * unit normal of the ellipsoid there, (P - center) / radius^2 normalised.
 *
 * Lattice (Mesh, and the primitive types we build as it): (rows + 1) x (cols + 1) points, point
 * (i, j) = i (cols + 1) + j, row i = 0 .. rows from the bottom pole (-axis) up, column j = 0 .. cols:
 *   theta = pi (1 - i / rows)             (the angle from +axis)
 *   phi   = pi + 2 pi j / cols
 *   d     = sin theta cos phi e1 + cos theta axis + sin theta sin phi e2
 * (for the y axis: -z at j = 0, then -x, +z, +x, and -z again at j = cols). Column cols repeats
 * column 0 and each pole row repeats one point, so the seam and the poles get their own texture
 * coordinates. Connected as conn (quads by default), counter-clockwise seen from outside.
 *
 * Polyhedron (Polygon): an icosahedron (its y axis along the axis, its z along e1, its x along e2)
 * whose faces are each cut into freq^2 triangles, every face with its own (freq + 1)(freq + 2) / 2
 * points, projected onto the sphere: 10 (freq + 1)(freq + 2) points, 20 freq^2 triangles,
 * counter-clockwise seen from outside.
 *
 * Texture coordinates ("uv": u, v, w = 0), by uv_mode (TouchDesigner's Texture Coordinates menu
 * names the layouts; the formulas are ours):
 *   outside (equirectangular, also "by primitive type")
 *             u = j / cols  around, growing eastward seen from outside (not mirrored): 0 and 1 on
 *                           the seam at phi = pi (-e1: -z for the y axis), 0.5 facing +e1 (+z)
 *             v = i / rows  from 0 at the bottom pole to 1 at the top
 *             On the polyhedron the same from each point's direction; a face across the seam has
 *             its small u raised by 1 so it does not span the whole texture, and a point at a
 *             pole takes the mean u of its face's other points.
 *   inside    the same with u mirrored (1 - u): reads the right way round seen from inside
 *   fisheye180, fisheye360 (equidistant azimuthal around the +axis pole)
 *             u = 1/2 + s cos phi, v = 1/2 + s sin phi, s = theta / pi (180: the hemisphere
 *             around +axis fills the unit disc) or theta / (2 pi) (360: the whole sphere does). */
#include "geom/geom.h"

#include <math.h>

/* P and N at unit direction d (in x, y, z), uv left to the caller. */
static void
place(const td_geom_sphere_desc *desc, const double d[3], float *P, float *N)
{
    const double *c = desc->center, *r = desc->radius;
    double n[3], len = 0.0;
    for (int k = 0; k < 3; k++) {
        P[k] = (float)(c[k] + r[k] * d[k]);
        /* the normal of x^2/a^2 + ... = 1 is (x/a^2, ...) */
        n[k] = r[k] != 0.0 ? d[k] / r[k] : 0.0;
        len += n[k] * n[k];
    }
    len = len > 0.0 ? sqrt(len) : 1.0;
    for (int k = 0; N != NULL && k < 3; k++) {
        N[k] = (float)(n[k] / len);
    }
}

/* uv at polar angle theta and longitude phi, for the non-equirectangular modes and the seam-free
 * part of the equirectangular ones (u from phi as j / cols gives it). */
static void
sphere_uv(td_geom_sphere_uv mode, double theta, double phi, float *uv)
{
    if (mode == TD_SPHERE_UV_FISHEYE180 || mode == TD_SPHERE_UV_FISHEYE360) {
        double s = theta / (mode == TD_SPHERE_UV_FISHEYE180 ? M_PI : 2.0 * M_PI);
        uv[0] = (float)(0.5 + s * cos(phi));
        uv[1] = (float)(0.5 + s * sin(phi));
        return;
    }
    double u = (phi - M_PI) / (2.0 * M_PI);
    u -= floor(u);
    uv[0] = (float)u;
    uv[1] = (float)(1.0 - theta / M_PI);
}

static int
lattice(const td_geom_sphere_desc *desc, td_mesh **out, td_err *err)
{
    if (desc->rows < 2 || desc->cols < 3) {
        return td_err_set(err, TD_ERR_VALUE, "a sphere needs at least 2 rows and 3 columns (got %d and %d)",
                          desc->rows, desc->cols);
    }
    if ((uint64_t)desc->rows * (uint64_t)desc->cols > TD_GEOM_MAX_POINTS) {
        return td_err_set(err, TD_ERR_VALUE, "a sphere of %d rows and %d columns has too many points", desc->rows,
                          desc->cols);
    }
    uint32_t rows = (uint32_t)desc->rows, cols = (uint32_t)desc->cols, nprims, nverts;
    if (td_geom_lattice_count("sphere", rows + 1, cols + 1, desc->conn, &nprims, &nverts, err) != 0) {
        return -1;
    }
    float *P, *N, *uv;
    td_mesh *m = td_geom_new("sphere", (uint64_t)(rows + 1) * (cols + 1), nprims, nverts, desc->attrs, &P, &N,
                             &uv, err);
    if (m == NULL) {
        return -1;
    }
    int k, e1, e2;
    td_geom_axis_frame(desc->axis, &k, &e1, &e2);
    size_t at = 0;
    for (uint32_t i = 0; i <= rows; i++) {
        double theta = M_PI * (1.0 - (double)i / (double)rows);
        for (uint32_t j = 0; j <= cols; j++, at += 3) {
            double phi = M_PI + 2.0 * M_PI * (double)j / (double)cols;
            double d[3];
            d[e1] = sin(theta) * cos(phi);
            d[k] = cos(theta);
            d[e2] = sin(theta) * sin(phi);
            place(desc, d, P + at, N != NULL ? N + at : NULL);
            if (uv == NULL) {
                continue;
            }
            sphere_uv(desc->uv_mode, theta, phi, uv + at);
            if (desc->uv_mode == TD_SPHERE_UV_OUTSIDE || desc->uv_mode == TD_SPHERE_UV_INSIDE) {
                double u = (double)j / (double)cols; /* exact, seam column at 1 */
                uv[at] = (float)(desc->uv_mode == TD_SPHERE_UV_INSIDE ? 1.0 - u : u);
                uv[at + 1] = (float)((double)i / (double)rows);
            }
        }
    }
    uint32_t prim = 0, vert = 0;
    td_geom_lattice_fill(m, 0, rows + 1, cols + 1, desc->conn, &prim, &vert);
    return td_geom_done(m, out, err);
}

#define GOLD 1.6180339887498949
static const double ico_v[12][3] = {
    {-1, GOLD, 0}, {1, GOLD, 0}, {-1, -GOLD, 0}, {1, -GOLD, 0}, {0, -1, GOLD}, {0, 1, GOLD},
    {0, -1, -GOLD}, {0, 1, -GOLD}, {GOLD, 0, -1}, {GOLD, 0, 1}, {-GOLD, 0, -1}, {-GOLD, 0, 1},
};
static const int ico_f[20][3] = {
    {0, 11, 5}, {0, 5, 1},  {0, 1, 7},   {0, 7, 10}, {0, 10, 11}, {1, 5, 9}, {5, 11, 4},
    {11, 10, 2}, {10, 7, 6}, {7, 1, 8},  {3, 9, 4},  {3, 4, 2},   {3, 2, 6}, {3, 6, 8},
    {3, 8, 9},  {4, 9, 5},  {2, 4, 11},  {6, 2, 10}, {8, 6, 7},   {9, 8, 1},
};

static int
polyhedron(const td_geom_sphere_desc *desc, td_mesh **out, td_err *err)
{
    if (desc->freq < 1 || desc->freq > 2048) {
        return td_err_set(err, TD_ERR_VALUE, "a polygon sphere's frequency must be 1 to 2048 (got %d)", desc->freq);
    }
    uint32_t f = (uint32_t)desc->freq, per = (f + 1) * (f + 2) / 2;
    float *P, *N, *uv;
    td_mesh *m = td_geom_new("sphere", 20ull * per, 20ull * f * f, 60ull * f * f, desc->attrs, &P, &N, &uv, err);
    if (m == NULL) {
        return -1;
    }
    int k, e1, e2;
    td_geom_axis_frame(desc->axis, &k, &e1, &e2);
    uint32_t prim = 0, vert = 0;
    for (int face = 0; face < 20; face++) {
        double A[3], B[3], C[3], x[3], y[3], n[3];
        for (int c = 0; c < 3; c++) {
            /* the icosahedron's x, y, z onto e2, the axis, e1 */
            int to = c == 0 ? e2 : c == 1 ? k : e1;
            A[to] = ico_v[ico_f[face][0]][c];
            B[to] = ico_v[ico_f[face][1]][c];
            C[to] = ico_v[ico_f[face][2]][c];
        }
        for (int c = 0; c < 3; c++) {
            x[c] = B[c] - A[c];
            y[c] = C[c] - A[c];
        }
        n[0] = x[1] * y[2] - x[2] * y[1];
        n[1] = x[2] * y[0] - x[0] * y[2];
        n[2] = x[0] * y[1] - x[1] * y[0];
        if (n[0] * A[0] + n[1] * A[1] + n[2] * A[2] < 0.0) { /* keep each face counter-clockwise outside */
            for (int c = 0; c < 3; c++) {
                double t = B[c];
                B[c] = C[c];
                C[c] = t;
            }
        }
        uint32_t base = (uint32_t)face * per, at = base;
        for (uint32_t b = 0; b <= f; b++) {
            for (uint32_t a = 0; a + b <= f; a++, at++) {
                double d[3], len = 0.0;
                for (int c = 0; c < 3; c++) {
                    d[c] = A[c] + (B[c] - A[c]) * a / f + (C[c] - A[c]) * b / f;
                    len += d[c] * d[c];
                }
                len = sqrt(len);
                for (int c = 0; c < 3; c++) {
                    d[c] /= len;
                }
                place(desc, d, P + (size_t)at * 3, N != NULL ? N + (size_t)at * 3 : NULL);
                if (uv != NULL) {
                    double theta = acos(fmax(-1.0, fmin(1.0, d[k]))), phi = atan2(d[e2], d[e1]);
                    sphere_uv(desc->uv_mode, theta, phi, uv + (size_t)at * 3);
                }
            }
        }
        if (uv != NULL && (desc->uv_mode == TD_SPHERE_UV_OUTSIDE || desc->uv_mode == TD_SPHERE_UV_INSIDE)) {
            /* the seam, then the poles, then the mirror; per face (its points are its own) */
            float lo = 2.0f, hi = -1.0f, *fu = uv + (size_t)base * 3;
            for (uint32_t p = 0; p < per; p++) {
                lo = fminf(lo, fu[p * 3]);
                hi = fmaxf(hi, fu[p * 3]);
            }
            for (uint32_t p = 0; hi - lo > 0.5f && p < per; p++) {
                fu[p * 3] += fu[p * 3] < 0.5f ? 1.0f : 0.0f;
            }
            double sum = 0.0;
            uint32_t nsum = 0;
            for (uint32_t p = 0; p < per; p++) {
                double s = fabs(fu[p * 3 + 1] - 0.5f);
                if (s < 0.5 - 1e-7) {
                    sum += fu[p * 3];
                    nsum++;
                }
            }
            for (uint32_t p = 0; p < per; p++) {
                if (fabs(fu[p * 3 + 1] - 0.5f) >= 0.5 - 1e-7 && nsum > 0) {
                    fu[p * 3] = (float)(sum / nsum);
                }
                if (desc->uv_mode == TD_SPHERE_UV_INSIDE) {
                    fu[p * 3] = 1.0f - fu[p * 3];
                }
            }
        }
        /* row b starts at base + b (f + 1) - b (b - 1) / 2 */
        for (uint32_t b = 0; b < f; b++) {
            uint32_t row = base + b * (f + 1) - b * (b - 1) / 2;
            uint32_t next = row + (f + 1 - b);
            for (uint32_t a = 0; a + b < f; a++) {
                m->prim_verts[vert++] = row + a;
                m->prim_verts[vert++] = row + a + 1;
                m->prim_verts[vert++] = next + a;
                m->prim_closed[prim] = 1;
                m->prim_start[++prim] = vert;
                if (a + b + 1 < f) {
                    m->prim_verts[vert++] = row + a + 1;
                    m->prim_verts[vert++] = next + a + 1;
                    m->prim_verts[vert++] = next + a;
                    m->prim_closed[prim] = 1;
                    m->prim_start[++prim] = vert;
                }
            }
        }
    }
    return td_geom_done(m, out, err);
}

int
td_geom_sphere(const td_geom_sphere_desc *desc, td_mesh **out, td_err *err)
{
    *out = NULL;
    return desc->polyhedron ? polyhedron(desc, out, err) : lattice(desc, out, err);
}
