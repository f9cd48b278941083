// resolutionTOP: its input at the output's size. TD_HIGH_QUALITY (highqualresize) averages every input
// texel a shrinking output pixel covers (a box filter over its footprint, at most 32 x 32 texels);
// otherwise the input is sampled at vUV with the Common page's filter.
void main()
{
#if TD_HIGH_QUALITY
    vec2 in_size = uTD2DInfos[0].res.zw, ratio = in_size / uTDOutputInfo.res.zw;
    if (ratio.x > 1.0 || ratio.y > 1.0) {
        vec2 lo = (gl_FragCoord.xy - 0.5) * ratio, hi = lo + ratio; // the footprint, in input texels
        ivec2 a = ivec2(floor(lo)), b = ivec2(ceil(hi)) - 1;
        b = min(b, a + 31);
        vec4 sum = vec4(0.0);
        float wsum = 0.0;
        for (int y = a.y; y <= b.y; y++) {
            for (int x = a.x; x <= b.x; x++) {
                vec2 cov = max(min(vec2(x + 1, y + 1), hi) - max(vec2(x, y), lo), 0.0);
                float w = cov.x * cov.y;
                sum += w * texelFetch(sTD2DInputs[0], ivec2(x, y), 0);
                wsum += w;
            }
        }
        fragColor = TDOutputSwizzle(sum / max(wsum, 1e-12));
        return;
    }
#endif
    fragColor = TDOutputSwizzle(tdInputAt(0));
}
