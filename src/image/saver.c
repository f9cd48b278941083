/* Asynchronous saves. See saver.h. */
#include "image/saver.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "image/file.h"

#define TD_MAX_ORPHAN_FAILURES 16

struct td_save_status {
    atomic_int refs;
    pthread_mutex_t mutex;
    pthread_cond_t cv;
    int done, rc;
    int abandoned; /* the holder let go before the save finished */
    int inherited; /* pending when this process was forked: the parent writes it, not this process */
    td_err err;
};

typedef struct td_save_job {
    struct td_save_job *next;
    td_save_request req;
    td_save_status *status; /* one reference */
} td_save_job;

struct td_saver {
    pthread_t thread;
    int running;            /* the worker was started */
    int stop;
    pthread_mutex_t mutex;
    pthread_cond_t work_cv; /* jobs queued or stop */
    pthread_cond_t idle_cv; /* queue empty and nothing in progress */
    td_save_job *head, *tail;
    td_save_job *current;   /* the job the worker runs, until its status is final */
    int busy;
    td_err orphans[TD_MAX_ORPHAN_FAILURES];
    int norphans;
};

td_kv *
td_save_copy_metadata(const td_kv *kv, size_t n, int *failed)
{
    *failed = 0;
    if (n == 0) {
        return NULL;
    }
    size_t bytes = n * sizeof(td_kv);
    for (size_t i = 0; i < n; i++) {
        bytes += strlen(kv[i].key) + strlen(kv[i].value) + 2;
    }
    td_kv *out = malloc(bytes);
    if (out == NULL) {
        *failed = 1;
        return NULL;
    }
    char *p = (char *)(out + n);
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(kv[i].key) + 1, v = strlen(kv[i].value) + 1;
        memcpy(p, kv[i].key, k);
        out[i].key = p;
        p += k;
        memcpy(p, kv[i].value, v);
        out[i].value = p;
        p += v;
    }
    return out;
}

void
td_save_request_clear(td_save_request *req)
{
    free((void *)req->img.data);
    free(req->metadata);
    free(req->path);
    req->img.data = NULL;
    req->metadata = NULL;
    req->path = NULL;
}

/* ---- status ---- */

static td_save_status *
status_new(void)
{
    td_save_status *st = calloc(1, sizeof(*st));
    if (st == NULL) {
        return NULL;
    }
    if (pthread_mutex_init(&st->mutex, NULL) != 0) {
        free(st);
        return NULL;
    }
    if (pthread_cond_init(&st->cv, NULL) != 0) {
        pthread_mutex_destroy(&st->mutex);
        free(st);
        return NULL;
    }
    atomic_init(&st->refs, 1);
    return st;
}

td_save_status *
td_save_status_finished(int rc, const td_err *err)
{
    td_save_status *st = status_new();
    if (st != NULL) {
        st->done = 1;
        st->rc = rc;
        if (rc != 0 && err != NULL) {
            st->err = *err;
        }
    }
    return st;
}

void
td_save_status_decref(td_save_status *st)
{
    if (st == NULL || atomic_fetch_sub_explicit(&st->refs, 1, memory_order_acq_rel) != 1) {
        return;
    }
    pthread_cond_destroy(&st->cv);
    pthread_mutex_destroy(&st->mutex);
    free(st);
}

int
td_save_status_abandon(td_save_status *st)
{
    pthread_mutex_lock(&st->mutex);
    int done = st->done;
    if (!done) {
        st->abandoned = 1;
    }
    pthread_mutex_unlock(&st->mutex);
    return done;
}

int
td_save_status_done(td_save_status *st)
{
    pthread_mutex_lock(&st->mutex);
    int done = st->done;
    pthread_mutex_unlock(&st->mutex);
    return done;
}

int
td_save_status_wait(td_save_status *st, double timeout_s)
{
    pthread_mutex_lock(&st->mutex);
    if (timeout_s < 0) {
        while (!st->done) {
            pthread_cond_wait(&st->cv, &st->mutex);
        }
    }
    else {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        double secs = (double)until.tv_sec + (double)until.tv_nsec / 1e9 + timeout_s;
        until.tv_sec = (time_t)secs;
        until.tv_nsec = (long)((secs - (double)until.tv_sec) * 1e9);
        while (!st->done) {
            if (pthread_cond_timedwait(&st->cv, &st->mutex, &until) == ETIMEDOUT) {
                break;
            }
        }
    }
    int done = st->done;
    pthread_mutex_unlock(&st->mutex);
    return done;
}

