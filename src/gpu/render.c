/* The renderer: draws a td_scene through a pass into a target. Programs come from the cache
 * (gpu/program.h), specialised per material program, light count and output mode; the
 * frame, draw, material and light data go up as std140 uniform blocks (shaders/td_common.glsl,
 * shaders/td_fragment.glsl), the draw and material blocks of all draws in one buffer. */
#include "gpu/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glad/gl.h>

#include "gpu/compose.h"
#include "gpu/depth.h"
#include "gpu/draw_state.h"
#include "gpu/image_pass.h"
#include "gpu/envlight.h"
#include "gpu/glsl.h"
#include "gpu/projector.h"
#include "gpu/sampler.h"
#include "gpu/shadow.h"
#include "td_shaders.h"

#define TD_DRAW_BLOCK_BYTES 144 /* mat4 + mat3 (three vec4 columns) + 2 vec4 */
#define TD_FRAME_BYTES 256      /* room for the TDFrame block */

struct td_gl_renderer {
    td_gl_programs *programs;
    char *vsrc;           /* the vertex shader: one for every program */
    char *fsrc;           /* composition buffer of fragment sources, TD_SOURCE_MAX */
    GLuint frame, lights, draws;
    size_t frame_stride;  /* the frame blocks of a cube map's faces, this far apart */
    GLuint vao;           /* empty: full-screen passes draw without vertex buffers */
    GLuint depth_block;   /* the depthTOP pass's TDDepth block */
    td_gl_image_pass image; /* the image operators' buffers */
    td_gl_shadows shadows;
    td_gl_samplers samplers; /* shared by material maps and projector maps */
    td_gl_envlights env;  /* environment lights' maps */
    size_t lights_bytes, draws_bytes;
    GLint align;          /* GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT */
    unsigned char *staging;
    size_t staging_bytes;
};

static td_gl_renderer *
renderer_get(td_gl_runtime *rt, td_err *err)
{
    td_gl_renderer **slot = td_gl_runtime_renderer_slot(rt);
    if (*slot != NULL) {
        return *slot;
    }
    td_gl_renderer *r = calloc(1, sizeof(*r));
    size_t vlen = strlen(td_shader_td_common_glsl) + strlen(td_shader_td_instance_glsl) + strlen(td_shader_mesh_vert) + 64;
    if (r != NULL) {
        r->programs = td_gl_programs_new();
        r->vsrc = malloc(vlen);
        r->fsrc = malloc(TD_SOURCE_MAX);
    }
    if (r == NULL || r->programs == NULL || r->vsrc == NULL || r->fsrc == NULL) {
        if (r != NULL) {
            td_gl_programs_free(r->programs);
            free(r->vsrc);
            free(r->fsrc);
            free(r);
        }
        td_err_nomem(err, "renderer");
        return NULL;
    }
    snprintf(r->vsrc, vlen, "#version 450 core\n%s%s#line 1\n%s", td_shader_td_common_glsl, td_shader_td_instance_glsl,
             td_shader_mesh_vert);
    glGetIntegerv(GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT, &r->align);
    r->align = r->align > 0 ? r->align : 256;
    r->frame_stride = (TD_FRAME_BYTES + (size_t)r->align - 1) / (size_t)r->align * (size_t)r->align;
    glCreateBuffers(1, &r->frame);
    glNamedBufferData(r->frame, (GLsizeiptr)(6 * r->frame_stride), NULL, GL_DYNAMIC_DRAW); /* a cube's faces */
    glCreateVertexArrays(1, &r->vao);
    *slot = r;
    return r;
}

static void
mat4_mul(float out[16], const float a[16], const float b[16])
{
    for (int c = 0; c < 4; c++) {
        for (int r = 0; r < 4; r++) {
            float s = 0.0f;
            for (int k = 0; k < 4; k++) {
                s += a[k * 4 + r] * b[c * 4 + k];
            }
            out[c * 4 + r] = s;
        }
    }
}

/* Makes *buf a buffer of at least bytes and fills it. */
static void
upload(GLuint *buf, size_t *have, const void *data, size_t bytes)
{
    if (*buf == 0 || *have < bytes) {
        if (*buf != 0) {
            glDeleteBuffers(1, buf);
        }
        glCreateBuffers(1, buf);
        glNamedBufferData(*buf, (GLsizeiptr)bytes, NULL, GL_DYNAMIC_DRAW);
        *have = bytes;
    }
    glNamedBufferSubData(*buf, 0, (GLsizeiptr)bytes, data);
}

