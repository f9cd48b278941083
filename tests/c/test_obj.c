/* Tests of the Wavefront .obj reader (src/geom/obj.c) without Python or GL: built by
 * tests/test_obj_c.py from this file and the .c files of src/geom and src/util, linked with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free so that every allocation can be made
 * to fail in turn (each failure must be a clean TD_ERR_MEMORY with nothing left allocated).
 *
 * Expected values are the files' own numbers and the OBJ rules (1-based and relative indices, one
 * vertex per distinct corner). Prints one line per failed check and "ok N checks, 0 failed". */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geom/obj.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);

static long alloc_calls, fail_at = -1, live;

void *
__wrap_malloc(size_t n)
{
    if (alloc_calls++ == fail_at) {
        return NULL;
    }
    void *p = __real_malloc(n);
    live += p != NULL;
    return p;
}

void *
__wrap_calloc(size_t n, size_t size)
{
    if (alloc_calls++ == fail_at) {
        return NULL;
    }
    void *p = __real_calloc(n, size);
    live += p != NULL;
    return p;
}

void *
__wrap_realloc(void *old, size_t n)
{
    if (alloc_calls++ == fail_at) {
        return NULL;
    }
    void *p = __real_realloc(old, n);
    live += p != NULL && old == NULL;
    return p;
}

void
__wrap_free(void *p)
{
    live -= p != NULL;
    __real_free(p);
}

static int checks, failures;

#define CHECK(cond, ...)                                                     \
    do {                                                                     \
        checks++;                                                            \
        if (!(cond)) {                                                       \
            failures++;                                                      \
            printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);           \
            printf(__VA_ARGS__);                                             \
            printf("\n");                                                    \
        }                                                                    \
    } while (0)

static td_mesh *
parse(const char *text, int normals, int flip, td_obj_groups *g, td_err *err)
{
    td_obj_options opt = {normals, flip};
    td_mesh *m = NULL;
    memset(err, 0, sizeof(*err));
    if (td_obj_parse(text, strlen(text), &opt, NULL, &m, g, err) != 0) {
        return NULL;
    }
    return m;
}

static const float *
attr(const td_mesh *m, const char *name, int size)
{
    const td_mesh_attr *a = td_mesh_find(m, name);
    return a != NULL && a->size == size ? a->data : NULL;
}

/* The mesh vertex whose P is (x, y, z), or -1. */
static int
find_point(const td_mesh *m, float x, float y, float z)
{
    const float *P = attr(m, "P", 3);
    for (uint32_t i = 0; P != NULL && i < m->nverts; i++) {
        if (P[3 * i] == x && P[3 * i + 1] == y && P[3 * i + 2] == z) {
            return (int)i;
        }
    }
    return -1;
}

static void
test_groups_colours_relative(void)
{
    const char *text = "\xEF\xBB\xBF# a BOM, then\r\n"
                       "v 0 0 0 0.5 0.25 0.125\r\n"
                       "v 1 0 0\r\n"
                       "v 1 1 0 0 1 0 0.5\r\n"
                       "v 0 1 0\r\n"
                       "f 1 2 3\r\n"
                       "g left  side\r\n"
                       "f -4 -2 \\\r\n -1\r\n"
                       "o thing\r\n"
                       "l 1 2\r\n";
    td_obj_groups g;
    td_err err;
    td_mesh *m = parse(text, 0, 0, &g, &err);
    CHECK(m != NULL, "%s", err.msg);
    if (m == NULL) {
        return;
    }
    CHECK(m->nprims == 3 && m->nverts == 4, "%u prims, %u verts", m->nprims, m->nverts);
    CHECK(m->prim_closed[0] && m->prim_closed[1] && !m->prim_closed[2], "closed flags");
    CHECK(m->prim_start[1] == 3 && m->prim_start[2] == 6 && m->prim_start[3] == 8, "starts");
    /* f -4 -2 -1 after 4 positions: positions 1, 3, 4 */
    int p1 = find_point(m, 0, 0, 0), p3 = find_point(m, 1, 1, 0), p4 = find_point(m, 0, 1, 0);
    CHECK(m->prim_verts[3] == (uint32_t)p1 && m->prim_verts[4] == (uint32_t)p3 && m->prim_verts[5] == (uint32_t)p4,
          "relative indices");
    CHECK(g.nprims == 3 && g.nnames == 3, "%u group prims, %u names", g.nprims, g.nnames);
    if (g.nnames == 3) {
        CHECK(strcmp(g.names[g.prim_group[0]], "default") == 0, "%s", g.names[g.prim_group[0]]);
        CHECK(strcmp(g.names[g.prim_group[1]], "left side") == 0, "%s", g.names[g.prim_group[1]]);
        CHECK(strcmp(g.names[g.prim_group[2]], "thing") == 0, "%s", g.names[g.prim_group[2]]);
    }
    const float *cd = attr(m, "Cd", 4);
    CHECK(cd != NULL, "no Cd");
    if (cd != NULL && p1 >= 0 && p3 >= 0) {
        int p2 = find_point(m, 1, 0, 0);
        CHECK(cd[4 * p1] == 0.5f && cd[4 * p1 + 1] == 0.25f && cd[4 * p1 + 2] == 0.125f && cd[4 * p1 + 3] == 1.0f,
              "rgb colour");
        CHECK(cd[4 * p3] == 0 && cd[4 * p3 + 1] == 1 && cd[4 * p3 + 2] == 0 && cd[4 * p3 + 3] == 0.5f, "rgba colour");
        CHECK(p2 >= 0 && cd[4 * p2] == 1 && cd[4 * p2 + 1] == 1 && cd[4 * p2 + 2] == 1 && cd[4 * p2 + 3] == 1,
              "no colour is white");
    }
    CHECK(attr(m, "N", 3) == NULL && attr(m, "uv", 3) == NULL, "no normals or uvs in the file, none computed");
    CHECK(m->nindices == 6 && m->nlines == 2, "%u indices, %u line entries", m->nindices, m->nlines);
    td_mesh_decref(m);
    td_obj_groups_free(&g);
}

