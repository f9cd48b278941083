/* TOP: the base class of image operators.
 *
 *   >>> r = td.root.create(td.renderTOP)
 *   >>> a = r.numpyArray()              # float32 (height, width, channels), row 0 = bottom row
 *   >>> r.sample(x=10, v=0.5)           # one texel, read alone from the GPU
 *   >>> r.numpyArray(delayed=True)      # the previous call's image, None the first time
 *   >>> r.save('out/frame.png')         # upright file, returns the path
 *   >>> r.width, r.height, r.pixelFormatName, r.gpuMemory
 */
#include "bind/numpy.h"

#include <math.h>
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/registry.h"
#include "ops/top.h"

const char *const td_menu_outputresolution[] = {TD_OUTPUTRESOLUTION_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_outputaspect[] = {TD_OUTPUTASPECT_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_filter[] = {TD_FILTER_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_fillmode[] = {TD_FILLMODE_MENU(TD_MENU_TOKEN) NULL};

void
td_top_output_from(const td_values *vals, Py_ssize_t common, td_top_output *out)
{
    const td_par_value *v = vals->v + common;
    /* A TOP without inputs: 'useinput', 'fit', 'limit' and 'custom' all mean the resolution
     * parameters; the fractions and multiples scale them. */
    static const double scale[] = {[TD_RES_USEINPUT] = 1, [TD_RES_EIGHTH] = 0.125, [TD_RES_QUARTER] = 0.25,
                                   [TD_RES_HALF] = 0.5,   [TD_RES_2X] = 2,         [TD_RES_4X] = 4,
                                   [TD_RES_8X] = 8,       [TD_RES_FIT] = 1,        [TD_RES_LIMIT] = 1,
                                   [TD_RES_CUSTOM] = 1};
    double k = scale[(int)v[TD_COMMON_outputresolution].num];
    double w = v[TD_COMMON_resolutionw].num * k, h = v[TD_COMMON_resolutionh].num * k;
    out->width = w < 1.0 ? 1.0 : round(w);
    out->height = h < 1.0 ? 1.0 : round(h);
    if ((int)v[TD_COMMON_outputaspect].num == TD_ASPECT_CUSTOM) {
        out->aspect_w = v[TD_COMMON_aspect1].num;
        out->aspect_h = v[TD_COMMON_aspect2].num;
    }
    else {
        out->aspect_w = out->width;
        out->aspect_h = out->height;
    }
    out->format = td_pixel_format_at((int)v[TD_COMMON_format].num);
    out->chanmask = (unsigned int)v[TD_COMMON_chanmask].num;
}

int
td_top_output_of(TdOp *top, td_top_output *out)
{
    td_values *vals = td_op_values(top);
    if (vals == NULL) {
        return -1;
    }
    td_top_output_from(vals, td_top_common(top->cls), out);
    const td_top_class *proto = td_top_class_of(top);
    int rc = proto != NULL && proto->shape != NULL ? proto->shape(top, vals, out) : 0;
    td_values_free(vals);
    return rc;
}

int
td_top_parse_flag(PyObject *obj, void *out)
{
    if (!PyBool_Check(obj) && !PyLong_Check(obj) && !PyArray_IsScalar(obj, Bool) && !PyArray_IsScalar(obj, Integer)) {
        PyErr_Format(PyExc_TypeError, "expected True or False, not %.100s", Py_TYPE(obj)->tp_name);
        return 0;
    }
    int v = PyObject_IsTrue(obj);
    if (v < 0) {
        return 0;
    }
    *(int *)out = v;
    return 1;
}

/* ---- numpyArray ---- */

static void *
alloc_float_array(const td_scene *shown, void *ctx)
{
    PyObject **out = ctx;
    npy_intp dims[3] = {shown->height, shown->width, shown->format->channels};
    *out = PyArray_EMPTY(3, dims, NPY_FLOAT32, 0);
    return *out != NULL ? PyArray_DATA((PyArrayObject *)*out) : NULL;
}

static PyObject *
top_numpyarray(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"delayed", "writable", NULL};
    int delayed = 0, writable = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O&O&:numpyArray", kwlist, td_top_parse_flag, &delayed,
                                     td_top_parse_flag, &writable)) {
        return NULL;
    }
    PyObject *array = NULL;
    if (delayed) {
        if (td_top_run_delayed(self, &array) < 0) {
            return NULL;
        }
        if (array == NULL) {
            Py_RETURN_NONE;
        }
        return array;
    }
    td_gl_cook job = {.read = TD_READ_FLOAT};
    if (td_top_run(self, &job, alloc_float_array, &array) < 0) {
        Py_XDECREF(array);
        return NULL;
    }
    return array;
}

