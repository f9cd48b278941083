"""Geometry benchmark: a 1M-triangle scriptSOP mesh built through its bulk path (setGeometry) and
drawn by a renderTOP, td_render against moderngl drawing the same mesh in the same run.

    .venv/bin/python benchmarks/bench_geometry.py [--frames N] [--grid K] [--width W --height H]

The mesh: a K x K grid of quads (default K = 708: 2 * 708^2 = 1,002,528 triangles) over a wavy
height field in front of the default camera, positions and normals, with a constantMAT. Two
measures, each the median time of a frame that ends with a one-texel read (sample()), which waits
for the render to finish:

  render   the mesh is built once; every frame changes the material's colour and re-renders. The
           geometryCOMP's allowCooking is off, so the scriptSOP keeps its mesh (otherwise any change
           in the network cooks a scriptSOP again). moderngl: one draw of the uploaded buffers.
  rebuild  every frame cooks the scriptSOP again: onCook hands the same NumPy arrays to
           setGeometry (validated and copied), the mesh is made and uploaded, then drawn.
           moderngl: the same arrays written into its buffers, then one draw.

The ratio is td_render's time over moderngl's. No timing is asserted anywhere (no timed tests).
"""
import argparse
import os
import statistics
import sys
import time
import types

import numpy as np

import td_render as td

CALLBACKS = """
import _bench_geometry_mesh as m
def onCook(scriptOp):
    scriptOp.setGeometry(m.P, N=m.N, triangles=m.triangles)
"""


def grid_mesh(k):
    """Positions, normals (float32) and triangles (int32) of a k x k quad grid, 2 units wide, a
    gentle wave in z: z = 0.1 sin(3x) cos(3y)."""
    s = np.linspace(-1.0, 1.0, k + 1)
    x, y = np.meshgrid(s, s, indexing="xy")
    z = 0.1 * np.sin(3 * x) * np.cos(3 * y)
    P = np.stack([x, y, z], axis=-1).reshape(-1, 3).astype(np.float32)
    dzdx, dzdy = 0.3 * np.cos(3 * x) * np.cos(3 * y), -0.3 * np.sin(3 * x) * np.sin(3 * y)
    N = np.stack([-dzdx, -dzdy, np.ones_like(z)], axis=-1).reshape(-1, 3)
    N = (N / np.linalg.norm(N, axis=1, keepdims=True)).astype(np.float32)
    i, j = np.meshgrid(np.arange(k), np.arange(k), indexing="ij")
    a = (i * (k + 1) + j).ravel()
    b = a + k + 1
    tri = np.stack([a, a + 1, b + 1, a, b + 1, b], axis=1).reshape(-1, 3).astype(np.int32)
    return P, N, tri


