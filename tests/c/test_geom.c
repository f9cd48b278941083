/* Tests of src/geom without Python or GL: built by tests/test_geom_c.py from this file,
 * the .c files of src/geom and src/util only, linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=free so
 * allocations can be made to fail one at a time and counted for leaks.
 *
 * Expected values come from the geometry and from the texture layouts documented in box.c and
 * sphere.c, computed here independently of the generators. Prints one line per failed check and
 * "ok N checks" at the end; exits 1 on any failure. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geom/geom.h"

#include "geomcheck.h"

static double
dot3(const double *a, const double *b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

static void
sub3(const float *a, const float *b, double *out)
{
    for (int k = 0; k < 3; k++) {
        out[k] = (double)a[k] - (double)b[k];
    }
}

static void
cross3(const double *a, const double *b, double *out)
{
    out[0] = a[1] * b[2] - a[2] * b[1];
    out[1] = a[2] * b[0] - a[0] * b[2];
    out[2] = a[0] * b[1] - a[1] * b[0];
}

/* Checks common to every mesh: attribute sizes, indices in range, unit normals, bounds of P. */
static void
check_common(const td_mesh *m, uint32_t nverts, uint32_t nindices)
{
    CHECK(m->nverts == nverts, "nverts %u, expected %u", m->nverts, nverts);
    CHECK(m->nindices == nindices, "nindices %u, expected %u", m->nindices, nindices);
    CHECK(m->nindices % 3 == 0, "%u indices is not whole triangles", m->nindices);
    const td_mesh_attr *p = td_mesh_find(m, "P"), *n = td_mesh_find(m, "N"), *uv = td_mesh_find(m, "uv");
    CHECK(p != NULL && p->size == 3, "P of size 3");
    CHECK(n != NULL && n->size == 3, "N of size 3");
    CHECK(uv != NULL && uv->size == 3, "uv of size 3");
    CHECK(td_mesh_find(m, "Cd") == NULL, "no Cd");
    CHECK(m->gpu == NULL && m->gpu_release == NULL, "no GPU copy yet");
    if (p == NULL || n == NULL || uv == NULL) {
        return;
    }
    uint32_t bad = 0;
    for (uint32_t i = 0; i < m->nindices; i++) {
        bad += m->indices[i] >= m->nverts;
    }
    CHECK(bad == 0, "%u indices out of range", bad);
    double worst = 0.0;
    float lo[3] = {INFINITY, INFINITY, INFINITY}, hi[3] = {-INFINITY, -INFINITY, -INFINITY};
    for (uint32_t i = 0; i < m->nverts; i++) {
        const float *v = n->data + (size_t)i * 3, *q = p->data + (size_t)i * 3;
        double len = sqrt((double)v[0] * v[0] + (double)v[1] * v[1] + (double)v[2] * v[2]);
        worst = fabs(len - 1.0) > worst ? fabs(len - 1.0) : worst;
        for (int k = 0; k < 3; k++) {
            lo[k] = q[k] < lo[k] ? q[k] : lo[k];
            hi[k] = q[k] > hi[k] ? q[k] : hi[k];
        }
    }
    CHECK(worst < 1e-6, "a normal's length is off 1 by %g", worst);
    for (int k = 0; k < 3; k++) {
        CHECK(m->bounds_min[k] == lo[k] && m->bounds_max[k] == hi[k], "bounds axis %d: [%g, %g], P spans [%g, %g]",
              k, m->bounds_min[k], m->bounds_max[k], lo[k], hi[k]);
    }
    /* quads: nindices / 6 primitives of 4 vertices (offsets, vertex lists, a closed flag each) */
    size_t nprims = nindices / 6;
    CHECK(m->nprims == nprims && m->nlines == 0, "%u primitives, %u line indices: expected %zu quads", m->nprims,
          m->nlines, nprims);
    for (size_t q = 0; q < m->nprims && q < nprims; q++) {
        CHECK(m->prim_start[q + 1] - m->prim_start[q] == 4 && m->prim_closed[q] == 1, "primitive %zu is no closed quad",
              q);
    }
    size_t bytes = sizeof(td_mesh) + (size_t)nindices * 4 + (size_t)nverts * 9 * 4 + (nprims + 1 + nprims * 4) * 4 +
                   nprims;
    CHECK(td_mesh_cpu_bytes(m) == bytes, "cpu bytes %zu, expected %zu", td_mesh_cpu_bytes(m), bytes);
}

