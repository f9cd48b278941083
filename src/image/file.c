/* Atomic file writes. See file.h. */
#include "image/file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
os_error(td_err *err, int code, const char *what, const char *path)
{
    td_err_set(err, TD_ERR_OS, "%s '%s': %s", what, path, strerror(code));
    if (err != NULL) {
        err->os_errno = code;
    }
    return -1;
}

/* The process umask, read without changing it (umask() would race with other threads). */
static mode_t
current_umask(void)
{
    unsigned int mask = 022;
    FILE *f = fopen("/proc/self/status", "r");
    if (f != NULL) {
        char line[256];
        while (fgets(line, sizeof(line), f) != NULL) {
            if (sscanf(line, "Umask: %o", &mask) == 1) {
                break;
            }
        }
        fclose(f);
    }
    return (mode_t)mask;
}

/* mkdir -p of the folder part of path. */
static int
make_folders(const char *dir, td_err *err)
{
    char buf[PATH_MAX];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof(buf)) {
        return n == 0 ? 0 : os_error(err, ENAMETOOLONG, "cannot create folder", dir);
    }
    memcpy(buf, dir, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] == '/' || buf[i] == '\0') {
            char c = buf[i];
            buf[i] = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
                return os_error(err, errno, "cannot create folder", buf);
            }
            buf[i] = c;
        }
    }
    return 0;
}

int
td_file_write_atomic(const char *path, const void *data, size_t len, int create_folders, td_err *err)
{
    char dir[PATH_MAX], tmp[PATH_MAX];
    const char *slash = strrchr(path, '/');
    size_t dlen = slash != NULL ? (size_t)(slash - path) : 0;
    if (strlen(path) + 16 >= sizeof(tmp)) {
        return os_error(err, ENAMETOOLONG, "cannot write", path);
    }
    if (slash != NULL) {
        memcpy(dir, path, dlen ? dlen : 1);
        dir[dlen ? dlen : 1] = '\0'; /* "/x.png" -> "/" */
    }
    else {
        strcpy(dir, ".");
    }
    if (slash != NULL && slash[1] == '\0') {
        return os_error(err, EISDIR, "cannot write", path);
    }
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno == ENOENT && create_folders) {
            if (make_folders(dir, err) != 0) {
                return -1;
            }
        }
        else if (errno == ENOENT) {
            return os_error(err, ENOENT, "folder does not exist (pass createFolders=True to make it)", dir);
        }
        else {
            return os_error(err, errno, "cannot use folder", dir);
        }
    }
    else if (!S_ISDIR(st.st_mode)) {
        return os_error(err, ENOTDIR, "not a folder", dir);
    }
    /* Only files are replaced: rename() would swap a FIFO or device node (which a reader may have
     * open) for a regular file, and a folder cannot be a file anyway. */
    if (lstat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            return os_error(err, EISDIR, "refusing to replace a folder with a file:", path);
        }
        if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
            const char *kind = S_ISFIFO(st.st_mode) ? "FIFO" : S_ISSOCK(st.st_mode) ? "socket"
                               : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "device node" : "special file";
            td_err_set(err, TD_ERR_OS, "refusing to replace '%s', a %s, not a regular file: %s", path, kind,
                       strerror(EEXIST));
            if (err != NULL) {
                err->os_errno = EEXIST;
            }
            return -1;
        }
    }
    else if (errno != ENOENT) {
        return os_error(err, errno, "cannot write", path);
    }
    /* ".<name>.XXXXXX" beside the target. The name is cut so that the temporary stays within
     * NAME_MAX: a target name of up to NAME_MAX bytes is valid, so its temporary must be too. */
    const char *base = slash != NULL ? slash + 1 : path;
    size_t keep = strlen(base);
    if (keep > NAME_MAX - 8) {
        keep = NAME_MAX - 8;
    }
    int n = snprintf(tmp, sizeof(tmp), "%s/.%.*s.XXXXXX", dir, (int)keep, base);
    if (n < 0 || (size_t)n >= sizeof(tmp)) {
        return os_error(err, ENAMETOOLONG, "cannot write", path);
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        return os_error(err, errno, "cannot write in folder", dir);
    }
    /* mkstemp makes 0600 files; give the file the mode a plain open() would. */
    mode_t mask = current_umask();
    if (fchmod(fd, 0666 & ~mask) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        return os_error(err, e, "cannot write", path);
    }
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            int e = w < 0 ? errno : EIO;
            close(fd);
            unlink(tmp);
            return os_error(err, e, "cannot write", path);
        }
        p += w;
        left -= (size_t)w;
    }
    if (close(fd) != 0) {
        int e = errno;
        unlink(tmp);
        return os_error(err, e, "cannot write", path);
    }
    if (rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        return os_error(err, e, "cannot write", path);
    }
    return 0;
}

char *
td_file_absolute(const char *path, td_err *err)
{
    if (path[0] == '/' || path[0] == '\0') {
        char *copy = strdup(path); /* "" stays invalid: the folder check names it */
        if (copy == NULL) {
            td_err_nomem(err, "file path");
        }
        return copy;
    }
    char *cwd = getcwd(NULL, 0);
    if (cwd == NULL) {
        os_error(err, errno, "cannot resolve the current folder for", path);
        return NULL;
    }
    size_t n = strlen(cwd), m = strlen(path);
    int root = n == 1; /* "/": no second slash */
    char *out = malloc(n + m + 2);
    if (out == NULL) {
        free(cwd);
        td_err_nomem(err, "file path");
        return NULL;
    }
    memcpy(out, cwd, n);
    if (!root) {
        out[n++] = '/';
    }
    memcpy(out + n, path, m + 1);
    free(cwd);
    return out;
}

int
td_file_check_folder(const char *path, int create_folders, td_err *err)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    size_t dlen = slash != NULL ? (size_t)(slash - path) : 0;
    if (path[0] == '\0') {
        return os_error(err, ENOENT, "cannot write", path);
    }
    if (dlen + 1 >= sizeof(dir)) {
        return os_error(err, ENAMETOOLONG, "cannot write", path);
    }
    if (slash == NULL) {
        strcpy(dir, ".");
    }
    else {
        memcpy(dir, path, dlen ? dlen : 1);
        dir[dlen ? dlen : 1] = '\0';
    }
    if (slash != NULL && slash[1] == '\0') {
        return os_error(err, EISDIR, "cannot write", path);
    }
    struct stat st;
    if (stat(dir, &st) == 0) {
        return S_ISDIR(st.st_mode) ? 0 : os_error(err, ENOTDIR, "not a folder", dir);
    }
    if (errno != ENOENT) {
        return os_error(err, errno, "cannot use folder", dir);
    }
    if (!create_folders) {
        return os_error(err, ENOENT, "folder does not exist (pass createFolders=True to make it)", dir);
    }
    /* The nearest existing ancestor must be a folder. */
    while (dlen > 0) {
        char *cut = strrchr(dir, '/');
        if (cut == NULL) {
            strcpy(dir, ".");
        }
        else if (cut == dir) {
            dir[1] = '\0';
        }
        else {
            *cut = '\0';
        }
        if (stat(dir, &st) == 0) {
            return S_ISDIR(st.st_mode) ? 0 : os_error(err, ENOTDIR, "not a folder", dir);
        }
        if (errno != ENOENT || strcmp(dir, ".") == 0 || strcmp(dir, "/") == 0) {
            break;
        }
    }
    return 0;
}
