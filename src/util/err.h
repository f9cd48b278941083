/* td_err: the message buffer every plain-C layer (gpu, image, cuda) fills on failure.
 * Functions return 0 on success and -1 on failure with err->msg set; the Python binding turns the
 * message into an exception in one place (td_raise_err in module.c). */
#ifndef TD_UTIL_ERR_H
#define TD_UTIL_ERR_H

#include <stdarg.h>
#include <stdio.h>

typedef enum {
    TD_ERR_RUNTIME = 0, /* GL / system failure: td_render.tdError */
    TD_ERR_VALUE,       /* bad argument value: ValueError */
    TD_ERR_OS,          /* file system: OSError (errno kept) */
    TD_ERR_MEMORY,      /* allocation failed: MemoryError */
} td_err_kind;

typedef struct td_err {
    td_err_kind kind;
    int os_errno;
    char msg[1024];
} td_err;

static inline int
td_err_set(td_err *err, td_err_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline int
td_err_set(td_err *err, td_err_kind kind, const char *fmt, ...)
{
    if (err != NULL) {
        va_list ap;
        va_start(ap, fmt);
        err->kind = kind;
        vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
        va_end(ap);
    }
    return -1;
}

static inline int
td_err_nomem(td_err *err, const char *what)
{
    return td_err_set(err, TD_ERR_MEMORY, "out of memory (%s)", what);
}

#endif
