/* SOPs: geometry generators whose meshes geometryCOMPs render. */
#ifndef TD_OPS_SOP_H
#define TD_OPS_SOP_H

#include "geom/mesh.h"
#include "graph/op.h"

/* td_op_class.exclusive_flags of every SOP: one SOP of a network has the Display flag and one the
 * Render flag (TouchDesigner's SOP flags; the geometryCOMP renders the SOP with the Render flag).
 * Turning one on turns it off on the sibling SOPs; a SOP made by create() takes both. */
#define TD_SOP_EXCLUSIVE_FLAGS ((1u << TD_FLAG_DISPLAY) | (1u << TD_FLAG_RENDER))

/* The most inputs a SOP takes (mergeSOP's); td_op_class.max_inputs of every SOP is at most this. */
#define TD_SOP_MAX_INPUTS 64

/* The SOP family's protocol (td_op_class.proto of every SOP). A SOP's inputs are the SOPs wired
 * to it (setInputs, Connectors), cooked first, in order; inputs[i] is input i's mesh (ninputs of
 * them, none NULL; the wired count is within the class's min/max_inputs).
 *   build: the mesh from the SOP's evaluated parameters and its inputs, in plain C (values read by
 *     index; no Python runs). 0, or -1 with err filled.
 *   cook: instead of build where the SOP runs Python to make its mesh (scriptSOP): 0 with *out a
 *     new mesh, or -1 with a Python error. Python may change or destroy anything meanwhile, the
 *     SOP included: td_sop_mesh re-checks the SOP after it.
 *   always: 1 if the SOP also cooks whenever anything in the network changed since its last cook
 *     (the module's serial: any change, td.advance() included), as a scriptTOP does: its result
 *     depends on more than its parameters and inputs (Python callbacks); 0 if only when those
 *     changed.
 *   stale: NULL, or whether what the SOP reads besides its parameters and inputs changed since
 *     its last cook (fileinSOP: its file's version); plain C, no Python. 1 makes it cook. */
typedef struct td_sop_class {
    int (*build)(const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out, td_err *err);
    int (*cook)(TdOp *sop, const td_values *vals, td_mesh *const *inputs, int ninputs, td_mesh **out);
    int always;
    int (*stale)(TdOp *sop, const td_values *vals);
} td_sop_class;

static inline const td_sop_class *
td_sop_class_of(const TdOp *op)
{
    return op->cls->base == TD_BASE_SOP ? (const td_sop_class *)op->cls->proto : NULL;
}

/* The SOP's mesh: its inputs' meshes first (recursively; a loop of inputs is a tdError), then its
 * own, rebuilt only when its parameters or its inputs' meshes changed (or always: see above);
 * bypassed, its first input's mesh (an empty mesh without one). New reference, or NULL with a
 * Python error set. */
td_mesh *td_sop_mesh(TdOp *sop);
/* The geometry a cook hook is building now (a scriptSOP's builder while its onCook runs), borrowed,
 * or NULL. td_sop_set_building(sop, b) sets it (the SOP holds a reference; NULL drops it). */
struct td_geo_builder *td_sop_building(TdOp *sop);
int td_sop_set_building(TdOp *sop, struct td_geo_builder *b);
/* The mesh of the SOP's last successful cook (borrowed), or NULL. */
td_mesh *td_sop_last_mesh(TdOp *sop);
/* release hook shared by SOP classes: drops the cached mesh. */
void td_sop_release(TdOp *sop);

#endif
