"""A compositing chain around a render, the way TouchDesigner networks are wired:

    noise1 ─┐
    render1 ─ level1 ─ comp1 (over) ─ blur1 ─ null1 ─> PNG
    ramp1 ──────────────┘ (under it, as the background)

Run: python examples/compositing.py [--out out/compositing.png]
"""
import argparse
import os

import td_render as td


def build(net):
    # the 3D part: a lit sphere on a transparent background
    geo = net.create(td.geometryCOMP, "geo1")
    geo.create(td.sphereSOP, "sphere1")
    mat = net.create(td.phongMAT, "phong1")
    mat.par.diffr, mat.par.diffg, mat.par.diffb = 0.9, 0.5, 0.2
    geo.par.material = mat
    net.create(td.cameraCOMP, "cam1").par.tz = 6
    light = net.create(td.lightCOMP, "light1")
    light.par.tx, light.par.ty, light.par.tz = 3, 3, 4
    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = 640, 360

    # the 2D part: a background ramp with noise in it, the render brightened and laid over it
    ramp = net.create(td.rampTOP, "ramp1")
    ramp.par.type = "vertical"
    keys = net.create(td.tableDAT, "ramp1_keys")
    keys.clear()
    keys.appendRow(["pos", "r", "g", "b", "a"])
    keys.appendRow([0.0, 0.05, 0.05, 0.12, 1.0])
    keys.appendRow([1.0, 0.25, 0.35, 0.6, 1.0])
    ramp.par.dat = keys
    ramp.par.outputresolution = "custom"
    ramp.par.resolutionw, ramp.par.resolutionh = 640, 360

    noise = net.create(td.noiseTOP, "noise1")
    noise.par.resolutionw, noise.par.resolutionh = 640, 360
    noise.par.period, noise.par.amp, noise.par.offset = 0.4, 0.08, 0.0

    background = net.create(td.compositeTOP, "bg")
    background.par.operand = "add"
    background.inputConnectors[0].connect(ramp)
    background.inputConnectors[1].connect(noise)

    level = net.create(td.levelTOP, "level1")
    level.inputConnectors[0].connect(render)
    level.par.brightness1, level.par.gamma1 = 1.2, 1.1

    comp = net.create(td.compositeTOP, "comp1")
    comp.par.operand = "over"  # later inputs on top
    comp.inputConnectors[0].connect(background)
    comp.inputConnectors[1].connect(level)

    blur = net.create(td.blurTOP, "blur1")
    blur.par.size = 1.5
    blur.inputConnectors[0].connect(comp)

    out = net.create(td.nullTOP, "null1")
    out.inputConnectors[0].connect(blur)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join("out", "compositing.png"))
    args = ap.parse_args()
    out = build(td.root.create(td.baseCOMP, "compositing"))
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    out.save(args.out)
    print(f"{args.out}: {out.width} x {out.height}, {out.pixelFormatName}")


if __name__ == "__main__":
    main()
