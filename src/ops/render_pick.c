/* Picking through a rendering TOP. See render_pick.h.
 *
 * TouchDesigner's Render Pick reads back ID and attribute buffers it renders for the purpose; here
 * the pick is a ray cast on the CPU into the same snapshot (meshes, transforms, instances) the TOP
 * rendered, so it needs no GPU readback, answers exactly (a position on the surface, not a pixel's
 * depth sample) at any resolution, and costs one pass over the triangles of the geometry the ray's
 * box test does not rule out. */
#include "ops/render_pick.h"

#include <math.h>
#include <string.h>

#include "bind/state.h"
#include "geom/pick.h"
#include "gpu/scene.h"
#include "ops/render_scene.h"
#include "ops/top.h"
#include "util/mat4.h"

/* The world ray under (u, v): from the near plane (depth 0) to the far plane (depth 1). */
static int
ray_of(const td_scene *s, double u, double v, double origin[3], double dir[3])
{
    double view[16], proj[16], vp[16], inv[16];
    for (int i = 0; i < 16; i++) {
        view[i] = s->view[i];
        proj[i] = s->proj[i];
    }
    td_mat4_mul(vp, proj, view);
    if (td_mat4_invert(inv, vp) != 0) {
        return -1;
    }
    double ends[2][3];
    for (int e = 0; e < 2; e++) {
        double ndc[4] = {2.0 * u - 1.0, 2.0 * v - 1.0, (double)e, 1.0}, w[4] = {0, 0, 0, 0};
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                w[r] += inv[c * 4 + r] * ndc[c];
            }
        }
        if (w[3] == 0.0) {
            return -1;
        }
        for (int k = 0; k < 3; k++) {
            ends[e][k] = w[k] / w[3];
        }
    }
    for (int k = 0; k < 3; k++) {
        origin[k] = ends[0][k];
        dir[k] = ends[1][k] - ends[0][k];
    }
    return 0;
}

/* What the ray hits in s, into out (plain C: runs with the GIL released). */
static void
pick_one(const td_scene *s, double u, double v, td_pick_result *out)
{
    memset(out, 0, sizeof(*out));
    double o[3], d[3];
    if (ray_of(s, u, v, o, d) != 0) {
        return;
    }
    td_pick_hit hit = {.t = 1.0};
    size_t which = 0;
    for (size_t i = 0; i < s->ndraws; i++) {
        const td_scene_draw *dr = &s->draws[i];
        if (td_pick_mesh(dr->mesh, dr->model, dr->instances, o, d, s->cull, &hit) == 1) {
            which = i;
        }
    }
    if (!hit.found) {
        return;
    }
    const td_scene_draw *dr = &s->draws[which];
    const td_mesh *m = dr->mesh;
    out->found = 1;
    out->geometry = dr->geometry;
    out->instance = hit.instance;
    double dist = 0.0;
    for (int k = 0; k < 3; k++) {
        out->position[k] = o[k] + hit.t * d[k];
        double e = out->position[k] - s->camera_pos[k];
        dist += e * e;
    }
    out->depth = sqrt(dist);
    double full[16], inv[16];
    td_pick_copy_matrix(dr->model, dr->instances, hit.instance, full);
    float n[4] = {0, 0, 0, 0};
    if (td_pick_attr(m, &hit, "N", n) < 3) {
        /* no normals: the triangle's own (counter-clockwise front) */
        const td_mesh_attr *P = td_mesh_find(m, "P");
        const uint32_t *ix = m->indices + (size_t)hit.tri * 3;
        const float *a = P->data + (size_t)ix[0] * P->size, *b = P->data + (size_t)ix[1] * P->size;
        const float *c = P->data + (size_t)ix[2] * P->size;
        float e1[3] = {b[0] - a[0], b[1] - a[1], b[2] - a[2]}, e2[3] = {c[0] - a[0], c[1] - a[1], c[2] - a[2]};
        n[0] = e1[1] * e2[2] - e1[2] * e2[1];
        n[1] = e1[2] * e2[0] - e1[0] * e2[2];
        n[2] = e1[0] * e2[1] - e1[1] * e2[0];
    }
    double len = 0.0;
    if (td_mat4_invert(inv, full) == 0) {
        /* normals go by the inverse transpose: row r of the inverse's transpose is column r of it */
        for (int r = 0; r < 3; r++) {
            out->normal[r] = inv[r * 4] * n[0] + inv[r * 4 + 1] * n[1] + inv[r * 4 + 2] * n[2];
            len += out->normal[r] * out->normal[r];
        }
    }
    for (int r = 0; r < 3 && len > 0.0; r++) {
        out->normal[r] /= sqrt(len);
    }
    float sp[4] = {0, 0, 0, 0};
    td_pick_attr(m, &hit, "P", sp);
    double slen = 0.0;
    for (int k = 0; k < 3; k++) {
        out->sop_position[k] = sp[k];
        slen += (double)n[k] * n[k];
    }
    for (int k = 0; k < 3 && slen > 0.0; k++) {
        out->sop_normal[k] = n[k] / sqrt(slen);
    }
    for (int r = 0; r < 3; r++) {
        out->cam_position[r] = s->view[12 + r];
        for (int c = 0; c < 3; c++) {
            out->cam_position[r] += s->view[c * 4 + r] * out->position[c];
            out->cam_normal[r] += s->view[c * 4 + r] * out->normal[c]; /* the view is rigid */
        }
    }
    float uv[4] = {0, 0, 0, 0}, cd[4] = {1, 1, 1, 1};
    td_pick_attr(m, &hit, "uv", uv);
    td_pick_attr(m, &hit, "Cd", cd);
    for (int k = 0; k < 4; k++) {
        if (k < 3) {
            out->uv[k] = uv[k];
        }
        out->color[k] = cd[k];
    }
}

