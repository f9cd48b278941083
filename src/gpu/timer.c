/* td_gl_timer. See timer.h. */
#include "gpu/timer.h"

#include <glad/gl.h>

void
td_gl_timer_begin(td_gl_timer *t)
{
    if (t->queries[0] == 0) {
        glCreateQueries(GL_TIMESTAMP, 2, t->queries);
    }
    /* Timestamps rather than GL_TIME_ELAPSED: llvmpipe reports the time since context creation for
     * the latter. */
    glQueryCounter(t->queries[0], GL_TIMESTAMP);
}

void
td_gl_timer_end(td_gl_timer *t, int ok)
{
    glQueryCounter(t->queries[1], GL_TIMESTAMP);
    t->pending = ok;
}

double
td_gl_timer_resolve(td_gl_timer *t)
{
    if (t->pending) {
        GLuint64 t0 = 0, t1 = 0;
        glGetQueryObjectui64v(t->queries[0], GL_QUERY_RESULT, &t0);
        glGetQueryObjectui64v(t->queries[1], GL_QUERY_RESULT, &t1);
        t->last_ms = t1 > t0 ? (double)(t1 - t0) / 1e6 : 0.0;
        t->pending = 0;
    }
    return t->last_ms;
}

void
td_gl_timer_delete(td_gl_timer *t)
{
    if (t->queries[0] != 0) {
        glDeleteQueries(2, t->queries);
    }
    t->queries[0] = t->queries[1] = 0;
    t->pending = 0;
}
