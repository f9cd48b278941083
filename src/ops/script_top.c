/* scriptTOP: an image from NumPy. copyNumpyArray(array) hands it pixels (copied at once), from its
 * callbacks DAT's onCook(scriptOp) or from anywhere else; the pixels go up to the GPU as the input
 * of a pass (shaders/script_top.frag) that converts them to the TOP's format.
 *
 * The callbacks DAT's text runs as a module each time the TOP cooks (after any change in the
 * network, td.advance() included), with the expression globals (op, me, parent, absTime, ...);
 * its onCook(scriptOp) is called if it defines one. */
#include <string.h>

#include "bind/numpy.h"

#include "bind/state.h"
#include "graph/op.h"
#include "image/pixels.h"
#include "ops/image_top.h"
#include "ops/script_callbacks.h"
#include "td_shaders.h"

#define SCRIPT_PARS(X)                                                                                     \
    X(callbacks, TD_PAR_O, "Callbacks DAT", "Script", "")                                                  \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(script_pars, SCRIPT_PARS);

static const td_material_program script_program = {.name = "scriptTOP", .fragment = td_shader_script_top_frag};

/* onCook runs while the TOP is the one that started the cook: copyNumpyArray() then makes this
 * cook's image instead of touching the TOP. */
static int
enter_callback(TdOp *top, void *arg)
{
    td_top_state *s = arg;
    if (!top->valid || top->ext != s) {
        return td_op_check(top) < 0 ? -1 : td_image_top_error(top, "it was reset by its callbacks");
    }
    s->in_callback++;
    return 0;
}

static void
leave_callback(TdOp *top, void *arg)
{
    td_top_state *s = arg;
    if (top->valid && top->ext == s) {
        s->in_callback--;
    }
}

/* Runs the callbacks (which may hand it pixels: td_top_state.pixels, the build's input 0). */
static int
script_fill(TdOp *top, td_image_build *b)
{
    td_top_state *s = td_top_state_get(top);
    if (s == NULL) {
        return -1;
    }
    const char *path = td_values_str(b->vals, PAR_callbacks);
    static const char *const functions[] = {"onCook"};
    td_script_hooks hooks = {.enter = enter_callback, .leave = leave_callback, .arg = s};
    if (path[0] != '\0' && td_script_run(top, path, functions, 1, &hooks) < 0) {
        return -1;
    }
    if (!top->valid || top->ext != s) {
        return td_op_check(top) < 0 ? -1 : td_image_top_error(top, "it was reset while it cooked");
    }
    return 0;
}

static const td_image_top_class script_proto = {.top = TD_IMAGE_TOP_PROTO, .program = &script_program,
                                                .fill = script_fill, .pixels = 1};

/* ---- copyNumpyArray ---- */

