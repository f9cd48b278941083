// nullTOP: its input, resampled to the output's size (the Common page's inputfiltertype picks the
// filter).
void main()
{
    fragColor = TDOutputSwizzle(texture(sTD2DInputs[0], vUV.st));
}
