/* moviefileinTOP: a still image read from a file (PNG, JPEG, TIFF, EXR, BMP, DDS: image/decode.h),
 * uploaded as the input of a pass that converts it to the TOP's format (shaders/script_top.frag).
 *
 * The file is decoded with the GIL released, once per (path, modification time, size): a cook
 * after an unrelated change reuses the pixels; reloadpulse reads the file again. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bind/state.h"
#include "gpu/sampler.h"
#include "graph/op.h"
#include "image/decode.h"
#include "image/pixels.h"
#include "ops/image_top.h"
#include "td_shaders.h"

#define MOVIE_PARS(X)                                                                                      \
    X(file, TD_PAR_S, "File", "Play", "")                                                                  \
    X(reloadpulse, TD_PAR_P, "Reload File", "Play")                                                        \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(movie_pars, MOVIE_PARS);

static const td_material_program movie_program = {.name = "moviefileinTOP", .fragment = td_shader_script_top_frag};

/* The file's pixels, decoded with the GIL released; NULL with a tdError naming the TOP. */
static td_pixels *
decode(TdOp *top, const char *path)
{
    td_decoded d = {0};
    td_err err = {0};
    td_pixels *px = NULL;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = td_image_decode_file(path, &d, &err);
    if (rc == 0) {
        const td_image *im = &d.image;
        px = td_pixels_new(im->width, im->height, im->channels, im->type, TD_PIXELS_GREY);
        if (px != NULL) {
            memcpy(px->data, im->data, px->bytes); /* decoded rows are packed, bottom-up */
        }
    }
    td_decoded_free(&d);
    Py_END_ALLOW_THREADS
    if (rc != 0) {
        td_image_top_error(top, err.msg);
        return NULL;
    }
    if (px == NULL) {
        PyErr_NoMemory();
    }
    return px;
}

/* Whether s holds the pixels of path as it is now (same modification time and size). */
static int
current(const td_top_state *s, const char *path, const struct stat *st)
{
    return s->pixels != NULL && s->file != NULL && strcmp(s->file, path) == 0 &&
           s->file_mtime_ns == (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec &&
           s->file_size == (long long)st->st_size;
}

static int
movie_fill(TdOp *top, td_image_build *b)
{
    td_top_state *s = td_top_state_get(top);
    if (s == NULL) {
        return -1;
    }
    const char *path = td_values_str(b->vals, PAR_file);
    if (path[0] == '\0') {
        td_pixels_decref(s->pixels); /* no file: transparent black */
        s->pixels = NULL;
        return 0;
    }
    struct stat st;
    memset(&st, 0, sizeof(st));
    int reload = b->vals->v[PAR_reloadpulse].num != 0.0;
    int have = stat(path, &st) == 0;
    if (!have || reload || !current(s, path, &st)) {
        td_pixels *px = decode(top, path); /* it names the path and why it failed */
        if (px == NULL) {
            return -1;
        }
        if (!top->valid || top->ext != s) { /* destroyed or reset while the GIL was released */
            td_pixels_decref(px);
            return td_op_check(top) < 0 ? -1 : td_image_top_error(top, "it was reset while it read its file");
        }
        char *copy = strdup(path);
        if (copy == NULL) {
            td_pixels_decref(px);
            PyErr_NoMemory();
            return -1;
        }
        free(s->file);
        s->file = copy;
        if (have) { /* the version before the read: a change during it is read again next time */
            s->file_mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
            s->file_size = (long long)st.st_size;
        }
        else {
            s->file_mtime_ns = s->file_size = -1;
        }
        td_pixels_decref(s->pixels);
        s->pixels = px;
    }
    return 0;
}

static const td_image_top_class movie_proto = {.top = TD_IMAGE_TOP_PROTO, .program = &movie_program,
                                               .fill = movie_fill, .pixels = 1};

static PyType_Slot movie_slots[] = {
    {Py_tp_doc, "moviefileinTOP: a still image from file: PNG (8/16-bit), JPEG, TIFF (8/16-bit, 16/32-bit\n"
                "float, strips or tiles), EXR (half, float), BMP, DDS (uncompressed), recognised by their\n"
                "bytes, not their names. The pixels are used as stored (no premultiplication, no colour\n"
                "conversion; an EXR's are premultiplied by its convention): with the Common page's\n"
                "'useinput' the image has the file's size and a format of its depth and channels (grey:\n"
                "mono, grey + alpha: monoalpha, colour: rgba, or rgb for float RGB), so a file td_render\n"
                "saved reads back in its bit depth. The file is read again when its modification time\n"
                "or size changes, or on reloadpulse. An empty file parameter gives transparent black (ours).\n"
                "Not offered yet: movies and sequences (play, speed, index, cue, ...)."},
    {0, NULL},
};

static PyType_Spec movie_spec = {
    .name = "td_render.moviefileinTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = movie_slots,
};

const td_op_class td_class_moviefileinTOP = {
    .optype = "moviefileinTOP", .family = "TOP", .label = "Movie File In", .base_name = "moviefilein",
    .subtype = "", .base = TD_BASE_TOP, .spec = &movie_spec, .pars = movie_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 0, .release = td_top_release, .proto = &movie_proto,
    .cook = td_top_cook_hook,
};