static PyObject *
script_copy_numpy_array(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"numpyArray", "is3D", "isCube", NULL};
    PyObject *obj;
    int is3d = 0, iscube = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O&O&:copyNumpyArray", kwlist, &obj, td_top_parse_flag, &is3d,
                                     td_top_parse_flag, &iscube)) {
        return NULL;
    }
    if (td_op_check(self) < 0) {
        return NULL;
    }
    if (is3d || iscube) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "copyNumpyArray(): 3D and cube images are not supported yet (only 2D: (height, width, channels))");
        return NULL;
    }
    if (!PyArray_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "copyNumpyArray() takes a numpy.ndarray, not %.100s", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyArrayObject *a = (PyArrayObject *)obj;
    int nd = PyArray_NDIM(a);
    if (nd != 2 && nd != 3) {
        PyErr_Format(PyExc_ValueError,
                     "copyNumpyArray(): the array must have shape (height, width, channels) or (height, width), not %d dimensions",
                     nd);
        return NULL;
    }
    npy_intp h = PyArray_DIM(a, 0), w = PyArray_DIM(a, 1), c = nd == 3 ? PyArray_DIM(a, 2) : 1;
    if (c < 1 || c > 4) {
        PyErr_Format(PyExc_ValueError, "copyNumpyArray(): the array has %zd channels; 1 to 4 are allowed", (Py_ssize_t)c);
        return NULL;
    }
    if (h < 1 || w < 1 || h > 32768 || w > 32768) {
        PyErr_Format(PyExc_ValueError, "copyNumpyArray(): a %zd x %zd image (width x height) is not 1 to 32768 on a side",
                     (Py_ssize_t)w, (Py_ssize_t)h);
        return NULL;
    }
    td_sample_type t;
    switch (PyArray_TYPE(a)) {
    case NPY_UINT8:
        t = TD_SAMPLE_U8;
        break;
    case NPY_UINT16:
        t = TD_SAMPLE_U16;
        break;
    case NPY_FLOAT16:
        t = TD_SAMPLE_F16;
        break;
    case NPY_FLOAT32:
        t = TD_SAMPLE_F32;
        break;
    default: {
        PyObject *descr = PyObject_Str((PyObject *)PyArray_DESCR(a));
        if (descr != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "copyNumpyArray(): dtype %U is not uint8, uint16, float16 or float32 (convert it with .astype())",
                         descr);
            Py_DECREF(descr);
        }
        return NULL;
    }
    }
    if (!PyArray_IS_C_CONTIGUOUS(a) || !PyArray_ISALIGNED(a) || !PyArray_ISNOTSWAPPED(a)) {
        PyErr_SetString(PyExc_ValueError,
                        "copyNumpyArray(): the array must be C-contiguous, aligned and in native byte order "
                        "(numpy.ascontiguousarray() makes such a copy)");
        return NULL;
    }
    td_pixels *px = td_pixels_new((int)w, (int)h, (int)c, t, TD_PIXELS_CHANNELS);
    if (px == NULL) {
        return PyErr_NoMemory();
    }
    const void *data = PyArray_DATA(a); /* the call's arguments hold the array */
    Py_BEGIN_ALLOW_THREADS
    memcpy(px->data, data, px->bytes); /* rows bottom-up: TouchDesigner's orientation */
    Py_END_ALLOW_THREADS
    if (td_op_check(self) < 0) {       /* another thread may have destroyed the TOP meanwhile */
        td_pixels_decref(px);
        return NULL;
    }
    td_top_state *s = td_top_state_get(self);
    if (s == NULL) {
        td_pixels_decref(px);
        return NULL;
    }
    td_pixels_decref(s->pixels);
    s->pixels = px;
    if (s->in_callback == 0) {
        td_op_touch(self); /* outside its cook: the next read cooks again */
    }
    Py_RETURN_NONE;
}

static PyMethodDef script_methods[] = {
    {"copyNumpyArray", (PyCFunction)(void (*)(void))script_copy_numpy_array, METH_VARARGS | METH_KEYWORDS,
     "copyNumpyArray($self, numpyArray, /, is3D=False, isCube=False)\n--\n\n"
     "Copies numpyArray into the TOP's image, at once (the array may change afterwards).\n\n"
     "The shape is (height, width, channels) with 1 to 4 channels ((height, width): one channel),\n"
     "row 0 the bottom row (TouchDesigner's orientation, what numpyArray() returns); the dtype\n"
     "uint8, uint16 (0..max is 0..1), float16 or float32; C-contiguous. 1 channel is R, 2 RG,\n"
     "3 RGB (alpha 1), 4 RGBA. With the Common page's 'useinput' the image takes the array's size\n"
     "and a format of its depth and channels (uint8: mono8fixed / rg8fixed / rgba8fixed; uint16:\n"
     "the 16fixed ones; float16 and float32: mono, rg, rgb, rgba 16float / 32float), so\n"
     "numpyArray() gives the values back exactly. Called from onCook it makes this cook's image;\n"
     "elsewhere the next read cooks with it. is3D and isCube: NotImplementedError (2D only)."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot script_slots[] = {
    {Py_tp_doc, "scriptTOP: an image made in Python, from NumPy arrays (copyNumpyArray()).\n\n"
                "callbacks names a DAT whose text runs as a module each time the TOP cooks (after any\n"
                "change in the network; td.advance() is one), with the expression globals; its\n"
                "onCook(scriptOp) is called if it defines one (module-level names do not persist\n"
                "between cooks: keep state with scriptOp.store()). Before any array the image is its\n"
                "wired input 0, or transparent black at the Common page's resolution without one. The\n"
                "Common page applies as on every image TOP (resolution, format, chanmask, npasses). The\n"
                "callbacks parameter's default is '' (TouchDesigner makes a docked DAT for it;\n"
                "td_render does not). Not\n"
                "offered yet: onSetupParameters/onPulse/onGetCookLevel, copyCUDAMemory, loadByteArray,\n"
                "3D and cube images."},
    {Py_tp_methods, script_methods},
    {0, NULL},
};

static PyType_Spec script_spec = {
    .name = "td_render.scriptTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = script_slots,
};

const td_op_class td_class_scriptTOP = {
    .optype = "scriptTOP", .family = "TOP", .label = "Script", .base_name = "script", .subtype = "",
    .base = TD_BASE_TOP, .spec = &script_spec, .pars = script_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = TD_MAX_TEXTURES, .release = td_top_release, .proto = &script_proto,
    .cook = td_top_cook_hook,
};
