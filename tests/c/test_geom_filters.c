/* Tests of the mesh filters of src/geom (filters.h: merge, transform) without Python or GL: built
 * by tests/test_geom_c.py from this file, the .c files of src/geom and src/util only, linked with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=free so allocations can be made to fail one at a time and
 * counted for leaks. Expected values are computed here by hand from the inputs (sums, offsets, the
 * transform's matrix written out), not by the filters. Prints one line per failed check and
 * "ok N checks" at the end; exits 1 on any failure. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geom/filters.h"
#include "geom/geom.h"
#include "util/mat4.h"

#include "geomcheck.h"

static int
near(double a, double b, double tol)
{
    return fabs(a - b) <= tol;
}

/* A fan of three points with P and Cd (4) only, one closed triangle and one open polyline. */
static td_mesh *
coloured_triangle(void)
{
    td_err err = {0};
    td_mesh *m = td_mesh_new_polys(3, 2, 5, &err);
    float *p = m != NULL ? td_mesh_add_attr(m, "P", 3, &err) : NULL;
    float *cd = p != NULL ? td_mesh_add_attr(m, "Cd", 4, &err) : NULL;
    if (cd == NULL) {
        td_mesh_decref(m);
        return NULL;
    }
    static const float pts[9] = {5, 0, 0, 6, 0, 0, 5, 1, 0};
    memcpy(p, pts, sizeof(pts));
    for (int i = 0; i < 12; i++) {
        cd[i] = 0.25f * (float)(i % 4);
    }
    static const uint32_t verts[5] = {0, 1, 2, 2, 0};
    memcpy(m->prim_verts, verts, sizeof(verts));
    m->prim_start[1] = 3;
    m->prim_start[2] = 5;
    m->prim_closed[0] = 1;
    if (td_mesh_finish(m, &err) != 0) {
        td_mesh_decref(m);
        return NULL;
    }
    return m;
}

static td_mesh *
unit_box(void)
{
    td_geom_box_desc d = {.size = {1, 1, 1}, .scale = 1, .attrs = {.normals = 1, .uv = 1}};
    td_mesh *m = NULL;
    td_err err = {0};
    td_geom_box(&d, &m, &err);
    return m;
}

static void
test_merge(void)
{
    td_mesh *box = unit_box(), *tri = coloured_triangle(), *out = NULL;
    CHECK(box != NULL && tri != NULL, "inputs");
    if (box == NULL || tri == NULL) {
        return;
    }
    td_mesh *in[3] = {box, tri, box};
    td_err err = {0};
    CHECK(td_geom_merge(in, 3, &out, &err) == 0 && out != NULL, "merge: %s", err.msg);
    if (out == NULL) {
        return;
    }
    CHECK(out->nverts == 24 + 3 + 24, "points %u", out->nverts);
    CHECK(out->nprims == 6 + 2 + 6, "prims %u", out->nprims);
    CHECK(out->prim_start[out->nprims] == 24 + 5 + 24, "vertices %u", out->prim_start[out->nprims]);
    CHECK(out->nindices == 36 + 3 + 36 && out->nlines == 2, "indices %u lines %u", out->nindices, out->nlines);
    /* the attributes: the box's P N uv, then the triangle's Cd */
    CHECK(out->nattrs == 4, "attributes %d", out->nattrs);
    const char *names[4] = {"P", "N", "uv", "Cd"};
    const int sizes[4] = {3, 3, 3, 4};
    for (int a = 0; a < 4 && a < out->nattrs; a++) {
        CHECK(strcmp(out->attrs[a].name, names[a]) == 0 && out->attrs[a].size == sizes[a], "attribute %d '%s' %d",
              a, out->attrs[a].name, out->attrs[a].size);
    }
    const td_mesh_attr *P = td_mesh_find(out, "P"), *N = td_mesh_find(out, "N"), *uv = td_mesh_find(out, "uv");
    const td_mesh_attr *Cd = td_mesh_find(out, "Cd");
    const td_mesh_attr *bP = td_mesh_find(box, "P"), *bN = td_mesh_find(box, "N"), *tP = td_mesh_find(tri, "P");
    const td_mesh_attr *tCd = td_mesh_find(tri, "Cd");
    if (P == NULL || N == NULL || uv == NULL || Cd == NULL) {
        return;
    }
    int same = 1;
    for (uint32_t v = 0; v < 24; v++) {
        for (int k = 0; k < 3; k++) {
            same &= P->data[v * 3 + k] == bP->data[v * 3 + k] && N->data[v * 3 + k] == bN->data[v * 3 + k];
            same &= P->data[(v + 27) * 3 + k] == bP->data[v * 3 + k];
        }
        for (int k = 0; k < 4; k++) { /* the box had no Cd: white */
            same &= Cd->data[v * 4 + k] == 1.0f && Cd->data[(v + 27) * 4 + k] == 1.0f;
        }
    }
    CHECK(same, "the boxes' points, normals and default colour");
    same = 1;
    for (uint32_t v = 0; v < 3; v++) {
        for (int k = 0; k < 3; k++) {
            same &= P->data[(24 + v) * 3 + k] == tP->data[v * 3 + k];
            same &= N->data[(24 + v) * 3 + k] == (k == 2 ? 1.0f : 0.0f); /* no N: (0, 0, 1) */
            same &= uv->data[(24 + v) * 3 + k] == 0.0f;
        }
        for (int k = 0; k < 4; k++) {
            same &= Cd->data[(24 + v) * 4 + k] == tCd->data[v * 4 + k];
        }
    }
    CHECK(same, "the triangle's points and colours, default normal and uv");
    /* primitives offset past the points before them */
    CHECK(out->prim_start[6] == 24 && out->prim_verts[24] == 24 && out->prim_verts[26] == 26, "triangle's prim");
    CHECK(out->prim_closed[6] == 1 && out->prim_closed[7] == 0 && out->prim_verts[27] == 26 && out->prim_verts[28] == 24,
          "polyline's prim");
    CHECK(out->prim_verts[29] == 27 + box->prim_verts[0] && out->indices[36] == 24 && out->indices[39] == 27,
          "second box offset");
    CHECK(out->lines[0] == 26 && out->lines[1] == 24, "segments offset");
    for (uint32_t i = 0; i < out->nindices; i++) {
        if (out->indices[i] >= out->nverts) {
            CHECK(0, "index %u out of range", i);
            break;
        }
    }
    /* bounds: the union */
    CHECK(out->bounds_min[0] == -0.5f && out->bounds_max[0] == 6.0f && out->bounds_max[1] == 1.0f &&
              out->bounds_min[2] == -0.5f && out->bounds_max[2] == 0.5f,
          "bounds");
    td_mesh_decref(out);
    /* nothing: an empty mesh; one: a copy */
    CHECK(td_geom_merge(NULL, 0, &out, &err) == 0 && out->nverts == 0 && out->nprims == 0 && out->nattrs == 0,
          "empty merge");
    td_mesh_decref(out);
    CHECK(td_geom_merge(&tri, 1, &out, &err) == 0 && out != tri && out->nverts == 3 && out->nprims == 2 &&
              memcmp(td_mesh_find(out, "Cd")->data, tCd->data, 12 * sizeof(float)) == 0,
          "copy");
    td_mesh_decref(out);
    td_mesh_decref(box);
    td_mesh_decref(tri);
}

