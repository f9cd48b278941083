/* Atomic file writes: plain C, no GL, no Python. */
#ifndef TD_IMAGE_FILE_H
#define TD_IMAGE_FILE_H

#include <stddef.h>

#include "util/err.h"

/* Writes data to a temporary file in path's folder and renames it onto path, so path holds either
 * its old content or all of the new, never a part. With create_folders, missing folders are made.
 * Only a regular file or a symlink (replaced, not written through) is replaced: anything else at
 * path (a folder, FIFO, socket or device node) is refused before anything is written (EISDIR for a
 * folder, EEXIST for the others). Errors are TD_ERR_OS with errno kept and the path named. */
int td_file_write_atomic(const char *path, const void *data, size_t len, int create_folders, td_err *err);

/* path made absolute against the current folder, as a malloc'd string (free() it), so that a save
 * queued now writes where the path names now, whatever the process's current folder is later.
 * Only the current folder is prefixed: '..' and symlinks stay as given. NULL with err set if the
 * current folder cannot be read (it was deleted, say) or out of memory. */
char *td_file_absolute(const char *path, td_err *err);

/* Checks, without changing anything, that path's folder exists and is a folder (or, with
 * create_folders, that it could be made: nothing on the way is a plain file). */
int td_file_check_folder(const char *path, int create_folders, td_err *err);

#endif
