/* Wavefront .obj reader. See obj.h.
 *
 * One pass over the logical lines (continuations joined into a NUL-terminated scratch line): the
 * elements (v, vt, vn) go into growable arrays, each face or line corner is resolved at once
 * against the elements defined so far and de-duplicated by its (v, vt, vn) triple through an
 * open-addressing hash table, giving the mesh vertex it uses. The mesh is made at the end. Numbers
 * are read in the "C" locale whatever the process's locale is. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strtod_l */
#endif
#include "geom/obj.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX

typedef struct parser {
    const td_obj_limits *lim;
    td_err *err;
    locale_t c_locale;
    unsigned long long line;
    float *pos, *col, *tex, *nrm;                /* 3, 4, 3, 3 floats an element */
    size_t npos, ntex, nnrm, cap_pos, cap_col, cap_tex, cap_nrm;
    int has_col;                                 /* a v statement had a colour */
    uint32_t *keys;                              /* 3 a mesh vertex: v, vt, vn (NONE: none) */
    size_t nverts, cap_keys;
    uint32_t *table;                             /* hash of keys: vertex + 1, 0 empty */
    size_t table_cap;
    uint32_t *start;                             /* nprims + 1 */
    unsigned char *closed;
    uint32_t *pgroup;
    size_t nprims, cap_start, cap_closed, cap_pgroup;
    uint32_t *corners;
    size_t ncorners, cap_corners;
    char **names;
    size_t nnames, cap_names;
    int any_vt, any_vn, missing_vn;
    char *buf;                                   /* the logical line */
    size_t cap_buf;
} parser;

/* Grows *p (of *cap elements of elem bytes) to hold need; 0, or -1 (out of memory). */
static int
grow(void *pp, size_t *cap, size_t need, size_t elem)
{
    void **p = pp;
    if (need <= *cap) {
        return 0;
    }
    size_t c = *cap ? *cap : 64;
    while (c < need) {
        if (c > SIZE_MAX / 4 / elem) {
            return -1;
        }
        c *= 2;
    }
    void *q = realloc(*p, c * elem);
    if (q == NULL) {
        return -1;
    }
    *p = q;
    *cap = c;
    return 0;
}

static int
nomem(parser *ps)
{
    return td_err_nomem(ps->err, "OBJ geometry");
}

/* tok as printable ASCII for a message (at most 40 characters; other bytes as \xNN). */
static const char *
shown(const char *tok, char *out, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; tok[i] != '\0' && o + 5 < n; i++) {
        unsigned char c = (unsigned char)tok[i];
        if (i == 40) {
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        if (c >= 0x20 && c < 0x7f && c != '\'') {
            out[o++] = (char)c;
        }
        else {
            static const char hex[] = "0123456789abcdef";
            out[o++] = '\\';
            out[o++] = 'x';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    out[o] = '\0';
    return out;
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* The next whitespace-separated token of *s, NUL-terminated in place; NULL at the end. */
static char *
next_token(char **s)
{
    char *p = *s;
    while (is_space(*p)) {
        p++;
    }
    if (*p == '\0') {
        *s = p;
        return NULL;
    }
    char *tok = p;
    while (*p != '\0' && !is_space(*p)) {
        p++;
    }
    if (*p != '\0') {
        *p++ = '\0';
    }
    *s = p;
    return tok;
}

static int
limit_error(parser *ps, const char *what)
{
    return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: more than %u %s (the limit)", ps->line,
                      ps->lim->max_elements, what);
}

/* Reads up to max numbers of statement kw from the rest of the line into v; their count in *n,
 * at least min. */
static int
numbers(parser *ps, char **rest, const char *kw, int min, int max, double *v, int *n)
{
    char *tok;
    char tmp[200];
    *n = 0;
    while ((tok = next_token(rest)) != NULL) {
        if (*n == max) {
            return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: %s takes at most %d numbers", ps->line, kw, max);
        }
        char *end;
        double x = strtod_l(tok, &end, ps->c_locale);
        if (end == tok || *end != '\0') {
            return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: %s: '%s' is not a number", ps->line, kw,
                              shown(tok, tmp, sizeof(tmp)));
        }
        if (!isfinite(x) || fabs(x) > FLT_MAX) {
            return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: %s: '%s' is not a finite number", ps->line, kw,
                              shown(tok, tmp, sizeof(tmp)));
        }
        v[(*n)++] = x;
    }
    if (*n < min) {
        return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: %s needs %d numbers, it has %d", ps->line, kw, min, *n);
    }
    return 0;
}

