/* Asynchronous saves: a worker thread that encodes and writes files queued by TOP.save(...,
 * asynchronous=True), each with a reference-counted status the caller can poll or wait on. Plain C,
 * no GL, no Python. */
#ifndef TD_IMAGE_SAVER_H
#define TD_IMAGE_SAVER_H

#include "image/image.h"
#include "util/err.h"

typedef struct td_saver td_saver;
typedef struct td_save_status td_save_status;

typedef struct td_save_request {
    td_file_type type;
    td_image img;           /* img.data is owned: freed with free() */
    double quality;
    td_kv *metadata;        /* owned, from td_save_copy_metadata (may be NULL) */
    size_t nmetadata;
    char *path;             /* owned, malloc'd */
    int create_folders;
} td_save_request;

/* A deep copy of n metadata pairs in one malloc'd block (free() it), or NULL if n is 0 or out of
 * memory (*failed set then). */
td_kv *td_save_copy_metadata(const td_kv *kv, size_t n, int *failed);
/* Frees what a request owns (not the request struct itself). */
void td_save_request_clear(td_save_request *req);

int td_saver_new(td_saver **out, td_err *err);
/* Queues the request, taking ownership of what it points to, and returns its status with one
 * reference for the caller; NULL (err set, the request cleared) if it could not be queued. */
td_save_status *td_saver_submit(td_saver *s, td_save_request *req, td_err *err);
/* Waits until every save queued so far has finished. */
void td_saver_drain(td_saver *s);
/* Failures of saves whose status nobody held any more when they finished (fire-and-forget
 * saves): copies up to max of them into out (oldest first), forgets them, and returns how many
 * were copied. */
int td_saver_take_orphan_failures(td_saver *s, td_err *out, int max);
/* Drains, stops the worker and frees the saver. */
void td_saver_free(td_saver *s);

/* fork(), called around it by whoever owns the saver: prepare (before, locks the queue so the
 * child sees it whole), then parent or child. In the child the worker is gone: the saves queued or
 * in progress are the parent's, which writes them; the child drops them without writing or waiting
 * (their statuses finish as inherited, with an error saying so) and starts a worker of its own on
 * its next save. */
void td_saver_fork_prepare(td_saver *s);
void td_saver_fork_parent(td_saver *s);
void td_saver_fork_child(td_saver *s);

/* A status that is already finished with rc (and err when rc != 0), for saves done synchronously;
 * NULL if out of memory. */
td_save_status *td_save_status_finished(int rc, const td_err *err);
/* 1 once the save finished (written or failed), else 0. */
int td_save_status_done(td_save_status *st);
/* Waits up to timeout_s seconds (forever if negative); returns td_save_status_done(). */
int td_save_status_wait(td_save_status *st, double timeout_s);
/* 1 if the save was pending when this process was forked (see td_saver_fork_child). */
int td_save_status_inherited(td_save_status *st);
/* After done: 0 if the file was written, -1 with err filled if not. */
int td_save_status_result(td_save_status *st, td_err *err);
void td_save_status_decref(td_save_status *st);
/* The holder lets go of a status it will not look at again: returns 1 if the save already
 * finished (the holder reports a failure itself), 0 if not (a failure will then be kept as an
 * orphan failure by the saver). Exactly one side reports. */
int td_save_status_abandon(td_save_status *st);

#endif
