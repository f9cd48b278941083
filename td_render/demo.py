"""The built-in demo scene: lit spheres and boxes in two materials, seen by a camera off the axes.

    python -m td_render.demo --out out/demo.png [--width 1280 --height 720]
"""
import argparse
import os
import sys
import time

import td_render as td


def build_demo_scene(parent=None, width=1280, height=720):
    """Builds the demo network inside parent (default: a new baseCOMP 'demo' under the root) and
    returns its renderTOP."""
    if parent is None:
        parent = td.root.create(td.baseCOMP, "demo")
    red = parent.create(td.phongMAT, "red")
    red.par.diffr, red.par.diffg, red.par.diffb = 0.9, 0.15, 0.1
    red.par.specr = red.par.specg = red.par.specb = 0.6
    red.par.shininess = 40
    red.par.ambr, red.par.ambg, red.par.ambb = 0.9, 0.15, 0.1
    floor_mat = parent.create(td.phongMAT, "slate")
    floor_mat.par.diffr, floor_mat.par.diffg, floor_mat.par.diffb = 0.35, 0.4, 0.5
    floor_mat.par.specr = floor_mat.par.specg = floor_mat.par.specb = 0.1
    blue = parent.create(td.constantMAT, "glow")
    blue.par.colorr, blue.par.colorg, blue.par.colorb = 0.2, 0.6, 1.0

    floor = parent.create(td.geometryCOMP, "geo_floor")
    box = floor.create(td.boxSOP)
    box.par.sizex, box.par.sizey, box.par.sizez = 8, 0.2, 8
    floor.par.ty = -1.1
    floor.par.material = floor_mat

    for i, (x, z) in enumerate([(-1.6, 0.0), (0.0, -1.2), (1.6, 0.4)]):
        g = parent.create(td.geometryCOMP, "geo_sphere%d" % (i + 1))
        s = g.create(td.sphereSOP)
        s.par.rows, s.par.cols = 48, 96
        g.par.tx, g.par.tz = x, z
        g.par.scale = 0.8 + 0.2 * i
        g.par.material = red
    for i, (x, z, ry) in enumerate([(-0.7, 1.5, 30.0), (1.0, -2.4, -20.0)]):
        g = parent.create(td.geometryCOMP, "geo_box%d" % (i + 1))
        g.create(td.boxSOP)
        g.par.tx, g.par.ty, g.par.tz, g.par.ry = x, -0.5, z, ry
        g.par.material = blue

    cam = parent.create(td.cameraCOMP, "cam1")
    cam.par.tx, cam.par.ty, cam.par.tz = 4.5, 3.0, 6.5
    cam.par.rx, cam.par.ry = -20.0, 33.0
    cam.par.fov = 50
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = 0.05, 0.05, 0.08, 1.0

    key = parent.create(td.lightCOMP, "light_key")
    key.par.tx, key.par.ty, key.par.tz = 3.0, 5.0, 4.0
    fill = parent.create(td.lightCOMP, "light_fill")
    fill.par.tx, fill.par.ty, fill.par.tz = -5.0, 2.0, 2.0
    fill.par.cr, fill.par.cg, fill.par.cb = 0.3, 0.35, 0.5
    parent.create(td.ambientlightCOMP, "ambient1")

    render = parent.create(td.renderTOP, "render1")
    render.par.camera = cam
    render.par.geometry = "geo*"
    render.par.lights = "light* ambient*"
    render.par.resolutionw, render.par.resolutionh = width, height
    return render


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join("out", "demo.png"))
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=720)
    args = ap.parse_args(argv)
    start = time.perf_counter()
    render = build_demo_scene(width=args.width, height=args.height)
    path = render.save(args.out, createFolders=True)
    elapsed = time.perf_counter() - start
    info = td.glInfo()
    print("td_render demo: wrote %s (%dx%d) in %.3f s [%s, EGL %s]"
          % (os.path.abspath(path), render.width, render.height, elapsed, info["renderer"], info["platform"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
