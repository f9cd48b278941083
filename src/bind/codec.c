/* Python binding of the encoders. See codec.h.
 *
 *   >>> import numpy as np, td_render._td as _td
 *   >>> a = np.zeros((1080, 1920, 4), np.float16)        # row 0 = the bottom row (GL order)
 *   >>> png = _td._encode(a, '.png', quality=0.5)         # bytearray, the image upright
 *   >>> exr = _td._encode(a, 'shot.exr', metadata={'shot': '010'})
 */
#include "bind/codec.h"

#include "bind/bridge.h"

#include <limits.h>
#include <math.h>
#include "bind/numpy.h"
#include <string.h>

/* ---- metadata ---- */

/* UTF-8 of a key or value of item i; NULL with an exception set. */
static const char *
metadata_string(PyObject *s, Py_ssize_t i, const char *what)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "metadata item %zd: the %s must be a str, not %.100s (%R)", i, what,
                     Py_TYPE(s)->tp_name, s);
        return NULL;
    }
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(s, &len);
    if (utf8 == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "metadata item %zd: the %s %R cannot be written as UTF-8 (lone surrogate)", i,
                     what, s);
        return NULL;
    }
    if ((size_t)len != strlen(utf8)) {
        PyErr_Format(PyExc_ValueError, "metadata item %zd: the %s %R contains a NUL character", i, what, s);
        return NULL;
    }
    return utf8;
}

static int
is_text(PyObject *o)
{
    return PyUnicode_Check(o) || PyBytes_Check(o) || PyByteArray_Check(o);
}

int
td_codec_parse_metadata(PyObject *obj, td_kv **out, size_t *n, PyObject **keepalive)
{
    PyObject *items = NULL, *seq = NULL, *keep = NULL;
    td_kv *kv = NULL;
    int rc = -1;
    *out = NULL;
    *n = 0;
    *keepalive = NULL;
    if (obj == Py_None) {
        return 0;
    }
    if (is_text(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "metadata must be a dict or an iterable of (key, value) pairs, not %.100s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (PyDict_Check(obj)) {
        items = PyDict_Items(obj);
    }
    else if (!PyList_Check(obj) && !PyTuple_Check(obj) && PyObject_HasAttrString(obj, "items") &&
             PyObject_HasAttrString(obj, "keys")) {
        items = PyObject_CallMethod(obj, "items", NULL); /* any other mapping */
    }
    else {
        items = Py_NewRef(obj);
    }
    if (items == NULL) {
        goto done;
    }
    seq = PySequence_Fast(items, "");
    if (seq == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError,
                         "metadata must be a dict or an iterable of (key, value) pairs, not %.100s",
                         Py_TYPE(obj)->tp_name);
        }
        goto done;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    if (count == 0) {
        rc = 0;
        goto done;
    }
    /* The strs themselves are kept: their UTF-8 buffers live as long as they do, whatever happens
     * to the (possibly mutable) containers they came in. */
    keep = PyTuple_New(2 * count);
    kv = PyMem_RawCalloc((size_t)count, sizeof(td_kv));
    if (keep == NULL || kv == NULL) {
        if (kv == NULL) {
            PyErr_NoMemory();
        }
        goto done;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (is_text(item) || !PySequence_Check(item)) {
            PyErr_Format(PyExc_TypeError, "metadata item %zd must be a (key, value) pair, not %.100s (%R)", i,
                         Py_TYPE(item)->tp_name, item);
            goto done;
        }
        PyObject *pair = PySequence_Fast(item, "");
        if (pair == NULL) {
            goto done;
        }
        if (PySequence_Fast_GET_SIZE(pair) != 2) {
            PyErr_Format(PyExc_ValueError, "metadata item %zd must have 2 entries (key, value), not %zd: %R", i,
                         PySequence_Fast_GET_SIZE(pair), item);
            Py_DECREF(pair);
            goto done;
        }
        PyObject *k = PySequence_Fast_GET_ITEM(pair, 0), *v = PySequence_Fast_GET_ITEM(pair, 1);
        PyTuple_SET_ITEM(keep, 2 * i, Py_NewRef(k));
        PyTuple_SET_ITEM(keep, 2 * i + 1, Py_NewRef(v));
        Py_DECREF(pair);
        if ((kv[i].key = metadata_string(k, i, "key")) == NULL ||
            (kv[i].value = metadata_string(v, i, "value")) == NULL) {
            goto done;
        }
    }
    *out = kv;
    *n = (size_t)count;
    *keepalive = keep;
    kv = NULL;
    keep = NULL;
    rc = 0;
done:
    PyMem_RawFree(kv);
    Py_XDECREF(keep);
    Py_XDECREF(seq);
    Py_XDECREF(items);
    return rc;
}

void
td_codec_free_metadata(td_kv *kv, PyObject *keepalive)
{
    PyMem_RawFree(kv);
    Py_XDECREF(keepalive);
}

/* ---- quality, file type ---- */

