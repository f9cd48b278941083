/* The depthTOP pass. See depth.h. */
#include "gpu/depth.h"

#include <stdio.h>
#include <string.h>

#include <glad/gl.h>

#include "td_shaders.h"

int
td_gl_depth_draw(td_gl_programs *programs, unsigned int vao, unsigned int *block, td_gl_target *t,
                 const td_scene *s, td_err *err)
{
    td_gl_target *in = s->input;
    td_gl_target_adopt(in);
    const td_gl_texture *depth = td_gl_target_depth(in, err);
    if (depth == NULL) {
        return -1;
    }
    if (depth->width != s->width || depth->height != s->height) {
        return td_err_set(err, TD_ERR_RUNTIME, "the input's image changed size during the render");
    }
    char vsrc[1024], fsrc[4096];
    int vn = snprintf(vsrc, sizeof(vsrc), "#version 450 core\n%s", td_shader_fullscreen_vert);
    int fn = snprintf(fsrc, sizeof(fsrc), "#version 450 core\n%s", td_shader_depth_frag);
    if (vn < 0 || (size_t)vn >= sizeof(vsrc) || fn < 0 || (size_t)fn >= sizeof(fsrc)) {
        return td_err_set(err, TD_ERR_VALUE, "the depth shader is too long");
    }
    GLuint program = 0;
    if (td_gl_program_get(programs, vsrc, fsrc, &program, err) != 0) {
        return -1;
    }
    if (*block == 0) {
        glCreateBuffers(1, block);
        if (*block == 0) {
            return td_err_set(err, TD_ERR_RUNTIME, "could not create a buffer");
        }
        glNamedBufferData(*block, sizeof(s->params), NULL, GL_DYNAMIC_DRAW);
    }
    glNamedBufferSubData(*block, 0, sizeof(s->params), s->params);
    td_gl_pass_action action = {.color = TD_GL_LOAD_DONTCARE, .depth = TD_GL_LOAD_DONTCARE,
                                .srgb = t->format->srgb};
    td_gl_pass_begin(&t->pass, &action);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    glDisable(GL_POLYGON_OFFSET_FILL);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glUseProgram(program);
    glBindBufferBase(GL_UNIFORM_BUFFER, 0, *block);
    glBindTextureUnit(0, depth->id);
    glBindVertexArray(vao);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glBindTextureUnit(0, 0);
    glUseProgram(0);
    glEnable(GL_DEPTH_TEST);
    return td_gl_pass_end(&t->pass, err);
}
