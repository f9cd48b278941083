/* Shadow maps. See shadow.h. */
#include "gpu/shadow.h"

#include <string.h>

#include <glad/gl.h>

#include "gpu/material.h"

#define TD_SHADOW_FRAME_BYTES 256 /* at least the TDFrame block's size */

static const char shadow_fragment[] = "#version 450 core\nvoid main()\n{\n}\n";

/* Makes slot k's map w x h (a 24-bit depth texture compared on sampling) and its framebuffer. */
static int
ensure_map(td_gl_shadows *sh, int k, int w, int h, td_err *err)
{
    td_gl_texture *m = &sh->maps[k];
    if (sh->fbo[k] != 0 && td_gl_texture_is(m, w, h, TD_GL_DEPTH_FORMAT, 1)) {
        return 0;
    }
    if (sh->fbo[k] != 0) {
        glDeleteFramebuffers(1, &sh->fbo[k]);
        sh->fbo[k] = 0;
    }
    if (td_gl_texture_create(m, w, h, TD_GL_DEPTH_FORMAT, TD_GL_DEPTH_TEXEL_BYTES, 1, err) != 0) {
        return -1;
    }
    glTextureParameteri(m->id, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTextureParameteri(m->id, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTextureParameteri(m->id, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
    glTextureParameteri(m->id, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
    glCreateFramebuffers(1, &sh->fbo[k]);
    if (sh->fbo[k] == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "could not create a shadow map framebuffer");
    }
    glNamedFramebufferTexture(sh->fbo[k], GL_DEPTH_ATTACHMENT, m->id, 0);
    glNamedFramebufferDrawBuffer(sh->fbo[k], GL_NONE);
    glNamedFramebufferReadBuffer(sh->fbo[k], GL_NONE);
    if (glCheckNamedFramebufferStatus(sh->fbo[k], GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        return td_err_set(err, TD_ERR_RUNTIME, "could not make a %dx%d shadow map framebuffer", w, h);
    }
    return 0;
}

int
td_gl_shadows_draw(td_gl_shadows *sh, td_gl_programs *programs, const char *vsrc, const td_scene *s,
                   unsigned int draws, size_t draw_stride, size_t draw_bytes, int align, td_err *err)
{
    if (s->nshadows <= 0) {
        return 0;
    }
    GLuint program = 0;
    if (td_gl_program_get(programs, vsrc, shadow_fragment, &program, err) != 0) {
        return -1;
    }
    size_t stride = (TD_SHADOW_FRAME_BYTES + (size_t)align - 1) / (size_t)align * (size_t)align;
    if (sh->frames == 0 || sh->stride != stride) {
        if (sh->frames != 0) {
            glDeleteBuffers(1, &sh->frames);
        }
        glCreateBuffers(1, &sh->frames);
        glNamedBufferData(sh->frames, (GLsizeiptr)(stride * TD_MAX_SHADOWS), NULL, GL_DYNAMIC_DRAW);
        sh->stride = stride;
    }
    for (size_t i = 0; i < s->ndraws; i++) {
        const td_scene_draw *d = &s->draws[i];
        if (d->casts != 0 && td_gl_mesh_drawable(d->mesh) &&
            (td_gl_mesh_upload(d->mesh, err) != 0 ||
             (d->instances != NULL && td_gl_instances_upload(d->instances, err) != 0))) {
            return -1;
        }
    }
    glUseProgram(program);
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glEnable(GL_POLYGON_OFFSET_FILL);
    for (size_t l = 0; l < s->nlights; l++) {
        const td_scene_light *light = &s->lights[l];
        if (light->shadow[0] <= 0.0f) {
            continue;
        }
        int k = (int)light->shadow[1];
        int w = (int)light->shadow_map[0], h = (int)light->shadow_map[1];
        if (ensure_map(sh, k, w, h, err) != 0) {
            glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
            glDisable(GL_POLYGON_OFFSET_FILL);
            glUseProgram(0);
            return -1;
        }
        float frame[TD_SHADOW_FRAME_BYTES / 4] = {0};
        memcpy(frame, light->shadow_matrix, sizeof(light->shadow_matrix));
        glNamedBufferSubData(sh->frames, (GLintptr)(stride * (size_t)k), sizeof(frame), frame);
        glBindBufferRange(GL_UNIFORM_BUFFER, TD_BLOCK_FRAME, sh->frames, (GLintptr)(stride * (size_t)k),
                          TD_SHADOW_FRAME_BYTES);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, sh->fbo[k]);
        glViewport(0, 0, w, h);
        glClearDepth(1.0);
        glClear(GL_DEPTH_BUFFER_BIT);
        glPolygonOffset(light->shadow_map[2], light->shadow_map[3]);
        for (size_t i = 0; i < s->ndraws; i++) {
            const td_scene_draw *d = &s->draws[i];
            if ((d->casts & (1u << k)) == 0 || !td_gl_mesh_drawable(d->mesh)) {
                continue;
            }
            glBindBufferRange(GL_UNIFORM_BUFFER, TD_BLOCK_DRAW, draws, (GLintptr)(i * draw_stride), (GLsizeiptr)draw_bytes);
            td_gl_mesh_bind(d->mesh);
            td_gl_mesh_draw(d->mesh, d->instances);
        }
    }
    glBindVertexArray(0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glDisable(GL_POLYGON_OFFSET_FILL);
    glUseProgram(0);
    for (int k = 0; k < s->nshadows; k++) {
        glBindTextureUnit(TD_SHADOW_UNIT + (GLuint)k, sh->maps[k].id);
    }
    GLenum e = glGetError();
    return e == GL_NO_ERROR ? 0 : td_err_set(err, TD_ERR_RUNTIME, "drawing the shadow maps failed (GL error 0x%04x)", e);
}

void
td_gl_shadows_unbind(int n)
{
    for (int k = 0; k < n; k++) {
        glBindTextureUnit(TD_SHADOW_UNIT + (GLuint)k, 0);
    }
}
