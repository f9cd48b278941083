/* MAT: the base class of materials (a geometryCOMP's material parameter names one), and the
 * material-block helpers of ops/material.h. */
#include <assert.h>
#include <string.h>

#include "bind/state.h"
#include "graph/op.h"
#include "ops/material.h"
#include "ops/registry.h"

static PyType_Slot mat_slots[] = {
    {Py_tp_doc, "MAT: a material. Assign it to a geometryCOMP's material parameter (the OP or its path).\n\n"
                "Every MAT's Common page: blending with blendop, srcblend, destblend (and separatealphafunc\n"
                "with blendopa, srcblenda, destblenda), blendconstantr/g/b/a, as OpenGL's blend equation;\n"
                "depthtest (off: no depth writes either), depthfunc, depthwriting; alphatest keeps pixels whose\n"
                "alpha passes alphafunc against alphathreshold; wireframe draws the triangles' edges\n"
                "('topology' as 'tesselated': meshes here are triangles), wirewidth pixels wide (clamped to\n"
                "the OpenGL's aliased line width range, with a warning on the render); cullface (userender:\n"
                "the render's); polygonoffset with its factor and units (over the render's). Defaults\n"
                "TouchDesigner does not document are ours (blending off, sa / omsa, depthfunc less, alphafunc\n"
                "greaterorequal 0.5). Stored only: legacyalphabehavior, postmultalpha, pointcolorpremult."},
    {0, NULL},
};

PyType_Spec td_MAT_spec = {
    .name = "td_render.MAT",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = mat_slots,
};

