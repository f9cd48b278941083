/* MAT: the base class of materials (a geometryCOMP's material parameter names one), and the
 * material-block helpers of ops/material.h. */
#include <assert.h>
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/material.h"
#include "ops/registry.h"

static PyType_Slot mat_slots[] = {
    {Py_tp_doc, "MAT: a material. Assign it to a geometryCOMP's material parameter (the OP or its path)."},
    {0, NULL},
};

PyType_Spec td_MAT_spec = {
    .name = "td_render.MAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = mat_slots,
};

/* ---- material blocks ---- */

void
td_mat_fill(const td_values *vals, const td_op_class *cls, const td_material_program *prog, td_scene_material *out)
{
    out->program = prog;
    unsigned char *block = (unsigned char *)out->block;
    for (size_t i = 0; i < prog->nfields; i++) {
        const td_block_field *f = &prog->fields[i];
        assert(f->par >= 0 && (size_t)f->par + (size_t)f->components <= cls->npars);
        float v[4];
        for (int k = 0; k < f->components; k++) {
            size_t index = (size_t)f->par + (size_t)k;
            v[k] = (float)(vals != NULL ? vals->v[index].num : cls->pars[index].def);
        }
        memcpy(block + td_block_offset(prog->fields, i), v, (size_t)f->components * sizeof(float));
    }
}

void
td_mat_release(TdOp *mat)
{
    td_gl_source_decref(mat->ext);
    mat->ext = NULL;
}

PyObject *
td_mat_set_source(PyObject *module, PyObject *args)
{
    PyObject *obj, *text;
    if (!PyArg_ParseTuple(args, "OO:_set_material_source", &obj, &text)) {
        return NULL;
    }
    td_state *st = PyModule_GetState(module);
    if (!PyObject_TypeCheck(obj, st->base_types[TD_BASE_MAT])) {
        PyErr_SetString(PyExc_TypeError, "_set_material_source() takes a MAT");
        return NULL;
    }
    TdOp *mat = (TdOp *)obj;
    if (td_op_check(mat) < 0) {
        return NULL;
    }
    td_gl_source *src = NULL;
    if (text != Py_None) {
        Py_ssize_t len;
        const char *utf8 = PyUnicode_AsUTF8AndSize(text, &len);
        if (utf8 == NULL) {
            return NULL;
        }
        if ((size_t)len != strlen(utf8)) {
            PyErr_SetString(PyExc_ValueError, "shader source contains a NUL character");
            return NULL;
        }
        src = td_gl_source_new(utf8, (size_t)len);
        if (src == NULL) {
            return PyErr_NoMemory();
        }
    }
    td_gl_source_decref(mat->ext);
    mat->ext = src;
    Py_CLEAR(mat->errors); /* a program error of the old source is gone with it */
    td_op_touch(mat);
    Py_RETURN_NONE;
}