int
td_render_pick(TdOp *top, size_t n, const double *uv, td_pick_result *out)
{
    const td_top_class *proto = td_top_class_of(top);
    if (proto == NULL || !proto->renders) {
        return td_render_error(top, "%s", "picks need a renderTOP or renderpassTOP");
    }
    Py_INCREF(top);
    td_gl_cook job = {.read = TD_READ_NONE};
    int rc = td_top_run(top, &job, NULL, NULL);
    td_top_state *ts = rc == 0 && top->valid ? top->ext : NULL;
    td_scene *s = ts != NULL ? ts->cooked : NULL;
    if (rc == 0 && s == NULL) {
        rc = td_render_error(top, "%s", "was destroyed while it cooked for a pick");
    }
    else if (rc == 0 && s->cube_faces != 0) {
        rc = td_render_error(top, "%s", "picks a 2D render only (this one renders a cube map)");
    }
    if (rc == 0) {
        td_scene_incref(s); /* the TOP may render a new one meanwhile */
        Py_BEGIN_ALLOW_THREADS
        for (size_t k = 0; k < n; k++) {
            pick_one(s, uv[2 * k], uv[2 * k + 1], &out[k]);
        }
        Py_END_ALLOW_THREADS
        td_scene_decref(s);
    }
    Py_DECREF(top);
    return rc;
}

/* ---- renderTOP.pick() ---- */

static PyStructSequence_Field pick_fields[] = {
    {"path", "The path of the geometryCOMP under the point."},
    {"position", "(x, y, z): where the ray meets its surface, in world space."},
    {"normal", "(x, y, z): the surface's unit normal there, in world space (interpolated from N)."},
    {"uv", "(u, v, w): the texture coordinate there ((0, 0, 0) without one)."},
    {"color", "(r, g, b, a): the point colour Cd there ((1, 1, 1, 1) without one)."},
    {"instance", "The instance hit (0 without instancing)."},
    {"depth", "The distance from the camera to position."},
    {NULL, NULL},
};
static PyStructSequence_Desc pick_desc = {"td_render.PickResult",
                                          "What renderTOP.pick() found: (path, position, normal, uv, color, instance, depth).",
                                          pick_fields, 7};

int
td_pick_setup(td_state *st)
{
    st->PickResult_type = PyStructSequence_NewType(&pick_desc);
    return st->PickResult_type != NULL ? 0 : -1;
}

static PyObject *
doubles(const double *v, int n)
{
    PyObject *t = PyTuple_New(n);
    for (int k = 0; t != NULL && k < n; k++) {
        PyObject *f = PyFloat_FromDouble(v[k]);
        if (f == NULL) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, k, f);
    }
    return t;
}

PyObject *
td_render_pick_call(TdOp *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"u", "v", NULL};
    double uv[2];
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "dd:pick", kwlist, &uv[0], &uv[1]) || td_op_check(self) < 0) {
        return NULL;
    }
    if (!isfinite(uv[0]) || !isfinite(uv[1])) {
        PyErr_SetString(PyExc_ValueError, "pick(): u and v must be finite numbers");
        return NULL;
    }
    td_pick_result r;
    if (td_render_pick(self, 1, uv, &r) < 0) {
        return NULL;
    }
    if (!r.found) {
        Py_RETURN_NONE;
    }
    TdOp *geo = td_op_find_id((TdOp *)td_state_of((PyObject *)self)->root, r.geometry);
    PyObject *path = geo != NULL ? td_op_path(geo) : PyUnicode_FromString("");
    PyObject *items[7] = {path, doubles(r.position, 3), doubles(r.normal, 3), doubles(r.uv, 3), doubles(r.color, 4),
                          PyLong_FromUnsignedLong(r.instance), PyFloat_FromDouble(r.depth)};
    PyObject *out = PyStructSequence_New(td_state_of((PyObject *)self)->PickResult_type);
    for (int i = 0; i < 7; i++) {
        if (items[i] == NULL) {
            Py_CLEAR(out);
        }
    }
    for (int i = 0; i < 7; i++) {
        if (out != NULL) {
            PyStructSequence_SetItem(out, i, items[i]);
        }
        else {
            Py_XDECREF(items[i]);
        }
    }
    return out;
}

