/* Whole-file reads for the decoders and loaders: plain C, no Python. */
#ifndef TD_UTIL_FILE_READ_H
#define TD_UTIL_FILE_READ_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/* A file's bytes and the version of it they are: its modification time (ns) and size as they were
 * when it was opened, so a change during or after the read shows as a different version. */
typedef struct td_file_data {
    unsigned char *data; /* size bytes (malloc'd, never NULL after a read; free() it) */
    size_t size;
    long long mtime_ns;
    long long file_size;
} td_file_data;

/* The version of the file at path now (stat), or -1 (errno set) if it cannot be read. */
int td_file_stamp(const char *path, long long *mtime_ns, long long *file_size);

/* Reads the regular file at path, at most max_bytes. Messages name it as what ("image file"):
 * TD_ERR_OS with errno kept for a file that cannot be opened or read, or that is not a regular
 * file (a folder: EISDIR; a FIFO, device or socket: EINVAL; a FIFO's open never blocks), TD_ERR_VALUE
 * for one over the limit, TD_ERR_MEMORY. A file that shrinks while it is read gives what was there. */
int td_file_read(const char *path, const char *what, uint64_t max_bytes, td_file_data *out, td_err *err);

#endif
