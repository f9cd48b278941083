/* td_gl_target. See target.h. */
#include "gpu/target.h"

#include <stdlib.h>
#include <string.h>

#include <glad/gl.h>

#include "gpu/runtime.h"
#include "gpu/scene.h"

td_gl_target *
td_gl_target_new(void)
{
    td_gl_target *t = calloc(1, sizeof(td_gl_target));
    if (t != NULL) {
        atomic_init(&t->refs, 1);
        atomic_init(&t->generation, 0);
        td_gl_readback_init(&t->read);
        t->gen = td_gl_generation();
    }
    return t;
}

void
td_gl_target_incref(td_gl_target *t)
{
    atomic_fetch_add_explicit(&t->refs, 1, memory_order_relaxed);
}

void
td_gl_target_adopt(td_gl_target *t)
{
    if (t->gen == td_gl_generation()) {
        return;
    }
    /* Names (and fences) of the parent's context: drop them all, delete nothing. */
    memset(&t->color, 0, sizeof(t->color));
    memset(&t->depth, 0, sizeof(t->depth));
    memset(&t->msaa_color, 0, sizeof(t->msaa_color));
    memset(&t->msaa_depth, 0, sizeof(t->msaa_depth));
    memset(t->extra, 0, sizeof(t->extra));
    memset(t->msaa_extra, 0, sizeof(t->msaa_extra));
    t->ncolor = 0;
    memset(&t->pass, 0, sizeof(t->pass));
    t->depth_fbo = 0;
    t->depth_resolved = 0;
    memset(&t->timer, 0, sizeof(t->timer));
    memset(&t->read, 0, sizeof(t->read));
    td_gl_readback_init(&t->read);
    t->width = t->height = t->samples = 0;
    t->format = NULL;
    t->delayed_failed = 0;
    td_gl_target_forget(t);
    t->gen = td_gl_generation();
}

void
td_gl_target_forget(td_gl_target *t)
{
    td_scene_decref(t->shown);
    t->shown = NULL;
}

static void
delete_images(td_gl_target *t)
{
    td_gl_pass_delete(&t->pass);
    if (t->depth_fbo != 0) {
        glDeleteFramebuffers(1, &t->depth_fbo);
        t->depth_fbo = 0;
    }
    t->depth_resolved = 0;
    td_gl_texture_delete(&t->color);
    td_gl_texture_delete(&t->depth);
    td_gl_texture_delete(&t->msaa_color);
    td_gl_texture_delete(&t->msaa_depth);
    for (int i = 0; i < TD_GL_MAX_EXTRA; i++) {
        td_gl_texture_delete(&t->extra[i]);
        td_gl_texture_delete(&t->msaa_extra[i]);
    }
    t->ncolor = 0;
    t->width = t->height = t->samples = 0;
    t->format = NULL;
    td_gl_target_forget(t);
}

static void
target_free(void *p)
{
    td_gl_target *t = p;
    delete_images(t);
    td_gl_timer_delete(&t->timer);
    td_gl_readback_delete(&t->read);
    free(t);
}

void
td_gl_target_release(td_gl_target *t)
{
    if (t == NULL || atomic_fetch_sub_explicit(&t->refs, 1, memory_order_acq_rel) != 1) {
        return;
    }
    /* Always through the GL thread when it exists: jobs still queued for this target (a delayed
     * read, say) may be about to create GL objects in it, so its fields cannot be judged here. The
     * FIFO order runs those jobs first. */
    td_gl_runtime *rt = td_gl_runtime_existing();
    if (rt == NULL || t->gen != td_gl_generation()) {
        /* never reached a GL thread, or its names are an ancestor's (forked): nothing to delete */
        td_gl_target_forget(t);
        free(t);
    }
    else if (td_gl_post(rt, target_free, t) != 0) {
        /* no memory to queue the deletion: leak it rather than free what a queued job may use */
    }
}

