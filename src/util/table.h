/* td_table: a growable table of cells, each a UTF-8 string, in plain C (a DAT's contents), and the
 * tab/newline text form tables are read from and written as. Every function that can fail returns
 * 0, or -1 with err filled (out of memory) and the table unchanged. */
#ifndef TD_UTIL_TABLE_H
#define TD_UTIL_TABLE_H

#include <stddef.h>

#include "util/err.h"

/* The most cells a table may have (rows x columns): larger sizes fail with TD_ERR_VALUE. */
#define TD_TABLE_MAX_CELLS ((size_t)1 << 26)

typedef struct td_cell {
    char *s;    /* NUL-terminated; NULL for "" */
    size_t len; /* bytes, without the NUL */
} td_cell;

typedef struct td_table {
    size_t nrows, ncols;
    td_cell **rows; /* nrows rows of ncols cells */
    size_t cap;     /* room in rows */
} td_table;

void td_table_init(td_table *t);
void td_table_free(td_table *t);
/* The cell's text ("" for an empty cell); valid until the cell changes. */
const char *td_table_get(const td_table *t, size_t r, size_t c, size_t *len);
/* Sets cell (r, c), which must exist, to a copy of s[0, len). */
int td_table_set(td_table *t, size_t r, size_t c, const char *s, size_t len, td_err *err);
/* Exactly nrows x ncols: new cells are empty, cells outside are dropped. */
int td_table_resize(td_table *t, size_t nrows, size_t ncols, td_err *err);
/* An empty row before row at (at == nrows appends) / an empty column before column at. */
int td_table_insert_row(td_table *t, size_t at, td_err *err);
int td_table_insert_col(td_table *t, size_t at, td_err *err);
void td_table_delete_row(td_table *t, size_t at);
void td_table_delete_col(td_table *t, size_t at);
/* Moves src's cells into dst (dst's old cells are freed; src is left empty). */
void td_table_move(td_table *dst, td_table *src);
int td_table_copy(td_table *dst, const td_table *src, td_err *err);
/* Parses text: rows end at '\n' (a '\r' before it is dropped, a last '\n' ends the last row),
 * cells are separated by '\t'; short rows are padded with empty cells. Into a fresh table out.
 * skip_blank drops empty lines instead of making them empty rows. */
int td_table_parse(const char *text, size_t len, int skip_blank, td_table *out, td_err *err);
/* Parses CSV (RFC 4180: ',' separators, '"' quotes with '""' for a quote, quoted cells may hold
 * newlines), likewise. */
int td_table_parse_csv(const char *text, size_t len, td_table *out, td_err *err);
/* The text form: cells joined by '\t', each row ended by '\n'; newlines ('\n', '\r') inside
 * cells are removed. A malloc'd NUL-terminated string (*len bytes), or NULL on no memory. */
char *td_table_format(const td_table *t, size_t *len);
/* The number of bytes the table's cells hold. */
size_t td_table_bytes(const td_table *t);

#endif