static void
test_corners_uvs_normals(void)
{
    /* a unit quad in the xy plane, counter-clockwise seen from +z, with a uv per corner */
    const char *text = "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\n"
                       "vt 0.5\nvt 1 0 0.25\nvt 1 1\nvt 0 1\nvn 0 0 2\n"
                       "f 1/1 2/2 3/3 4/4\n"
                       "f 1/1/1 2/2/1 3/3/1\n";
    td_err err;
    td_mesh *m = parse(text, 1, 0, NULL, &err);
    CHECK(m != NULL, "%s", err.msg);
    if (m == NULL) {
        return;
    }
    /* corners (1,1,-) (2,2,-) (3,3,-) (4,4,-) (1,1,1) (2,2,1) (3,3,1): 7 distinct */
    CHECK(m->nverts == 7, "%u vertices", m->nverts);
    const float *uv = attr(m, "uv", 3), *N = attr(m, "N", 3);
    CHECK(uv != NULL && N != NULL, "uv and N");
    if (uv != NULL && N != NULL) {
        uint32_t a = m->prim_verts[0], b = m->prim_verts[1], c = m->prim_verts[4];
        CHECK(uv[3 * a] == 0.5f && uv[3 * a + 1] == 0 && uv[3 * a + 2] == 0, "vt with one number");
        CHECK(uv[3 * b] == 1 && uv[3 * b + 1] == 0 && uv[3 * b + 2] == 0.25f, "vt with three numbers");
        CHECK(N[3 * a] == 0 && N[3 * a + 1] == 0 && N[3 * a + 2] == 1.0f, "computed normal of the ccw quad");
        CHECK(N[3 * c + 2] == 2.0f, "the file's normal as written: %g", N[3 * c + 2]);
    }
    td_mesh_decref(m);
    /* flipped: the order reversed, the computed normal -z, the file's negated */
    m = parse(text, 1, 1, NULL, &err);
    CHECK(m != NULL, "%s", err.msg);
    if (m != NULL) {
        N = attr(m, "N", 3);
        int p4 = find_point(m, 0, 1, 0);
        CHECK(p4 >= 0 && m->prim_verts[0] == (uint32_t)p4, "reversed order starts at the last corner");
        uint32_t a = m->prim_verts[0], c = m->prim_verts[4];
        CHECK(N != NULL && N[3 * a + 2] == -1.0f && N[3 * c + 2] == -2.0f, "flipped normals");
        td_mesh_decref(m);
    }
}