static int
vertex(parser *ps, char **rest)
{
    double v[7];
    int n;
    if (numbers(ps, rest, "v", 3, 7, v, &n) != 0) {
        return -1;
    }
    if (n == 5) {
        return td_err_set(ps->err, TD_ERR_VALUE,
                          "line %llu: v has 5 numbers (x y z [w], or x y z r g b [a] with a colour)", ps->line);
    }
    if (ps->npos >= ps->lim->max_elements) {
        return limit_error(ps, "positions (v)");
    }
    if (grow(&ps->pos, &ps->cap_pos, ps->npos + 1, 3 * sizeof(float)) != 0) {
        return nomem(ps);
    }
    for (int k = 0; k < 3; k++) {
        ps->pos[3 * ps->npos + k] = (float)v[k];
    }
    if (n >= 6 || ps->has_col) {
        size_t old = ps->has_col ? ps->npos : 0;
        if (grow(&ps->col, &ps->cap_col, ps->npos + 1, 4 * sizeof(float)) != 0) {
            return nomem(ps);
        }
        for (size_t i = old; i <= ps->npos; i++) { /* white before the first colour and without one */
            for (int k = 0; k < 4; k++) {
                ps->col[4 * i + k] = 1.0f;
            }
        }
        for (int k = 0; n >= 6 && k < n - 3; k++) {
            ps->col[4 * ps->npos + k] = (float)v[3 + k];
        }
        ps->has_col = 1;
    }
    ps->npos++;
    return 0;
}

/* vt (min 1, max 3 numbers, missing ones 0) and vn (3). */
static int
element(parser *ps, char **rest, const char *kw, int min, int max, float **arr, size_t *count, size_t *cap)
{
    double v[3];
    int n;
    if (numbers(ps, rest, kw, min, max, v, &n) != 0) {
        return -1;
    }
    if (*count >= ps->lim->max_elements) {
        return limit_error(ps, kw[1] == 't' ? "texture vertices (vt)" : "normals (vn)");
    }
    if (grow(arr, cap, *count + 1, 3 * sizeof(float)) != 0) {
        return nomem(ps);
    }
    for (int k = 0; k < 3; k++) {
        (*arr)[3 * *count + k] = k < n ? (float)v[k] : 0.0f;
    }
    (*count)++;
    return 0;
}

/* One index of a corner at *s (advanced past it) into element count, as a 0-based index. */
static int
index_of(parser *ps, const char **s, const char *kw, const char *what, size_t count, const char *tok, uint32_t *out)
{
    char tmp[200];
    const char *p = *s;
    int neg = *p == '-';
    if (*p == '-' || *p == '+') {
        p++;
    }
    if (*p < '0' || *p > '9') {
        return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: %s: '%s' is not a vertex reference (v, v/vt, v//vn or v/vt/vn)",
                          ps->line, kw, shown(tok, tmp, sizeof(tmp)));
    }
    unsigned long long v = 0;
    while (*p >= '0' && *p <= '9') {
        if (v < 100000000000000000ULL) { /* past that it is out of range anyway */
            v = v * 10 + (unsigned long long)(*p - '0');
        }
        p++;
    }
    *s = p;
    if (v == 0) {
        return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: %s: %s index 0 (OBJ indices start at 1, or -1 for the last)",
                          ps->line, kw, what);
    }
    if (v > count) {
        return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: %s: %s index %s%llu is out of range (%zu defined before it)",
                          ps->line, kw, what, neg ? "-" : "", v, count);
    }
    *out = neg ? (uint32_t)(count - v) : (uint32_t)(v - 1);
    return 0;
}

