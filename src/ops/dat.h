/* DATs: operators holding text (textDAT) or a table of string cells (tableDAT). Their contents are
 * plain C (a td_table, util/table.h, or a text buffer) owned by the OP's ext; every change bumps the
 * network's change serial (td_op_touch) so expressions that read a DAT are evaluated again. */
#ifndef TD_OPS_DAT_H
#define TD_OPS_DAT_H

#include "graph/op.h"
#include "util/table.h"

/* The DAT family's protocol (td_op_class.proto of every DAT). */
typedef struct td_dat_class {
    int table;                  /* 1: the contents are a table (tableDAT), 0: text (textDAT) */
    Py_ssize_t par_file;        /* the 'file' parameter's index */
    Py_ssize_t par_load_pulse;  /* a pulse that reloads the file, or -1 */
    Py_ssize_t par_removeblank; /* the 'removeblank' toggle, or -1 */
    /* A DAT whose contents are made from its inputs and parameters (renderpickDAT) rather than
     * edited or loaded from a file: fills them when the DAT cooks (every read of its contents;
     * force: OP.cook(force=True)). NULL for the other DATs. 0, or -1 with a Python error. */
    int (*compute)(TdOp *dat, int force);
} td_dat_class;

/* A DAT's contents. */
typedef struct td_dat_data {
    char *text;       /* textDAT: NUL-terminated, text_len bytes; NULL for "" */
    size_t text_len;
    td_table table;   /* tableDAT */
    char *loaded;     /* the file path last loaded (malloc'd), NULL if none */
    int computed;               /* a computed DAT (td_dat_class.compute): its contents are made */
    uint64_t computed_serial;   /* and current for this network serial */
} td_dat_data;

static inline const td_dat_class *
td_dat_class_of(const TdOp *op)
{
    return op->cls->base == TD_BASE_DAT ? (const td_dat_class *)op->cls->proto : NULL;
}

/* The contents of dat, loading its file first if its file parameter names one not yet loaded
 * (the DAT's cook). NULL with a Python error (a destroyed DAT, a file that cannot be read). */
td_dat_data *td_dat_contents(TdOp *dat);
/* The contents as they are, without a cook (NULL with MemoryError if they cannot be made). */
td_dat_data *td_dat_data_of(TdOp *dat);
/* Replaces a textDAT's text, or a tableDAT's table by the parse of text; bumps the serial. */
int td_dat_set_text(TdOp *dat, const char *text, size_t len);
/* Replaces a textDAT's text by text (malloc'd, NUL-terminated, len bytes; taken); bumps the serial. */
void td_dat_take_text(TdOp *dat, char *text, size_t len);
/* Replaces a tableDAT's table by t (moved from); bumps the serial. */
void td_dat_set_table(TdOp *dat, td_table *t);
/* The text form as a new str: a textDAT's text, a tableDAT's tab/newline form. */
PyObject *td_dat_text_object(TdOp *dat, td_dat_data *d);
/* Raises td_render.tdError unless dat holds a table. */
int td_dat_require_table(TdOp *dat, const char *what);
/* Raises an exception from a td_err of the table layer. */
void td_dat_raise(TdOp *dat, const td_err *err);

/* Shared by the DAT classes: release (frees the contents), cook, state hooks (dat_state.c). */
void td_dat_release(TdOp *dat);
int td_dat_cook(TdOp *dat, int force);
extern const td_op_state_hooks td_dat_state_hooks;

/* ---- table access (dat_table.c) and cells (cell.c) ---- */

/* A Cell object for (r, c) of dat; new reference. */
PyObject *td_cell_new(TdOp *dat, size_t r, size_t c);
/* str(value) as UTF-8: a new bytes object, or NULL with an error (the value's __str__ runs here,
 * before anything is looked up). */
PyObject *td_dat_cell_bytes(PyObject *value);
extern PyType_Spec td_Cell_spec;