int
td_codec_parse_quality(PyObject *obj, double *out)
{
    PyTypeObject *t = Py_TYPE(obj);
    int numeric = PyFloat_Check(obj) || PyLong_Check(obj) ||
                  (t->tp_as_number != NULL && (t->tp_as_number->nb_float != NULL || t->tp_as_number->nb_index != NULL));
    if (!numeric || PyComplex_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "quality must be a number between 0 and 1, not %.100s", t->tp_name);
        return -1;
    }
    double q = PyFloat_AsDouble(obj);
    if (q == -1.0 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
            return -1;
        }
        PyErr_Clear();
        q = HUGE_VAL; /* an int too large for a double: out of range below */
    }
    if (!(q >= 0.0 && q <= 1.0)) { /* also NaN */
        PyErr_Format(PyExc_ValueError, "quality must be between 0 and 1, not %R", obj);
        return -1;
    }
    *out = q;
    return 0;
}

int
td_codec_filetype(PyObject *name, td_file_type *out)
{
    PyObject *path = NULL, *encoded = NULL;
    int rc = -1;
    if (PyUnicode_Check(name) || PyBytes_Check(name)) {
        path = Py_NewRef(name);
    }
    else {
        path = PyOS_FSPath(name);
        if (path == NULL) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "filetype must be a str such as '.tiff' or 'file.tiff', not %.100s",
                         Py_TYPE(name)->tp_name);
            goto done;
        }
    }
    if (PyUnicode_Check(path)) {
        encoded = PyUnicode_EncodeFSDefault(path); /* surrogate-escaped file names too */
        if (encoded == NULL) {
            PyErr_Clear();
        }
    }
    else {
        encoded = Py_NewRef(path);
    }
    const char *s = encoded != NULL ? PyBytes_AS_STRING(encoded) : NULL;
    if (s == NULL || (size_t)PyBytes_GET_SIZE(encoded) != strlen(s) || td_file_type_from_name(s, out) != 0) {
        PyErr_Format(PyExc_ValueError, "unknown file type %R: the suffix must be one of %s", name,
                     td_file_type_suffixes);
        goto done;
    }
    rc = 0;
done:
    Py_XDECREF(encoded);
    Py_XDECREF(path);
    return rc;
}

int
td_codec_warn_metadata(td_file_type type, size_t n)
{
    if (n == 0 || td_file_type_has_metadata(type)) {
        return 0;
    }
    return PyErr_WarnFormat(PyExc_UserWarning, 1, "metadata is written only to EXR files; ignored for %s",
                            td_file_type_name(type));
}

PyObject *
td_codec_encode_bytearray(td_state *st, td_file_type type, const td_image *img, const td_encode_opts *opts)
{
    /* The encoder writes straight into a bytearray made at an upper bound of the size (pages it
     * never touches cost nothing), which is then shrunk: no copy of the file. Only if the bound
     * proves short (a JPEG of noise) do the bytes move to the heap and get copied at the end. */
    td_bytes encoded = {0};
    td_err err = {0};
    PyObject *ba = NULL, *result = NULL;
    size_t bound = td_image_encode_bound(type, img, opts);
    if (bound > 0 && bound < (size_t)PY_SSIZE_T_MAX) {
        ba = PyByteArray_FromStringAndSize(NULL, (Py_ssize_t)bound);
        if (ba == NULL) {
            PyErr_Clear(); /* too big to reserve: let the encoder grow its own buffer */
        }
        else {
            encoded.data = (uint8_t *)PyByteArray_AS_STRING(ba);
            encoded.cap = bound;
            encoded.borrowed = 1; /* nothing else can see ba until we return it */
        }
    }
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = td_image_encode(type, img, opts, &encoded, &err);
    Py_END_ALLOW_THREADS
    if (rc != 0) {
        td_raise_err(st, &err);
    }
    else if (encoded.borrowed) {
        if (PyByteArray_Resize(ba, (Py_ssize_t)encoded.len) == 0) {
            result = Py_NewRef(ba);
        }
    }
    else {
        result = PyByteArray_FromStringAndSize((const char *)encoded.data, (Py_ssize_t)encoded.len);
    }
    td_bytes_free(&encoded);
    Py_XDECREF(ba);
    return result;
}

/* ---- _encode ---- */

