/* CHOPs: channel operators. A CHOP's result is a td_chans (chan/chans.h): named float channels of
 * equal length, immutable once made, reference counted, so readers (Channel objects, instancing)
 * keep a valid snapshot whatever Python does afterwards. */
#ifndef TD_OPS_CHOP_H
#define TD_OPS_CHOP_H

#include "chan/chans.h"
#include "graph/op.h"

/* The most inputs a CHOP takes. */
#define TD_CHOP_MAX_INPUTS 16
/* The most samples a channel and the most channels a CHOP may have, and the most samples in all
 * (ours: TouchDesigner documents no limits). */
#define TD_CHOP_MAX_SAMPLES (1u << 26)
#define TD_CHOP_MAX_CHANS 65536u
#define TD_CHOP_MAX_TOTAL (1u << 27)

/* The CHOP family's protocol (td_op_class.proto of every CHOP). A CHOP's inputs are the CHOPs wired
 * to it (setInputs, Connectors), cooked first, in order; inputs[i] is input i's channels.
 *   build: the channels from the CHOP's evaluated parameters, its inputs and the current frame
 *     (absTime.frame), in plain C. 0, or -1 with err filled.
 *   cook: instead of build where the CHOP runs Python (scriptCHOP, soptoCHOP): 0 with *out new
 *     channels, or -1 with a Python error. Python may change or destroy anything meanwhile, the CHOP
 *     included: td_chop_chans re-checks it after.
 *   always: 1 if the result depends on more than the parameters and inputs (Python, another
 *     operator): it cooks again after any change in the network (td.advance() is one).
 *   timed: 1 if the result depends on the frame: it cooks again when absTime.frame moved. */
typedef struct td_chop_class {
    int (*build)(const td_values *vals, td_chans *const *inputs, int ninputs, double frame, td_chans **out,
                 td_err *err);
    int (*cook)(TdOp *chop, const td_values *vals, td_chans *const *inputs, int ninputs, td_chans **out);
    int always;
    int timed;
} td_chop_class;

static inline const td_chop_class *
td_chop_class_of(const TdOp *op)
{
    return op->cls->base == TD_BASE_CHOP ? (const td_chop_class *)op->cls->proto : NULL;
}

/* The CHOP's channels, cooked if needed (its parameters' values or its inputs' channels changed,
 * or as `always` / `timed` say): its inputs first, recursively (a loop is a tdError); bypassed,
 * its first input's channels (none without one). While a scriptCHOP's onCook runs, a copy of the
 * channels it is making so far. New reference (never changed afterwards), or NULL with a Python
 * error set. */
td_chans *td_chop_chans(TdOp *chop);
/* The same, except that while its onCook runs it is the channels being made themselves (which
 * that cook goes on changing): for the CHOP's own members and Channels, read at once. */
td_chans *td_chop_chans_live(TdOp *chop);
/* release hook shared by CHOP classes: drops the cached channels. */
void td_chop_release(TdOp *chop);
/* cook hook shared by CHOP classes (OP.cook): cooks the channels if needed, always with force. */
int td_chop_cook(TdOp *chop, int force);

/* ---- the channels a CHOP is making while Python fills them (scriptCHOP) ---- */

/* The channels being made (borrowed), or NULL when the CHOP is not in such a cook. */
td_chans *td_chop_pending(TdOp *chop);
/* Replaces the channels being made with c (stolen; the old ones are dropped). -1 with a tdError
 * (c dropped) when the CHOP is not in such a cook. */
int td_chop_set_pending(TdOp *chop, td_chans *c);
/* Starts (c: the empty channels to fill, stolen) or ends (c NULL: hands back the channels made, new
 * reference, or NULL if the CHOP was reset meanwhile) a cook that Python fills. */
int td_chop_begin_pending(TdOp *chop, td_chans *c);
td_chans *td_chop_end_pending(TdOp *chop);
/* The channels of the CHOP's last cook (borrowed), or NULL before its first. */
const td_chans *td_chop_last(TdOp *chop);
/* A copy of c with nchans channels of nsamples samples: names, rate and start kept, samples
 * copied where both have them, the rest zero. NULL with a Python error. */
td_chans *td_chop_resized(const td_chans *c, uint32_t nchans, uint32_t nsamples);
/* Raises tdError "<chop path>: <msg>"; returns -1. */
int td_chop_error(TdOp *chop, const char *msg);

/* ---- Channel (ops/channel.c) ---- */

extern PyType_Spec td_Channel_spec;
/* A Channel of chop: of the snapshot chans (held) when chans is not NULL, else of the channels
 * chop is making (the index-th, read and written live while its cook runs). New reference. */
PyObject *td_channel_new(TdOp *chop, td_chans *chans, uint32_t index);

#endif