/* ---- box ---- */

/* The layout documented in box.c: per face, the normal and the directions u and v grow in. */
static const double box_faces[6][3][3] = {
    {{1, 0, 0}, {0, 0, -1}, {0, 1, 0}},  {{-1, 0, 0}, {0, 0, 1}, {0, 1, 0}},
    {{0, 1, 0}, {1, 0, 0}, {0, 0, -1}},  {{0, -1, 0}, {1, 0, 0}, {0, 0, 1}},
    {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}},   {{0, 0, -1}, {-1, 0, 0}, {0, 1, 0}},
};

/* The half-extent along direction d (an axis, either sign). */
static double
half_along(const double *half, const double *d)
{
    return fabs(d[0]) * half[0] + fabs(d[1]) * half[1] + fabs(d[2]) * half[2];
}

static void
test_box(const td_geom_box_desc *desc)
{
    td_mesh *m = (td_mesh *)1;
    td_err err = {0};
    CHECK(td_geom_box(desc, &m, &err) == 0, "box: %s", err.msg);
    if (m == NULL) {
        return;
    }
    check_common(m, 24, 36);
    const float *P = td_mesh_find(m, "P")->data, *N = td_mesh_find(m, "N")->data, *UV = td_mesh_find(m, "uv")->data;
    double half[3];
    for (int k = 0; k < 3; k++) {
        half[k] = fabs(desc->size[k] * desc->scale) / 2.0;
    }
    int seen[6] = {0};
    for (uint32_t i = 0; i < m->nverts; i++) {
        const float *p = P + i * 3, *n = N + i * 3, *uv = UV + i * 3;
        double d[3] = {p[0] - desc->center[0], p[1] - desc->center[1], p[2] - desc->center[2]};
        /* the normal is one of the six face normals, the same for the face's four vertices */
        int face = -1;
        for (int f = 0; f < 6; f++) {
            const double *fn = box_faces[f][0];
            if (n[0] == fn[0] && n[1] == fn[1] && n[2] == fn[2]) {
                face = f;
            }
        }
        CHECK(face == (int)i / 4, "vertex %u: normal (%g %g %g) is not face %u's", i, n[0], n[1], n[2], i / 4);
        if (face < 0) {
            continue;
        }
        seen[face]++;
        const double *fn = box_faces[face][0], *fu = box_faces[face][1], *fv = box_faces[face][2];
        /* on the face's plane, inside its rectangle */
        CHECK(fabs(dot3(d, fn) - half_along(half, fn)) < 1e-6, "vertex %u off its face plane", i);
        double su = dot3(d, fu) / half_along(half, fu), sv = dot3(d, fv) / half_along(half, fv);
        CHECK(fabs(fabs(su) - 1.0) < 1e-6 && fabs(fabs(sv) - 1.0) < 1e-6, "vertex %u is not a face corner", i);
        /* uv: 0..1 across the face along u and v (box.c) */
        double eu = (su + 1.0) / 2.0, ev = (sv + 1.0) / 2.0;
        CHECK(fabs(uv[0] - eu) < 1e-6 && fabs(uv[1] - ev) < 1e-6 && uv[2] == 0.0f,
              "vertex %u (face %d): uv (%g %g %g), expected (%g %g 0)", i, face, uv[0], uv[1], uv[2], eu, ev);
        CHECK(uv[0] >= 0.0f && uv[0] <= 1.0f && uv[1] >= 0.0f && uv[1] <= 1.0f, "vertex %u uv out of 0..1", i);
    }
    for (int f = 0; f < 6; f++) {
        CHECK(seen[f] == 4, "face %d has %d vertices", f, seen[f]);
    }
    /* The (u, v) = (0, 0) corner of the +x face is (+x, -y, +z), of the top face (-x, +y, +z). */
    static const struct {
        int face;
        double corner[3];
    } origins[] = {{0, {1, -1, 1}}, {1, {-1, -1, -1}}, {2, {-1, 1, 1}}, {3, {-1, -1, -1}}, {4, {-1, -1, 1}},
                   {5, {1, -1, -1}}};
    for (size_t o = 0; o < sizeof(origins) / sizeof(origins[0]); o++) {
        int found = 0;
        for (uint32_t i = (uint32_t)origins[o].face * 4; i < (uint32_t)origins[o].face * 4 + 4; i++) {
            const float *p = P + i * 3, *uv = UV + i * 3;
            int at = 1;
            for (int k = 0; k < 3; k++) {
                at &= fabs(p[k] - (desc->center[k] + origins[o].corner[k] * half[k])) < 1e-6;
            }
            if (at) {
                found = 1;
                CHECK(uv[0] == 0.0f && uv[1] == 0.0f, "face %d corner: uv (%g %g)", origins[o].face, uv[0], uv[1]);
            }
        }
        CHECK(found, "face %d has no vertex at its documented (0, 0) corner", origins[o].face);
    }
    /* counter-clockwise seen from outside: (p1 - p0) x (p2 - p0) along the outward normal */
    int cw = 0;
    for (uint32_t t = 0; t < m->nindices; t += 3) {
        const uint32_t *ix = m->indices + t;
        double e1[3], e2[3], c[3], n[3] = {N[ix[0] * 3], N[ix[0] * 3 + 1], N[ix[0] * 3 + 2]};
        sub3(P + ix[1] * 3, P + ix[0] * 3, e1);
        sub3(P + ix[2] * 3, P + ix[0] * 3, e2);
        cross3(e1, e2, c);
        cw += !(dot3(c, n) > 0.0);
    }
    CHECK(cw == 0, "%d box triangles are not counter-clockwise from outside", cw);
    td_mesh_decref(m);
}

