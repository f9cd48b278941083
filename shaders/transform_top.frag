// transformTOP: each output pixel q (in pixels from the image's centre) shows the input at
// R^-1 S^-1 (q - pivot - t) + pivot, where t and pivot are given as fractions of the image
// (TDMaterial: translate, scale, pivot, rotate in degrees counterclockwise). Outside the input:
// TD_EXTEND (0 hold, 1 zero, 2 repeat, 3 mirror).
void main()
{
    vec2 size = uTDOutputInfo.res.zw;
    vec2 q = gl_FragCoord.xy - 0.5 * size;
    vec2 piv = (pivot - 0.5) * size;
    vec2 d = q - piv - translate * size;
    float a = radians(rotate);
    d = mat2(cos(a), -sin(a), sin(a), cos(a)) * d; // rotate by -a
    d /= scale;
    vec2 uv = (d + piv) / size + 0.5;
#if TD_EXTEND == 1
    if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0)))) {
        fragColor = TDOutputSwizzle(vec4(0.0));
        return;
    }
#elif TD_EXTEND == 2
    uv = fract(uv);
#elif TD_EXTEND == 3
    uv = 1.0 - abs(mod(uv, 2.0) - 1.0);
#endif
    fragColor = TDOutputSwizzle(texture(sTD2DInputs[0], uv));
}
