/* td_table: plain-C storage of a DAT's cells and its text and CSV forms (util/table.h). */
#include "util/table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int
no_memory(td_err *err)
{
    return td_err_set(err, TD_ERR_MEMORY, "out of memory for a table");
}

/* s[0:len] as a new NUL-terminated string in *out (NULL for an empty one). */
static int
copy_bytes(const char *s, size_t len, char **out, td_err *err)
{
    *out = NULL;
    if (len > 0) {
        if ((*out = malloc(len + 1)) == NULL) {
            return no_memory(err);
        }
        memcpy(*out, s, len);
        (*out)[len] = '\0';
    }
    return 0;
}

static void
free_row(td_cell *row, size_t ncols)
{
    for (size_t c = 0; row != NULL && c < ncols; c++) {
        free(row[c].s);
    }
    free(row);
}

void
td_table_init(td_table *t)
{
    memset(t, 0, sizeof(*t));
}

void
td_table_free(td_table *t)
{
    for (size_t r = 0; r < t->nrows; r++) {
        free_row(t->rows[r], t->ncols);
    }
    free(t->rows);
    td_table_init(t);
}

const char *
td_table_get(const td_table *t, size_t r, size_t c, size_t *len)
{
    const td_cell *cell = &t->rows[r][c];
    if (len != NULL) {
        *len = cell->len;
    }
    return cell->s != NULL ? cell->s : "";
}

int
td_table_set(td_table *t, size_t r, size_t c, const char *s, size_t len, td_err *err)
{
    char *copy = NULL;
    if (copy_bytes(s, len, &copy, err) != 0) {
        return -1;
    }
    td_cell *cell = &t->rows[r][c];
    free(cell->s);
    cell->s = copy;
    cell->len = len;
    return 0;
}

/* Room for n rows in t->rows. */
static int
reserve(td_table *t, size_t n, td_err *err)
{
    if (n <= t->cap) {
        return 0;
    }
    size_t cap = t->cap > 0 ? t->cap : 8;
    while (cap < n) {
        if (cap > SIZE_MAX / 2 / sizeof(td_cell *)) {
            return no_memory(err);
        }
        cap *= 2;
    }
    td_cell **rows = realloc(t->rows, cap * sizeof(td_cell *));
    if (rows == NULL) {
        return no_memory(err);
    }
    t->rows = rows;
    t->cap = cap;
    return 0;
}

static td_cell *
new_row(size_t ncols)
{
    return calloc(ncols > 0 ? ncols : 1, sizeof(td_cell));
}

static int
too_large(size_t nrows, size_t ncols, td_err *err)
{
    if (nrows > TD_TABLE_MAX_CELLS || ncols > TD_TABLE_MAX_CELLS ||
        (nrows > 0 && ncols > TD_TABLE_MAX_CELLS / nrows)) {
        return td_err_set(err, TD_ERR_VALUE, "a table of %zu x %zu cells is larger than the %zu cells allowed",
                          nrows, ncols, TD_TABLE_MAX_CELLS);
    }
    return 0;
}

int
td_table_resize(td_table *t, size_t nrows, size_t ncols, td_err *err)
{
    if (too_large(nrows, ncols, err) < 0) {
        return -1;
    }
    if (ncols > SIZE_MAX / sizeof(td_cell) || reserve(t, nrows, err) < 0) {
        return ncols > SIZE_MAX / sizeof(td_cell) ? no_memory(err) : -1;
    }
    /* New rows and the resized kept rows are made first, so a failure changes nothing. */
    size_t keep = nrows < t->nrows ? nrows : t->nrows;
    td_cell **fresh = calloc(nrows > 0 ? nrows : 1, sizeof(td_cell *));
    if (fresh == NULL) {
        return no_memory(err);
    }
    for (size_t r = 0; r < nrows; r++) {
        fresh[r] = new_row(ncols);
        if (fresh[r] == NULL) {
            for (size_t k = 0; k < r; k++) {
                free(fresh[k]);
            }
            free(fresh);
            return no_memory(err);
        }
    }
    size_t cols = ncols < t->ncols ? ncols : t->ncols;
    for (size_t r = 0; r < keep; r++) {
        memcpy(fresh[r], t->rows[r], cols * sizeof(td_cell));
        for (size_t c = cols; c < t->ncols; c++) {
            free(t->rows[r][c].s);
        }
        free(t->rows[r]);
    }
    for (size_t r = keep; r < t->nrows; r++) {
        free_row(t->rows[r], t->ncols);
    }
    if (nrows > 0) {
        memcpy(t->rows, fresh, nrows * sizeof(td_cell *));
    }
    free(fresh);
    t->nrows = nrows;
    t->ncols = ncols;
    return 0;
}

