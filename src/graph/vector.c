/* td_render.Vector (tdu.Vector): a direction in space, x y z. Under a Matrix it has w = 0 (no
 * translation).
 *
 *   >>> v = td.Vector(0, 0, -1)
 *   >>> v.length(), v.dot(w), v.cross(w), v.angle(w), v.normalize(), m * v, numpy.asarray(v)
 */
#include <math.h>

#include "graph/matrix.h"

PyObject *
td_vector_new(td_state *st, const double v[3])
{
    return td_vec3_make(st->Vector_type, v);
}

static PyObject *
vector_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    td_state *st = td_state_of_type(type);
    double v[3];
    if (td_vec3_parse_args(st, args, kwargs, "Vector", v) < 0) {
        return NULL;
    }
    return td_vector_new(st, v);
}

static double
dot(const double a[3], const double b[3])
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

static const double *
me(PyObject *self)
{
    return ((TdVec3 *)self)->v;
}

/* The other operand of a method as 3 values. */
static int
other(PyObject *self, PyObject *o, double out[3], const char *what)
{
    return td_vec3_values(td_state_of(self), o, out, what);
}

static PyObject *
vector_length(PyObject *self, PyObject *unused)
{
    (void)unused;
    return PyFloat_FromDouble(sqrt(dot(me(self), me(self))));
}

static PyObject *
vector_length_squared(PyObject *self, PyObject *unused)
{
    (void)unused;
    return PyFloat_FromDouble(dot(me(self), me(self)));
}

