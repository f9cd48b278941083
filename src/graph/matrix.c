/* td_render.Matrix (tdu.Matrix): a 4x4 transform, column-major like TouchDesigner's.
 *
 *   >>> m = td.Matrix()                      # identity; td.tdu.Matrix() is the same
 *   >>> m.translate(5, 0, 10); m.rotate(0, 90, 0, fromRight=True); m.scale(2, 2, 2, pivot=[0, 1, 0])
 *   >>> m * td.Position(1, 0, 0), m * td.Vector(0, 0, 1), m[0, 3], m.decompose()
 *   >>> numpy.asarray(m)                     # float64 (4, 4), a[row, col] == m[row, col]
 *
 * The 16 values are stored column by column (m[col * 4 + row], util/mat4.h's layout); the buffer
 * the type exports describes them with strides so that NumPy indexes [row, col]. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "graph/matrix.h"
#include "util/mat4.h"

#define M(o) (((TdMatrix *)(o))->m)

PyObject *
td_matrix_new(td_state *st, const double m[16])
{
    TdMatrix *self = PyObject_New(TdMatrix, st->Matrix_type);
    if (self != NULL) {
        memcpy(self->m, m, sizeof(self->m));
    }
    return (PyObject *)self;
}

static PyObject *
matrix_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"zero", NULL};
    int zero = 0;
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL || !PyArg_ParseTupleAndKeywords(empty, kwargs, "|$p:Matrix", kwlist, &zero)) {
        Py_XDECREF(empty);
        return NULL;
    }
    Py_DECREF(empty);
    td_state *st = td_state_of_type(type);
    double m[16];
    if (zero && PyTuple_GET_SIZE(args) == 0) {
        memset(m, 0, sizeof(m));
    }
    else if (td_matrix_parse(st, args, m) < 0) {
        return NULL;
    }
    return td_matrix_new(st, m);
}

static void
matrix_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject_Free(self);
    Py_DECREF(type);
}

/* ---- members ---- */

static PyObject *
list_of(const double *m, int rows)
{
    PyObject *out = PyList_New(4);
    for (int i = 0; out != NULL && i < 4; i++) {
        PyObject *line = Py_BuildValue("[dddd]", m[rows ? i : i * 4], m[rows ? 4 + i : i * 4 + 1],
                                       m[rows ? 8 + i : i * 4 + 2], m[rows ? 12 + i : i * 4 + 3]);
        if (line == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, line);
    }
    return out;
}

static PyObject *
matrix_get_vals(PyObject *self, void *c)
{
    (void)c;
    PyObject *out = PyList_New(16);
    for (int i = 0; out != NULL && i < 16; i++) {
        PyObject *f = PyFloat_FromDouble(M(self)[i]);
        if (f == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, f);
    }
    return out;
}

static int
matrix_set_vals(PyObject *self, PyObject *value, void *c)
{
    (void)c;
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete Matrix.vals");
        return -1;
    }
    double v[16];
    Py_ssize_t n = td_read_numbers(value, v, 16, "Matrix.vals");
    if (n < 0) {
        return -1;
    }
    if (n != 16) {
        PyErr_Format(PyExc_ValueError, "Matrix.vals needs 16 values (column by column), not %zd", n);
        return -1;
    }
    memcpy(M(self), v, sizeof(v));
    return 0;
}

static PyObject *
matrix_get_rows(PyObject *self, void *c)
{
    (void)c;
    return list_of(M(self), 1);
}

static PyObject *
matrix_get_cols(PyObject *self, void *c)
{
    (void)c;
    return list_of(M(self), 0);
}

static PyGetSetDef matrix_getset[] = {
    {"vals", matrix_get_vals, matrix_set_vals,
     "The 16 values, column by column (the constructor's order): vals[4 * col + row].", NULL},
    {"rows", matrix_get_rows, NULL, "The 4 rows, each a list of 4 values (read-only).", NULL},
    {"cols", matrix_get_cols, NULL, "The 4 columns, each a list of 4 values (read-only); cols[3] holds the "
                                    "translation.", NULL},
    {NULL},
};

/* ---- methods ---- */

static PyObject *
matrix_identity(PyObject *self, PyObject *unused)
{
    (void)unused;
    td_mat4_identity(M(self));
    Py_RETURN_NONE;
}

