/* TOP: operators whose output is an image on the GPU. */
#ifndef TD_OPS_TOP_H
#define TD_OPS_TOP_H

#include "graph/op.h"

/* release hook shared by TOP classes: hands the GPU target to the GL thread for deletion. */
void td_top_release(TdOp *top);

#endif
