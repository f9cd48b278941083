/* td_render.Position (tdu.Position): a point in space, x y z. Under a Matrix it has w = 1
 * (translation applies; a projective matrix's w is divided out).
 *
 *   >>> p = td.Position(1, 5, 0)       # also Position(), Position(f), Position([x, y, z]), Position(v)
 *   >>> p + td.Vector(0, 1, 0), p - td.Position(1, 0, 0), m * p, p[1], list(p), numpy.asarray(p)
 */
#include "graph/matrix.h"

PyObject *
td_position_new(td_state *st, const double v[3])
{
    return td_vec3_make(st->Position_type, v);
}

static PyObject *
position_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    td_state *st = td_state_of_type(type);
    double v[3];
    if (td_vec3_parse_args(st, args, kwargs, "Position", v) < 0) {
        return NULL;
    }
    return td_position_new(st, v);
}

static PyObject *
position_translate(PyObject *self, PyObject *args)
{
    double d[3];
    if (!PyArg_ParseTuple(args, "ddd:translate", &d[0], &d[1], &d[2])) {
        return NULL;
    }
    for (int i = 0; i < 3; i++) {
        ((TdVec3 *)self)->v[i] += d[i];
    }
    Py_RETURN_NONE;
}

static PyObject *
position_scale(PyObject *self, PyObject *args)
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

static PyMethodDef position_methods[] = {
    {"translate", position_translate, METH_VARARGS,
     "translate($self, x, y, z, /)\n--\n\nMoves the position by x, y, z (in place)."},
    {"scale", position_scale, METH_VARARGS,
     "scale($self, x, y, z, /)\n--\n\nMultiplies each component by x, y, z (in place)."},
    {"copy", td_vec3_copy, METH_NOARGS, "copy($self, /)\n--\n\nA new Position with the same values."},
    {"__reduce__", td_vec3_reduce, METH_NOARGS, "__reduce__($self, /)\n--\n\nPickling support: (Position, (x, y, z))."},
    {NULL},
};

static PyType_Slot position_slots[] = {
    {Py_tp_doc, "Position(*args)\n--\n\n"
                "A point in space (TouchDesigner's tdu.Position): x, y, z.\n\n"
                "Position() is (0, 0, 0); Position(f) is (f, f, f); Position(x, y, z); Position(p) copies a\n"
                "Position, a Vector or any 3 numbers. Under a Matrix a Position has w = 1: M * p applies\n"
                "the translation and divides by w (projection matrices). Position + Vector and\n"
                "Position - Vector are Positions, Position - Position is the Vector between them;\n"
                "a number adds, subtracts, multiplies or divides every component; Position * Position\n"
                "multiplies component-wise; p *= M is p = M * p. Indexing p[0..2], iteration, ==, abs(),\n"
                "-p, copy and pickle work; numpy.asarray(p) is a read-only float64 array of shape (3,)."},
    {Py_tp_new, position_new},
    {Py_tp_dealloc, td_vec3_dealloc},
    {Py_tp_repr, td_vec3_repr},
    {Py_tp_richcompare, td_vec3_richcompare},
    {Py_tp_getset, td_vec3_getset},
    {Py_tp_methods, position_methods},
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

PyType_Spec td_Position_spec = {
    .name = "td_render.Position",
    .basicsize = sizeof(TdVec3),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = position_slots,
};