/* ---- sample ---- */

/* Reads one coordinate: pixel (is_norm 0) or normalised (1) to a texel index in [0, size). */
static int
coordinate(PyObject *value, const char *name, int is_norm, int size, int *out)
{
    if (!PyFloat_Check(value) && !PyLong_Check(value)) {
        PyErr_Format(PyExc_TypeError, "sample(): %s must be a number, not %.100s", name, Py_TYPE(value)->tp_name);
        return -1;
    }
    double v = PyFloat_AsDouble(value);
    if (v == -1.0 && PyErr_Occurred()) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "sample(): %s=%R is out of range", name, value);
        return -1;
    }
    if (is_norm) {
        if (!(v >= 0.0 && v <= 1.0)) {
            PyErr_Format(PyExc_ValueError, "sample(): %s=%R is outside [0, 1]", name, value);
            return -1;
        }
        int i = (int)floor(v * size);
        *out = i >= size ? size - 1 : i;
        return 0;
    }
    if (!(v >= 0.0 && v < (double)size)) {
        PyErr_Format(PyExc_ValueError, "sample(): %s=%R is outside the image (0 <= %s < %d)", name, value, name,
                     size);
        return -1;
    }
    *out = (int)floor(v);
    return 0;
}

/* One of a pair of alternatives (x or u, y or v), exactly. */
static int
pick(PyObject *pix, PyObject *norm, const char *pname, const char *nname, int size, int *out)
{
    if (pix != Py_None && norm != Py_None) {
        PyErr_Format(PyExc_ValueError, "sample(): give %s or %s, not both", pname, nname);
        return -1;
    }
    if (pix == Py_None && norm == Py_None) {
        PyErr_Format(PyExc_ValueError, "sample(): needs %s (pixels) or %s (0..1)", pname, nname);
        return -1;
    }
    return pix != Py_None ? coordinate(pix, pname, 0, size, out) : coordinate(norm, nname, 1, size, out);
}

static PyObject *
top_sample(TdOp *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", "y", "z", "u", "v", "w", NULL};
    PyObject *x = Py_None, *y = Py_None, *z = Py_None, *u = Py_None, *v = Py_None, *w = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOOOOO:sample", kwlist, &x, &y, &z, &u, &v, &w)) {
        return NULL;
    }
    if (td_op_check(self) < 0) {
        return NULL;
    }
    td_top_output o;
    if (td_top_output_of(self, &o) < 0) {
        return NULL;
    }
    int ix, iy, iz = 0;
    if (pick(x, u, "x", "u", (int)fmin(o.width, 1e9), &ix) < 0 ||
        pick(y, v, "y", "v", (int)fmin(o.height, 1e9), &iy) < 0) {
        return NULL;
    }
    if ((z != Py_None || w != Py_None) && pick(z, w, "z", "w", 1, &iz) < 0) {
        return NULL; /* 2D textures have depth 1: z = 0 or w in [0, 1] */
    }
    td_gl_cook job = {.read = TD_READ_TEXEL, .x = ix, .y = iy};
    if (td_top_run(self, &job, NULL, NULL) < 0) {
        return NULL;
    }
    /* The job's own result: after it returned, another thread's job or destroy may re-make or free
     * the target. */
    const td_pixel_format *f = job.format;
    if (f == NULL) {
        PyErr_SetString(td_state_of((PyObject *)self)->tdError, "sample(): the TOP has no image");
        return NULL;
    }
    const float *t = job.texel;
    double rgba[4];
    if (strcmp(f->layout, "R") == 0) {
        rgba[0] = rgba[1] = rgba[2] = t[0];
        rgba[3] = 1.0;
    }
    else if (strcmp(f->layout, "A") == 0) {
        rgba[0] = rgba[1] = rgba[2] = 0.0;
        rgba[3] = t[0];
    }
    else if (strcmp(f->layout, "RA") == 0) {
        rgba[0] = rgba[1] = rgba[2] = t[0];
        rgba[3] = t[1];
    }
    else {
        for (int i = 0; i < 4; i++) {
            rgba[i] = i < f->channels ? t[i] : (i == 3 ? 1.0 : 0.0);
        }
    }
    return Py_BuildValue("(dddd)", rgba[0], rgba[1], rgba[2], rgba[3]);
}