static PyObject *
matrix_copy(PyObject *self, PyObject *unused)
{
    (void)unused;
    return td_matrix_new(td_state_of(self), M(self));
}

static PyObject *
matrix_transpose(PyObject *self, PyObject *unused)
{
    (void)unused;
    td_mat4_transpose(M(self), M(self));
    Py_RETURN_NONE;
}

static PyObject *
matrix_get_transpose(PyObject *self, PyObject *unused)
{
    (void)unused;
    double t[16];
    td_mat4_transpose(t, M(self));
    return td_matrix_new(td_state_of(self), t);
}

static int
inverse(PyObject *self, double out[16], const char *what)
{
    if (td_mat4_invert(out, M(self)) < 0) {
        char det[64];
        snprintf(det, sizeof(det), "%g", td_mat4_determinant(M(self)));
        PyErr_Format(PyExc_ValueError, "%s: the matrix is singular (determinant %s) and has no inverse", what, det);
        return -1;
    }
    return 0;
}

static PyObject *
matrix_invert(PyObject *self, PyObject *unused)
{
    (void)unused;
    double inv[16];
    if (inverse(self, inv, "Matrix.invert()") < 0) {
        return NULL;
    }
    memcpy(M(self), inv, sizeof(inv));
    Py_RETURN_NONE;
}

static PyObject *
matrix_get_inverse(PyObject *self, PyObject *unused)
{
    (void)unused;
    double inv[16];
    return inverse(self, inv, "Matrix.getInverse()") < 0 ? NULL : td_matrix_new(td_state_of(self), inv);
}

static PyObject *
matrix_determinant(PyObject *self, PyObject *unused)
{
    (void)unused;
    return PyFloat_FromDouble(td_mat4_determinant(M(self)));
}

/* Applies t to self from the left (self = t * self) or, with from_right, the right, around pivot
 * (a Vector, Position, 3 numbers or None): t becomes T(p) * t * T(-p). */
static PyObject *
apply(PyObject *self, double t[16], int from_right, PyObject *pivot, const char *what)
{
    if (pivot != NULL && pivot != Py_None) {
        double p[3];
        if (td_vec3_values(td_state_of(self), pivot, p, what) < 0) {
            return NULL;
        }
        double w[16];
        td_mat4_identity(w);
        td_mat4_translate(w, p[0], p[1], p[2]);
        double r[16];
        td_mat4_mul(r, w, t);
        td_mat4_translate(r, -p[0], -p[1], -p[2]);
        memcpy(t, r, sizeof(r));
    }
    double out[16];
    if (from_right) {
        td_mat4_mul(out, M(self), t);
    }
    else {
        td_mat4_mul(out, t, M(self));
    }
    memcpy(M(self), out, sizeof(out));
    Py_RETURN_NONE;
}

static PyObject *
matrix_translate(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"tx", "ty", "tz", "fromRight", NULL};
    double v[3];
    int right = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ddd|$p:translate", kwlist, &v[0], &v[1], &v[2], &right)) {
        return NULL;
    }
    double t[16];
    td_mat4_identity(t);
    td_mat4_translate(t, v[0], v[1], v[2]);
    return apply(self, t, right, NULL, "Matrix.translate()");
}

static PyObject *
matrix_rotate(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"rx", "ry", "rz", "fromRight", "pivot", NULL};
    double v[3];
    int right = 0;
    PyObject *pivot = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ddd|$pO:rotate", kwlist, &v[0], &v[1], &v[2], &right, &pivot)) {
        return NULL;
    }
    double t[16];
    td_mat4_identity(t);
    td_mat4_rotate_euler(t, "xyz", v);
    return apply(self, t, right, pivot, "Matrix.rotate(pivot=)");
}

static PyObject *
matrix_rotate_on_axis(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"rotationAxis", "angle", "fromRight", "pivot", NULL};
    PyObject *axis_obj, *pivot = NULL;
    double angle, axis[3];
    int right = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "Od|$pO:rotateOnAxis", kwlist, &axis_obj, &angle, &right, &pivot) ||
        td_vec3_values(td_state_of(self), axis_obj, axis, "Matrix.rotateOnAxis(rotationAxis)") < 0) {
        return NULL;
    }
    if (!(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2] > 0.0)) {
        PyErr_SetString(PyExc_ValueError, "Matrix.rotateOnAxis(): the rotation axis is zero");
        return NULL;
    }
    double t[16];
    td_mat4_identity(t);
    td_mat4_rotate_on_axis(t, axis, angle);
    return apply(self, t, right, pivot, "Matrix.rotateOnAxis(pivot=)");
}

