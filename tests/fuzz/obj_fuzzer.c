/* libFuzzer harness for the Wavefront .obj reader (src/geom/obj.c): plain C, no Python, no GL. The
 * input is a file's bytes, read with both option settings in turn. A parse must either fail with a
 * message and no mesh, or give a finished mesh whose primitives index its vertices, whose
 * attributes hold finite floats of the documented sizes and whose groups cover its primitives.
 * Built and run by `make fuzz-c` (clang, ASan + UBSan); seeds in tests/fuzz/obj_seeds. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geom/obj.h"

static void
fail(const char *what)
{
    fprintf(stderr, "%s\n", what);
    abort();
}

static void
check(const td_mesh *m, const td_obj_groups *g)
{
    if (m->nprims != g->nprims || g->nnames < 1) {
        fail("groups do not cover the primitives");
    }
    for (uint32_t p = 0; p < m->nprims; p++) {
        if (g->prim_group[p] >= g->nnames || g->names[g->prim_group[p]] == NULL) {
            fail("a primitive's group is out of range");
        }
        if (m->prim_start[p + 1] < m->prim_start[p]) {
            fail("primitive ranges out of order");
        }
    }
    uint32_t end = m->nprims ? m->prim_start[m->nprims] : 0;
    for (uint32_t i = 0; i < end; i++) {
        if (m->prim_verts[i] >= m->nverts) {
            fail("a primitive vertex out of range");
        }
    }
    for (uint32_t i = 0; i < m->nindices; i++) {
        if (m->indices[i] >= m->nverts) {
            fail("a triangle index out of range");
        }
    }
    for (uint32_t i = 0; i < m->nlines; i++) {
        if (m->lines[i] >= m->nverts) {
            fail("a line index out of range");
        }
    }
    if (td_mesh_find(m, "P") == NULL) {
        fail("no P");
    }
    for (int a = 0; a < m->nattrs; a++) {
        const td_mesh_attr *at = &m->attrs[a];
        int want = strcmp(at->name, "Cd") == 0 ? 4 : 3;
        if (at->size != want) {
            fail("an attribute of the wrong size");
        }
        for (size_t i = 0; i < (size_t)m->nverts * (size_t)at->size; i++) {
            if (!isfinite(at->data[i])) {
                fail("a non-finite attribute value");
            }
        }
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* small limits: a file of many elements must stop at them, not at libFuzzer's malloc limit */
    td_obj_limits lim = {1 << 20, 1 << 16, 1 << 10};
    for (int o = 0; o < 2; o++) {
        td_obj_options opt = {o, o};
        td_mesh *m = NULL;
        td_obj_groups g;
        td_err err = {0};
        if (td_obj_parse(data, size, &opt, &lim, &m, &g, &err) != 0) {
            if (err.msg[0] == '\0') {
                fail("a parse failed without a message");
            }
            if (m != NULL || g.names != NULL || g.prim_group != NULL) {
                fail("a failed parse kept its results");
            }
            continue;
        }
        check(m, &g);
        td_mesh_decref(m);
        td_obj_groups_free(&g);
    }
    return 0;
}
