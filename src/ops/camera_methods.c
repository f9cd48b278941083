/* cameraCOMP's Python methods: projection(x, y) and projectionInverse(x, y), the matrices a render of
 * aspect x:y draws with (td_camera_projection). */
#include <math.h>

#include "bind/state.h"
#include "graph/matrix.h"
#include "graph/op.h"
#include "ops/camera.h"
#include "util/mat4.h"

static PyObject *
projection_matrix(TdOp *self, PyObject *args, int inverse)
{
    double x, y;
    if (!PyArg_ParseTuple(args, inverse ? "dd:projectionInverse" : "dd:projection", &x, &y) || td_op_check(self) < 0) {
        return NULL;
    }
    if (!(x > 0.0 && y > 0.0) || !isfinite(x / y)) {
        PyErr_Format(PyExc_ValueError, "%s(x, y): the aspect x:y needs x > 0 and y > 0",
                     inverse ? "projectionInverse" : "projection");
        return NULL;
    }
    td_values *v = td_op_values(self);
    if (v == NULL) {
        return NULL;
    }
    double m[16], inv[16];
    int rc = td_camera_projection(self, v, x / y, m);
    td_values_free(v);
    if (rc < 0) {
        return NULL;
    }
    if (inverse) {
        if (td_mat4_invert(inv, m) < 0) {
            PyErr_SetString(td_state_of((PyObject *)self)->tdError, "projectionInverse(): the projection is singular");
            return NULL;
        }
        return td_matrix_new(td_state_of((PyObject *)self), inv);
    }
    return td_matrix_new(td_state_of((PyObject *)self), m);
}

static PyObject *
camera_projection(TdOp *self, PyObject *args)
{
    return projection_matrix(self, args, 0);
}

static PyObject *
camera_projection_inverse(TdOp *self, PyObject *args)
{
    return projection_matrix(self, args, 1);
}

PyMethodDef td_camera_methods[] = {
    {"projection", (PyCFunction)camera_projection, METH_VARARGS,
     "projection($self, x, y, /)\n--\n\nThe camera's projection Matrix for a render of aspect x:y (usually its\n"
     "width and height): camera space to clip space, depth mapped to [0, 1] from near to far as in\n"
     "TouchDesigner's Vulkan renderer. The same matrix a renderTOP draws with. tdError if the\n"
     "camera's parameters make no projection (near >= far, fov out of (0, 180))."},
    {"projectionInverse", (PyCFunction)camera_projection_inverse, METH_VARARGS,
     "projectionInverse($self, x, y, /)\n--\n\nThe inverse of projection(x, y): clip space back to camera space."},
    {NULL},
};