static PyObject *
matrix_scale(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"sx", "sy", "sz", "fromRight", "pivot", NULL};
    double v[3];
    int right = 0;
    PyObject *pivot = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ddd|$pO:scale", kwlist, &v[0], &v[1], &v[2], &right, &pivot)) {
        return NULL;
    }
    double t[16];
    td_mat4_identity(t);
    td_mat4_scale(t, v[0], v[1], v[2]);
    return apply(self, t, right, pivot, "Matrix.scale(pivot=)");
}

static PyObject *
matrix_lookat(PyObject *self, PyObject *args)
{
    PyObject *e, *t, *u;
    double eye[3], target[3], up[3];
    td_state *st = td_state_of(self);
    if (!PyArg_ParseTuple(args, "OOO:lookat", &e, &t, &u) || td_vec3_values(st, e, eye, "Matrix.lookat(eyePos)") < 0 ||
        td_vec3_values(st, t, target, "Matrix.lookat(target)") < 0 ||
        td_vec3_values(st, u, up, "Matrix.lookat(up)") < 0) {
        return NULL;
    }
    double l[16];
    if (td_mat4_lookat(l, eye, target, up) < 0) {
        PyErr_SetString(PyExc_ValueError, "Matrix.lookat(): eyePos and target are the same point");
        return NULL;
    }
    return apply(self, l, 0, NULL, "Matrix.lookat()");
}

static PyObject *
matrix_decompose(PyObject *self, PyObject *unused)
{
    (void)unused;
    double t[3], r[3], s[3], p[3] = {0.0, 0.0, 0.0};
    if (td_mat4_decompose(M(self), "srt", "xyz", p, t, r, s) < 0) {
        PyErr_SetString(PyExc_ValueError, "Matrix.decompose(): the matrix is singular (a zero scale) or not finite");
        return NULL;
    }
    return Py_BuildValue("((ddd)(ddd)(ddd))", s[0], s[1], s[2], r[0], r[1], r[2], t[0], t[1], t[2]);
}

static PyObject *
matrix_numpy_array(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *np = PyImport_ImportModule("numpy");
    if (np == NULL) {
        return NULL;
    }
    PyObject *array = PyObject_GetAttrString(np, "array");
    Py_DECREF(np);
    PyObject *args = array != NULL ? PyTuple_Pack(1, self) : NULL;
    PyObject *kwargs = args != NULL ? Py_BuildValue("{s:s,s:s}", "dtype", "float64", "order", "C") : NULL;
    PyObject *out = kwargs != NULL ? PyObject_Call(array, args, kwargs) : NULL;
    Py_XDECREF(array);
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    return out;
}

static PyObject *
matrix_projection_frustum(PyObject *self, PyObject *args)
{
    double l, r, b, t, n, f;
    if (!PyArg_ParseTuple(args, "dddddd:projectionFrustum", &l, &r, &b, &t, &n, &f)) {
        return NULL;
    }
    if (r == l || t == b || f == n || !(n > 0.0)) {
        PyErr_SetString(PyExc_ValueError, "Matrix.projectionFrustum(): needs left != right, bottom != top and "
                                          "0 < near != far");
        return NULL;
    }
    double *m = M(self);
    memset(m, 0, 16 * sizeof(double));
    m[0] = 2.0 * n / (r - l);
    m[5] = 2.0 * n / (t - b);
    m[8] = (r + l) / (r - l);
    m[9] = (t + b) / (t - b);
    m[10] = f / (n - f);
    m[11] = -1.0;
    m[14] = n * f / (n - f);
    Py_RETURN_NONE;
}

static PyObject *
matrix_projection_fovx(PyObject *self, PyObject *args)
{
    double fov, ax, ay, n, f;
    if (!PyArg_ParseTuple(args, "ddddd:projectionFovX", &fov, &ax, &ay, &n, &f)) {
        return NULL;
    }
    if (!(fov > 0.0 && fov < 180.0) || !(ax > 0.0 && ay > 0.0) || !(n > 0.0) || f == n) {
        PyErr_SetString(PyExc_ValueError, "Matrix.projectionFovX(): needs 0 < fovX < 180, positive aspects and "
                                          "0 < near != far");
        return NULL;
    }
    double k = 1.0 / tan(fov * M_PI / 360.0), *m = M(self);
    memset(m, 0, 16 * sizeof(double));
    m[0] = k;
    m[5] = k * ax / ay;
    m[10] = f / (n - f);
    m[11] = -1.0;
    m[14] = n * f / (n - f);
    Py_RETURN_NONE;
}

