/* td_gl_timer: GPU time of a stretch of GL commands, from two GL_TIMESTAMP queries whose results
 * are fetched later (never stalling the commands they time). GL thread only. Plain C, no Python. */
#ifndef TD_GPU_TIMER_H
#define TD_GPU_TIMER_H

typedef struct td_gl_timer {
    unsigned int queries[2]; /* before and after */
    int pending;             /* results not fetched yet */
    double last_ms;          /* the last fetched duration */
} td_gl_timer;

void td_gl_timer_begin(td_gl_timer *t);
/* ok = 0: the stretch failed, nothing to fetch. */
void td_gl_timer_end(td_gl_timer *t, int ok);
/* Fetches the pending result into last_ms (waits for it) and returns last_ms. */
double td_gl_timer_resolve(td_gl_timer *t);
void td_gl_timer_delete(td_gl_timer *t);

#endif