static uint64_t
hash3(const uint32_t *k)
{
    uint64_t h = ((uint64_t)k[0] * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)k[1] * 0xC2B2AE3D27D4EB4FULL) ^
                 ((uint64_t)k[2] * 0x165667B19E3779F9ULL);
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

/* Rebuilds the hash table at twice the size (or its first size). */
static int
rehash(parser *ps)
{
    size_t cap = ps->table_cap ? ps->table_cap * 2 : 1024;
    if (cap > SIZE_MAX / sizeof(uint32_t) / 2) {
        return nomem(ps);
    }
    uint32_t *t = calloc(cap, sizeof(uint32_t));
    if (t == NULL) {
        return nomem(ps);
    }
    for (size_t i = 0; i < ps->nverts; i++) {
        size_t h = (size_t)hash3(ps->keys + 3 * i) & (cap - 1);
        while (t[h] != 0) {
            h = (h + 1) & (cap - 1);
        }
        t[h] = (uint32_t)i + 1;
    }
    free(ps->table);
    ps->table = t;
    ps->table_cap = cap;
    return 0;
}

/* The mesh vertex of corner key (v, vt, vn), made if new; -1 on failure. */
static int
vertex_of(parser *ps, const uint32_t key[3], uint32_t *out)
{
    if ((ps->nverts + 1) * 2 > ps->table_cap && rehash(ps) != 0) {
        return -1;
    }
    size_t mask = ps->table_cap - 1, h = (size_t)hash3(key) & mask;
    while (ps->table[h] != 0) {
        const uint32_t *k = ps->keys + 3 * (ps->table[h] - 1);
        if (k[0] == key[0] && k[1] == key[1] && k[2] == key[2]) {
            *out = ps->table[h] - 1;
            return 0;
        }
        h = (h + 1) & mask;
    }
    if (ps->nverts >= ps->lim->max_elements) {
        return limit_error(ps, "mesh vertices");
    }
    if (grow(&ps->keys, &ps->cap_keys, ps->nverts + 1, 3 * sizeof(uint32_t)) != 0) {
        return nomem(ps);
    }
    memcpy(ps->keys + 3 * ps->nverts, key, 3 * sizeof(uint32_t));
    ps->table[h] = (uint32_t)ps->nverts + 1;
    *out = (uint32_t)ps->nverts++;
    return 0;
}

/* The current group's name entry for a new primitive. */
static uint32_t
group_now(const parser *ps)
{
    return (uint32_t)ps->nnames - 1;
}

