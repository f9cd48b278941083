/* The bulk NumPy paths of the SOP API, td_render's own: SOP.pointArray(attrib) reads one point
 * attribute of every point into a new array; scriptSOP.setGeometry(P, N, uv, Cd, triangles /
 * polygons + sizes) replaces a cook's geometry with arrays, validated (shapes, dtypes, lengths,
 * finite positions, indices in range) and copied with the GIL released. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bind/numpy.h"

#include "bind/bridge.h"
#include "ops/script_callbacks.h"
#include "ops/sop_geo.h"

/* ---- pointArray ---- */

PyObject *
td_sop_point_array(TdOp *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"attrib", NULL};
    const char *name = "P";
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|s:pointArray", kwlist, &name)) {
        return NULL;
    }
    td_geo_src g;
    if (td_geo_src_of(self, &g) < 0) {
        return NULL;
    }
    uint32_t n = td_geo_npoints(&g);
    int size = 3, found = strcmp(name, "P") == 0; /* a mesh without P (empty) reads as zeros */
    const float *data = NULL;
    if (g.mesh != NULL) {
        const td_mesh_attr *a = td_mesh_find(g.mesh, name);
        if (a != NULL) {
            data = a->data;
            size = a->size;
            found = 1;
        }
    }
    else if (found) {
        data = g.builder->P;
    }
    else {
        for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
            if (strcmp(name, td_geo_optional_name[k]) == 0 && g.builder->opt[k] != NULL) {
                size = td_geo_optional_size[k];
                data = g.builder->opt[k];
                found = 1;
            }
        }
    }
    PyObject *r = NULL;
    if (!found) {
        /* name the attributes it has */
        PyObject *have = PyList_New(0);
        const char *names[TD_MESH_MAX_ATTRS + 1];
        int count = 0;
        if (g.mesh != NULL) {
            for (int i = 0; i < g.mesh->nattrs; i++) {
                names[count++] = g.mesh->attrs[i].name;
            }
        }
        else {
            names[count++] = "P";
            for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
                if (g.builder->opt[k] != NULL) {
                    names[count++] = td_geo_optional_name[k];
                }
            }
        }
        for (int i = 0; have != NULL && i < count; i++) {
            PyObject *s = PyUnicode_FromString(names[i]);
            if (s == NULL || PyList_Append(have, s) < 0) {
                Py_CLEAR(have);
            }
            Py_XDECREF(s);
        }
        if (have != NULL) {
            PyErr_Format(PyExc_KeyError, "pointArray(): the SOP's points have no attribute '%s' (they have %R)", name,
                         have);
            Py_DECREF(have);
        }
        td_geo_src_clear(&g);
        return NULL;
    }
    npy_intp dims[2] = {n, size};
    r = PyArray_ZEROS(2, dims, NPY_FLOAT32, 0);
    if (r != NULL && data != NULL && n > 0) {
        float *dst = PyArray_DATA((PyArrayObject *)r);
        size_t bytes = (size_t)n * (size_t)size * sizeof(float);
        /* g holds the mesh (immutable) or the builder; only this thread, holding the GIL, changes a builder */
        if (g.mesh != NULL) {
            Py_BEGIN_ALLOW_THREADS
            memcpy(dst, data, bytes);
            Py_END_ALLOW_THREADS
        }
        else {
            memcpy(dst, data, bytes);
        }
    }
    td_geo_src_clear(&g);
    return r;
}

/* ---- setGeometry ---- */

/* obj as a C-contiguous 2-D array of dtype type with lo..hi columns (and rows rows unless -1):
 * a new reference, or NULL with TypeError (a dtype that is not real numbers, or not integers
 * when integers) or ValueError (the shape). */
