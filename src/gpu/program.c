/* The program cache. See program.h. */
#include "gpu/program.h"

#include "gpu/glsl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glad/gl.h>

/* Beyond this many distinct programs the oldest is dropped (a network that keeps editing a
 * material's source must not grow the cache without bound). */
#define TD_PROGRAMS_MAX 128
#define TD_LOG_MAX 900

typedef struct {
    uint64_t hash;
    char *vsrc, *gsrc, *fsrc; /* gsrc NULL: no geometry stage */
    unsigned int program; /* 0: failed */
    unsigned outputs;     /* bit N: the fragment stage writes an output at location N */
    uint64_t uniforms_key; /* the names uniforms[] were looked up for (a hash; 0: none yet) */
    size_t nuniforms;
    td_gl_uniform uniforms[TD_PROGRAM_UNIFORMS];
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
    free(e->gsrc);
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

/* The line of the first error a driver's log names: Mesa writes "0:12(3): error: ...", NVIDIA
 * "0(12) : error C0000: ..."; 0 if none is found. */
static long
error_line(const char *log)
{
    for (const char *p = log; *p != '\0';) {
        const char *end = strchr(p, '\n');
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
        char line[256];
        snprintf(line, sizeof(line), "%.*s", (int)(n < sizeof(line) - 1 ? n : sizeof(line) - 1), p);
        if (strstr(line, "error") != NULL) {
            char *q = line;
            long src = strtol(q, &q, 10);
            (void)src;
            if (*q == ':' || *q == '(') {
                long at = strtol(q + 1, &q, 10);
                if (at > 0 && (*q == '(' || *q == ')' || *q == ':')) {
                    return at;
                }
            }
        }
        p += n + (end != NULL);
    }
    return 0;
}

static unsigned int
compile(GLenum stage, const char *what, const char *src, char *log)
{
    GLuint s = glCreateShader(stage);
    if (s == 0) {
        snprintf(log, TD_LOG_MAX, "glCreateShader failed for the %s shader", what);
        return 0;
    }
    glShaderSource(s, 1, &src, NULL);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char driver[TD_LOG_MAX - 96] = "";
        glGetShaderInfoLog(s, sizeof(driver), NULL, driver);
        glDeleteShader(s);
        for (size_t n = strlen(driver); n > 0 && (driver[n - 1] == '\n' || driver[n - 1] == ' '); n--) {
            driver[n - 1] = '\0';
        }
        long line = error_line(driver);
        if (line > 0) {
            snprintf(log, TD_LOG_MAX, "%s shader failed to compile at line %ld: %s", what, line, driver);
        }
        else {
            snprintf(log, TD_LOG_MAX, "%s shader failed to compile: %s", what, driver);
        }
        return 0;
    }
    return s;
}

/* The locations a program's fragment outputs take (an array output takes one per element). */
static unsigned
fragment_outputs(GLuint p)
{
    GLint n = 0;
    glGetProgramInterfaceiv(p, GL_PROGRAM_OUTPUT, GL_ACTIVE_RESOURCES, &n);
    unsigned bits = 0;
    for (GLint i = 0; i < n; i++) {
        const GLenum props[2] = {GL_LOCATION, GL_ARRAY_SIZE};
        GLint v[2] = {-1, 1};
        glGetProgramResourceiv(p, GL_PROGRAM_OUTPUT, (GLuint)i, 2, props, 2, NULL, v);
        for (GLint k = 0; v[0] >= 0 && k < (v[1] > 0 ? v[1] : 1) && v[0] + k < 32; k++) {
            bits |= 1u << (v[0] + k);
        }
    }
    return bits;
}

