// wireframeMAT: its colour and alpha, unlit (TDMaterial: color, alpha), on the lines the renderer
// draws along the triangles' edges (the MAT's state: wireframe, its line width), then the camera's fog.
void main()
{
    fragColor = TDOutputSwizzle(TDFog(vec4(color, alpha) * vColor, vWorldPos)); // times the instance colour
}
