/* The headless OpenGL 4.5 core context, made through EGL: the device platform on NVIDIA (the EGL
 * device whose EGL_CUDA_DEVICE_NV is the CUDA device we use), Mesa's surfaceless platform elsewhere.
 * Plain C, no Python. Only the GL thread (runtime.c) calls these. */
#ifndef TD_GPU_CONTEXT_H
#define TD_GPU_CONTEXT_H

#include "util/err.h"

#define TD_GL_MAX_FORMATS 32

typedef struct td_gl_info {
    char platform[32];  /* "device" or "surfaceless" or "default" */
    char vendor[128];
    char renderer[256];
    char version[256];
    int cuda_device;    /* CUDA ordinal matched on the device platform, -1 otherwise */
    int max_texture_size;
    int max_renderbuffer_size;
    int max_viewport_dims[2];
    int max_samples;
    /* The most samples a pixel a multisampled colour + depth target of each pixel format may have
     * (GL_MAX_SAMPLES and the format's and depth's GL_SAMPLES), by 'format' menu index. */
    int format_samples[TD_GL_MAX_FORMATS];
    float line_width_range[2]; /* GL_ALIASED_LINE_WIDTH_RANGE: the widths wireframes can have, pixels */
} td_gl_info;

typedef struct td_gl_context td_gl_context;

/* Loads libEGL, tries the platforms in order and makes a GL 4.5 core context current on the calling
 * thread. Environment: TD_RENDER_EGL_PLATFORMS (comma list of device, surfaceless, default; default
 * "device,surfaceless"), TD_RENDER_LIBEGL (library to open, default libEGL.so.1),
 * TD_RENDER_CUDA_DEVICE (CUDA ordinal for the device platform, default 0).
 * On failure err says what was tried and why each attempt failed. */
int td_gl_context_create(td_gl_context **out, td_gl_info *info, td_err *err);
void td_gl_context_destroy(td_gl_context *ctx);

#endif
