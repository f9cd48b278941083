/* The callbacks DAT of the script operators (scriptTOP, scriptSOP): the DAT named by the callbacks
 * parameter runs as a module, with the operator's expression globals (op, me, parent, absTime, ...),
 * each time the operator cooks; then its functions named in `functions` are called in order with
 * the operator (onCook(scriptOp), ...), each that it defines. Module-level names do not persist
 * between cooks. */
#ifndef TD_OPS_SCRIPT_CALLBACKS_H
#define TD_OPS_SCRIPT_CALLBACKS_H

#include "graph/op.h"

typedef struct td_script_hooks {
    /* Before each call: 0 to make it, -1 with a Python error (e.g. the module's text reset the
     * operator). NULL: op->valid is checked. */
    int (*enter)(TdOp *op, void *arg);
    /* After each call made, whether or not it raised (no Python error may be set by it). */
    void (*leave)(TdOp *op, void *arg);
    void *arg;
} td_script_hooks;

/* Runs the callbacks DAT `path` (resolved from op's parent) and its functions; 0, or -1 with the
 * Python error (a tdError "<op path>: callbacks '<path>' names no operator" / "is not a DAT", or
 * what the text or a function raised). */
int td_script_run(TdOp *op, const char *path, const char *const *functions, int nfunctions,
                  const td_script_hooks *hooks);
/* Raises tdError "<op path>: what"; -1. */
int td_script_error(TdOp *op, const char *what);

#endif
