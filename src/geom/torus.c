/* td_geom_torus: a torus or a section of one around an axis (TouchDesigner's Torus SOP).
 *
 * Around the axis k with e1, e2 (geom.h: e1 x e2 = the axis), R = radius[0] (the ring) and
 * r = radius[1] (the cross-section), the point at ring angle f and cross-section angle g is
 *   center + (R + r cos g) (cos f e1 + sin f e2) + r sin g axis
 * (g = 0 on the outer equator, g = 90 degrees on the side toward +axis). The points form a
 * lattice of (cols + 1) rows by (rows + 1) columns (geom/lattice.c), point (i, j) = i (rows + 1) + j:
 *   f_j = fu0 + (fu1 - fu0) j / rows      (0 .. 360 with closeu; else angleu)
 *   g_i = gv0 + (gv1 - gv0) i / cols + angle_offset   (0 .. 360 with closev; else anglev)
 * A closed ring or cross-section repeats its first column or row at 360 degrees, so the texture
 * seam has its own points: TouchDesigner's rows x cols points are (rows + 1) x (cols + 1) here.
 * Connected as conn (quads by default); faces are counter-clockwise seen from outside when the
 * angles increase. N is the torus's outward unit normal cos g (cos f e1 + sin f e2) + sin g axis.
 * Texture coordinates ("Row & Columns"): u = j / rows around the ring, v = i / cols around the
 * cross-section, w = 0 (ours: the docs name the option only). */
#include "geom/geom.h"

#include <math.h>

int
td_geom_torus(const td_geom_torus_desc *desc, td_mesh **out, td_err *err)
{
    *out = NULL;
    if (desc->rows < 1 || desc->cols < 1) {
        return td_err_set(err, TD_ERR_VALUE, "a torus needs at least 1 row and 1 column (got %d and %d)",
                          desc->rows, desc->cols);
    }
    if ((uint64_t)desc->rows * (uint64_t)desc->cols > TD_GEOM_MAX_POINTS) {
        return td_err_set(err, TD_ERR_VALUE, "torus: %d x %d is more than the %u points a generator makes",
                          desc->rows, desc->cols, TD_GEOM_MAX_POINTS);
    }
    uint32_t nu = (uint32_t)desc->rows + 1, nv = (uint32_t)desc->cols + 1, nprims, nverts;
    if (td_geom_lattice_count("torus", nv, nu, desc->conn, &nprims, &nverts, err) != 0) {
        return -1;
    }
    float *P, *N, *uv;
    td_mesh *m = td_geom_new("torus", (uint64_t)nu * nv, nprims, nverts, desc->attrs, &P, &N, &uv, err);
    if (m == NULL) {
        return -1;
    }
    int k, e1, e2;
    td_geom_axis_frame(desc->axis, &k, &e1, &e2);
    double fu0 = desc->closeu ? 0.0 : desc->angleu_deg[0], fu1 = desc->closeu ? 360.0 : desc->angleu_deg[1];
    double gv0 = desc->closev ? 0.0 : desc->anglev_deg[0], gv1 = desc->closev ? 360.0 : desc->anglev_deg[1];
    double R = desc->radius[0], r = desc->radius[1], deg = M_PI / 180.0;
    for (uint32_t i = 0; i < nv; i++) {
        double g = (gv0 + (gv1 - gv0) * (double)i / (double)desc->cols + desc->angle_offset_deg) * deg;
        for (uint32_t j = 0; j < nu; j++) {
            double f = (fu0 + (fu1 - fu0) * (double)j / (double)desc->rows) * deg;
            double radial[3] = {0, 0, 0};
            radial[e1] = cos(f);
            radial[e2] = sin(f);
            size_t at = ((size_t)i * nu + j) * 3;
            for (int c = 0; c < 3; c++) {
                double up = c == k ? 1.0 : 0.0;
                P[at + c] = (float)(desc->center[c] + (R + r * cos(g)) * radial[c] + r * sin(g) * up);
                if (N != NULL) {
                    N[at + c] = (float)(cos(g) * radial[c] + sin(g) * up);
                }
            }
            if (uv != NULL) {
                uv[at] = (float)((double)j / (double)desc->rows);
                uv[at + 1] = (float)((double)i / (double)desc->cols);
            }
        }
    }
    uint32_t prim = 0, vert = 0;
    td_geom_lattice_fill(m, 0, nv, nu, desc->conn, &prim, &vert);
    return td_geom_done(m, out, err);
}
