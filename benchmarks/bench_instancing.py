"""Instancing benchmark: 100k instanced boxes at 1280x720, td_render against moderngl in one process.

    .venv/bin/python benchmarks/bench_instancing.py [--frames N] [--instances N] [--source top|dat]

The scene: a boxSOP (scale 0.02: 24 vertices, 12 triangles) in a geometryCOMP with a constantMAT,
instanced at N positions on a jittered grid filling the view; the positions come from a scriptTOP's
pixels (r, g, b: one instance a pixel) or a tableDAT's columns. The camera moves a little every
frame, so every frame rebuilds the scene (reading the source, composing N instance matrices) and
re-renders; one texel read back (sample()) waits for the render: the time per frame is the whole
frame, CPU and GPU.

moderngl does the same draw in the same run: the same box, a per-instance vec3 translation
(divisor 1) uploaded once, one glDrawElementsInstanced with a constant-colour shader, a clear and a
one-pixel read per frame, the view matrix changed each frame. The ratio is td_render's time over
moderngl's (moderngl uploads its instances once; td_render re-reads its source every frame).
"""
import argparse
import math
import os
import statistics
import time

import numpy as np

import td_render as td

W, H = 1280, 720
CAM_Z = 12.0
SIZE = 0.02


def positions(n):
    side = int(math.ceil(math.sqrt(n)))
    k = np.arange(n)
    rng = np.random.default_rng(1)
    x = (k % side) / side * 8.0 - 4.0 + rng.uniform(0, 0.01, n)
    y = (k // side) / side * 4.5 - 2.25 + rng.uniform(0, 0.01, n)
    z = rng.uniform(-1.0, 1.0, n)
    return np.stack([x, y, z], axis=1).astype("f4")


def td_scene(pos, source):
    net = td.root.create(td.baseCOMP, "bench")
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.boxSOP).par.scale = SIZE
    geo.par.material = net.create(td.constantMAT, "constant1")
    geo.par.instancing = True
    if source == "top":
        n = len(pos)
        w = 500
        h = (n + w - 1) // w
        a = np.zeros((h * w, 4), "f4")
        a[:n, :3] = pos
        top = net.create(td.scriptTOP, "positions")
        top.copyNumpyArray(a.reshape(h, w, 4))
        geo.par.instancecountmode = "manual"
        geo.par.numinstances = n
        geo.par.instanceop = "positions"
        geo.par.instancetx, geo.par.instancety, geo.par.instancetz = "r", "g", "b"
    else:
        dat = net.create(td.tableDAT, "positions")
        dat.text = "tx\tty\ttz\n" + "\n".join("%.6g\t%.6g\t%.6g" % tuple(p) for p in pos)
        geo.par.instanceop = "positions"
    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.tz = CAM_Z
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = W, H
    return net, r, cam


def time_frames(frame, frames):
    frame(0)  # warm up: first cook, allocations, program compile
    times = []
    for i in range(1, frames + 1):
        t = time.perf_counter()
        frame(i)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_td(pos, source, frames):
    net, r, cam = td_scene(pos, source)

    def frame(i):
        cam.par.tz = CAM_Z + (i % 20) * 0.01
        r.sample(x=W // 2, y=H // 2)
    t = time_frames(frame, frames)
    net.destroy()
    return t


VERT = """
#version 450 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aOffset;
uniform mat4 uViewProj;
void main()
{
    gl_Position = uViewProj * vec4(aPosition + aOffset, 1.0);
}
"""

FRAG = """
#version 450 core
out vec4 fragColor;
void main()
{
    fragColor = vec4(1.0);
}
"""


def box_mesh():
    """The box's 24 vertices (4 a face) and 12 triangles, as boxSOP builds it (scale SIZE)."""
    verts, idx = [], []
    for axis in range(3):
        for sign in (-1.0, 1.0):
            u, v = [(axis + 1) % 3, (axis + 2) % 3]
            base = len(verts)
            for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
                p = [0.0, 0.0, 0.0]
                p[axis], p[u], p[v] = sign * 0.5 * SIZE, a * 0.5 * SIZE, b * 0.5 * SIZE
                verts.append(p)
            idx += [base, base + 1, base + 2, base, base + 2, base + 3]
    return np.array(verts, "f4"), np.array(idx, "u4")


def view_proj(cam_z):
    n, f = 0.1, 1000.0
    sx = 1.0 / math.tan(math.radians(45.0) / 2.0)
    sy = sx * W / H
    proj = np.array([[sx, 0, 0, 0], [0, sy, 0, 0], [0, 0, (f + n) / (n - f), 2 * f * n / (n - f)],
                     [0, 0, -1, 0]], "f8")
    view = np.eye(4)
    view[2, 3] = -cam_z
    return (proj @ view).astype("f4")


def bench_moderngl(pos, frames):
    import moderngl
    ctx = moderngl.create_standalone_context(backend="egl", require=450)
    prog = ctx.program(vertex_shader=VERT, fragment_shader=FRAG)
    verts, idx = box_mesh()
    vbo = ctx.buffer(verts.tobytes())
    ibo = ctx.buffer(idx.tobytes())
    inst = ctx.buffer(pos.tobytes())
    vao = ctx.vertex_array(prog, [(vbo, "3f", "aPosition"), (inst, "3f/i", "aOffset")], index_buffer=ibo,
                           index_element_size=4)
    color = ctx.texture((W, H), 4, dtype="f1")
    depth = ctx.depth_texture((W, H))
    fbo = ctx.framebuffer(color_attachments=[color], depth_attachment=depth)
    ctx.enable(moderngl.DEPTH_TEST)

    def frame(i):
        prog["uViewProj"].write(view_proj(CAM_Z + (i % 20) * 0.01).T.copy().tobytes())
        fbo.use()
        fbo.clear(0.0, 0.0, 0.0, 0.0, depth=1.0)
        vao.render(moderngl.TRIANGLES, instances=len(pos))
        fbo.read(viewport=(W // 2, H // 2, 1, 1), components=4)
    t = time_frames(frame, frames)
    for obj in (vao, vbo, ibo, inst, fbo, color, depth, prog):
        obj.release()
    ctx.release()
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--frames", type=int, default=20)
    ap.add_argument("--instances", type=int, default=100_000)
    ap.add_argument("--source", choices=("top", "dat"), default="top")
    args = ap.parse_args()
    print(td.glInfo()["renderer"], "| pid", os.getpid())
    pos = positions(args.instances)
    ours = bench_td(pos, args.source, args.frames)
    theirs = bench_moderngl(pos, args.frames)
    print("%d instanced boxes (12 triangles each) from a %s, %dx%d, scene rebuild + render + 1-texel read per frame "
          "(median of %d)" % (args.instances, "scriptTOP's pixels" if args.source == "top" else "tableDAT",
                               W, H, args.frames))
    print("  td_render %8.2f ms/frame" % (ours * 1e3))
    print("  moderngl  %8.2f ms/frame (instances uploaded once)" % (theirs * 1e3))
    print("  ratio td_render / moderngl: %.2f" % (ours / theirs))


if __name__ == "__main__":
    main()
