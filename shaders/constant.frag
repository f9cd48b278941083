// constantMAT: the colour and alpha, unlit (TDMaterial: color, alpha), then the camera's fog.
void main()
{
    fragColor = TDOutputSwizzle(TDFog(vec4(color, alpha), vWorldPos));
}
