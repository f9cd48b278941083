// flipTOP: its input mirrored left-right (TD_FLIP_X) and / or top-bottom (TD_FLIP_Y).
void main()
{
    ivec2 size = ivec2(uTD2DInfos[0].res.zw);
    ivec2 p = ivec2(gl_FragCoord.xy);
#if TD_FLIP_X
    p.x = size.x - 1 - p.x;
#endif
#if TD_FLIP_Y
    p.y = size.y - 1 - p.y;
#endif
    fragColor = TDOutputSwizzle(texelFetch(sTD2DInputs[0], p, 0));
}
