/* ObjectCOMP: the base of components with a transform (cameraCOMP, geometryCOMP, lightCOMP,
 * ambientlightCOMP, nullCOMP). Their Xform page follows TouchDesigner: tx ty tz, rx ry rz
 * (degrees), sx sy sz, px py pz (pivot), scale (uniform), xord (default 'srt': scale, then rotate,
 * then translate) and rord (default 'xyz': rotate about x first); the Pre-Xform page multiplies on
 * the left of it; parentxformsrc and lookat are resolved in object_world.c.
 *
 *   >>> geo.worldTransform * td.Position(0, 0, 0)     # where its origin is
 *   >>> geo.setTransform(m); geo.transform() == m      # the Xform page from a Matrix (no shear)
 */
#include <math.h>
#include <string.h>

#include "bind/state.h"
#include "graph/matrix.h"
#include "graph/op.h"
#include "ops/registry.h"
#include "gpu/scene.h"
#include "ops/object.h"
#include "util/mat4.h"

const char *const td_menu_xord[] = {"srt", "str", "rst", "rts", "tsr", "trs", NULL};
const char *const td_menu_rord[] = {"xyz", "xzy", "yxz", "yzx", "zxy", "zyx", NULL};
const char *const td_menu_xord_labels[] = {"Scale Rotate Translate", "Scale Translate Rotate",
                                           "Rotate Scale Translate", "Rotate Translate Scale",
                                           "Translate Scale Rotate", "Translate Rotate Scale", NULL};
const char *const td_menu_rord_labels[] = {"Rx Ry Rz", "Rx Rz Ry", "Ry Rx Rz", "Ry Rz Rx",
                                           "Rz Rx Ry", "Rz Ry Rx", NULL};
