/* NumPy's C API for this module: one unique symbol, imported once by module.c (which defines
 * TD_NUMPY_IMPORT before including this); every other file only uses it. */
#ifndef TD_BIND_NUMPY_H
#define TD_BIND_NUMPY_H

#define PY_ARRAY_UNIQUE_SYMBOL td_ARRAY_API
#ifndef TD_NUMPY_IMPORT
#define NO_IMPORT_ARRAY
#endif
#include <numpy/arrayobject.h>

#endif
