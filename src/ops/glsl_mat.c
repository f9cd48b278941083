/* glslMAT: a material whose vertex, optional geometry and pixel shaders are the user's GLSL, read
 * from DATs (or given as text), with TouchDesigner's GLSL API before each stage
 * (shaders/td_glsl_*.glsl) and uniforms set from its Vectors and Samplers pages (gpu/glsl.h). */
#include <stdlib.h>
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "graph/path.h"
#include "gpu/glsl.h"
#include "ops/dat.h"
#include "ops/glsl_source.h"
#include "ops/material.h"
#include "ops/object.h"
#include "ops/render_scene.h"

#define LIGHTINGSPACE_MENU(M) M(LIGHTING_WORLD, "worldspace") M(LIGHTING_CAMERA, "cameraspace")
#define SIMPLEXNOISE_MENU(M) M(NOISE_PERFORMANCE, "performance") M(NOISE_QUALITY, "quality")
#define INPRIM_MENU(M) M(INPRIM_POINTS, "points") M(INPRIM_LINES, "lines") M(INPRIM_TRIANGLES, "triangles")
#define OUTPRIM_MENU(M) M(OUTPRIM_POINTS, "points") M(OUTPRIM_LINESTRIP, "linestrip") M(OUTPRIM_TRISTRIP, "tristrip")
#define ARRAYTYPE_MENU(M) M(ARRAY_FLOAT, "float") M(ARRAY_VEC2, "vec2") M(ARRAY_VEC3, "vec3") M(ARRAY_VEC4, "vec4")
#define ARRAYKIND_MENU(M) M(ARRAY_UNIFORM, "uniformarray") M(ARRAY_TEXTUREBUFFER, "texturebuffer")
enum { LIGHTINGSPACE_MENU(TD_MENU_ID) };
enum { SIMPLEXNOISE_MENU(TD_MENU_ID) };
enum { INPRIM_MENU(TD_MENU_ID) };
enum { OUTPRIM_MENU(TD_MENU_ID) };
enum { ARRAYTYPE_MENU(TD_MENU_ID) };
enum { ARRAYKIND_MENU(TD_MENU_ID) };
static const char *const lightingspace_menu[] = {LIGHTINGSPACE_MENU(TD_MENU_TOKEN) NULL};
static const char *const lightingspace_labels[] = {"World Space", "Camera Space", NULL};
static const char *const simplexnoise_menu[] = {SIMPLEXNOISE_MENU(TD_MENU_TOKEN) NULL};
static const char *const inprim_menu[] = {INPRIM_MENU(TD_MENU_TOKEN) NULL};
static const char *const outprim_menu[] = {OUTPRIM_MENU(TD_MENU_TOKEN) NULL};
static const char *const arraytype_menu[] = {ARRAYTYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const arraykind_menu[] = {ARRAYKIND_MENU(TD_MENU_TOKEN) NULL};

#define GLSL_PARS(X)                                                                                       \
    X(glslversion, TD_PAR_ML, "GLSL Version", "Load", GLSL_460, td_menu_glslversion, td_menu_glslversion_labels)      \
    X(predat, TD_PAR_O, "Preprocess Directives", "Load", "")                                               \
    X(vdat, TD_PAR_O, "Vertex Shader", "Load", "")                                                         \
    X(pdat, TD_PAR_O, "Pixel Shader", "Load", "")                                                          \
    X(loaduniformnames, TD_PAR_P, "Load Uniform Names", "Load")                                            \
    X(clearuniformnames, TD_PAR_P, "Clear Uniform Names", "Load")                                          \
    X(gdat, TD_PAR_O, "Geometry Shader", "Load", "")                                                       \
    X(inherit, TD_PAR_O, "Inherit From", "Load", "")                                                       \
    X(lightingspace, TD_PAR_ML, "Lighting Space", "Load", LIGHTING_WORLD, lightingspace_menu, lightingspace_labels) \
    X(simplexnoise, TD_PAR_M, "Simplex Noise", "Load", NOISE_PERFORMANCE, simplexnoise_menu)               \
    X(inprim, TD_PAR_M, "Input Primitive Type", "Load", INPRIM_TRIANGLES, inprim_menu)                     \
    X(outprim, TD_PAR_M, "Output Primitive Type", "Load", OUTPRIM_TRISTRIP, outprim_menu)                  \
    X(numout, TD_PAR_I, "Number of Output Vertices", "Load", 3, 0, 1024, TD_PAR_CLAMP_MIN)                 \
    X(twocolor, TD_PAR_T, "Two-Sided Color", "Load", 0)                                                    \
    BLOCKS8(SAMPLER_BLOCK, X)                                                                              \
    BLOCKS8(VEC_BLOCK, X)                                                                                  \
    BLOCKS4(ARRAY_BLOCK, X)                                                                                \
    BLOCKS2(MATRIX_BLOCK, X)                                                                               \
    BLOCKS4(CONST_BLOCK, X)                                                                                \
    TD_MAT_COMMON_PARS(X)
TD_PAR_TABLE(glsl_pars, GLSL_PARS);

/* Each block's first parameter and the distance between blocks. */
#define VEC_STRIDE (PAR_vec1name - PAR_vec0name)
#define SAMPLER_STRIDE (PAR_sampler1name - PAR_sampler0name)
#define CONST_STRIDE (PAR_const1name - PAR_const0name)
#define MATRIX_STRIDE (PAR_matrix1name - PAR_matrix0name)
#define NCONSTS TD_GLSL_CONSTS

/* The material block: vector k's four values at floats 4k .. 4k + 3 (gpu/glsl.h reads them there). */
#define VEC_FIELD(k) {"vec" #k, 4, PAR_vec0valuex + (k) * VEC_STRIDE}
static const td_block_field glsl_block[] = {VEC_FIELD(0), VEC_FIELD(1), VEC_FIELD(2), VEC_FIELD(3),
                                            VEC_FIELD(4), VEC_FIELD(5), VEC_FIELD(6), VEC_FIELD(7)};

/* Sampler j is material map j: its TOP bound on unit TD_MATERIAL_MAP_UNIT + j. */
#define SAMPLER_MAP(j)                                                                                     \
    {.top = PAR_sampler0top + (j) * SAMPLER_STRIDE, .extendu = PAR_sampler0extendu + (j) * SAMPLER_STRIDE, \
     .extendv = PAR_sampler0extendv + (j) * SAMPLER_STRIDE, .filter = PAR_sampler0filter + (j) * SAMPLER_STRIDE}
static const td_mat_map glsl_maps[] = {SAMPLER_MAP(0), SAMPLER_MAP(1), SAMPLER_MAP(2), SAMPLER_MAP(3),
                                       SAMPLER_MAP(4), SAMPLER_MAP(5), SAMPLER_MAP(6), SAMPLER_MAP(7)};
static const char *const glsl_map_units[] = {"", "", "", "", "", "", "", ""};

static const td_material_program glsl_program = {
    .name = "glsl", .fragment = "", .fields = glsl_block, .nfields = TD_NPARS(glsl_block),
    .map_units = glsl_map_units, .nmaps = TD_NPARS(glsl_maps),
};

_Static_assert(TD_NPARS(glsl_block) == TD_GLSL_VECTORS, "one block field per vector uniform");
_Static_assert(TD_NPARS(glsl_maps) == TD_MATERIAL_MAPS, "one sampler per material map");
_Static_assert((PAR_const0name - PAR_matrix0name) / MATRIX_STRIDE == TD_GLSL_MATRICES, "one block per matrix uniform");

/* Raises tdError "<mat>: <msg>" and keeps it in the MAT's errors() (until its sources change). */
static int
glsl_error(TdOp *mat, const char *msg)
{
    td_render_error(mat, "%s", msg);
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *text = value != NULL ? PyObject_Str(value) : NULL;
    Py_CLEAR(mat->errors); /* what the MAT's errors() said of its sources before is no longer so */
    if (text != NULL && (mat->errors = PyList_New(0)) != NULL) {
        PyList_Append(mat->errors, text);
    }
    PyErr_Clear();
    Py_XDECREF(text);
    PyErr_Restore(type, value, tb);
    /* the program of the sources before is no longer the MAT's: the next good read makes a new one */
    td_gl_source_decref(mat->ext);
    mat->ext = NULL;
    return -1;
}

/* Matrix k's value (column-major floats): the world transform of the object COMP its value names,
 * a table DAT's 4 x 4 cells (row r, column c: the matrix's row r, column c), or the identity when
 * it names nothing. Python may run (the object's transform, the DAT's file). */
static int
matrix_value(TdOp *mat, const td_values *vals, int k, float out[16])
{
    Py_ssize_t index = PAR_matrix0value + k * MATRIX_STRIDE;
    const char *path = td_values_str(vals, index), *name = mat->cls->pars[index].name;
    double m[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    char msg[600];
    int rc = 0;
    if (path[0] != '\0') {
        TdOp *op = td_path_resolve(mat->parent != NULL ? mat->parent : mat, path);
        if (op == NULL || !op->valid) {
            snprintf(msg, sizeof(msg), "%s '%.400s' names no operator", name, path);
            return glsl_error(mat, msg);
        }
        Py_INCREF(op);
        const td_dat_class *dc = td_dat_class_of(op);
        if (td_object_class_of(op) != NULL) {
            rc = td_object_world(op, m, NULL);
        }
        else if (dc != NULL && dc->table) {
            td_dat_data *d = td_dat_contents(op);
            if (d == NULL) {
                rc = -1;
            }
            else if (d->table.nrows != 4 || d->table.ncols != 4) {
                snprintf(msg, sizeof(msg), "%s '%.400s' is not a 4 x 4 table", name, path);
                rc = glsl_error(mat, msg);
            }
            for (int r = 0; rc == 0 && r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    m[c * 4 + r] = atof(td_table_get(&d->table, (size_t)r, (size_t)c, NULL));
                }
            }
        }
        else {
            snprintf(msg, sizeof(msg), "%s '%.400s' is neither an object COMP nor a table DAT (it is a %s)", name,
                     path, op->cls->optype);
            rc = glsl_error(mat, msg);
        }
        Py_DECREF(op);
    }
    for (int i = 0; i < 16; i++) {
        out[i] = (float)m[i];
    }
    return rc < 0 ? -1 : td_op_check(mat);
}

static int
glsl_fill(TdOp *mat, const td_values *vals, td_scene_material *out)
{
    /* the render takes mat->ext as the material's source; out gets the matrices' values */
    static const Py_ssize_t stage_pars[4] = {PAR_predat, PAR_vdat, PAR_gdat, PAR_pdat};
    const char *texts[4];
    PyObject *held[4] = {NULL, NULL, NULL, NULL};
    int rc = 0;
    for (int i = 0; i < 4 && rc == 0; i++) {
        rc = td_glsl_stage_text(mat, vals, stage_pars[i], glsl_error, &texts[i], &held[i]);
        if (rc == 0 && !mat->valid) {
            rc = td_op_check(mat); /* destroyed while a DAT's file parameter was evaluated */
        }
    }
    char consts[TD_GLSL_CONSTS * (TD_GLSL_NAME_MAX + 32)];
    td_gl_glsl g;
    memset(&g, 0, sizeof(g));
    for (int k = 0; rc == 0 && k < TD_GLSL_VECTORS; k++) {
        rc = td_glsl_uniform_name(mat, vals, PAR_vec0name + k * VEC_STRIDE, glsl_error, g.vectors[k]);
    }
    for (int j = 0; rc == 0 && j < TD_MATERIAL_MAPS; j++) {
        rc = td_glsl_uniform_name(mat, vals, PAR_sampler0name + j * SAMPLER_STRIDE, glsl_error, g.samplers[j]);
    }
    for (int k = 0; rc == 0 && k < TD_GLSL_MATRICES; k++) {
        rc = td_glsl_uniform_name(mat, vals, PAR_matrix0name + k * MATRIX_STRIDE, glsl_error, g.matrices[k]);
        if (rc == 0) {
            rc = matrix_value(mat, vals, k, out->block + 4 * TD_GLSL_VECTORS + 16 * k);
        }
    }
    if (rc == 0) {
        rc = td_glsl_constants(mat, vals, PAR_const0name, CONST_STRIDE, NCONSTS, glsl_error, consts, sizeof(consts));
    }
    if (rc == 0) {
        g.pre = (char *)(texts[0] != NULL ? texts[0] : "");
        g.vertex = (char *)(texts[1] != NULL ? texts[1] : "");
        g.geometry = (char *)texts[2];
        g.pixel = (char *)(texts[3] != NULL ? texts[3] : "");
        g.consts = consts;
        td_gl_source *cached = mat->ext;
        if (cached == NULL || cached->glsl == NULL || !td_gl_glsl_equal(cached->glsl, &g)) {
            td_gl_source *src = td_gl_glsl_source(&g);
            if (src == NULL) {
                PyErr_NoMemory();
                rc = -1;
            }
            else {
                td_gl_source_decref(mat->ext);
                mat->ext = src;
                Py_CLEAR(mat->errors); /* a program error of the old sources is gone with them */
            }
        }
    }
    for (int i = 0; i < 4; i++) {
        Py_XDECREF(held[i]);
    }
    return rc;
}

static const td_mat_class glsl_proto = {.program = &glsl_program, .maps = glsl_maps, .fill = glsl_fill};

static PyType_Slot glsl_slots[] = {
    {Py_tp_doc,
     "glslMAT: a material of the user's GLSL shaders.\n\n"
     "vdat, pdat and gdat name the DATs (relative to the MAT's network) holding the vertex, pixel and\n"
     "geometry shaders, predat one whose preprocessor directives (#extension ...) go first in every\n"
     "stage; td_render also takes the source itself as the parameter's value when it holds a newline\n"
     "(a path never does). An empty vdat is the default vertex shader (TDWorldToProj(TDDeform(TDPos())),\n"
     "the Vertex block {color, worldSpacePos, worldSpaceNorm, cameraIndex} oVert and vUV); an empty\n"
     "pdat is td_render's default pixel shader, opaque white unlit; an empty gdat: no geometry stage.\n"
     "A DAT's change re-renders. A parameter naming no DAT, or a non-DAT, a shader that does not\n"
     "compile (the message names the stage, vertex, geometry or pixel, and the line of the DAT's\n"
     "text) or link raises tdError naming the MAT at the render's cook, kept in the MAT's errors().\n"
     "Every glslversion (default glsl460: ours) compiles as GLSL 4.50 core (the context's), so 3.30+\n"
     "code compiles; 1.20 code (attribute, varying, gl_FragColor) does not.\n\n"
     "Uniforms: vecNname / vecNvaluex..w (N 0..7) set a uniform of that name as declared (float,\n"
     "vec2..4, int, ivec2..4, uint, bool: the first components); samplerNname / samplerNtop (N 0..7)\n"
     "bind the TOP's image (cooked first) to the sampler, with samplerNextendu/v and samplerNfilter;\n"
     "matrixNname / matrixNvalue (N 0..1) set a mat4 (or mat3: the upper 3x3) uniform to the world\n"
     "transform of the object COMP matrixNvalue names, or to a 4 x 4 table DAT's numbers (row r,\n"
     "column c), the identity when empty; constNname / constNvalue (N 0..3) are declared before\n"
     "each stage as `const int name = value;` (a change recompiles). A name the shader does not declare (or does not use) is ignored. The\n"
     "pages are fixed blocks where TouchDesigner has sequences.\n\n"
     "TouchDesigner's GLSL API here (a subset): all stages: uTDMats[0] (world, worldInverse, worldCam,\n"
     "worldCamInverse, cam, camInverse, camProj, camProjInverse, proj, projInverse, worldCamProj,\n"
     "worldCamProjInverse, worldForNormals, camForNormals, worldCamForNormals), TD_NUM_CAMERAS 1,\n"
     "uTDGeneral.ambientColor, TDWorldToProj(vec3|vec4 [, vec3 uv] [, int cameraIndex]),\n"
     "TDCameraIndex() (0), TD_NUM_LIGHTS, TD_NUM_COLOR_BUFFERS (the render's numcolorbufs). Vertex:\n"
     "the attributes P, N, Cd, uv[0]; TDPos(), TDNormal(), TDPointColor(), TDTexCoord(layer),\n"
     "TDUVUnwrapCoord(); instancing (geometryCOMP's Instance pages): TDInstanceID() (gl_InstanceID; 0 in\n"
     "the other stages), TDInstanceMat(), TDInstanceColor(vec4) and TDInstanceTexCoord(vec3) (the\n"
     "instance's colour and texture coordinate applied in its modes; unchanged without them),\n"
     "TDDeform(vec3|vec4) (the instance's transform, then the object's: world space), TDDeformNorm(),\n"
     "TDDeformVec(); the default vertex shader colours with TDInstanceColor(TDPointColor()). Pixel: TDLighting(i, worldPos, worldNorm,\n"
     "shadowStrength, shadowColor, vertToCamVec, shininess [, shininess2]) -> TDPhongResult {diffuse,\n"
     "specular, specular2, shadowStrength}, phongMAT's terms for light i (colour, projector map, shadow,\n"
     "attenuation, cone); uTDLights[i] (TouchDesigner's position, direction, diffuse,\n"
     "attenScaleBiasRoll, shadowMapMatrix, projMapMatrix; td_render's cone, shadow, shadowMap, projector);\n"
     "TDFog(color, worldPos [, cameraIndex]), TDDither(), TDAlphaTest() (the Common page's test),\n"
     "TDOutputSwizzle() (the channel routing only: a shader premultiplies and dithers itself, as in\n"
     "TouchDesigner), TDCheckDiscard() (nothing), TDFrontFacing(). `layout(location = N) out vec4`\n"
     "(or an array) writes the render's colour buffer N (numcolorbufs), read with renderselectTOP.\n"
     "Not here: instancing, skinning, picking, multiple cameras, images, TDLightingPBR, noise.\n"
     "Shadow maps draw the undeformed geometry.\n\n"
     "Stored only: glslversion, loaduniformnames, clearuniformnames, inherit, lightingspace (world\n"
     "space), simplexnoise, inprim, outprim, numout, twocolor (the geometry shader declares its own\n"
     "layouts), arrayN* (arrays come from CHOPs, which td_render has not), samplerNextendw,\n"
     "samplerNanisotropy. The labels of inprim, outprim, numout and twocolor are ours."},
    {0, NULL},
};

static PyType_Spec glsl_spec = {
    .name = "td_render.glslMAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = glsl_slots,
};

const td_op_class td_class_glslMAT = {
    .optype = "glslMAT", .family = "MAT", .label = "GLSL", .base_name = "glsl", .subtype = "",
    .base = TD_BASE_MAT, .spec = &glsl_spec, .pars = glsl_pars, .npars = PAR_COUNT,
    .proto = &glsl_proto, .release = td_mat_release,
};
