/* Tests of the grid, circle, line, torus, tube and polyhedron-sphere generators of src/geom without
 * Python or GL: built by tests/test_geom_c.py like test_geom.c.
 *
 * Every expectation comes from the shape's geometry (its implicit equation, its normal, where its
 * points must lie) or from the layout formulas documented in the generator's file, computed here
 * independently. Prints one line per failed check and "ok N checks" at the end; exits 1 on any
 * failure. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geom/geom.h"

#include "geomcheck.h"

static const float *
attr(const td_mesh *m, const char *name)
{
    const td_mesh_attr *a = td_mesh_find(m, name);
    return a != NULL && a->size == 3 ? a->data : NULL;
}

static double
dot(const double *a, const double *b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

static void
cross(const double *a, const double *b, double *o)
{
    o[0] = a[1] * b[2] - a[2] * b[1];
    o[1] = a[2] * b[0] - a[0] * b[2];
    o[2] = a[0] * b[1] - a[1] * b[0];
}

/* What every generated mesh must satisfy: counts, the attributes asked for (and no others), unit
 * normals, bounds of P, and every non-degenerate triangle counter-clockwise about the mean normal
 * of its corners (when there are normals). */
static void
check_mesh(const char *what, const td_mesh *m, uint32_t npoints, uint32_t nprims, uint32_t nverts, int normals,
           int uv)
{
    CHECK(m->nverts == npoints, "%s: %u points, expected %u", what, m->nverts, npoints);
    CHECK(m->nprims == nprims, "%s: %u primitives, expected %u", what, m->nprims, nprims);
    uint32_t refs = m->nprims ? m->prim_start[m->nprims] : 0;
    CHECK(refs == nverts, "%s: %u vertices, expected %u", what, refs, nverts);
    const float *P = attr(m, "P"), *N = attr(m, "N"), *UV = attr(m, "uv");
    CHECK(P != NULL, "%s: no P", what);
    CHECK((N != NULL) == (normals != 0), "%s: N %s", what, N ? "present" : "absent");
    CHECK((UV != NULL) == (uv != 0), "%s: uv %s", what, UV ? "present" : "absent");
    CHECK(m->nattrs == 1 + (normals != 0) + (uv != 0), "%s: %d attributes", what, m->nattrs);
    if (P == NULL) {
        return;
    }
    double worst = 0.0;
    float lo[3] = {INFINITY, INFINITY, INFINITY}, hi[3] = {-INFINITY, -INFINITY, -INFINITY};
    for (uint32_t i = 0; i < m->nverts; i++) {
        for (int k = 0; k < 3; k++) {
            lo[k] = fminf(lo[k], P[i * 3 + k]);
            hi[k] = fmaxf(hi[k], P[i * 3 + k]);
        }
        if (N != NULL) {
            const float *n = N + i * 3;
            worst = fmax(worst, fabs(sqrt((double)n[0] * n[0] + (double)n[1] * n[1] + (double)n[2] * n[2]) - 1.0));
        }
    }
    CHECK(worst < 1e-6, "%s: a normal's length is off 1 by %g", what, worst);
    for (int k = 0; k < 3 && m->nverts > 0; k++) {
        CHECK(m->bounds_min[k] == lo[k] && m->bounds_max[k] == hi[k], "%s: bounds axis %d", what, k);
    }
    int cw = 0;
    for (uint32_t t = 0; N != NULL && t < m->nindices; t += 3) {
        const uint32_t *ix = m->indices + t;
        double e1[3], e2[3], c[3], n[3] = {0, 0, 0};
        for (int k = 0; k < 3; k++) {
            e1[k] = (double)P[ix[1] * 3 + k] - P[ix[0] * 3 + k];
            e2[k] = (double)P[ix[2] * 3 + k] - P[ix[0] * 3 + k];
            for (int v = 0; v < 3; v++) {
                n[k] += N[ix[v] * 3 + k];
            }
        }
        cross(e1, e2, c);
        if (sqrt(dot(c, c)) > 1e-9) {
            cw += !(dot(c, n) > 0.0);
        }
    }
    CHECK(cw == 0, "%s: %d triangles are not counter-clockwise about their normals", what, cw);
}

