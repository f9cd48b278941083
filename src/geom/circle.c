/* td_geom_circle: a circle, ellipse or arc in a plane (TouchDesigner's Circle SOP).
 *
 * In the plane's axes a, b and normal n (geom.h), the point at angle t (degrees, counter-clockwise
 * about +n from +a) is center + (radius[0] cos t) a + (radius[1] sin t) b. With d = divs and
 * t0, t1 the begin and end angles:
 *   closed     d points at t0 + 360 k / d, k = 0 .. d - 1: one closed polygon (d >= 3). The arc
 *              angles set only where it starts: a closed circle is always whole (ours; the docs
 *              give the angles for the arcs).
 *   openarc    d + 1 points at t0 + (t1 - t0) k / d, k = 0 .. d: one open polyline (d >= 1).
 *   closedarc  the openarc's points, then the centre (d + 2 points): one closed polygon, the
 *              centre first, then the arc (a slice of pie).
 *   slicedarc  the same points: d triangles (centre, point k, point k + 1).
 * Polygons are counter-clockwise about +n when t1 > t0 (clockwise when it is smaller).
 * N is +n at every point. Texture coordinates ("face"): the ellipse's bounding square mapped to
 * the unit square, u = (1 + cos t) / 2, v = (1 + sin t) / 2, (1/2, 1/2) at the centre, w = 0
 * (ours: the docs name the option only). */
#include "geom/geom.h"

#include <math.h>

int
td_geom_circle(const td_geom_circle_desc *desc, td_mesh **out, td_err *err)
{
    *out = NULL;
    td_geom_arc arc = desc->arc;
    int min = arc == TD_ARC_CLOSED ? 3 : 1;
    if (desc->divs < min) {
        return td_err_set(err, TD_ERR_VALUE, "a %s circle needs at least %d divisions (got %d)",
                          arc == TD_ARC_CLOSED ? "closed" : "arc", min, desc->divs);
    }
    if (desc->divs >= (int)TD_GEOM_MAX_POINTS) {
        return td_err_set(err, TD_ERR_VALUE, "circle: %d divisions is more than the %u points a generator makes",
                          desc->divs, TD_GEOM_MAX_POINTS);
    }
    uint32_t d = (uint32_t)desc->divs;
    uint32_t narc = arc == TD_ARC_CLOSED ? d : d + 1;
    uint32_t npoints = narc + (arc == TD_ARC_CLOSEDARC || arc == TD_ARC_SLICEDARC);
    uint32_t nprims = arc == TD_ARC_SLICEDARC ? d : 1;
    uint32_t nverts = arc == TD_ARC_SLICEDARC ? 3 * d : arc == TD_ARC_CLOSEDARC ? d + 2 : narc;
    float *P, *N, *uv;
    td_mesh *m = td_geom_new("circle", npoints, nprims, nverts, desc->attrs, &P, &N, &uv, err);
    if (m == NULL) {
        return -1;
    }
    int a, b, n;
    td_geom_plane_axes(desc->plane, &a, &b, &n);
    double t0 = desc->begin_deg, span = arc == TD_ARC_CLOSED ? 360.0 : desc->end_deg - desc->begin_deg;
    for (uint32_t k = 0; k < npoints; k++) {
        size_t at = (size_t)k * 3;
        double ca = 0.0, sb = 0.0; /* the centre, after the arc */
        if (k < narc) {
            double t = (t0 + span * (double)k / (double)d) * M_PI / 180.0;
            ca = cos(t);
            sb = sin(t);
        }
        P[at + a] = (float)(desc->center[a] + desc->radius[0] * ca);
        P[at + b] = (float)(desc->center[b] + desc->radius[1] * sb);
        P[at + n] = (float)desc->center[n];
        if (N != NULL) {
            N[at + n] = 1.0f;
        }
        if (uv != NULL) {
            uv[at] = (float)((1.0 + ca) / 2.0);
            uv[at + 1] = (float)((1.0 + sb) / 2.0);
        }
    }
    uint32_t prim = 0, vert = 0, centre = narc;
    switch (arc) {
    case TD_ARC_CLOSED:
        td_geom_prim_range(m, 0, d, 1, &prim, &vert);
        break;
    case TD_ARC_OPEN:
        td_geom_prim_range(m, 0, d + 1, 0, &prim, &vert);
        break;
    case TD_ARC_CLOSEDARC:
        m->prim_verts[vert++] = centre;
        for (uint32_t k = 0; k <= d; k++) {
            m->prim_verts[vert++] = k;
        }
        m->prim_closed[0] = 1;
        m->prim_start[++prim] = vert;
        break;
    case TD_ARC_SLICEDARC:
        for (uint32_t k = 0; k < d; k++) {
            m->prim_verts[vert++] = centre;
            m->prim_verts[vert++] = k;
            m->prim_verts[vert++] = k + 1;
            m->prim_closed[prim] = 1;
            m->prim_start[++prim] = vert;
        }
        break;
    }
    return td_geom_done(m, out, err);
}