const char *const td_menu_blendop[] = {TD_BLENDOP_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_srcblend[] = {TD_SRCBLEND_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_destblend[] = {TD_DESTBLEND_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_depthfunc[] = {TD_DEPTHFUNC_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_alphafunc[] = {TD_ALPHAFUNC_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_wireframe[] = {TD_WIREFRAME_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_matcull[] = {TD_MATCULL_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_pointpremult[] = {TD_POINTPREMULT_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_extend[] = {TD_EXTEND_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_extend_labels[] = {"Hold", "Zero", "Repeat", "Mirror", NULL};
const char *const td_menu_mapfilter[] = {TD_MAPFILTER_MENU(TD_MENU_TOKEN) NULL};
const char *const td_menu_mapfilter_labels[] = {"Nearest", "Linear", "Mipmap Linear", NULL};
const char *const td_menu_anisotropy[] = {TD_ANISOTROPY_MENU(TD_MENU_TOKEN) NULL};

/* The GPU's names of the blend factors, by menu index. */
static const unsigned char src_factor[] = {
    [TD_SRC_ZERO] = TD_BLEND_ZERO, [TD_SRC_DCOL] = TD_BLEND_DST_COLOR, [TD_SRC_OMDCOL] = TD_BLEND_ONE_MINUS_DST_COLOR,
    [TD_SRC_SA] = TD_BLEND_SRC_ALPHA, [TD_SRC_OMSA] = TD_BLEND_ONE_MINUS_SRC_ALPHA, [TD_SRC_DA] = TD_BLEND_DST_ALPHA,
    [TD_SRC_OMDA] = TD_BLEND_ONE_MINUS_DST_ALPHA, [TD_SRC_SAS] = TD_BLEND_SRC_ALPHA_SATURATE, [TD_SRC_ONE] = TD_BLEND_ONE,
    [TD_SRC_CCOL] = TD_BLEND_CONSTANT_COLOR, [TD_SRC_OMCCOL] = TD_BLEND_ONE_MINUS_CONSTANT_COLOR,
    [TD_SRC_CA] = TD_BLEND_CONSTANT_ALPHA, [TD_SRC_OMCA] = TD_BLEND_ONE_MINUS_CONSTANT_ALPHA};
static const unsigned char dst_factor[] = {
    [TD_DST_ZERO] = TD_BLEND_ZERO, [TD_DST_SCOL] = TD_BLEND_SRC_COLOR, [TD_DST_OMSCOL] = TD_BLEND_ONE_MINUS_SRC_COLOR,
    [TD_DST_SA] = TD_BLEND_SRC_ALPHA, [TD_DST_OMSA] = TD_BLEND_ONE_MINUS_SRC_ALPHA, [TD_DST_DA] = TD_BLEND_DST_ALPHA,
    [TD_DST_OMDA] = TD_BLEND_ONE_MINUS_DST_ALPHA, [TD_DST_ONE] = TD_BLEND_ONE, [TD_DST_CCOL] = TD_BLEND_CONSTANT_COLOR,
    [TD_DST_OMCCOL] = TD_BLEND_ONE_MINUS_CONSTANT_COLOR, [TD_DST_CA] = TD_BLEND_CONSTANT_ALPHA,
    [TD_DST_OMCA] = TD_BLEND_ONE_MINUS_CONSTANT_ALPHA};

/* The Common page's values as the renderer's state. */
static void
fill_state(const td_values *vals, const td_op_class *cls, td_material_state *st)
{
    Py_ssize_t c = td_mat_common(cls);
    double v[TD_MATC_COUNT];
    for (int i = 0; i < TD_MATC_COUNT; i++) {
        v[i] = vals != NULL ? vals->v[c + i].num : cls->pars[c + i].def;
    }
    memset(st, 0, sizeof(*st));
    st->blend = v[TD_MATC_blending] != 0.0;
    if (st->blend) {
        int alpha = v[TD_MATC_separatealphafunc] != 0.0;
        st->blend_op[0] = (unsigned char)v[TD_MATC_blendop];
        st->blend_op[1] = (unsigned char)v[alpha ? TD_MATC_blendopa : TD_MATC_blendop];
        st->src[0] = src_factor[(int)v[TD_MATC_srcblend]];
        st->src[1] = src_factor[(int)v[alpha ? TD_MATC_srcblenda : TD_MATC_srcblend]];
        st->dst[0] = dst_factor[(int)v[TD_MATC_destblend]];
        st->dst[1] = dst_factor[(int)v[alpha ? TD_MATC_destblenda : TD_MATC_destblend]];
        for (int k = 0; k < 4; k++) {
            st->constant[k] = (float)v[TD_MATC_blendconstantr + k];
        }
    }
    st->depth_test = v[TD_MATC_depthtest] != 0.0;
    st->depth_func = (unsigned char)v[TD_MATC_depthfunc];
    st->depth_write = st->depth_test && v[TD_MATC_depthwriting] != 0.0; /* no test: no writes either */
    st->alpha_test = v[TD_MATC_alphatest] != 0.0 ? (unsigned char)(1 + (int)v[TD_MATC_alphafunc]) : 0;
    st->alpha_threshold = (float)v[TD_MATC_alphathreshold];
    st->wireframe = v[TD_MATC_wireframe] != 0.0;
    st->line_width = (float)v[TD_MATC_wirewidth];
    const td_mat_class *proto = cls->base == TD_BASE_MAT ? (const td_mat_class *)cls->proto : NULL;
    if (proto != NULL && proto->lines) { /* a MAT of lines: its own width */
        Py_ssize_t w = proto->line_width;
        st->wireframe = 1;
        st->line_width = (float)(vals != NULL ? vals->v[w].num : cls->pars[w].def);
    }
    /* userender: -1; the others the render's cull order (neither, back, front, both) */
    st->cull = (signed char)((int)v[TD_MATC_cullface] - 1);
    st->polygon_offset = v[TD_MATC_polygonoffset] != 0.0;
    st->offset_factor = (float)v[TD_MATC_polygonoffsetfactor];
    st->offset_units = (float)v[TD_MATC_polygonoffsetunits];
}

/* ---- material blocks ---- */

void
td_block_fill(const td_values *vals, const td_op_class *cls, const td_material_program *prog, float *block)
{
    unsigned char *bytes = (unsigned char *)block;
    for (size_t i = 0; i < prog->nfields; i++) {
        const td_block_field *f = &prog->fields[i];
        if (f->par < 0) {
            continue; /* filled by the operator's own code */
        }
        assert((size_t)f->par + (size_t)f->components <= cls->npars);
        float v[4];
        for (int k = 0; k < f->components; k++) {
            size_t index = (size_t)f->par + (size_t)k;
            v[k] = (float)(vals != NULL ? vals->v[index].num : cls->pars[index].def);
        }
        memcpy(bytes + td_block_offset(prog->fields, i), v, (size_t)f->components * sizeof(float));
    }
}

void
td_mat_fill(const td_values *vals, const td_op_class *cls, const td_material_program *prog, td_scene_material *out)
{
    out->program = prog;
    fill_state(vals, cls, &out->state);
    for (int j = 0; j < TD_MATERIAL_MAPS; j++) {
        out->maps[j] = -1; /* the render resolves the TOPs (render_scene.c) */
    }
    td_block_fill(vals, cls, prog, out->block);
    out->switches = td_block_switches(prog, out->block); /* once here, not per draw */
}

void
td_mat_release(TdOp *mat)
{
    td_gl_source_decref(mat->ext);
    mat->ext = NULL;
}

PyObject *
td_mat_set_source(PyObject *module, PyObject *args)
{
    PyObject *obj, *text;
    if (!PyArg_ParseTuple(args, "OO:_set_material_source", &obj, &text)) {
        return NULL;
    }
    td_state *st = PyModule_GetState(module);
    if (!PyObject_TypeCheck(obj, st->base_types[TD_BASE_MAT])) {
        PyErr_SetString(PyExc_TypeError, "_set_material_source() takes a MAT");
        return NULL;
    }
    TdOp *mat = (TdOp *)obj;
    if (td_op_check(mat) < 0) {
        return NULL;
    }
    td_gl_source *src = NULL;
    if (text != Py_None) {
        Py_ssize_t len;
        const char *utf8 = PyUnicode_AsUTF8AndSize(text, &len);
        if (utf8 == NULL) {
            return NULL;
        }
        if ((size_t)len != strlen(utf8)) {
            PyErr_SetString(PyExc_ValueError, "shader source contains a NUL character");
            return NULL;
        }
        src = td_gl_source_new(utf8, (size_t)len);
        if (src == NULL) {
            return PyErr_NoMemory();
        }
    }
    td_gl_source_decref(mat->ext);
    mat->ext = src;
    Py_CLEAR(mat->errors); /* a program error of the old source is gone with it */
    td_op_touch(mat);
    Py_RETURN_NONE;
}
