/* Building an image operator's scene. See image_top.h.
 *
 * Evaluation and the inputs' cooks run Python that may rewire or destroy anything: the inputs are
 * taken as new references first, each cook re-checks the TOP, and the scene holds only the inputs'
 * targets (plain C). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bind/state.h"
#include "gpu/sampler.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "image/pixels.h"
#include "ops/material.h"
#include "td_shaders.h"

/* A bypassed image TOP's program: its input 0 unchanged. */
static const td_material_program bypass_program = {.name = "bypass", .fragment = td_shader_null_top_frag};

int
td_image_top_error(TdOp *top, const char *what)
{
    PyObject *path = td_op_path(top);
    if (path != NULL) {
        PyErr_Format(td_state_of((PyObject *)top)->tdError, "%U: %s", path, what);
        Py_DECREF(path);
    }
    return -1;
}

const td_pixel_format *
td_image_top_pixels_format(const td_pixels *px)
{
    static const char *const tokens[4][4] = {
        [TD_SAMPLE_U8] = {"mono8fixed", "rg8fixed", "rgba8fixed", "rgba8fixed"},
        [TD_SAMPLE_U16] = {"mono16fixed", "rg16fixed", "rgba16fixed", "rgba16fixed"},
        [TD_SAMPLE_F16] = {"mono16float", "rg16float", "rgb16float", "rgba16float"},
        [TD_SAMPLE_F32] = {"mono32float", "rg32float", "rgb32float", "rgba32float"}};
    const char *want = tokens[px->type][px->channels - 1];
    if (px->layout == TD_PIXELS_GREY && px->channels == 2) {
        want = px->type == TD_SAMPLE_U8    ? "monoalpha8fixed"
               : px->type == TD_SAMPLE_U16 ? "monoalpha16fixed"
               : px->type == TD_SAMPLE_F16 ? "monoalpha16float"
                                           : "monoalpha32float";
    }
    for (int i = 1; td_pixel_format_tokens[i] != NULL; i++) {
        if (strcmp(td_pixel_format_tokens[i], want) == 0) {
            return td_pixel_format_at(i);
        }
    }
    return td_pixel_format_at(1);
}

/* The wired inputs as new references (*n of them); -1 with a Python error. */
static int
take_inputs(TdOp *top, TdOp **ops, int *n)
{
    *n = 0;
    Py_ssize_t count = top->inputs != NULL ? PyList_GET_SIZE(top->inputs) : 0;
    if (count > TD_MAX_TEXTURES) {
        char msg[96];
        snprintf(msg, sizeof(msg), "it has %zd inputs; an image TOP takes at most %d", count, TD_MAX_TEXTURES);
        return td_image_top_error(top, msg);
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        TdOp *in = (TdOp *)PyList_GET_ITEM(top->inputs, i);
        if (!in->valid || td_top_class_of(in) == NULL) {
            char msg[64];
            snprintf(msg, sizeof(msg), "input %zd is not a TOP", i);
            for (int k = 0; k < *n; k++) {
                Py_DECREF(ops[k]);
            }
            *n = 0;
            return td_image_top_error(top, msg);
        }
        ops[(*n)++] = (TdOp *)Py_NewRef(in);
    }
    return 0;
}

void
td_image_top_resolve(const td_values *vals, Py_ssize_t common, int in_w, int in_h, const td_pixel_format *in_format,
                     td_top_output *out)
{
    const td_par_value *v = vals->v + common;
    int mode = (int)v[TD_COMMON_outputresolution].num;
    double iw = in_w, ih = in_h, rw = v[TD_COMMON_resolutionw].num, rh = v[TD_COMMON_resolutionh].num;
    double w = iw, h = ih;
    static const double scale[] = {[TD_RES_EIGHTH] = 0.125, [TD_RES_QUARTER] = 0.25, [TD_RES_HALF] = 0.5,
                                   [TD_RES_2X] = 2, [TD_RES_4X] = 4, [TD_RES_8X] = 8};
    switch (mode) {
    case TD_RES_EIGHTH:
    case TD_RES_QUARTER:
    case TD_RES_HALF:
    case TD_RES_2X:
    case TD_RES_4X:
    case TD_RES_8X:
        w = iw * scale[mode];
        h = ih * scale[mode];
        break;
    case TD_RES_FIT:
    case TD_RES_LIMIT: {
        double k = fmin(rw / iw, rh / ih);
        if (mode == TD_RES_FIT || k < 1.0) {
            w = iw * k;
            h = ih * k;
        }
        break;
    }
    case TD_RES_CUSTOM:
        w = rw;
        h = rh;
        break;
    default:
        break;
    }
    out->width = w < 1.0 ? 1.0 : round(w);
    out->height = h < 1.0 ? 1.0 : round(h);
    if ((int)v[TD_COMMON_outputaspect].num != TD_ASPECT_CUSTOM) {
        out->aspect_w = out->width;
        out->aspect_h = out->height;
    }
    if ((int)v[TD_COMMON_format].num == 0) { /* useinput */
        out->format = in_format;
    }
}