/* ---- sphere ---- */

static void
test_sphere(const td_geom_sphere_desc *desc)
{
    td_mesh *m = NULL;
    td_err err = {0};
    CHECK(td_geom_sphere(desc, &m, &err) == 0, "sphere: %s", err.msg);
    if (m == NULL) {
        return;
    }
    uint32_t rows = (uint32_t)desc->rows, cols = (uint32_t)desc->cols;
    check_common(m, (rows + 1) * (cols + 1), rows * cols * 6);
    const float *P = td_mesh_find(m, "P")->data, *N = td_mesh_find(m, "N")->data, *UV = td_mesh_find(m, "uv")->data;
    const double *c = desc->center, *r = desc->radius;
    double worst_eq = 0.0, worst_n = 0.0, worst_uv = 0.0;
    for (uint32_t i = 0; i <= rows; i++) {
        for (uint32_t j = 0; j <= cols; j++) {
            uint32_t at = i * (cols + 1) + j;
            const float *p = P + at * 3, *n = N + at * 3, *uv = UV + at * 3;
            double d[3], g[3], x[3];
            for (int k = 0; k < 3; k++) {
                d[k] = (p[k] - c[k]) / r[k]; /* on the unit sphere */
                g[k] = d[k] / r[k];          /* the ellipsoid's gradient: the normal's direction */
            }
            double eq = fabs(dot3(d, d) - 1.0);
            worst_eq = eq > worst_eq ? eq : worst_eq;
            double nd[3] = {n[0], n[1], n[2]};
            cross3(nd, g, x);
            double off = sqrt(dot3(x, x)) / sqrt(dot3(g, g));
            worst_n = off > worst_n ? off : worst_n;
            CHECK(dot3(nd, g) > 0.0, "vertex (%u, %u): the normal points inward", i, j);
            /* uv from the formulas of sphere.c by grid index (row 0 the bottom pole) ... */
            double eu = (double)j / cols, ev = (double)i / rows;
            double e = fmax(fabs(uv[0] - eu), fabs(uv[1] - ev));
            worst_uv = e > worst_uv ? e : worst_uv;
            CHECK(uv[2] == 0.0f && uv[0] >= 0.0f && uv[0] <= 1.0f && uv[1] >= 0.0f && uv[1] <= 1.0f,
                  "vertex (%u, %u): uv (%g %g %g) out of range", i, j, uv[0], uv[1], uv[2]);
            /* ... and from the position: v from the latitude, u the longitude east of -z */
            double lat_v = acos(fmax(-1.0, fmin(1.0, -d[1]))) / M_PI;
            CHECK(fabs(uv[1] - lat_v) < 1e-4, "vertex (%u, %u): v %g, latitude gives %g", i, j, uv[1], lat_v);
            if (i > 0 && i < rows) {
                double lon = atan2(-d[0], -d[2]);
                double lon_u = (lon < 0.0 ? lon + 2.0 * M_PI : lon) / (2.0 * M_PI);
                double du = fabs(uv[0] - lon_u);
                du = fmin(du, fabs(du - 1.0)); /* the seam is both 0 and 1 */
                CHECK(du < 1e-4, "vertex (%u, %u): u %g, longitude gives %g", i, j, uv[0], lon_u);
            }
        }
    }
    CHECK(worst_eq < 1e-5, "a vertex is off the ellipsoid by %g", worst_eq);
    CHECK(worst_n < 1e-5, "a normal is off the ellipsoid's by %g", worst_n);
    CHECK(worst_uv < 1e-6, "uv is off the documented grid formula by %g", worst_uv);
    /* counter-clockwise seen from outside; degenerate pole triangles have no orientation */
    int cw = 0, flat = 0;
    for (uint32_t t = 0; t < m->nindices; t += 3) {
        const uint32_t *ix = m->indices + t;
        double e1[3], e2[3], x[3], out[3];
        sub3(P + ix[1] * 3, P + ix[0] * 3, e1);
        sub3(P + ix[2] * 3, P + ix[0] * 3, e2);
        cross3(e1, e2, x);
        for (int k = 0; k < 3; k++) {
            double centroid = (P[ix[0] * 3 + k] + P[ix[1] * 3 + k] + P[ix[2] * 3 + k]) / 3.0;
            out[k] = (centroid - c[k]) / (r[k] * r[k]);
        }
        if (sqrt(dot3(x, x)) < 1e-9) {
            flat++;
            continue;
        }
        cw += !(dot3(x, out) > 0.0);
    }
    CHECK(cw == 0, "%d sphere triangles are not counter-clockwise from outside", cw);
    CHECK(flat == (int)(2 * cols), "%d degenerate triangles, expected one a quad at each pole (%u)", flat, 2 * cols);
    td_mesh_decref(m);
}