/* The projective map of the unit square onto the quad bl br tl tr (Heckbert's square-to-quad),
 * acting on (u, v, z, 1): x and y through the homography, z unchanged. -1 if the quad is degenerate. */
static int
square_to_quad(const double q[8], double m[16])
{
    double x0 = q[0], y0 = q[1], x1 = q[2], y1 = q[3], x3 = q[4], y3 = q[5], x2 = q[6], y2 = q[7];
    double dx1 = x1 - x2, dx2 = x3 - x2, dx3 = x0 - x1 + x2 - x3;
    double dy1 = y1 - y2, dy2 = y3 - y2, dy3 = y0 - y1 + y2 - y3;
    double g = 0.0, h = 0.0;
    if (dx3 != 0.0 || dy3 != 0.0) {
        double den = dx1 * dy2 - dx2 * dy1;
        if (den == 0.0) {
            return -1;
        }
        g = (dx3 * dy2 - dx2 * dy3) / den;
        h = (dx1 * dy3 - dx3 * dy1) / den;
    }
    td_mat4_identity(m);
    m[0] = x1 - x0 + g * x1;
    m[4] = x3 - x0 + h * x3;
    m[12] = x0;
    m[1] = y1 - y0 + g * y1;
    m[5] = y3 - y0 + h * y3;
    m[13] = y0;
    m[3] = g;
    m[7] = h;
    double det = td_mat4_determinant(m);
    return det != 0.0 && isfinite(det) ? 0 : -1;
}

static PyObject *
map_quad(PyObject *self, PyObject *args, int inverse)
{
    double q[8], m[16];
    if (!PyArg_ParseTuple(args, inverse ? "dddddddd:mapQuadToUnitSquare" : "dddddddd:mapUnitSquareToQuad", &q[0],
                          &q[1], &q[2], &q[3], &q[4], &q[5], &q[6], &q[7])) {
        return NULL;
    }
    if (square_to_quad(q, m) < 0 || (inverse && td_mat4_invert(m, m) < 0)) {
        PyErr_Format(PyExc_ValueError, "%s(): the quadrilateral is degenerate",
                     inverse ? "mapQuadToUnitSquare" : "mapUnitSquareToQuad");
        return NULL;
    }
    memcpy(M(self), m, sizeof(m));
    Py_RETURN_NONE;
}

static PyObject *
matrix_map_unit_square_to_quad(PyObject *self, PyObject *args)
{
    return map_quad(self, args, 0);
}

static PyObject *
matrix_map_quad_to_unit_square(PyObject *self, PyObject *args)
{
    return map_quad(self, args, 1);
}

static PyObject *
matrix_project_and_clip(PyObject *self, PyObject *arg)
{
    td_state *st = td_state_of(self);
    double p[3];
    if (td_vec3_values(st, arg, p, "Matrix.projectAndClip()") < 0) {
        return NULL;
    }
    const double *m = M(self);
    double h[4];
    for (int r = 0; r < 4; r++) {
        h[r] = m[r] * p[0] + m[4 + r] * p[1] + m[8 + r] * p[2] + m[12 + r];
    }
    if (!(h[3] > 0.0)) {
        Py_RETURN_NONE; /* behind the eye */
    }
    double n[3] = {h[0] / h[3], h[1] / h[3], h[2] / h[3]};
    if (!(fabs(n[0]) <= 1.0 && fabs(n[1]) <= 1.0 && n[2] >= 0.0 && n[2] <= 1.0)) {
        Py_RETURN_NONE;
    }
    return td_position_new(st, n);
}

static PyObject *
matrix_reduce(PyObject *self, PyObject *unused)
{
    PyObject *vals = matrix_get_vals(self, unused);
    return vals != NULL ? Py_BuildValue("O(N)", (PyObject *)Py_TYPE(self), vals) : NULL;
}

