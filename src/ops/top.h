/* TOP: operators whose output is an image on the GPU. Shared by the TOP base type (top.c), its
 * cooking (top_cook.c), its file output (top_save.c) and the concrete TOPs (render_top.c). */
#ifndef TD_OPS_TOP_H
#define TD_OPS_TOP_H

#include "gpu/format.h"
#include "gpu/render.h"
#include "graph/op.h"

/* The Common page every TOP has (TouchDesigner's names and tokens). */
extern const char *const td_menu_outputresolution[];
extern const char *const td_menu_outputaspect[];
extern const char *const td_menu_filter[];
extern const char *const td_menu_fillmode[];
#define TD_TOP_COMMON_PARS                                                                                    \
    TD_PAR_M("outputresolution", "Output Resolution", "Common", 9, td_menu_outputresolution),                \
        TD_PAR_I("resolutionw", "Resolution", "Common", 1280, 1, 32768, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX), \
        TD_PAR_I("resolutionh", "Resolution", "Common", 720, 1, 32768, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX),  \
        TD_PAR_M("outputaspect", "Output Aspect", "Common", 0, td_menu_outputaspect),                        \
        {.name = "aspect1", .label = "Aspect", .page = "Common", .kind = TD_PAR_FLOAT, .def = 16, .min = 0,   \
         .max = 1e9, .flags = TD_PAR_REJECT_MIN},                                                             \
        {.name = "aspect2", .label = "Aspect", .page = "Common", .kind = TD_PAR_FLOAT, .def = 9, .min = 0,    \
         .max = 1e9, .flags = TD_PAR_REJECT_MIN},                                                             \
        TD_PAR_M("inputfiltertype", "Input Smoothness", "Common", 1, td_menu_filter),                        \
        TD_PAR_M("fillmode", "Fill Viewer", "Common", 4, td_menu_fillmode),                                  \
        TD_PAR_M("filtertype", "Viewer Smoothness", "Common", 1, td_menu_filter),                            \
        TD_PAR_I("npasses", "Passes", "Common", 1, 1, 1024, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX),          \
        TD_PAR_I("chanmask", "Channel Mask", "Common", 15, 0, 15, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX),    \
        TD_PAR_M("format", "Pixel Format", "Common", 1, td_pixel_format_tokens)

/* Output size and aspect from the Common page (a TOP without inputs). */
typedef struct td_top_output {
    double width, height;          /* may exceed the GL limit: checked at cook time */
    double aspect_w, aspect_h;     /* aspectWidth, aspectHeight */
    const td_pixel_format *format;
} td_top_output;
void td_top_output_of(TdOp *top, td_top_output *out);

/* Per-TOP C state, made on first cook. */
typedef struct td_top_state {
    td_gl_target *target;
    td_scene *cooked;         /* the scene the target holds, one reference */
    uint64_t cooked_serial;   /* network serial when cooked was last found current */
    double cpu_ms;            /* host time of the last scene build; statistics live in the OP */
    /* the delayed read in flight (numpyArray(delayed=True)), if pending */
    int pending;
    int pending_w, pending_h;
    const td_pixel_format *pending_format;
} td_top_state;

/* Sizes a read's destination from the scene the target will show; NULL with a Python error. */
typedef void *(*td_top_alloc_fn)(const td_scene *shown, void *ctx);

/* Cooks top if its network changed and runs job's read on the GL thread (GIL released).
 * job->target and job->scene are filled here; alloc is called for TD_READ_FLOAT and TD_READ_FILE.
 * Returns -1 with a Python error set. */
int td_top_run(TdOp *top, td_gl_cook *job, td_top_alloc_fn alloc, void *ctx);

/* numpyArray(delayed=True): finishes the read the previous call started into *out (a new float32
 * array; NULL the first time), then queues this frame's render and read without waiting. */
int td_top_run_delayed(TdOp *top, PyObject **out);

/* PyArg "O&" converter for flag arguments: True/False or an int (numpy bools too); anything else
 * (a str, None, a float) is a TypeError rather than silently truthy. */
int td_top_parse_flag(PyObject *obj, void *out);

/* td_op_class.cook for TOPs: OP.cook(force) renders if the network changed (always with force). */
int td_top_cook_hook(TdOp *top, int force);

/* release hook shared by TOP classes: hands the GPU target to the GL thread for deletion. */
void td_top_release(TdOp *top);

/* TOP.save() and TOP.saveByteArray() (top_save.c). */
PyObject *td_top_save(TdOp *self, PyObject *args, PyObject *kwds);
PyObject *td_top_savebytearray(TdOp *self, PyObject *args, PyObject *kwds);

#endif
