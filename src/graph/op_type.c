/* OP: type members (family, isTOP ...) and the tables of the OP type, whose functions live in the
 * files listed in op_internal.h.
 *
 *   >>> r = td.root.create(td.renderTOP)
 *   >>> r.type, r.OPType, r.family, r.label, r.isTOP, r.isFilter, r.minInputs, r.maxInputs
 *   ('render', 'renderTOP', 'TOP', 'Render', True, False, 0, 0)
 */
#include "graph/op_internal.h"

#include <string.h>

#include "structmember.h"

#include "bind/state.h"
#include "graph/network.h"

int td_op_traverse(TdOp *op, visitproc visit, void *arg);
int td_op_clear(TdOp *op);
void td_op_dealloc(TdOp *op);
PyObject *td_op_repr(TdOp *op);

PyObject *
td_op_get_type_string(TdOp *op, void *c)
{
    TD_CHECK(op, NULL);
    const char *which = c;
    const td_op_class *cls = op->cls;
    if (strcmp(which, "type") == 0) {
        /* TouchDesigner's type string: the class name without its family, e.g. 'render'. */
        size_t n = strlen(cls->optype) - strlen(cls->family);
        return PyUnicode_FromStringAndSize(cls->optype, (Py_ssize_t)n);
    }
    if (strcmp(which, "icon") == 0) {
        if (cls->icon != NULL) {
            return PyUnicode_FromString(cls->icon);
        }
        size_t n = strlen(cls->label);
        return PyUnicode_FromStringAndSize(cls->label, (Py_ssize_t)(n < 3 ? n : 3));
    }
    const char *s = strcmp(which, "family") == 0    ? cls->family
                    : strcmp(which, "OPType") == 0  ? cls->optype
                    : strcmp(which, "label") == 0   ? cls->label
                    : strcmp(which, "subType") == 0 ? cls->subtype
                    : strcmp(which, "licenseType") == 0 ? "Non-Commercial"
                                                    : NULL;
    return PyUnicode_FromString(s != NULL ? s : "");
}

PyObject *
td_op_get_type_int(TdOp *op, void *c)
{
    TD_CHECK(op, NULL);
    const char *which = c;
    if (strcmp(which, "minInputs") == 0) {
        return PyLong_FromLong(op->cls->min_inputs);
    }
    if (strcmp(which, "maxInputs") == 0) {
        return PyLong_FromLong(op->cls->max_inputs);
    }
    if (strcmp(which, "isFilter") == 0) {
        return PyBool_FromLong(op->cls->min_inputs > 0);
    }
    if (strcmp(which, "isMultiInputs") == 0) {
        Py_RETURN_TRUE; /* every operator here has ordered inputs */
    }
    return PyLong_FromLong(0); /* visibleLevel: no expert-only operators */
}

PyObject *
td_op_get_is(TdOp *op, void *c)
{
    TD_CHECK(op, NULL);
    const char *what = c;
    if (strcmp(what, "object") == 0) {
        return PyBool_FromLong(op->cls->base == TD_BASE_OBJECT);
    }
    if (strcmp(what, "panel") == 0) {
        return PyBool_FromLong(strcmp(op->cls->subtype, "panel") == 0);
    }
    if (strcmp(what, "base") == 0) {
        return PyBool_FromLong(strcmp(op->cls->optype, "baseCOMP") == 0);
    }
    return PyBool_FromLong(strcmp(op->cls->family, what) == 0);
}

#define RO(name, get, doc, closure) {name, (getter)get, NULL, doc, closure}
#define RW(name, get, set, doc, closure) {name, (getter)get, (setter)set, doc, closure}
#define FLAG(name, doc) RW(name, td_op_get_flag, td_op_set_flag, doc, name)
#define STAT(name, doc) RO(name, td_op_get_cook_stat, doc " (read-only)", name)

