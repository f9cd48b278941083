/* td_geom_transform: a mesh's points and normals under a matrix. See filters.h. */
#include <math.h>

#include "geom/filters.h"
#include "util/mat4.h"

int
td_geom_transform(const td_mesh *in, const double m[16], int keep_length, td_mesh **out, td_err *err)
{
    td_mesh *copy;
    td_mesh *const one[1] = {(td_mesh *)in}; /* only read */
    if (td_geom_merge(one, 1, &copy, err) != 0) {
        *out = NULL;
        return -1;
    }
    const td_mesh_attr *p = td_mesh_find(copy, "P");
    for (uint32_t v = 0; p != NULL && p->size >= 3 && v < copy->nverts; v++) {
        float *x = p->data + (size_t)v * (size_t)p->size;
        double a[3] = {x[0], x[1], x[2]}, b[3];
        td_mat4_transform_point(m, a, b);
        for (int k = 0; k < 3; k++) {
            x[k] = (float)b[k];
        }
    }
    /* normals: the inverse transpose (the cofactors of m's 3x3 part over its determinant) */
    double inv[16], nm[16];
    const td_mesh_attr *n = td_mesh_find(copy, "N");
    if (n != NULL && n->size >= 3 && td_mat4_invert(inv, m) == 0) {
        td_mat4_transpose(nm, inv);
        for (uint32_t v = 0; v < copy->nverts; v++) {
            float *x = n->data + (size_t)v * (size_t)n->size;
            double a[3] = {x[0], x[1], x[2]}, b[3];
            td_mat4_transform_vector(nm, a, b);
            double before = sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
            double after = sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
            double k = keep_length && after > 0.0 && isfinite(after) ? before / after : 1.0;
            for (int c = 0; c < 3; c++) {
                x[c] = (float)(b[c] * k);
            }
        }
    }
    td_mesh_compute_bounds(copy);
    *out = copy;
    return 0;
}