int
td_gl_target_ensure(td_gl_target *t, int w, int h, const td_pixel_format *f, int samples, int depth_float,
                    int ncolor, td_err *err)
{
    samples = samples > 1 ? samples : 1;
    depth_float = depth_float != 0;
    ncolor = ncolor < 1 ? 1 : ncolor > TD_GL_MAX_EXTRA + 1 ? TD_GL_MAX_EXTRA + 1 : ncolor;
    if (t->pass.fbo != 0 && t->width == w && t->height == h && t->format == f && t->samples == samples &&
        t->depth_float == depth_float && t->ncolor == ncolor) {
        return 0;
    }
    delete_images(t);
    unsigned int dfmt = depth_float ? TD_GL_DEPTH_FORMAT_FLOAT : TD_GL_DEPTH_FORMAT;
    int rc = td_gl_texture_create(&t->color, w, h, f->gl_internal, f->texel_bytes, 1, err);
    rc = rc == 0 ? td_gl_texture_create(&t->depth, w, h, dfmt, TD_GL_DEPTH_TEXEL_BYTES, 1, err) : rc;
    if (rc == 0 && samples == 1) {
        rc = td_gl_pass_init(&t->pass, &t->color, &t->depth, NULL, err);
    }
    else if (rc == 0) {
        rc = td_gl_texture_create(&t->msaa_color, w, h, f->gl_internal, f->texel_bytes, samples, err);
        rc = rc == 0 ? td_gl_texture_create(&t->msaa_depth, w, h, dfmt, TD_GL_DEPTH_TEXEL_BYTES, samples, err) : rc;
        rc = rc == 0 ? td_gl_pass_init(&t->pass, &t->msaa_color, &t->msaa_depth, &t->color, err) : rc;
    }
    for (int i = 0; rc == 0 && i < ncolor - 1; i++) {
        rc = td_gl_texture_create(&t->extra[i], w, h, f->gl_internal, f->texel_bytes, 1, err);
        if (rc == 0 && samples > 1) {
            rc = td_gl_texture_create(&t->msaa_extra[i], w, h, f->gl_internal, f->texel_bytes, samples, err);
        }
        rc = rc == 0 ? td_gl_pass_add_color(&t->pass, samples > 1 ? &t->msaa_extra[i] : &t->extra[i],
                                            samples > 1 ? &t->extra[i] : NULL, err)
                     : rc;
    }
    if (rc != 0) {
        delete_images(t); /* err says which piece failed, with its size, format and samples */
        return -1;
    }
    t->width = w;
    t->height = h;
    t->format = f;
    t->samples = samples;
    t->depth_float = depth_float;
    t->ncolor = ncolor;
    return 0;
}

const td_gl_texture *
td_gl_target_color(const td_gl_target *t, int i)
{
    if (i < 0 || i >= t->ncolor) {
        return NULL;
    }
    return i == 0 ? &t->color : &t->extra[i - 1];
}

const td_gl_texture *
td_gl_target_depth(td_gl_target *t, td_err *err)
{
    if (t->format == NULL || t->shown == NULL) {
        td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image");
        return NULL;
    }
    if (t->samples == 1 || t->depth_resolved) {
        return &t->depth;
    }
    if (t->depth_fbo == 0) {
        glCreateFramebuffers(1, &t->depth_fbo);
        if (t->depth_fbo == 0) {
            td_err_set(err, TD_ERR_RUNTIME, "could not create a framebuffer");
            return NULL;
        }
        glNamedFramebufferTexture(t->depth_fbo, GL_DEPTH_ATTACHMENT, t->depth.id, 0);
        glNamedFramebufferDrawBuffer(t->depth_fbo, GL_NONE);
    }
    /* a multisampled depth resolves to one of its samples (NEAREST is the only filter allowed) */
    glBlitNamedFramebuffer(t->pass.fbo, t->depth_fbo, 0, 0, t->width, t->height, 0, 0, t->width, t->height,
                           GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    GLenum e = glGetError();
    if (e != GL_NO_ERROR) {
        td_err_set(err, TD_ERR_RUNTIME, "could not resolve the depth buffer (GL error 0x%04x)", e);
        return NULL;
    }
    t->depth_resolved = 1;
    return &t->depth;
}

int
td_gl_target_copy_buffer(td_gl_target *dst, td_gl_target *src, int i, td_err *err)
{
    const td_gl_texture *from = td_gl_target_color(src, i);
    if (src->shown == NULL || from == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "the input TOP has no colour buffer %d", i);
    }
    if (dst->width != src->width || dst->height != src->height || dst->format != src->format) {
        return td_err_set(err, TD_ERR_RUNTIME, "the input's image changed shape during the render");
    }
    glCopyImageSubData(from->id, GL_TEXTURE_2D, 0, 0, 0, 0, dst->color.id, GL_TEXTURE_2D, 0, 0, 0, 0, src->width,
                       src->height, 1);
    GLenum e = glGetError();
    return e == GL_NO_ERROR ? 0 : td_err_set(err, TD_ERR_RUNTIME, "could not copy the input's buffer (GL error 0x%04x)", e);
}

