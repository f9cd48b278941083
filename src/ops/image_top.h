/* Image operators: TOPs whose image is one full-screen pass of a program over their wired inputs
 * (gpu/image_pass.h), the way TouchDesigner's filter and generator TOPs work. A type is its
 * parameter table (TD_TOP_IMAGE_COMMON_PARS last), its program (a TDMaterial field table filled from
 * the parameters, menus as compile-time values, a shader in shaders/) and, where the table does not
 * say everything, a fill hook. Building the scene is the same for all (image_top.c): the inputs
 * cooked in order, the Common page's resolution and format against input 0, the block filled. */
#ifndef TD_OPS_IMAGE_TOP_H
#define TD_OPS_IMAGE_TOP_H

#include "ops/top.h"

/* What a fill hook sees and may change. */
typedef struct td_image_build {
    const td_values *vals;
    int ninputs;
    td_top_image inputs[TD_MAX_TEXTURES]; /* the wired inputs, cooked */
    td_top_output out;                    /* the image's size and format (Common page and input 0) */
    float *block;                         /* the TDMaterial block, filled from the field table */
    int *defines;                         /* the program's compile-time values, from their menus */
    unsigned char *sampling;              /* each input's TD_SAMPLING (inputfiltertype, hold) */
    int passes;                           /* the Common page's npasses */
    struct td_gl_source *source;          /* fill may set it (one reference, moved into the scene):
                                           * a glslTOP's shader (td_scene.image_source) */
} td_image_build;

typedef struct td_image_top_class {
    td_top_class top; /* first: td_top_class_of sees the TOP protocol */
    const td_material_program *program;
    const Py_ssize_t *defines; /* the parameter (a menu or toggle) of each program->defines value */
    /* optional: -1 with a Python error (e.g. a tdError naming the TOP via td_image_top_error) */
    int (*fill)(TdOp *top, td_image_build *b);
    /* > 0: input 0 is the TOP this parameter (an OP parameter, index input_par - 1) names, or the
     * wired input 0 when it is empty (selectTOP); 0: the wired inputs */
    Py_ssize_t input_par;
    /* 1: the pixels in the TOP's state (td_top_state.pixels, which fill may set) are input 0, and
     * the Common page's 'useinput' means their size and td_image_top_pixels_format */
    int pixels;
} td_image_top_class;

struct td_pixels;
/* The format of host pixels of their depth and channels (what 'useinput' gives them). */
const td_pixel_format *td_image_top_pixels_format(const struct td_pixels *px);

/* td_top_class.build of every image TOP. */
td_scene *td_image_top_build(TdOp *top);
/* out (filled by td_top_output_from) against an input of in_w x in_h in in_format, as the Common
 * page says (TouchDesigner's menu): 'useinput' its size, the fractions and multiples scale it,
 * 'fit' scales it to fit the resolution keeping its aspect, 'limit' does so only if it is larger,
 * 'custom' the resolution; format 'useinput' its format. */
void td_image_top_resolve(const td_values *vals, Py_ssize_t common, int in_w, int in_h, const td_pixel_format *in_format,
                          td_top_output *out);
/* A tdError "<path>: <what>"; returns -1. */
int td_image_top_error(TdOp *top, const char *what);

/* The td_top_class part of an image TOP's protocol. */
#define TD_IMAGE_TOP_PROTO {.build = td_image_top_build, .shape = td_top_shape_of_image}

#endif
