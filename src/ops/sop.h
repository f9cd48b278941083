/* SOPs: geometry generators whose meshes geometryCOMPs render. */
#ifndef TD_OPS_SOP_H
#define TD_OPS_SOP_H

#include "geom/mesh.h"
#include "graph/op.h"

/* The SOP family's protocol (td_op_class.proto of every SOP): build a mesh from the SOP's
 * evaluated parameters, in plain C (the values are read by index; no Python runs). 0, or -1
 * with err filled. */
typedef struct td_sop_class {
    int (*build)(const td_values *vals, td_mesh **out, td_err *err);
} td_sop_class;

static inline const td_sop_class *
td_sop_class_of(const TdOp *op)
{
    return op->cls->base == TD_BASE_SOP ? (const td_sop_class *)op->cls->proto : NULL;
}

/* The SOP's mesh, rebuilt only when its parameters changed; new reference, or NULL with a Python
 * error set. */
td_mesh *td_sop_mesh(TdOp *sop);
/* release hook shared by SOP classes: drops the cached mesh. */
void td_sop_release(TdOp *sop);

#endif
