/* The OP type's implementation is split along its seams (one Python type, several files):
 *   node.c        the node core: check, touch, path, lookups, creation, destruction
 *   op.c          type slots, general members (name, path, par, pages ...)
 *   op_type.c     type members (family, isTOP ...), the getset and method tables, the type spec
 *   op_flags.c    Common Flags, Appearance, tags, viewers
 *   op_net.c      finding operators, paths, connections
 *   op_deps.c     dependenciesTo
 *   op_cook.c     cooking, cook statistics, errors and warnings
 *   op_storage.c  storage and variables
 *   op_state.c    __getstate__, pickling, copies (td_op_from_state)
 *   op_setstate.c __setstate__ (parse into C-owned form, re-check, apply)
 *   op_copy.c     copyParameters, resetPars, changeType
 * This header declares what op_type.c's tables point at. Not for use outside src/graph. */
#ifndef TD_GRAPH_OP_INTERNAL_H
#define TD_GRAPH_OP_INTERNAL_H

#include "graph/op.h"

#define TD_CHECK(op, ret)          \
    do {                           \
        if (td_op_check(op) < 0) { \
            return ret;            \
        }                          \
    } while (0)

/* Rejects deleting a member (value == NULL) with AttributeError; -1 if so. */
int td_no_delete(PyObject *value, const char *member);
/* The network relative paths start from: a COMP itself, or the parent of any other OP. */
TdOp *td_op_lookup_base(TdOp *op);
/* The network an OP's expressions are evaluated in: its parent (the root for the root). */
TdOp *td_op_expr_net(TdOp *op);
/* The depth of op below the root (root 0). */
int td_op_depth(TdOp *op);
/* top and every operator below it in depth-first pre-order: a new list (strong references, so it
 * stays valid while Python edits the network). Iterative: any depth. */
PyObject *td_op_subtree(TdOp *top);
/* Parameters whose names match any of the patterns (tuple of str, fnmatch): a new list of Par. */
PyObject *td_op_pars_matching(TdOp *op, PyObject *patterns);
/* Drops op's stored state (names, lists, dicts it holds): tp_clear and destroy share it. */
void td_op_clear_state(TdOp *op);
/* Removes every reference other OPs of op's network hold to op (inputs, dock). */
void td_op_unlink(TdOp *op);

/* op.c */
PyObject *td_op_get_valid(TdOp *op, void *c);
PyObject *td_op_get_name(TdOp *op, void *c);
int td_op_set_name(TdOp *op, PyObject *value, void *c);
PyObject *td_op_get_path(TdOp *op, void *c);
PyObject *td_op_get_id(TdOp *op, void *c);
PyObject *td_op_get_digits(TdOp *op, void *c);
PyObject *td_op_get_base(TdOp *op, void *c);
PyObject *td_op_get_false(TdOp *op, void *c);
PyObject *td_op_get_none(TdOp *op, void *c);
PyObject *td_op_get_empty_str(TdOp *op, void *c);
PyObject *td_op_get_empty_list(TdOp *op, void *c);
PyObject *td_op_get_namespace(TdOp *op, void *c);
PyObject *td_op_get_curpar(TdOp *op, void *c);
PyObject *td_op_get_time(TdOp *op, void *c);
PyObject *td_op_get_par(TdOp *op, void *c);
PyObject *td_op_get_pargroup(TdOp *op, void *c);
PyObject *td_op_get_builtinpars(TdOp *op, void *c);
PyObject *td_op_get_pages(TdOp *op, void *c);
PyObject *td_op_get_currentpage(TdOp *op, void *c);
int td_op_set_currentpage(TdOp *op, PyObject *value, void *c);
PyObject *td_op_pars(TdOp *op, PyObject *args);
PyObject *td_op_pargroups(TdOp *op, PyObject *args);
PyObject *td_op_destroy_method(TdOp *op, PyObject *unused);
PyObject *td_op_eval_expression(TdOp *op, PyObject *arg);

/* op_type.c */
PyObject *td_op_get_type_string(TdOp *op, void *c);
PyObject *td_op_get_type_int(TdOp *op, void *c);
PyObject *td_op_get_is(TdOp *op, void *c);

