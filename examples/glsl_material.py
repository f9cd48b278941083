"""A GLSL material: a lit, time-animated sphere whose shaders live in text DATs, written to an image.

    python examples/glsl_material.py [--out out/glsl_material.png]

The vertex and pixel shaders are TouchDesigner's GLSL MAT shape (TDDeform, TDWorldToProj,
TDLighting, TDOutputSwizzle); a vector uniform follows absTime through an expression, and a second
colour buffer (the world-space normal) is read back through a renderselectTOP.
"""
import argparse
import os

import td_render as td

VERTEX = """out Vertex {
    vec3 worldSpacePos;
    vec3 worldSpaceNorm;
    vec2 texCoord;
} oVert;

void main()
{
    vec4 worldSpacePos = TDDeform(TDPos());
    oVert.worldSpacePos = worldSpacePos.xyz;
    oVert.worldSpaceNorm = normalize(TDDeformNorm(TDNormal()));
    oVert.texCoord = uv[0].st;
    gl_Position = TDWorldToProj(worldSpacePos);
}
"""

PIXEL = """uniform vec4 uColor;
uniform float uTime;

in Vertex {
    vec3 worldSpacePos;
    vec3 worldSpaceNorm;
    vec2 texCoord;
} iVert;

layout(location = 0) out vec4 fragColor;
layout(location = 1) out vec4 normalOut;

void main()
{
    vec3 normal = normalize(iVert.worldSpaceNorm);
    vec3 viewVec = normalize(uTDMats[0].camInverse[3].xyz - iVert.worldSpacePos);
    float stripes = 0.5 + 0.5 * sin(40.0 * iVert.texCoord.t + 6.0 * uTime);
    vec3 base = mix(uColor.rgb, vec3(1.0), 0.6 * stripes);
    vec3 diffuse = vec3(0.0), specular = vec3(0.0);
    for (int i = 0; i < TD_NUM_LIGHTS; i++) {
        TDPhongResult res = TDLighting(i, iVert.worldSpacePos, normal, 1.0, vec3(0.0), viewVec, 40.0);
        diffuse += res.diffuse;
        specular += res.specular;
    }
    vec3 c = base * (diffuse + uTDGeneral.ambientColor.rgb) + 0.5 * specular;
    fragColor = TDOutputSwizzle(vec4(c, uColor.a));
    normalOut = TDOutputSwizzle(vec4(normal * 0.5 + 0.5, 1.0));
}
"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join("out", "glsl_material.png"))
    out = ap.parse_args(argv).out
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    net = td.root.create(td.baseCOMP, "example")
    geo = net.create(td.geometryCOMP, "geo1")
    sphere = geo.create(td.sphereSOP, "sphere1")
    sphere.par.rows, sphere.par.cols = 48, 96
    vertex, pixel = net.create(td.textDAT, "glsl1_vertex"), net.create(td.textDAT, "glsl1_pixel")
    vertex.text, pixel.text = VERTEX, PIXEL
    mat = net.create(td.glslMAT, "glsl1")
    mat.par.vdat, mat.par.pdat = vertex, pixel
    mat.par.vec0name = "uColor"
    mat.par.vec0valuex, mat.par.vec0valuey, mat.par.vec0valuez, mat.par.vec0valuew = 0.9, 0.35, 0.1, 1.0
    mat.par.vec1name = "uTime"
    mat.par.vec1valuex.expr = "absTime.seconds"
    geo.par.material = mat
    net.create(td.cameraCOMP, "cam1")
    light = net.create(td.lightCOMP, "light1")
    light.par.tx, light.par.ty, light.par.tz = 3.0, 3.0, 5.0
    net.create(td.ambientlightCOMP, "light2").par.dimmer = 0.5
    render = net.create(td.renderTOP, "render1")
    render.par.resolutionw, render.par.resolutionh = 640, 480
    render.par.numcolorbufs = 2
    render.par.antialias = "aa4"
    normals = net.create(td.renderselectTOP, "normals1")
    normals.par.top, normals.par.colorbufindex = render, 1
    td.advance(30)  # half a second in: the stripes have moved
    render.save(out)
    stem, dot, ext = out.rpartition(".")
    normals.save((stem + "_normals." + ext) if dot else out + "_normals")
    print("wrote", out)


if __name__ == "__main__":
    main()