/* The camera-space rotation that turns the view of cube face f (td_cube_face order: +X, -X, +Y,
 * -Y, +Z, -Z of the camera's axes) to look down -Z: the transpose of [right, up, -dir], each face
 * upright (up +Y for the four sides, +Z looking up, -Z looking down). Column-major. */
static void
cube_face_rotation(int f, float out[16])
{
    static const float dir[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    static const float up[6][3] = {{0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, -1}, {0, 1, 0}, {0, 1, 0}};
    const float *d = dir[f], *u = up[f];
    float right[3] = {d[1] * u[2] - d[2] * u[1], d[2] * u[0] - d[0] * u[2], d[0] * u[1] - d[1] * u[0]};
    memset(out, 0, 16 * sizeof(float));
    for (int k = 0; k < 3; k++) {
        out[k * 4 + 0] = right[k]; /* row 0: right */
        out[k * 4 + 1] = u[k];     /* row 1: up */
        out[k * 4 + 2] = -d[k];    /* row 2: -dir */
    }
    out[15] = 1.0f;
}

/* The frame blocks (view-projection, camera, the ambient lights' sum, fog): one, or one per cube face
 * frame_stride apart; and the lights block. */
static void
upload_frame(td_gl_renderer *r, const td_scene *s)
{
    int faces = s->cube_faces != 0 ? 6 : 1;
    for (int f = 0; f < faces; f++) {
        float frame[TD_FRAME_BYTES / 4] = {0}, view[16], rot[16];
        if (s->cube_faces != 0) {
            cube_face_rotation(f, rot);
            mat4_mul(view, rot, s->view);
        }
        else {
            memcpy(view, s->view, sizeof(view));
        }
        mat4_mul(frame, s->proj, view);
        memcpy(frame + 16, s->camera_pos, sizeof(s->camera_pos));
        memcpy(frame + 20, s->ambient, sizeof(s->ambient));
        memcpy(frame + 24, s->fog.params, sizeof(s->fog.params));
        memcpy(frame + 28, s->fog.color, sizeof(s->fog.color));
        memcpy(frame + 32, view, sizeof(view));
        memcpy(frame + 48, s->proj, sizeof(s->proj));
        glNamedBufferSubData(r->frame, (GLintptr)((size_t)f * r->frame_stride), sizeof(frame), frame);
    }
    /* the shaders loop over TD_NUM_LIGHTS of them; one zeroed slot when there are none */
    static const td_scene_light none;
    upload(&r->lights, &r->lights_bytes, s->nlights > 0 ? (const void *)s->lights : (const void *)&none,
           (s->nlights > 0 ? s->nlights : 1) * sizeof(td_scene_light));
}

static size_t
round_up(size_t n, size_t a)
{
    return (n + a - 1) / a * a;
}

/* Uploads every draw's TDDraw and TDMaterial block into one buffer: draw i's at i * stride and
 * i * stride + material_at. */
static int
upload_draws(td_gl_renderer *r, const td_scene *s, size_t *stride, size_t *material_at, td_err *err)
{
    size_t a = (size_t)r->align;
    *material_at = round_up(TD_DRAW_BLOCK_BYTES, a);
    *stride = *material_at + round_up(TD_MATERIAL_BLOCK_MAX, a);
    size_t bytes = *stride * (s->ndraws > 0 ? s->ndraws : 1);
    if (r->staging_bytes < bytes) {
        unsigned char *p = realloc(r->staging, bytes);
        if (p == NULL) {
            return td_err_nomem(err, "draw blocks");
        }
        r->staging = p;
        r->staging_bytes = bytes;
    }
    for (size_t i = 0; i < s->ndraws; i++) {
        const td_scene_draw *d = &s->draws[i];
        unsigned char *p = r->staging + i * *stride;
        float normal[12] = {0};
        for (int c = 0; c < 3; c++) {
            memcpy(normal + 4 * c, d->normal + 3 * c, 3 * sizeof(float));
        }
        memcpy(p, d->model, 64);
        memcpy(p + 64, normal, 48);
        float params[4] = {(float)d->material.state.alpha_test, d->material.state.alpha_threshold, 0.0f, 0.0f};
        memcpy(p + 112, params, sizeof(params));
        /* uTDInstanceParams: the colour mode + 1 (0: no instance colour) and the components named,
         * the texture coordinate mode + 1 (0: none) and its components named */
        const td_instances *in = d->instances;
        float inst[4] = {0.0f, 0.0f, 0.0f, 0.0f};
        if (in != NULL && in->color != NULL) {
            inst[0] = (float)(in->color_mode + 1);
            inst[1] = (float)in->color_mask;
        }
        if (in != NULL && in->texcoord != NULL) {
            inst[2] = (float)(in->tex_mode + 1);
            inst[3] = (float)in->tex_mask;
        }
        memcpy(p + 128, inst, sizeof(inst));
        memcpy(p + *material_at, d->material.block, TD_MATERIAL_BLOCK_MAX);
    }
    upload(&r->draws, &r->draws_bytes, r->staging, bytes);
    return 0;
}

/* Colour buffer i of ncolor takes the channels cm where the program writes output location i
 * (outputs bit i); the others are masked off, keeping what they hold. */
static void
color_outputs(int ncolor, unsigned cm, unsigned outputs)
{
    for (int i = 0; i < ncolor; i++) {
        GLboolean on = (outputs >> i) & 1u ? GL_TRUE : GL_FALSE;
        glColorMaski((GLuint)i, on && (cm & 1u) != 0, on && (cm & 2u) != 0, on && (cm & 4u) != 0, on && (cm & 8u) != 0);
    }
}

static int
draw_scene(td_gl_renderer *r, td_gl_target *t, const td_scene *s, uint64_t *failed, td_err *err)
{
    const td_pixel_format *f = s->format;
    upload_frame(r, s);
    size_t stride = 0, material_at = 0;
    if (upload_draws(r, s, &stride, &material_at, err) != 0) {
        return -1;
    }
    /* Resolve every program before the pass, so a failing one leaves no half-drawn frame. */
    GLuint stack_programs[64];
    GLuint *programs = s->ndraws <= 64 ? stack_programs : malloc(s->ndraws * sizeof(GLuint));
    if (programs == NULL) {
        return td_err_nomem(err, "programs");
    }
    for (size_t i = 0; i < s->ndraws; i++) {
        const td_scene_material *m = &s->draws[i].material;
        const td_scene_material *prev = i > 0 ? &s->draws[i - 1].material : NULL;
        if (prev != NULL && m->program == prev->program && m->source == prev->source &&
            memcmp(m->maps, prev->maps, sizeof(m->maps)) == 0 && m->state.alpha_test == prev->state.alpha_test &&
            m->switches == prev->switches) {
            programs[i] = programs[i - 1];
        }
        else if (td_gl_material_program(r->programs, r->vsrc, r->fsrc, m, s, &programs[i], err) != 0) {
            *failed = m->owner;
            if (programs != stack_programs) {
                free(programs);
            }
            return -1;
        }
    }
    int rc = 0;
    if (td_gl_shadows_draw(&r->shadows, r->programs, r->vsrc, s, r->draws, stride, TD_DRAW_BLOCK_BYTES, r->align,
                           err) != 0 ||
        td_gl_projectors_bind(&r->samplers, s, err) != 0 ||
        td_gl_envlights_prepare(&r->env, r->programs, r->vao, s, err) != 0) {
        rc = -1;
        goto unbind;
    }
    float bg[4];
    memcpy(bg, s->background, sizeof(bg));
    if (s->premult) {
        for (int k = 0; k < 3; k++) {
            bg[k] *= bg[3];
        }
    }
    td_gl_pass_action action = {.color = TD_GL_LOAD_CLEAR, .depth = TD_GL_LOAD_CLEAR, .clear_depth = 1.0,
                                .srgb = f->srgb};
    if (s->kind == TD_SCENE_RENDERPASS) {
        /* continue from a copy of the input's colour and depth, unless told to clear them */
        td_gl_target_adopt(s->input);
        rc = s->input->shown == NULL ? td_err_set(err, TD_ERR_RUNTIME, "the input TOP has no image")
                                     : td_gl_target_copy(t, s->input, err);
        if (rc != 0) {
            goto unbind;
        }
        action.color = s->clear_color ? TD_GL_LOAD_CLEAR : TD_GL_LOAD_LOAD;
        action.depth = s->clear_depth ? TD_GL_LOAD_CLEAR : TD_GL_LOAD_LOAD;
    }
    /* The background goes through the same channel routing as the geometry's colour. */
    if (f->out_mode == TD_OUT_ALPHA) {
        action.clear_color[0] = bg[3];
        action.clear_color[3] = 1.0f;
    }
    else if (f->out_mode == TD_OUT_MONOALPHA) {
        action.clear_color[0] = bg[0];
        action.clear_color[1] = bg[3];
        action.clear_color[3] = 1.0f;
    }
    else {
        memcpy(action.clear_color, bg, sizeof(action.clear_color));
    }
    glDisable(GL_BLEND);
    if (t->samples > 1) {
        glEnable(GL_MULTISAMPLE);
    }
    td_gl_pass_begin(&t->pass, &action);
    /* chanmask names the image's channels; route it like the colour (alpha formats keep A in R). */
    unsigned int cm = s->depth_only ? 0u : s->chanmask;
    if (f->out_mode == TD_OUT_ALPHA) {
        cm = (cm >> 3) & 1u;
    }
    else if (f->out_mode == TD_OUT_MONOALPHA) {
        cm = (cm & 1u) | (((cm >> 3) & 1u) << 1);
    }
    glColorMask((cm & 1u) != 0, (cm & 2u) != 0, (cm & 4u) != 0, (cm & 8u) != 0);
    color_outputs(t->ncolor, cm, 1u); /* until a program says otherwise: buffer 0 */
    glBindBufferBase(GL_UNIFORM_BUFFER, TD_BLOCK_LIGHTS, r->lights);
    GLuint current = 0;
    const td_material_state *state = NULL; /* the state the GL has, NULL: none set yet */
    /* a cube map: each face it renders into its square of the strip, face f at rows f * width */
    for (int f = 0; f < (s->cube_faces != 0 ? 6 : 1) && rc == 0; f++) {
        if (s->cube_faces != 0) {
            if ((s->cube_faces & (1 << f)) == 0) {
                continue;
            }
            glViewport(0, f * s->width, s->width, s->width);
        }
        glBindBufferRange(GL_UNIFORM_BUFFER, TD_BLOCK_FRAME, r->frame, (GLintptr)((size_t)f * r->frame_stride),
                          TD_FRAME_BYTES);
        for (size_t i = 0; i < s->ndraws; i++) {
            const td_scene_draw *d = &s->draws[i];
            if (!td_gl_mesh_drawable(d->mesh)) {
                continue;
            }
            if (td_gl_mesh_upload(d->mesh, err) != 0 ||
                (d->instances != NULL && td_gl_instances_upload(d->instances, err) != 0)) {
                rc = -1;
                break;
            }
            if (programs[i] != current) {
                current = programs[i];
                glUseProgram(current);
                color_outputs(t->ncolor, cm, td_gl_program_outputs(r->programs, current));
            }
            if (d->material.source != NULL && d->material.source->glsl != NULL) {
                td_gl_glsl_uniforms(r->programs, current, &d->material);
            }
            if (state == NULL || memcmp(state, &d->material.state, sizeof(*state)) != 0) {
                state = &d->material.state;
                td_gl_apply_state(state, s);
            }
            if (td_gl_bind_maps(&r->samplers, s, &d->material, err) != 0) {
                rc = -1;
                break;
            }
            size_t mbytes = td_block_size(d->material.program->fields, d->material.program->nfields);
            glBindBufferRange(GL_UNIFORM_BUFFER, TD_BLOCK_DRAW, r->draws, (GLintptr)(i * stride), TD_DRAW_BLOCK_BYTES);
            glBindBufferRange(GL_UNIFORM_BUFFER, TD_BLOCK_MATERIAL, r->draws, (GLintptr)(i * stride + material_at),
                              (GLsizeiptr)mbytes);
            td_gl_mesh_bind(d->mesh);
            td_gl_mesh_draw(d->mesh, d->instances);
        }
    }
    glBindVertexArray(0);
    glUseProgram(0);
    glDisable(GL_CULL_FACE);
    glDisable(GL_POLYGON_OFFSET_FILL);
    glDisable(GL_POLYGON_OFFSET_LINE);
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
    int end = td_gl_pass_end(&t->pass, rc == 0 ? err : NULL);
    glDisable(GL_MULTISAMPLE);
    rc = rc != 0 || end != 0 ? -1 : 0;
unbind:
    td_gl_shadows_unbind(s->nshadows);
    td_gl_projectors_unbind(s);
    td_gl_envlights_unbind(s);
    if (s->ntextures > 0) {
        td_gl_unbind_maps();
    }
    if (programs != stack_programs) {
        free(programs);
    }
    if (rc != 0) {
        return -1;
    }
    GLenum e = glGetError();
    return e == GL_NO_ERROR ? 0 : td_err_set(err, TD_ERR_RUNTIME, "drawing failed (GL error 0x%04x)", e);
}

/* Renders scene into t, timing it with GL timestamp queries (fetched later, never stalling here). */
static int
render_into(td_gl_runtime *rt, td_gl_target *t, td_scene *scene, td_err *err)
{
    /* bounded: a lost context reports an error on every call */
    for (int i = 0; i < 64 && glGetError() != GL_NO_ERROR; i++) {
        /* an earlier job's stray error must not be blamed on this one */
    }
    t->failed_material = 0;
    td_gl_renderer *r = renderer_get(rt, err);
    if (r == NULL) {
        return -1;
    }
    if (td_gl_target_ensure(t, scene->width, scene->height, scene->format, scene->samples, scene->depth_float,
                            scene->ncolor, err) != 0) {
        return -1;
    }
    td_gl_target_forget(t);
    t->depth_resolved = 0;
    td_gl_timer_begin(&t->timer);
    int rc;
    if (scene->kind == TD_SCENE_DEPTH) {
        rc = td_gl_depth_draw(r->programs, r->vao, &r->depth_block, t, scene, err);
    }
    else if (scene->kind == TD_SCENE_IMAGE) {
        rc = td_gl_image_draw(&r->image, r->programs, &r->samplers, r->fsrc, r->vao, t, scene, err);
    }
    else if (scene->kind == TD_SCENE_SELECT) {
        td_gl_target_adopt(scene->input);
        rc = td_gl_target_copy_buffer(t, scene->input, scene->select_buffer, err);
    }
    else {
        rc = draw_scene(r, t, scene, &t->failed_material, err);
    }
    td_gl_timer_end(&t->timer, rc == 0);
    if (rc != 0) {
        return -1;
    }
    td_scene_incref(scene);
    t->shown = scene;
    atomic_fetch_add_explicit(&t->generation, 1, memory_order_release);
    return 0;
}

int
td_gl_cook_job(td_gl_runtime *rt, void *arg, td_err *err)
{
    td_gl_cook *job = arg;
    td_gl_target *t = job->target;
    td_gl_target_adopt(t);
    job->rendered = 0;
    if (job->scene != NULL && job->scene != t->shown) {
        if (render_into(rt, t, job->scene, err) != 0) {
            job->failed_material = t->failed_material;
            return -1;
        }
        job->rendered = 1;
    }
    int rc = 0;
    switch (job->read) {
    case TD_READ_NONE:
        break;
    case TD_READ_FLOAT:
        rc = td_gl_target_read_float(t, job->dst, err);
        break;
    case TD_READ_FILE:
        rc = td_gl_target_read_file(t, job->dst, err);
        break;
    case TD_READ_TEXEL:
        rc = td_gl_target_read_texel(t, job->x, job->y, job->texel, err);
        break;
    case TD_READ_DELAYED:
        rc = td_gl_target_finish_delayed(t, job->dst, job->x, job->y, job->dst_format, err);
        if (rc < 0) {
            job->failed_material = t->failed_material;
        }
        job->delayed_filled = rc == 1;
        rc = rc < 0 ? -1 : 0;
        break;
    }
    job->gpu_ms = td_gl_timer_resolve(&t->timer); /* after the reads, which waited for the GPU anyway */
    job->format = t->format;
    job->gpu_bytes = td_gl_target_gpu_bytes(t);
    return rc;
}

typedef struct {
    td_gl_target *target;
    td_scene *scene;
} delayed_job;

static void
delayed_job_run(void *p)
{
    delayed_job *job = p;
    td_gl_target *t = job->target;
    td_gl_target_adopt(t);
    td_gl_runtime *rt = td_gl_runtime_existing();
    td_err err = {0};
    int rc = 0;
    if (job->scene != NULL && job->scene != t->shown) {
        rc = render_into(rt, t, job->scene, &err);
    }
    if (rc == 0) {
        rc = td_gl_target_start_delayed(t, &err);
    }
    if (rc != 0) {
        t->delayed_failed = 1;
        t->delayed_err = err;
    }
    td_scene_decref(job->scene);
    free(job);
}

int
td_gl_post_delayed(td_gl_runtime *rt, td_gl_target *t, td_scene *scene)
{
    delayed_job *job = malloc(sizeof(*job));
    if (job == NULL) {
        td_scene_decref(scene);
        return -1;
    }
    job->target = t;
    job->scene = scene;
    if (td_gl_post(rt, delayed_job_run, job) != 0) {
        free(job);
        td_scene_decref(scene);
        return -1;
    }
    return 0;
}
