/* td_gl_pass. See pass.h. */
#include "gpu/pass.h"

#include <string.h>

#include <glad/gl.h>

static int
check_complete(unsigned int fbo, const char *what, td_err *err)
{
    GLenum e = glGetError();
    GLenum status = glCheckNamedFramebufferStatus(fbo, GL_FRAMEBUFFER);
    if (e != GL_NO_ERROR || status != GL_FRAMEBUFFER_COMPLETE) {
        return td_err_set(err, TD_ERR_RUNTIME, "could not make the %s framebuffer (GL error 0x%04x, status 0x%04x)",
                          what, e, status);
    }
    return 0;
}

int
td_gl_pass_init(td_gl_pass *p, const td_gl_texture *color, const td_gl_texture *depth, const td_gl_texture *resolve,
                td_err *err)
{
    td_gl_pass_delete(p);
    const td_gl_texture *any = color != NULL ? color : depth;
    if (any == NULL) {
        return td_err_set(err, TD_ERR_RUNTIME, "a pass needs an attachment");
    }
    glCreateFramebuffers(1, &p->fbo);
    if (resolve != NULL) {
        glCreateFramebuffers(1, &p->resolve_fbo);
    }
    if (p->fbo == 0 || (resolve != NULL && p->resolve_fbo == 0)) {
        td_gl_pass_delete(p);
        return td_err_set(err, TD_ERR_RUNTIME, "could not create a framebuffer");
    }
    if (color != NULL) {
        glNamedFramebufferTexture(p->fbo, GL_COLOR_ATTACHMENT0, color->id, 0);
    }
    else {
        glNamedFramebufferDrawBuffer(p->fbo, GL_NONE);
        glNamedFramebufferReadBuffer(p->fbo, GL_NONE);
    }
    if (depth != NULL) {
        glNamedFramebufferTexture(p->fbo, GL_DEPTH_ATTACHMENT, depth->id, 0);
    }
    if (check_complete(p->fbo, "render", err) != 0) {
        td_gl_pass_delete(p);
        return -1;
    }
    if (resolve != NULL) {
        glNamedFramebufferTexture(p->resolve_fbo, GL_COLOR_ATTACHMENT0, resolve->id, 0);
        if (check_complete(p->resolve_fbo, "resolve", err) != 0) {
            td_gl_pass_delete(p);
            return -1;
        }
    }
    p->color = color;
    p->depth = depth;
    p->resolve = resolve;
    p->width = any->width;
    p->height = any->height;
    return 0;
}

int
td_gl_pass_add_color(td_gl_pass *p, const td_gl_texture *color, const td_gl_texture *resolve, td_err *err)
{
    if (p->nextra >= TD_GL_MAX_EXTRA || p->color == NULL || (resolve != NULL) != (p->resolve_fbo != 0)) {
        return td_err_set(err, TD_ERR_RUNTIME, "a pass takes at most %d colour attachments", TD_GL_MAX_EXTRA + 1);
    }
    int i = ++p->nextra;
    p->extra[i - 1] = color;
    p->extra_resolve[i - 1] = resolve;
    GLenum buffers[TD_GL_MAX_EXTRA + 1];
    for (int k = 0; k <= i; k++) {
        buffers[k] = GL_COLOR_ATTACHMENT0 + (GLenum)k;
    }
    glNamedFramebufferTexture(p->fbo, GL_COLOR_ATTACHMENT0 + (GLenum)i, color->id, 0);
    glNamedFramebufferDrawBuffers(p->fbo, i + 1, buffers);
    if (check_complete(p->fbo, "render", err) != 0) {
        return -1;
    }
    if (resolve != NULL) {
        glNamedFramebufferTexture(p->resolve_fbo, GL_COLOR_ATTACHMENT0 + (GLenum)i, resolve->id, 0);
        return check_complete(p->resolve_fbo, "resolve", err);
    }
    return 0;
}

