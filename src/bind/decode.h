/* The Python binding of the decoders (src/image/decode.h): the module's _decode_image() test entry
 * point. Needs the GIL. */
#ifndef TD_BIND_DECODE_H
#define TD_BIND_DECODE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Adds _decode_image to module. */
int td_decode_setup(PyObject *module);

#endif