static PyMethodDef matrix_methods[] = {
    {"identity", matrix_identity, METH_NOARGS, "identity($self, /)\n--\n\nSets the matrix to the identity."},
    {"copy", matrix_copy, METH_NOARGS, "copy($self, /)\n--\n\nA new Matrix with the same values."},
    {"transpose", matrix_transpose, METH_NOARGS, "transpose($self, /)\n--\n\nTransposes the matrix in place."},
    {"getTranspose", matrix_get_transpose, METH_NOARGS,
     "getTranspose($self, /)\n--\n\nThe transpose as a new Matrix; self is unchanged."},
    {"invert", matrix_invert, METH_NOARGS,
     "invert($self, /)\n--\n\nInverts the matrix in place; ValueError if it is singular."},
    {"getInverse", matrix_get_inverse, METH_NOARGS,
     "getInverse($self, /)\n--\n\nThe inverse as a new Matrix; ValueError if the matrix is singular."},
    {"determinant", matrix_determinant, METH_NOARGS, "determinant($self, /)\n--\n\nThe determinant."},
    {"translate", (PyCFunction)(void (*)(void))matrix_translate, METH_VARARGS | METH_KEYWORDS,
     "translate($self, tx, ty, tz, /, *, fromRight=False)\n--\n\n"
     "M = T * M, T the translation (tx, ty, tz); fromRight=True: M = M * T."},
    {"rotate", (PyCFunction)(void (*)(void))matrix_rotate, METH_VARARGS | METH_KEYWORDS,
     "rotate($self, rx, ry, rz, /, *, fromRight=False, pivot=None)\n--\n\n"
     "M = RZ * RY * RX * M, rotations about x, then y, then z by rx, ry, rz degrees; fromRight=True:\n"
     "M = M * RZ * RY * RX. pivot (a Vector, Position or 3 numbers): rotate about that point."},
    {"rotateOnAxis", (PyCFunction)(void (*)(void))matrix_rotate_on_axis, METH_VARARGS | METH_KEYWORDS,
     "rotateOnAxis($self, rotationAxis, angle, /, *, fromRight=False, pivot=None)\n--\n\n"
     "M = R * M, R the rotation by angle degrees about rotationAxis (any non-zero length; right-handed);\n"
     "fromRight and pivot as for rotate()."},
    {"scale", (PyCFunction)(void (*)(void))matrix_scale, METH_VARARGS | METH_KEYWORDS,
     "scale($self, sx, sy, sz, /, *, fromRight=False, pivot=None)\n--\n\n"
     "M = S * M, S the scale (sx, sy, sz); fromRight and pivot as for rotate()."},
    {"lookat", matrix_lookat, METH_VARARGS,
     "lookat($self, eyePos, target, up, /)\n--\n\n"
     "M = L * M, L the transform of an object at eyePos whose -Z axis points at target and whose +Y\n"
     "axis leans toward up (a camera's orientation; setTransform() of a cameraCOMP with it aims the\n"
     "camera). Each argument is a Position, Vector or 3 numbers; an up along the view direction is\n"
     "replaced by the world axis least along it; ValueError if eyePos == target."},
    {"decompose", matrix_decompose, METH_NOARGS,
     "decompose($self, /)\n--\n\n"
     "(scale, rotate, translate), each a tuple of 3: the Xform parameters (sx sy sz, rx ry rz in degrees,\n"
     "tx ty tz) that give this matrix with xord 'srt' and rord 'xyz' (M = T * Rz * Ry * Rx * S), as an\n"
     "object COMP's defaults have them. Rotations have several solutions: ry lies in [-90, 90]. Shear\n"
     "is dropped; a mirror gives a negative sx. ValueError if the matrix is singular."},
    {"numpyArray", matrix_numpy_array, METH_NOARGS,
     "numpyArray($self, /)\n--\n\nThe matrix as a new float64 NumPy array of shape (4, 4), indexed [row, col]\n"
     "like the matrix itself (a[0, 3] is tx)."},
    {"projectionFrustum", matrix_projection_frustum, METH_VARARGS,
     "projectionFrustum($self, left, right, bottom, top, near, far, /)\n--\n\n"
     "Sets the matrix to the perspective projection of that frustum (extents on the near plane), depth\n"
     "mapped to [0, 1] from near to far as TouchDesigner's Vulkan renderer has it."},
    {"projectionFovX", matrix_projection_fovx, METH_VARARGS,
     "projectionFovX($self, fovX, aspectX, aspectY, near, far, /)\n--\n\n"
     "Sets the matrix to the perspective projection with horizontal field of view fovX degrees for the\n"
     "aspect aspectX:aspectY (e.g. 1920, 1080), depth mapped to [0, 1] from near to far."},
    {"mapUnitSquareToQuad", matrix_map_unit_square_to_quad, METH_VARARGS,
     "mapUnitSquareToQuad($self, blX, blY, brX, brY, tlX, tlY, trX, trY, /)\n--\n\n"
     "Sets the matrix to the projective map of the unit square (0, 0)-(1, 1) onto the quadrilateral with\n"
     "those bottom-left, bottom-right, top-left and top-right corners: M * Position(u, v, 0) lands on\n"
     "the quad (w divided out). ValueError for a degenerate quad."},
    {"mapQuadToUnitSquare", matrix_map_quad_to_unit_square, METH_VARARGS,
     "mapQuadToUnitSquare($self, blX, blY, brX, brY, tlX, tlY, trX, trY, /)\n--\n\n"
     "The inverse of mapUnitSquareToQuad(): the quadrilateral onto the unit square."},
    {"projectAndClip", matrix_project_and_clip, METH_O,
     "projectAndClip($self, pos, /)\n--\n\n"
     "M * pos divided by w, a Position in normalized clip space, or None when it is clipped: behind the\n"
     "eye (w <= 0), outside [-1, 1] in x or y, or outside the [0, 1] depth range (Vulkan's)."},
    {"__reduce__", matrix_reduce, METH_NOARGS, "__reduce__($self, /)\n--\n\nPickling support: (Matrix, (vals,))."},
    {NULL},
};

