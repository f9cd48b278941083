/* The Python binding of the encoders (src/image): argument parsing shared by TOP.save(),
 * TOP.saveByteArray() and the module's _encode() test/benchmark entry point. */
#ifndef TD_CODEC_H
#define TD_CODEC_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Adds the codec's module-level functions to module. */
int td_codec_setup(PyObject *module);

#endif
