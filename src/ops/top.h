/* TOP: operators whose output is an image on the GPU. Shared by the TOP base type (top.c), its
 * cooking (top_cook.c), its file output (top_save.c) and the concrete TOPs (render_top.c). */
#ifndef TD_OPS_TOP_H
#define TD_OPS_TOP_H

#include "gpu/format.h"
#include "gpu/render.h"
#include "graph/op.h"

/* The Common page every TOP has (TouchDesigner's names and tokens), last in each TOP's list. */
#define TD_OUTPUTRESOLUTION_MENU(M)                                                                        \
    M(TD_RES_USEINPUT, "useinput") M(TD_RES_EIGHTH, "eighth") M(TD_RES_QUARTER, "quarter")                 \
    M(TD_RES_HALF, "half") M(TD_RES_2X, "2x") M(TD_RES_4X, "4x") M(TD_RES_8X, "8x") M(TD_RES_FIT, "fit")   \
    M(TD_RES_LIMIT, "limit") M(TD_RES_CUSTOM, "custom")
#define TD_OUTPUTASPECT_MENU(M) M(TD_ASPECT_USEINPUT, "useinput") M(TD_ASPECT_RESOLUTION, "resolution") M(TD_ASPECT_CUSTOM, "custom")
#define TD_FILTER_MENU(M) M(TD_FILTER_NEAREST, "nearest") M(TD_FILTER_LINEAR, "linear") M(TD_FILTER_MIPMAP, "mipmap")
#define TD_FILLMODE_MENU(M)                                                                                \
    M(TD_FILL_USEINPUT, "useinput") M(TD_FILL_FILL, "fill") M(TD_FILL_WIDTH, "width")                      \
    M(TD_FILL_HEIGHT, "height") M(TD_FILL_BEST, "best") M(TD_FILL_OUTSIDE, "outside")                      \
    M(TD_FILL_NATIVERES, "nativeres")
enum { TD_OUTPUTRESOLUTION_MENU(TD_MENU_ID) };
enum { TD_OUTPUTASPECT_MENU(TD_MENU_ID) };
enum { TD_FILTER_MENU(TD_MENU_ID) };
enum { TD_FILLMODE_MENU(TD_MENU_ID) };
extern const char *const td_menu_outputresolution[];
extern const char *const td_menu_outputaspect[];
extern const char *const td_menu_filter[];
extern const char *const td_menu_fillmode[];

/* The Common page with a TOP type's defaults: outputresolution, resolution, format (menu indices). */
#define TD_TOP_COMMON_PARS_WITH(X, RES, W, H, FORMAT)                                                     \
    X(outputresolution, TD_PAR_M, "Output Resolution", "Common", RES, td_menu_outputresolution)           \
    X(resolutionw, TD_PAR_I, "Resolution", "Common", W, 1, 32768, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)  \
    X(resolutionh, TD_PAR_I, "Resolution", "Common", H, 1, 32768, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)  \
    X(outputaspect, TD_PAR_M, "Output Aspect", "Common", TD_ASPECT_USEINPUT, td_menu_outputaspect)        \
    X(aspect1, TD_PAR_FR, "Aspect", "Common", 16, 0, 1e9, TD_PAR_REJECT_MIN)                               \
    X(aspect2, TD_PAR_FR, "Aspect", "Common", 9, 0, 1e9, TD_PAR_REJECT_MIN)                                \
    X(inputfiltertype, TD_PAR_M, "Input Smoothness", "Common", TD_FILTER_LINEAR, td_menu_filter)          \
    X(fillmode, TD_PAR_M, "Fill Viewer", "Common", TD_FILL_BEST, td_menu_fillmode)                        \
    X(filtertype, TD_PAR_M, "Viewer Smoothness", "Common", TD_FILTER_LINEAR, td_menu_filter)              \
    X(npasses, TD_PAR_I, "Passes", "Common", 1, 1, 1024, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)            \
    X(chanmask, TD_PAR_I, "Channel Mask", "Common", 15, 0, 15, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)      \
    X(format, TD_PAR_M, "Pixel Format", "Common", FORMAT, td_pixel_format_tokens)
/* Renders: a custom 1280 x 720 rgba8fixed image. */
#define TD_TOP_COMMON_PARS(X) TD_TOP_COMMON_PARS_WITH(X, TD_RES_CUSTOM, 1280, 720, 1)
/* Image operators (filters and generators): the input's resolution and format (without an input:
 * the resolution parameters, 256 x 256, and rgba8fixed; the 256 x 256 default is ours). */
#define TD_TOP_IMAGE_COMMON_PARS(X) TD_TOP_COMMON_PARS_WITH(X, TD_RES_USEINPUT, 256, 256, 0)

