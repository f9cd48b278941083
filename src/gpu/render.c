/* The renderer: one program for the built-in materials, lights in a shader storage buffer. */
#include "gpu/render.h"

#include <stdlib.h>

#include <glad/gl.h>

#include "td_shaders.h"

struct td_gl_renderer {
    GLuint program;
    GLint u_model, u_normal, u_viewproj, u_nlights, u_kind, u_color, u_diffuse, u_specular, u_ambient, u_emit,
        u_shininess, u_alpha, u_campos, u_outmode;
    GLuint lights;
    size_t lights_bytes;
};

static int
compile_shader(GLenum stage, const char *src, GLuint *out, td_err *err)
{
    GLuint s = glCreateShader(stage);
    if (s == 0) {
        return td_err_set(err, TD_ERR_RUNTIME, "glCreateShader failed");
    }
    glShaderSource(s, 1, &src, NULL);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[768] = "";
        glGetShaderInfoLog(s, sizeof(log), NULL, log);
        glDeleteShader(s);
        return td_err_set(err, TD_ERR_RUNTIME, "%s shader failed to compile: %s",
                          stage == GL_VERTEX_SHADER ? "vertex" : "fragment", log);
    }
    *out = s;
    return 0;
}

static int
link_program(const char *vsrc, const char *fsrc, GLuint *out, td_err *err)
{
    GLuint vs = 0, fs = 0;
    if (compile_shader(GL_VERTEX_SHADER, vsrc, &vs, err) != 0) {
        return -1;
    }
    if (compile_shader(GL_FRAGMENT_SHADER, fsrc, &fs, err) != 0) {
        glDeleteShader(vs);
        return -1;
    }
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[768] = "";
        glGetProgramInfoLog(p, sizeof(log), NULL, log);
        glDeleteProgram(p);
        return td_err_set(err, TD_ERR_RUNTIME, "shader program failed to link: %s", log);
    }
    *out = p;
    return 0;
}

