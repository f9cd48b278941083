/* renderselectTOP: one image of a renderTOP or renderpassTOP (named in top): colour buffer colorbufindex (the
 * render's numcolorbufs buffers; the built-in materials write buffer 0, a glslMAT the buffers its
 * pixel shader declares, the others hold zeros), or, with cameraindex > 0, the render's scene seen through camera number
 * cameraindex of those its camera parameter names (rendered for this TOP). */
#include <stdio.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/registry.h"
#include "ops/render_scene.h"
#include "ops/top.h"

#define SELECT_PARS(X)                                                                                     \
    X(top, TD_PAR_O, "TOP", "Render Select", "")                                                           \
    X(colorbufindex, TD_PAR_I, "Color Buffer Index", "Render Select", 0, 0, 7, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX) \
    X(cameraindex, TD_PAR_I, "Camera Index", "Render Select", 0, 0, 63, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX) \
    X(peellayerindex, TD_PAR_I, "Peel Layer Index", "Render Select", 0, 0, 63, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX) \
    X(imageoutput, TD_PAR_I, "Image Output", "Render Select", 0, 0, 63, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX) \
    TD_TOP_COMMON_PARS(X)
TD_PAR_TABLE(select_pars, SELECT_PARS);

static int
select_error(TdOp *top, const char *what)
{
    PyObject *path = td_op_path(top);
    if (path != NULL) {
        PyErr_Format(td_state_of((PyObject *)top)->tdError, "%U: %s", path, what);
        Py_DECREF(path);
    }
    return -1;
}

static td_scene *
select_build_scene(TdOp *top)
{
    td_values *tv = td_op_values(top);
    TdOp *input = NULL;
    td_top_image image = {0};
    td_scene *scene = NULL;
    if (tv == NULL) {
        return NULL;
    }
    int buffer = (int)tv->v[PAR_colorbufindex].num, camera = (int)tv->v[PAR_cameraindex].num;
    input = td_top_input_find(top, tv, PAR_top, 1);
    if (input == NULL) {
        goto done;
    }
    if (camera > 0) {
        if (input->cls != &td_class_renderTOP) {
            select_error(top, "cameraindex > 0 needs a renderTOP in top");
            goto done;
        }
        if (buffer > 0) {
            select_error(top, "colorbufindex > 0 with cameraindex > 0 is not supported");
            goto done;
        }
        scene = td_render_top_scene(input, camera); /* the render's scene through that camera */
        goto done;
    }
    if (td_top_input_cook(top, input, &image) < 0) {
        goto done;
    }
    if (buffer >= image.ncolor) {
        char msg[128];
        snprintf(msg, sizeof(msg), "colorbufindex %d: its top has %d colour buffer%s (numcolorbufs)", buffer,
                 image.ncolor, image.ncolor == 1 ? "" : "s");
        select_error(top, msg);
        goto done;
    }
    scene = td_top_input_scene(&image, TD_SCENE_SELECT, image.format);
    if (scene != NULL) {
        scene->select_buffer = buffer;
    }
done:
    td_gl_target_release(image.target);
    Py_XDECREF(input);
    td_values_free(tv);
    return scene;
}

static const td_top_class select_proto = {.build = select_build_scene, .shape = td_top_shape_of_image};

static PyType_Slot select_slots[] = {
    {Py_tp_doc, "renderselectTOP: one image of a renderTOP or renderpassTOP.\n\n"
                "top names the render (relative to this TOP's network). colorbufindex picks one of its\n"
                "numcolorbufs colour buffers (buffer 0 is the render's image; phongMAT and constantMAT\n"
                "write only buffer 0, a glslMAT the buffers its pixel shader's `layout(location = N) out`\n"
                "declare; a buffer nothing writes holds zeros). cameraindex > 0 renders a renderTOP's\n"
                "scene through that camera of the ones its camera parameter lists (space-separated), with\n"
                "the render's settings; with it, colorbufindex must be 0. The image has the render's size\n"
                "and format; the Common page is stored only, as are peellayerindex and imageoutput."},
    {0, NULL},
};

static PyType_Spec select_spec = {
    .name = "td_render.renderselectTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = select_slots,
};

const td_op_class td_class_renderselectTOP = {
    .optype = "renderselectTOP", .family = "TOP", .label = "Render Select", .base_name = "renderselect",
    .subtype = "", .base = TD_BASE_TOP, .spec = &select_spec, .pars = select_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 0, .release = td_top_release, .proto = &select_proto, .cook = td_top_cook_hook,
};
