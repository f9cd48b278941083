/* textDAT: free-form, multi-line text (scripts, GLSL shaders, notes). Its text is set with
 * dat.text / write() or read from the file parameter when the DAT cooks (a read of its contents). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/dat.h"


#define TEXT_PARS(X)                                                                                       \
    X(edit, TD_PAR_P, "Edit..", "File")                                                                    \
    X(file, TD_PAR_S, "File", "File", "")                                                                  \
    X(syncfile, TD_PAR_T, "Sync to File", "File", 0)                                                       \
    X(loadonstart, TD_PAR_T, "Load on Start", "File", 0)                                                   \
    X(loadonstartpulse, TD_PAR_P, "Load File", "File")                                                     \
    X(write, TD_PAR_T, "Write on Toe Save", "File", 0)                                                     \
    X(writepulse, TD_PAR_P, "Write File", "File")                                                          \
    TD_DAT_COMMON_PARS(X)
TD_PAR_TABLE(text_pars, TEXT_PARS);

static const td_dat_class text_proto = {
    .table = 0, .par_file = PAR_file, .par_load_pulse = PAR_loadonstartpulse, .par_removeblank = -1,
};

static PyType_Slot text_slots[] = {
    {Py_tp_doc, "textDAT: free-form, multi-line text (scripts, GLSL shaders, notes).\n\n"
                "Set it with text or write(). When file names a file, the DAT loads it when it cooks (when its\n"
                "contents are read) and again whenever file changes or Load File is pulsed; a file that\n"
                "cannot be read is a tdError and the DAT's error. The file is read as UTF-8.\n"
                "Stored only (no effect here): edit, syncfile, loadonstart, write, writepulse, language,\n"
                "extension, customext, wordwrap. numRows is the number of lines, numCols the characters of\n"
                "the longest line; table methods raise tdError."},
    {0, NULL},
};

static PyType_Spec text_spec = {
    .name = "td_render.textDAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = text_slots,
};

const td_op_class td_class_textDAT = {
    .optype = "textDAT", .family = "DAT", .label = "Text", .base_name = "text", .subtype = "",
    .base = TD_BASE_DAT, .spec = &text_spec, .pars = text_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 0, .proto = &text_proto, .release = td_dat_release, .cook = td_dat_cook,
    .state = &td_dat_state_hooks,
};
