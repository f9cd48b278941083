// How RGBA lands in the target's channels (TD_OUTPUT_MODE), the last step of every TDOutputSwizzle():
// alpha formats keep A in R, mono+alpha formats (R, A) in (R, G), the others RGBA as it is.
vec4 tdRoute(vec4 c)
{
#if TD_OUTPUT_MODE == 1
    return vec4(c.a, 0.0, 0.0, 1.0);
#elif TD_OUTPUT_MODE == 2
    return vec4(c.r, c.a, 0.0, 1.0);
#else
    return c;
#endif
}
