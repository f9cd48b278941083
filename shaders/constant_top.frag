// constantTOP: one colour (TDMaterial: color, alpha), given in the units of rgbaunit
// (TD_RGBA_UNIT: 0 '0 to 1', 1 '0 to 255', 2 '0 to 65535'), premultiplied when TD_PREMULT (multrgbbyalpha).
void main()
{
    const float unit = TD_RGBA_UNIT == 1 ? 255.0 : TD_RGBA_UNIT == 2 ? 65535.0 : 1.0;
    vec4 c = vec4(color, alpha) / unit;
#if TD_PREMULT
    c.rgb *= c.a;
#endif
    fragColor = TDOutputSwizzle(c);
}
