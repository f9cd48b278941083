/* td_render.Matrix, Position and Vector: TouchDesigner's tdu.Matrix, tdu.Position, tdu.Vector.
 *
 * A Matrix holds 16 doubles in column-major order (m[col * 4 + row], as src/util/mat4.h and GL
 * have them): it multiplies column vectors from the left (p' = M * p) and its translation is the
 * last column, m[12..14]. A Position is a point (w = 1 under a Matrix), a Vector a direction
 * (w = 0: translation does not apply). */
#ifndef TD_GRAPH_MATRIX_H
#define TD_GRAPH_MATRIX_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "bind/state.h"

typedef struct {
    PyObject_HEAD
    double m[16]; /* column-major */
} TdMatrix;

typedef struct {
    PyObject_HEAD
    double v[3];
} TdVec3; /* Position and Vector */

extern PyType_Spec td_Matrix_spec, td_Position_spec, td_Vector_spec;

/* A new Matrix holding m; NULL with an exception. */
PyObject *td_matrix_new(td_state *st, const double m[16]);
/* The 16 values of o, a Matrix or anything Matrix(o) accepts (16 values, 4 columns, a 4x4 NumPy
 * array...); -1 with TypeError/ValueError naming what, for anything else. */
int td_matrix_values(td_state *st, PyObject *o, double out[16], const char *what);
/* Matrix(*args)'s forms into m (matrix_args.c): (), (Matrix), (4x4 array: rows), (list of 4: a
 * quaternion, 9 or 16 values: columns), (3 or 4 columns), (9 or 16 numbers); -1 with TypeError or
 * ValueError. */
int td_matrix_parse(td_state *st, PyObject *args, double m[16]);
/* Up to max numbers of the sequence o into out: the count, or -1 with TypeError / ValueError. */
Py_ssize_t td_read_numbers(PyObject *o, double *out, Py_ssize_t max, const char *what);
/* A new Position / Vector. */
PyObject *td_position_new(td_state *st, const double v[3]);
PyObject *td_vector_new(td_state *st, const double v[3]);
/* The state of whichever of a and b is one of this module's objects (a binary operator's
 * operands), or NULL (no error set) if neither is. */
td_state *td_pair_state(PyObject *a, PyObject *b);

/* ---- shared by Position and Vector (vec3.c) ---- */

/* x, y, z of o: a Position, a Vector, or any sequence of 3 numbers; -1 with TypeError naming
 * what. */
int td_vec3_values(td_state *st, PyObject *o, double out[3], const char *what);
/* tdu.Position(...) / tdu.Vector(...) arguments: (), (f), (x, y, z), (Position / Vector / 3-item
 * sequence). */
int td_vec3_parse_args(td_state *st, PyObject *args, PyObject *kwargs, const char *name, double out[3]);
/* A new object of type (Position or Vector) holding v; NULL with a Python error. */
PyObject *td_vec3_make(PyTypeObject *type, const double v[3]);
/* tp_dealloc of both types (heap types: drops the type's reference). */
void td_vec3_dealloc(PyObject *self);
/* The slots both types share: x y z members, indexing, iteration, repr, ==, buffer, abs, neg,
 * copy, pickling. */
extern PyGetSetDef td_vec3_getset[];
PyObject *td_vec3_repr(PyObject *self);
PyObject *td_vec3_richcompare(PyObject *a, PyObject *b, int op);
Py_ssize_t td_vec3_length(PyObject *self);
PyObject *td_vec3_item(PyObject *self, Py_ssize_t i);
int td_vec3_ass_item(PyObject *self, Py_ssize_t i, PyObject *value);
PyObject *td_vec3_abs(PyObject *self);
PyObject *td_vec3_neg(PyObject *self);
PyObject *td_vec3_copy(PyObject *self, PyObject *unused);
PyObject *td_vec3_reduce(PyObject *self, PyObject *unused);
int td_vec3_getbuffer(PyObject *self, Py_buffer *view, int flags);
/* The arithmetic of both types with TouchDesigner's rules: Position + Vector is a Position,
 * Position - Position a Vector, Vector - Position an error; a scalar applies to every component;
 * Position * Position and Vector * Vector multiply component-wise; Position *= Matrix and
 * Vector *= Matrix transform in place (as Matrix * it). */
PyObject *td_vec3_add(PyObject *a, PyObject *b);
PyObject *td_vec3_sub(PyObject *a, PyObject *b);
PyObject *td_vec3_mul(PyObject *a, PyObject *b);
PyObject *td_vec3_div(PyObject *a, PyObject *b);
PyObject *td_vec3_iadd(PyObject *a, PyObject *b);
PyObject *td_vec3_isub(PyObject *a, PyObject *b);
PyObject *td_vec3_imul(PyObject *a, PyObject *b);
PyObject *td_vec3_idiv(PyObject *a, PyObject *b);

#endif
