/* td_scene: the plain-C snapshot of a network that one render needs. The Python-aware layer builds
 * it while holding the GIL (ops/render_top.c); the GL thread draws it with the GIL released.
 * Reference counted so a render in flight keeps it alive while the TOP replaces its own copy. */
#ifndef TD_GPU_SCENE_H
#define TD_GPU_SCENE_H

#include <stdatomic.h>
#include <stddef.h>

#include <stdint.h>

#include "geom/instances.h"
#include "gpu/format.h"
#include "gpu/material.h"
#include "gpu/mesh.h"
#include "gpu/program.h"

typedef enum {
    TD_LIGHT_POINT = 0, TD_LIGHT_AMBIENT = 1, TD_LIGHT_CONE = 2, TD_LIGHT_DISTANT = 3, TD_LIGHT_ENVIRONMENT = 4
} td_light_kind;

typedef enum { TD_SHADOW_NONE = 0, TD_SHADOW_HARD = 1, TD_SHADOW_SOFT = 2 } td_shadow_kind;

/* Lights a render takes at most, of them with shadows and with projector maps (each map on its own
 * texture unit: a fragment shader has at least 16). */
#define TD_MAX_LIGHTS 64
#define TD_MAX_SHADOWS 8
#define TD_MAX_PROJMAPS 4
/* Distinct TOP images the materials of one render sample, at most. */
#define TD_MAX_TEXTURES 16
/* Compile-time values of an image operator's program, at most. */
#define TD_IMAGE_DEFINES 8
/* Environment lights with a map a render takes at most (each on two texture units from 24:
 * gpu/envlight.h); those without one are summed (td_scene.env_uniform). */
#define TD_MAX_ENVLIGHTS 4

/* One environment light, laid out as the std140 TDEnvLight of shaders/pbr.frag. */
typedef struct td_scene_envlight {
    float color[4];     /* colour * dimmer; w unused */
    float rotation[12]; /* world direction to the map's direction: three columns (std140 vec4s, w unused) */
} td_scene_envlight;

/* One light, laid out as the std140 TDLight of shaders/td_fragment.glsl. */
typedef struct td_scene_light {
    float position[4];  /* world position; w = td_light_kind */
    float color[4];     /* colour * dimmer; w unused */
    float direction[4]; /* cone, distant: the way the light shines (world, unit); w unused */
    float cone[4];      /* cone: cos of the full-intensity half angle, cos of the outer edge, rolloff */
    float atten[4];     /* attenuation: scale, bias (clamp(d * scale + bias, 0, 1)), exponent; w 1 if on */
    float shadow[4];    /* td_shadow_kind, the map's slot, soft: kernel half-width in taps, tap spacing in texels */
    float shadow_map[4]; /* the map's width and height, its polygon offset factor and units */
    float shadow_matrix[16]; /* world to the light's clip space (column-major, depth to [0, 1]) */
    float projector[4];  /* projector map: 1 if on, its slot, its TD_SAMPLING (gpu/sampler.h); w unused */
    float projector_matrix[16]; /* world to the projector's clip space */
} td_scene_light;

/* A camera's fog, laid out as the fog vec4s of the std140 TDFrame block (shaders/td_common.glsl). */
typedef struct td_scene_fog {
    float params[4]; /* mode (0 off, 1 linear, 2 exp, 3 exp2), density, linear scale and bias */
    float color[4];  /* rgb, alpha: what a fully fogged surface becomes */
} td_scene_fog;

/* A material: the program it names and the bytes of its TDMaterial block (std140, laid out by
 * program->fields). */
typedef struct td_scene_material {
    const td_material_program *program;
    td_gl_source *source; /* NULL, or a fragment body replacing program->fragment (one reference) */
    uint64_t owner;       /* id of the MAT (names it in errors), 0 for the default material */
    td_material_state state; /* the MAT Common page */
    signed char maps[TD_MATERIAL_MAPS];     /* map j's image: an index of td_scene.textures, -1: none */
    unsigned char map_sampling[TD_MATERIAL_MAPS]; /* their TD_SAMPLING (gpu/sampler.h) */
    unsigned switches;    /* td_block_switches of the block: which terms its program compiles in */
    float block[TD_MATERIAL_BLOCK_MAX / 4];
} td_scene_material;

typedef struct td_scene_draw {
    td_mesh *mesh;      /* one reference held by the scene */
    td_instances *instances; /* one reference, or NULL: the mesh drawn once (no instancing) */
    uint64_t geometry;  /* id of the geometryCOMP drawn (names it in picks) */
    uint32_t casts;     /* bit k: the draw casts into shadow map slot k */
    uint32_t seq;       /* gather order: the tie-break of the sort by priority */
    float priority;     /* its geometryCOMP's drawpriority: larger drawn first */
    float distance;     /* of its origin from the camera: blended draws are sorted far to near */
    float model[16];    /* column-major object-to-world */
    float normal[9];    /* column-major inverse transpose of model's upper 3x3 */
    td_scene_material material;
} td_scene_draw;

/* What a render does: draw geometry into a cleared target, continue drawing into a copy of its
 * input's image (renderpassTOP), convert its input's depth (depthTOP, gpu/depth.h), copy one of
 * its input's colour buffers (renderselectTOP), or run an image operator's pass over its inputs
 * (gpu/image_pass.h). */