static PyArrayObject *
as_array(PyObject *obj, const char *name, int ndim, int lo, int hi, npy_intp rows, int integers)
{
    PyArrayObject *a = (PyArrayObject *)PyArray_FROM_O(obj);
    if (a == NULL) {
        return NULL;
    }
    char kind = PyArray_DESCR(a)->kind;
    int ok = integers ? (kind == 'i' || kind == 'u') : (kind == 'i' || kind == 'u' || kind == 'f');
    if (!ok) {
        PyObject *d = PyObject_Str((PyObject *)PyArray_DESCR(a));
        if (d != NULL) {
            PyErr_Format(PyExc_TypeError, "setGeometry(): %s has dtype %U; %s", name, d,
                         integers ? "indices must be integers" : "it must hold real numbers (int or float)");
            Py_DECREF(d);
        }
        Py_DECREF(a);
        return NULL;
    }
    int bad = PyArray_NDIM(a) != ndim || (ndim == 2 && (PyArray_DIM(a, 1) < lo || PyArray_DIM(a, 1) > hi)) ||
              (rows >= 0 && PyArray_DIM(a, 0) != rows) || PyArray_DIM(a, 0) > (npy_intp)TD_GEO_BUILDER_MAX;
    if (bad) {
        PyObject *shape = PyObject_GetAttrString((PyObject *)a, "shape");
        char want[64];
        if (ndim == 1) {
            snprintf(want, sizeof(want), "(%s,)", rows >= 0 ? "n" : "k");
        }
        else {
            snprintf(want, sizeof(want), lo == hi ? "(%s, %d)" : "(%s, %d or %d)", rows >= 0 ? "n" : "m", lo, hi);
        }
        if (shape != NULL) {
            if (rows >= 0 && PyArray_NDIM(a) == ndim) {
                PyErr_Format(PyExc_ValueError, "setGeometry(): %s has shape %R; it needs %s with n = %zd, one row a point",
                             name, shape, want, (Py_ssize_t)rows);
            }
            else {
                PyErr_Format(PyExc_ValueError, "setGeometry(): %s has shape %R; it needs %s", name, shape, want);
            }
            Py_DECREF(shape);
        }
        Py_DECREF(a);
        return NULL;
    }
    PyArray_Descr *descr = PyArray_DescrFromType(integers ? NPY_INT64 : NPY_FLOAT32);
    PyArrayObject *c = (PyArrayObject *)PyArray_FromAny(
        (PyObject *)a, descr, 0, 0, NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED | NPY_ARRAY_FORCECAST, NULL);
    Py_DECREF(a);
    return c;
}

typedef struct {
    /* inputs (held arrays) */
    const float *P, *opt[TD_GEO_NOPTIONAL];
    int opt_cols[TD_GEO_NOPTIONAL];
    const int64_t *idx, *sizes;
    npy_intp n, nidx, nsizes;
    int triangles;
    /* outputs */
    float *oP, *oopt[TD_GEO_NOPTIONAL];
    uint32_t *start, *verts, nprims;
    int nomem;
    const char *bad;     /* what failed */
    int64_t bad_at, bad_value;
} bulk_copy;