/* ---- grid ---- */

/* Per plane: the axes a, b, n of geom.h's table (xy: x, y, +z; yz: y, z, +x; zx: z, x, +y). */
static const int plane_axes[3][3] = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};

/* Primitive and vertex counts of a rows x cols lattice connected as conn, from the menu's meaning. */
static void
lattice_counts(uint32_t r, uint32_t c, td_geom_conn conn, uint32_t *np, uint32_t *nv)
{
    uint32_t cells = (r - 1) * (c - 1);
    switch (conn) {
    case TD_CONN_ROWS:
        *np = r, *nv = r * c;
        break;
    case TD_CONN_COLS:
        *np = c, *nv = r * c;
        break;
    case TD_CONN_ROWCOL:
        *np = r + c, *nv = 2 * r * c;
        break;
    case TD_CONN_QUADS:
        *np = cells, *nv = 4 * cells;
        break;
    default:
        *np = 2 * cells, *nv = 6 * cells;
    }
}

static void
test_grid(td_geom_plane plane, td_geom_conn conn, int rows, int cols)
{
    td_geom_grid_desc d = {.center = {0.5, -1, 2}, .size = {3, 2}, .rows = rows, .cols = cols, .plane = plane,
                           .conn = conn, .attrs = {1, 1}};
    td_mesh *m = NULL;
    td_err err = {0};
    char what[64];
    snprintf(what, sizeof(what), "grid plane %d conn %d %dx%d", plane, conn, rows, cols);
    CHECK(td_geom_grid(&d, &m, &err) == 0, "%s: %s", what, err.msg);
    if (m == NULL) {
        return;
    }
    uint32_t np, nv;
    lattice_counts((uint32_t)rows, (uint32_t)cols, conn, &np, &nv);
    check_mesh(what, m, (uint32_t)(rows * cols), np, nv, 1, 1);
    const float *P = attr(m, "P"), *N = attr(m, "N"), *UV = attr(m, "uv");
    const int *ax = plane_axes[plane];
    double worst = 0.0;
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
            int at = (i * cols + j) * 3;
            double u = (double)j / (cols - 1), v = (double)i / (rows - 1);
            worst = fmax(worst, fabs(P[at + ax[0]] - (d.center[ax[0]] + d.size[0] * (u - 0.5))));
            worst = fmax(worst, fabs(P[at + ax[1]] - (d.center[ax[1]] + d.size[1] * (v - 0.5))));
            worst = fmax(worst, fabs(P[at + ax[2]] - d.center[ax[2]]));
            CHECK(N[at + ax[2]] == 1.0f && N[at + ax[0]] == 0.0f && N[at + ax[1]] == 0.0f, "%s: N at %d,%d", what, i,
                  j);
            worst = fmax(worst, fmax(fabs(UV[at] - u), fabs(UV[at + 1] - v)));
            CHECK(UV[at + 2] == 0.0f, "%s: w", what);
        }
    }
    CHECK(worst < 1e-6, "%s: points or uvs off the documented layout by %g", what, worst);
    /* open polylines exactly for rows / cols / rowcol, segments two a polyline edge */
    int lines = conn == TD_CONN_ROWS || conn == TD_CONN_COLS || conn == TD_CONN_ROWCOL;
    uint32_t nseg = 0;
    for (uint32_t p = 0; p < m->nprims; p++) {
        CHECK(m->prim_closed[p] == !lines, "%s: primitive %u closed %d", what, p, m->prim_closed[p]);
        nseg += lines ? m->prim_start[p + 1] - m->prim_start[p] - 1 : 0;
    }
    CHECK(m->nlines == 2 * nseg && (lines ? m->nindices == 0 : m->nlines == 0), "%s: %u line indices, %u triangle",
          what, m->nlines, m->nindices);
    if (!lines) { /* the faces cover the rectangle: their triangles' areas sum to size x size */
        double area = 0.0;
        for (uint32_t t = 0; t < m->nindices; t += 3) {
            double e1[3], e2[3], c[3];
            for (int k = 0; k < 3; k++) {
                e1[k] = (double)P[m->indices[t + 1] * 3 + k] - P[m->indices[t] * 3 + k];
                e2[k] = (double)P[m->indices[t + 2] * 3 + k] - P[m->indices[t] * 3 + k];
            }
            cross(e1, e2, c);
            area += sqrt(dot(c, c)) / 2.0;
        }
        CHECK(fabs(area - d.size[0] * d.size[1]) < 1e-5, "%s: faces cover %g, expected %g", what, area,
              d.size[0] * d.size[1]);
    }
    td_mesh_decref(m);
}