int
td_save_status_inherited(td_save_status *st)
{
    pthread_mutex_lock(&st->mutex);
    int inherited = st->inherited;
    pthread_mutex_unlock(&st->mutex);
    return inherited;
}

int
td_save_status_result(td_save_status *st, td_err *err)
{
    pthread_mutex_lock(&st->mutex);
    int rc = st->rc;
    if (rc != 0 && err != NULL) {
        *err = st->err;
    }
    pthread_mutex_unlock(&st->mutex);
    return rc;
}

/* ---- the worker ---- */

static int
run_job(td_save_request *req, td_err *err)
{
    td_bytes out = {0};
    td_encode_opts opts = {.quality = req->quality, .metadata = req->metadata, .nmetadata = req->nmetadata};
    int rc = td_image_encode(req->type, &req->img, &opts, &out, err);
    if (rc == 0) {
        rc = td_file_write_atomic(req->path, out.data, out.len, req->create_folders, err);
    }
    td_bytes_free(&out);
    return rc;
}

static void *
worker_main(void *p)
{
    td_saver *s = p;
    for (;;) {
        pthread_mutex_lock(&s->mutex);
        while (s->head == NULL && !s->stop) {
            pthread_cond_wait(&s->work_cv, &s->mutex);
        }
        if (s->head == NULL) { /* stop, and nothing left */
            pthread_mutex_unlock(&s->mutex);
            return NULL;
        }
        td_save_job *job = s->head;
        s->head = job->next;
        if (s->head == NULL) {
            s->tail = NULL;
        }
        s->busy = 1;
        s->current = job;
        pthread_mutex_unlock(&s->mutex);

        td_err err = {0};
        int rc = run_job(&job->req, &err);
        td_save_request_clear(&job->req);
        td_save_status *st = job->status;
        pthread_mutex_lock(&st->mutex);
        st->rc = rc;
        st->err = err;
        st->done = 1;
        /* Nobody will look at the status: keep the failure for whoever asks at exit. */
        int orphan = st->abandoned;
        pthread_cond_broadcast(&st->cv);
        pthread_mutex_unlock(&st->mutex);

        pthread_mutex_lock(&s->mutex);
        s->current = NULL;
        if (rc != 0 && orphan) {
            if (s->norphans == TD_MAX_ORPHAN_FAILURES) {
                memmove(&s->orphans[0], &s->orphans[1], sizeof(td_err) * (TD_MAX_ORPHAN_FAILURES - 1));
                s->norphans--;
            }
            s->orphans[s->norphans++] = err;
        }
        s->busy = 0;
        if (s->head == NULL) {
            pthread_cond_broadcast(&s->idle_cv);
        }
        pthread_mutex_unlock(&s->mutex);
        /* Only now: until s->current is cleared a fork's child may still finish this status. */
        td_save_status_decref(st);
        free(job);
    }
}

int
td_saver_new(td_saver **out, td_err *err)
{
    td_saver *s = calloc(1, sizeof(*s));
    if (s == NULL) {
        return td_err_nomem(err, "saver");
    }
    if (pthread_mutex_init(&s->mutex, NULL) != 0 || pthread_cond_init(&s->work_cv, NULL) != 0 ||
        pthread_cond_init(&s->idle_cv, NULL) != 0) {
        free(s); /* (a failed init leaves nothing to destroy on Linux) */
        return td_err_set(err, TD_ERR_RUNTIME, "could not initialise the saver's locks");
    }
    *out = s;
    return 0;
}