PyObject *td_dat_subscript(PyObject *dat, PyObject *key);
int td_dat_ass_subscript(PyObject *dat, PyObject *key, PyObject *value);
PyObject *td_dat_cell(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_cells(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_row(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_col(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_rows(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_cols(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_append_row(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_append_col(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_insert_row(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_insert_col(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_replace_row(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_replace_col(PyObject *dat, PyObject *args, PyObject *kwds);
PyObject *td_dat_delete_row(PyObject *dat, PyObject *arg);
PyObject *td_dat_delete_col(PyObject *dat, PyObject *arg);
PyObject *td_dat_set_size(PyObject *dat, PyObject *args, PyObject *kwds);

/* The Common page every DAT has, last in its list (stored only: there is no editor or viewer). */
extern const char *const td_menu_dat_language[], *const td_menu_dat_extension[], *const td_menu_dat_wordwrap[];
#define TD_DAT_COMMON_PARS(X)                                                                              \
    X(language, TD_PAR_M, "Language", "Common", 0, td_menu_dat_language)                                   \
    X(extension, TD_PAR_M, "Edit/View Extension", "Common", 0, td_menu_dat_extension)                      \
    X(customext, TD_PAR_S, "Custom Extension", "Common", "")                                               \
    X(wordwrap, TD_PAR_M, "Word Wrap", "Common", 0, td_menu_dat_wordwrap)

#define TD_DAT_KW(name, fn, doc) {name, (PyCFunction)(void (*)(void))fn, METH_VARARGS | METH_KEYWORDS, doc},
#define TD_DAT_TABLE_METHODS                                                                               \
    TD_DAT_KW("cell", td_dat_cell,                                                                         \
              "cell($self, /, rowNameOrIndex, colNameOrIndex, caseSensitive=True, val=False)\n--\n\n"       \
              "The Cell at the row and column (an int index, or a name: the value in the first column /\n" \
              "first row; patterns match names), or None. val returns its str.")                          \
    TD_DAT_KW("cells", td_dat_cells, "cells($self, /, rowNameOrIndex, colNameOrIndex, caseSensitive=True, "  \
              "val=False)\n--\n\nEvery Cell whose row and column match (a possibly empty list).")           \
    TD_DAT_KW("row", td_dat_row, "row($self, /, *nameOrIndexes, caseSensitive=True, val=False)\n--\n\n"     \
              "The cells of the first row matching any name/index (patterns allowed), or None.")          \
    TD_DAT_KW("col", td_dat_col, "col($self, /, *nameOrIndexes, caseSensitive=True, val=False)\n--\n\n"     \
              "The cells of the first column matching any name/index (patterns allowed), or None.")       \
    TD_DAT_KW("rows", td_dat_rows, "rows($self, /, *nameOrIndexes, caseSensitive=True, val=False)\n--\n\n"  \
              "The rows (lists of cells) matching any name/index; every row without arguments.")          \
    TD_DAT_KW("cols", td_dat_cols, "cols($self, /, *nameOrIndexes, caseSensitive=True, val=False)\n--\n\n"  \
              "The columns (lists of cells) matching any name/index; every column without arguments.")    \
    TD_DAT_KW("appendRow", td_dat_append_row, "appendRow($self, /, vals=None, nameOrIndex=None, *, sort=None)"  \
              "\n--\n\nAppend a row (filled with str() of vals) at the end, or after the row nameOrIndex;\n"  \
              "sort keeps that column sorted. Returns the new row's index.")                               \
    TD_DAT_KW("appendCol", td_dat_append_col, "appendCol($self, /, vals=None, nameOrIndex=None, *, sort=None)"  \
              "\n--\n\nAppend a column; see appendRow.")                                                     \
    TD_DAT_KW("insertRow", td_dat_insert_row, "insertRow($self, /, vals=None, nameOrIndex=None, *, sort=None)"  \
              "\n--\n\nInsert a row at the beginning, or before the row nameOrIndex; see appendRow.")        \
    TD_DAT_KW("insertCol", td_dat_insert_col, "insertCol($self, /, vals=None, nameOrIndex=None, *, sort=None)"  \
              "\n--\n\nInsert a column at the beginning, or before the column nameOrIndex.")                 \
    TD_DAT_KW("replaceRow", td_dat_replace_row, "replaceRow($self, /, nameOrIndex, vals=None, *, entireRow=True)" \
              "\n--\n\nOverwrite a row with str() of vals; entireRow False keeps the cells past vals.\n"      \
              "Returns the row's index.")                                                                  \
    TD_DAT_KW("replaceCol", td_dat_replace_col, "replaceCol($self, /, nameOrIndex, vals=None, *, entireCol=True)" \
              "\n--\n\nOverwrite a column; see replaceRow.")                                                 \
    {"deleteRow", (PyCFunction)td_dat_delete_row, METH_O,                                                  \
     "deleteRow($self, nameOrIndex, /)\n--\n\nDelete the row with that name or index."},                    \
    {"deleteCol", (PyCFunction)td_dat_delete_col, METH_O,                                                  \
     "deleteCol($self, nameOrIndex, /)\n--\n\nDelete the column with that name or index."},                 \
    TD_DAT_KW("setSize", td_dat_set_size, "setSize($self, /, numrows, numcols)\n--\n\nSet the exact size of "\
              "the table (new cells are empty).")

#endif
