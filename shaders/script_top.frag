// scriptTOP and moviefileinTOP: their pixels (uploaded as input 0) or, before any, a wired input 0,
// resampled to the output; transparent black without either.
void main()
{
#if TD_NUM_2D_INPUTS > 0
    fragColor = TDOutputSwizzle(tdInputAt(0));
#else
    fragColor = vec4(0.0);
#endif
}
