/* td_geom_sphere: a latitude/longitude ellipsoid around the y axis with smooth normals.
 *
 * Vertex (i, j), row i = 0..rows from the top pole down, column j = 0..cols around, lies at
 *   theta = pi * i / rows                 (0 at +y, pi at -y)
 *   phi   = pi + 2 pi * j / cols          (-z at j = 0, then -x, +z, +x, and -z again at j = cols)
 *   P = center + radius * (sin theta sin phi, cos theta, sin theta cos phi)
 * with N the unit normal of the ellipsoid there, (P - center) / radius^2 normalised. Column cols
 * repeats column 0 and every pole row repeats one point, so the texture seam and the poles get their
 * own coordinates. Two triangles a quad, counter-clockwise seen from outside.
 *
 * Texture coordinates ("uv": u, v, w) are the equirectangular layout TouchDesigner's sphere
 * generators give (Sphere SOP and Sphere POP, derivative.ca/UserGuide/Sphere_POP: columns run
 * along the longitudes pole to pole, rows along the latitudes; "Equirectangular" texture method):
 *   u = j / cols        around, growing eastward seen from outside (not mirrored): 0 and 1 on the
 *                       seam at -z, 0.25 at -x, 0.5 facing +z (a camera on +z sees the middle of
 *                       the image), 0.75 at +x
 *   v = 1 - i / rows    from 0 at the bottom pole (-y) to 1 at the top pole (+y)
 *   w = 0
 * The pages name the layout without giving the seam's longitude; the seam at -z is our choice. */
#include "geom/geom.h"

#include <math.h>

int
td_geom_sphere(const td_geom_sphere_desc *desc, td_mesh **out, td_err *err)
{
    *out = NULL;
    if (desc->rows < 2 || desc->cols < 3) {
        return td_err_set(err, TD_ERR_VALUE, "a sphere needs at least 2 rows and 3 columns (got %d and %d)",
                          desc->rows, desc->cols);
    }
    uint64_t rows = (uint64_t)desc->rows, cols = (uint64_t)desc->cols;
    uint64_t nverts = (rows + 1) * (cols + 1), nindices = rows * cols * 6; /* two triangles a quad */
    if (nverts > UINT32_MAX || nindices > UINT32_MAX) {
        return td_err_set(err, TD_ERR_VALUE, "a sphere of %d rows and %d columns has too many vertices",
                          desc->rows, desc->cols);
    }
    float *pos, *nrm, *tex;
    td_mesh *m = td_mesh_new_polys((uint32_t)nverts, (uint32_t)(rows * cols), (uint32_t)(rows * cols * 4), err);
    if (m != NULL && td_mesh_surface_attrs(m, &pos, &nrm, &tex, err) != 0) {
        td_mesh_decref(m);
        m = NULL;
    }
    if (m == NULL) {
        return -1;
    }
    const double *c = desc->center, *r = desc->radius;
    size_t at = 0;
    for (uint64_t i = 0; i <= rows; i++) {
        double theta = M_PI * (double)i / (double)rows;
        for (uint64_t j = 0; j <= cols; j++, at += 3) {
            double phi = M_PI + 2.0 * M_PI * (double)j / (double)cols;
            double d[3] = {sin(theta) * sin(phi), cos(theta), sin(theta) * cos(phi)};
            double n[3], len = 0.0;
            for (int k = 0; k < 3; k++) {
                pos[at + k] = (float)(c[k] + r[k] * d[k]);
                /* the normal of x^2/a^2 + ... = 1 is (x/a^2, ...) */
                n[k] = r[k] != 0.0 ? d[k] / r[k] : 0.0;
                len += n[k] * n[k];
            }
            len = len > 0.0 ? sqrt(len) : 1.0;
            for (int k = 0; k < 3; k++) {
                nrm[at + k] = (float)(n[k] / len);
            }
            tex[at] = (float)((double)j / (double)cols);
            tex[at + 1] = (float)(1.0 - (double)i / (double)rows);
            tex[at + 2] = 0.0f;
        }
    }
    uint32_t *pv = m->prim_verts, w = (uint32_t)cols + 1, p = 0;
    for (uint32_t i = 0; i < (uint32_t)rows; i++) {
        for (uint32_t j = 0; j < (uint32_t)cols; j++) {
            uint32_t a = i * w + j, b = a + w; /* b: the row below */
            /* a quad, counter-clockwise seen from outside: down, right, then up */
            *pv++ = a;
            *pv++ = b;
            *pv++ = b + 1;
            *pv++ = a + 1;
            m->prim_closed[p] = 1;
            p++;
            m->prim_start[p] = p * 4;
        }
    }
    if (td_mesh_finish(m, err) != 0) {
        td_mesh_decref(m);
        return -1;
    }
    *out = m;
    return 0;
}