/* ---- circle ---- */

static void
test_circle(td_geom_arc arc, td_geom_plane plane, int divs, double t0, double t1)
{
    td_geom_circle_desc d = {.center = {1, 2, -3}, .radius = {2, 0.5}, .plane = plane, .divs = divs, .arc = arc,
                             .begin_deg = t0, .end_deg = t1, .attrs = {1, 1}};
    td_mesh *m = NULL;
    td_err err = {0};
    char what[64];
    snprintf(what, sizeof(what), "circle arc %d plane %d divs %d", arc, plane, divs);
    CHECK(td_geom_circle(&d, &m, &err) == 0, "%s: %s", what, err.msg);
    if (m == NULL) {
        return;
    }
    uint32_t n = (uint32_t)divs;
    /* the docs: open arcs have divs + 1 points, closed arcs divs + 2; a closed circle divs */
    uint32_t npts = arc == TD_ARC_CLOSED ? n : arc == TD_ARC_OPEN ? n + 1 : n + 2;
    uint32_t nprims = arc == TD_ARC_SLICEDARC ? n : 1;
    uint32_t nverts = arc == TD_ARC_SLICEDARC ? 3 * n : npts;
    check_mesh(what, m, npts, nprims, nverts, 1, 1);
    const float *P = attr(m, "P"), *N = attr(m, "N"), *UV = attr(m, "uv");
    const int *ax = plane_axes[plane];
    uint32_t narc = arc == TD_ARC_CLOSED ? n : n + 1;
    double worst = 0.0;
    for (uint32_t k = 0; k < npts; k++) {
        double x = (P[k * 3 + ax[0]] - d.center[ax[0]]) / d.radius[0];
        double y = (P[k * 3 + ax[1]] - d.center[ax[1]]) / d.radius[1];
        if (k < narc) { /* on the ellipse, at the documented angle */
            double t = (t0 + (arc == TD_ARC_CLOSED ? 360.0 : t1 - t0) * k / n) * M_PI / 180.0;
            worst = fmax(worst, fabs(x * x + y * y - 1.0));
            worst = fmax(worst, fmax(fabs(x - cos(t)), fabs(y - sin(t))));
        }
        else { /* the centre */
            worst = fmax(worst, fmax(fabs(x), fabs(y)));
        }
        worst = fmax(worst, fabs(P[k * 3 + ax[2]] - d.center[ax[2]]));
        CHECK(N[k * 3 + ax[2]] == 1.0f, "%s: N at %u", what, k);
        /* uv: the bounding square onto 0..1 */
        worst = fmax(worst, fmax(fabs(UV[k * 3] - (1 + x) / 2), fabs(UV[k * 3 + 1] - (1 + y) / 2)));
    }
    CHECK(worst < 1e-5, "%s: off the documented layout by %g", what, worst);
    int open = arc == TD_ARC_OPEN;
    CHECK(m->prim_closed[0] == !open, "%s: closed flag", what);
    CHECK(open ? m->nlines == 2 * n && m->nindices == 0 : m->nlines == 0, "%s: %u line indices", what, m->nlines);
    if (arc == TD_ARC_CLOSEDARC || arc == TD_ARC_SLICEDARC) {
        CHECK(m->prim_verts[0] == npts - 1, "%s: the first vertex is not the centre", what);
        /* pie area (t1 - t0) / 360 of the ellipse's, less the chords' sag */
        double area = 0.0, sector = fabs(t1 - t0) * M_PI / 180.0 / 2.0 * d.radius[0] * d.radius[1];
        for (uint32_t t = 0; t < m->nindices; t += 3) {
            double e1[3], e2[3], c[3];
            for (int k = 0; k < 3; k++) {
                e1[k] = (double)P[m->indices[t + 1] * 3 + k] - P[m->indices[t] * 3 + k];
                e2[k] = (double)P[m->indices[t + 2] * 3 + k] - P[m->indices[t] * 3 + k];
            }
            cross(e1, e2, c);
            area += sqrt(dot(c, c)) / 2.0;
        }
        double step = fabs(t1 - t0) * M_PI / 180.0 / n;
        double polygon = sector * sin(step) / step; /* n triangles of (1/2) ab sin(step) */
        CHECK(fabs(area - polygon) < 1e-5, "%s: pie area %g, expected %g", what, area, polygon);
    }
    td_mesh_decref(m);
}