/* Vertices at the documented landmarks of a 4 x 8 sphere. */
static void
test_sphere_landmarks(void)
{
    td_geom_sphere_desc desc = {.center = {1, 2, 3}, .radius = {2, 3, 4}, .rows = 4, .cols = 8, .axis = TD_AXIS_Y,
                                .conn = TD_CONN_QUADS, .attrs = {1, 1}};
    td_mesh *m = NULL;
    td_err err = {0};
    CHECK(td_geom_sphere(&desc, &m, &err) == 0, "sphere: %s", err.msg);
    if (m == NULL) {
        return;
    }
    const float *P = td_mesh_find(m, "P")->data, *UV = td_mesh_find(m, "uv")->data;
    static const struct {
        uint32_t i, j;
        double dir[3], u, v;
    } marks[] = {
        {2, 0, {0, 0, -1}, 0.0, 0.5},  {2, 2, {-1, 0, 0}, 0.25, 0.5}, {2, 4, {0, 0, 1}, 0.5, 0.5},
        {2, 6, {1, 0, 0}, 0.75, 0.5},  {2, 8, {0, 0, -1}, 1.0, 0.5},  {4, 3, {0, 1, 0}, 0.375, 1.0},
        {0, 5, {0, -1, 0}, 0.625, 0.0},
    };
    for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
        uint32_t at = marks[k].i * 9 + marks[k].j;
        const float *p = P + at * 3, *uv = UV + at * 3;
        double e = 0.0;
        for (int a = 0; a < 3; a++) {
            e = fmax(e, fabs(p[a] - (desc.center[a] + desc.radius[a] * marks[k].dir[a])));
        }
        CHECK(e < 1e-5, "landmark %zu at (%g %g %g)", k, p[0], p[1], p[2]);
        CHECK(fabs(uv[0] - marks[k].u) < 1e-6 && fabs(uv[1] - marks[k].v) < 1e-6,
              "landmark %zu: uv (%g %g), expected (%g %g)", k, uv[0], uv[1], marks[k].u, marks[k].v);
    }
    td_mesh_decref(m);
}

