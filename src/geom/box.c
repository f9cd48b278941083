/* td_geom_box: an axis-aligned box, flat-shaded: 4 vertices and one normal per face, two triangles
 * a face, counter-clockwise seen from outside.
 *
 * Texture coordinates ("uv": u, v, w) follow the "Face Outside" layout of TouchDesigner's Box SOP
 * (its Texture Coordinates menu, `texture`: off, boxinside, faceinside, cubemapinside, boxoutside,
 * faceoutside, cubemapoutside; derivative.ca/UserGuide/Box_SOP). The page names the layouts but does
 * not draw them, so the exact mapping is ours: every face gets the whole texture, u from 0 to 1 and
 * v from 0 to 1, reading the right way round (not mirrored) seen from outside; w is 0.
 *
 *   face  normal  u grows toward  v grows toward   corner at (u, v) = (0, 0)
 *   +x    +x      -z              +y               (+x, -y, +z)
 *   -x    -x      +z              +y               (-x, -y, -z)
 *   +y    +y      +x              -z               (-x, +y, +z)
 *   -y    -y      +x              +z               (-x, -y, -z)
 *   +z    +z      +x              +y               (-x, -y, +z)
 *   -z    -z      -x              +y               (+x, -y, -z)
 *
 * So the four side faces stand upright (v up the y axis) and the top reads upright seen from above
 * with -z up, as a camera on +z tilted down sees it. For each face u x v = the normal, which is what
 * makes the (0,0) (1,0) (1,1) (0,1) corner order counter-clockwise from outside.
 *
 * "Face Inside" (TD_BOX_UV_FACE_INSIDE) mirrors u (1 - u), so each face reads the right way round
 * seen from inside the box. attrs.normals / attrs.uv off leave N / uv out of the mesh. */
#include "geom/geom.h"

/* Per face: outward normal, then the directions u and v grow in (u x v = normal). */
static const float faces[6][3][3] = {
    {{1, 0, 0}, {0, 0, -1}, {0, 1, 0}},  {{-1, 0, 0}, {0, 0, 1}, {0, 1, 0}},
    {{0, 1, 0}, {1, 0, 0}, {0, 0, -1}},  {{0, -1, 0}, {1, 0, 0}, {0, 0, 1}},
    {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}},   {{0, 0, -1}, {-1, 0, 0}, {0, 1, 0}},
};

int
td_geom_box(const td_geom_box_desc *desc, td_mesh **out, td_err *err)
{
    *out = NULL;
    float *pos, *nrm, *tex;
    td_mesh *m = td_geom_new("box", 24, 6, 24, desc->attrs, &pos, &nrm, &tex, err);
    if (m == NULL) {
        return -1;
    }
    float half[3];
    for (int k = 0; k < 3; k++) {
        half[k] = (float)(desc->size[k] * desc->scale * 0.5);
    }
    static const float corners[4][2] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}}; /* (u, v), CCW */
    for (int f = 0; f < 6; f++) {
        const float *n = faces[f][0], *fu = faces[f][1], *fv = faces[f][2];
        for (int c = 0; c < 4; c++) {
            size_t at = (size_t)(f * 4 + c) * 3;
            float su = corners[c][0] * 2.0f - 1.0f, sv = corners[c][1] * 2.0f - 1.0f;
            for (int k = 0; k < 3; k++) {
                pos[at + k] = (float)desc->center[k] + (n[k] + su * fu[k] + sv * fv[k]) * half[k];
                if (nrm != NULL) {
                    nrm[at + k] = n[k];
                }
            }
            if (tex != NULL) {
                tex[at] = desc->uv_mode == TD_BOX_UV_FACE_INSIDE ? 1.0f - corners[c][0] : corners[c][0];
                tex[at + 1] = corners[c][1];
                tex[at + 2] = 0.0f;
            }
        }
        for (int c = 0; c < 4; c++) {
            m->prim_verts[f * 4 + c] = (uint32_t)(f * 4 + c);
        }
        m->prim_start[f + 1] = (uint32_t)(f * 4 + 4);
        m->prim_closed[f] = 1;
    }
    return td_geom_done(m, out, err);
}
