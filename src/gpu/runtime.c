/* The GL thread and its job queue. See runtime.h. */
#include "gpu/runtime.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>


typedef td_gl_task td_gl_job;

struct td_gl_runtime {
    pthread_t thread;
    pthread_mutex_t mutex;
    pthread_cond_t work_cv;  /* jobs queued */
    pthread_cond_t done_cv;  /* a synchronous job finished, or the start finished */
    td_gl_job *head, *tail;
    int started, start_rc;
    td_err start_err;
    td_gl_context *context;
    td_gl_info info;
    td_gl_renderer *renderer; /* GL thread only */
};

/* The one runtime of the process and the lock that guards its creation. */
static pthread_mutex_t td_runtime_lock = PTHREAD_MUTEX_INITIALIZER;
static td_gl_runtime *td_runtime;
/* Bumped in a child forked after the runtime started: its GL thread did not survive the fork, so
 * the child starts a runtime of its own (on a display its ancestors never opened, see context.c),
 * and GL objects made under an older generation are the parent's: never used or deleted here. */
static unsigned td_generation;
static pthread_once_t td_fork_once = PTHREAD_ONCE_INIT;

/* fork(): the lock is held across it, so the child sees the runtime either started or not. */
static void
fork_prepare(void)
{
    pthread_mutex_lock(&td_runtime_lock);
}

static void
fork_parent(void)
{
    pthread_mutex_unlock(&td_runtime_lock);
}

static void
fork_child(void)
{
    if (td_runtime != NULL) {
        /* Nothing of it is usable or safe to free: its mutex may have been held by a thread that
         * is gone. GL objects released from now on are freed without a GL thread (they belong to
         * the parent's context). */
        td_runtime = NULL;
        td_generation++;
    }
    pthread_mutex_unlock(&td_runtime_lock); /* locked by fork_prepare in the thread that forked */
}

static void
register_fork_handlers(void)
{
    pthread_atfork(fork_prepare, fork_parent, fork_child);
}

static void *
gl_thread_main(void *p)
{
    td_gl_runtime *rt = p;
    td_gl_context *ctx = NULL;
    td_err err = {0};
    int rc = td_gl_context_create(&ctx, &rt->info, &err);

    pthread_mutex_lock(&rt->mutex);
    rt->context = ctx;
    rt->start_rc = rc;
    rt->start_err = err;
    rt->started = 1;
    pthread_cond_broadcast(&rt->done_cv);
    pthread_mutex_unlock(&rt->mutex);
    if (rc != 0) {
        return NULL;
    }
    for (;;) {
        pthread_mutex_lock(&rt->mutex);
        while (rt->head == NULL) {
            pthread_cond_wait(&rt->work_cv, &rt->mutex);
        }
        td_gl_job *job = rt->head;
        rt->head = job->next;
        if (rt->head == NULL) {
            rt->tail = NULL;
        }
        pthread_mutex_unlock(&rt->mutex);

        if (job->post_fn != NULL) {
            job->post_fn(job->arg);
            free(job);
            continue;
        }
        int jrc = job->fn(rt, job->arg, job->err);
        pthread_mutex_lock(&rt->mutex);
        job->rc = jrc;
        job->done = 1;
        pthread_cond_broadcast(&rt->done_cv);
        pthread_mutex_unlock(&rt->mutex);
    }
    return NULL;
}

static void
runtime_free(td_gl_runtime *rt)
{
    pthread_cond_destroy(&rt->work_cv);
    pthread_cond_destroy(&rt->done_cv);
    pthread_mutex_destroy(&rt->mutex);
    free(rt);
}