td_save_status *
td_saver_submit(td_saver *s, td_save_request *req, td_err *err)
{
    td_save_job *job = calloc(1, sizeof(*job));
    td_save_status *st = status_new();
    if (job == NULL || st == NULL) {
        free(job);
        td_save_status_decref(st);
        td_save_request_clear(req);
        td_err_nomem(err, "asynchronous save");
        return NULL;
    }
    job->req = *req;
    memset(req, 0, sizeof(*req));
    atomic_fetch_add(&st->refs, 1); /* one for the job, one for the caller */
    job->status = st;
    pthread_mutex_lock(&s->mutex);
    if (!s->running) {
        int prc = pthread_create(&s->thread, NULL, worker_main, s);
        if (prc != 0) {
            pthread_mutex_unlock(&s->mutex);
            td_save_request_clear(&job->req);
            free(job);
            td_save_status_decref(st);
            td_save_status_decref(st);
            td_err_set(err, TD_ERR_RUNTIME, "could not start the save thread (%s)", strerror(prc));
            return NULL;
        }
        s->running = 1;
    }
    if (s->tail != NULL) {
        s->tail->next = job;
    }
    else {
        s->head = job;
    }
    s->tail = job;
    pthread_cond_signal(&s->work_cv);
    pthread_mutex_unlock(&s->mutex);
    return st;
}

void
td_saver_drain(td_saver *s)
{
    pthread_mutex_lock(&s->mutex);
    while (s->head != NULL || s->busy) {
        pthread_cond_wait(&s->idle_cv, &s->mutex);
    }
    pthread_mutex_unlock(&s->mutex);
}

int
td_saver_take_orphan_failures(td_saver *s, td_err *out, int max)
{
    pthread_mutex_lock(&s->mutex);
    int n = s->norphans < max ? s->norphans : max;
    memcpy(out, s->orphans, sizeof(td_err) * (size_t)n);
    memmove(&s->orphans[0], &s->orphans[n], sizeof(td_err) * (size_t)(s->norphans - n));
    s->norphans -= n;
    pthread_mutex_unlock(&s->mutex);
    return n;
}

void
td_saver_free(td_saver *s)
{
    if (s == NULL) {
        return;
    }
    pthread_mutex_lock(&s->mutex);
    s->stop = 1;
    pthread_cond_signal(&s->work_cv);
    int running = s->running;
    pthread_mutex_unlock(&s->mutex);
    if (running) {
        pthread_join(s->thread, NULL); /* the worker empties the queue before it stops */
    }
    pthread_cond_destroy(&s->work_cv);
    pthread_cond_destroy(&s->idle_cv);
    pthread_mutex_destroy(&s->mutex);
    free(s);
}

/* ---- fork ---- */

void
td_saver_fork_prepare(td_saver *s)
{
    pthread_mutex_lock(&s->mutex);
}

void
td_saver_fork_parent(td_saver *s)
{
    pthread_mutex_unlock(&s->mutex);
}

/* A status of the parent's that this child will never see finish: final now, as inherited. Its lock
 * may have been held by a thread that did not survive the fork. */
static void
status_inherit(td_save_status *st)
{
    pthread_mutex_init(&st->mutex, NULL);
    pthread_cond_init(&st->cv, NULL);
    if (!st->done) {
        st->done = 1;
        st->rc = -1;
        st->inherited = 1;
        td_err_set(&st->err, TD_ERR_RUNTIME,
                   "the save was still pending when this process was forked: the parent process writes it, "
                   "not this one");
    }
}

void
td_saver_fork_child(td_saver *s)
{
    /* The worker did not survive the fork. Its job and the queued ones are the parent's: dropped
     * here, never written twice or waited for; the next save starts a worker of this process. */
    td_save_job *jobs = s->head;
    if (s->current != NULL) {
        s->current->next = jobs;
        jobs = s->current;
    }
    while (jobs != NULL) {
        td_save_job *next = jobs->next;
        status_inherit(jobs->status);
        td_save_status_decref(jobs->status);
        td_save_request_clear(&jobs->req);
        free(jobs);
        jobs = next;
    }
    s->head = s->tail = s->current = NULL;
    s->busy = 0;
    s->running = 0;
    s->norphans = 0; /* the parent reports its own */
    pthread_cond_init(&s->work_cv, NULL);
    pthread_cond_init(&s->idle_cv, NULL);
    pthread_mutex_unlock(&s->mutex); /* locked by fork_prepare in the thread that forked */
}