td_scene *
td_image_top_build(TdOp *top)
{
    const td_image_top_class *proto = (const td_image_top_class *)top->cls->proto;
    const td_material_program *prog = proto->program;
    TdOp *ops[TD_MAX_TEXTURES];
    int nops = 0;
    td_scene *scene = NULL;
    td_image_build b = {0};
    td_values *tv = td_op_values(top);
    if (tv == NULL) {
        return NULL;
    }
    b.vals = tv;
    if (proto->input_par > 0) {
        ops[0] = td_top_input_find(top, tv, proto->input_par - 1, 0);
        if (ops[0] == NULL) {
            goto done;
        }
        nops = 1;
    }
    else if (take_inputs(top, ops, &nops) < 0) {
        goto done;
    }
    if (nops < top->cls->min_inputs) {
        td_image_top_error(top, top->cls->min_inputs == 1 ? "it needs an input TOP" : "it needs more input TOPs");
        goto done;
    }
    for (int i = 0; i < nops; i++) {
        if (td_top_input_cook(top, ops[i], &b.inputs[i]) < 0) {
            goto done;
        }
        b.ninputs = i + 1;
    }
    if (!top->valid) {
        td_op_check(top);
        goto done;
    }
    Py_ssize_t common = td_top_common(top->cls);
    td_top_output_from(tv, common, &b.out);
    if (b.ninputs > 0) {
        td_image_top_resolve(tv, common, b.inputs[0].width, b.inputs[0].height, b.inputs[0].format, &b.out);
    }
    scene = td_scene_new(0, 0);
    if (scene == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    scene->kind = TD_SCENE_IMAGE;
    scene->image_program = prog;
    td_block_fill(tv, top->cls, prog, scene->image_block);
    for (size_t i = 0; i < prog->ndefines && i < TD_IMAGE_DEFINES; i++) {
        scene->image_defines[i] = (int)tv->v[proto->defines[i]].num;
    }
    int linear = (int)tv->v[common + TD_COMMON_inputfiltertype].num != TD_FILTER_NEAREST;
    for (int i = 0; i < TD_MAX_TEXTURES + 1; i++) { /* every input, host pixels included (they come first) */
        scene->image_sampling[i] = (unsigned char)TD_SAMPLING(0, 0, linear); /* hold */
    }
    b.passes = (int)tv->v[common + TD_COMMON_npasses].num;
    b.block = scene->image_block;
    b.defines = scene->image_defines;
    b.sampling = scene->image_sampling;
    if (proto->fill != NULL && proto->fill(top, &b) < 0) {
        td_gl_source_decref(b.source);
        td_scene_decref(scene);
        scene = NULL;
        goto done;
    }
    scene->image_source = b.source; /* the scene holds it */
    if (proto->pixels) {
        td_top_state *s = top->valid ? top->ext : NULL;
        if (s != NULL && s->pixels != NULL) {
            const td_pixels *px = s->pixels;
            td_top_output_from(tv, common, &b.out);
            td_image_top_resolve(tv, common, px->width, px->height, td_image_top_pixels_format(px), &b.out);
            td_pixels_incref(s->pixels);
            scene->pixels = s->pixels;
        }
    }
    if (td_op_flag(top, TD_FLAG_BYPASS) && b.ninputs > 0) { /* its input passes through */
        scene->image_program = &bypass_program;
        b.out.width = b.inputs[0].width;
        b.out.height = b.inputs[0].height;
        b.out.format = b.inputs[0].format;
        b.passes = 1;
    }
    if (b.out.width > 32768 || b.out.height > 32768) {
        td_image_top_error(top, "its resolution is larger than 32768");
        td_scene_decref(scene);
        scene = NULL;
        goto done;
    }
    scene->width = (int)b.out.width;
    scene->height = (int)b.out.height;
    scene->format = b.out.format;
    scene->chanmask = b.out.chanmask;
    scene->samples = 1;
    scene->ncolor = 1;
    scene->image_passes = b.passes;
    for (int i = 0; i < b.ninputs; i++) {
        scene->textures[i] = b.inputs[i].target; /* the scene holds them */
        scene->texture_gens[i] = b.inputs[i].generation;
        b.inputs[i].target = NULL;
    }
    scene->ntextures = b.ninputs;
done:
    for (int i = 0; i < b.ninputs; i++) {
        td_gl_target_release(b.inputs[i].target);
    }
    for (int i = 0; i < nops; i++) {
        Py_DECREF(ops[i]);
    }
    td_values_free(tv);
    return scene;
}