def time_frames(frame, frames):
    frame(0)  # warm up: first cook, upload, program compile
    times = []
    for i in range(1, frames + 1):
        t = time.perf_counter()
        frame(i)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_td(mesh, w, h, frames):
    sys.modules["_bench_geometry_mesh"] = types.SimpleNamespace(P=mesh[0], N=mesh[1], triangles=mesh[2])
    net = td.root.create(td.baseCOMP, "bench_geometry")
    geo = net.create(td.geometryCOMP, "geo1")
    s = geo.create(td.scriptSOP, "script1")
    cb = net.create(td.textDAT, "script1_callbacks")
    cb.text = CALLBACKS
    s.par.callbacks = cb.path
    mat = net.create(td.constantMAT, "constant1")
    geo.par.material = mat
    net.create(td.cameraCOMP, "cam1")
    r = net.create(td.renderTOP, "render1")
    r.par.resolutionw, r.par.resolutionh = w, h
    assert s.numPrims == len(mesh[2])

    def frame(i):
        mat.par.colorr = (i % 20) * 0.05
        r.sample(x=w // 2, y=h // 2)

    times = {}
    times["rebuild"] = time_frames(frame, frames)
    cooks = s.totalCooks
    geo.allowCooking = False  # the scriptSOP keeps its mesh: only the render runs
    times["render"] = time_frames(frame, frames)
    assert s.totalCooks == cooks, "the scriptSOP cooked while its COMP had allowCooking off"
    net.destroy()
    del sys.modules["_bench_geometry_mesh"]
    return times


VERT = """
#version 450 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
uniform mat4 uViewProj;
out vec3 vNormal;
void main()
{
    vNormal = aNormal;
    gl_Position = uViewProj * vec4(aPosition, 1.0);
}
"""

FRAG = """
#version 450 core
uniform vec3 uColor;
in vec3 vNormal;
out vec4 fragColor;
void main()
{
    fragColor = vec4(uColor * max(vNormal.z, 1.0), 1.0); /* reads the normal (z <= 1): it stays an attribute */
}
"""


def view_proj(w, h, cam_z=5.0):
    """cameraCOMP's defaults: horizontal field of view 45 degrees, at (0, 0, 5) looking down -z."""
    n, f = 0.1, 1000.0
    sx = 1.0 / np.tan(np.radians(45.0) / 2.0)
    sy = sx * w / h
    proj = np.array([[sx, 0, 0, 0], [0, sy, 0, 0], [0, 0, (f + n) / (n - f), 2 * f * n / (n - f)],
                     [0, 0, -1, 0]], "f8")
    view = np.eye(4)
    view[2, 3] = -cam_z
    return (proj @ view).astype("f4")


def bench_moderngl(mesh, w, h, frames):
    import moderngl
    P, N, tri = mesh
    ctx = moderngl.create_standalone_context(backend="egl", require=450)
    prog = ctx.program(vertex_shader=VERT, fragment_shader=FRAG)
    pbo, nbo = ctx.buffer(P.tobytes()), ctx.buffer(N.tobytes())
    ibo = ctx.buffer(tri.astype("u4").tobytes())
    vao = ctx.vertex_array(prog, [(pbo, "3f", "aPosition"), (nbo, "3f", "aNormal")], index_buffer=ibo,
                           index_element_size=4)
    color = ctx.texture((w, h), 4, dtype="f1")
    depth = ctx.depth_texture((w, h))
    fbo = ctx.framebuffer(color_attachments=[color], depth_attachment=depth)
    prog["uViewProj"].write(view_proj(w, h).T.copy().tobytes())
    ctx.enable(moderngl.DEPTH_TEST)

    def draw(i):
        prog["uColor"].value = ((i % 20) * 0.05, 1.0, 1.0)
        fbo.use()
        fbo.clear(0.0, 0.0, 0.0, 0.0, depth=1.0)
        vao.render(moderngl.TRIANGLES)
        fbo.read(viewport=(w // 2, h // 2, 1, 1), components=4)

    def rebuild(i):
        pbo.write(P.tobytes())
        nbo.write(N.tobytes())
        ibo.write(tri.astype("u4").tobytes())
        draw(i)

    times = {"render": time_frames(draw, frames), "rebuild": time_frames(rebuild, frames)}
    for obj in (vao, pbo, nbo, ibo, fbo, color, depth, prog):
        obj.release()
    ctx.release()
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--frames", type=int, default=10)
    ap.add_argument("--grid", type=int, default=708)
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=720)
    args = ap.parse_args()
    print(td.glInfo()["renderer"], "| pid", os.getpid())
    mesh = grid_mesh(args.grid)
    ours = bench_td(mesh, args.width, args.height, args.frames)
    theirs = bench_moderngl(mesh, args.width, args.height, args.frames)
    print("scriptSOP mesh of %d triangles (%d points) via setGeometry, constantMAT, %dx%d, 1-texel read a frame "
          "(median of %d)" % (len(mesh[2]), len(mesh[0]), args.width, args.height, args.frames))
    for what in ("render", "rebuild"):
        print("  %-8s td_render %9.2f ms/frame | moderngl %9.2f ms/frame | ratio %.2f"
              % (what, ours[what] * 1e3, theirs[what] * 1e3, ours[what] / theirs[what]))


if __name__ == "__main__":
    main()
