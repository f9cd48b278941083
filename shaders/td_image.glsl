// Prelude of every image operator's program (src/gpu/image_pass.c), with TouchDesigner's GLSL TOP
// names: the inputs as sTD2DInputs[] (TD_NUM_2D_INPUTS of them, on units 0..), their sizes and the
// output's in uTD2DInfos[] and uTDOutputInfo (res: 1 / width, 1 / height, width, height), the pass
// uTDPass (passes after the first read the one before as input 0), vUV the
// output pixel's texture coordinate (0..1, (0, 0) at the bottom left), fragColor the output.
// Compile-time: TD_NUM_2D_INPUTS, TD_OUTPUT_MODE (how RGBA lands in the target's channels),
// TD_USER_SHADER (a glslTOP's own shader).
struct TDTexInfo {
    vec4 res;   // 1 / width, 1 / height, width, height
    vec4 depth; // 1, 1, 1, 1 (2D images)
};
layout(std140, binding = 0) uniform TDImageInfo {
    TDTexInfo uTDOutputInfo;
    TDTexInfo uTD2DInfos[TD_MAX_2D_INPUTS];
    int uTDPass; // this pass (Common page npasses): 0 the first
};
#if TD_NUM_2D_INPUTS > 0
layout(binding = 0) uniform sampler2D sTD2DInputs[TD_NUM_2D_INPUTS];
#endif
in vec3 vUV;
#ifndef TD_USER_SHADER
layout(location = 0) out vec4 fragColor; // a glslTOP's shader declares its own outputs
#endif

// TouchDesigner's TDOutputSwizzle(): alpha formats keep A in R, mono+alpha formats (R, A) in (R, G).
vec4 TDOutputSwizzle(vec4 c)
{
    return tdRoute(c); // shaders/td_route.glsl
}

#if TD_NUM_2D_INPUTS > 0
// Input i at this output pixel: its exact texel where it has the output's size, else sampled at
// vUV with the input's filter.
vec4 tdInputAt(int i)
{
    if (uTD2DInfos[i].res.zw == uTDOutputInfo.res.zw) {
        return texelFetch(sTD2DInputs[i], ivec2(gl_FragCoord.xy), 0);
    }
    return texture(sTD2DInputs[i], vUV.st);
}
#endif
