"""A lit PBR scene: a row of pbrMAT spheres from rough dielectric to polished metal, lit by a key
light and an environment light whose map is itself a render (a sky of coloured panels seen by a
camera looking out), written as an image.

    python examples/pbr_scene.py [--out out/pbr_scene.png] [--width 960 --height 540]
"""
import argparse
import os
import sys

import td_render as td


def build_environment(net):
    """An equirectangular environment map: a render of coloured constantMAT panels on a dark
    gradient-free sky (u once around the vertical axis, v from down to up)."""
    cam = net.create(td.cameraCOMP, "env_cam")
    cam.par.projection, cam.par.orthowidth = "ortho", 2.0
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = 0.05, 0.07, 0.12, 1.0
    panels = [  # (x, y, width, height, colour): x across the map (-1..1), y up it (-0.5..0.5)
        (0.0, 0.35, 2.0, 0.3, (0.5, 0.65, 1.0)),  # the sky's upper band, all the way around
        (-0.5, 0.05, 0.3, 0.25, (3.0, 2.6, 2.0)),  # a bright warm window toward -x
        (0.45, 0.0, 0.2, 0.2, (0.2, 0.9, 0.4)),    # a green panel toward +x
        (0.0, -0.35, 2.0, 0.3, (0.25, 0.2, 0.15)),  # the ground
    ]
    for i, (x, y, w, h, c) in enumerate(panels):
        geo = net.create(td.geometryCOMP, "env_panel%d" % i)
        box = geo.create(td.boxSOP)
        box.par.sizex, box.par.sizey, box.par.sizez = w, h, 0.01
        geo.par.tx, geo.par.ty = x, y
        mat = net.create(td.constantMAT, "env_panel%d_mat" % i)
        mat.par.colorr, mat.par.colorg, mat.par.colorb = c
        geo.par.material = mat
    env = net.create(td.renderTOP, "env_map")
    env.par.camera, env.par.geometry, env.par.lights = "env_cam", "env_panel*", ""
    env.par.resolutionw, env.par.resolutionh = 256, 128
    env.par.format = "rgba16float"  # values above 1: a bright window
    return env


def build_pbr_scene(parent=None, width=960, height=540):
    """Builds the scene inside parent (default: a new baseCOMP 'pbr_scene') and returns its renderTOP."""
    if parent is None:
        parent = td.root.create(td.baseCOMP, "pbr_scene")
    env_map = build_environment(parent)
    for i in range(5):
        t = i / 4.0
        mat = parent.create(td.pbrMAT, "pbr%d" % (i + 1))
        mat.par.basecolorr, mat.par.basecolorg, mat.par.basecolorb = 0.95, 0.64 + 0.1 * t, 0.35 + 0.3 * t
        mat.par.metallic = t
        mat.par.roughness = 0.8 - 0.6 * t
        geo = parent.create(td.geometryCOMP, "geo_sphere%d" % (i + 1))
        s = geo.create(td.sphereSOP)
        s.par.rows, s.par.cols = 64, 128
        geo.par.tx = (i - 2) * 2.2
        geo.par.material = mat
    floor_mat = parent.create(td.pbrMAT, "floor_mat")
    floor_mat.par.basecolorr, floor_mat.par.basecolorg, floor_mat.par.basecolorb = 0.3, 0.3, 0.32
    floor_mat.par.metallic, floor_mat.par.roughness = 0.0, 0.9
    floor = parent.create(td.geometryCOMP, "geo_floor")
    box = floor.create(td.boxSOP)
    box.par.sizex, box.par.sizey, box.par.sizez = 14, 0.2, 6
    floor.par.ty = -1.1
    floor.par.material = floor_mat

    key = parent.create(td.lightCOMP, "light_key")
    key.par.tx, key.par.ty, key.par.tz = 4.0, 6.0, 5.0
    key.par.cr, key.par.cg, key.par.cb = 1.0, 0.95, 0.85
    env = parent.create(td.environmentlightCOMP, "light_env")
    env.par.envlightmap = env_map
    env.par.envlightmaprotatey = 30.0

    cam = parent.create(td.cameraCOMP, "cam1")
    cam.par.ty, cam.par.tz, cam.par.rx = 2.5, 11.5, -12.0
    cam.par.fov = 60
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = 0.05, 0.07, 0.12, 1.0
    render = parent.create(td.renderTOP, "render1")
    render.par.camera, render.par.geometry, render.par.lights = "cam1", "geo*", "light*"
    render.par.resolutionw, render.par.resolutionh = width, height
    render.par.antialias = "aa4"
    return render


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join("out", "pbr_scene.png"))
    ap.add_argument("--width", type=int, default=960)
    ap.add_argument("--height", type=int, default=540)
    args = ap.parse_args(argv)
    render = build_pbr_scene(width=args.width, height=args.height)
    path = render.save(args.out, createFolders=True)
    print("pbr_scene: wrote %s (%dx%d)" % (path, args.width, args.height))
    return 0


if __name__ == "__main__":
    sys.exit(main())