/* img describing array (borrowed: img->data points into it). */
static int
image_from_array(PyObject *obj, td_image *img)
{
    if (!PyArray_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "array must be a numpy.ndarray, not %.100s", Py_TYPE(obj)->tp_name);
        return -1;
    }
    PyArrayObject *a = (PyArrayObject *)obj;
    if (PyArray_NDIM(a) != 3) {
        PyErr_Format(PyExc_ValueError, "array must have shape (height, width, channels), not %d dimensions",
                     PyArray_NDIM(a));
        return -1;
    }
    npy_intp *dims = PyArray_DIMS(a);
    if (dims[2] < 1 || dims[2] > 4) {
        PyErr_Format(PyExc_ValueError, "array must have 1 to 4 channels (the last axis), not %zd", (Py_ssize_t)dims[2]);
        return -1;
    }
    if (dims[0] < 1 || dims[1] < 1 || dims[0] > INT_MAX || dims[1] > INT_MAX) {
        PyErr_Format(PyExc_ValueError, "array must be at least 1 x 1 pixels and at most %d a side, not %zd x %zd",
                     INT_MAX, (Py_ssize_t)dims[1], (Py_ssize_t)dims[0]);
        return -1;
    }
    PyArray_Descr *d = PyArray_DESCR(a);
    switch (d->type_num) {
    case NPY_UINT8:
        img->type = TD_SAMPLE_U8;
        break;
    case NPY_UINT16:
        img->type = TD_SAMPLE_U16;
        break;
    case NPY_FLOAT16:
        img->type = TD_SAMPLE_F16;
        break;
    case NPY_FLOAT32:
        img->type = TD_SAMPLE_F32;
        break;
    default:
        PyErr_Format(PyExc_TypeError, "array dtype must be uint8, uint16, float16 or float32, not %R", (PyObject *)d);
        return -1;
    }
    if (!PyArray_ISNOTSWAPPED(a)) {
        PyErr_Format(PyExc_TypeError, "array dtype must be in native byte order, not %R", (PyObject *)d);
        return -1;
    }
    if (!PyArray_IS_C_CONTIGUOUS(a)) {
        PyErr_SetString(PyExc_ValueError, "array must be C-contiguous (numpy.ascontiguousarray makes a copy that is)");
        return -1;
    }
    if (!PyArray_ISALIGNED(a)) { /* the codecs read samples through typed pointers */
        PyErr_SetString(PyExc_ValueError, "array must be aligned (array.copy() makes a copy that is)");
        return -1;
    }
    img->height = (int)dims[0];
    img->width = (int)dims[1];
    img->channels = (int)dims[2];
    img->row_bytes = (size_t)PyArray_STRIDES(a)[0];
    img->bottom_up = 1;
    img->data = PyArray_DATA(a);
    return 0;
}

static PyObject *
codec_encode(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"array", "filetype", "quality", "metadata", "_alternative", NULL};
    PyObject *array, *filetype = NULL, *quality_obj = NULL, *metadata_obj = NULL;
    int alternative = 0;
    td_kv *kv = NULL;
    size_t nkv = 0;
    PyObject *keep = NULL, *result = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OOO$p:_encode", kwlist, &array, &filetype, &quality_obj,
                                     &metadata_obj, &alternative)) {
        return NULL;
    }
    td_image img = {0};
    td_file_type type = TD_FILE_TIFF;
    td_encode_opts opts = {.quality = 1.0, .alternative = alternative};
    if (image_from_array(array, &img) < 0) {
        return NULL;
    }
    if (filetype != NULL && td_codec_filetype(filetype, &type) < 0) {
        return NULL;
    }
    if (quality_obj != NULL && td_codec_parse_quality(quality_obj, &opts.quality) < 0) {
        return NULL;
    }
    if (metadata_obj != NULL && td_codec_parse_metadata(metadata_obj, &kv, &nkv, &keep) < 0) {
        return NULL;
    }
    if (td_codec_warn_metadata(type, nkv) < 0) {
        goto done;
    }
    opts.metadata = kv;
    opts.nmetadata = nkv;
    Py_INCREF(array); /* the pixels must outlive the encode, which runs without the GIL */
    result = td_codec_encode_bytearray(PyModule_GetState(module), type, &img, &opts);
    Py_DECREF(array);
done:
    td_codec_free_metadata(kv, keep);
    return result;
}

static PyMethodDef codec_methods[] = {
    {"_encode", (PyCFunction)(void (*)(void))codec_encode, METH_VARARGS | METH_KEYWORDS,
     "_encode($module, /, array, filetype='.tiff', quality=1.0, metadata=(), *, _alternative=False)\n--\n\n"
     "Encodes a numpy array as an image file and returns its bytes (a bytearray).\n\n"
     "array: C-contiguous, shape (height, width, channels) with 1 to 4 channels (grey, grey+alpha,\n"
     "RGB, RGBA), dtype uint8, uint16, float16 or float32; row 0 is the BOTTOM row (OpenGL's and\n"
     "numpyArray()'s order). The file is upright. filetype: only its suffix counts (.tif .tiff .jpg\n"
     ".jpeg .bmp .png .exr .dds). quality 0..1 and metadata (EXR only; a warning elsewhere) as in\n"
     "TOP.saveByteArray(). The encoding runs with the GIL released. The entry point TOP.save() and\n"
     "saveByteArray() are built on; private, for tests and benchmarks. _alternative=True encodes with\n"
     "the back end that lost the benchmark (PNG: libpng, BMP: stb) for comparison."},
    {NULL},
};

int
td_codec_setup(PyObject *module)
{
    return PyModule_AddFunctions(module, codec_methods);
}