/* A mesh made without primitives (td_mesh_new): its triangles become closed polygons. */
static void
test_merge_bare_triangles(void)
{
    td_err err = {0};
    td_mesh *bare = td_mesh_new(4, 6, &err), *out = NULL;
    float *p = td_mesh_add_attr(bare, "P", 3, &err);
    for (int i = 0; i < 12; i++) {
        p[i] = (float)i;
    }
    static const uint32_t idx[6] = {0, 1, 2, 0, 2, 3};
    memcpy(bare->indices, idx, sizeof(idx));
    td_mesh *in[2] = {bare, bare};
    CHECK(td_geom_merge(in, 2, &out, &err) == 0, "merge bare: %s", err.msg);
    CHECK(out->nprims == 4 && out->prim_start[4] == 12 && out->prim_closed[3] == 1, "bare prims %u", out->nprims);
    CHECK(out->prim_verts[6] == 4 && out->prim_verts[11] == 7 && out->indices[11] == 7, "bare offsets");
    td_mesh_decref(out);
    td_mesh_decref(bare);
}

static void
test_merge_too_many_attributes(void)
{
    td_err err = {0};
    td_mesh *a = td_mesh_new_polys(1, 0, 0, &err), *b = td_mesh_new_polys(1, 0, 0, &err), *out = NULL;
    char name[16];
    for (int i = 0; i < 9; i++) {
        snprintf(name, sizeof(name), "a%d", i);
        td_mesh_add_attr(a, name, 1, &err);
        snprintf(name, sizeof(name), "b%d", i);
        td_mesh_add_attr(b, name, 1, &err);
    }
    td_mesh *in[2] = {a, b};
    long before = live;
    CHECK(td_geom_merge(in, 2, &out, &err) == -1 && out == NULL && err.kind == TD_ERR_VALUE &&
              strstr(err.msg, "attributes") != NULL,
          "18 attributes: '%s'", err.msg);
    CHECK(live == before, "leak on refusal");
    td_mesh_decref(a);
    td_mesh_decref(b);
}

/* P' = R S P + t and N' along R S^-1 N (the inverse transpose of R S is R S^-1), R the rotation by
 * angle about z, written out here. */
