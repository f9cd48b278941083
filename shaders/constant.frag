// constantMAT: the colour and alpha, unlit (TDMaterial: color, alpha), times the colormap TOP's
// image at the mesh's uv when there is one (TD_COLORMAP_UNIT: its texture unit), then the camera's
// fog.
#ifdef TD_COLORMAP_UNIT
layout(binding = TD_COLORMAP_UNIT) uniform sampler2D sColorMap;
#endif

void main()
{
    vec4 c = vec4(color, alpha) * vColor; // the instance colour
#ifdef TD_COLORMAP_UNIT
    c *= texture(sColorMap, vUV.st);
#endif
    fragColor = TDOutputSwizzle(TDFog(c, vWorldPos));
}
