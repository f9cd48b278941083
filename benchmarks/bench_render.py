"""Render benchmark: one lit sphere at 1920x1080, td_render against moderngl in one process.

    .venv/bin/python benchmarks/bench_render.py [--frames N] [--rows R --cols C]

The scene: a sphereSOP (rows x cols, default 48 x 96 as in td_render.demo) with a phongMAT, one
point light, the default camera moved to tz = 3 so the sphere covers a good part of the frame.
Every frame moves the light (so every frame re-renders) and reads one texel back (sample()), which
waits for the render to finish: the time per frame is the whole render, CPU and GPU.

moderngl does the same work in the same run: the same mesh (generated here by sphereSOP's
formula), one draw with a Phong shader specialised for one point light (Lambert diffuse +
Blinn-Phong specular + ambient + emit), a clear, and a one-pixel read. The ratio is td_render's time
over moderngl's.
"""
import argparse
import math
import os
import statistics
import time

import numpy as np

import td_render as td

W, H = 1920, 1080
CAM_Z = 3.0


def sphere_mesh(rows, cols):
    """Positions, normals and triangle indices of a unit sphere as sphereSOP builds it."""
    theta = np.pi * np.arange(rows + 1) / rows
    phi = 2.0 * np.pi * np.arange(cols + 1) / cols
    t, p = np.meshgrid(theta, phi, indexing="ij")
    d = np.stack([np.sin(t) * np.sin(p), np.cos(t), np.sin(t) * np.cos(p)], axis=-1).reshape(-1, 3)
    verts = np.concatenate([d, d], axis=1).astype("f4")
    i, j = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")
    a = (i * (cols + 1) + j).ravel()
    b = a + cols + 1
    idx = np.stack([a, b, b + 1, a, b + 1, a + 1], axis=1).astype("u4").ravel()
    return verts, idx


def td_scene(rows, cols):
    net = td.root.create(td.baseCOMP, "bench")
    geo = net.create(td.geometryCOMP, "geo1")
    s = geo.create(td.sphereSOP)
    s.par.rows, s.par.cols = rows, cols
    mat = net.create(td.phongMAT, "phong1")
    mat.par.diffr, mat.par.diffg, mat.par.diffb = 0.9, 0.3, 0.2
    geo.par.material = mat
    net.create(td.cameraCOMP, "cam1").par.tz = CAM_Z
    light = net.create(td.lightCOMP, "light1")
    light.par.ty, light.par.tz = 2.0, 4.0
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    return net, r, light


def time_frames(frame, frames):
    frame(0)  # warm up: first cook, allocations, program compile
    times = []
    for i in range(1, frames + 1):
        t = time.perf_counter()
        frame(i)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_td(rows, cols, frames):
    net, r, light = td_scene(rows, cols)

    def frame(i):
        light.par.tx = (i % 20) * 0.05
        r.sample(x=W // 2, y=H // 2)
    t = time_frames(frame, frames)
    net.destroy()
    return t


VERT = """
#version 450 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
uniform mat4 uViewProj;
out vec3 vWorldPos;
out vec3 vWorldNormal;
void main()
{
    vWorldPos = aPosition;
    vWorldNormal = aNormal;
    gl_Position = uViewProj * vec4(aPosition, 1.0);
}
"""

FRAG = """
#version 450 core
uniform vec3 uLightPos;
uniform vec3 uLightColor;
uniform vec3 uCameraPos;
const vec3 diffuse = vec3(0.9, 0.3, 0.2);
const vec3 specular = vec3(1.0);
const vec3 emit = vec3(0.0);
const float shininess = 10.0;
in vec3 vWorldPos;
in vec3 vWorldNormal;
out vec4 fragColor;
void main()
{
    vec3 n = normalize(vWorldNormal);
    if (!gl_FrontFacing) {
        n = -n;
    }
    vec3 v = normalize(uCameraPos - vWorldPos);
    vec3 l = normalize(uLightPos - vWorldPos);
    float ndl = max(dot(n, l), 0.0);
    vec3 color = emit + diffuse * uLightColor * ndl;
    if (ndl > 0.0) {
        color += specular * uLightColor * pow(max(dot(n, normalize(l + v)), 0.0), shininess);
    }
    fragColor = vec4(color, 1.0);
}
"""


def view_proj():
    """Horizontal field of view 45 degrees (cameraCOMP's default), camera at (0, 0, CAM_Z)."""
    n, f = 0.1, 1000.0
    sx = 1.0 / math.tan(math.radians(45.0) / 2.0)
    sy = sx * W / H
    proj = np.array([[sx, 0, 0, 0], [0, sy, 0, 0], [0, 0, (f + n) / (n - f), 2 * f * n / (n - f)],
                     [0, 0, -1, 0]], "f8")
    view = np.eye(4)
    view[2, 3] = -CAM_Z
    return (proj @ view).astype("f4")


def bench_moderngl(rows, cols, frames):
    import moderngl
    ctx = moderngl.create_standalone_context(backend="egl", require=450)
    prog = ctx.program(vertex_shader=VERT, fragment_shader=FRAG)
    verts, idx = sphere_mesh(rows, cols)
    vbo = ctx.buffer(verts.tobytes())
    ibo = ctx.buffer(idx.tobytes())
    vao = ctx.vertex_array(prog, [(vbo, "3f 3f", "aPosition", "aNormal")], index_buffer=ibo, index_element_size=4)
    color = ctx.texture((W, H), 4, dtype="f1")
    depth = ctx.depth_texture((W, H))
    fbo = ctx.framebuffer(color_attachments=[color], depth_attachment=depth)
    prog["uViewProj"].write(view_proj().T.copy().tobytes())
    prog["uCameraPos"].value = (0.0, 0.0, CAM_Z)
    prog["uLightColor"].value = (1.0, 1.0, 1.0)
    ctx.enable(moderngl.DEPTH_TEST)

    def frame(i):
        prog["uLightPos"].value = ((i % 20) * 0.05, 2.0, 4.0)
        fbo.use()
        fbo.clear(0.0, 0.0, 0.0, 0.0, depth=1.0)
        vao.render(moderngl.TRIANGLES)
        fbo.read(viewport=(W // 2, H // 2, 1, 1), components=4)
    t = time_frames(frame, frames)
    for obj in (vao, vbo, ibo, fbo, color, depth, prog):
        obj.release()
    ctx.release()
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--frames", type=int, default=30)
    ap.add_argument("--rows", type=int, default=48)
    ap.add_argument("--cols", type=int, default=96)
    args = ap.parse_args()
    print(td.glInfo()["renderer"], "| pid", os.getpid())
    ours = bench_td(args.rows, args.cols, args.frames)
    theirs = bench_moderngl(args.rows, args.cols, args.frames)
    print("one phong sphere (%dx%d), one point light, %dx%d, re-render + 1-texel read per frame (median of %d)"
          % (args.rows, args.cols, W, H, args.frames))
    print("  td_render %8.2f ms/frame" % (ours * 1e3))
    print("  moderngl  %8.2f ms/frame (specialised Phong shader)" % (theirs * 1e3))
    print("  ratio td_render / moderngl: %.2f" % (ours / theirs))


if __name__ == "__main__":
    main()