/* ---- line ---- */

static void
test_line(int points, int uv)
{
    td_geom_line_desc d = {.a = {-1, 2, 3}, .b = {4, -2, 0.5}, .points = points, .uv = uv};
    td_mesh *m = NULL;
    td_err err = {0};
    CHECK(td_geom_line(&d, &m, &err) == 0, "line: %s", err.msg);
    if (m == NULL) {
        return;
    }
    check_mesh("line", m, (uint32_t)points, 1, (uint32_t)points, 0, uv);
    CHECK(m->prim_closed[0] == 0 && m->nindices == 0 && m->nlines == 2 * (uint32_t)(points - 1),
          "line: %u segment indices, %u triangle indices", m->nlines, m->nindices);
    const float *P = attr(m, "P"), *UV = attr(m, "uv");
    double worst = 0.0;
    for (int k = 0; k < points; k++) {
        double f = (double)k / (points - 1);
        for (int c = 0; c < 3; c++) {
            worst = fmax(worst, fabs(P[k * 3 + c] - (d.a[c] + (d.b[c] - d.a[c]) * f)));
        }
        if (UV != NULL) {
            worst = fmax(worst, fabs(UV[k * 3] - f) + fabs(UV[k * 3 + 1]) + fabs(UV[k * 3 + 2]));
        }
    }
    CHECK(worst < 1e-6, "line: off by %g", worst);
    for (uint32_t s = 0; s < m->nlines; s += 2) {
        CHECK(m->lines[s + 1] == m->lines[s] + 1, "line: segment %u joins %u and %u", s / 2, m->lines[s],
              m->lines[s + 1]);
    }
    td_mesh_decref(m);
}

/* ---- torus ---- */