const char *const td_menu_parentxformsrc[] = {TD_PARENTXFORMSRC_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_parentxformsrc_labels[] = {"From Parent Object (Hierarchy)", "Specify Parent Object",
                                                     "World Origin", NULL};
const char *const td_menu_forwarddir[] = {TD_FORWARDDIR_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_forwarddir_labels[] = {"+X", "-X", "+Y", "-Y", "+Z", "-Z", NULL};
const char *const td_menu_lookup[] = {TD_LOOKUP_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_lookup_labels[] = {"Don't use up vector", "Use up vector", "Use quaternions", "Use Roll",
                                             NULL};

/* The indices of one transform page (Xform or Pre-Xform). */
typedef struct {
    Py_ssize_t xord, rord, t, r, s, p, u;
} page;

static const page xform_page = {TD_XFORM_xord, TD_XFORM_rord, TD_XFORM_tx, TD_XFORM_rx,
                                TD_XFORM_sx,   TD_XFORM_px,   TD_XFORM_scale};
static const page pre_page = {TD_XFORM_pxord, TD_XFORM_prord, TD_XFORM_ptx, TD_XFORM_prx,
                              TD_XFORM_psx,   TD_XFORM_ppx,   TD_XFORM_pscale};

static const char *
menu_token(const char *const *menu, double index)
{
    return menu[index >= 0.0 && index <= 5.0 ? (size_t)index : 0];
}

static void
page_matrix(const td_values *v, const page *pg, double out[16])
{
    const td_par_value *x = v->v;
    double u = x[pg->u].num, t[3], r[3], s[3], p[3];
    for (int k = 0; k < 3; k++) {
        t[k] = x[pg->t + k].num;
        r[k] = x[pg->r + k].num;
        s[k] = x[pg->s + k].num * u;
        p[k] = x[pg->p + k].num;
    }
    td_mat4_compose(out, menu_token(td_menu_xord, x[pg->xord].num), menu_token(td_menu_rord, x[pg->rord].num), t, r,
                    s, p);
}

void
td_object_local(const td_values *v, double out[16])
{
    page_matrix(v, &xform_page, out);
}

void
td_object_pre(const td_values *v, int ignore_toggle, double out[16])
{
    if (!ignore_toggle && v->v[TD_XFORM_pxform].num == 0.0) {
        td_mat4_identity(out);
        return;
    }
    page_matrix(v, &pre_page, out);
}

void
td_object_local_full(const td_values *v, double out[16])
{
    double pre[16], x[16];
    td_object_pre(v, 0, pre);
    td_object_local(v, x);
    td_mat4_mul(out, pre, x);
}

/* ---- Python members ---- */

static td_values *
values_of(TdOp *self)
{
    return td_op_check(self) < 0 ? NULL : td_op_values(self);
}

static PyObject *
matrix_of(TdOp *self, const double m[16])
{
    return td_matrix_new(td_state_of((PyObject *)self), m);
}

static PyObject *
object_get_local(TdOp *self, void *c)
{
    (void)c;
    td_values *v = values_of(self);
    if (v == NULL) {
        return NULL;
    }
    double m[16];
    td_object_local_full(v, m);
    td_values_free(v);
    return matrix_of(self, m);
}

static PyObject *
object_get_world(TdOp *self, void *c)
{
    (void)c;
    double m[16];
    if (td_op_check(self) < 0 || td_object_world(self, m, NULL) < 0) {
        return NULL;
    }
    return matrix_of(self, m);
}

static PyObject *
page_get(TdOp *self, const page *pg)
{
    td_values *v = values_of(self);
    if (v == NULL) {
        return NULL;
    }
    double m[16];
    page_matrix(v, pg, m);
    td_values_free(v);
    return matrix_of(self, m);
}

/* Sets the t r s parameters of page pg so that its matrix is the Matrix arg, keeping the page's
 * orders, pivot and uniform scale (a uniform scale of 0 becomes 1). */
static PyObject *
page_set(TdOp *self, PyObject *arg, const page *pg, const char *what)
{
    td_state *st = td_state_of((PyObject *)self);
    double m[16];
    if (td_op_check(self) < 0 || td_matrix_values(st, arg, m, what) < 0) {
        return NULL;
    }
    td_values *v = td_op_values(self);
    if (v == NULL) {
        return NULL;
    }
    const td_par_value *x = v->v;
    double u = x[pg->u].num, p[3], t[3], r[3], s[3];
    for (int k = 0; k < 3; k++) {
        p[k] = x[pg->p + k].num;
    }
    int rc = td_mat4_decompose(m, menu_token(td_menu_xord, x[pg->xord].num), menu_token(td_menu_rord, x[pg->rord].num),
                               p, t, r, s);
    td_values_free(v);
    if (rc < 0) {
        PyErr_Format(PyExc_ValueError, "%s: the matrix is singular (a zero scale) or not finite", what);
        return NULL;
    }
    if (u == 0.0 || !isfinite(u)) {
        u = 1.0;
        PyObject *one = PyFloat_FromDouble(1.0);
        int bad = one == NULL || td_par_assign(self, pg->u, one) < 0;
        Py_XDECREF(one);
        if (bad) {
            return NULL;
        }
    }
    for (int k = 0; k < 9; k++) {
        Py_ssize_t index = k < 3 ? pg->t + k : k < 6 ? pg->r + k - 3 : pg->s + k - 6;
        double d = k < 3 ? t[k] : k < 6 ? r[k - 3] : s[k - 6] / u;
        PyObject *f = PyFloat_FromDouble(d);
        int bad = f == NULL || td_par_assign(self, index, f) < 0;
        Py_XDECREF(f);
        if (bad) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
object_transform_xform(TdOp *self, PyObject *unused)
{
    (void)unused;
    return td_op_check(self) < 0 ? NULL : page_get(self, &xform_page);
}

static PyObject *
object_set_transform(TdOp *self, PyObject *arg)
{
    return page_set(self, arg, &xform_page, "setTransform()");
}

static PyObject *
object_pre_transform(TdOp *self, PyObject *unused)
{
    (void)unused;
    return td_op_check(self) < 0 ? NULL : page_get(self, &pre_page);
}

static PyObject *
object_set_pre_transform(TdOp *self, PyObject *arg)
{
    return page_set(self, arg, &pre_page, "setPreTransform()");
}

static PyObject *
object_relative_transform(TdOp *self, PyObject *target)
{
    if (td_op_check(self) < 0) {
        return NULL;
    }
    td_state *st = td_state_of((PyObject *)self);
    if (!PyObject_TypeCheck(target, st->base_types[TD_BASE_OBJECT])) {
        PyErr_Format(PyExc_TypeError, "relativeTransform(): target must be an object COMP, not %.200s",
                     Py_TYPE(target)->tp_name);
        return NULL;
    }
    double a[16], b[16], inv[16], out[16];
    Py_INCREF(target);
    int rc = td_op_check((TdOp *)target) < 0 || td_object_world(self, a, NULL) < 0 ||
             td_object_world((TdOp *)target, b, NULL) < 0;
    Py_DECREF(target);
    if (rc) {
        return NULL;
    }
    if (td_mat4_invert(inv, a) < 0) {
        PyErr_SetString(PyExc_ValueError, "relativeTransform(): this object's world transform is singular");
        return NULL;
    }
    td_mat4_mul(out, inv, b);
    return matrix_of(self, out);
}

static PyGetSetDef object_getset[] = {
    {"localTransform", (getter)object_get_local, NULL,
     "The Pre-Xform page times the Xform page (pre * xform), without the parent or lookat (read-only Matrix).",
     NULL},
    {"worldTransform", (getter)object_get_world, NULL,
     "The world transform: the parent's world (parentxformsrc) * pre * xform, turned by lookat (read-only "
     "Matrix).", NULL},
    {NULL},
};

static PyMethodDef object_methods[] = {
    {"transform", (PyCFunction)object_transform_xform, METH_NOARGS,
     "transform($self, /)\n--\n\nThe Xform page's transform (t r s p scale in xord and rord) as a Matrix."},
    {"setTransform", (PyCFunction)object_set_transform, METH_O,
     "setTransform($self, matrix, /)\n--\n\nSets tx ty tz, rx ry rz and sx sy sz so that transform() is matrix (a\n"
     "Matrix, or what Matrix() accepts), keeping xord, rord, the pivot and the uniform scale (0 becomes 1).\n"
     "Shear cannot be represented and is dropped; a mirror becomes a negative scale. ValueError for a\n"
     "singular matrix. Expressions on those parameters are replaced by constants."},
    {"preTransform", (PyCFunction)object_pre_transform, METH_NOARGS,
     "preTransform($self, /)\n--\n\nThe Pre-Xform page's transform (pt pr ps pp pscale in pxord and prord) as a\n"
     "Matrix, whether or not pxform applies it."},
    {"setPreTransform", (PyCFunction)object_set_pre_transform, METH_O,
     "setPreTransform($self, matrix, /)\n--\n\nSets ptx pty ptz, prx pry prz and psx psy psz from matrix, as\n"
     "setTransform() does for the Xform page (pxform is left as it is)."},
    {"relativeTransform", (PyCFunction)object_relative_transform, METH_O,
     "relativeTransform($self, target, /)\n--\n\nThe transform from this object to the object COMP target:\n"
     "worldTransform^-1 * target.worldTransform, the target's transform in this object's space (so\n"
     "self.worldTransform * result == target.worldTransform)."},
    {NULL},
};

int
td_light_fill(const td_values *vals, Py_ssize_t c, Py_ssize_t dimmer, int kind, const double world[16],
              td_scene_light *out)
{
    double d = vals->v[dimmer].num;
    if (d < 0.001) {
        return 0; /* as in TouchDesigner, such a light is off */
    }
    for (int k = 0; k < 3; k++) {
        out->position[k] = (float)world[12 + k];
        out->color[k] = (float)(vals->v[c + k].num * d);
    }
    out->position[3] = (float)kind;
    return 1;
}

static PyType_Slot object_slots[] = {
    {Py_tp_doc, "ObjectCOMP: a component with a 3D transform (the Xform and Pre-Xform pages).\n\n"
                "world = parent * pre * xform: the parent is the object COMP this one sits in\n"
                "(parentxformsrc 'hierarchy'), the object parentobject names ('specify') or none\n"
                "('worldorigin'); pre is the Pre-Xform page when pxform is on; xform the Xform page\n"
                "(T * R * S for xord 'srt', R = Rz * Ry * Rx for rord 'xyz', about the pivot p). lookat\n"
                "(an object COMP, relative to this one's network) turns the object so that its forwarddir\n"
                "axis points at that object's origin: lookup 'off' leans its up axis (+Y, or +Z when\n"
                "forwarddir is along Y) toward world +Y, 'on' toward the world direction up, 'roll' as\n"
                "'off' then turned by roll degrees about the look direction, 'quat' by the shortest\n"
                "rotation from where the forward axis points. Except with 'quat' the object's own rx ry rz\n"
                "apply after that, in the looking frame. A lookat or parentobject naming nothing, and\n"
                "transforms depending on each other in a circle, raise tdError naming the object.\n"
                "Stored only: pathsop, roll (except with lookup 'roll'), pos, pathorient, bank (no path\n"
                "SOPs here) and xformmatrixop (no CHOPs or DATs)."},
    {Py_tp_getset, object_getset},
    {Py_tp_methods, object_methods},
    {0, NULL},
};

PyType_Spec td_ObjectCOMP_spec = {
    .name = "td_render.ObjectCOMP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = object_slots,
};
