/* EGL context creation. See context.h. */
#include "gpu/context.h"
#include "gpu/format.h"
#include "gpu/texture.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <glad/egl.h>
#include <glad/gl.h>

struct td_gl_context {
    void *libegl;
    EGLDisplay display;
    EGLContext context;
};

/* glad resolves through this: the library's own exports first, then eglGetProcAddress. */
typedef void (*td_egl_proc)(void);
typedef td_egl_proc (*td_egl_getproc_fn)(const char *);

static void *td_libegl_handle;          /* set only while the GL thread loads; see td_gl_context_create */
static td_egl_getproc_fn td_egl_getproc;

static GLADapiproc
egl_loader(const char *name)
{
    void *sym = dlsym(td_libegl_handle, name);
    if (sym != NULL) {
        return (GLADapiproc)sym;
    }
    return td_egl_getproc != NULL ? (GLADapiproc)td_egl_getproc(name) : NULL;
}

static GLADapiproc
gl_loader(const char *name)
{
    return (GLADapiproc)eglGetProcAddress(name);
}

static const char *
egl_error_name(EGLint code)
{
    switch (code) {
    case EGL_SUCCESS: return "EGL_SUCCESS";
    case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
    case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS";
    case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
    case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
    case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
    case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
    case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
    case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
    case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
    case EGL_BAD_SURFACE: return "EGL_BAD_SURFACE";
    default: return "EGL error";
    }
}

static int
has_ext(const char *list, const char *name)
{
    size_t n = strlen(name);
    const char *p = list;
    while (p != NULL && (p = strstr(p, name)) != NULL) {
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) {
            return 1;
        }
        p += n;
    }
    return 0;
}

/* Appends "; what" to the log of attempts. */
static void
log_attempt(char *log, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
log_attempt(char *log, size_t cap, const char *fmt, ...)
{
    size_t len = strlen(log);
    if (len + 3 >= cap) {
        return;
    }
    if (len > 0) {
        strcat(log, "; ");
        len += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(log + len, cap - len, fmt, ap);
    va_end(ap);
}

/* The displays this process or an ancestor it was forked from initialised (bit per kind). A
 * driver's display does not survive fork (its threads are gone: on Mesa a new context on it hangs),
 * so a forked child only uses a display none of its ancestors opened. Inherited across fork; set
 * only on the GL thread while it starts. */
enum { TD_DPY_SURFACELESS = 1, TD_DPY_DEFAULT = 2, TD_DPY_CUDA = 4, TD_DPY_SOFTWARE = 8 };
static unsigned td_displays_opened;

/* Mesa's software EGL device (EGL_MESA_device_software), or EGL_NO_DISPLAY. */
static EGLDisplay
software_device_display(char *log, size_t cap)
{
    if (!GLAD_EGL_EXT_platform_device || !GLAD_EGL_EXT_device_enumeration || !GLAD_EGL_EXT_device_query) {
        log_attempt(log, cap, "software device: EGL_EXT_platform_device/device_enumeration/device_query missing");
        return EGL_NO_DISPLAY;
    }
    EGLDeviceEXT devices[16];
    EGLint ndev = 0;
    if (!eglQueryDevicesEXT(16, devices, &ndev) || ndev <= 0) {
        log_attempt(log, cap, "software device: no EGL devices (%s)", egl_error_name(eglGetError()));
        return EGL_NO_DISPLAY;
    }
    for (EGLint i = 0; i < ndev; i++) {
        const char *exts = eglQueryDeviceStringEXT(devices[i], EGL_EXTENSIONS);
        if (exts != NULL && has_ext(exts, "EGL_MESA_device_software")) {
            return eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[i], NULL);
        }
    }
    log_attempt(log, cap, "software device: none among %d EGL device(s)", (int)ndev);
    return EGL_NO_DISPLAY;
}

/* The EGL display of the device whose CUDA ordinal is cuda_ordinal, or EGL_NO_DISPLAY. */
static EGLDisplay
device_display(int cuda_ordinal, char *log, size_t cap)
{
    if (!GLAD_EGL_EXT_platform_device || !GLAD_EGL_EXT_device_enumeration || !GLAD_EGL_EXT_device_query) {
        log_attempt(log, cap, "device platform: EGL_EXT_platform_device/device_enumeration/device_query missing");
        return EGL_NO_DISPLAY;
    }
    EGLDeviceEXT devices[16];
    EGLint ndev = 0;
    if (!eglQueryDevicesEXT(16, devices, &ndev) || ndev <= 0) {
        log_attempt(log, cap, "device platform: no EGL devices (%s)", egl_error_name(eglGetError()));
        return EGL_NO_DISPLAY;
    }
    int with_cuda = 0;
    for (EGLint i = 0; i < ndev; i++) {
        const char *exts = eglQueryDeviceStringEXT(devices[i], EGL_EXTENSIONS);
        if (exts == NULL || !has_ext(exts, "EGL_NV_device_cuda")) {
            continue;
        }
        with_cuda++;
        EGLAttrib ordinal = -1;
        if (eglQueryDeviceAttribEXT(devices[i], EGL_CUDA_DEVICE_NV, &ordinal) && ordinal == cuda_ordinal) {
            EGLDisplay dpy = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[i], NULL);
            if (dpy == EGL_NO_DISPLAY) {
                log_attempt(log, cap, "device platform: eglGetPlatformDisplayEXT failed for CUDA device %d (%s)",
                            cuda_ordinal, egl_error_name(eglGetError()));
            }
            return dpy;
        }
    }
    if (with_cuda == 0) {
        log_attempt(log, cap, "device platform: %d EGL device(s), none with EGL_NV_device_cuda (no NVIDIA driver)",
                    (int)ndev);
    }
    else {
        log_attempt(log, cap, "device platform: no EGL device has EGL_CUDA_DEVICE_NV == %d", cuda_ordinal);
    }
    return EGL_NO_DISPLAY;
}

