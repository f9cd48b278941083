// nullTOP: its input, resampled to the output's size (the Common page's inputfiltertype picks the
// filter).
void main()
{
    fragColor = TDOutputSwizzle(tdInputAt(0));
}