int
td_table_insert_row(td_table *t, size_t at, td_err *err)
{
    if (too_large(t->nrows + 1, t->ncols, err) < 0) {
        return -1;
    }
    if (reserve(t, t->nrows + 1, err) < 0) {
        return -1;
    }
    td_cell *row = new_row(t->ncols);
    if (row == NULL) {
        return no_memory(err);
    }
    memmove(&t->rows[at + 1], &t->rows[at], (t->nrows - at) * sizeof(td_cell *));
    t->rows[at] = row;
    t->nrows++;
    return 0;
}

int
td_table_insert_col(td_table *t, size_t at, td_err *err)
{
    size_t n = t->ncols + 1;
    if (too_large(t->nrows, n, err) < 0) {
        return -1;
    }
    /* All the wider rows first, so a failure changes nothing. */
    td_cell **wide = calloc(t->nrows > 0 ? t->nrows : 1, sizeof(td_cell *));
    if (wide == NULL) {
        return no_memory(err);
    }
    for (size_t r = 0; r < t->nrows; r++) {
        wide[r] = new_row(n);
        if (wide[r] == NULL) {
            for (size_t k = 0; k < r; k++) {
                free(wide[k]);
            }
            free(wide);
            return no_memory(err);
        }
    }
    for (size_t r = 0; r < t->nrows; r++) {
        memcpy(wide[r], t->rows[r], at * sizeof(td_cell));
        memcpy(wide[r] + at + 1, t->rows[r] + at, (t->ncols - at) * sizeof(td_cell));
        free(t->rows[r]);
        t->rows[r] = wide[r];
    }
    free(wide);
    t->ncols = n;
    return 0;
}

void
td_table_delete_row(td_table *t, size_t at)
{
    free_row(t->rows[at], t->ncols);
    memmove(&t->rows[at], &t->rows[at + 1], (t->nrows - at - 1) * sizeof(td_cell *));
    t->nrows--;
}

void
td_table_delete_col(td_table *t, size_t at)
{
    for (size_t r = 0; r < t->nrows; r++) {
        free(t->rows[r][at].s);
        memmove(&t->rows[r][at], &t->rows[r][at + 1], (t->ncols - at - 1) * sizeof(td_cell));
    }
    t->ncols--;
}

void
td_table_move(td_table *dst, td_table *src)
{
    td_table_free(dst);
    *dst = *src;
    td_table_init(src);
}

int
td_table_copy(td_table *dst, const td_table *src, td_err *err)
{
    td_table t;
    td_table_init(&t);
    if (td_table_resize(&t, src->nrows, src->ncols, err) < 0) {
        return -1;
    }
    for (size_t r = 0; r < src->nrows; r++) {
        for (size_t c = 0; c < src->ncols; c++) {
            size_t len;
            const char *s = td_table_get(src, r, c, &len);
            if (td_table_set(&t, r, c, s, len, err) < 0) {
                td_table_free(&t);
                return -1;
            }
        }
    }
    td_table_move(dst, &t);
    return 0;
}

/* ---- parsing: cells are gathered as (start, length) spans, then the table is made ---- */

typedef struct {
    size_t row;
    char *s; /* owned, NUL-terminated, or NULL for "" */
    size_t len;
} span;

typedef struct {
    span *v;
    size_t n, cap;
    size_t nrows, ncols, col; /* the row and column the next cell goes to */
} spans;

static int
push(spans *sp, const char *s, size_t len, td_err *err)
{
    if (sp->n == sp->cap) {
        size_t cap = sp->cap > 0 ? sp->cap * 2 : 64;
        span *v = cap < SIZE_MAX / sizeof(span) ? realloc(sp->v, cap * sizeof(span)) : NULL;
        if (v == NULL) {
            return no_memory(err);
        }
        sp->v = v;
        sp->cap = cap;
    }
    char *copy = NULL;
    if (copy_bytes(s, len, &copy, err) != 0) {
        return -1;
    }
    sp->v[sp->n++] = (span){.row = sp->nrows, .s = copy, .len = len};
    sp->col++;
    if (sp->col > sp->ncols) {
        sp->ncols = sp->col;
    }
    return 0;
}

