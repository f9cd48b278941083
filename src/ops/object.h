/* Object COMPs (camera, geometry, lights): transforms from the Xform page. */
#ifndef TD_OPS_OBJECT_H
#define TD_OPS_OBJECT_H

#include "graph/op.h"

/* The local transform of an object COMP from its Xform parameters (column-major):
 * pivot-relative scale, rotate, translate in the order of xord, rotations in the order of rord. */
void td_object_local(TdOp *obj, double out[16]);
/* Local transform times those of the object COMPs it sits in. */
void td_object_world(TdOp *obj, double out[16]);

#endif
