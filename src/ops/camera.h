/* cameraCOMP: view and projection for renders. */
#ifndef TD_OPS_CAMERA_H
#define TD_OPS_CAMERA_H

#include "graph/op.h"
#include "gpu/scene.h"

/* The projection for a render of the given aspect (width / height), depth mapped to [0, 1]
 * (column-major), from its evaluated values: the View page's projection, then its window and
 * ipdshift. Returns -1 with tdError set (naming the camera and the parameter) if the camera's
 * parameters make no projection (e.g. near >= far). */
int td_camera_projection(TdOp *cam, const td_values *vals, double aspect, double out[16]);
/* projection(x, y) and projectionInverse(x, y) (camera_methods.c). */
extern PyMethodDef td_camera_methods[];
/* bgcolorr/g/b/a from the camera's values. */
void td_camera_background(const td_values *vals, float out[4]);
/* 1 if the camera's premultrgbbyalpha is on: its background colour is to be premultiplied by its
 * alpha. */
int td_camera_premultiply(const td_values *vals);
/* The camera's fog (the Settings page) for the TDFrame block; all zero when fog is off. */
void td_camera_fog(const td_values *vals, td_scene_fog *out);

#endif
