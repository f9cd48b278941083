/* The two bridges from plain C to Python: a td_err becomes the matching exception, and the GL
 * runtime and the saver are started on first use with their failures raised. */
#ifndef TD_BIND_BRIDGE_H
#define TD_BIND_BRIDGE_H

#include "bind/state.h"
#include "gpu/runtime.h"
#include "image/saver.h"
#include "util/err.h"

/* Turns a plain-C error into the matching Python exception; returns NULL for chaining. */
PyObject *td_raise_err(td_state *st, const td_err *err);

/* The GL runtime, started on first use with the GIL released; NULL with tdError set on failure. */
td_gl_runtime *td_runtime(td_state *st);

/* The saver, made on first use; NULL with an exception set on failure. */
td_saver *td_module_saver(td_state *st);

#endif