static void
test_torus(td_geom_axis axis, td_geom_conn conn, int rows, int cols, int wrap)
{
    td_geom_torus_desc d = {.center = {0.5, 1, -2}, .radius = {2, 0.5}, .axis = axis, .rows = rows, .cols = cols,
                            .conn = conn, .angle_offset_deg = 10, .angleu_deg = {30, 300}, .anglev_deg = {-90, 90},
                            .closeu = wrap, .closev = wrap, .attrs = {1, 1}};
    td_mesh *m = NULL;
    td_err err = {0};
    char what[64];
    snprintf(what, sizeof(what), "torus axis %d conn %d %dx%d wrap %d", axis, conn, rows, cols, wrap);
    CHECK(td_geom_torus(&d, &m, &err) == 0, "%s: %s", what, err.msg);
    if (m == NULL) {
        return;
    }
    uint32_t nu = (uint32_t)rows + 1, nv = (uint32_t)cols + 1, np, nvr;
    lattice_counts(nv, nu, conn, &np, &nvr);
    check_mesh(what, m, nu * nv, np, nvr, 1, 1);
    const float *P = attr(m, "P"), *N = attr(m, "N"), *UV = attr(m, "uv");
    int k = axis, e1 = (k + 1) % 3, e2 = (k + 2) % 3;
    double worst = 0.0, R = d.radius[0], r = d.radius[1];
    for (uint32_t i = 0; i < nv; i++) {
        for (uint32_t j = 0; j < nu; j++) {
            uint32_t at = (i * nu + j) * 3;
            double q[3], ring[3], off[3];
            for (int c = 0; c < 3; c++) {
                q[c] = P[at + c] - d.center[c];
            }
            double h = q[k], rho = sqrt(q[e1] * q[e1] + q[e2] * q[e2]);
            /* on the torus: (rho - R)^2 + h^2 = r^2 */
            worst = fmax(worst, fabs((rho - R) * (rho - R) + h * h - r * r));
            /* N = (P - the nearest point of the ring circle) / r, outward */
            for (int c = 0; c < 3; c++) {
                ring[c] = c == k ? 0.0 : q[c] * R / rho;
                off[c] = (q[c] - ring[c]) / r;
                worst = fmax(worst, fabs(N[at + c] - off[c]));
            }
            /* u from the ring angle, v from the cross-section angle (torus.c) */
            double f = atan2(q[e2], q[e1]) * 180.0 / M_PI;
            double g = atan2(h, rho - R) * 180.0 / M_PI;
            double fu0 = wrap ? 0 : 30, fspan = wrap ? 360 : 270, gv0 = wrap ? 0 : -90, gspan = wrap ? 360 : 180;
            double au = fmod(f - fu0 + 720.0, 360.0), av = fmod(g - 10 - gv0 + 720.0, 360.0);
            au -= au > 360.0 - 1e-3 ? 360.0 : 0.0; /* the start, a rounding below 0 */
            av -= av > 360.0 - 1e-3 ? 360.0 : 0.0;
            double eu = au / fspan, ev = av / gspan;
            double du = fabs(UV[at] - eu), dv = fabs(UV[at + 1] - ev);
            if (wrap) { /* 0 and 1 are the same angle */
                du = fmin(du, fabs(du - 1.0));
                dv = fmin(dv, fabs(dv - 1.0));
            }
            CHECK(du * fspan < 1e-3 && dv * gspan < 1e-3, "%s: uv at %u,%u is %g, %g degrees off its angles", what, i,
                  j, du * fspan, dv * gspan);
            CHECK(fabs(UV[at] - (double)j / rows) < 1e-6 && fabs(UV[at + 1] - (double)i / cols) < 1e-6,
                  "%s: uv at %u,%u is not the lattice's", what, i, j);
        }
    }
    CHECK(worst < 1e-5, "%s: off the torus or its layout by %g", what, worst);
    td_mesh_decref(m);
}

/* ---- tube ---- */

static void
test_tube(td_geom_axis axis, int rows, int cols, int cap, double top, double bottom)
{
    td_geom_tube_desc d = {.center = {-1, 0.5, 2}, .radius = {top, bottom}, .height = 3, .axis = axis,
                           .rows = rows, .cols = cols, .conn = TD_CONN_QUADS, .cap = cap, .attrs = {1, 1}};
    td_mesh *m = NULL;
    td_err err = {0};
    char what[64];
    snprintf(what, sizeof(what), "tube axis %d %dx%d cap %d", axis, rows, cols, cap);
    CHECK(td_geom_tube(&d, &m, &err) == 0, "%s: %s", what, err.msg);
    if (m == NULL) {
        return;
    }
    uint32_t side = (uint32_t)rows * (cols + 1), caps = cap ? 2u * cols : 0;
    check_mesh(what, m, side + caps, (uint32_t)((rows - 1) * cols) + (cap ? 2 : 0),
               (uint32_t)(4 * (rows - 1) * cols) + caps, 1, 1);
    const float *P = attr(m, "P"), *N = attr(m, "N"), *UV = attr(m, "uv");
    int k = axis, e1 = (k + 1) % 3, e2 = (k + 2) % 3;
    double worst = 0.0;
    for (uint32_t p = 0; p < side + caps; p++) {
        double q[3], n[3] = {N[p * 3], N[p * 3 + 1], N[p * 3 + 2]};
        for (int c = 0; c < 3; c++) {
            q[c] = P[p * 3 + c] - d.center[c];
        }
        double h = q[k], rho = sqrt(q[e1] * q[e1] + q[e2] * q[e2]), t = h / d.height + 0.5;
        double radial[3] = {0, 0, 0};
        if (rho > 0) {
            radial[e1] = q[e1] / rho;
            radial[e2] = q[e2] / rho;
        }
        if (p < side) {
            /* on the cone: the radius runs linearly from the bottom's to the top's */
            worst = fmax(worst, fabs(rho - (bottom + (top - bottom) * t)));
            /* the normal is perpendicular to the side's line and points outward */
            double line[3];
            for (int c = 0; c < 3; c++) {
                line[c] = (c == k ? d.height : 0.0) + (top - bottom) * radial[c];
            }
            if (rho > 1e-6) { /* (a cone's tip has no direction of its own) */
                worst = fmax(worst, fabs(dot(n, line)) / sqrt(dot(line, line)));
                CHECK(dot(n, radial) > 0.0, "%s: side normal %u points inward", what, p);
            }
            worst = fmax(worst, fabs(UV[p * 3 + 1] - t));
        }
        else { /* caps: flat, at the ends, facing out along the axis */
            int is_top = p >= side + (uint32_t)cols;
            worst = fmax(worst, fabs(h - (is_top ? 1.5 : -1.5)));
            worst = fmax(worst, fabs(rho - (is_top ? top : bottom)));
            CHECK(n[k] == (is_top ? 1.0f : -1.0f), "%s: cap normal %u", what, p);
        }
    }
    CHECK(worst < 1e-5, "%s: off the cone or its layout by %g", what, worst);
    td_mesh_decref(m);
}

