/* The image operators' pass: one full-screen triangle of a TOP's program over its input images
 * (a td_scene of kind TD_SCENE_IMAGE), the way TouchDesigner's filter and generator TOPs work.
 * The program is the TOP's fragment body after the image prelude (shaders/td_image.glsl: the
 * inputs as sTD2DInputs[], vUV, uTDOutputInfo / uTD2DInfos[] and TDOutputSwizzle, TouchDesigner's
 * GLSL TOP names), its TDMaterial block laid out from the TOP's field table and its compile-time
 * values (td_scene.image_defines). Plain C, no Python. */
#ifndef TD_GPU_IMAGE_PASS_H
#define TD_GPU_IMAGE_PASS_H

#include "gpu/program.h"
#include "gpu/sampler.h"
#include "gpu/scene.h"
#include "gpu/target.h"
#include "gpu/texture.h"

/* The image pass's state of the renderer: its info block buffer (made on first use). */
typedef struct td_gl_image_pass {
    unsigned int info, block;
    td_gl_texture upload;   /* s->pixels uploaded, the pass's input 0 */
    td_gl_texture feedback; /* passes after the first: the one before, their input 0 */
    char *vsrc;             /* the vertex shader of every image program, made once */
} td_gl_image_pass;

/* GL thread: draws s into t (whose pass is ready): its inputs are s->pixels (uploaded, when there
 * are pixels), then s->textures[0 .. ntextures - 1], sampled as s->image_sampling says (the pixels
 * with image_sampling[0], the textures after them); fsrc is the renderer's composition buffer
 * (TD_SOURCE_MAX bytes); vao is an empty vertex array. -1 with err set if the program
 * does not compile or an input has no image. */
int td_gl_image_draw(td_gl_image_pass *p, td_gl_programs *programs, td_gl_samplers *samplers, char *fsrc,
                     unsigned int vao, td_gl_target *t, const td_scene *s, td_err *err);
#endif