/* ---- members ---- */

static PyObject *
top_get_member(TdOp *self, void *c)
{
    const char *which = c;
    if (td_op_check(self) < 0) {
        return NULL;
    }
    /* the members that say nothing of the image first: they never cook */
    if (strcmp(which, "depth") == 0) {
        return PyLong_FromLong(1);
    }
    if (strcmp(which, "curPass") == 0 || strcmp(which, "newestSliceWOffset") == 0) {
        return PyLong_FromLong(0);
    }
    if (strcmp(which, "isTOP") == 0) {
        Py_RETURN_TRUE;
    }
    td_top_output o;
    if (td_top_output_of(self, &o) < 0) {
        return NULL;
    }
    if (strcmp(which, "width") == 0) {
        return PyLong_FromDouble(o.width);
    }
    if (strcmp(which, "height") == 0) {
        return PyLong_FromDouble(o.height);
    }
    if (strcmp(which, "aspect") == 0) {
        return PyFloat_FromDouble(o.aspect_h > 0 ? o.aspect_w / o.aspect_h : 0.0);
    }
    if (strcmp(which, "aspectWidth") == 0) {
        return PyFloat_FromDouble(o.aspect_w);
    }
    if (strcmp(which, "aspectHeight") == 0) {
        return PyFloat_FromDouble(o.aspect_h);
    }
    if (strcmp(which, "pixelFormat") == 0) {
        return PyUnicode_FromString(o.format->display);
    }
    if (strcmp(which, "pixelFormatName") == 0) {
        return PyUnicode_FromString(o.format->token);
    }
    PyErr_Format(PyExc_AttributeError, "TOP has no member %s", which);
    return NULL;
}

#define TOP_MEMBER(name, doc) {name, (getter)top_get_member, NULL, doc, name}
static PyGetSetDef top_getset[] = {
    TOP_MEMBER("width", "Image width in pixels: the Common page's, or the input's for TOPs that take it (read-only)."),
    TOP_MEMBER("height", "Image height in pixels (a cube map: six faces, 6 x width) (read-only)."),
    TOP_MEMBER("aspect", "aspectWidth / aspectHeight (read-only)."),
    TOP_MEMBER("aspectWidth", "Aspect width: the width, or aspect1 when outputaspect is 'custom' (read-only)."),
    TOP_MEMBER("aspectHeight", "Aspect height: the height, or aspect2 when outputaspect is 'custom' (read-only)."),
    TOP_MEMBER("depth", "Texture depth: 1 for the 2D textures TOPs have here, a cube map's strip included (read-only)."),
    TOP_MEMBER("curPass", "The cooking pass under way, from 0; 0 outside a cook (read-only)."),
    TOP_MEMBER("isTOP", "True: the operator is a TOP (read-only)."),
    TOP_MEMBER("newestSliceWOffset", "Newest slice offset of a 3D texture TOP; 0 for 2D TOPs (read-only)."),
    TOP_MEMBER("pixelFormat", "The pixel format as displayed, e.g. '8-bit fixed (RGBA)' (read-only)."),
    TOP_MEMBER("pixelFormatName", "The pixel format's menu token, e.g. 'rgba8fixed' (read-only)."),
    {NULL},
};