/* ---- polyhedron sphere ---- */

static void
test_polysphere(int freq, td_geom_axis axis)
{
    td_geom_sphere_desc d = {.center = {1, -1, 0.5}, .radius = {2, 1, 1.5}, .polyhedron = 1, .freq = freq,
                             .axis = axis, .attrs = {1, 1}, .uv_mode = TD_SPHERE_UV_OUTSIDE};
    td_mesh *m = NULL;
    td_err err = {0};
    char what[64];
    snprintf(what, sizeof(what), "polygon sphere freq %d axis %d", freq, axis);
    CHECK(td_geom_sphere(&d, &m, &err) == 0, "%s: %s", what, err.msg);
    if (m == NULL) {
        return;
    }
    uint32_t f = (uint32_t)freq;
    check_mesh(what, m, 10 * (f + 1) * (f + 2), 20 * f * f, 60 * f * f, 1, 1);
    const float *P = attr(m, "P"), *N = attr(m, "N"), *UV = attr(m, "uv");
    double worst = 0.0, area = 0.0;
    int inward = 0;
    for (uint32_t p = 0; p < m->nverts; p++) {
        double q[3], g[3], x[3], n[3] = {N[p * 3], N[p * 3 + 1], N[p * 3 + 2]};
        for (int c = 0; c < 3; c++) {
            q[c] = (P[p * 3 + c] - d.center[c]) / d.radius[c];
            g[c] = q[c] / d.radius[c];
        }
        worst = fmax(worst, fabs(dot(q, q) - 1.0));
        cross(n, g, x);
        worst = fmax(worst, sqrt(dot(x, x)) / sqrt(dot(g, g)));
        inward += !(dot(n, g) > 0.0);
        /* v from the latitude about the axis */
        double ev = 1.0 - acos(fmax(-1.0, fmin(1.0, q[axis]))) / M_PI;
        worst = fmax(worst, fabs(UV[p * 3 + 1] - ev));
        CHECK(UV[p * 3] >= 0.0f && UV[p * 3] <= 2.0f, "%s: u %g", what, UV[p * 3]);
    }
    CHECK(inward == 0, "%s: %d normals point inward", what, inward);
    CHECK(worst < 1e-5, "%s: off the ellipsoid by %g", what, worst);
    /* no face spans more than half the texture across (the seam is handled per face) */
    int wide = 0;
    for (uint32_t t = 0; t < m->nindices; t += 3) {
        float lo = 9, hi = -9;
        for (int v = 0; v < 3; v++) {
            lo = fminf(lo, UV[m->indices[t + v] * 3]);
            hi = fmaxf(hi, UV[m->indices[t + v] * 3]);
        }
        wide += hi - lo > 0.5f;
        double e1[3], e2[3], c[3];
        for (int k = 0; k < 3; k++) {
            e1[k] = ((double)P[m->indices[t + 1] * 3 + k] - P[m->indices[t] * 3 + k]) / d.radius[k];
            e2[k] = ((double)P[m->indices[t + 2] * 3 + k] - P[m->indices[t] * 3 + k]) / d.radius[k];
        }
        cross(e1, e2, c);
        area += sqrt(dot(c, c)) / 2.0;
    }
    CHECK(wide == 0, "%s: %d faces span more than half the texture", what, wide);
    /* mapped back to the unit sphere, the faces enclose nearly its area 4 pi (a polyhedron inscribed) */
    CHECK(area < 4 * M_PI && area > 4 * M_PI * (freq >= 4 ? 0.97 : 0.75), "%s: unit area %g", what, area);
    td_mesh_decref(m);
}

