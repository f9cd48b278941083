/* Material programs and their uniform blocks. A material program is a fragment shader (one file in
 * shaders/) and the fields of its std140 uniform block TDMaterial, described as data: each field
 * is a GLSL float/vec2/vec3/vec4 filled from `components` consecutive parameters of the MAT
 * starting at index `par`. The GLSL declaration of the block and its byte layout both come from this one
 * table, so a new field is one row. Plain C, no Python. */
#ifndef TD_GPU_MATERIAL_H
#define TD_GPU_MATERIAL_H

#include <stddef.h>

typedef struct td_block_field {
    const char *name; /* GLSL member name */
    int components;   /* 1 float, 2 vec2, 3 vec3, 4 vec4 */
    int par;          /* index of the first of its parameters (the others follow it in the MAT's table);
                       * -1: not from parameters (the operator's code fills it) */
} td_block_field;

/* Texture maps a material samples, at most, each from a TOP (units TD_MATERIAL_MAP_UNIT.. +7). */
#define TD_MATERIAL_MAPS 8

typedef struct td_material_program {
    const char *name;     /* "phong": for messages */
    const char *fragment; /* the material's fragment shader body (after the TD prelude) */
    const td_block_field *fields;
    size_t nfields;
    /* its maps: map j, when the MAT names a TOP for it, is bound on unit TD_MATERIAL_MAP_UNIT + j and
     * the macro map_units[j] is defined to that unit in the program's source */
    const char *const *map_units;
    size_t nmaps;
    /* compile-time switches: `define` is defined in the program's source when the field named
     * `field` of the block is nonzero (when_zero: when it is zero), so a term whose factor is zero costs
     * nothing (the block's values still feed the shader) */
    const struct td_block_switch *switches;
    size_t nswitches;
    /* compile-time integers (image TOPs: a menu's choice): defines[i] is #defined to the scene's
     * value i (td_scene.image_defines) */
    const char *const *defines;
    size_t ndefines;
} td_material_program;

typedef struct td_block_switch {
    const char *define;
    const char *field; /* the GLSL member of fields it reads */
    int when_zero;
} td_block_switch;

/* Bit i set: switch i of prog is on for the block's values. */
unsigned td_block_switches(const td_material_program *prog, const float *block);

/* The texture unit of a material's map 0 (after the shadow and projector maps' units). Units from
 * TD_MATERIAL_MAP_UNIT + TD_MATERIAL_MAPS (24) on are free for the environment lights' maps. */
#define TD_MATERIAL_MAP_UNIT 16

/* Bytes of a material block at most (std140, 16 vec4 fields). */
#define TD_MATERIAL_BLOCK_MAX 256

/* std140 byte offset of field i, and the size of the whole block (a multiple of 16). */
size_t td_block_offset(const td_block_field *fields, size_t i);
size_t td_block_size(const td_block_field *fields, size_t n);
/* Writes the GLSL declaration of the block ("layout(std140, binding = ...) uniform TDMaterial
 * {...};") into buf; returns its length, or a value >= cap if it did not fit. */
size_t td_block_declaration(const td_block_field *fields, size_t n, char *buf, size_t cap);

/* Blend factors a material state names (the renderer maps them to GL's). */
typedef enum {
    TD_BLEND_ZERO = 0, TD_BLEND_ONE, TD_BLEND_SRC_COLOR, TD_BLEND_ONE_MINUS_SRC_COLOR, TD_BLEND_DST_COLOR,
    TD_BLEND_ONE_MINUS_DST_COLOR, TD_BLEND_SRC_ALPHA, TD_BLEND_ONE_MINUS_SRC_ALPHA, TD_BLEND_DST_ALPHA,
    TD_BLEND_ONE_MINUS_DST_ALPHA, TD_BLEND_SRC_ALPHA_SATURATE, TD_BLEND_CONSTANT_COLOR,
    TD_BLEND_ONE_MINUS_CONSTANT_COLOR, TD_BLEND_CONSTANT_ALPHA, TD_BLEND_ONE_MINUS_CONSTANT_ALPHA
} td_blend_factor;
typedef enum { TD_BLEND_OP_ADD = 0, TD_BLEND_OP_SUB, TD_BLEND_OP_REVSUB, TD_BLEND_OP_MIN, TD_BLEND_OP_MAX } td_blend_op;
typedef enum {
    TD_DEPTH_LESS = 0, TD_DEPTH_LEQUAL, TD_DEPTH_EQUAL, TD_DEPTH_GREATER, TD_DEPTH_GEQUAL, TD_DEPTH_NOTEQUAL,
    TD_DEPTH_ALWAYS
} td_depth_func;

/* A material's fixed-function state (the MAT Common page). Plain bytes: compared with the scene. */
typedef struct td_material_state {
    unsigned char blend;               /* blending on */
    unsigned char blend_op[2];         /* td_blend_op: colour, alpha */
    unsigned char src[2], dst[2];      /* td_blend_factor: colour, alpha */
    unsigned char depth_test, depth_func, depth_write; /* td_depth_func */
    unsigned char alpha_test;          /* 0 off, 1 + (less, lessorequal, greater, greaterorequal): keep if */
    unsigned char wireframe;           /* draw the triangles' edges */
    unsigned char polygon_offset;
    signed char cull;                  /* -1: the render's; else td_cull of gpu/scene.h */
    float constant[4];                 /* blend constant colour and alpha */
    float alpha_threshold, line_width;
    float offset_factor, offset_units;
} td_material_state;

/* Binding points of the uniform blocks every program shares (shaders/td_common.glsl). */
enum { TD_BLOCK_FRAME = 0, TD_BLOCK_DRAW = 1, TD_BLOCK_MATERIAL = 2, TD_BLOCK_LIGHTS = 3 };

#endif