/* f (closed) or l (open): its corners become a primitive. */
static int
primitive(parser *ps, char **rest, const char *kw, int closed)
{
    char tmp[200];
    size_t first = ps->ncorners;
    char *tok;
    while ((tok = next_token(rest)) != NULL) {
        uint32_t key[3] = {NONE, NONE, NONE};
        const char *s = tok;
        if (index_of(ps, &s, kw, "vertex", ps->npos, tok, &key[0]) != 0) {
            return -1;
        }
        if (*s == '/') {
            s++;
            if (*s != '/' && index_of(ps, &s, kw, "texture vertex", ps->ntex, tok, &key[1]) != 0) {
                return -1;
            }
            if (*s == '/') {
                s++;
                if (index_of(ps, &s, kw, "normal", ps->nnrm, tok, &key[2]) != 0) {
                    return -1;
                }
            }
        }
        if (*s != '\0') {
            return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: %s: '%s' is not a vertex reference (v, v/vt, v//vn or v/vt/vn)",
                              ps->line, kw, shown(tok, tmp, sizeof(tmp)));
        }
        if (ps->ncorners - first >= ps->lim->max_poly) {
            return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: %s has more than %u vertices (the limit)", ps->line, kw,
                              ps->lim->max_poly);
        }
        if (ps->ncorners >= ps->lim->max_elements) {
            return limit_error(ps, "primitive vertices");
        }
        uint32_t vi = 0;
        if (vertex_of(ps, key, &vi) != 0) {
            return -1;
        }
        if (grow(&ps->corners, &ps->cap_corners, ps->ncorners + 1, sizeof(uint32_t)) != 0) {
            return nomem(ps);
        }
        ps->corners[ps->ncorners++] = vi;
        ps->any_vt |= key[1] != NONE;
        ps->any_vn |= key[2] != NONE;
        ps->missing_vn |= key[2] == NONE;
    }
    size_t n = ps->ncorners - first, need = closed ? 3 : 2;
    if (n < need) {
        return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: %s needs at least %zu vertices, it has %zu", ps->line, kw,
                          need, n);
    }
    if (ps->nprims >= ps->lim->max_elements) {
        return limit_error(ps, "primitives");
    }
    if (grow(&ps->start, &ps->cap_start, ps->nprims + 2, sizeof(uint32_t)) != 0 ||
        grow(&ps->closed, &ps->cap_closed, ps->nprims + 1, 1) != 0 ||
        grow(&ps->pgroup, &ps->cap_pgroup, ps->nprims + 1, sizeof(uint32_t)) != 0) {
        return nomem(ps);
    }
    ps->start[0] = 0;
    ps->start[ps->nprims + 1] = (uint32_t)ps->ncorners;
    ps->closed[ps->nprims] = (unsigned char)closed;
    ps->pgroup[ps->nprims] = group_now(ps);
    ps->nprims++;
    return 0;
}

/* A name entry (copied); 0 or -1. */
static int
add_name(parser *ps, const char *name, size_t len)
{
    if (ps->nnames > 0 && strlen(ps->names[ps->nnames - 1]) == len && memcmp(ps->names[ps->nnames - 1], name, len) == 0) {
        return 0; /* the same group again */
    }
    if (grow(&ps->names, &ps->cap_names, ps->nnames + 1, sizeof(char *)) != 0) {
        return nomem(ps);
    }
    char *copy = malloc(len + 1);
    if (copy == NULL) {
        return nomem(ps);
    }
    memcpy(copy, name, len);
    copy[len] = '\0';
    ps->names[ps->nnames++] = copy;
    return 0;
}

/* o / g: the rest of the line (its names, single-spaced) is the current group. */
static int
group(parser *ps, char **rest)
{
    char *out = *rest, *w = out, *tok;
    while ((tok = next_token(rest)) != NULL) {
        if (w != out) {
            *w++ = ' ';
        }
        size_t n = strlen(tok);
        memmove(w, tok, n);
        w += n;
    }
    if (w == out) {
        return add_name(ps, "default", 7);
    }
    return add_name(ps, out, (size_t)(w - out));
}

static const char *const ignored[] = {
    "usemtl", "mtllib", "s", "mg", "p", "vp", "cstype", "deg", "bmat", "step", "curv", "curv2", "surf", "parm",
    "trim", "hole", "scrv", "sp", "end", "con", "lod", "bevel", "c_interp", "d_interp", "shadow_obj", "trace_obj",
    "ctech", "stech", "maplib", "usemap", "call", "csh", "res",
};

