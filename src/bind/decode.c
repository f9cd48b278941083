/* Python binding of the decoders. See decode.h.
 *
 *   >>> a, info = _td._decode_image(open('shot.exr', 'rb').read())   # or a path
 *   >>> a.shape, a.dtype, info                   # row 0 is the bottom row
 *   ((1080, 1920, 4), dtype('float16'), {'channels': 4, 'dtype': 'float16', 'premultiplied': True, ...})
 */
#include "bind/decode.h"

#include "bind/bridge.h"
#include "bind/numpy.h"
#include "image/decode.h"

#include <stdlib.h>
#include <string.h>

#define CAPSULE_NAME "td_render.decoded_pixels"

static void
free_pixels(PyObject *capsule)
{
    free(PyCapsule_GetPointer(capsule, CAPSULE_NAME));
}

/* The pixels as a (height, width, channels) array that owns them; d is emptied. */
static PyObject *
array_of(td_decoded *d)
{
    static const int typenums[4] = {NPY_UINT8, NPY_UINT16, NPY_FLOAT16, NPY_FLOAT32};
    npy_intp dims[3] = {d->image.height, d->image.width, d->image.channels};
    PyObject *capsule = PyCapsule_New(d->owned, CAPSULE_NAME, free_pixels);
    if (capsule == NULL) {
        td_decoded_free(d);
        return NULL;
    }
    d->owned = NULL; /* the capsule frees it now */
    PyObject *a = PyArray_SimpleNewFromData(3, dims, typenums[d->image.type], (void *)d->image.data);
    if (a == NULL || PyArray_SetBaseObject((PyArrayObject *)a, capsule) < 0) { /* steals capsule */
        if (a == NULL) {
            Py_DECREF(capsule);
        }
        Py_XDECREF(a);
        return NULL;
    }
    return a;
}

/* A path's bytes (str or os.PathLike; not bytes, which are file contents), or NULL with no error
 * set when obj is not a path. */
static PyObject *
path_bytes(PyObject *obj, int *is_path)
{
    *is_path = 0;
    if (!PyUnicode_Check(obj) && !PyObject_HasAttrString(obj, "__fspath__")) {
        return NULL;
    }
    *is_path = 1;
    PyObject *fs = PyOS_FSPath(obj);
    if (fs == NULL) {
        return NULL;
    }
    PyObject *encoded = PyUnicode_Check(fs) ? PyUnicode_EncodeFSDefault(fs) : Py_NewRef(fs);
    Py_DECREF(fs);
    if (encoded != NULL && (size_t)PyBytes_GET_SIZE(encoded) != strlen(PyBytes_AS_STRING(encoded))) {
        PyErr_SetString(PyExc_ValueError, "the path contains a NUL character");
        Py_CLEAR(encoded);
    }
    return encoded;
}

static int
limit_arg(PyObject *obj, const char *name, uint64_t lo, uint64_t hi, uint64_t *out)
{
    if (obj == NULL || obj == Py_None) {
        return 0;
    }
    unsigned long long v = PyLong_AsUnsignedLongLong(obj);
    if (PyErr_Occurred() || v < lo || v > hi) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s must be an int from %llu to %llu, not %R", name, (unsigned long long)lo,
                     (unsigned long long)hi, obj);
        return -1;
    }
    *out = v;
    return 0;
}

static PyObject *
decode_image(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "max_side", "max_bytes", "max_file_bytes", NULL};
    PyObject *data, *side_obj = NULL, *bytes_obj = NULL, *file_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$OOO:_decode_image", kwlist, &data, &side_obj, &bytes_obj,
                                     &file_obj)) {
        return NULL;
    }
    td_decode_limits lim = {TD_DECODE_MAX_SIDE, TD_DECODE_MAX_BYTES, TD_DECODE_MAX_FILE_BYTES};
    uint64_t side = (uint64_t)lim.max_side;
    if (limit_arg(side_obj, "max_side", 1, TD_DECODE_MAX_SIDE, &side) < 0 ||
        limit_arg(bytes_obj, "max_bytes", 1, TD_DECODE_MAX_BYTES, &lim.max_bytes) < 0 ||
        limit_arg(file_obj, "max_file_bytes", 1, TD_DECODE_MAX_FILE_BYTES, &lim.max_file_bytes) < 0) {
        return NULL;
    }
    lim.max_side = (int)side;
    td_state *st = PyModule_GetState(module);
    td_decoded d;
    td_err err = {0};
    int rc, is_path;
    PyObject *path = path_bytes(data, &is_path);
    if (is_path) {
        if (path == NULL) {
            return NULL;
        }
        const char *p = PyBytes_AS_STRING(path);
        Py_BEGIN_ALLOW_THREADS
        rc = td_image_decode_file_limited(p, &lim, &d, &err);
        Py_END_ALLOW_THREADS
        Py_DECREF(path);
    }
    else {
        Py_buffer view;
        if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0) {
            PyErr_Format(PyExc_TypeError, "data must be bytes-like (the file's contents) or a path, not %.100s",
                         Py_TYPE(data)->tp_name);
            return NULL;
        }
        /* the exported buffer cannot be resized or freed while it is held */
        Py_BEGIN_ALLOW_THREADS
        rc = td_image_decode_limited(view.buf, (size_t)view.len, &lim, &d, &err);
        Py_END_ALLOW_THREADS
        PyBuffer_Release(&view);
    }
    if (rc != 0) {
        return td_raise_err(st, &err);
    }
    static const char *const dtypes[4] = {"uint8", "uint16", "float16", "float32"};
    PyObject *info = Py_BuildValue("{s:i,s:s,s:O,s:s,s:i,s:i}", "channels", d.image.channels, "dtype",
                                   dtypes[d.image.type], "premultiplied", d.premultiplied ? Py_True : Py_False,
                                   "format", td_file_type_name(d.format), "width", d.image.width, "height",
                                   d.image.height);
    if (info == NULL) {
        td_decoded_free(&d);
        return NULL;
    }
    PyObject *a = array_of(&d);
    if (a == NULL) {
        Py_DECREF(info);
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, a, info);
    Py_DECREF(a);
    Py_DECREF(info);
    return result;
}

static PyMethodDef decode_methods[] = {
    {"_decode_image", (PyCFunction)(void (*)(void))decode_image, METH_VARARGS | METH_KEYWORDS,
     "_decode_image($module, /, data, *, max_side=None, max_bytes=None, max_file_bytes=None)\n--\n\n"
     "Decodes an image file and returns (array, info). Private, for tests: the decoders under\n"
     "moviefileinTOP.\n\n"
     "data: the file's bytes (any bytes-like object) or a path (str or os.PathLike). The format comes\n"
     "from the bytes (PNG, JPEG, TIFF, EXR, BMP, DDS), never the name. array: shape (height, width,\n"
     "channels), 1 to 4 channels, dtype uint8, uint16, float16 or float32 as the file stores it;\n"
     "row 0 is the BOTTOM row. info: {'channels', 'dtype', 'premultiplied', 'format', 'width',\n"
     "'height'}. The limits (defaults 32768 a side, 2 GiB of pixels, 1 GiB files) may only be\n"
     "lowered. A bad, cut or lying file raises ValueError; a missing file OSError. Runs with the GIL\n"
     "released."},
    {NULL},
};

int
td_decode_setup(PyObject *module)
{
    return PyModule_AddFunctions(module, decode_methods);
}
