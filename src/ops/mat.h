/* MATs: materials a geometryCOMP's material parameter names. */
#ifndef TD_OPS_MAT_H
#define TD_OPS_MAT_H

#include "gpu/scene.h"
#include "graph/op.h"

/* The MAT family's protocol (td_op_class.proto of every MAT): fill the material block a draw
 * carries from the MAT's evaluated parameters, in plain C. out is zeroed by the caller. */
typedef struct td_mat_class {
    void (*fill)(const td_values *vals, td_scene_material *out);
} td_mat_class;

static inline const td_mat_class *
td_mat_class_of(const TdOp *op)
{
    return op->cls->base == TD_BASE_MAT ? (const td_mat_class *)op->cls->proto : NULL;
}

/* The material of geometry without one: phongMAT's defaults (phong_mat.c). */
void td_phong_defaults(td_scene_material *out);

#endif
