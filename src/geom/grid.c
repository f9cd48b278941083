/* td_geom_grid: a planar grid of rows x cols points (TouchDesigner's Grid SOP; the Rectangle SOP
 * is the 2 x 2 grid connected as quads).
 *
 * In the plane's axes a, b and normal n (geom.h: xy is x, y, +z; yz is y, z, +x; zx is z, x, +y),
 * point (i, j), row i = 0 .. rows - 1 and column j = 0 .. cols - 1, is point number i * cols + j at
 *   a = center_a + size[0] * (j / (cols - 1) - 1/2)      (center_a when cols is 1)
 *   b = center_b + size[1] * (i / (rows - 1) - 1/2)      (center_b when rows is 1)
 *   n = center_n
 * so rows are the lines of constant b ("horizontal" in the XY plane), from -b up, and columns the
 * lines of constant a. N is +n (unit), the same at every point; faces are counter-clockwise seen
 * from +n (with a negative size along one axis they turn clockwise, N staying +n).
 * Texture coordinates ("uv"; TouchDesigner's "Row & Columns"): u = j / (cols - 1) along a,
 * v = i / (rows - 1) along b, w = 0 (0 along an axis with one point). The docs name the layout
 * without giving the formula; this one is ours. */
#include "geom/geom.h"

int
td_geom_grid(const td_geom_grid_desc *desc, td_mesh **out, td_err *err)
{
    *out = NULL;
    if (desc->rows < 1 || desc->cols < 1) {
        return td_err_set(err, TD_ERR_VALUE, "a grid needs at least 1 row and 1 column (got %d and %d)", desc->rows,
                          desc->cols);
    }
    uint32_t rows = (uint32_t)desc->rows, cols = (uint32_t)desc->cols, nprims, nverts;
    if (td_geom_lattice_count("grid", rows, cols, desc->conn, &nprims, &nverts, err) != 0) {
        return -1;
    }
    float *P, *N, *uv;
    td_mesh *m = td_geom_new("grid", (uint64_t)rows * cols, nprims, nverts, desc->attrs, &P, &N, &uv, err);
    if (m == NULL) {
        return -1;
    }
    int a, b, n;
    td_geom_plane_axes(desc->plane, &a, &b, &n);
    for (uint32_t i = 0; i < rows; i++) {
        double v = rows > 1 ? (double)i / (double)(rows - 1) : 0.0;
        for (uint32_t j = 0; j < cols; j++) {
            double u = cols > 1 ? (double)j / (double)(cols - 1) : 0.0;
            size_t at = ((size_t)i * cols + j) * 3;
            P[at + a] = (float)(desc->center[a] + (cols > 1 ? desc->size[0] * (u - 0.5) : 0.0));
            P[at + b] = (float)(desc->center[b] + (rows > 1 ? desc->size[1] * (v - 0.5) : 0.0));
            P[at + n] = (float)desc->center[n];
            if (N != NULL) {
                N[at + n] = 1.0f;
            }
            if (uv != NULL) {
                uv[at] = (float)u;
                uv[at + 1] = (float)v;
            }
        }
    }
    uint32_t prim = 0, vert = 0;
    td_geom_lattice_fill(m, 0, rows, cols, desc->conn, &prim, &vert);
    return td_geom_done(m, out, err);
}