static PyObject *
vector_normalize(PyObject *self, PyObject *unused)
{
    (void)unused;
    double *v = ((TdVec3 *)self)->v;
    double n = sqrt(dot(v, v));
    if (n > 0.0 && isfinite(n)) {
        for (int i = 0; i < 3; i++) {
            v[i] /= n;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
vector_dot(PyObject *self, PyObject *o)
{
    double b[3];
    if (other(self, o, b, "Vector.dot()") < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(dot(me(self), b));
}

static void
cross(double out[3], const double a[3], const double b[3])
{
    out[0] = a[1] * b[2] - a[2] * b[1];
    out[1] = a[2] * b[0] - a[0] * b[2];
    out[2] = a[0] * b[1] - a[1] * b[0];
}

static PyObject *
vector_cross(PyObject *self, PyObject *o)
{
    double b[3], c[3];
    if (other(self, o, b, "Vector.cross()") < 0) {
        return NULL;
    }
    cross(c, me(self), b);
    return td_vector_new(td_state_of(self), c);
}

static double
angle_between(const double a[3], const double b[3])
{
    double n = sqrt(dot(a, a) * dot(b, b));
    if (!(n > 0.0)) {
        return 0.0;
    }
    double c = dot(a, b) / n;
    return acos(c > 1.0 ? 1.0 : c < -1.0 ? -1.0 : c);
}

static PyObject *
vector_angle(PyObject *self, PyObject *o)
{
    double b[3];
    if (other(self, o, b, "Vector.angle()") < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(angle_between(me(self), b) * 180.0 / M_PI);
}

static PyObject *
vector_distance(PyObject *self, PyObject *o)
{
    double b[3];
    if (other(self, o, b, "Vector.distance()") < 0) {
        return NULL;
    }
    double d[3] = {me(self)[0] - b[0], me(self)[1] - b[1], me(self)[2] - b[2]};
    return PyFloat_FromDouble(sqrt(dot(d, d)));
}

static PyObject *
vector_scale(PyObject *self, PyObject *args)
{
    double d[3];
    if (!PyArg_ParseTuple(args, "ddd:scale", &d[0], &d[1], &d[2])) {
        return NULL;
    }
    for (int i = 0; i < 3; i++) {
        ((TdVec3 *)self)->v[i] *= d[i];
    }
    Py_RETURN_NONE;
}

static PyObject *
interpolate(PyObject *self, PyObject *args, int spherical)
{
    PyObject *o;
    double t, b[3], out[3];
    if (!PyArg_ParseTuple(args, spherical ? "Od:slerp" : "Od:lerp", &o, &t) ||
        other(self, o, b, spherical ? "Vector.slerp()" : "Vector.lerp()") < 0) {
        return NULL;
    }
    const double *a = me(self);
    double wa = 1.0 - t, wb = t;
    double omega = spherical ? angle_between(a, b) : 0.0;
    if (spherical && sin(omega) > 1e-9) {
        wa = sin((1.0 - t) * omega) / sin(omega);
        wb = sin(t * omega) / sin(omega);
    }
    for (int i = 0; i < 3; i++) {
        out[i] = a[i] * wa + b[i] * wb;
    }
    return td_vector_new(td_state_of(self), out);
}

static PyObject *
vector_lerp(PyObject *self, PyObject *args)
{
    return interpolate(self, args, 0);
}

static PyObject *
vector_slerp(PyObject *self, PyObject *args)
{
    return interpolate(self, args, 1);
}

static PyObject *
vector_project(PyObject *self, PyObject *args)
{
    PyObject *o1, *o2;
    double a[3], b[3], n[3];
    if (!PyArg_ParseTuple(args, "OO:project", &o1, &o2) || other(self, o1, a, "Vector.project()") < 0 ||
        other(self, o2, b, "Vector.project()") < 0) {
        return NULL;
    }
    cross(n, a, b);
    double nn = dot(n, n);
    if (!(nn > 0.0)) {
        PyErr_SetString(PyExc_ValueError, "Vector.project(): the two vectors are parallel and define no plane");
        return NULL;
    }
    double *v = ((TdVec3 *)self)->v;
    double k = dot(v, n) / nn;
    for (int i = 0; i < 3; i++) {
        v[i] -= k * n[i];
    }
    Py_RETURN_NONE;
}

static PyObject *
vector_reflect(PyObject *self, PyObject *o)
{
    double n[3];
    if (other(self, o, n, "Vector.reflect()") < 0) {
        return NULL;
    }
    double nn = dot(n, n);
    if (!(nn > 0.0)) {
        PyErr_SetString(PyExc_ValueError, "Vector.reflect(): cannot reflect about a zero vector");
        return NULL;
    }
    double *v = ((TdVec3 *)self)->v;
    double k = 2.0 * dot(v, n) / nn;
    for (int i = 0; i < 3; i++) {
        v[i] -= k * n[i];
    }
    Py_RETURN_NONE;
}

static PyMethodDef vector_methods[] = {
    {"length", vector_length, METH_NOARGS, "length($self, /)\n--\n\nThe length of the vector."},
    {"lengthSquared", vector_length_squared, METH_NOARGS, "lengthSquared($self, /)\n--\n\nThe squared length."},
    {"normalize", vector_normalize, METH_NOARGS,
     "normalize($self, /)\n--\n\nMakes the length 1 (in place); a zero vector stays zero."},
    {"dot", vector_dot, METH_O,
     "dot($self, vec, /)\n--\n\nThe dot product with vec (a Vector, Position or 3 numbers)."},
    {"cross", vector_cross, METH_O, "cross($self, vec, /)\n--\n\nThe cross product self x vec, a new Vector."},
    {"angle", vector_angle, METH_O,
     "angle($self, vec, /)\n--\n\nThe angle to vec in degrees, in [0, 180]; 0 if either is zero."},
    {"distance", vector_distance, METH_O, "distance($self, vec, /)\n--\n\nThe length of self - vec."},
    {"scale", vector_scale, METH_VARARGS,
     "scale($self, x, y, z, /)\n--\n\nMultiplies each component by x, y, z (in place)."},
    {"lerp", vector_lerp, METH_VARARGS,
     "lerp($self, vec2, t, /)\n--\n\nself * (1 - t) + vec2 * t, a new Vector; t is not limited to [0, 1]."},
    {"slerp", vector_slerp, METH_VARARGS,
     "slerp($self, vec2, t, /)\n--\n\nSpherical interpolation from self to vec2 by the angle between them, a\n"
     "new Vector; parallel vectors interpolate linearly."},
    {"project", vector_project, METH_VARARGS,
     "project($self, vec1, vec2, /)\n--\n\nProjects the vector (in place) onto the plane through the origin that\n"
     "vec1 and vec2 span; ValueError if they are parallel."},
    {"reflect", vector_reflect, METH_O,
     "reflect($self, vec, /)\n--\n\nReflects the vector (in place) off the plane whose normal is vec, as GLSL's\n"
     "reflect(): v - 2 (v . n) n with n = vec normalized."},
    {"copy", td_vec3_copy, METH_NOARGS, "copy($self, /)\n--\n\nA new Vector with the same values."},
    {"__reduce__", td_vec3_reduce, METH_NOARGS, "__reduce__($self, /)\n--\n\nPickling support: (Vector, (x, y, z))."},
    {NULL},
};

static PyType_Slot vector_slots[] = {
    {Py_tp_doc, "Vector(*args)\n--\n\n"
                "A direction in space (TouchDesigner's tdu.Vector): x, y, z.\n\n"
                "Vector() is (0, 0, 0); Vector(f) is (f, f, f); Vector(x, y, z); Vector(v) copies a Vector,\n"
                "a Position or any 3 numbers. Under a Matrix a Vector has w = 0: M * v ignores the\n"
                "translation. Vector + Vector and Vector - Vector are Vectors, Vector + Position a\n"
                "Position (Vector - Position is an error); a number adds, subtracts, multiplies or divides\n"
                "every component; Vector * Vector multiplies component-wise; v *= M is v = M * v. Indexing\n"
                "v[0..2], iteration, ==, abs(), -v, copy and pickle work; numpy.asarray(v) is a read-only\n"
                "float64 array of shape (3,)."},
    {Py_tp_new, vector_new},
    {Py_tp_dealloc, td_vec3_dealloc},
    {Py_tp_repr, td_vec3_repr},
    {Py_tp_richcompare, td_vec3_richcompare},
    {Py_tp_getset, td_vec3_getset},
    {Py_tp_methods, vector_methods},
    {Py_sq_length, td_vec3_length},
    {Py_sq_item, td_vec3_item},
    {Py_sq_ass_item, td_vec3_ass_item},
    {Py_nb_add, td_vec3_add},
    {Py_nb_subtract, td_vec3_sub},
    {Py_nb_multiply, td_vec3_mul},
    {Py_nb_true_divide, td_vec3_div},
    {Py_nb_inplace_add, td_vec3_iadd},
    {Py_nb_inplace_subtract, td_vec3_isub},
    {Py_nb_inplace_multiply, td_vec3_imul},
    {Py_nb_inplace_true_divide, td_vec3_idiv},
    {Py_nb_absolute, td_vec3_abs},
    {Py_nb_negative, td_vec3_neg},
    {Py_bf_getbuffer, td_vec3_getbuffer},
    {0, NULL},
};

PyType_Spec td_Vector_spec = {
    .name = "td_render.Vector",
    .basicsize = sizeof(TdVec3),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = vector_slots,
};
