/* The lattice the surface generators share: counting and writing the primitives of a grid of
 * points connected as TouchDesigner's Connectivity menu says, and making a generator's mesh. See
 * geom.h. */
#include "geom/geom.h"

int
td_geom_lattice_count(const char *what, uint32_t nrows, uint32_t ncols, td_geom_conn conn, uint32_t *nprims,
                      uint32_t *nverts, td_err *err)
{
    uint64_t r = nrows, c = ncols, p = 0, v = 0;
    int rows_ok = c >= 2 && r >= 1, cols_ok = r >= 2 && c >= 1, surface_ok = r >= 2 && c >= 2;
    switch (conn) {
    case TD_CONN_ROWS:
        if (!rows_ok) {
            goto too_small;
        }
        p = r;
        v = r * c;
        break;
    case TD_CONN_COLS:
        if (!cols_ok) {
            goto too_small;
        }
        p = c;
        v = r * c;
        break;
    case TD_CONN_ROWCOL:
        if (!surface_ok) {
            goto too_small;
        }
        p = r + c;
        v = 2 * r * c;
        break;
    case TD_CONN_TRIANGLES:
    case TD_CONN_ALTTRIANGLES:
        if (!surface_ok) {
            goto too_small;
        }
        p = 2 * (r - 1) * (c - 1);
        v = 3 * p;
        break;
    case TD_CONN_QUADS:
        if (!surface_ok) {
            goto too_small;
        }
        p = (r - 1) * (c - 1);
        v = 4 * p;
        break;
    default:
        return td_err_set(err, TD_ERR_VALUE, "%s: unknown connectivity %d", what, (int)conn);
    }
    if (v > UINT32_MAX) {
        return td_err_set(err, TD_ERR_VALUE, "%s: %u x %u points make too many primitives", what, nrows, ncols);
    }
    *nprims = (uint32_t)p;
    *nverts = (uint32_t)v;
    return 0;
too_small:
    return td_err_set(err, TD_ERR_VALUE,
                      "%s: %u x %u points are too few for this connectivity (a surface needs 2 x 2, rows "
                      "polylines 2 columns, columns polylines 2 rows)",
                      what, nrows, ncols);
}

void
td_geom_prim_range(td_mesh *m, uint32_t first, uint32_t n, int closed, uint32_t *prim, uint32_t *vert)
{
    for (uint32_t k = 0; k < n; k++) {
        m->prim_verts[(*vert)++] = first + k;
    }
    m->prim_closed[*prim] = (unsigned char)(closed != 0);
    m->prim_start[++*prim] = *vert;
}

/* One polygon of the given n point indices. */
static void
poly(td_mesh *m, const uint32_t *pts, uint32_t n, uint32_t *prim, uint32_t *vert)
{
    for (uint32_t k = 0; k < n; k++) {
        m->prim_verts[(*vert)++] = pts[k];
    }
    m->prim_closed[*prim] = 1;
    m->prim_start[++*prim] = *vert;
}

void
td_geom_lattice_fill(td_mesh *m, uint32_t first, uint32_t nrows, uint32_t ncols, td_geom_conn conn,
                     uint32_t *prim, uint32_t *vert)
{
    if (conn == TD_CONN_ROWS || conn == TD_CONN_ROWCOL) {
        for (uint32_t i = 0; i < nrows; i++) {
            td_geom_prim_range(m, first + i * ncols, ncols, 0, prim, vert);
        }
    }
    if (conn == TD_CONN_COLS || conn == TD_CONN_ROWCOL) {
        for (uint32_t j = 0; j < ncols; j++) {
            for (uint32_t i = 0; i < nrows; i++) {
                m->prim_verts[(*vert)++] = first + i * ncols + j;
            }
            m->prim_closed[*prim] = 0;
            m->prim_start[++*prim] = *vert;
        }
    }
    if (conn != TD_CONN_QUADS && conn != TD_CONN_TRIANGLES && conn != TD_CONN_ALTTRIANGLES) {
        return;
    }
    for (uint32_t i = 0; i + 1 < nrows; i++) {
        for (uint32_t j = 0; j + 1 < ncols; j++) {
            /* the cell's corners counter-clockwise about the front: (i,j) (i,j+1) (i+1,j+1) (i+1,j) */
            uint32_t a = first + i * ncols + j, b = a + 1, c = b + ncols, d = a + ncols;
            if (conn == TD_CONN_QUADS) {
                uint32_t q[4] = {a, b, c, d};
                poly(m, q, 4, prim, vert);
            }
            else if (conn == TD_CONN_TRIANGLES || ((i + j) & 1) == 0) {
                uint32_t t0[3] = {a, b, c}, t1[3] = {a, c, d};
                poly(m, t0, 3, prim, vert);
                poly(m, t1, 3, prim, vert);
            }
            else { /* alternating: the other diagonal on odd cells */
                uint32_t t0[3] = {a, b, d}, t1[3] = {b, c, d};
                poly(m, t0, 3, prim, vert);
                poly(m, t1, 3, prim, vert);
            }
        }
    }
}

td_mesh *
td_geom_new(const char *what, uint64_t npoints, uint64_t nprims, uint64_t nverts, td_geom_attrs attrs, float **P,
            float **N, float **uv, td_err *err)
{
    *P = *N = *uv = NULL;
    if (npoints > TD_GEOM_MAX_POINTS || nprims > UINT32_MAX || nverts > UINT32_MAX) {
        td_err_set(err, TD_ERR_VALUE, "%s: %llu points is more than the %u a generator makes", what,
                   (unsigned long long)npoints, TD_GEOM_MAX_POINTS);
        return NULL;
    }
    td_mesh *m = td_mesh_new_polys((uint32_t)npoints, (uint32_t)nprims, (uint32_t)nverts, err);
    if (m == NULL) {
        return NULL;
    }
    *P = td_mesh_add_attr(m, "P", 3, err);
    int ok = *P != NULL;
    if (ok && attrs.normals) {
        *N = td_mesh_add_attr(m, "N", 3, err);
        ok = *N != NULL;
    }
    if (ok && attrs.uv) {
        *uv = td_mesh_add_attr(m, "uv", 3, err);
        ok = *uv != NULL;
    }
    if (!ok) {
        td_mesh_decref(m);
        *P = *N = *uv = NULL;
        return NULL;
    }
    return m;
}

int
td_geom_done(td_mesh *m, td_mesh **out, td_err *err)
{
    if (td_mesh_finish(m, err) != 0) {
        td_mesh_decref(m);
        return -1;
    }
    *out = m;
    return 0;
}

void
td_geom_plane_axes(td_geom_plane p, int *a, int *b, int *n)
{
    *a = p == TD_PLANE_XY ? 0 : p == TD_PLANE_YZ ? 1 : 2;
    *b = (*a + 1) % 3;
    *n = (*a + 2) % 3;
}

void
td_geom_axis_frame(td_geom_axis axis, int *k, int *e1, int *e2)
{
    *k = axis == TD_AXIS_X ? 0 : axis == TD_AXIS_Y ? 1 : 2;
    *e1 = (*k + 1) % 3;
    *e2 = (*k + 2) % 3;
}