/* ---- operators ---- */

static int
index_of(PyObject *key, int *r, int *c)
{
    if (!PyTuple_Check(key) || PyTuple_GET_SIZE(key) != 2) {
        PyErr_SetString(PyExc_TypeError, "Matrix indices are [row, col]");
        return -1;
    }
    long v[2];
    for (int i = 0; i < 2; i++) {
        v[i] = PyLong_AsLong(PyTuple_GET_ITEM(key, i));
        if (v[i] == -1 && PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "Matrix indices are [row, col], two ints");
            return -1;
        }
        if (v[i] < 0 || v[i] > 3) {
            PyErr_Format(PyExc_IndexError, "Matrix index %ld out of range (0..3)", v[i]);
            return -1;
        }
    }
    *r = (int)v[0];
    *c = (int)v[1];
    return 0;
}

static PyObject *
matrix_subscript(PyObject *self, PyObject *key)
{
    int r, c;
    return index_of(key, &r, &c) < 0 ? NULL : PyFloat_FromDouble(M(self)[c * 4 + r]);
}

static int
matrix_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    int r, c;
    if (index_of(key, &r, &c) < 0) {
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete a Matrix entry");
        return -1;
    }
    double d = PyFloat_AsDouble(value);
    if (d == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    M(self)[c * 4 + r] = d;
    return 0;
}

