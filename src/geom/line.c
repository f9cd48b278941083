/* td_geom_line: a straight open polyline (TouchDesigner's Line SOP).
 *
 * points >= 2 points evenly spaced from a to b, point k at a + (b - a) k / (points - 1), all in one
 * open polyline (drawn as lines). No normals (TouchDesigner's Line SOP has no Compute Normals).
 * Texture coordinates ("unit"): u = k / (points - 1) from a to b, v = w = 0 (ours: the docs say only
 * that Unit adds coordinates from 0 to 1). */
#include "geom/geom.h"

int
td_geom_line(const td_geom_line_desc *desc, td_mesh **out, td_err *err)
{
    *out = NULL;
    if (desc->points < 2) {
        return td_err_set(err, TD_ERR_VALUE, "a line needs at least 2 points (got %d)", desc->points);
    }
    uint32_t n = (uint32_t)desc->points;
    float *P, *N, *uv;
    td_geom_attrs attrs = {.normals = 0, .uv = desc->uv};
    td_mesh *m = td_geom_new("line", n, 1, n, attrs, &P, &N, &uv, err);
    if (m == NULL) {
        return -1;
    }
    for (uint32_t k = 0; k < n; k++) {
        double f = (double)k / (double)(n - 1);
        for (int c = 0; c < 3; c++) {
            P[(size_t)k * 3 + c] = (float)(desc->a[c] + (desc->b[c] - desc->a[c]) * f);
        }
        if (uv != NULL) {
            uv[(size_t)k * 3] = (float)f;
        }
    }
    uint32_t prim = 0, vert = 0;
    td_geom_prim_range(m, 0, n, 0, &prim, &vert);
    return td_geom_done(m, out, err);
}
