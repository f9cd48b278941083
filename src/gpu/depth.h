/* The depthTOP pass: a target's depth buffer converted into another target's colour by a
 * full-screen triangle (shaders/fullscreen.vert, shaders/depth.frag). Plain C, no Python. */
#ifndef TD_GPU_DEPTH_H
#define TD_GPU_DEPTH_H

#include "gpu/program.h"
#include "gpu/scene.h"
#include "gpu/target.h"

/* td_scene.params of a TD_SCENE_DEPTH scene. */
enum {
    TD_DEPTH_P10 = 0, TD_DEPTH_P11, TD_DEPTH_P14, TD_DEPTH_P15, /* the input's projection z and w rows */
    TD_DEPTH_FROM1, TD_DEPTH_FROM2, TD_DEPTH_TO1, TD_DEPTH_TO2, /* reranged: rangefrom -> rangeto */
    TD_DEPTH_SPACE,                                            /* td_depth_space */
    TD_DEPTH_CLAMP, TD_DEPTH_GAMMA, TD_DEPTH_ALPHA,             /* ALPHA: 1 if the output's alpha holds depth */
};
typedef enum { TD_DEPTH_SPACE_INPUT = 0, TD_DEPTH_SPACE_CAMERA, TD_DEPTH_SPACE_RERANGED } td_depth_space;

/* GL thread: draws s (a TD_SCENE_DEPTH scene whose input is s->input) into t, whose pass is ready;
 * vao is an empty vertex array, *block the renderer's buffer for the TDDepth block (made on first
 * use, kept). */
int td_gl_depth_draw(td_gl_programs *programs, unsigned int vao, unsigned int *block, td_gl_target *t,
                     const td_scene *s, td_err *err);

#endif
