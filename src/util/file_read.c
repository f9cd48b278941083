/* Whole-file reads. See file_read.h. */
#include "util/file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long long
mtime_ns(const struct stat *st)
{
    return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

int
td_file_stamp(const char *path, long long *mtime, long long *file_size)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        return -1;
    }
    *mtime = mtime_ns(&st);
    *file_size = (long long)st.st_size;
    return 0;
}

static int
file_error(td_err *err, int code, const char *what, const char *verb, const char *path)
{
    td_err_set(err, TD_ERR_OS, "cannot %s %s '%s': %s", verb, what, path, strerror(code));
    if (err != NULL) {
        err->os_errno = code;
    }
    return -1;
}

int
td_file_read(const char *path, const char *what, uint64_t max_bytes, td_file_data *out, td_err *err)
{
    memset(out, 0, sizeof(*out));
    /* O_NONBLOCK: a FIFO at path must not block the open; it is refused below as not a file */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return file_error(err, errno, what, "open", path);
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return file_error(err, e, what, "read", path);
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        int e = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        td_err_set(err, TD_ERR_OS, "%s '%s' is not a regular file (%s)", what, path,
                   S_ISDIR(st.st_mode) ? "a folder" : "a device, FIFO or socket");
        if (err != NULL) {
            err->os_errno = e;
        }
        return -1;
    }
    if ((uint64_t)st.st_size > max_bytes || (uint64_t)st.st_size > (uint64_t)SIZE_MAX / 2) {
        close(fd);
        return td_err_set(err, TD_ERR_VALUE, "%s '%s' is %lld bytes, over the limit of %llu", what, path,
                          (long long)st.st_size, (unsigned long long)max_bytes);
    }
    size_t size = (size_t)st.st_size;
    unsigned char *buf = malloc(size ? size : 1);
    if (buf == NULL) {
        close(fd);
        return td_err_nomem(err, what);
    }
    size_t got = 0;
    while (got < size) {
        ssize_t r = read(fd, buf + got, size - got);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return file_error(err, e, what, "read", path);
        }
        if (r == 0) {
            break; /* shrank while read: what is there */
        }
        got += (size_t)r;
    }
    close(fd);
    out->data = buf;
    out->size = got;
    out->mtime_ns = mtime_ns(&st);
    out->file_size = (long long)st.st_size;
    return 0;
}