int
td_gl_runtime_acquire(td_gl_runtime **out, td_err *err)
{
    pthread_once(&td_fork_once, register_fork_handlers);
    pthread_mutex_lock(&td_runtime_lock);
    if (td_runtime != NULL) {
        *out = td_runtime;
        pthread_mutex_unlock(&td_runtime_lock);
        return 0;
    }
    td_gl_runtime *rt = calloc(1, sizeof(*rt));
    if (rt == NULL) {
        pthread_mutex_unlock(&td_runtime_lock);
        return td_err_nomem(err, "GL runtime");
    }
    if (pthread_mutex_init(&rt->mutex, NULL) != 0) {
        free(rt);
        pthread_mutex_unlock(&td_runtime_lock);
        return td_err_set(err, TD_ERR_RUNTIME, "pthread_mutex_init failed");
    }
    if (pthread_cond_init(&rt->work_cv, NULL) != 0) {
        pthread_mutex_destroy(&rt->mutex);
        free(rt);
        pthread_mutex_unlock(&td_runtime_lock);
        return td_err_set(err, TD_ERR_RUNTIME, "pthread_cond_init failed");
    }
    if (pthread_cond_init(&rt->done_cv, NULL) != 0) {
        pthread_cond_destroy(&rt->work_cv);
        pthread_mutex_destroy(&rt->mutex);
        free(rt);
        pthread_mutex_unlock(&td_runtime_lock);
        return td_err_set(err, TD_ERR_RUNTIME, "pthread_cond_init failed");
    }
    int prc = pthread_create(&rt->thread, NULL, gl_thread_main, rt);
    if (prc != 0) {
        runtime_free(rt);
        pthread_mutex_unlock(&td_runtime_lock);
        return td_err_set(err, TD_ERR_RUNTIME, "could not start the GL thread (%s)", strerror(prc));
    }
    pthread_mutex_lock(&rt->mutex);
    while (!rt->started) {
        pthread_cond_wait(&rt->done_cv, &rt->mutex);
    }
    pthread_mutex_unlock(&rt->mutex);
    if (rt->start_rc != 0) {
        pthread_join(rt->thread, NULL);
        if (err != NULL) {
            *err = rt->start_err;
        }
        runtime_free(rt);
        pthread_mutex_unlock(&td_runtime_lock);
        return -1;
    }
    /* The GL thread lives as long as the process: GL objects may be released until exit. */
    pthread_detach(rt->thread);
    td_runtime = rt;
    *out = rt;
    pthread_mutex_unlock(&td_runtime_lock);
    return 0;
}

unsigned
td_gl_generation(void)
{
    return td_generation;
}

td_gl_runtime *
td_gl_runtime_existing(void)
{
    pthread_mutex_lock(&td_runtime_lock);
    td_gl_runtime *rt = td_runtime;
    pthread_mutex_unlock(&td_runtime_lock);
    return rt;
}

static void
enqueue(td_gl_runtime *rt, td_gl_job *job)
{
    job->next = NULL;
    if (rt->tail != NULL) {
        rt->tail->next = job;
    }
    else {
        rt->head = job;
    }
    rt->tail = job;
    pthread_cond_signal(&rt->work_cv);
}

void
td_gl_submit(td_gl_runtime *rt, td_gl_task *task, td_gl_job_fn fn, void *arg, td_err *err)
{
    *task = (td_gl_task){.fn = fn, .arg = arg, .err = err};
    pthread_mutex_lock(&rt->mutex);
    enqueue(rt, task);
    pthread_mutex_unlock(&rt->mutex);
}

int
td_gl_wait(td_gl_runtime *rt, td_gl_task *task)
{
    pthread_mutex_lock(&rt->mutex);
    while (!task->done) {
        pthread_cond_wait(&rt->done_cv, &rt->mutex);
    }
    pthread_mutex_unlock(&rt->mutex);
    return task->rc;
}

int
td_gl_run(td_gl_runtime *rt, td_gl_job_fn fn, void *arg, td_err *err)
{
    td_gl_task task;
    td_gl_submit(rt, &task, fn, arg, err);
    return td_gl_wait(rt, &task);
}

int
td_gl_post(td_gl_runtime *rt, td_gl_post_fn fn, void *arg)
{
    td_gl_job *job = calloc(1, sizeof(*job));
    if (job == NULL) {
        return -1;
    }
    job->post_fn = fn;
    job->arg = arg;
    pthread_mutex_lock(&rt->mutex);
    enqueue(rt, job);
    pthread_mutex_unlock(&rt->mutex);
    return 0;
}

const td_gl_info *
td_gl_runtime_info(const td_gl_runtime *rt)
{
    return &rt->info;
}

td_gl_renderer **
td_gl_runtime_renderer_slot(td_gl_runtime *rt)
{
    return &rt->renderer;
}