static int
statement(parser *ps, char *line)
{
    char *hash = strchr(line, '#');
    if (hash != NULL) {
        *hash = '\0';
    }
    char *rest = line;
    char *kw = next_token(&rest);
    if (kw == NULL) {
        return 0;
    }
    if (strcmp(kw, "v") == 0) {
        return vertex(ps, &rest);
    }
    if (strcmp(kw, "vt") == 0) {
        return element(ps, &rest, "vt", 1, 3, &ps->tex, &ps->ntex, &ps->cap_tex);
    }
    if (strcmp(kw, "vn") == 0) {
        return element(ps, &rest, "vn", 3, 3, &ps->nrm, &ps->nnrm, &ps->cap_nrm);
    }
    if (strcmp(kw, "f") == 0 || strcmp(kw, "fo") == 0) {
        return primitive(ps, &rest, "f", 1);
    }
    if (strcmp(kw, "l") == 0) {
        return primitive(ps, &rest, "l", 0);
    }
    if (strcmp(kw, "o") == 0 || strcmp(kw, "g") == 0) {
        return group(ps, &rest);
    }
    for (size_t i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++) {
        if (strcmp(kw, ignored[i]) == 0) {
            return 0;
        }
    }
    char tmp[200];
    return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: unknown statement '%s' (not an OBJ file?)", ps->line,
                      shown(kw, tmp, sizeof(tmp)));
}

/* Every logical line of the input through statement(). */
static int
read_lines(parser *ps, const unsigned char *d, size_t size)
{
    size_t i = 0;
    if (size >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) {
        i = 3; /* a UTF-8 byte order mark */
    }
    unsigned long long physical = 0;
    while (i < size) {
        size_t len = 0;
        ps->line = physical + 1;
        for (;;) {
            physical++;
            const unsigned char *nl = memchr(d + i, '\n', size - i);
            size_t j = nl != NULL ? (size_t)(nl - d) : size, e = j;
            if (e > i && d[e - 1] == '\r') {
                e--;
            }
            int more = e > i && d[e - 1] == '\\';
            e -= (size_t)more;
            if (memchr(d + i, '\0', e - i) != NULL) {
                return td_err_set(ps->err, TD_ERR_VALUE, "line %llu: a NUL byte (not a text file)", physical);
            }
            if (grow(&ps->buf, &ps->cap_buf, len + (e - i) + 2, 1) != 0) {
                return nomem(ps);
            }
            memcpy(ps->buf + len, d + i, e - i);
            len += e - i;
            i = j < size ? j + 1 : j;
            if (!more || i >= size) {
                break;
            }
            ps->buf[len++] = ' '; /* the joined line's parts stay apart */
        }
        ps->buf[len] = '\0';
        if (statement(ps, ps->buf) != 0) {
            return -1;
        }
    }
    return 0;
}

/* Positions no primitive uses, as vertices of their own. */
static int
unused_positions(parser *ps)
{
    if (ps->npos == 0) {
        return 0;
    }
    unsigned char *used = calloc(ps->npos, 1);
    if (used == NULL) {
        return nomem(ps);
    }
    for (size_t i = 0; i < ps->nverts; i++) {
        used[ps->keys[3 * i]] = 1;
    }
    int rc = 0;
    for (size_t p = 0; p < ps->npos && rc == 0; p++) {
        if (!used[p]) {
            if (ps->nverts >= ps->lim->max_elements) {
                rc = limit_error(ps, "mesh vertices");
            }
            else if (grow(&ps->keys, &ps->cap_keys, ps->nverts + 1, 3 * sizeof(uint32_t)) != 0) {
                rc = nomem(ps);
            }
            else {
                uint32_t *k = ps->keys + 3 * ps->nverts++;
                k[0] = (uint32_t)p;
                k[1] = k[2] = NONE;
            }
        }
    }
    free(used);
    return rc;
}

/* Per position: the normalised sum of the (area-weighted, Newell) normals of the closed
 * primitives using it; (0, 0, 1) for one no polygon uses. NULL if out of memory. */
