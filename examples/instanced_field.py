"""An instanced field: one box, drawn 1600 times by a geometryCOMP's Instance page, each instance
placed, stretched and coloured by a row of a table, lit by a Phong material, casting shadows.

    pos (tableDAT: tx tz sy r g b) ─> geo1 (instancing: instanceop pos) ─> render1 ─> PNG

Run: python examples/instanced_field.py [--out out/instanced_field.png]
"""
import argparse
import math
import os

import td_render as td

N = 40  # instances a side


def field_table(dat):
    rows = [["tx", "tz", "sy", "r", "g", "b"]]
    for j in range(N):
        for i in range(N):
            x, z = (i - (N - 1) / 2) * 0.25, (j - (N - 1) / 2) * 0.25
            f = 0.5 + 0.5 * math.sin(1.3 * x) * math.cos(1.1 * z)
            h = 0.3 + 4.0 * f
            rows.append([x, z, h, 0.2 + 0.8 * f, 0.35, 1.0 - 0.8 * f])
    dat.text = "\n".join("\t".join("%.5g" % c if isinstance(c, float) else c for c in r) for r in rows)


def build(net):
    pos = net.create(td.tableDAT, "pos")
    field_table(pos)

    geo = net.create(td.geometryCOMP, "geo1")
    box = geo.create(td.boxSOP, "box1")
    box.par.scale = 0.2
    box.par.ty = 0.1  # standing on the ground: scaled in y from its base
    mat = net.create(td.phongMAT, "phong1")
    mat.par.specr = mat.par.specg = mat.par.specb = 0.2
    geo.par.material = mat
    geo.par.instancing = True
    geo.par.instanceop = "pos"
    geo.par.instancety = ""  # no ty column: all on the ground
    geo.par.instancesx = geo.par.instancesz = ""
    geo.par.instancer, geo.par.instanceg, geo.par.instanceb = "r", "g", "b"

    cam = net.create(td.cameraCOMP, "cam1")
    cam.par.ty, cam.par.tz, cam.par.rx = 4.5, 8.0, -28.0
    cam.par.bgcolorr, cam.par.bgcolorg, cam.par.bgcolorb, cam.par.bgcolora = 0.05, 0.06, 0.1, 1.0
    light = net.create(td.lightCOMP, "light1")
    light.par.lighttype = "distant"
    light.par.rx, light.par.ry = -55.0, 30.0
    light.par.shadowtype = "soft2d"
    light.par.shadowcasters = "geo1"
    ambient = net.create(td.ambientlightCOMP, "ambient1")
    ambient.par.dimmer = 0.25

    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = 960, 540
    render.par.antialias = "aa4"
    return render


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join("out", "instanced_field.png"))
    args = ap.parse_args()
    out = build(td.root.create(td.baseCOMP, "instanced_field"))
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    out.save(args.out)
    print(f"{args.out}: {out.width} x {out.height}, {out.pixelFormatName}")


if __name__ == "__main__":
    main()