static td_gl_renderer *
renderer_get(td_gl_runtime *rt, td_err *err)
{
    td_gl_renderer **slot = td_gl_runtime_renderer_slot(rt);
    if (*slot != NULL) {
        return *slot;
    }
    td_gl_renderer *r = calloc(1, sizeof(*r));
    if (r == NULL) {
        td_err_nomem(err, "renderer");
        return NULL;
    }
    if (link_program(td_shader_mesh_vert, td_shader_mesh_frag, &r->program, err) != 0) {
        free(r);
        return NULL;
    }
    GLuint p = r->program;
    r->u_model = glGetUniformLocation(p, "uModel");
    r->u_normal = glGetUniformLocation(p, "uNormalMatrix");
    r->u_viewproj = glGetUniformLocation(p, "uViewProj");
    r->u_nlights = glGetUniformLocation(p, "uNumLights");
    r->u_kind = glGetUniformLocation(p, "uMaterialKind");
    r->u_color = glGetUniformLocation(p, "uColor");
    r->u_diffuse = glGetUniformLocation(p, "uDiffuse");
    r->u_specular = glGetUniformLocation(p, "uSpecular");
    r->u_ambient = glGetUniformLocation(p, "uAmbient");
    r->u_emit = glGetUniformLocation(p, "uEmit");
    r->u_shininess = glGetUniformLocation(p, "uShininess");
    r->u_alpha = glGetUniformLocation(p, "uAlpha");
    r->u_campos = glGetUniformLocation(p, "uCameraPos");
    r->u_outmode = glGetUniformLocation(p, "uOutputMode");
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

static int
upload_lights(td_gl_renderer *r, const td_scene *s, td_err *err)
{
    size_t bytes = (s->nlights ? s->nlights : 1) * sizeof(td_scene_light);
    if (r->lights == 0 || r->lights_bytes < bytes) {
        if (r->lights != 0) {
            glDeleteBuffers(1, &r->lights);
        }
        glCreateBuffers(1, &r->lights);
        glNamedBufferData(r->lights, (GLsizeiptr)bytes, NULL, GL_DYNAMIC_DRAW);
        r->lights_bytes = bytes;
    }
    if (s->nlights > 0) {
        glNamedBufferSubData(r->lights, 0, (GLsizeiptr)(s->nlights * sizeof(td_scene_light)), s->lights);
    }
    GLenum e = glGetError();
    return e == GL_NO_ERROR ? 0 : td_err_set(err, TD_ERR_RUNTIME, "uploading lights failed (GL error 0x%04x)", e);
}

static int
draw_scene(td_gl_renderer *r, td_gl_target *t, const td_scene *s, td_err *err)
{
    float viewproj[16];
    mat4_mul(viewproj, s->proj, s->view);
    if (upload_lights(r, s, err) != 0) {
        return -1;
    }
    const td_pixel_format *f = s->format;
    const float *bg = s->background;
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, t->fbo);
    glViewport(0, 0, s->width, s->height);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    /* sRGB targets store the shaders' linear output encoded */
    if (f->srgb) {
        glEnable(GL_FRAMEBUFFER_SRGB);
    }
    else {
        glDisable(GL_FRAMEBUFFER_SRGB);
    }
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    /* The background goes through the same channel routing as the geometry's colour. */
    if (f->out_mode == TD_OUT_ALPHA) {
        glClearColor(bg[3], 0.0f, 0.0f, 1.0f);
    }
    else if (f->out_mode == TD_OUT_MONOALPHA) {
        glClearColor(bg[0], bg[3], 0.0f, 1.0f);
    }
    else {
        glClearColor(bg[0], bg[1], bg[2], bg[3]);
    }
    glClearDepth(1.0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    /* chanmask names the image's channels; route it like the colour (alpha formats keep A in R). */
    unsigned int m = s->chanmask;
    if (f->out_mode == TD_OUT_ALPHA) {
        m = (m >> 3) & 1u;
    }
    else if (f->out_mode == TD_OUT_MONOALPHA) {
        m = (m & 1u) | (((m >> 3) & 1u) << 1);
    }
    glColorMask((m & 1u) != 0, (m & 2u) != 0, (m & 4u) != 0, (m & 8u) != 0);

    glUseProgram(r->program);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, r->lights);
    glUniformMatrix4fv(r->u_viewproj, 1, GL_FALSE, viewproj);
    glUniform1i(r->u_nlights, (GLint)s->nlights);
    glUniform3fv(r->u_campos, 1, s->camera_pos);
    glUniform1i(r->u_outmode, (GLint)f->out_mode);
    for (size_t i = 0; i < s->ndraws; i++) {
        const td_scene_draw *d = &s->draws[i];
        if (d->mesh->nindices == 0) {
            continue;
        }
        if (td_gl_mesh_upload(d->mesh, err) != 0) {
            return -1;
        }
        const td_scene_material *m = &d->material;
        glUniformMatrix4fv(r->u_model, 1, GL_FALSE, d->model);
        glUniformMatrix3fv(r->u_normal, 1, GL_FALSE, d->normal);
        glUniform1i(r->u_kind, m->kind);
        glUniform4fv(r->u_color, 1, m->color);
        glUniform3fv(r->u_diffuse, 1, m->diffuse);
        glUniform3fv(r->u_specular, 1, m->specular);
        glUniform3fv(r->u_ambient, 1, m->ambient);
        glUniform3fv(r->u_emit, 1, m->emit);
        glUniform1f(r->u_shininess, m->shininess);
        glUniform1f(r->u_alpha, m->alpha);
        glBindVertexArray(d->mesh->vao);
        glDrawElements(GL_TRIANGLES, (GLsizei)d->mesh->nindices, GL_UNSIGNED_INT, NULL);
    }
    glBindVertexArray(0);
    glUseProgram(0);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glDisable(GL_FRAMEBUFFER_SRGB);
    GLenum e = glGetError();
    return e == GL_NO_ERROR ? 0 : td_err_set(err, TD_ERR_RUNTIME, "drawing failed (GL error 0x%04x)", e);
}

/* Renders scene into t, timing it with GL timestamp queries. */
static int
render_into(td_gl_runtime *rt, td_gl_target *t, td_scene *scene, td_err *err)
{
    while (glGetError() != GL_NO_ERROR) {
        /* an earlier job's stray error must not be blamed on this one */
    }
    td_gl_renderer *r = renderer_get(rt, err);
    if (r == NULL) {
        return -1;
    }
    if (td_gl_target_ensure(t, scene->width, scene->height, scene->format, err) != 0) {
        return -1;
    }
    if (t->queries[0] == 0) {
        glCreateQueries(GL_TIMESTAMP, 2, t->queries);
    }
    /* Timestamps rather than GL_TIME_ELAPSED: llvmpipe reports the time since context creation for
     * the latter. The results are fetched later (td_gl_target_resolve_time), never stalling here. */
    glQueryCounter(t->queries[0], GL_TIMESTAMP);
    td_scene_decref(t->shown);
    t->shown = NULL;
    int rc = draw_scene(r, t, scene, err);
    glQueryCounter(t->queries[1], GL_TIMESTAMP);
    if (rc != 0) {
        return -1;
    }
    t->query_pending = 1;
    td_scene_incref(scene);
    t->shown = scene;
    return 0;
}

int
td_gl_cook_job(td_gl_runtime *rt, void *arg, td_err *err)
{
    td_gl_cook *job = arg;
    td_gl_target *t = job->target;
    job->rendered = 0;
    if (job->scene != NULL && job->scene != t->shown) {
        if (render_into(rt, t, job->scene, err) != 0) {
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
        job->delayed_filled = rc == 1;
        rc = rc < 0 ? -1 : 0;
        break;
    }
    td_gl_target_resolve_time(t); /* after the reads, which waited for the GPU anyway */
    job->format = t->format;
    job->gpu_ms = t->last_gpu_ms;
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
