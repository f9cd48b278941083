// scriptTOP: the pixels copyNumpyArray() gave (uploaded as input 0), resampled to the output, or
// transparent black before any.
void main()
{
#if TD_NUM_2D_INPUTS > 0
    fragColor = TDOutputSwizzle(tdInputAt(0));
#else
    fragColor = vec4(0.0);
#endif
}