/* Initialises dpy and makes a GL 4.5 core context current without a surface. */
static int
make_context(td_gl_context *c, EGLDisplay dpy, const char *platform, char *log, size_t cap)
{
    EGLint major = 0, minor = 0;
    if (!eglInitialize(dpy, &major, &minor)) {
        log_attempt(log, cap, "%s platform: eglInitialize failed (%s)", platform, egl_error_name(eglGetError()));
        return -1;
    }
    /* Reload to pick up the display's extensions. */
    if (!gladLoadEGL(dpy, egl_loader)) {
        log_attempt(log, cap, "%s platform: loading EGL %d.%d entry points failed", platform, major, minor);
        eglTerminate(dpy);
        return -1;
    }
    if (!GLAD_EGL_KHR_surfaceless_context) {
        log_attempt(log, cap, "%s platform: EGL_KHR_surfaceless_context missing", platform);
        eglTerminate(dpy);
        return -1;
    }
    if (!eglBindAPI(EGL_OPENGL_API)) {
        log_attempt(log, cap, "%s platform: eglBindAPI(EGL_OPENGL_API) failed (%s)", platform,
                    egl_error_name(eglGetError()));
        eglTerminate(dpy);
        return -1;
    }
    EGLConfig config = EGL_NO_CONFIG_KHR;
    if (!GLAD_EGL_KHR_no_config_context) {
        const EGLint cfg_attribs[] = {EGL_SURFACE_TYPE, 0, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
        EGLint n = 0;
        if (!eglChooseConfig(dpy, cfg_attribs, &config, 1, &n) || n < 1) {
            log_attempt(log, cap, "%s platform: no EGL config for desktop OpenGL", platform);
            eglTerminate(dpy);
            return -1;
        }
    }
    const EGLint ctx_attribs[] = {
        EGL_CONTEXT_MAJOR_VERSION, 4, EGL_CONTEXT_MINOR_VERSION, 5,
        EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE,
    };
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, ctx_attribs);
    if (ctx == EGL_NO_CONTEXT) {
        log_attempt(log, cap, "%s platform: no OpenGL 4.5 core context (%s)", platform,
                    egl_error_name(eglGetError()));
        eglTerminate(dpy);
        return -1;
    }
    if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
        log_attempt(log, cap, "%s platform: eglMakeCurrent failed (%s)", platform, egl_error_name(eglGetError()));
        eglDestroyContext(dpy, ctx);
        eglTerminate(dpy);
        return -1;
    }
    int glver = gladLoadGL(gl_loader);
    if (GLAD_VERSION_MAJOR(glver) * 10 + GLAD_VERSION_MINOR(glver) < 45) {
        log_attempt(log, cap, "%s platform: context reports OpenGL %d.%d, 4.5 needed", platform,
                    GLAD_VERSION_MAJOR(glver), GLAD_VERSION_MINOR(glver));
        eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(dpy, ctx);
        eglTerminate(dpy);
        return -1;
    }
    /* Depth in [0, 1] like TouchDesigner's Vulkan renderer: clipping at z_ndc = 0 and depth = z_ndc. */
    glClipControl(GL_LOWER_LEFT, GL_ZERO_TO_ONE);
    c->display = dpy;
    c->context = ctx;
    return 0;
}