/* op_flags.c */
PyObject *td_op_get_flag(TdOp *op, void *c);
int td_op_set_flag(TdOp *op, PyObject *value, void *c);
PyObject *td_op_get_node(TdOp *op, void *c);
int td_op_set_node(TdOp *op, PyObject *value, void *c);
PyObject *td_op_get_color(TdOp *op, void *c);
int td_op_set_color(TdOp *op, PyObject *value, void *c);
PyObject *td_op_get_comment(TdOp *op, void *c);
int td_op_set_comment(TdOp *op, PyObject *value, void *c);
PyObject *td_op_get_dock(TdOp *op, void *c);
int td_op_set_dock(TdOp *op, PyObject *value, void *c);
PyObject *td_op_get_docked(TdOp *op, void *c);
PyObject *td_op_get_tags(TdOp *op, void *c);
int td_op_set_tags(TdOp *op, PyObject *value, void *c);
PyObject *td_op_reset_node_size(TdOp *op, PyObject *unused);
PyObject *td_op_viewer_open(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_viewer_close(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_viewer_reset(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_open_parameters(TdOp *op, PyObject *unused);
PyObject *td_op_open_menu(TdOp *op, PyObject *args, PyObject *kwds);
/* Parses a tags value (str or iterable of str) into a new set. */
PyObject *td_tags_from(PyObject *value);
/* Sets a flag with its rules (allowCooking only on COMPs, one current per network). */
int td_op_flag_assign(TdOp *op, td_flag flag, int on);
extern const char *const td_flag_names[TD_NFLAGS];

/* op_net.c */
/* The root of op's network (op itself for the root). */
TdOp *td_op_root_of(TdOp *op);
/* arg as a live OP of self's network, or NULL with an error naming fname (TypeError, tdError, ValueError). */
TdOp *td_op_arg(TdOp *self, PyObject *arg, const char *fname);
PyObject *td_op_op(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_opex(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_ops(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_parent(TdOp *op, PyObject *const *args, Py_ssize_t nargs);
PyObject *td_op_get_children(TdOp *op, void *c);
PyObject *td_op_get_numchildren(TdOp *op, void *c);
PyObject *td_op_get_numchildren_recursive(TdOp *op, void *c);
PyObject *td_op_relative_path(TdOp *op, PyObject *arg);
PyObject *td_op_shortcut_path(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_get_inputs(TdOp *op, void *c);
PyObject *td_op_get_outputs(TdOp *op, void *c);
PyObject *td_op_set_inputs(TdOp *op, PyObject *arg);
PyObject *td_op_get_input_connectors(TdOp *op, void *c);
PyObject *td_op_get_output_connectors(TdOp *op, void *c);
PyObject *td_op_dependencies_to(TdOp *op, PyObject *arg);
/* Connects src to input slot index of dst (index == number of inputs appends). */
int td_op_connect(TdOp *dst, Py_ssize_t index, TdOp *src);
/* Removes input index of dst. */
int td_op_disconnect(TdOp *dst, Py_ssize_t index);
/* The OPs whose inputs include op (a new list). */
PyObject *td_op_outputs_list(TdOp *op);

/* op_cook.c */
PyObject *td_op_get_cook_stat(TdOp *op, void *c);
PyObject *td_op_cook_method(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_children_memory(TdOp *op, PyObject *unused);
PyObject *td_op_children_gpu_memory(TdOp *op, PyObject *unused);
PyObject *td_op_add_error(TdOp *op, PyObject *arg);
PyObject *td_op_add_warning(TdOp *op, PyObject *arg);
PyObject *td_op_add_script_error(TdOp *op, PyObject *arg);
PyObject *td_op_errors(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_warnings(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_script_errors(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_clear_script_errors(TdOp *op, PyObject *args, PyObject *kwds);
/* op's approximate CPU memory in bytes. */
size_t td_op_cpu_memory(TdOp *op);

/* op_storage.c */
PyObject *td_op_get_storage(TdOp *op, void *c);
PyObject *td_op_store(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_fetch(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_fetch_owner(TdOp *op, PyObject *arg);
PyObject *td_op_unstore(TdOp *op, PyObject *args);
PyObject *td_op_store_startup(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_unstore_startup(TdOp *op, PyObject *args);
PyObject *td_op_var(TdOp *op, PyObject *args, PyObject *kwds);
/* Removes the keys of dict matching any pattern in patterns (a tuple of str); 0 or -1. */
int td_dict_unstore(PyObject *dict, PyObject *patterns, int *removed);

/* op_setstate.c: applies state to op (the name too if with_name), parsed and checked first. */
int td_op_apply_state(TdOp *op, PyObject *state, int with_name);
/* state[key], a new reference (NULL if absent), from a state dict: 0, or -1 on error. */
int td_state_item(PyObject *state, const char *key, PyObject **out);

/* op_state.c */
PyObject *td_op_getstate(TdOp *op, PyObject *unused);
PyObject *td_op_setstate(TdOp *op, PyObject *state);
PyObject *td_op_reduce(TdOp *op, PyObject *unused);
PyObject *td_op_copy_parameters(TdOp *op, PyObject *args, PyObject *kwds);
PyObject *td_op_change_type(TdOp *op, PyObject *arg);
PyObject *td_op_reset_pars(TdOp *op, PyObject *args, PyObject *kwds);
/* A new OP inside comp made from state (as __getstate__ returns), named name or the state's name
 * (numbered on if taken). New reference. */
TdOp *td_op_from_state(TdOp *comp, PyObject *state, PyObject *name);
/* Resolves an OPtype argument (a class or its name) to its class entry; NULL with an error. */
const td_op_class *td_op_class_arg(PyObject *type_arg, PyObject *module_obj);
/* A free name in comp made from wanted: wanted itself or the first numbered variant. New ref. */
PyObject *td_free_name(TdOp *comp, PyObject *wanted);
/* Creates an OP of cls in comp named name (None: the class's stem), appended to its children, with
 * the default flags: the caller settles its exclusive flags (td_op_flags_claim or _yield). */
TdOp *td_comp_create_op(TdOp *comp, const td_op_class *cls, PyObject *name);

/* op_flags.c: exclusive flags (td_op_class.exclusive_flags) among op's siblings.
 *   claim: op takes the exclusive flags a new OP has (TD_FLAGS_DEFAULT), turning them off on its
 *     siblings (COMP.create(): a new OP takes them);
 *   yield: each exclusive flag op has on that a sibling holds too is turned off on op (a copy or a
 *     restored state keeps the network's holder unless it names the flag itself). */
void td_op_flags_claim(TdOp *op);
void td_op_flags_yield(TdOp *op);

#endif