/* Indices within the Common page; the page's first index in a TOP is td_top_common(cls). */
#define TD_COMMON_ID(id, ...) TD_COMMON_##id,
enum { TD_TOP_COMMON_PARS(TD_COMMON_ID) TD_COMMON_COUNT };
#undef TD_COMMON_ID
static inline Py_ssize_t
td_top_common(const td_op_class *cls)
{
    return (Py_ssize_t)cls->npars - TD_COMMON_COUNT;
}

struct td_top_output;

/* The TOP family's protocol (td_op_class.proto of every TOP): the job a cook runs. Today every
 * TOP renders a scene snapshot; TOPs that read other TOPs add their job kinds here. */
typedef struct td_top_class {
    /* The snapshot to render, built while holding the GIL; NULL with a Python error. */
    struct td_scene *(*build)(TdOp *top);
    /* 1 if the TOP renders geometry into a colour and depth buffer that renderpassTOP continues
     * into and depthTOP reads (renderTOP, renderpassTOP). */
    int renders;
    /* Adjusts out, the Common page's size and format, to the image the TOP makes (a cube map's
     * strip, an input's size); NULL: the Common page says. -1 with a Python error. */
    int (*shape)(TdOp *top, const td_values *vals, struct td_top_output *out);
} td_top_class;

static inline const td_top_class *
td_top_class_of(const TdOp *op)
{
    return op->cls->base == TD_BASE_TOP ? (const td_top_class *)op->cls->proto : NULL;
}

/* Output size and aspect from the Common page (a TOP without inputs). */
typedef struct td_top_output {
    double width, height;          /* may exceed the GL limit: checked at cook time */
    double aspect_w, aspect_h;     /* aspectWidth, aspectHeight */
    const td_pixel_format *format;
    unsigned int chanmask;
} td_top_output;
/* From a TOP's evaluated values (common: td_top_common(cls)); plain C. */
void td_top_output_from(const td_values *vals, Py_ssize_t common, td_top_output *out);
/* The size and format of top's image: its Common page adjusted by its class's shape hook.
 * Evaluates top's parameters first (and may cook it); -1 with a Python error. */
int td_top_output_of(TdOp *top, td_top_output *out);
/* A shape hook: the image the TOP has once cooked (cooks it if needed). */
int td_top_shape_of_image(TdOp *top, const td_values *vals, td_top_output *out);

/* Per-TOP C state, made on first cook. */
typedef struct td_top_state {
    td_gl_target *target;
    td_scene *cooked;         /* the scene the target holds, one reference */
    uint64_t cooked_serial;   /* network serial when cooked was last found current */
    double cpu_ms;            /* host time of the last scene build; statistics live in the OP */
    int building;             /* its scene is being built: reaching it again is a cycle of inputs */
    /* the delayed read in flight (numpyArray(delayed=True)), if pending */
    int pending;
    int pending_w, pending_h;
    const td_pixel_format *pending_format;
    /* scriptTOP: the pixels copyNumpyArray() gave (one reference), and whether its onCook runs now */
    struct td_pixels *pixels;
    int in_callback;
    /* moviefileinTOP: the file pixels came from (malloc'd), its modification time and size then */
    char *file;
    long long file_mtime_ns, file_size;
    /* glslTOP: its shader and uniform names as last read (one reference), kept while they are the same */
    struct td_gl_source *source;
} td_top_state;

/* top's C state, made if it has none; NULL with MemoryError. */
td_top_state *td_top_state_get(TdOp *top);

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

/* What a TOP reading another (its input) knows of the input's image once cooked (top_input.c). */
typedef struct td_top_image {
    td_gl_target *target;        /* one reference */
    uint64_t generation;         /* of the image now: the reader re-renders when it moves */
    int width, height, samples, depth_float, ncolor;
    const td_pixel_format *format;
    float proj[16];              /* the projection it was rendered with (renders only) */
} td_top_image;

/* The TOP a reader's input names: the OP path in its parameter `index` (relative to the reader's
 * network) or, when that is empty, its wired input 0; a new reference, or NULL with a tdError
 * naming the reader (nothing named, not a TOP, or need_render and not a renderTOP/renderpassTOP). */
TdOp *td_top_input_find(TdOp *reader, const td_values *vals, Py_ssize_t index, int need_render);
/* Cooks input (so its image is current) and describes its image; -1 with a Python error: the
 * input's own cook error, or a tdError naming the reader for a cycle of inputs. */
int td_top_input_cook(TdOp *reader, TdOp *input, td_top_image *out);

/* A new single-sampled scene of the given kind that reads image (taking over its target reference)
 * into an image of its size in format; NULL with a Python error (image keeps its reference then). */
td_scene *td_top_input_scene(td_top_image *image, int kind, const td_pixel_format *format);

/* TOP.save() and TOP.saveByteArray() (top_save.c). */
PyObject *td_top_save(TdOp *self, PyObject *args, PyObject *kwds);
PyObject *td_top_savebytearray(TdOp *self, PyObject *args, PyObject *kwds);

#endif
