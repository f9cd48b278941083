/* The MAT side of material blocks: filling a td_scene_material from a MAT's parameters through
 * its program's field table, and a MAT's replacement fragment source (test-only for now; glslMAT's
 * home later). */
#ifndef TD_OPS_MATERIAL_H
#define TD_OPS_MATERIAL_H

#include "gpu/material.h"
#include "gpu/scene.h"
#include "graph/op.h"

/* Fills out for program prog from op's parameters (op NULL: cls's parameter defaults). Each field
 * of prog reads `components` consecutive parameters of cls starting at the field's par. */
void td_mat_fill(TdOp *op, const td_op_class *cls, const td_material_program *prog, td_scene_material *out);

/* release hook of the MAT classes: drops the replacement source. */
void td_mat_release(TdOp *mat);

/* _td._set_material_source(mat, fragment_src): test-only. */
PyObject *td_mat_set_source(PyObject *module, PyObject *args);

#endif