static PyObject *
matrix_multiply(PyObject *a, PyObject *b)
{
    td_state *st = td_pair_state(a, b);
    if (st == NULL || Py_TYPE(a) != st->Matrix_type) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (Py_TYPE(b) == st->Matrix_type) {
        double out[16];
        td_mat4_mul(out, M(a), M(b));
        return td_matrix_new(st, out);
    }
    if (Py_TYPE(b) == st->Position_type || Py_TYPE(b) == st->Vector_type) {
        double out[3];
        if (Py_TYPE(b) == st->Position_type) {
            td_mat4_transform_point(M(a), ((TdVec3 *)b)->v, out);
            return td_position_new(st, out);
        }
        td_mat4_transform_vector(M(a), ((TdVec3 *)b)->v, out);
        return td_vector_new(st, out);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
sum(PyObject *a, PyObject *b, double sign)
{
    td_state *st = td_pair_state(a, b);
    if (st == NULL || Py_TYPE(a) != st->Matrix_type || Py_TYPE(b) != st->Matrix_type) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    double out[16];
    for (int i = 0; i < 16; i++) {
        out[i] = M(a)[i] + sign * M(b)[i];
    }
    return td_matrix_new(st, out);
}

static PyObject *
matrix_add(PyObject *a, PyObject *b)
{
    return sum(a, b, 1.0);
}

static PyObject *
matrix_subtract(PyObject *a, PyObject *b)
{
    return sum(a, b, -1.0);
}

static PyObject *
matrix_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != Py_TYPE(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int eq = 1;
    for (int i = 0; i < 16; i++) {
        eq = eq && M(a)[i] == M(b)[i];
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyObject *
matrix_repr(PyObject *self)
{
    /* the columns, as the constructor takes them */
    PyObject *cols = list_of(M(self), 0);
    if (cols == NULL) {
        return NULL;
    }
    PyObject *out = PyUnicode_FromFormat("Matrix(%R, %R, %R, %R)", PyList_GET_ITEM(cols, 0), PyList_GET_ITEM(cols, 1),
                                         PyList_GET_ITEM(cols, 2), PyList_GET_ITEM(cols, 3));
    Py_DECREF(cols);
    return out;
}

static int
matrix_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    /* [row, col] at row * 8 + col * 32 bytes: the column-major values */
    static Py_ssize_t shape[2] = {4, 4}, strides[2] = {sizeof(double), 4 * sizeof(double)};
    view->obj = NULL;
    if (flags & PyBUF_WRITABLE) {
        PyErr_SetString(PyExc_BufferError, "the buffer of a Matrix is read-only (change it through m[row, col])");
        return -1;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        PyErr_SetString(PyExc_BufferError, "a Matrix exports a strided (column-major) buffer only");
        return -1;
    }
    view->obj = Py_NewRef(self);
    view->buf = M(self);
    view->len = 16 * sizeof(double);
    view->readonly = 1;
    view->itemsize = sizeof(double);
    view->format = (flags & PyBUF_FORMAT) ? "d" : NULL;
    view->ndim = 2;
    view->shape = shape;
    view->strides = strides;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static PyType_Slot matrix_slots[] = {
    {Py_tp_doc, "Matrix(*args, zero=False)\n--\n\n"
                "A 4x4 transform (TouchDesigner's tdu.Matrix), in double precision.\n\n"
                "Column-major, as TouchDesigner documents: the matrix multiplies column vectors from the\n"
                "left (p' = M * p), the translation is the last column (m[0, 3], m[1, 3], m[2, 3]), and the\n"
                "16 values of the constructor and of vals go column by column. m[row, col] reads and sets\n"
                "one entry; rows and cols list them. numpy.asarray(m) (the buffer protocol: a read-only\n"
                "view of m's memory, which follows later changes to m) and numpyArray() (a copy) are\n"
                "float64 (4, 4) arrays indexed [row, col] like m.\n\n"
                "Matrix() is the identity (all zeros with zero=True); Matrix(m) copies a Matrix;\n"
                "Matrix(vals) takes a list of 16 values (columns), 9 (the 3x3 part, columns) or 4 (a\n"
                "quaternion x, y, z, w); Matrix(c1, c2, c3[, c4]) takes columns of 3 or 4 values (missing\n"
                "entries from the identity); Matrix(f1, ..., f9) and Matrix(f1, ..., f16) take the numbers;\n"
                "a 4x4 NumPy array is read as rows, so Matrix(m.numpyArray()) == m. A list of 4 lists is\n"
                "ambiguous and raises TypeError.\n\n"
                "Matrix * Matrix multiplies; Matrix * Position applies the translation and divides by w;\n"
                "Matrix * Vector ignores the translation; + and - work entry by entry; == compares every\n"
                "entry exactly. The repr lists the columns."},
    {Py_tp_new, matrix_new},
    {Py_tp_dealloc, matrix_dealloc},
    {Py_tp_repr, matrix_repr},
    {Py_tp_richcompare, matrix_richcompare},
    {Py_tp_getset, matrix_getset},
    {Py_tp_methods, matrix_methods},
    {Py_mp_subscript, matrix_subscript},
    {Py_mp_ass_subscript, matrix_ass_subscript},
    {Py_nb_multiply, matrix_multiply},
    {Py_nb_add, matrix_add},
    {Py_nb_subtract, matrix_subtract},
    {Py_bf_getbuffer, matrix_getbuffer},
    {0, NULL},
};

PyType_Spec td_Matrix_spec = {
    .name = "td_render.Matrix",
    .basicsize = sizeof(TdMatrix),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = matrix_slots,
};