/* The copy and the checks, without the GIL: plain C on held arrays into new buffers. */
static void
bulk_run(bulk_copy *c)
{
    size_t n = (size_t)c->n;
    c->oP = malloc((n ? n : 1) * 3 * sizeof(float));
    c->nomem = c->oP == NULL;
    for (size_t i = 0; !c->nomem && i < n * 3; i++) {
        if (!isfinite(c->P[i])) {
            c->bad = "P";
            c->bad_at = (int64_t)(i / 3);
            break;
        }
    }
    if (!c->nomem && c->bad == NULL && n > 0) {
        memcpy(c->oP, c->P, n * 3 * sizeof(float));
    }
    static const float defaults[TD_GEO_NOPTIONAL][4] = {{0, 0, 0, 0}, {0, 0, 0, 0}, {1, 1, 1, 1}};
    for (int k = 0; !c->nomem && c->bad == NULL && k < TD_GEO_NOPTIONAL; k++) {
        if (c->opt[k] == NULL) {
            continue;
        }
        int size = td_geo_optional_size[k], cols = c->opt_cols[k];
        float *o = malloc((n ? n : 1) * (size_t)size * sizeof(float));
        c->oopt[k] = o;
        c->nomem = o == NULL;
        for (size_t i = 0; o != NULL && i < n; i++) {
            memcpy(o + i * size, c->opt[k] + i * cols, (size_t)cols * sizeof(float));
            for (int j = cols; j < size; j++) {
                o[i * size + j] = defaults[k][j];
            }
        }
    }
    if (c->nomem || c->bad != NULL) {
        return;
    }
    size_t nprims = c->triangles ? (size_t)c->nidx / 3 : (size_t)c->nsizes;
    c->start = malloc((nprims + 1) * sizeof(uint32_t));
    c->verts = malloc((c->nidx ? (size_t)c->nidx : 1) * sizeof(uint32_t));
    if (c->start == NULL || c->verts == NULL) {
        c->nomem = 1;
        return;
    }
    c->start[0] = 0;
    if (c->triangles) {
        for (size_t p = 0; p < nprims; p++) {
            c->start[p + 1] = (uint32_t)(3 * (p + 1));
        }
    }
    else {
        uint64_t total = 0;
        for (size_t p = 0; p < nprims; p++) {
            int64_t s = c->sizes[p];
            if (s < 3) {
                c->bad = "sizes";
                c->bad_at = (int64_t)p;
                c->bad_value = s;
                return;
            }
            total += (uint64_t)s;
            if (total > (uint64_t)c->nidx) {
                break;
            }
            c->start[p + 1] = (uint32_t)total;
        }
        if (total != (uint64_t)c->nidx) {
            c->bad = "sum";
            return;
        }
    }
    for (npy_intp i = 0; i < c->nidx; i++) {
        int64_t v = c->idx[i];
        if (v < 0 || v >= c->n) {
            c->bad = c->triangles ? "triangles" : "polygons";
            c->bad_at = i;
            c->bad_value = v;
            return;
        }
        c->verts[i] = (uint32_t)v;
    }
    c->nprims = (uint32_t)nprims;
}

static void
bulk_free(bulk_copy *c)
{
    free(c->oP);
    for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
        free(c->oopt[k]);
    }
    free(c->start);
    free(c->verts);
}

static void
bulk_error(const bulk_copy *c)
{
    if (strcmp(c->bad, "P") == 0) {
        PyErr_Format(PyExc_ValueError, "setGeometry(): P[%lld] is not finite (NaN or infinite)", (long long)c->bad_at);
    }
    else if (strcmp(c->bad, "sizes") == 0) {
        PyErr_Format(PyExc_ValueError, "setGeometry(): sizes[%lld] is %lld; a polygon needs at least 3 vertices",
                     (long long)c->bad_at, (long long)c->bad_value);
    }
    else if (strcmp(c->bad, "sum") == 0) {
        PyErr_Format(PyExc_ValueError, "setGeometry(): sizes sum to something other than len(polygons) = %zd",
                     (Py_ssize_t)c->nidx);
    }
    else if (c->triangles) {
        PyErr_Format(PyExc_ValueError, "setGeometry(): triangles[%lld, %lld] is %lld: %s (%zd points)",
                     (long long)(c->bad_at / 3), (long long)(c->bad_at % 3), (long long)c->bad_value,
                     c->bad_value < 0 ? "negative" : "out of range", (Py_ssize_t)c->n);
    }
    else {
        PyErr_Format(PyExc_ValueError, "setGeometry(): polygons[%lld] is %lld: %s (%zd points)", (long long)c->bad_at,
                     (long long)c->bad_value, c->bad_value < 0 ? "negative" : "out of range", (Py_ssize_t)c->n);
    }
}

