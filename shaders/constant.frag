// constantMAT: the colour and alpha, unlit (TDMaterial: color, alpha).
void main()
{
    fragColor = TDOutputSwizzle(vec4(color, alpha));
}