/* ---- errors ---- */

static void
test_bad_sphere(int rows, int cols)
{
    td_geom_sphere_desc desc = {.radius = {1, 1, 1}, .rows = rows, .cols = cols, .conn = TD_CONN_QUADS, .attrs = {1, 1}};
    td_mesh *m = (td_mesh *)1;
    td_err err = {0};
    long before = live;
    CHECK(td_geom_sphere(&desc, &m, &err) == -1, "rows %d cols %d accepted", rows, cols);
    CHECK(m == NULL && err.kind == TD_ERR_VALUE && err.msg[0] != '\0', "rows %d cols %d: kind %d '%s'", rows, cols,
          err.kind, err.msg);
    CHECK(live == before, "rows %d cols %d leaked %ld allocations", rows, cols, live - before);
}

static void
test_attr_errors(void)
{
    td_err err = {0};
    td_mesh *m = td_mesh_new(5, 3, &err);
    CHECK(m != NULL, "mesh_new: %s", err.msg);
    if (m == NULL) {
        return;
    }
    CHECK(td_mesh_cpu_bytes(m) == sizeof(td_mesh) + 12, "empty mesh bytes %zu", td_mesh_cpu_bytes(m));
    const char *bad_names[] = {"", "sixteen_chars_xx", NULL};
    for (int i = 0; i < 3; i++) {
        err.kind = TD_ERR_RUNTIME;
        CHECK(td_mesh_add_attr(m, bad_names[i], 3, &err) == NULL && err.kind == TD_ERR_VALUE, "name %d accepted", i);
    }
    for (int size = -1; size <= 5; size += 6) {
        err.kind = TD_ERR_RUNTIME;
        CHECK(td_mesh_add_attr(m, "x", size, &err) == NULL && err.kind == TD_ERR_VALUE, "size %d accepted", size);
    }
    err.kind = TD_ERR_RUNTIME;
    CHECK(td_mesh_add_attr(m, "x", 0, &err) == NULL && err.kind == TD_ERR_VALUE, "size 0 accepted");
    float *cd = td_mesh_add_attr(m, "Cd", 4, &err);
    CHECK(cd != NULL, "Cd: %s", err.msg);
    int zero = 1;
    for (int i = 0; cd != NULL && i < 5 * 4; i++) {
        zero &= cd[i] == 0.0f;
    }
    CHECK(zero, "a new attribute is not zero-filled");
    CHECK(td_mesh_find(m, "Cd") != NULL && td_mesh_find(m, "Cd")->data == cd && td_mesh_find(m, "Cd")->size == 4,
          "find Cd");
    CHECK(td_mesh_find(m, "cd") == NULL && td_mesh_find(m, "P") == NULL, "find is exact");
    err.kind = TD_ERR_RUNTIME;
    CHECK(td_mesh_add_attr(m, "Cd", 4, &err) == NULL && err.kind == TD_ERR_VALUE, "duplicate Cd accepted");
    CHECK(td_mesh_add_attr(m, "fifteen_chars_x", 1, &err) != NULL, "a 15-character name: %s", err.msg);
    for (int i = 2; i < TD_MESH_MAX_ATTRS; i++) {
        char name[16];
        snprintf(name, sizeof(name), "a%d", i);
        CHECK(td_mesh_add_attr(m, name, 2, &err) != NULL, "attribute %d: %s", i, err.msg);
    }
    err.kind = TD_ERR_RUNTIME;
    CHECK(td_mesh_add_attr(m, "extra", 1, &err) == NULL && err.kind == TD_ERR_VALUE, "a 17th attribute accepted");
    size_t bytes = sizeof(td_mesh) + 12 + 5 * 4 * (4 + 1 + 2 * (TD_MESH_MAX_ATTRS - 2));
    CHECK(td_mesh_cpu_bytes(m) == bytes, "bytes %zu, expected %zu", td_mesh_cpu_bytes(m), bytes);
    /* no P: zero bounds */
    m->bounds_min[0] = 5.0f;
    td_mesh_compute_bounds(m);
    CHECK(m->bounds_min[0] == 0.0f && m->bounds_max[2] == 0.0f, "bounds without P");
    td_mesh_decref(m);
}

