/* What the C geometry test programs share: allocation control through the linker's --wrap (an
 * allocation made to fail, live allocations counted for leaks) and the CHECK macro. Included by
 * exactly one file of each program (tests/test_geom_c.py and tests/test_obj_c.py build each program
 * from one test file, src/geom and src/util). */
#ifndef TD_TESTS_GEOMCHECK_H
#define TD_TESTS_GEOMCHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geom/geom.h"

/* ---- allocation control (the test program's own state) ---- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void __real_free(void *p);

static long alloc_calls;    /* allocations attempted since the counter was reset */
static long fail_at = -1;   /* the allocation (0-based) that fails; -1: none */
static long live;           /* allocations not yet freed */

static void *
counted(void *p)
{
    live += p != NULL;
    return p;
}

void *
__wrap_malloc(size_t n)
{
    return alloc_calls++ == fail_at ? NULL : counted(__real_malloc(n));
}

void *
__wrap_calloc(size_t n, size_t size)
{
    return alloc_calls++ == fail_at ? NULL : counted(__real_calloc(n, size));
}

void
__wrap_free(void *p)
{
    live -= p != NULL;
    __real_free(p);
}

/* ---- checks ---- */

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

/* Each allocation of a build failing in turn: -1, a memory error, *out NULL, nothing leaked. */
__attribute__((unused)) static void
test_out_of_memory(const char *what, int (*build)(const void *, td_mesh **, td_err *), const void *desc)
{
    long n;
    for (n = 0; n < 64; n++) {
        td_mesh *m = (td_mesh *)1;
        td_err err = {0};
        long before = live;
        alloc_calls = 0;
        fail_at = n;
        int rc = build(desc, &m, &err);
        fail_at = -1;
        if (rc == 0) {
            CHECK(m != NULL, "%s: success without a mesh", what);
            td_mesh_decref(m);
            CHECK(live == before, "%s: %ld allocations left after the decref", what, live - before);
            break;
        }
        CHECK(rc == -1 && m == NULL && err.kind == TD_ERR_MEMORY && strstr(err.msg, "out of memory") != NULL,
              "%s, allocation %ld failing: rc %d kind %d '%s'", what, n, rc, err.kind, err.msg);
        CHECK(live == before, "%s, allocation %ld failing: %ld allocations leaked", what, n, live - before);
    }
    CHECK(n >= 4, "%s succeeded with allocation %ld failing (it makes at least 4)", what, n);
    CHECK(n < 64, "%s never succeeded", what);
}

#endif