/* The largest sample count GL supports for multisampled textures of internal format. */
static GLint
format_max_samples(GLenum internal)
{
    GLint count = 0, best = 1;
    glGetInternalformativ(GL_TEXTURE_2D_MULTISAMPLE, internal, GL_NUM_SAMPLE_COUNTS, 1, &count);
    if (count > 0) {
        GLint samples[32] = {0};
        glGetInternalformativ(GL_TEXTURE_2D_MULTISAMPLE, internal, GL_SAMPLES, count < 32 ? count : 32, samples);
        for (int i = 0; i < count && i < 32; i++) {
            best = samples[i] > best ? samples[i] : best;
        }
    }
    return best;
}

static void
fill_info(td_gl_info *info, const char *platform, int cuda_device)
{
    memset(info, 0, sizeof(*info));
    snprintf(info->platform, sizeof(info->platform), "%s", platform);
    snprintf(info->vendor, sizeof(info->vendor), "%s", (const char *)glGetString(GL_VENDOR));
    snprintf(info->renderer, sizeof(info->renderer), "%s", (const char *)glGetString(GL_RENDERER));
    snprintf(info->version, sizeof(info->version), "%s", (const char *)glGetString(GL_VERSION));
    info->cuda_device = cuda_device;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &info->max_texture_size);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &info->max_renderbuffer_size);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, info->max_viewport_dims);
    glGetIntegerv(GL_MAX_SAMPLES, &info->max_samples);
    glGetFloatv(GL_ALIASED_LINE_WIDTH_RANGE, info->line_width_range);
    GLint depth = format_max_samples(TD_GL_DEPTH_FORMAT);
    for (int i = 1; i < TD_GL_MAX_FORMATS && td_pixel_format_tokens[i] != NULL; i++) {
        GLint n = format_max_samples(td_pixel_format_at(i)->gl_internal);
        n = n < depth ? n : depth;
        n = n < info->max_samples ? n : info->max_samples;
        info->format_samples[i] = n > 1 ? n : 1;
    }
    /* bounded: a lost context reports an error on every call */
    for (int i = 0; i < 64 && glGetError() != GL_NO_ERROR; i++) {
        /* a format the driver cannot multisample leaves an error: not the next job's */
    }
}

