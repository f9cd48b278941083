/* td_geom_tube: an open or capped tube or cone along an axis (TouchDesigner's Tube SOP).
 *
 * Around the axis k with e1, e2 (geom.h: e1 x e2 = the axis), ring i = 0 .. rows - 1 (bottom to
 * top) and column j = 0 .. cols, the side's point i (cols + 1) + j lies at
 *   h_i = height (i / (rows - 1) - 1/2)            along the axis
 *   r_i = radius[1] + (radius[0] - radius[1]) i / (rows - 1)   (radius[0] the top's, [1] the bottom's)
 *   f_j = 360 j / cols degrees                     around it, from e1 toward e2
 *   P = center + r_i (cos f_j e1 + sin f_j e2) + h_i axis
 * Column cols repeats column 0 (the texture seam has its own points: TouchDesigner's rows x cols
 * are rows x (cols + 1) here). The side is connected as conn, counter-clockwise seen from outside;
 * N is the cone's outward unit normal, height (cos f e1 + sin f e2) - (radius[0] - radius[1]) axis
 * normalised (the radial direction when both are zero). With cap, two more polygons of cols points
 * each close the ends: the bottom's (after the side's points, N -axis, counter-clockwise seen from
 * below) then the top's (N +axis, counter-clockwise seen from above), at f = 360 j / cols.
 * Texture coordinates ("Row & Columns"): on the side u = j / cols, v = i / (rows - 1); on a cap the
 * disc's bounding square, u = (1 + cos f) / 2, v = (1 + sin f) / 2; w = 0 (ours: the docs name the
 * option only). */
#include "geom/geom.h"

#include <math.h>

int
td_geom_tube(const td_geom_tube_desc *desc, td_mesh **out, td_err *err)
{
    *out = NULL;
    if (desc->rows < 2 || desc->cols < 3) {
        return td_err_set(err, TD_ERR_VALUE, "a tube needs at least 2 rows and 3 columns (got %d and %d)",
                          desc->rows, desc->cols);
    }
    if ((uint64_t)desc->rows * (uint64_t)desc->cols > TD_GEOM_MAX_POINTS) {
        return td_err_set(err, TD_ERR_VALUE, "tube: %d x %d is more than the %u points a generator makes",
                          desc->rows, desc->cols, TD_GEOM_MAX_POINTS);
    }
    uint32_t rows = (uint32_t)desc->rows, cols = (uint32_t)desc->cols, nu = cols + 1, nprims, nverts;
    if (td_geom_lattice_count("tube", rows, nu, desc->conn, &nprims, &nverts, err) != 0) {
        return -1;
    }
    uint64_t side = (uint64_t)rows * nu, caps = desc->cap ? 2u * (uint64_t)cols : 0;
    float *P, *N, *uv;
    td_mesh *m = td_geom_new("tube", side + caps, (uint64_t)nprims + (desc->cap ? 2 : 0), (uint64_t)nverts + caps,
                             desc->attrs, &P, &N, &uv, err);
    if (m == NULL) {
        return -1;
    }
    int k, e1, e2;
    td_geom_axis_frame(desc->axis, &k, &e1, &e2);
    double top = desc->radius[0], bottom = desc->radius[1], H = desc->height;
    double nr = H, na = -(top - bottom), len = sqrt(nr * nr + na * na);
    if (len > 0.0) {
        nr /= len;
        na /= len;
    }
    else {
        nr = 1.0;
        na = 0.0;
    }
    for (uint32_t i = 0; i < rows; i++) {
        double t = (double)i / (double)(rows - 1), h = H * (t - 0.5), r = bottom + (top - bottom) * t;
        for (uint32_t j = 0; j < nu; j++) {
            double f = 2.0 * M_PI * (double)j / (double)cols;
            double radial[3] = {0, 0, 0};
            radial[e1] = cos(f);
            radial[e2] = sin(f);
            size_t at = ((size_t)i * nu + j) * 3;
            for (int c = 0; c < 3; c++) {
                double up = c == k ? 1.0 : 0.0;
                P[at + c] = (float)(desc->center[c] + r * radial[c] + h * up);
                if (N != NULL) {
                    N[at + c] = (float)(nr * radial[c] + na * up);
                }
            }
            if (uv != NULL) {
                uv[at] = (float)((double)j / (double)cols);
                uv[at + 1] = (float)t;
            }
        }
    }
    uint32_t prim = 0, vert = 0;
    td_geom_lattice_fill(m, 0, rows, nu, desc->conn, &prim, &vert);
    for (int end = 0; desc->cap && end < 2; end++) { /* 0: bottom, 1: top */
        double r = end ? top : bottom, h = H * (end ? 0.5 : -0.5), sign = end ? 1.0 : -1.0;
        uint32_t first = (uint32_t)side + (uint32_t)end * cols;
        for (uint32_t j = 0; j < cols; j++) {
            /* the bottom runs clockwise about +axis, i.e. counter-clockwise seen from below */
            double f = 2.0 * M_PI * (double)(end ? j : (cols - j) % cols) / (double)cols;
            size_t at = ((size_t)first + j) * 3;
            double radial[3] = {0, 0, 0};
            radial[e1] = cos(f);
            radial[e2] = sin(f);
            for (int c = 0; c < 3; c++) {
                P[at + c] = (float)(desc->center[c] + r * radial[c] + (c == k ? h : 0.0));
                if (N != NULL) {
                    N[at + c] = c == k ? (float)sign : 0.0f;
                }
            }
            if (uv != NULL) {
                uv[at] = (float)((1.0 + cos(f)) / 2.0);
                uv[at + 1] = (float)((1.0 + sin(f)) / 2.0);
            }
        }
        td_geom_prim_range(m, first, cols, 1, &prim, &vert);
    }
    return td_geom_done(m, out, err);
}
