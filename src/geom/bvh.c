/* td_bvh. See bvh.h.
 *
 * Built top down: each node's triangles are split at the median of their centroids along the axis
 * where the centroids spread most (a quickselect, so the build is O(n log n)), down to leaves of at
 * most four. Children are stored side by side, so a node names its left child and the right one
 * follows. The walk keeps its own stack and visits the nearer child first. */
#include "geom/bvh.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define LEAF_SIZE 4
#define STACK_DEPTH 128

/* One triangle during the build: its box, its centroid and its number. The build permutes these
 * in place, so a node's triangles are always one contiguous run (no scattered vertex reads). */
typedef struct {
    float lo[3], hi[3], c[3];
    uint32_t tri;
} entry;

/* Puts the entries of e[0 .. n) whose centroids' axis value is below the k-th smallest before
 * position k (quickselect). */
static void
select_kth(entry *e, uint32_t n, uint32_t k, int axis)
{
    uint32_t lo = 0, hi = n - 1;
    while (lo < hi) {
        float pivot = e[lo + (hi - lo) / 2].c[axis];
        uint32_t i = lo, j = hi;
        while (i <= j) {
            while (e[i].c[axis] < pivot) {
                i++;
            }
            while (e[j].c[axis] > pivot) {
                j--;
            }
            if (i <= j) {
                entry s = e[i];
                e[i] = e[j];
                e[j] = s;
                i++;
                if (j == 0) {
                    break;
                }
                j--;
            }
        }
        if (k <= j) {
            hi = j;
        }
        else if (k >= i) {
            lo = i;
        }
        else {
            break;
        }
    }
}

td_bvh *
td_bvh_build(const td_mesh *m, td_err *err)
{
    const td_mesh_attr *P = td_mesh_find(m, "P");
    if (P == NULL || P->size < 3) {
        td_err_set(err, TD_ERR_VALUE, "a mesh without positions has nothing to pick");
        return NULL;
    }
    uint32_t ntri = m->nindices / 3;
    size_t cap = 2 * (size_t)ntri + 1; /* a binary tree with at most ntri leaves */
    td_bvh *b = calloc(1, sizeof(*b));
    entry *e = malloc((ntri ? ntri : 1) * sizeof(entry));
    uint32_t (*work)[3] = malloc(cap * sizeof(*work)); /* node, first entry, count */
    if (b != NULL) {
        b->tris = malloc((ntri ? ntri : 1) * sizeof(uint32_t));
        b->nodes = malloc(cap * sizeof(td_bvh_node));
    }
    if (b == NULL || b->tris == NULL || b->nodes == NULL || e == NULL || work == NULL) {
        free(e);
        free(work);
        td_bvh_free(b);
        td_err_nomem(err, "pick hierarchy");
        return NULL;
    }
    for (uint32_t t = 0; t < ntri; t++) {
        for (int v = 0; v < 3; v++) {
            const float *p = P->data + (size_t)m->indices[3 * (size_t)t + v] * P->size;
            for (int k = 0; k < 3; k++) {
                e[t].lo[k] = v == 0 || p[k] < e[t].lo[k] ? p[k] : e[t].lo[k];
                e[t].hi[k] = v == 0 || p[k] > e[t].hi[k] ? p[k] : e[t].hi[k];
            }
        }
        for (int k = 0; k < 3; k++) {
            e[t].c[k] = (e[t].lo[k] + e[t].hi[k]) * 0.5f;
        }
        e[t].tri = t;
    }
    b->nnodes = 1;
    size_t nwork = 1;
    work[0][0] = 0, work[0][1] = 0, work[0][2] = ntri;
    while (nwork > 0) {
        nwork--;
        uint32_t node = work[nwork][0], first = work[nwork][1], count = work[nwork][2];
        td_bvh_node *nd = &b->nodes[node];
        float clo[3] = {0, 0, 0}, chi[3] = {0, 0, 0};
        memset(nd, 0, sizeof(*nd));
        for (uint32_t i = 0; i < count; i++) {
            const entry *x = &e[first + i];
            for (int k = 0; k < 3; k++) {
                nd->lo[k] = i == 0 || x->lo[k] < nd->lo[k] ? x->lo[k] : nd->lo[k];
                nd->hi[k] = i == 0 || x->hi[k] > nd->hi[k] ? x->hi[k] : nd->hi[k];
                clo[k] = i == 0 || x->c[k] < clo[k] ? x->c[k] : clo[k];
                chi[k] = i == 0 || x->c[k] > chi[k] ? x->c[k] : chi[k];
            }
        }
        int axis = 0;
        for (int k = 1; k < 3; k++) {
            axis = chi[k] - clo[k] > chi[axis] - clo[axis] ? k : axis;
        }
        if (count <= LEAF_SIZE || !(chi[axis] > clo[axis])) {
            nd->first = first; /* few enough, or all centroids at one point: a leaf */
            nd->count = count;
            continue;
        }
        uint32_t half = count / 2;
        select_kth(e + first, count, half, axis);
        uint32_t left = b->nnodes;
        b->nnodes += 2;
        nd->first = left;
        nd->count = 0;
        work[nwork][0] = left, work[nwork][1] = first, work[nwork][2] = half;
        nwork++;
        work[nwork][0] = left + 1, work[nwork][1] = first + half, work[nwork][2] = count - half;
        nwork++;
    }
    for (uint32_t t = 0; t < ntri; t++) {
        b->tris[t] = e[t].tri;
    }
    free(work);
    free(e);
    return b;
}