PyObject *
td_script_sop_set_geometry(TdOp *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"P", "N", "uv", "Cd", "triangles", "polygons", "sizes", NULL};
    PyObject *in[7] = {NULL, Py_None, Py_None, Py_None, Py_None, Py_None, Py_None};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|OOOOOO:setGeometry", kwlist, &in[0], &in[1], &in[2], &in[3],
                                     &in[4], &in[5], &in[6])) {
        return NULL;
    }
    if (td_script_sop_builder(self, "setGeometry()") == NULL) { /* fail fast outside onCook */
        return NULL;
    }
    if (in[4] != Py_None && (in[5] != Py_None || in[6] != Py_None)) {
        PyErr_SetString(PyExc_ValueError, "setGeometry(): give triangles, or polygons and sizes, not both");
        return NULL;
    }
    if ((in[5] == Py_None) != (in[6] == Py_None)) {
        PyErr_SetString(PyExc_ValueError, "setGeometry(): polygons and sizes go together");
        return NULL;
    }
    PyArrayObject *a[7] = {NULL};
    PyObject *result = NULL;
    bulk_copy c = {0};
    a[0] = as_array(in[0], "P", 2, 3, 3, -1, 0);
    if (a[0] == NULL) {
        goto done;
    }
    c.n = PyArray_DIM(a[0], 0);
    static const int lo[TD_GEO_NOPTIONAL] = {3, 2, 3};
    for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
        if (in[1 + k] != Py_None) {
            a[1 + k] = as_array(in[1 + k], td_geo_optional_name[k], 2, lo[k], td_geo_optional_size[k], c.n, 0);
            if (a[1 + k] == NULL) {
                goto done;
            }
            c.opt[k] = PyArray_DATA(a[1 + k]);
            c.opt_cols[k] = (int)PyArray_DIM(a[1 + k], 1);
        }
    }
    if (in[4] != Py_None) {
        a[4] = as_array(in[4], "triangles", 2, 3, 3, -1, 1);
        if (a[4] == NULL) {
            goto done;
        }
        c.triangles = 1;
        c.idx = PyArray_DATA(a[4]);
        c.nidx = PyArray_DIM(a[4], 0) * 3;
    }
    else if (in[5] != Py_None) {
        a[5] = as_array(in[5], "polygons", 1, 0, 0, -1, 1);
        a[6] = a[5] != NULL ? as_array(in[6], "sizes", 1, 0, 0, -1, 1) : NULL;
        if (a[6] == NULL) {
            goto done;
        }
        c.idx = PyArray_DATA(a[5]);
        c.nidx = PyArray_DIM(a[5], 0);
        c.sizes = PyArray_DATA(a[6]);
        c.nsizes = PyArray_DIM(a[6], 0);
    }
    if (c.nidx > (npy_intp)TD_GEO_BUILDER_MAX) {
        PyErr_Format(PyExc_ValueError, "setGeometry(): more than %u vertex references", TD_GEO_BUILDER_MAX);
        goto done;
    }
    c.P = PyArray_DATA(a[0]);
    Py_BEGIN_ALLOW_THREADS /* the arrays are held by a[]; the buffers are new and ours */
    bulk_run(&c);
    Py_END_ALLOW_THREADS
    if (c.nomem) {
        PyErr_NoMemory();
        goto done;
    }
    if (c.bad != NULL) {
        bulk_error(&c);
        goto done;
    }
    /* the conversions may have run Python: look the cook up again */
    td_geo_builder *b = td_script_sop_builder(self, "setGeometry()");
    if (b == NULL) {
        goto done;
    }
    td_err err = {0};
    if (td_geo_builder_adopt(b, (uint32_t)c.n, c.oP, c.oopt, c.nprims, c.start, c.verts, &err) < 0) {
        memset(&c, 0, sizeof(c)); /* adopt freed them */
        td_raise_err(td_state_of((PyObject *)self), &err);
        goto done;
    }
    memset(&c, 0, sizeof(c)); /* the builder owns them now */
    result = Py_NewRef(Py_None);
done:
    bulk_free(&c);
    for (int i = 0; i < 7; i++) {
        Py_XDECREF(a[i]);
    }
    return result;
}