static float *
position_normals(parser *ps, const td_mesh *m)
{
    double *acc = calloc(ps->npos ? ps->npos * 3 : 1, sizeof(double));
    float *out = malloc((ps->npos ? ps->npos : 1) * 3 * sizeof(float));
    if (acc == NULL || out == NULL) {
        free(acc);
        free(out);
        return NULL;
    }
    for (uint32_t p = 0; p < m->nprims; p++) {
        if (!m->prim_closed[p]) {
            continue;
        }
        uint32_t a = m->prim_start[p], b = m->prim_start[p + 1];
        double n[3] = {0, 0, 0};
        for (uint32_t i = a; i < b; i++) {
            const float *c = ps->pos + 3 * ps->keys[3 * m->prim_verts[i]];
            const float *d = ps->pos + 3 * ps->keys[3 * m->prim_verts[i + 1 < b ? i + 1 : a]];
            n[0] += ((double)c[1] - d[1]) * ((double)c[2] + d[2]);
            n[1] += ((double)c[2] - d[2]) * ((double)c[0] + d[0]);
            n[2] += ((double)c[0] - d[0]) * ((double)c[1] + d[1]);
        }
        for (uint32_t i = a; i < b; i++) {
            double *t = acc + 3 * ps->keys[3 * m->prim_verts[i]];
            t[0] += n[0];
            t[1] += n[1];
            t[2] += n[2];
        }
    }
    for (size_t i = 0; i < ps->npos; i++) {
        const double *t = acc + 3 * i;
        double len = sqrt(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]);
        for (int k = 0; k < 3; k++) {
            out[3 * i + k] = len > 0.0 && isfinite(len) ? (float)(t[k] / len) : (k == 2 ? 1.0f : 0.0f);
        }
    }
    free(acc);
    return out;
}

/* The finished mesh from the parsed file; NULL with err filled. */
static td_mesh *
make_mesh(parser *ps, const td_obj_options *opt)
{
    td_mesh *m = td_mesh_new_polys((uint32_t)ps->nverts, (uint32_t)ps->nprims, (uint32_t)ps->ncorners, ps->err);
    if (m == NULL) {
        return NULL;
    }
    if (ps->nprims > 0) {
        memcpy(m->prim_start + 1, ps->start + 1, ps->nprims * sizeof(uint32_t));
        memcpy(m->prim_closed, ps->closed, ps->nprims);
    }
    if (ps->ncorners > 0) {
        memcpy(m->prim_verts, ps->corners, ps->ncorners * sizeof(uint32_t));
    }
    for (uint32_t p = 0; opt->flip && p < m->nprims; p++) {
        for (uint32_t a = m->prim_start[p], b = m->prim_start[p + 1]; a + 1 < b; a++, b--) {
            uint32_t t = m->prim_verts[a];
            m->prim_verts[a] = m->prim_verts[b - 1];
            m->prim_verts[b - 1] = t;
        }
    }
    float *P = td_mesh_add_attr(m, "P", 3, ps->err);
    if (P == NULL) {
        goto fail;
    }
    for (size_t i = 0; i < ps->nverts; i++) {
        memcpy(P + 3 * i, ps->pos + 3 * ps->keys[3 * i], 3 * sizeof(float));
    }
    int computed = opt->compute_normals && (ps->missing_vn || !ps->any_vn) && ps->nverts > 0;
    if (ps->any_vn || computed) {
        float *N = td_mesh_add_attr(m, "N", 3, ps->err);
        float *pn = computed ? position_normals(ps, m) : NULL;
        if (N == NULL || (computed && pn == NULL)) {
            free(pn);
            if (N != NULL) {
                td_err_nomem(ps->err, "OBJ normals");
            }
            goto fail;
        }
        float sign = opt->flip ? -1.0f : 1.0f;
        for (size_t i = 0; i < ps->nverts; i++) {
            const uint32_t *k = ps->keys + 3 * i;
            for (int c = 0; c < 3; c++) {
                N[3 * i + c] = k[2] != NONE ? sign * ps->nrm[3 * k[2] + c] : pn != NULL ? pn[3 * k[0] + c] : c == 2;
            }
        }
        free(pn);
    }
    if (ps->any_vt) {
        float *uv = td_mesh_add_attr(m, "uv", 3, ps->err);
        if (uv == NULL) {
            goto fail;
        }
        for (size_t i = 0; i < ps->nverts; i++) {
            uint32_t t = ps->keys[3 * i + 1];
            if (t != NONE) {
                memcpy(uv + 3 * i, ps->tex + 3 * t, 3 * sizeof(float));
            }
        }
    }
    if (ps->has_col) {
        float *cd = td_mesh_add_attr(m, "Cd", 4, ps->err);
        if (cd == NULL) {
            goto fail;
        }
        for (size_t i = 0; i < ps->nverts; i++) {
            memcpy(cd + 4 * i, ps->col + 4 * ps->keys[3 * i], 4 * sizeof(float));
        }
    }
    if (td_mesh_finish(m, ps->err) != 0) {
        goto fail;
    }
    return m;
fail:
    td_mesh_decref(m);
    return NULL;
}