typedef enum { TD_SCENE_RENDER = 0, TD_SCENE_RENDERPASS, TD_SCENE_DEPTH, TD_SCENE_SELECT, TD_SCENE_IMAGE } td_scene_kind;

/* Faces culled (the cullface menu's order). */
typedef enum { TD_CULL_NEITHER = 0, TD_CULL_BACK, TD_CULL_FRONT, TD_CULL_BOTH } td_cull;

struct td_gl_target;

typedef struct td_scene {
    atomic_int refs;
    td_scene_light *lights;   /* the lights the shaders loop over: point, cone, distant */
    td_scene_draw *draws;
    /* From here to the end: plain values, compared as one block by td_scene_equal (the scene is
     * calloc'd, so padding is zero). A field added below can never be missed by the compare. */
    size_t nlights, ndraws;
    int width, height;
    const td_pixel_format *format;
    unsigned int chanmask;    /* bit 0 R .. bit 3 A: channels the geometry writes */
    int samples;              /* samples a pixel (antialias), 1: none; within what the GL supports */
    float view[16], proj[16]; /* column-major; proj maps depth to [0, 1] */
    float camera_pos[3];
    float background[4];
    float ambient[4];         /* rgb: the ambient lights summed (they are no entries of lights) */
    /* the Advanced page */
    int cull;                 /* td_cull */
    int polygon_offset;       /* on: glPolygonOffset(offset_factor, offset_units) for every draw */
    float offset_factor, offset_units;
    int depth_only;           /* draw depth only: colour keeps the clear colour */
    int depth_float;          /* a 32-bit float depth buffer, else 24-bit fixed */
    int dither;               /* ordered dither of the colour by one step of the format's precision */
    int premult;              /* the colour's rgb multiplied by its alpha (background included) */
    /* what the render starts from */
    int kind;                 /* td_scene_kind */
    int clear_color, clear_depth; /* renderpass: clear instead of continuing from the input */
    struct td_gl_target *input;   /* renderpass, depth: the input TOP's image (one reference) */
    uint64_t input_gen;       /* the generation of input's image this scene was built from */
    float params[12];         /* the kind's own values (depth: gpu/depth.h) */
    int nshadows;             /* lights with a shadow map (slots 0 .. nshadows - 1) */
    int cube_faces;           /* a cube map: bit f renders face f (+X, -X, +Y, -Y, +Z, -Z of the camera)
                               * into rows f * width of a width x 6 width strip; 0: a 2D render */
    int ncolor;               /* colour buffers (numcolorbufs; a program writes those it declares) */
    int ntextures;            /* the TOP images the materials' maps sample */
    struct td_gl_target *textures[TD_MAX_TEXTURES]; /* one reference each */
    uint64_t texture_gens[TD_MAX_TEXTURES];
    int nprojmaps;            /* lights with a projector map (slots 0 .. nprojmaps - 1) */
    struct td_gl_target *projmaps[TD_MAX_PROJMAPS]; /* their TOPs' images (one reference each) */
    uint64_t projmap_gens[TD_MAX_PROJMAPS];
    int select_buffer;        /* select: the input's colour buffer copied */
    td_scene_fog fog;         /* the camera's; all zero when off */
    /* image: the TOP's program, its compile-time values and TDMaterial block; its inputs are
     * textures[0 .. ntextures - 1], sampled as image_sampling says (TD_SAMPLING) */
    const td_material_program *image_program;
    int image_defines[TD_IMAGE_DEFINES];
    unsigned char image_sampling[TD_MAX_TEXTURES + 1];
    float image_block[TD_MATERIAL_BLOCK_MAX / 4];
    struct td_pixels *pixels; /* image: host pixels uploaded as its first input (one reference), or NULL */
    int image_passes;         /* image: passes (npasses), each after the first reading the last as input 0 */
    td_gl_source *image_source; /* image: a glslTOP's pixel shader and uniform names (->glsl: gpu/glsl.h)
                                 * replacing image_program's body (one reference), or NULL */
    int nenvlights;           /* environment lights with a map (pbrMAT's image-based light) */
    struct td_gl_target *envmaps[TD_MAX_ENVLIGHTS]; /* their maps' TOP images (one reference each) */
    uint64_t envmap_gens[TD_MAX_ENVLIGHTS];
    td_scene_envlight envlights[TD_MAX_ENVLIGHTS];
    float env_uniform[4];     /* rgb: the environment lights without a map summed (uniform environments) */
} td_scene;

/* Where the compared values of a td_scene begin. */
#define TD_SCENE_VALUES offsetof(td_scene, nlights)

/* An empty scene with room for the given counts, one reference; NULL if out of memory. */
td_scene *td_scene_new(size_t max_lights, size_t max_draws);
void td_scene_incref(td_scene *s);
void td_scene_decref(td_scene *s);
/* Drops every draw (their meshes, instances and sources) of a scene not yet shared: ndraws 0. */
void td_scene_clear_draws(td_scene *s);
/* 1 if a and b would render the same image: the same values block, lights and draws (meshes and
 * programs by identity, numbers exactly). */
int td_scene_equal(const td_scene *a, const td_scene *b);

#endif
