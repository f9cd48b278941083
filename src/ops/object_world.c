/* World transforms of object COMPs: the parent (parentxformsrc: the object COMP this one sits in,
 * the parentobject, or the world origin), the Pre-Xform and Xform pages, and lookat.
 *
 * lookat names an object COMP (a path relative to this object's network, or an OP); the object
 * keeps its world position and turns so that its forwarddir axis points at that object's origin:
 *   lookup 'off'   the local up axis (+Y; +Z when forwarddir is along Y) leans toward world +Y;
 *   lookup 'on'    it leans toward the up vector (upx upy upz, a world direction);
 *   lookup 'roll'  as 'off', then turned by roll degrees about the look direction;
 *   lookup 'quat'  the shortest rotation that takes the forward axis to the target, keeping the
 *                  rest of the object's orientation.
 * Except with 'quat', the object's own rotate parameters apply after that, in the looking frame
 * (zero keeps the forward axis on the target), and its world scale is kept. A target at the object's
 * own position leaves the transform as it is. A lookat or parentobject that names nothing is a
 * tdError naming the object; so is a circle (a looks at b, b at a) and a chain of more than
 * TD_WORLD_MAX_DEPTH objects that one transform depends on. */
#include <math.h>
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "graph/path.h"
#include "ops/object.h"
#include "util/mat4.h"

#define TD_WORLD_MAX_DEPTH 256

typedef struct {
    TdOp *stack[TD_WORLD_MAX_DEPTH]; /* the objects being resolved, each held by its frame */
    int depth;
} walk;

static int
world_error(TdOp *obj, const char *fmt, const char *arg)
{
    PyObject *path = td_op_path(obj);
    PyObject *msg = PyUnicode_FromFormat(fmt, arg);
    if (path != NULL && msg != NULL) {
        PyErr_Format(td_state_of((PyObject *)obj)->tdError, "%U: %U", path, msg);
    }
    Py_XDECREF(path);
    Py_XDECREF(msg);
    return -1;
}

/* The object COMP the parameter index of obj names (relative to obj's network), held; NULL when
 * the parameter is empty (*err 0), or with tdError (*err -1). */
static TdOp *
named_object(TdOp *obj, const td_values *v, Py_ssize_t index, const char *what, int *err)
{
    const char *path = td_values_str(v, index);
    *err = 0;
    if (path[0] == '\0') {
        return NULL;
    }
    TdOp *target = td_path_resolve(obj->parent != NULL ? obj->parent : obj, path);
    char msg[64];
    if (target == NULL || !target->valid) {
        snprintf(msg, sizeof(msg), "%s '%%s' names no operator", what);
        *err = world_error(obj, msg, path);
        return NULL;
    }
    if (td_object_class_of(target) == NULL) {
        snprintf(msg, sizeof(msg), "%s '%%s' is not an object COMP", what);
        *err = world_error(obj, msg, path);
        return NULL;
    }
    return (TdOp *)Py_NewRef((PyObject *)target);
}

/* A rotation taking the local forward axis of forwarddir to -Z and the local up axis (+Y, or +Z
 * for the forward axes along Y) to +Y. */
static void
forward_to_negz(int fwd, double q[16])
{
    td_mat4_identity(q);
    switch (fwd) {
    case TD_FWD_POSX:
        td_mat4_rotate_axis(q, 1, 90.0);
        break;
    case TD_FWD_NEGX:
        td_mat4_rotate_axis(q, 1, -90.0);
        break;
    case TD_FWD_POSY:
        td_mat4_rotate_axis(q, 0, -90.0);
        break;
    case TD_FWD_NEGY:
        td_mat4_rotate_axis(q, 2, 180.0);
        td_mat4_rotate_axis(q, 0, 90.0);
        break;
    case TD_FWD_POSZ:
        td_mat4_rotate_axis(q, 1, 180.0);
        break;
    default:
        break;
    }
}

static double
len3(const double v[3])
{
    return sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
}

/* w0 turned toward target (world) as the object's lookup, forwarddir, up, roll and own rotation
 * say; out may not alias w0. */