static void
free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
    }
    free(names);
}

static void
parser_free(parser *ps)
{
    free(ps->pos);
    free(ps->col);
    free(ps->tex);
    free(ps->nrm);
    free(ps->keys);
    free(ps->table);
    free(ps->start);
    free(ps->closed);
    free(ps->pgroup);
    free(ps->corners);
    free_names(ps->names, ps->nnames);
    free(ps->buf);
    if (ps->c_locale != (locale_t)0) {
        freelocale(ps->c_locale);
    }
}

int
td_obj_parse(const void *data, size_t size, const td_obj_options *opt, const td_obj_limits *lim, td_mesh **out,
             td_obj_groups *groups, td_err *err)
{
    static const td_obj_limits defaults = {TD_OBJ_MAX_BYTES, TD_OBJ_MAX_ELEMENTS, TD_OBJ_MAX_POLY};
    static const td_obj_options plain = {0, 0};
    *out = NULL;
    if (groups != NULL) {
        memset(groups, 0, sizeof(*groups));
    }
    parser ps;
    memset(&ps, 0, sizeof(ps));
    ps.lim = lim != NULL ? lim : &defaults;
    ps.err = err;
    opt = opt != NULL ? opt : &plain;
    if ((uint64_t)size > ps.lim->max_bytes) {
        return td_err_set(err, TD_ERR_VALUE, "the OBJ data is %zu bytes, over the limit of %llu", size,
                          (unsigned long long)ps.lim->max_bytes);
    }
    ps.c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    int rc = -1;
    if (ps.c_locale == (locale_t)0) {
        nomem(&ps);
    }
    else if (add_name(&ps, "default", 7) == 0 && read_lines(&ps, data, size) == 0 && unused_positions(&ps) == 0) {
        *out = make_mesh(&ps, opt);
        rc = *out != NULL ? 0 : -1;
    }
    if (rc == 0 && groups != NULL) {
        groups->prim_group = malloc((ps.nprims ? ps.nprims : 1) * sizeof(uint32_t));
        if (groups->prim_group == NULL) {
            td_mesh_decref(*out);
            *out = NULL;
            rc = nomem(&ps);
        }
        else {
            if (ps.nprims > 0) {
                memcpy(groups->prim_group, ps.pgroup, ps.nprims * sizeof(uint32_t));
            }
            groups->nprims = (uint32_t)ps.nprims;
            groups->names = ps.names;
            groups->nnames = (uint32_t)ps.nnames;
            ps.names = NULL;
            ps.nnames = 0;
        }
    }
    parser_free(&ps);
    return rc;
}

void
td_obj_groups_free(td_obj_groups *g)
{
    if (g == NULL) {
        return;
    }
    free_names(g->names, g->nnames);
    free(g->prim_group);
    memset(g, 0, sizeof(*g));
}