/* ---- errors ---- */

static int
build_grid(const void *d, td_mesh **out, td_err *err)
{
    return td_geom_grid(d, out, err);
}
static int
build_circle(const void *d, td_mesh **out, td_err *err)
{
    return td_geom_circle(d, out, err);
}
static int
build_line(const void *d, td_mesh **out, td_err *err)
{
    return td_geom_line(d, out, err);
}
static int
build_torus(const void *d, td_mesh **out, td_err *err)
{
    return td_geom_torus(d, out, err);
}
static int
build_tube(const void *d, td_mesh **out, td_err *err)
{
    return td_geom_tube(d, out, err);
}
static int
build_sphere(const void *d, td_mesh **out, td_err *err)
{
    return td_geom_sphere(d, out, err);
}

/* A description the generator must refuse: -1, TD_ERR_VALUE with a message, nothing leaked. */
static void
refused(const char *what, int (*build)(const void *, td_mesh **, td_err *), const void *desc)
{
    td_mesh *m = (td_mesh *)1;
    td_err err = {0};
    long before = live;
    CHECK(build(desc, &m, &err) == -1, "%s accepted", what);
    CHECK(m == NULL && err.kind == TD_ERR_VALUE && err.msg[0] != '\0', "%s: kind %d '%s'", what, err.kind, err.msg);
    CHECK(live == before, "%s: leaked %ld allocations", what, live - before);
}

static void
test_errors(void)
{
    td_geom_grid_desc g = {.size = {1, 1}, .rows = 0, .cols = 4, .conn = TD_CONN_QUADS};
    refused("grid of 0 rows", build_grid, &g);
    g.rows = -3;
    refused("grid of -3 rows", build_grid, &g);
    g.rows = 1;
    refused("quads grid of 1 row", build_grid, &g);
    g.conn = TD_CONN_COLS;
    refused("columns grid of 1 row", build_grid, &g);
    g.rows = 70000, g.cols = 70000, g.conn = TD_CONN_QUADS;
    refused("grid of 4.9e9 points", build_grid, &g);
    td_geom_circle_desc c = {.radius = {1, 1}, .divs = 2, .arc = TD_ARC_CLOSED};
    refused("closed circle of 2 divisions", build_circle, &c);
    c.divs = 0, c.arc = TD_ARC_OPEN;
    refused("arc of 0 divisions", build_circle, &c);
    c.divs = -5;
    refused("arc of -5 divisions", build_circle, &c);
    c.divs = 0x7fffffff;
    refused("arc of 2^31 divisions", build_circle, &c);
    td_geom_line_desc l = {.points = 1};
    refused("line of 1 point", build_line, &l);
    l.points = 0x7fffffff;
    refused("line of 2^31 points", build_line, &l);
    td_geom_torus_desc t = {.radius = {1, 0.5}, .rows = 0, .cols = 8, .conn = TD_CONN_QUADS, .closeu = 1, .closev = 1};
    refused("torus of 0 rows", build_torus, &t);
    t.rows = 100000, t.cols = 100000;
    refused("torus of 1e10 points", build_torus, &t);
    td_geom_tube_desc u = {.radius = {1, 1}, .height = 1, .rows = 1, .cols = 8, .conn = TD_CONN_QUADS};
    refused("tube of 1 row", build_tube, &u);
    u.rows = 2, u.cols = 2;
    refused("tube of 2 columns", build_tube, &u);
    td_geom_sphere_desc s = {.radius = {1, 1, 1}, .polyhedron = 1, .freq = 0};
    refused("polygon sphere of frequency 0", build_sphere, &s);
    s.freq = 5000;
    refused("polygon sphere of frequency 5000", build_sphere, &s);
}

