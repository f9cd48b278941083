/* glslTOP: an image made by the user's pixel shader over its wired inputs, read from a DAT (or
 * given as text), with TouchDesigner's GLSL TOP names before it (shaders/td_image.glsl: sTD2DInputs[],
 * vUV, uTDOutputInfo, uTD2DInfos[], uTDPass, TDOutputSwizzle) and the Vectors and Constants pages
 * of glslMAT (ops/glsl_source.h). */
#include <string.h>

#include "bind/state.h"
#include "gpu/glsl.h"
#include "graph/op.h"
#include "ops/glsl_source.h"
#include "ops/image_top.h"
#include "td_shaders.h"

#define GLSLTOP_PARS(X)                                                                                    \
    X(glslversion, TD_PAR_ML, "GLSL Version", "GLSL", GLSL_460, td_menu_glslversion, td_menu_glslversion_labels) \
    X(predat, TD_PAR_O, "Preprocess Directives", "GLSL", "")                                               \
    X(pixeldat, TD_PAR_O, "Pixel Shader", "GLSL", "")                                                      \
    BLOCKS8(VEC_BLOCK, X)                                                                                  \
    BLOCKS4(CONST_BLOCK, X)                                                                                \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(glsltop_pars, GLSLTOP_PARS);

#define VEC_STRIDE (PAR_vec1name - PAR_vec0name)
#define CONST_STRIDE (PAR_const1name - PAR_const0name)

/* The TDMaterial block carries the vectors' values (vector k: floats 4k .. 4k + 3). */
#define VEC_FIELD(k) {"vec" #k, 4, PAR_vec0valuex + (k) * VEC_STRIDE}
static const td_block_field glsltop_block[] = {VEC_FIELD(0), VEC_FIELD(1), VEC_FIELD(2), VEC_FIELD(3),
                                               VEC_FIELD(4), VEC_FIELD(5), VEC_FIELD(6), VEC_FIELD(7)};
_Static_assert(TD_NPARS(glsltop_block) == TD_GLSL_VECTORS, "one block field per vector uniform");

static const td_material_program glsltop_program = {
    .name = "glslTOP", .fragment = td_shader_glsl_top_default_frag, .fields = glsltop_block,
    .nfields = TD_NPARS(glsltop_block)};

/* Its errors, like every image TOP's: a tdError naming it (errors() keeps the cook's). */
static int
glsltop_error(TdOp *top, const char *msg)
{
    return td_image_top_error(top, msg);
}

static int
glsltop_fill(TdOp *top, td_image_build *b)
{
    td_top_state *s = td_top_state_get(top);
    if (s == NULL) {
        return -1;
    }
    const char *pre = NULL, *pixel = NULL;
    PyObject *held_pre = NULL, *held_pixel = NULL;
    char consts[TD_GLSL_CONSTS * (TD_GLSL_NAME_MAX + 32)];
    td_gl_glsl g;
    memset(&g, 0, sizeof(g));
    int rc = td_glsl_stage_text(top, b->vals, PAR_predat, glsltop_error, &pre, &held_pre);
    if (rc == 0) {
        rc = td_glsl_stage_text(top, b->vals, PAR_pixeldat, glsltop_error, &pixel, &held_pixel);
    }
    for (int k = 0; rc == 0 && k < TD_GLSL_VECTORS; k++) {
        rc = td_glsl_uniform_name(top, b->vals, PAR_vec0name + k * VEC_STRIDE, glsltop_error, g.vectors[k]);
    }
    if (rc == 0) {
        rc = td_glsl_constants(top, b->vals, PAR_const0name, CONST_STRIDE, TD_GLSL_CONSTS, glsltop_error, consts,
                               sizeof(consts));
    }
    if (rc == 0 && (!top->valid || top->ext != s)) { /* a DAT's file parameter ran Python */
        rc = td_op_check(top) < 0 ? -1 : glsltop_error(top, "it was reset while it read its shader");
    }
    if (rc == 0) {
        g.pre = (char *)(pre != NULL ? pre : "");
        g.vertex = (char *)"";
        g.pixel = (char *)(pixel != NULL ? pixel : "");
        g.consts = consts;
        if (s->source == NULL || !td_gl_glsl_equal(s->source->glsl, &g)) {
            td_gl_source *src = td_gl_glsl_source(&g);
            if (src == NULL) {
                PyErr_NoMemory();
                rc = -1;
            }
            else {
                td_gl_source_decref(s->source);
                s->source = src; /* the same texts keep the same source: the scene compares it by identity */
            }
        }
    }
    if (rc == 0) {
        td_gl_source_incref(s->source);
        b->source = s->source;
    }
    Py_XDECREF(held_pre);
    Py_XDECREF(held_pixel);
    return rc;
}

static const td_image_top_class glsltop_proto = {.top = TD_IMAGE_TOP_PROTO, .program = &glsltop_program,
                                                 .fill = glsltop_fill};

static PyType_Slot glsltop_slots[] = {
    {Py_tp_doc, "glslTOP: an image made by a pixel shader over its wired inputs (up to 16).\n\n"
                "pixeldat names a DAT holding the shader (relative to this TOP's network), or is the\n"
                "shader's text itself when it holds a newline (td_render's addition); predat the same for\n"
                "preprocessor directives put first. The shader declares its own `out vec4 fragColor;` and\n"
                "sees TouchDesigner's GLSL TOP names: sTD2DInputs[TD_NUM_2D_INPUTS] (the inputs, sampled\n"
                "with the Common page's inputfiltertype), vUV (.st the output pixel's texture coordinate),\n"
                "uTDOutputInfo.res and uTD2DInfos[i].res (1 / width, 1 / height, width, height), uTDPass\n"
                "(npasses feed the result back into input 0), TDOutputSwizzle(). The Vectors page sets\n"
                "uniforms by name (float, vec2-4, int, ivec, uint, bool as declared) and may hold\n"
                "expressions; the Constants page declares `const int name = value;`. An empty pixeldat\n"
                "passes input 0 through (transparent black without one; ours). Compile errors are a\n"
                "tdError naming the TOP, the stage and the line of the DAT. Every glslversion compiles\n"
                "as GLSL 4.50 core (stored only). Not offered yet: compute shaders, the Samplers, Arrays\n"
                "and Matrices pages, more than one colour buffer, 3D and cube outputs."},
    {0, NULL},
};

static PyType_Spec glsltop_spec = {
    .name = "td_render.glslTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = glsltop_slots,
};

const td_op_class td_class_glslTOP = {
    .optype = "glslTOP", .family = "TOP", .label = "GLSL", .base_name = "glsl", .subtype = "",
    .base = TD_BASE_TOP, .spec = &glsltop_spec, .pars = glsltop_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = TD_MAX_TEXTURES, .release = td_top_release, .proto = &glsltop_proto,
    .cook = td_top_cook_hook,
};
