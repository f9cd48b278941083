/* td_geo_src: where the SOP point/prim API reads. See sop_geo.h. */
#include "ops/sop_geo.h"

#include <string.h>

#include "bind/bridge.h"
#include "ops/sop.h"

void
td_geo_src_mesh(td_geo_src *s, TdOp *owner, td_mesh *m)
{
    s->owner = (TdOp *)Py_NewRef((PyObject *)owner);
    td_mesh_incref(m);
    s->mesh = m;
    s->builder = NULL;
    s->gen = 0;
}

void
td_geo_src_builder(td_geo_src *s, TdOp *owner, td_geo_builder *b)
{
    s->owner = (TdOp *)Py_NewRef((PyObject *)owner);
    td_geo_builder_incref(b);
    s->builder = b;
    s->mesh = NULL;
    s->gen = b->gen;
}

void
td_geo_src_copy(td_geo_src *dst, const td_geo_src *src)
{
    *dst = *src;
    Py_XINCREF(dst->owner);
    if (dst->mesh != NULL) {
        td_mesh_incref(dst->mesh);
    }
    if (dst->builder != NULL) {
        td_geo_builder_incref(dst->builder);
    }
}

void
td_geo_src_clear(td_geo_src *s)
{
    Py_CLEAR(s->owner);
    td_mesh_decref(s->mesh);
    s->mesh = NULL;
    td_geo_builder_decref(s->builder);
    s->builder = NULL;
}

int
td_geo_src_of(TdOp *sop, td_geo_src *out)
{
    if (td_op_check(sop) < 0) {
        return -1;
    }
    td_geo_builder *b = td_sop_building(sop);
    if (b != NULL) {
        td_err err = {0};
        if (td_geo_builder_take_seed(b, &err) < 0) {
            td_raise_err(td_state_of((PyObject *)sop), &err);
            return -1;
        }
        td_geo_src_builder(out, sop, b);
        return 0;
    }
    Py_INCREF(sop);
    td_mesh *m = td_sop_mesh(sop);
    if (m != NULL) {
        td_geo_src_mesh(out, sop, m);
        td_mesh_decref(m);
    }
    Py_DECREF(sop);
    return m != NULL ? 0 : -1;
}

int
td_geo_check(const td_geo_src *s, const char *what)
{
    const td_geo_builder *b = s->builder;
    if (b == NULL || (b->live && b->gen == s->gen)) {
        return 0;
    }
    PyObject *path = s->owner != NULL ? td_op_path(s->owner) : NULL;
    if (path != NULL) {
        PyErr_Format(td_state_of((PyObject *)s->owner)->tdError,
                     "%U: this %s was made during a cook of the scriptSOP that %s; a %s made in onCook is "
                     "valid only until onCook returns or clear() (or setGeometry()) is called",
                     path, what, b->live ? "cleared its geometry since" : "has ended", what);
        Py_DECREF(path);
    }
    return -1;
}

int
td_geo_check_write(const td_geo_src *s, const char *what)
{
    if (s->builder == NULL) {
        PyErr_Format(PyExc_AttributeError,
                     "the %ss of a cooked SOP are read-only (a scriptSOP's onCook builds and sets its own)", what);
        return -1;
    }
    return td_geo_check(s, what);
}

uint32_t
td_geo_npoints(const td_geo_src *s)
{
    return s->builder != NULL ? s->builder->npoints : s->mesh->nverts;
}

uint32_t
td_geo_nprims(const td_geo_src *s)
{
    return s->builder != NULL ? s->builder->nprims : s->mesh->nprims;
}

const uint32_t *
td_geo_prim_start(const td_geo_src *s)
{
    return s->builder != NULL ? s->builder->prim_start : s->mesh->prim_start;
}

const uint32_t *
td_geo_prim_verts(const td_geo_src *s)
{
    return s->builder != NULL ? s->builder->verts : s->mesh->prim_verts;
}

int
td_geo_prim_closed(const td_geo_src *s, uint32_t prim)
{
    return s->builder != NULL ? s->builder->prim_closed[prim] : s->mesh->prim_closed[prim];
}

const float *
td_geo_point_attr(const td_geo_src *s, const char *name, uint32_t point, int *size)
{
    if (s->builder != NULL) {
        const td_geo_builder *b = s->builder;
        if (strcmp(name, "P") == 0) {
            *size = 3;
            return b->P + (size_t)point * 3;
        }
        for (int k = 0; k < TD_GEO_NOPTIONAL; k++) {
            if (strcmp(name, td_geo_optional_name[k]) == 0 && b->opt[k] != NULL) {
                *size = td_geo_optional_size[k];
                return b->opt[k] + (size_t)point * td_geo_optional_size[k];
            }
        }
        return NULL;
    }
    const td_mesh_attr *a = td_mesh_find(s->mesh, name);
    if (a == NULL) {
        return NULL;
    }
    *size = a->size;
    return a->data + (size_t)point * (size_t)a->size;
}

Py_ssize_t
td_geo_index(Py_ssize_t i, uint32_t n, const char *what)
{
    if (i < 0 || i >= (Py_ssize_t)n) { /* sq_item: Python added the length to a negative index */
        PyErr_Format(PyExc_IndexError, "%s index out of range (%u of them)", what, n);
        return -1;
    }
    return i;
}

int
td_geo_object_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(((TdGeoObject *)self)->src.owner);
    return 0;
}

int
td_geo_object_clear(PyObject *self)
{
    td_geo_src_clear(&((TdGeoObject *)self)->src);
    return 0;
}

void
td_geo_object_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    td_geo_object_clear(self);
    PyObject_GC_Del(self);
    Py_DECREF(tp);
}
