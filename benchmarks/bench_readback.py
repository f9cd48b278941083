"""Readback benchmarks, td_render against its peers in one process, printing ratios.

    .venv/bin/python benchmarks/bench_readback.py [--quick]

1. sample() against numpyArray() at 512x512 and 4096x4096: sample() reads one texel, so its time
   must stay flat while numpyArray() grows with the image. "whole download" is TouchDesigner's
   documented way (download the texture, index one texel), done here with numpyArray().
2. numpyArray() against moderngl reading the same size of RGBA8 framebuffer as float32
   (fbo.read(dtype='f4') + numpy.frombuffer), both without re-rendering.
3. numpyArray(delayed=True) per frame against numpyArray() per frame, with the scene changing
   every frame (a render every frame) at 1920x1080.
4. Peak memory of one numpyArray() call above the returned array itself (a fresh process each).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

import numpy as np

import td_render as td


def timeit(fn, repeat):
    fn()  # warm up (first cook, allocations)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def scene(w, h):
    net = td.root.create(td.baseCOMP)
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.sphereSOP)
    net.create(td.cameraCOMP, "cam1")
    net.create(td.lightCOMP, "light1").par.tz = 5
    r = net.create(td.renderTOP)
    r.par.resolutionw, r.par.resolutionh = w, h
    return net, r


def bench_sample(repeat):
    print("\n1. sample() vs whole download (numpyArray + index), no re-render")
    print("%-10s %14s %14s %10s" % ("size", "sample", "whole", "ratio"))
    for n in (512, 4096):
        net, r = scene(n, n)
        s = timeit(lambda: r.sample(x=n // 2, y=n // 2), repeat * 20)
        w = timeit(lambda: r.numpyArray()[n // 2, n // 2], max(3, repeat // (1 if n == 512 else 4)))
        print("%-10s %11.3f ms %11.3f ms %9.0fx" % ("%dx%d" % (n, n), s * 1e3, w * 1e3, w / s))
        net.destroy()


def bench_vs_moderngl(repeat):
    import moderngl
    print("\n2. numpyArray() vs moderngl fbo.read(dtype='f4'), RGBA8, no re-render")
    print("%-10s %14s %14s %10s" % ("size", "td_render", "moderngl", "ratio"))
    ctx = moderngl.create_standalone_context(backend="egl", require=450)
    for w, h in ((512, 512), (1920, 1080), (4096, 4096)):
        net, r = scene(w, h)
        ours = timeit(r.numpyArray, repeat)
        fbo = ctx.simple_framebuffer((w, h), components=4)
        fbo.use()
        ctx.clear(0.2, 0.4, 0.6, 1.0)

        def peer():
            return np.frombuffer(fbo.read(components=4, dtype="f4"), np.float32).reshape(h, w, 4)
        theirs = timeit(peer, repeat)
        print("%-10s %11.3f ms %11.3f ms %9.2fx" % ("%dx%d" % (w, h), ours * 1e3, theirs * 1e3, theirs / ours))
        fbo.release()
        net.destroy()
    ctx.release()


def bench_delayed(frames):
    print("\n3. per frame at 1920x1080 with a re-render every frame: numpyArray() vs numpyArray(delayed=True)")
    print("   (a) a tight loop; (b) a script that also spends time on each frame in NumPy, as a real one does")
    net, r = scene(1920, 1080)
    light = net.op("light1")
    sink = np.empty((1080, 1920), np.float32)

    def script_work(a):
        for _ in range(4):  # stand-in for per-frame analysis, releases the GIL inside NumPy
            np.multiply(a[..., 0], 0.5, out=sink)

    for label, work in (("(a) tight loop", None), ("(b) with per-frame work", script_work)):
        results = {}
        for delayed in (False, True):
            r.numpyArray(delayed=delayed)
            t = time.perf_counter()
            for i in range(frames):
                light.par.tx = (i % 10) * 0.1 + (0.01 if delayed else 0)
                a = r.numpyArray(delayed=delayed)
                if work is not None:
                    work(a)
            results[delayed] = (time.perf_counter() - t) / frames
        print("   %-24s sync %7.2f ms/frame   delayed %7.2f ms/frame   %.2fx"
              % (label, results[False] * 1e3, results[True] * 1e3, results[False] / results[True]))
    net.destroy()


PEAK_CHILD = r"""
import os, sys, numpy as np, td_render as td
def status(key):
    for line in open('/proc/self/status'):
        if line.startswith(key):
            return int(line.split()[1]) * 1024
n = int(sys.argv[1]); fmt = sys.argv[2]
geo = td.root.create(td.geometryCOMP, 'geo1'); geo.create(td.boxSOP)
td.root.create(td.cameraCOMP, 'cam1')
r = td.root.create(td.renderTOP); r.par.resolutionw = r.par.resolutionh = n; r.par.format = fmt
r.sample(x=0, y=0)                      # render once, no full readback yet
open('/proc/self/clear_refs', 'w').write('5')   # reset the peak (VmHWM) to the current RSS
before = status('VmRSS:')
a = r.numpyArray()
print(a.nbytes, status('VmHWM:') - before, r.gpuMemory)
"""


def bench_peak():
    print("\n4. peak resident memory of one numpyArray() call, 4096x4096 (fresh process each)")
    print("%-14s %12s %14s %14s" % ("format", "array", "peak growth", "extra"))
    for fmt in ("rgba8fixed", "rgba32float"):
        out = subprocess.run([sys.executable, "-c", PEAK_CHILD, "4096", fmt], capture_output=True, text=True,
                             check=True).stdout.split()
        nbytes, growth = int(out[0]), int(out[1])
        print("%-14s %9.1f MB %11.1f MB %11.1f MB" % (fmt, nbytes / 2**20, growth / 2**20,
                                                       (growth - nbytes) / 2**20))
    print("(extra = peak growth beyond the array: the two 4 MB band buffers the image is read through\n"
          " live in system memory on llvmpipe, in driver memory on a GPU)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = ap.parse_args()
    repeat = 5 if args.quick else 15
    print(td.glInfo()["renderer"], "| pid", os.getpid())
    bench_sample(repeat)
    bench_vs_moderngl(repeat)
    bench_delayed(10 if args.quick else 30)
    bench_peak()


if __name__ == "__main__":
    main()