int
main(void)
{
    for (int plane = 0; plane < 3; plane++) {
        for (int conn = 0; conn <= TD_CONN_ALTTRIANGLES; conn++) {
            test_grid((td_geom_plane)plane, (td_geom_conn)conn, 4, 5);
        }
    }
    test_grid(TD_PLANE_XY, TD_CONN_QUADS, 2, 2);
    test_grid(TD_PLANE_ZX, TD_CONN_ALTTRIANGLES, 7, 3);
    for (int arc = 0; arc < 4; arc++) {
        test_circle((td_geom_arc)arc, (td_geom_plane)(arc % 3), 12, 30, 250);
    }
    test_circle(TD_ARC_CLOSED, TD_PLANE_XY, 3, 0, 360);
    test_circle(TD_ARC_OPEN, TD_PLANE_YZ, 1, -45, 45);
    test_circle(TD_ARC_SLICEDARC, TD_PLANE_ZX, 64, 0, 360);
    test_line(2, 0);
    test_line(7, 1);
    for (int axis = 0; axis < 3; axis++) {
        test_torus((td_geom_axis)axis, TD_CONN_QUADS, 12, 8, 1);
        test_tube((td_geom_axis)axis, 3, 10, 1, 0.5, 1.5);
        test_polysphere(axis + 1, (td_geom_axis)axis);
    }
    test_torus(TD_AXIS_Y, TD_CONN_TRIANGLES, 6, 4, 0);
    test_torus(TD_AXIS_Z, TD_CONN_ROWCOL, 5, 3, 0);
    test_tube(TD_AXIS_Y, 2, 3, 0, 1, 1);
    test_tube(TD_AXIS_Y, 4, 16, 1, 0, 1); /* a cone: its top cap shrinks to a point */
    test_polysphere(6, TD_AXIS_Y);
    test_errors();
    td_geom_grid_desc grid = {.size = {1, 1}, .rows = 3, .cols = 3, .conn = TD_CONN_QUADS, .attrs = {1, 1}};
    td_geom_circle_desc circle = {.radius = {1, 1}, .divs = 8, .arc = TD_ARC_SLICEDARC, .end_deg = 360,
                                  .attrs = {1, 1}};
    td_geom_line_desc line = {.b = {1, 0, 0}, .points = 3, .uv = 1};
    td_geom_torus_desc torus = {.radius = {1, 0.5}, .rows = 4, .cols = 4, .conn = TD_CONN_QUADS, .closeu = 1,
                                .closev = 1, .attrs = {1, 1}};
    td_geom_tube_desc tube = {.radius = {1, 1}, .height = 1, .rows = 2, .cols = 4, .conn = TD_CONN_QUADS,
                              .cap = 1, .attrs = {1, 1}};
    td_geom_sphere_desc poly = {.radius = {1, 1, 1}, .polyhedron = 1, .freq = 2, .attrs = {1, 1}};
    test_out_of_memory("grid", build_grid, &grid);
    test_out_of_memory("circle", build_circle, &circle);
    test_out_of_memory("line", build_line, &line);
    test_out_of_memory("torus", build_torus, &torus);
    test_out_of_memory("tube", build_tube, &tube);
    test_out_of_memory("polygon sphere", build_sphere, &poly);
    CHECK(live == 0, "%ld allocations never freed", live);
    printf("%s %d checks, %d failed\n", failures ? "FAILED" : "ok", checks, failures);
    return failures ? 1 : 0;
}