void
td_gl_pass_begin(td_gl_pass *p, const td_gl_pass_action *a)
{
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, p->fbo);
    glViewport(0, 0, p->width, p->height);
    p->srgb = a->srgb;
    if (a->srgb) {
        glEnable(GL_FRAMEBUFFER_SRGB);
    }
    else {
        glDisable(GL_FRAMEBUFFER_SRGB);
    }
    GLbitfield clear = 0;
    GLenum discard[2];
    GLsizei ndiscard = 0;
    if (p->color != NULL) {
        if (a->color == TD_GL_LOAD_CLEAR) {
            glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
            glClearColor(a->clear_color[0], a->clear_color[1], a->clear_color[2], a->clear_color[3]);
            clear |= GL_COLOR_BUFFER_BIT;
        }
        else if (a->color == TD_GL_LOAD_DONTCARE) {
            discard[ndiscard++] = GL_COLOR_ATTACHMENT0;
        }
    }
    if (p->depth != NULL) {
        if (a->depth == TD_GL_LOAD_CLEAR) {
            glDepthMask(GL_TRUE);
            glClearDepth(a->clear_depth);
            clear |= GL_DEPTH_BUFFER_BIT;
        }
        else if (a->depth == TD_GL_LOAD_DONTCARE) {
            discard[ndiscard++] = GL_DEPTH_ATTACHMENT;
        }
    }
    if (ndiscard > 0) {
        glInvalidateNamedFramebufferData(p->fbo, ndiscard, discard);
    }
    if (clear != 0) {
        glClear(clear);
    }
    if (p->color != NULL && a->color == TD_GL_LOAD_CLEAR) {
        static const float zero[4] = {0.0f, 0.0f, 0.0f, 0.0f};
        for (int i = 1; i <= p->nextra; i++) {
            glClearNamedFramebufferfv(p->fbo, GL_COLOR, i, zero);
        }
    }
}

int
td_gl_pass_end(td_gl_pass *p, td_err *err)
{
    if (p->resolve_fbo != 0) {
        /* With GL_FRAMEBUFFER_SRGB on, sRGB samples are averaged as linear values. */
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glBlitNamedFramebuffer(p->fbo, p->resolve_fbo, 0, 0, p->width, p->height, 0, 0, p->width, p->height,
                               GL_COLOR_BUFFER_BIT, GL_NEAREST);
        for (int i = 1; i <= p->nextra; i++) {
            /* one buffer a blit: the read buffer i into the draw buffer i */
            glNamedFramebufferReadBuffer(p->fbo, GL_COLOR_ATTACHMENT0 + (GLenum)i);
            glNamedFramebufferDrawBuffer(p->resolve_fbo, GL_COLOR_ATTACHMENT0 + (GLenum)i);
            glBlitNamedFramebuffer(p->fbo, p->resolve_fbo, 0, 0, p->width, p->height, 0, 0, p->width, p->height,
                                   GL_COLOR_BUFFER_BIT, GL_NEAREST);
        }
        if (p->nextra > 0) {
            glNamedFramebufferReadBuffer(p->fbo, GL_COLOR_ATTACHMENT0);
            glNamedFramebufferDrawBuffer(p->resolve_fbo, GL_COLOR_ATTACHMENT0);
        }
    }
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glDisable(GL_FRAMEBUFFER_SRGB);
    GLenum e = glGetError();
    return e == GL_NO_ERROR ? 0 : td_err_set(err, TD_ERR_RUNTIME, "ending a pass failed (GL error 0x%04x)", e);
}

void
td_gl_pass_delete(td_gl_pass *p)
{
    if (p->fbo != 0) {
        glDeleteFramebuffers(1, &p->fbo);
    }
    if (p->resolve_fbo != 0) {
        glDeleteFramebuffers(1, &p->resolve_fbo);
    }
    memset(p, 0, sizeof(*p));
}
