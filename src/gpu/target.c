/* td_gl_target. See target.h. */
#include "gpu/target.h"

#include <stdlib.h>
#include <string.h>

#include "gpu/runtime.h"
#include "gpu/scene.h"

td_gl_target *
td_gl_target_new(void)
{
    td_gl_target *t = calloc(1, sizeof(td_gl_target));
    if (t != NULL) {
        td_gl_readback_init(&t->read);
        t->gen = td_gl_generation();
    }
    return t;
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
    memset(&t->pass, 0, sizeof(t->pass));
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
    td_gl_texture_delete(&t->color);
    td_gl_texture_delete(&t->depth);
    td_gl_texture_delete(&t->msaa_color);
    td_gl_texture_delete(&t->msaa_depth);
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
    if (t == NULL) {
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
td_gl_target_ensure(td_gl_target *t, int w, int h, const td_pixel_format *f, int samples, td_err *err)
{
    samples = samples > 1 ? samples : 1;
    if (t->pass.fbo != 0 && t->width == w && t->height == h && t->format == f && t->samples == samples) {
        return 0;
    }
    delete_images(t);
    int rc = td_gl_texture_create(&t->color, w, h, f->gl_internal, f->texel_bytes, 1, err);
    if (rc == 0 && samples == 1) {
        rc = td_gl_texture_create(&t->depth, w, h, TD_GL_DEPTH_FORMAT, TD_GL_DEPTH_TEXEL_BYTES, 1, err);
        rc = rc == 0 ? td_gl_pass_init(&t->pass, &t->color, &t->depth, NULL, err) : rc;
    }
    else if (rc == 0) {
        rc = td_gl_texture_create(&t->msaa_color, w, h, f->gl_internal, f->texel_bytes, samples, err);
        rc = rc == 0 ? td_gl_texture_create(&t->msaa_depth, w, h, TD_GL_DEPTH_FORMAT, TD_GL_DEPTH_TEXEL_BYTES,
                                            samples, err)
                     : rc;
        rc = rc == 0 ? td_gl_pass_init(&t->pass, &t->msaa_color, &t->msaa_depth, &t->color, err) : rc;
    }
    if (rc != 0) {
        delete_images(t); /* err says which piece failed, with its size, format and samples */
        return -1;
    }
    t->width = w;
    t->height = h;
    t->format = f;
    t->samples = samples;
    return 0;
}

size_t
td_gl_target_gpu_bytes(const td_gl_target *t)
{
    return td_gl_texture_bytes(&t->color) + td_gl_texture_bytes(&t->depth) + td_gl_texture_bytes(&t->msaa_color) +
           td_gl_texture_bytes(&t->msaa_depth) + td_gl_readback_bytes(&t->read);
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