void
td_bvh_free(td_bvh *b)
{
    if (b != NULL) {
        free(b->nodes);
        free(b->tris);
        free(b);
    }
}

const td_bvh *
td_bvh_of(td_mesh *m)
{
    td_bvh *have = atomic_load_explicit(&m->pick_index, memory_order_acquire);
    if (have != NULL) {
        return have;
    }
    if (atomic_fetch_add_explicit(&m->picks, 1, memory_order_relaxed) == 0) {
        return NULL;
    }
    td_err err = {0};
    td_bvh *made = td_bvh_build(m, &err);
    if (made == NULL) {
        return NULL;
    }
    td_bvh *expected = NULL;
    if (!atomic_compare_exchange_strong_explicit(&m->pick_index, &expected, made, memory_order_acq_rel,
                                                 memory_order_acquire)) {
        td_bvh_free(made); /* another thread installed one first */
        return expected;
    }
    return made;
}

/* The entry t of the ray into the box, or -1 if it misses it within (0, tmax). */
static double
box_entry(const td_bvh_node *n, const double o[3], const double inv[3], double tmax)
{
    double t0 = 0.0, t1 = tmax;
    for (int k = 0; k < 3; k++) {
        double a = (n->lo[k] - o[k]) * inv[k], b = (n->hi[k] - o[k]) * inv[k];
        if (a > b) {
            double s = a;
            a = b;
            b = s;
        }
        t0 = a > t0 ? a : t0; /* NaN (0 * inf, a ray in the slab's plane) keeps t0 */
        t1 = b < t1 ? b : t1;
        if (t0 > t1) {
            return -1.0;
        }
    }
    return t0;
}

void
td_bvh_walk(const td_bvh *b, const double o[3], const double d[3], double *tmax,
            void (*visit)(void *ctx, uint32_t tri), void *ctx)
{
    if (b->nnodes == 0) {
        return;
    }
    double inv[3];
    for (int k = 0; k < 3; k++) {
        inv[k] = 1.0 / d[k]; /* +-inf for an axis the ray does not move along */
    }
    uint32_t stack[STACK_DEPTH];
    int top = 0;
    if (box_entry(&b->nodes[0], o, inv, *tmax) < 0.0) {
        return;
    }
    stack[top++] = 0;
    while (top > 0) {
        const td_bvh_node *n = &b->nodes[stack[--top]];
        if (box_entry(n, o, inv, *tmax) < 0.0) {
            continue; /* a nearer hit was found since it was pushed */
        }
        if (n->count > 0) {
            for (uint32_t i = 0; i < n->count; i++) {
                visit(ctx, b->tris[n->first + i]);
            }
            continue;
        }
        double tl = box_entry(&b->nodes[n->first], o, inv, *tmax);
        double tr = box_entry(&b->nodes[n->first + 1], o, inv, *tmax);
        /* a median split halves every node, so the depth is at most 32 and the stack (one entry a
         * level, plus one) never fills */
        /* the nearer child is popped first */
        if (tl >= 0.0 && tr >= 0.0) {
            stack[top++] = tl <= tr ? n->first + 1 : n->first;
            stack[top++] = tl <= tr ? n->first : n->first + 1;
        }
        else if (tl >= 0.0) {
            stack[top++] = n->first;
        }
        else if (tr >= 0.0) {
            stack[top++] = n->first + 1;
        }
    }
}