static PyGetSetDef op_getset[] = {
    /* General */
    RO("valid", td_op_get_valid, "True while the operator exists, False once destroyed (read-only).", NULL),
    RO("id", td_op_get_id, "Unique integer id in this process; op(id) finds it (read-only).", NULL),
    RW("name", td_op_get_name, td_op_set_name,
       "The operator's name; assign to rename (letters, digits and _; unique in its parent).", NULL),
    RO("path", td_op_get_path, "Full path of the operator, e.g. '/geo1/sphere1' (read-only).", NULL),
    RO("digits", td_op_get_digits,
       "The number in the last run of digits of the name (at its end, else inside it), or None (read-only).",
       NULL),
    RO("base", td_op_get_base, "The name up to its first digit: 'geo' for 'geo12' (read-only).", NULL),
    RO("passive", td_op_get_false, "False: these OP objects cook on demand, none is passive (read-only).", NULL),
    RO("curPar", td_op_get_curpar,
       "The parameter whose expression is being evaluated (use it in an expression to refer to its\n"
       "own parameter), None outside an evaluation (read-only).", NULL),
    RO("curBlock", td_op_get_none, "None: no parameter sequences exist here (read-only).", NULL),
    RO("curSeq", td_op_get_none, "None: no parameter sequences exist here (read-only).", NULL),
    RO("time", td_op_get_time,
       "The time reference of the operator: td_render.absTime (one timeline drives every operator;\n"
       "frame, seconds, rate) (read-only).", NULL),
    RO("ext", td_op_get_namespace,
       "Extension search object. There are no extensions here: an empty namespace, any name raises\n"
       "AttributeError (read-only).", NULL),
    RO("fileFolder", td_op_get_empty_str, "'' : operators are not saved to external files here (read-only).",
       NULL),
    RO("filePath", td_op_get_empty_str, "'' : operators are not saved to external files here (read-only).", NULL),
    RO("mod", td_op_get_namespace,
       "Module-on-demand search of DAT modules. DATs are not run as modules here: an empty namespace\n"
       "(read-only).", NULL),
    RO("pages", td_op_get_pages, "The built-in parameter pages, as Page objects (read-only).", NULL),
    RO("parGroup", td_op_get_pargroup,
       "The parameter groups: op.parGroup.t is the ParGroup (tx, ty, tz); assign a tuple to set (read-only).",
       NULL),
    RO("par", td_op_get_par, "The parameters: op.par.tx, op.par['tx']; assign to set (read-only).", NULL),
    RO("builtinPars", td_op_get_builtinpars, "Every built-in parameter, as a list of Par (read-only).", NULL),
    RO("customParGroups", td_op_get_empty_list, "[]: custom parameters cannot be made here (read-only).", NULL),
    RO("customPars", td_op_get_empty_list, "[]: custom parameters cannot be made here (read-only).", NULL),
    RO("customPages", td_op_get_empty_list, "[]: custom pages cannot be made here (read-only).", NULL),
    RO("replicator", td_op_get_none, "None: no replicatorCOMP exists here (read-only).", NULL),
    RO("storage", td_op_get_storage,
       "The storage dict (read-only attribute, mutable contents). store()/unstore() re-cook what depends\n"
       "on it; editing the dict directly does not.", NULL),
    RW("tags", td_op_get_tags, td_op_set_tags,
       "The set of user tags (str); assign any iterable of str. findChildren(tags=...) searches them.", NULL),
    RO("children", td_op_get_children, "Operators inside this one (empty for non-COMPs) (read-only).", NULL),
    RO("numChildren", td_op_get_numchildren, "Number of operators inside this one (read-only).", NULL),
    RO("numChildrenRecursive", td_op_get_numchildren_recursive,
       "Number of operators inside this one, at any depth (read-only).", NULL),
    RO("iop", td_op_get_namespace, "Internal operator shortcuts: none exist here, an empty namespace (read-only).",
       NULL),
    RO("ipar", td_op_get_namespace,
       "Internal parameter shortcuts: none exist here, an empty namespace (read-only).", NULL),
    RW("currentPage", td_op_get_currentpage, td_op_set_currentpage,
       "The displayed parameter page (a Page); set it to a Page or a page name.", NULL),
    /* Common Flags */
    FLAG("activeViewer", "Viewer Active flag (stored; there is no viewer here). Default False."),
    FLAG("allowCooking", "Cooking flag; only COMPs can clear it (their children then do not cook). Default True."),
    FLAG("bypass", "Bypass flag. Default False."),
    FLAG("cloneImmune", "Clone Immune flag (stored). Default False."),
    FLAG("current", "Current flag: at most one operator of a network is current. Default False."),
    FLAG("display", "Display flag. Default True."),
    FLAG("expose", "Expose flag: False hides the node in a network (stored). Default True."),
    FLAG("lock", "Lock flag. Default False."),
    FLAG("selected", "Selected flag (stored). Default False."),
    RO("seq", td_op_get_namespace, "Sequence collection: no parameter sequences exist here, an empty namespace\n"
                                  "(read-only).", NULL),
    FLAG("python", "Parameter expression language is Python (stored; only Python is evaluated). Default True."),
    FLAG("render", "Render flag. Default True."),
    FLAG("showCustomOnly", "Show Custom Only flag (stored). Default False."),
    FLAG("showDocked", "Show Docked flag (stored). Default True."),
    FLAG("viewer", "Viewer flag (stored; there is no viewer here). Default False."),
    /* Appearance */
    RW("color", td_op_get_color, td_op_set_color, "Node colour (r, g, b), each 0..1. Default (0.55, 0.55, 0.55).",
       NULL),
    RW("comment", td_op_get_comment, td_op_set_comment, "Comment string. Default ''.", NULL),
    RW("nodeHeight", td_op_get_node, td_op_set_node, "Node height in network units (int). Default 90.", "h"),
    RW("nodeWidth", td_op_get_node, td_op_set_node, "Node width in network units (int). Default 130.", "w"),
    RW("nodeX", td_op_get_node, td_op_set_node, "Node X of its left edge in network units (int). Default 0.", "x"),
    RW("nodeY", td_op_get_node, td_op_set_node, "Node Y of its bottom edge in network units (int). Default 0.",
       "y"),
    RW("nodeCenterX", td_op_get_node, td_op_set_node, "Node X of its center: nodeX + nodeWidth // 2 (int).", "cx"),
    RW("nodeCenterY", td_op_get_node, td_op_set_node, "Node Y of its center: nodeY + nodeHeight // 2 (int).", "cy"),
    RW("dock", td_op_get_dock, td_op_set_dock,
       "The operator (of the same network) this one is docked to, or None; assign None to undock.", NULL),
    RO("docked", td_op_get_docked, "The operators docked to this one (read-only).", NULL),
    /* Connection */
    RO("inputs", td_op_get_inputs, "The operators wired into this one's inputs, in order (read-only).", NULL),
    RO("outputs", td_op_get_outputs, "The operators this one is wired into (read-only).", NULL),
    RO("inputConnectors", td_op_get_input_connectors,
       "One Connector per input this operator can take (maxInputs) (read-only).", NULL),
    RO("outputConnectors", td_op_get_output_connectors,
       "The output Connectors: one for TOPs, SOPs and DATs, none for COMPs and MATs (read-only).", NULL),
    /* Cook Information */
    STAT("cookFrame", "Frame of the last cook (the absolute frame: one timeline here)"),
    STAT("cookTime", "Deprecated: cpuCookTime"),
    STAT("cpuCookTime", "Host time of the last cook in ms"),
    STAT("cookAbsFrame", "Absolute frame of the last cook"),
    STAT("cookStartTime", "Start of the last cook in ms after its frame began"),
    STAT("cookEndTime", "End of the last cook in ms after its frame began"),
    STAT("cookedThisFrame", "True if the operator cooked in the current frame"),
    STAT("cookedPreviousFrame", "True if the operator cooked in the frame before the current one"),
    STAT("childrenCookTime", "Deprecated: childrenCPUCookTime"),
    STAT("childrenCPUCookTime", "Sum of cpuCookTime of the operators inside, at any depth, that cooked in the\n"
                                "latest frame any of them cooked (childrenCPUCookAbsFrame); 0 without children"),
    STAT("childrenCookAbsFrame", "Deprecated: childrenCPUCookAbsFrame"),
    STAT("childrenCPUCookAbsFrame", "The absolute frame childrenCPUCookTime sums (-1 if none cooked)"),
    STAT("gpuCookTime", "GPU time of the last cook in ms (0 for operators that use no GPU)"),
    STAT("childrenGPUCookTime", "Sum of gpuCookTime of the operators inside that cooked in the latest frame"),
    STAT("childrenGPUCookAbsFrame", "The absolute frame childrenGPUCookTime sums (-1 if none cooked)"),
    STAT("totalCooks", "Number of times the operator cooked"),
    STAT("cpuMemory", "Approximate CPU memory the operator holds, in bytes (its C state, parameters, storage\n"
                      "and data such as a SOP's mesh)"),
    STAT("gpuMemory", "GPU memory the operator holds, in bytes"),
    /* Type */
    RO("type", td_op_get_type_string, "Operator type without its family, e.g. 'render' (read-only).", "type"),
    RO("subType", td_op_get_type_string, "'object', 'panel' or '' (base components and non-COMPs) (read-only).",
       "subType"),
    RO("OPType", td_op_get_type_string, "Python class name as a string, e.g. 'renderTOP' (read-only).", "OPType"),
    RO("label", td_op_get_type_string, "Operator type label, e.g. 'Render' (read-only).", "label"),
    RO("icon", td_op_get_type_string, "The letters of the operator's icon, e.g. 'Ren' (read-only).", "icon"),
    RO("family", td_op_get_type_string, "Operator family: 'TOP', 'COMP', 'SOP', 'MAT', 'CHOP' or 'DAT' (read-only).",
       "family"),
    RO("isFilter", td_op_get_type_int, "True if the operator needs an input (a filter), False for generators\n"
                                       "(read-only).", "isFilter"),
    RO("minInputs", td_op_get_type_int, "Minimum number of inputs (read-only).", "minInputs"),
    RO("maxInputs", td_op_get_type_int, "Maximum number of inputs (read-only).", "maxInputs"),
    RO("isMultiInputs", td_op_get_type_int, "True: inputs are ordered (no operator here has unordered inputs)\n"
                                            "(read-only).", "isMultiInputs"),
    RO("visibleLevel", td_op_get_type_int, "Visibility level: 0, no operator here is expert-only (read-only).",
       "visibleLevel"),
    RO("isBase", td_op_get_is, "True for a baseCOMP (read-only).", "base"),
    RO("isCHOP", td_op_get_is, "True if the operator is a CHOP (read-only).", "CHOP"),
    RO("isCOMP", td_op_get_is, "True if the operator is a component (read-only).", "COMP"),
    RO("isDAT", td_op_get_is, "True if the operator is a DAT (read-only).", "DAT"),
    RO("isMAT", td_op_get_is, "True if the operator is a material (read-only).", "MAT"),
    RO("isObject", td_op_get_is, "True if the operator is an object COMP (read-only).", "object"),
    RO("isPanel", td_op_get_is, "True if the operator is a panel COMP (containerCOMP) (read-only).", "panel"),
    RO("isSOP", td_op_get_is, "True if the operator is a SOP (read-only).", "SOP"),
    RO("isTOP", td_op_get_is, "True if the operator is a TOP (read-only).", "TOP"),
    RO("licenseType", td_op_get_type_string, "License the operator needs: 'Non-Commercial' for all here\n"
                                             "(read-only).", "licenseType"),
    {NULL},
};