static void
look(const td_values *v, const double w0[16], const double target[3], double out[16])
{
    const td_par_value *x = v->v;
    double pos[3] = {w0[12], w0[13], w0[14]};
    double d[3] = {target[0] - pos[0], target[1] - pos[1], target[2] - pos[2]};
    double dl = len3(d);
    memcpy(out, w0, 16 * sizeof(double));
    if (!(dl > 1e-12) || !isfinite(dl)) {
        return; /* the target is where the object is: no direction to look along */
    }
    double q[16];
    int fwd = (int)x[TD_XFORM_forwarddir].num, mode = (int)x[TD_XFORM_lookup].num;
    forward_to_negz(fwd, q);
    if (mode == TD_LOOKUP_QUAT) {
        /* the shortest turn from where the forward axis points now (q^T (-Z) in local space) */
        double negz[3] = {0.0, 0.0, -1.0}, f[3], cur[3], qt[16], r[16], lin[16];
        td_mat4_transpose(qt, q);
        td_mat4_transform_vector(qt, negz, f);
        td_mat4_transform_vector(w0, f, cur);
        td_mat4_rotation_between(r, cur, d);
        memcpy(lin, w0, sizeof(lin));
        lin[12] = lin[13] = lin[14] = 0.0;
        td_mat4_mul(out, r, lin);
        out[12] = pos[0];
        out[13] = pos[1];
        out[14] = pos[2];
        return;
    }
    double up[3] = {0.0, 1.0, 0.0}, zero[3] = {0.0, 0.0, 0.0};
    if (mode == TD_LOOKUP_ON) {
        for (int k = 0; k < 3; k++) {
            up[k] = x[TD_XFORM_upx + k].num;
        }
    }
    double b[16];
    td_mat4_lookat(b, zero, d, up); /* -Z toward the target */
    if (mode == TD_LOOKUP_ROLL) {
        td_mat4_rotate_axis(b, 2, x[TD_XFORM_roll].num);
    }
    td_mat4_mul(out, b, q); /* the forward axis toward the target */
    double r[3] = {x[TD_XFORM_rx].num, x[TD_XFORM_ry].num, x[TD_XFORM_rz].num};
    td_mat4_rotate_euler(out, td_menu_rord[(size_t)x[TD_XFORM_rord].num], r);
    double s[3];
    for (int c = 0; c < 3; c++) {
        s[c] = len3(w0 + 4 * c);
    }
    td_mat4_scale(out, s[0], s[1], s[2]);
    out[12] = pos[0];
    out[13] = pos[1];
    out[14] = pos[2];
}

static int resolve(walk *w, TdOp *obj, double out[16], td_values **own);

/* The world transform of obj's parent as parentxformsrc says, into p. */
static int
parent_world(walk *w, TdOp *obj, const td_values *v, double p[16])
{
    td_mat4_identity(p);
    int src = (int)v->v[TD_XFORM_parentxformsrc].num;
    TdOp *parent = NULL;
    if (src == TD_PXSRC_HIERARCHY) {
        parent = obj->parent;
        if (parent == NULL || td_object_class_of(parent) == NULL) {
            return 0;
        }
        Py_INCREF(parent);
    }
    else if (src == TD_PXSRC_SPECIFY) {
        int err;
        parent = named_object(obj, v, TD_XFORM_parentobject, "parentobject", &err);
        if (parent == NULL) {
            return err; /* empty: the world origin */
        }
    }
    else {
        return 0;
    }
    int rc = resolve(w, parent, p, NULL);
    Py_DECREF(parent);
    return rc;
}

static int
resolve(walk *w, TdOp *obj, double out[16], td_values **own)
{
    for (int i = 0; i < w->depth; i++) {
        if (w->stack[i] == obj) {
            PyObject *path = td_op_path(w->stack[w->depth - 1]);
            const char *p = path != NULL ? PyUnicode_AsUTF8(path) : NULL;
            int rc = world_error(obj, "its transform depends on itself (a circle of lookat, parentobject or "
                                      "nesting through '%s')", p != NULL ? p : "?");
            Py_XDECREF(path);
            return rc;
        }
    }
    if (w->depth == TD_WORLD_MAX_DEPTH) {
        return world_error(obj, "%s",
                           "its transform depends on more than 256 objects (nesting, parentobject, lookat)");
    }
    Py_INCREF(obj);
    w->stack[w->depth++] = obj;
    int rc = -1;
    double local[16], parent[16], w0[16], target[16];
    td_values *v = td_op_values(obj);
    if (v == NULL || !obj->valid) {
        goto done;
    }
    td_object_local_full(v, local);
    if (parent_world(w, obj, v, parent) < 0) {
        goto done;
    }
    td_mat4_mul(w0, parent, local);
    int err;
    TdOp *at = named_object(obj, v, TD_XFORM_lookat, "lookat", &err);
    if (at == NULL) {
        if (err < 0) {
            goto done;
        }
        memcpy(out, w0, sizeof(w0));
    }
    else {
        int trc = resolve(w, at, target, NULL);
        Py_DECREF(at);
        if (trc < 0) {
            goto done;
        }
        double t[3] = {target[12], target[13], target[14]};
        look(v, w0, t, out);
    }
    rc = 0;
done:
    if (rc == 0 && own != NULL) {
        *own = v;
    }
    else {
        td_values_free(v);
    }
    w->depth--;
    Py_DECREF(obj);
    return rc;
}

int
td_object_world(TdOp *obj, double out[16], td_values **own)
{
    if (own != NULL) {
        *own = NULL;
    }
    walk w = {.depth = 0};
    if (resolve(&w, obj, out, own) < 0) {
        td_mat4_identity(out);
        return -1;
    }
    return 0;
}
