// The pixel shader of a glslMAT without one (td_render's choice): opaque white, unlit, in colour
// buffer 0 (it reads no input, so it links with any vertex shader).
layout(location = 0) out vec4 fragColor;

void main()
{
    TDAlphaTest(1.0);
    fragColor = TDOutputSwizzle(vec4(1.0));
}