#define M(name, fn, flags, doc) {name, (PyCFunction)(void (*)(void))fn, flags, doc}
#define KW (METH_VARARGS | METH_KEYWORDS)

static PyMethodDef op_methods[] = {
    /* General */
    M("destroy", td_op_destroy_method, METH_NOARGS,
      "destroy($self, /)\n--\n\nDestroy the operator and everything inside it. Its Python object stays, with valid\n"
      "False; any other use raises td_render.tdError (so does destroying it again)."),
    M("op", td_op_op, KW,
      "op($self, /, *paths, includeUtility=False)\n--\n\nThe first operator matching the paths or patterns, relative\n"
      "to this COMP (or this OP's network): 'geo1', 'geo1/sphere1', '../cam1', '/render1', 'geo*', or an int id.\n"
      "None if nothing matches."),
    M("opex", td_op_opex, KW,
      "opex($self, /, *paths, includeUtility=False)\n--\n\nLike op(), but raises td_render.tdError naming the\n"
      "paths when nothing matches."),
    M("ops", td_op_ops, KW,
      "ops($self, /, *patterns, includeUtility=False)\n--\n\nOperators matching the patterns (glob patterns,\n"
      "space-separated, ^ excludes; int ids), relative to this COMP (or this OP's network). [] if none."),
    M("parent", td_op_parent, METH_FASTCALL,
      "parent($self, n=1, /)\n--\n\nThe n-th parent component (parent(0) is the operator itself); None above\n"
      "the root."),
    M("pars", td_op_pars, METH_VARARGS,
      "pars($self, /, *patterns)\n--\n\nThe parameters whose names match any glob pattern ('t?', 'bgcolor*'); all\n"
      "of them without patterns. [] if none match."),
    M("parGroups", td_op_pargroups, METH_VARARGS,
      "parGroups($self, /, *patterns)\n--\n\nThe parameter groups whose names match any glob pattern."),
    M("cook", td_op_cook_method, KW,
      "cook($self, /, force=False, recurse=False, includeUtility=False)\n--\n\nCook the operator if anything\n"
      "changed since its last cook (always with force): evaluate its parameters' expressions and record its\n"
      "cook statistics. recurse also cooks the operators inside, except under a COMP whose allowCooking is\n"
      "False (nothing cooks inside one). Every operator is cooked even if one fails; then td_render.tdError\n"
      "names the first failing expression. includeUtility is accepted (there are no utility operators)."),
    M("copyParameters", td_op_copy_parameters, KW,
      "copyParameters($self, /, OP, custom=True, builtin=True)\n--\n\nCopy the value, mode and expression of every\n"
      "parameter OP shares with this operator (by name and kind; same type: all of them)."),
    M("changeType", td_op_change_type, METH_O,
      "changeType($self, OPtype, /)\n--\n\nReplace the operator by a new one of OPtype (a class or its name) with the\n"
      "same name, place, flags, storage, tags, appearance, shared parameters, wires (same family), between\n"
      "COMPs, children, and between DATs the contents (as text). Returns the new OP; this one is destroyed."),
    M("dependenciesTo", td_op_dependencies_to, METH_O,
      "dependenciesTo($self, OP, /)\n--\n\nThe dependency paths from this operator to OP: lists [self, ..., OP] where\n"
      "each operator depends on the one before (it is wired from it, names it in an OP parameter, or its\n"
      "expressions read it). [] if OP does not depend on this one."),
    M("evalExpression", td_op_eval_expression, METH_O,
      "evalExpression($self, expression, /)\n--\n\nEvaluate a Python expression in this operator's context (me,\n"
      "op, opex, ops, parent, absTime, root, project, math) and return its value."),
    M("var", td_op_var, KW,
      "var($self, /, name, search=True)\n--\n\nThe variable name set with COMP.setVar on this operator or (search)\n"
      "its parents; '' if not found."),
    M("openMenu", td_op_open_menu, KW,
      "openMenu($self, /, x=None, y=None)\n--\n\nRaises td_render.tdError: td_render has no user interface."),
    M("relativePath", td_op_relative_path, METH_O,
      "relativePath($self, OP, /)\n--\n\nThe path from this operator to OP, such that self.op(path) is OP."),
    M("setInputs", td_op_set_inputs, METH_O,
      "setInputs($self, listOfOPs, /)\n--\n\nWire the operators (same network and family, at most maxInputs, no\n"
      "cycles) into this one's inputs, in order, replacing the previous wires."),
    M("shortcutPath", td_op_shortcut_path, KW,
      "shortcutPath($self, /, OP, toParName=None)\n--\n\nA Python expression that evaluates to OP in this\n"
      "operator's expressions ('me', 'parent(2)', \"op('geo1')\"), or to its parameter toParName."),
    M("resetPars", td_op_reset_pars, KW,
      "resetPars($self, /, parNames='*', parGroupNames='*', pageNames='*', includeBuiltin=True,\n"
      "includeCustom=True)\n--\n\nReset the matching parameters to their defaults (constant mode). True if any\n"
      "parameter matched."),
    /* Errors */
    M("addScriptError", td_op_add_script_error, METH_O,
      "addScriptError($self, msg, /)\n--\n\nAdd a script error; scriptErrors() reports it until clearScriptErrors()."),
    M("addError", td_op_add_error, METH_O,
      "addError($self, msg, /)\n--\n\nAdd an error during the operator's cook (e.g. from one of its expressions);\n"
      "it lasts until its next cook. Outside a cook raises td_render.tdError."),
    M("addWarning", td_op_add_warning, METH_O,
      "addWarning($self, msg, /)\n--\n\nAdd a warning during the operator's cook; lasts until its next cook.\n"
      "Outside a cook raises td_render.tdError."),
    M("errors", td_op_errors, KW,
      "errors($self, /, recurse=False)\n--\n\nThe operator's errors, one per line as 'message (path)': those added\n"
      "during its last cook and those of failing expressions; recurse adds those of the operators inside.\n"
      "'' if none."),
    M("warnings", td_op_warnings, KW,
      "warnings($self, /, recurse=False)\n--\n\nThe operator's warnings, one per line as 'message (path)'."),
    M("scriptErrors", td_op_script_errors, KW,
      "scriptErrors($self, /, recurse=False)\n--\n\nThe operator's script errors, one per line as 'message (path)'."),
    M("clearScriptErrors", td_op_clear_script_errors, KW,
      "clearScriptErrors($self, /, recurse=False, error='*')\n--\n\nRemove the script errors whose message\n"
      "matches the glob pattern error (all by default)."),
    M("childrenCPUMemory", td_op_children_memory, METH_NOARGS,
      "childrenCPUMemory($self, /)\n--\n\nSum of cpuMemory of the operators inside, at any depth."),
    M("childrenGPUMemory", td_op_children_gpu_memory, METH_NOARGS,
      "childrenGPUMemory($self, /)\n--\n\nSum of gpuMemory of the operators inside, at any depth."),
    /* Appearance */
    M("resetNodeSize", td_op_reset_node_size, METH_NOARGS,
      "resetNodeSize($self, /)\n--\n\nSet nodeWidth and nodeHeight back to 130 and 90."),
    /* Viewers */
    M("closeViewer", td_op_viewer_close, KW,
      "closeViewer($self, /, topMost=False)\n--\n\nClose the operator's floating viewers: td_render opens none, so\n"
      "there is nothing to close; returns None."),
    M("openViewer", td_op_viewer_open, KW,
      "openViewer($self, /, unique=False, borders=True)\n--\n\nRaises td_render.tdError: td_render has no user\n"
      "interface to show a viewer in (use TOP.numpyArray() or save())."),
    M("resetViewer", td_op_viewer_reset, KW,
      "resetViewer($self, /, recurse=False)\n--\n\nReset viewer settings: there are none without a user\n"
      "interface; returns None."),
    M("openParameters", td_op_open_parameters, METH_NOARGS,
      "openParameters($self, /)\n--\n\nRaises td_render.tdError: td_render has no user interface."),
    /* Storage */
    M("fetch", td_op_fetch, KW,
      "fetch($self, /, key, default=..., search=True, storeDefault=False)\n--\n\nThe value stored under key in\n"
      "this operator or (search) the nearest parent holding it. If none: default (stored here too with\n"
      "storeDefault), or KeyError when no default is given (... in the signature means not given)."),
    M("fetchOwner", td_op_fetch_owner, METH_O,
      "fetchOwner($self, key, /)\n--\n\nThe operator (this one or a parent) whose storage holds key, or None."),
    M("store", td_op_store, KW,
      "store($self, /, key, value)\n--\n\nStore value under key and return it; re-cooks what depends on it."),
    M("unstore", td_op_unstore, METH_VARARGS,
      "unstore($self, /, *keys)\n--\n\nRemove the storage keys matching the glob patterns ('*' removes all)."),
    M("storeStartupValue", td_op_store_startup, KW,
      "storeStartupValue($self, /, key, value)\n--\n\nThe value key takes when the operator is restored from\n"
      "__getstate__ (pickle, copies) instead of its current value."),
    M("unstoreStartupValue", td_op_unstore_startup, METH_VARARGS,
      "unstoreStartupValue($self, /, *keys)\n--\n\nRemove the startup values of the keys matching the patterns;\n"
      "the stored values stay."),
    /* Miscellaneous */
    M("__getstate__", td_op_getstate, METH_NOARGS,
      "__getstate__($self, /)\n--\n\nThe operator's persistent state as a dict of plain values: OPType, name,\n"
      "parameters (value, mode, expression), flags, storage (startup values in place of live ones) and\n"
      "startup values, tags, appearance, a DAT's contents ('text' or 'table'), and for COMPs the children's\n"
      "states with their wires and docks.\n"
      "Not carried: id, cook statistics, errors, wires and docks to operators outside, GPU data."),
    M("__setstate__", td_op_setstate, METH_O,
      "__setstate__($self, state, /)\n--\n\nApply a state from __getstate__ to this operator (same OPType): name,\n"
      "parameters, flags, storage, tags, appearance. Children are left as they are. Checked before anything\n"
      "changes: a bad state raises and changes nothing."),
    M("__reduce__", td_op_reduce, METH_NOARGS,
      "__reduce__($self, /)\n--\n\nPickling and copy.deepcopy(): the copy is a new operator made from\n"
      "__getstate__ in the original's network (the root if that is gone), named like it or numbered on."),
    {NULL},
};

static PyMemberDef op_members[] = {
    {"__weaklistoffset__", T_PYSSIZET, offsetof(TdOp, weakrefs), READONLY, NULL},
    {NULL},
};

static PyType_Slot op_slots[] = {
    {Py_tp_doc, "OP: the base class of every operator.\n\n"
                "Operators are made with COMP.create() and live in a network rooted at td_render.root.\n"
                "An OP object is the operator itself: destroy() makes every reference to it invalid.\n"
                "Members and methods follow TouchDesigner's OP class; those that only make sense in its editor\n"
                "(nodeX, color, selected ...) store and return their values, viewers raise tdError."},
    {Py_tp_traverse, td_op_traverse},
    {Py_tp_clear, td_op_clear},
    {Py_tp_dealloc, td_op_dealloc},
    {Py_tp_repr, td_op_repr},
    {Py_tp_getset, op_getset},
    {Py_tp_methods, op_methods},
    {Py_tp_members, op_members},
    {0, NULL},
};

PyType_Spec td_OP_spec = {
    .name = "td_render.OP",
    .basicsize = sizeof(TdOp),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = op_slots,
};