/* Builds e's program, or leaves program 0 and the reason in e->log. */
static void
build(entry *e, const char *fragment_word)
{
    GLuint vs = compile(GL_VERTEX_SHADER, "vertex", e->vsrc, e->log);
    GLuint gs = vs != 0 && e->gsrc != NULL ? compile(GL_GEOMETRY_SHADER, "geometry", e->gsrc, e->log) : 0;
    GLuint fs = vs != 0 && (e->gsrc == NULL || gs != 0) ? compile(GL_FRAGMENT_SHADER, fragment_word, e->fsrc, e->log) : 0;
    if (fs == 0) {
        if (vs != 0) {
            glDeleteShader(vs);
        }
        if (gs != 0) {
            glDeleteShader(gs);
        }
        return;
    }
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    if (gs != 0) {
        glAttachShader(p, gs);
    }
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    if (gs != 0) {
        glDeleteShader(gs);
    }
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
    e->outputs = fragment_outputs(p);
}

static int
same(const char *a, const char *b)
{
    return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

int
td_gl_program_build(td_gl_programs *c, const char *vsrc, const char *gsrc, const char *fsrc,
                    const char *fragment_word, unsigned int *out, td_err *err)
{
    uint64_t h = fnv1a(fnv1a(14695981039346656037ull, vsrc) * 31u, fsrc);
    if (gsrc != NULL) {
        h = fnv1a(h * 31u + 1u, gsrc);
    }
    h = fnv1a(h, fragment_word);
    entry *e = NULL;
    for (size_t i = 0; i < c->count && e == NULL; i++) {
        entry *x = &c->items[i];
        if (x->hash == h && strcmp(x->vsrc, vsrc) == 0 && same(x->gsrc, gsrc) && strcmp(x->fsrc, fsrc) == 0) {
            e = x;
        }
    }
    if (e == NULL) {
        char *vcopy = strdup(vsrc), *fcopy = strdup(fsrc), *gcopy = gsrc != NULL ? strdup(gsrc) : NULL;
        if (vcopy == NULL || fcopy == NULL || (gsrc != NULL && gcopy == NULL)) {
            free(vcopy);
            free(fcopy);
            free(gcopy);
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
        e->gsrc = gcopy;
        e->fsrc = fcopy;
        build(e, fragment_word);
    }
    if (e->program == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "%s", e->log);
    }
    *out = e->program;
    return 0;
}

int
td_gl_program_get(td_gl_programs *c, const char *vsrc, const char *fsrc, unsigned int *out, td_err *err)
{
    return td_gl_program_build(c, vsrc, NULL, fsrc, "fragment", out, err);
}

static entry *
find_program(td_gl_programs *c, unsigned int program)
{
    for (size_t i = 0; i < c->count; i++) {
        if (c->items[i].program == program && program != 0) {
            return &c->items[i];
        }
    }
    return NULL;
}

unsigned
td_gl_program_outputs(td_gl_programs *c, unsigned int program)
{
    entry *e = find_program(c, program);
    return e != NULL ? e->outputs : 1u;
}

const td_gl_uniform *
td_gl_program_uniforms(td_gl_programs *c, unsigned int program, const char *const *names, size_t n)
{
    entry *e = find_program(c, program);
    if (e == NULL || n > TD_PROGRAM_UNIFORMS) {
        return NULL;
    }
    uint64_t key = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++) {
        key = fnv1a(key * 31u + 7u, names[i]);
    }
    key = key != 0 ? key : 1;
    if (e->uniforms_key != key || e->nuniforms != n) {
        for (size_t i = 0; i < n; i++) {
            td_gl_uniform *u = &e->uniforms[i];
            u->location = names[i][0] != '\0' ? glGetUniformLocation(e->program, names[i]) : -1;
            u->type = 0;
            GLuint index = GL_INVALID_INDEX;
            if (u->location >= 0) {
                index = glGetProgramResourceIndex(e->program, GL_UNIFORM, names[i]);
            }
            if (index != GL_INVALID_INDEX) {
                const GLenum prop = GL_TYPE;
                GLint type = 0;
                glGetProgramResourceiv(e->program, GL_UNIFORM, index, 1, &prop, 1, NULL, &type);
                u->type = (unsigned)type;
            }
        }
        e->uniforms_key = key;
        e->nuniforms = n;
    }
    return e->uniforms;
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
    s->glsl = NULL;
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
        td_gl_glsl_free(s->glsl);
        free(s);
    }
}
