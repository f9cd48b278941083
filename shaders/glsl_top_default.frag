// glslTOP's pixel shader when pixeldat is empty: input 0 unchanged, or transparent black without one.
out vec4 fragColor;
void main()
{
#if TD_NUM_2D_INPUTS > 0
    fragColor = TDOutputSwizzle(tdInputAt(0)); // exact texels where the sizes match
#else
    fragColor = vec4(0.0);
#endif
}
