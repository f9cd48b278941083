/* SOPs: geometry generators whose meshes geometryCOMPs render. */
#ifndef TD_OPS_SOP_H
#define TD_OPS_SOP_H

#include "gpu/mesh.h"
#include "graph/op.h"

/* The SOP's mesh, rebuilt only when its parameters changed; new reference, or NULL with a Python
 * error set. */
td_mesh *td_sop_mesh(TdOp *sop);
/* release hook shared by SOP classes: drops the cached mesh. */
void td_sop_release(TdOp *sop);

#endif
