/* The build of the SOPs that pass their first input on unchanged (nullSOP, inSOP, outSOP): the
 * input's mesh itself (shared, not copied: readers downstream see the same mesh and rebuild only
 * when it changes), or an empty mesh without an input. */
#ifndef TD_OPS_SOP_PASS_H
#define TD_OPS_SOP_PASS_H

#include "geom/filters.h"
#include "ops/sop.h"

static inline int
td_sop_pass_input0(td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err)
{
    if (ninputs > 0) {
        td_mesh_incref(inputs[0]);
        *out = inputs[0];
        return 0;
    }
    return td_geom_merge(NULL, 0, out, err);
}

#endif
