/* textDAT: free-form, multi-line text (scripts, GLSL shaders, notes). Its text is set with
 * dat.text / write() or read from the file parameter when the DAT cooks (a read of its contents). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/dat.h"

#define LANGUAGE(M) M(LANG_INPUT, "input") M(LANG_NODE, "node")
static const char *const language_tokens[] = {LANGUAGE(TD_MENU_TOKEN) NULL};
#define EXTENSION(M) M(EXT_DAT, "dat") M(EXT_LANGUAGE, "language") M(EXT_CUSTOM, "custom")
static const char *const extension_tokens[] = {EXTENSION(TD_MENU_TOKEN) NULL};
#define WORDWRAP(M) M(WRAP_INPUT, "input") M(WRAP_ON, "on") M(WRAP_OFF, "off")
static const char *const wordwrap_tokens[] = {WORDWRAP(TD_MENU_TOKEN) NULL};

#define TEXT_PARS(X)                                                                                       \
    X(edit, TD_PAR_P, "Edit..", "File")                                                                    \
    X(file, TD_PAR_S, "File", "File", "")                                                                  \
    X(syncfile, TD_PAR_T, "Sync to File", "File", 0)                                                       \
    X(loadonstart, TD_PAR_T, "Load on Start", "File", 0)                                                   \
    X(loadonstartpulse, TD_PAR_P, "Load File", "File")                                                     \
    X(write, TD_PAR_T, "Write on Toe Save", "File", 0)                                                     \
    X(writepulse, TD_PAR_P, "Write File", "File")                                                          \
    X(language, TD_PAR_M, "Language", "Common", 0, language_tokens)                                        \
    X(extension, TD_PAR_M, "Edit/View Extension", "Common", 0, extension_tokens)                           \
    X(customext, TD_PAR_S, "Custom Extension", "Common", "")                                               \
    X(wordwrap, TD_PAR_M, "Word Wrap", "Common", 0, wordwrap_tokens)
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
