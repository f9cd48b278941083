/* What the SOP point/prim API reads and writes: a td_geo_src is either a cooked SOP's mesh (held,
 * immutable: the Point, Prim, Vertex, Points and Prims made from it stay valid and read the same
 * whatever happens to the SOP later) or the builder of a scriptSOP's cook in progress (held too:
 * after the cook ends or a clear(), every object made from it raises a tdError instead of reading
 * memory that changed).
 *
 * The types: Points and Prims (sop.points / sop.prims: len, [index], iteration, owner), Point
 * (sop_point.c), Prim (sop_prim.c), Vertex (sop_vertex.c). */
#ifndef TD_OPS_SOP_GEO_H
#define TD_OPS_SOP_GEO_H

#include "bind/state.h"
#include "geom/builder.h"
#include "geom/mesh.h"
#include "graph/op.h"

typedef struct td_geo_src {
    TdOp *owner;             /* strong reference: the SOP */
    td_mesh *mesh;           /* one reference, or NULL */
    td_geo_builder *builder; /* one reference, or NULL */
    uint64_t gen;            /* builder->gen when the object was made */
} td_geo_src;

/* Sets *s to read m / b (taking a reference to each, and to owner). */
void td_geo_src_mesh(td_geo_src *s, TdOp *owner, td_mesh *m);
void td_geo_src_builder(td_geo_src *s, TdOp *owner, td_geo_builder *b);
/* *dst = *src with its own references. */
void td_geo_src_copy(td_geo_src *dst, const td_geo_src *src);
/* Drops the references (idempotent). */
void td_geo_src_clear(td_geo_src *s);
/* The source of sop's geometry now: its cook's builder while a scriptSOP's onCook runs, else its
 * mesh (cooked if needed). 0, or -1 with a Python error. */
int td_geo_src_of(TdOp *sop, td_geo_src *out);

/* 0 if s can be read now; -1 with a tdError (what: "Point", "Prim", ...) if it is a builder whose
 * cook ended or that was cleared since. */
int td_geo_check(const td_geo_src *s, const char *what);
/* 0 if s can be written: a live builder; -1 with AttributeError for a cooked SOP's mesh (read
 * only), tdError for a stale builder. */
int td_geo_check_write(const td_geo_src *s, const char *what);

/* Counts and arrays of a readable source (after td_geo_check). */
uint32_t td_geo_npoints(const td_geo_src *s);
uint32_t td_geo_nprims(const td_geo_src *s);
const uint32_t *td_geo_prim_start(const td_geo_src *s); /* nprims + 1 entries */
const uint32_t *td_geo_prim_verts(const td_geo_src *s);
int td_geo_prim_closed(const td_geo_src *s, uint32_t prim);
/* The point's attribute called name (its size in *size), or NULL if the geometry has none. */
const float *td_geo_point_attr(const td_geo_src *s, const char *name, uint32_t point, int *size);

/* New Point / Prim / Vertex / Points / Prims objects of s (references of their own). */
PyObject *td_point_new(td_state *st, const td_geo_src *s, uint32_t index);
PyObject *td_prim_new(td_state *st, const td_geo_src *s, uint32_t index);
PyObject *td_vertex_new(td_state *st, const td_geo_src *s, uint32_t prim, uint32_t index);
PyObject *td_points_new(td_state *st, const td_geo_src *s);
PyObject *td_prims_new(td_state *st, const td_geo_src *s);
/* The source and index of o if it is a Point (borrowed; NULL without an error otherwise). */
const td_geo_src *td_point_source(td_state *st, PyObject *o, uint32_t *index);

/* i (an sq_item index: Python already added the length to a negative one) checked against n items;
 * i, or -1 with IndexError naming what. */
Py_ssize_t td_geo_index(Py_ssize_t i, uint32_t n, const char *what);

/* SOP.pointArray(attrib='P') and scriptSOP.setGeometry(...): the bulk NumPy paths (sop_numpy.c). */
PyObject *td_sop_point_array(TdOp *self, PyObject *args, PyObject *kwargs);
PyObject *td_script_sop_set_geometry(TdOp *self, PyObject *args, PyObject *kwargs);
/* The builder of the scriptSOP's cook in progress, borrowed; NULL with a tdError naming method
 * outside its onCook (script_sop.c). */
td_geo_builder *td_script_sop_builder(TdOp *self, const char *method);

extern PyType_Spec td_Point_spec, td_Prim_spec, td_Vertex_spec, td_Points_spec, td_Prims_spec;

/* Every Python type of the API (Point, Prim, Vertex, Points, Prims) starts its object with this,
 * and takes these three slots from sop_geo.c (the held SOP is its only Python reference). */
typedef struct {
    PyObject_HEAD
    td_geo_src src;
} TdGeoObject;
int td_geo_object_traverse(PyObject *self, visitproc visit, void *arg);
int td_geo_object_clear(PyObject *self);
void td_geo_object_dealloc(PyObject *self);

#endif