int
td_gl_context_create(td_gl_context **out, td_gl_info *info, td_err *err)
{
    char log[900] = "";
    const char *libname = getenv("TD_RENDER_LIBEGL");
    const char *platforms = getenv("TD_RENDER_EGL_PLATFORMS");
    const char *cuda_env = getenv("TD_RENDER_CUDA_DEVICE");
    int cuda_ordinal = cuda_env != NULL ? atoi(cuda_env) : 0;
    if (libname == NULL || libname[0] == '\0') {
        libname = "libEGL.so.1";
    }
    if (platforms == NULL || platforms[0] == '\0') {
        platforms = "device,surfaceless";
    }
    *out = NULL;

    td_gl_context *c = calloc(1, sizeof(*c));
    if (c == NULL) {
        return td_err_nomem(err, "GL context");
    }
    c->libegl = dlopen(libname, RTLD_NOW | RTLD_LOCAL);
    if (c->libegl == NULL) {
        const char *why = dlerror();
        free(c);
        return td_err_set(err, TD_ERR_RUNTIME,
                          "no OpenGL context: could not load %s (%s); install libegl1 and Mesa (libgl1-mesa-dri, "
                          "libegl-mesa0) or an NVIDIA driver",
                          libname, why != NULL ? why : "unknown");
    }
    td_libegl_handle = c->libegl;
    td_egl_getproc = (td_egl_getproc_fn)dlsym(c->libegl, "eglGetProcAddress");
    if (td_egl_getproc == NULL || !gladLoadEGL(EGL_NO_DISPLAY, egl_loader)) {
        dlclose(c->libegl);
        free(c);
        return td_err_set(err, TD_ERR_RUNTIME, "no OpenGL context: %s has no usable EGL entry points", libname);
    }

    char list[128];
    snprintf(list, sizeof(list), "%s", platforms);
    char *save = NULL;
    for (char *tok = strtok_r(list, ", ", &save); tok != NULL; tok = strtok_r(NULL, ", ", &save)) {
        EGLDisplay dpy = EGL_NO_DISPLAY;
        unsigned kind = 0;
        const char *name = tok;
        if (strcmp(tok, "device") == 0) {
            kind = TD_DPY_CUDA;
            if (td_displays_opened & kind) {
                log_attempt(log, sizeof(log), "device platform: the CUDA device's display belongs to the process "
                            "this one was forked from (start workers with the 'spawn' method)");
                continue;
            }
            dpy = device_display(cuda_ordinal, log, sizeof(log));
        }
        else if (strcmp(tok, "surfaceless") == 0) {
            if (!GLAD_EGL_MESA_platform_surfaceless || !GLAD_EGL_EXT_platform_base) {
                log_attempt(log, sizeof(log), "surfaceless platform: EGL_MESA_platform_surfaceless missing");
                continue;
            }
            kind = TD_DPY_SURFACELESS;
            if (td_displays_opened & kind) {
                /* forked from a process that rendered: Mesa's software device is the same llvmpipe
                 * on a display of its own, once per line of processes */
                kind = TD_DPY_SOFTWARE;
                name = "software-device";
                if (td_displays_opened & kind) {
                    log_attempt(log, sizeof(log), "surfaceless platform: its display and the software device's "
                                "belong to processes this one was forked from (start workers with the 'spawn' "
                                "method)");
                    continue;
                }
                dpy = software_device_display(log, sizeof(log));
            }
            else {
                dpy = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
            }
            if (dpy == EGL_NO_DISPLAY) {
                log_attempt(log, sizeof(log), "%s platform: no display (%s)", name, egl_error_name(eglGetError()));
            }
        }
        else if (strcmp(tok, "default") == 0) {
            kind = TD_DPY_DEFAULT;
            if (td_displays_opened & kind) {
                log_attempt(log, sizeof(log), "default platform: its display belongs to the process this one was "
                            "forked from");
                continue;
            }
            dpy = eglGetDisplay(EGL_DEFAULT_DISPLAY);
            if (dpy == EGL_NO_DISPLAY) {
                log_attempt(log, sizeof(log), "default platform: no display");
            }
        }
        else {
            log_attempt(log, sizeof(log), "unknown platform '%s' in TD_RENDER_EGL_PLATFORMS", tok);
            continue;
        }
        if (dpy == EGL_NO_DISPLAY) {
            continue;
        }
        if (make_context(c, dpy, name, log, sizeof(log)) == 0) {
            td_displays_opened |= kind;
            fill_info(info, name, strcmp(tok, "device") == 0 ? cuda_ordinal : -1);
            *out = c;
            return 0;
        }
    }
    td_libegl_handle = NULL;
    td_egl_getproc = NULL;
    dlclose(c->libegl);
    free(c);
    return td_err_set(err, TD_ERR_RUNTIME, "no OpenGL 4.5 context could be made through EGL (%s; tried: %s)",
                      libname, log[0] != '\0' ? log : "nothing");
}

void
td_gl_context_destroy(td_gl_context *c)
{
    if (c == NULL) {
        return;
    }
    eglMakeCurrent(c->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(c->display, c->context);
    eglTerminate(c->display);
    /* libEGL stays loaded: Mesa registers exit handlers that live in it. */
    free(c);
}
