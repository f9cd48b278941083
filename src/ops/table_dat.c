/* tableDAT: a table of rows and columns of cells, each a string. Edited with dat[r, c] = v,
 * appendRow() ..., text or csv, or read from the file parameter when the DAT cooks. */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/dat.h"

#define ENCODING(M) M(ENC_MANUAL, "manual") M(ENC_UTF8, "utf8") M(ENC_UTF16LE, "utf16le") \
    M(ENC_UTF16BE, "utf16be") M(ENC_CP1252, "cp1252")
static const char *const encoding_tokens[] = {ENCODING(TD_MENU_TOKEN) NULL};
static const char *const encoding_labels[] = {"Auto Detect", "UTF8", "UTF16-LE", "UTF16-BE", "CP1252", NULL};

#define TABLE_PARS(X)                                                                                      \
    X(edit, TD_PAR_P, "Edit..", "Table")                                                                   \
    X(file, TD_PAR_S, "File", "Table", "")                                                                 \
    X(syncfile, TD_PAR_T, "Sync to File", "Table", 0)                                                      \
    X(defaultreadencoding, TD_PAR_ML, "Default Read Encoding", "Table", 0, encoding_tokens, encoding_labels) \
    X(loadonstart, TD_PAR_T, "Load on Start", "Table", 0)                                                  \
    X(write, TD_PAR_T, "Write on Toe Save", "Table", 0)                                                    \
    X(removeblank, TD_PAR_T, "Remove Blank Lines", "Table", 0)                                             \
    TD_DAT_COMMON_PARS(X)
TD_PAR_TABLE(table_pars, TABLE_PARS);

static const td_dat_class table_proto = {
    .table = 1, .par_file = PAR_file, .par_load_pulse = -1, .par_removeblank = PAR_removeblank,
};

static PyType_Slot table_slots[] = {
    {Py_tp_doc, "tableDAT: a table of rows and columns of cells, each a string.\n\n"
                "Edit it with dat[r, c] = value, appendRow(), insertCol(), setSize() ..., or set text (tab-separated\n"
                "cells, one row a line) or csv. When file names a file, the DAT loads it when it cooks (when its\n"
                "contents are read) and again whenever file changes: a .csv file as comma-separated values, any\n"
                "other as tab-separated; removeblank drops blank lines. A file that cannot be read is a tdError\n"
                "and the DAT's error. Files are read as UTF-8.\n"
                "Stored only (no effect here): edit, syncfile, defaultreadencoding, loadonstart, write, language,\n"
                "extension, customext, wordwrap. TouchDesigner's Fill page is not implemented."},
    {0, NULL},
};

static PyType_Spec table_spec = {
    .name = "td_render.tableDAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = table_slots,
};

const td_op_class td_class_tableDAT = {
    .optype = "tableDAT", .family = "DAT", .label = "Table", .base_name = "table", .subtype = "",
    .base = TD_BASE_DAT, .spec = &table_spec, .pars = table_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 0, .proto = &table_proto, .release = td_dat_release, .cook = td_dat_cook,
    .state = &td_dat_state_hooks,
};
