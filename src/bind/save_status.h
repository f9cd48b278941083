/* SaveStatus: the Python handle on one save's td_save_status (see image/saver.h). */
#ifndef TD_SAVE_STATUS_H
#define TD_SAVE_STATUS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "image/saver.h"

typedef struct td_state td_state;

extern PyType_Spec td_SaveStatus_spec;
/* A SaveStatus owning one reference to status; path names the file in messages. */
PyObject *td_save_status_object(td_state *st, td_save_status *status, PyObject *path);

#endif