static void
test_errors(void)
{
    static const struct {
        const char *text, *msg;
    } bad[] = {
        {"v 0 0 0\nv 1 0 0\nf 1 2 3\n", "line 3: f: vertex index 3 is out of range (2 defined before it)"},
        {"v 0 0 0\n\n\nf 0 1 1\n", "line 4: f: vertex index 0"},
        {"v 1 2\n", "line 1: v needs 3 numbers, it has 2"},
        {"v 1 2 3 4 5\n", "line 1: v has 5 numbers"},
        {"v 1 2 3 4 5 6 7 8\n", "line 1: v takes at most 7 numbers"},
        {"v 1 2 inf\n", "line 1: v: 'inf' is not a finite number"},
        {"v 1 2 0x\n", "line 1: v: '0x' is not a number"},
        {"v 1 2 3\nv 1 \\\n 2 3\nf 1 2 3\n", "line 4: f: vertex index 3 is out of range"},
        {"v 0 0 0\nf 1 1\n", "line 2: f needs at least 3 vertices, it has 2"},
        {"v 0 0 0\nl 1\n", "line 2: l needs at least 2 vertices, it has 1"},
        {"v 0 0 0\nf 1/1/1 1 1\n", "line 2: f: texture vertex index 1 is out of range (0 defined before it)"},
        {"v 0 0 0\nf 1//x 1 1\n", "line 2: f: '1//x' is not a vertex reference"},
        {"\xff\xfe junk\n", "line 1: unknown statement '\\xff\\xfe'"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        td_err err;
        td_obj_groups g;
        td_mesh *m = parse(bad[i].text, 1, 0, &g, &err);
        CHECK(m == NULL && err.kind == TD_ERR_VALUE && strstr(err.msg, bad[i].msg) != NULL, "case %zu: '%s'", i,
              err.msg);
        CHECK(g.names == NULL && g.prim_group == NULL, "case %zu keeps groups", i);
        td_mesh_decref(m);
    }
    /* limits */
    td_obj_limits lim = {1 << 20, 3, 4};
    td_mesh *m = NULL;
    td_err err = {0};
    const char *four = "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\n";
    CHECK(td_obj_parse(four, strlen(four), NULL, &lim, &m, NULL, &err) != 0 &&
              strstr(err.msg, "line 4: more than 3 positions (v) (the limit)") != NULL,
          "%s", err.msg);
    const char *big = "v 0 0 0\nf 1 1 1 1 1\n";
    lim.max_elements = 100;
    CHECK(td_obj_parse(big, strlen(big), NULL, &lim, &m, NULL, &err) != 0 &&
              strstr(err.msg, "line 2: f has more than 4 vertices (the limit)") != NULL,
          "%s", err.msg);
    lim.max_bytes = 4;
    CHECK(td_obj_parse(big, strlen(big), NULL, &lim, &m, NULL, &err) != 0 && strstr(err.msg, "over the limit") != NULL,
          "%s", err.msg);
    CHECK(m == NULL, "a failed parse gives no mesh");
}

static void
test_locale_and_points(void)
{
    /* a locale whose decimal point is a comma, where one is installed */
    const char *had = setlocale(LC_NUMERIC, "de_DE.UTF-8");
    td_err err;
    td_mesh *m = parse("v 0.5 -1.25e1 3\nv 7 8 9\n", 1, 0, NULL, &err);
    CHECK(m != NULL, "%s", err.msg);
    if (m != NULL) {
        /* no primitives: each position is a point of its own */
        CHECK(m->nverts == 2 && m->nprims == 0 && find_point(m, 0.5f, -12.5f, 3.0f) >= 0, "point cloud (%s)",
              had != NULL ? "comma locale" : "C locale");
        td_mesh_decref(m);
    }
    setlocale(LC_NUMERIC, "C");
    m = parse("", 1, 0, NULL, &err);
    CHECK(m != NULL && m->nverts == 0 && m->nprims == 0, "an empty file is an empty mesh: %s", err.msg);
    td_mesh_decref(m);
}

/* Every allocation of a full parse fails in turn: a clean TD_ERR_MEMORY, nothing left. */
static void
test_allocation_failures(void)
{
    const char *text = "g a\nv 0 0 0 1 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvt 0 0\nvn 0 0 1\n"
                       "f 1/1/1 2/1/1 3/1 4\ng b\nl 1 2 3\nv 9 9 9\n";
    long total = 0;
    for (long k = 0;; k++) {
        alloc_calls = 0;
        fail_at = k;
        long before = live;
        td_err err;
        td_obj_groups g;
        td_mesh *m = parse(text, 1, 1, &g, &err);
        fail_at = -1;
        if (m != NULL) {
            td_mesh_decref(m);
            td_obj_groups_free(&g);
            CHECK(live == before, "leak after a good parse");
            total = k;
            break;
        }
        CHECK(err.kind == TD_ERR_MEMORY, "allocation %ld: %s", k, err.msg);
        CHECK(live == before, "allocation %ld failing leaks %ld", k, live - before);
        if (k > 10000) {
            CHECK(0, "never succeeded");
            break;
        }
    }
    CHECK(total > 10, "only %ld allocations", total);
}

int
main(void)
{
    test_groups_colours_relative();
    test_corners_uvs_normals();
    test_errors();
    test_locale_and_points();
    test_allocation_failures();
    printf("ok %d checks, %d failed\n", checks, failures);
    return failures != 0;
}