int
td_gl_target_copy(td_gl_target *dst, td_gl_target *src, td_err *err)
{
    if (dst->width != src->width || dst->height != src->height || dst->format != src->format ||
        dst->samples != src->samples || dst->depth_float != src->depth_float || dst->ncolor != src->ncolor) {
        return td_err_set(err, TD_ERR_RUNTIME, "the input's image changed shape during the render");
    }
    int ms = src->samples > 1;
    const td_gl_texture *c[2] = {ms ? &src->msaa_color : &src->color, ms ? &dst->msaa_color : &dst->color};
    const td_gl_texture *d[2] = {ms ? &src->msaa_depth : &src->depth, ms ? &dst->msaa_depth : &dst->depth};
    GLenum target = ms ? GL_TEXTURE_2D_MULTISAMPLE : GL_TEXTURE_2D;
    glCopyImageSubData(c[0]->id, target, 0, 0, 0, 0, c[1]->id, target, 0, 0, 0, 0, src->width, src->height, 1);
    glCopyImageSubData(d[0]->id, target, 0, 0, 0, 0, d[1]->id, target, 0, 0, 0, 0, src->width, src->height, 1);
    for (int i = 0; i < src->ncolor - 1; i++) {
        GLuint from = ms ? src->msaa_extra[i].id : src->extra[i].id, to = ms ? dst->msaa_extra[i].id : dst->extra[i].id;
        glCopyImageSubData(from, target, 0, 0, 0, 0, to, target, 0, 0, 0, 0, src->width, src->height, 1);
    }
    GLenum e = glGetError();
    return e == GL_NO_ERROR ? 0 : td_err_set(err, TD_ERR_RUNTIME, "could not copy the input's image (GL error 0x%04x)", e);
}

size_t
td_gl_target_gpu_bytes(const td_gl_target *t)
{
    size_t extra = 0;
    for (int i = 0; i < TD_GL_MAX_EXTRA; i++) {
        extra += td_gl_texture_bytes(&t->extra[i]) + td_gl_texture_bytes(&t->msaa_extra[i]);
    }
    return td_gl_texture_bytes(&t->color) + td_gl_texture_bytes(&t->depth) + td_gl_texture_bytes(&t->msaa_color) +
           td_gl_texture_bytes(&t->msaa_depth) + extra + td_gl_readback_bytes(&t->read);
}

static int
no_image(td_gl_target *t, td_err *err)
{
    if (t->format == NULL || t->shown == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to read back");
    }
    return 0;
}

int
td_gl_target_read_float(td_gl_target *t, float *dst, td_err *err)
{
    return no_image(t, err) != 0 ? -1 : td_gl_readback_float(&t->read, &t->color, t->format, dst, err);
}

int
td_gl_target_read_file(td_gl_target *t, void *dst, td_err *err)
{
    return no_image(t, err) != 0 ? -1 : td_gl_readback_file(&t->read, &t->color, t->format, dst, err);
}

int
td_gl_target_read_texel(td_gl_target *t, int x, int y, float *dst, td_err *err)
{
    if (t->format == NULL || t->shown == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "the TOP has no image to sample");
    }
    return td_gl_readback_texel(&t->color, t->format, x, y, dst, err);
}

int
td_gl_target_start_delayed(td_gl_target *t, td_err *err)
{
    return no_image(t, err) != 0 ? -1 : td_gl_readback_start_delayed(&t->read, &t->color, t->format, err);
}

int
td_gl_target_finish_delayed(td_gl_target *t, float *dst, int w, int h, const td_pixel_format *f, td_err *err)
{
    if (t->delayed_failed) {
        t->delayed_failed = 0;
        if (err != NULL) {
            *err = t->delayed_err;
        }
        return -1;
    }
    return td_gl_readback_finish_delayed(&t->read, dst, w, h, f, err);
}
