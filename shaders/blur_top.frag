// blurTOP: a separable blur, horizontal on even passes and vertical on odd ones (each pass after
// the first reads the one before). TDMaterial: radius (texels), sigma (the gaussian's, texels).
// TD_BLUR_TYPE 0 gaussian: weights exp(-k^2 / (2 sigma^2)) for |k| <= radius; 1 box: equal weights.
// TD_EXTEND: how texels past the edge read (0 hold, 1 zero, 2 repeat, 3 mirror).
vec4 tdTexel(ivec2 p, ivec2 size)
{
#if TD_EXTEND == 1
    if (any(lessThan(p, ivec2(0))) || any(greaterThanEqual(p, size))) {
        return vec4(0.0);
    }
#elif TD_EXTEND == 2
    p = ivec2(mod(vec2(p), vec2(size))); // GLSL's % is undefined for negative operands
#elif TD_EXTEND == 3
    ivec2 m = ivec2(mod(vec2(p), vec2(2 * size)));
    p = mix(m, 2 * size - 1 - m, greaterThanEqual(m, size));
#endif
    return texelFetch(sTD2DInputs[0], clamp(p, ivec2(0), size - 1), 0);
}

void main()
{
    ivec2 size = ivec2(uTD2DInfos[0].res.zw);
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec2 dir = (uTDPass & 1) == 0 ? ivec2(1, 0) : ivec2(0, 1);
    int r = int(radius);
    vec4 sum = vec4(0.0);
    float wsum = 0.0;
    for (int k = -r; k <= r; k++) {
#if TD_BLUR_TYPE == 0
        float w = exp(-float(k * k) / (2.0 * sigma * sigma));
#else
        float w = 1.0;
#endif
        sum += w * tdTexel(p + k * dir, size);
        wsum += w;
    }
    fragColor = TDOutputSwizzle(sum / wsum);
}
