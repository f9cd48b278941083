/* The MAT side of material blocks: filling a td_scene_material from a MAT's parameters through
 * its program's field table, and a MAT's replacement fragment source (test-only for now; glslMAT's
 * home later). */
#ifndef TD_OPS_MATERIAL_H
#define TD_OPS_MATERIAL_H

#include "gpu/material.h"
#include "gpu/scene.h"
#include "graph/op.h"

/* The MAT family's protocol (td_op_class.proto of every MAT): the program its material block
 * feeds. Filling is the same for every MAT (td_mat_fill), so a MAT type is its parameter table,
 * its block's field table and its shader. */
typedef struct td_mat_class {
    const td_material_program *program;
} td_mat_class;

static inline const td_mat_class *
td_mat_class_of(const TdOp *op)
{
    return op->cls->base == TD_BASE_MAT ? (const td_mat_class *)op->cls->proto : NULL;
}

/* Fills out's program and block from a MAT's evaluated values (vals NULL: cls's parameter
 * defaults), in plain C. Each field of prog reads `components` consecutive parameters of cls
 * starting at the field's par index. out->owner and out->source are the caller's. */
void td_mat_fill(const td_values *vals, const td_op_class *cls, const td_material_program *prog,
                 td_scene_material *out);

/* The material of geometry without one: phongMAT's defaults (phong_mat.c). */
void td_phong_defaults(td_scene_material *out);

/* release hook of the MAT classes: drops the replacement source. */
void td_mat_release(TdOp *mat);

/* _td._set_material_source(mat, fragment_src): test-only. */
PyObject *td_mat_set_source(PyObject *module, PyObject *args);

#endif
