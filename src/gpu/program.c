/* The program cache. See program.h. */
#include "gpu/program.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glad/gl.h>

/* Beyond this many distinct programs the oldest is dropped (a network that keeps editing a
 * material's source must not grow the cache without bound). */
#define TD_PROGRAMS_MAX 128
#define TD_LOG_MAX 900

typedef struct {
    uint64_t hash;
    char *vsrc, *fsrc;
    unsigned int program; /* 0: failed */
    char log[TD_LOG_MAX]; /* failed: what the driver said */
} entry;

struct td_gl_programs {
    entry items[TD_PROGRAMS_MAX];
    size_t count, next; /* next: the slot to replace once full */
};

static uint64_t
fnv1a(uint64_t h, const char *s)
{
    for (; *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    }
    return h;
}

td_gl_programs *
td_gl_programs_new(void)
{
    return calloc(1, sizeof(td_gl_programs));
}

static void
entry_clear(entry *e)
{
    if (e->program != 0) {
        glDeleteProgram(e->program);
    }
    free(e->vsrc);
    free(e->fsrc);
    memset(e, 0, sizeof(*e));
}

void
td_gl_programs_free(td_gl_programs *c)
{
    if (c == NULL) {
        return;
    }
    for (size_t i = 0; i < c->count; i++) {
        entry_clear(&c->items[i]);
    }
    free(c);
}

size_t
td_gl_programs_count(const td_gl_programs *c)
{
    return c->count;
}

static unsigned int
compile(GLenum stage, const char *src, char *log)
{
    GLuint s = glCreateShader(stage);
    const char *what = stage == GL_VERTEX_SHADER ? "vertex" : "fragment";
    if (s == 0) {
        snprintf(log, TD_LOG_MAX, "glCreateShader failed for the %s shader", what);
        return 0;
    }
    glShaderSource(s, 1, &src, NULL);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char driver[TD_LOG_MAX - 64] = "";
        glGetShaderInfoLog(s, sizeof(driver), NULL, driver);
        glDeleteShader(s);
        snprintf(log, TD_LOG_MAX, "%s shader failed to compile: %s", what, driver);
        return 0;
    }
    return s;
}

/* Builds e's program, or leaves program 0 and the reason in e->log. */
static void
build(entry *e)
{
    GLuint vs = compile(GL_VERTEX_SHADER, e->vsrc, e->log);
    GLuint fs = vs != 0 ? compile(GL_FRAGMENT_SHADER, e->fsrc, e->log) : 0;
    if (fs == 0) {
        if (vs != 0) {
            glDeleteShader(vs);
        }
        return;
    }
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char driver[TD_LOG_MAX - 64] = "";
        glGetProgramInfoLog(p, sizeof(driver), NULL, driver);
        glDeleteProgram(p);
        snprintf(e->log, TD_LOG_MAX, "shader program failed to link: %s", driver);
        return;
    }
    e->program = p;
}

int
td_gl_program_get(td_gl_programs *c, const char *vsrc, const char *fsrc, unsigned int *out, td_err *err)
{
    uint64_t h = fnv1a(fnv1a(14695981039346656037ull, vsrc) * 31u, fsrc);
    entry *e = NULL;
    for (size_t i = 0; i < c->count && e == NULL; i++) {
        entry *x = &c->items[i];
        if (x->hash == h && strcmp(x->vsrc, vsrc) == 0 && strcmp(x->fsrc, fsrc) == 0) {
            e = x;
        }
    }
    if (e == NULL) {
        char *vcopy = strdup(vsrc), *fcopy = strdup(fsrc);
        if (vcopy == NULL || fcopy == NULL) {
            free(vcopy);
            free(fcopy);
            return td_err_nomem(err, "shader source");
        }
        if (c->count < TD_PROGRAMS_MAX) {
            e = &c->items[c->count++];
        }
        else {
            e = &c->items[c->next];
            c->next = (c->next + 1) % TD_PROGRAMS_MAX;
            entry_clear(e);
        }
        e->hash = h;
        e->vsrc = vcopy;
        e->fsrc = fcopy;
        build(e);
    }
    if (e->program == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "%s", e->log);
    }
    *out = e->program;
    return 0;
}

td_gl_source *
td_gl_source_new(const char *text, size_t len)
{
    td_gl_source *s = malloc(sizeof(*s) + len + 1);
    if (s == NULL) {
        return NULL;
    }
    atomic_init(&s->refs, 1);
    s->len = len;
    memcpy(s->text, text, len);
    s->text[len] = '\0';
    return s;
}

void
td_gl_source_incref(td_gl_source *s)
{
    atomic_fetch_add_explicit(&s->refs, 1, memory_order_relaxed);
}

void
td_gl_source_decref(td_gl_source *s)
{
    if (s != NULL && atomic_fetch_sub_explicit(&s->refs, 1, memory_order_acq_rel) == 1) {
        free(s);
    }
}
