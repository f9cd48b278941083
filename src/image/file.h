/* Atomic file writes: plain C, no GL, no Python. */
#ifndef TD_IMAGE_FILE_H
#define TD_IMAGE_FILE_H

#include <stddef.h>

#include "util/err.h"

/* Writes data to a temporary file in path's folder and renames it onto path, so path holds either
 * its old content or all of the new, never a part. With create_folders, missing folders are made.
 * Errors are TD_ERR_OS with errno kept and the path named. */
int td_file_write_atomic(const char *path, const void *data, size_t len, int create_folders, td_err *err);

/* Checks, without changing anything, that path's folder exists and is a folder (or, with
 * create_folders, that it could be made: nothing on the way is a plain file). */
int td_file_check_folder(const char *path, int create_folders, td_err *err);

#endif