static PyMethodDef top_methods[] = {
    {"numpyArray", (PyCFunction)(void (*)(void))top_numpyarray, METH_VARARGS | METH_KEYWORDS,
     "numpyArray($self, /, delayed=False, writable=False)\n--\n\n"
     "The image as a float32 NumPy array, shape (height, width, channels), C-contiguous; row 0 is the\n"
     "bottom row (OpenGL's origin, as in TouchDesigner). Renders first if the network changed.\n\n"
     "channels follows the pixel format: 4 for RGBA formats (rgba11float: alpha always 1), 3 for\n"
     "rgb16float/rgb32float, 2 for rg* (R, G) and monoalpha* (mono, alpha), 1 for mono* and a* (the\n"
     "alpha). Fixed formats give [0, 1] (srgba8fixed decoded to linear); float formats keep values\n"
     "outside [0, 1].\n\n"
     "delayed=True returns the image that was current at the previous delayed call (None the first\n"
     "time) and queues this frame's render and its read into a ring of pixel-pack buffers without\n"
     "waiting for them: the GL thread works while the script does, and a script that calls it once a\n"
     "frame gets every frame exactly one call late. Only the float conversion of the previous frame\n"
     "(finished long before, normally) is waited for. gpuCookTime then lags one call behind.\n"
     "The array is ordinary NumPy memory, always fast to write (writable is accepted for\n"
     "compatibility); writing to it never changes the TOP. The conversion to float32 runs in C\n"
     "with the GIL released, straight into the array."},
    {"sample", (PyCFunction)(void (*)(void))top_sample, METH_VARARGS | METH_KEYWORDS,
     "sample($self, /, x=None, y=None, z=None, u=None, v=None, w=None)\n--\n\n"
     "The colour (r, g, b, a) of one texel. Give one horizontal coordinate, x (pixels) or u (0..1),\n"
     "and one vertical, y or v; they may be mixed: sample(x=25, v=0.5). y = 0 is the bottom row.\n"
     "z / w address depth and must be 0 / within [0, 1] for these 2D TOPs.\n\n"
     "Unlike TouchDesigner's, which downloads the whole texture, this reads only the one texel\n"
     "from the GPU (glGetTextureSubImage): its cost does not grow with the image. Values equal the\n"
     "same texel of numpyArray(); mono formats give (m, m, m, 1), rg (r, g, 0, 1), alpha formats\n"
     "(0, 0, 0, a), monoalpha (m, m, m, a). A missing or out-of-range coordinate raises ValueError\n"
     "naming it."},
    {"save", (PyCFunction)(void (*)(void))td_top_save, METH_VARARGS | METH_KEYWORDS,
     "save($self, /, filepath=None, *, asynchronous=False, createFolders=False, quality=1.0, metadata=[])\n--\n\n"
     "Write the image to a file, upright (top row first), and return the path used as a\n"
     "td_render.FileSaveStatus (a str with isCompleted(), wait() and error).\n\n"
     "Formats by suffix: .tif .tiff .jpg .jpeg .bmp .png .exr .dds. The bit depth follows the TOP:\n"
     "8-bit formats write 8-bit files; 16-bit and float formats write 16-bit PNG, 16-bit or float\n"
     "TIFF, half or float EXR and DDS with the matching DXGI format; JPEG and BMP are always 8-bit.\n"
     "Alpha is kept where the format has it. Without filepath the file is '<name>.png' in the\n"
     "current folder. A missing folder raises OSError naming it unless createFolders=True.\n\n"
     "quality 0..1: JPEG quality, and compression effort for the lossless formats (1.0: smallest\n"
     "file). metadata: pairs of str (a dict or any iterable of 2-item pairs) written into EXR\n"
     "headers as string attributes; other formats ignore it with a warning.\n\n"
     "The file is written under a temporary name in the same folder and renamed, so the target is\n"
     "always the old file or the complete new one. asynchronous=True reads the pixels back now and\n"
     "encodes and writes them on a worker thread: it returns at once; the status reports the\n"
     "outcome, and interpreter exit (or td_render.waitForSaves()) waits for pending saves."},
    {"saveByteArray", (PyCFunction)(void (*)(void))td_top_savebytearray, METH_VARARGS | METH_KEYWORDS,
     "saveByteArray($self, /, filetype='.tiff', *, quality=1.0, metadata=[])\n--\n\n"
     "The bytes save() would write, as a bytearray. Only the suffix of filetype matters ('.jpg',\n"
     "'file.jpg', 'C:/Files/file.jpg'); an unknown one raises ValueError listing the supported\n"
     "suffixes. quality and metadata as for save()."},
    {NULL},
};

static PyType_Slot top_slots[] = {
    {Py_tp_doc, "TOP: an operator whose output is an image on the GPU (numpyArray(), sample(), save()).\n\n"
                "Common page parameters: outputresolution (default 'custom'), resolutionw/resolutionh,\n"
                "outputaspect, aspect1/aspect2, inputfiltertype, fillmode, filtertype, npasses (a TOP\n"
                "without inputs has nothing to feed back, so every pass gives the first one's image: it\n"
                "renders once), chanmask\n"
                "(bit mask of the channels the TOP writes: 1 R, 2 G, 4 B, 8 A; default 15) and format\n"
                "(pixel format, default 'rgba8fixed'; 'useinput' means rgba8fixed for a TOP without\n"
                "inputs)."},
    {Py_tp_getset, top_getset},
    {Py_tp_methods, top_methods},
    {0, NULL},
};

PyType_Spec td_TOP_spec = {
    .name = "td_render.TOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = top_slots,
};