static void
test_transform(void)
{
    td_mesh *box = unit_box(), *out = NULL;
    double ang = 30.0 * M_PI / 180.0, c = cos(ang), s = sin(ang);
    double sc[3] = {2, 3, 0.5}, t[3] = {1, -2, 4};
    double m[16] = {c * sc[0], s * sc[0], 0, 0, -s * sc[1], c * sc[1], 0, 0, 0, 0, sc[2], 0, t[0], t[1], t[2], 1};
    td_err err = {0};
    for (int keep = 0; keep < 2; keep++) {
        CHECK(td_geom_transform(box, m, keep, &out, &err) == 0, "transform: %s", err.msg);
        const td_mesh_attr *P = td_mesh_find(out, "P"), *N = td_mesh_find(out, "N"), *uv = td_mesh_find(out, "uv");
        const td_mesh_attr *bP = td_mesh_find(box, "P"), *bN = td_mesh_find(box, "N"), *buv = td_mesh_find(box, "uv");
        int ok_p = 1, ok_n = 1;
        double lo[3] = {1e9, 1e9, 1e9}, hi[3] = {-1e9, -1e9, -1e9};
        for (uint32_t v = 0; v < box->nverts; v++) {
            const float *x = bP->data + v * 3, *n = bN->data + v * 3;
            double sx = x[0] * sc[0], sy = x[1] * sc[1], sz = x[2] * sc[2];
            double e[3] = {c * sx - s * sy + t[0], s * sx + c * sy + t[1], sz + t[2]};
            double ix = n[0] / sc[0], iy = n[1] / sc[1], iz = n[2] / sc[2];
            double en[3] = {c * ix - s * iy, s * ix + c * iy, iz};
            double len = sqrt(en[0] * en[0] + en[1] * en[1] + en[2] * en[2]);
            for (int k = 0; k < 3; k++) {
                ok_p &= near(P->data[v * 3 + k], e[k], 1e-5);
                ok_n &= near(N->data[v * 3 + k], keep ? en[k] / len : en[k], 1e-5);
                lo[k] = e[k] < lo[k] ? e[k] : lo[k];
                hi[k] = e[k] > hi[k] ? e[k] : hi[k];
            }
        }
        CHECK(ok_p, "points are R S P + t (keep %d)", keep);
        CHECK(ok_n, "normals along R S^-1 N (keep %d)", keep);
        CHECK(memcmp(uv->data, buv->data, box->nverts * 3 * sizeof(float)) == 0, "uv unchanged");
        CHECK(out->nprims == box->nprims && memcmp(out->indices, box->indices, box->nindices * 4) == 0, "topology");
        for (int k = 0; k < 3; k++) {
            CHECK(near(out->bounds_min[k], lo[k], 1e-5) && near(out->bounds_max[k], hi[k], 1e-5), "bounds %d", k);
        }
        td_mesh_decref(out);
    }
    /* a zero scale: the points collapse, the normals stay as they were */
    double flat[16] = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    CHECK(td_geom_transform(box, flat, 1, &out, &err) == 0, "flat: %s", err.msg);
    CHECK(out->bounds_min[1] == 0.0f && out->bounds_max[1] == 0.0f, "flattened");
    CHECK(memcmp(td_mesh_find(out, "N")->data, td_mesh_find(box, "N")->data, 72 * sizeof(float)) == 0,
          "normals kept under a singular matrix");
    td_mesh_decref(out);
    td_mesh_decref(box);
}

/* Every allocation failing in turn: a memory error, nothing leaked. */
static void
test_filters_out_of_memory(void)
{
    td_mesh *box = unit_box(), *tri = coloured_triangle();
    td_mesh *in[2] = {box, tri};
    double m[16];
    td_mat4_identity(m);
    for (int which = 0; which < 2; which++) {
        long n;
        for (n = 0; n < 64; n++) {
            td_mesh *out = NULL;
            td_err err = {0};
            long before = live;
            alloc_calls = 0;
            fail_at = n;
            int rc = which == 0 ? td_geom_merge(in, 2, &out, &err) : td_geom_transform(box, m, 1, &out, &err);
            fail_at = -1;
            if (rc == 0) {
                td_mesh_decref(out);
                break;
            }
            CHECK(rc == -1 && out == NULL && err.kind == TD_ERR_MEMORY, "%s, allocation %ld failing: %d '%s'",
                  which ? "transform" : "merge", n, rc, err.msg);
            CHECK(live == before, "%s, allocation %ld failing: %ld leaked", which ? "transform" : "merge", n,
                  live - before);
        }
        CHECK(n >= 4 && n < 64, "%s: %ld allocations", which ? "transform" : "merge", n);
    }
    td_mesh_decref(box);
    td_mesh_decref(tri);
}

int
main(void)
{
    test_merge();
    test_merge_bare_triangles();
    test_merge_too_many_attributes();
    test_transform();
    test_filters_out_of_memory();
    CHECK(live == 0, "%ld allocations never freed", live);
    printf("%s %d checks, %d failed\n", failures ? "FAILED" : "ok", checks, failures);
    return failures ? 1 : 0;
}