static void
end_row(spans *sp)
{
    sp->nrows++;
    sp->col = 0;
}

static void
spans_free(spans *sp)
{
    for (size_t i = 0; i < sp->n; i++) {
        free(sp->v[i].s);
    }
    free(sp->v);
}

/* Makes out from the spans (their strings move into the table). */
static int
spans_table(spans *sp, td_table *out, td_err *err)
{
    td_table t;
    td_table_init(&t);
    if (td_table_resize(&t, sp->nrows, sp->ncols, err) < 0) {
        spans_free(sp);
        return -1;
    }
    size_t row = SIZE_MAX, col = 0;
    for (size_t i = 0; i < sp->n; i++) {
        if (sp->v[i].row != row) {
            row = sp->v[i].row;
            col = 0;
        }
        t.rows[row][col].s = sp->v[i].s;
        t.rows[row][col].len = sp->v[i].len;
        sp->v[i].s = NULL;
        col++;
    }
    spans_free(sp);
    td_table_move(out, &t);
    return 0;
}

int
td_table_parse(const char *text, size_t len, int skip_blank, td_table *out, td_err *err)
{
    spans sp = {0};
    size_t start = 0;
    while (start < len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl != NULL ? (size_t)(nl - text) : len;
        size_t line_end = end > start && text[end - 1] == '\r' ? end - 1 : end;
        if (!(skip_blank && line_end == start)) {
            size_t cell = start;
            for (size_t i = start; i <= line_end; i++) {
                if (i == line_end || text[i] == '\t') {
                    if (push(&sp, text + cell, i - cell, err) < 0) {
                        spans_free(&sp);
                        return -1;
                    }
                    cell = i + 1;
                }
            }
            end_row(&sp);
        }
        start = end + 1;
    }
    return spans_table(&sp, out, err);
}

int
td_table_parse_csv(const char *text, size_t len, td_table *out, td_err *err)
{
    spans sp = {0};
    char *buf = malloc(len + 1); /* an unquoted cell is never longer than the text */
    if (buf == NULL) {
        return no_memory(err);
    }
    size_t i = 0;
    while (i < len) {
        /* one row */
        for (;;) {
            size_t n = 0;
            if (i < len && text[i] == '"') {
                i++;
                while (i < len) {
                    if (text[i] == '"') {
                        if (i + 1 < len && text[i + 1] == '"') {
                            buf[n++] = '"';
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    buf[n++] = text[i++];
                }
            }
            while (i < len && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                buf[n++] = text[i++]; /* after a closing quote, or an unquoted cell */
            }
            if (push(&sp, buf, n, err) < 0) {
                free(buf);
                spans_free(&sp);
                return -1;
            }
            if (i < len && text[i] == ',') {
                i++;
                continue;
            }
            break;
        }
        if (i < len && text[i] == '\r') {
            i++;
        }
        if (i < len && text[i] == '\n') {
            i++;
        }
        end_row(&sp);
    }
    free(buf);
    return spans_table(&sp, out, err);
}

char *
td_table_format(const td_table *t, size_t *len)
{
    size_t n = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            n += t->rows[r][c].len + 1; /* the cell and its '\t' or '\n' */
        }
        n += t->ncols == 0 ? 1 : 0;
    }
    char *out = malloc(n + 1);
    if (out == NULL) {
        return NULL;
    }
    size_t k = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const td_cell *cell = &t->rows[r][c];
            for (size_t i = 0; i < cell->len; i++) {
                if (cell->s[i] != '\n' && cell->s[i] != '\r') {
                    out[k++] = cell->s[i];
                }
            }
            if (c + 1 < t->ncols) {
                out[k++] = '\t';
            }
        }
        out[k++] = '\n';
    }
    out[k] = '\0';
    if (len != NULL) {
        *len = k;
    }
    return out;
}

size_t
td_table_bytes(const td_table *t)
{
    size_t n = t->cap * sizeof(td_cell *);
    for (size_t r = 0; r < t->nrows; r++) {
        n += t->ncols * sizeof(td_cell);
        for (size_t c = 0; c < t->ncols; c++) {
            n += t->rows[r][c].len;
        }
    }
    return n;
}