static struct td_mesh_gpu *released;
static int nreleased;

static void
fake_release(struct td_mesh_gpu *g)
{
    released = g;
    nreleased++;
}

/* The last reference, and only the last, releases the GPU copy. */
static void
test_gpu_release(void)
{
    td_err err = {0};
    td_mesh *m = td_mesh_new(0, 0, &err);
    CHECK(m != NULL, "empty mesh: %s", err.msg);
    if (m == NULL) {
        return;
    }
    static int token;
    m->gpu = (struct td_mesh_gpu *)&token;
    m->gpu_release = fake_release;
    td_mesh_incref(m);
    td_mesh_decref(m);
    CHECK(nreleased == 0, "released while referenced");
    td_mesh_decref(m);
    CHECK(nreleased == 1 && released == (struct td_mesh_gpu *)&token, "released %d times", nreleased);
    td_mesh_decref(NULL);
}

static int
build_box(const void *desc, td_mesh **out, td_err *err)
{
    return td_geom_box(desc, out, err);
}

static int
build_sphere(const void *desc, td_mesh **out, td_err *err)
{
    return td_geom_sphere(desc, out, err);
}

int
main(void)
{
    td_geom_box_desc unit = {.size = {1, 1, 1}, .scale = 1, .attrs = {1, 1}};
    td_geom_box_desc odd = {.center = {1, -2, 0.5}, .size = {2, 3, 4}, .scale = 0.5, .attrs = {1, 1}};
    test_box(&unit);
    test_box(&odd);
#define SPHERE_Y .axis = TD_AXIS_Y, .conn = TD_CONN_QUADS, .attrs = {1, 1}
    td_geom_sphere_desc sphere = {.radius = {1, 1, 1}, .rows = 20, .cols = 40, SPHERE_Y};
    td_geom_sphere_desc ellipsoid = {.center = {0.5, -1, 2}, .radius = {1, 2, 0.5}, .rows = 5, .cols = 7, SPHERE_Y};
    td_geom_sphere_desc minimal = {.radius = {3, 3, 3}, .rows = 2, .cols = 3, SPHERE_Y};
    test_sphere(&sphere);
    test_sphere(&ellipsoid);
    test_sphere(&minimal);
    test_sphere_landmarks();
    test_bad_sphere(1, 40);
    test_bad_sphere(20, 2);
    test_bad_sphere(-5, 40);
    test_bad_sphere(0, 0);
    test_bad_sphere(INT_MAX, INT_MAX);
    test_bad_sphere(70000, 70000); /* more than 2^32 vertices */
    test_attr_errors();
    test_gpu_release();
    test_out_of_memory("box", build_box, &odd);
    test_out_of_memory("sphere", build_sphere, &ellipsoid);
    CHECK(live == 0, "%ld allocations never freed", live);
    printf("%s %d checks, %d failed\n", failures ? "FAILED" : "ok", checks, failures);
    return failures ? 1 : 0;
}
