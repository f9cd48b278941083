// TD prelude of every material's fragment shader. Compile-time constants set by the renderer:
// TD_NUM_LIGHTS (point lights; loops over them have a constant bound), TD_LIGHT_SLOTS
// (max(TD_NUM_LIGHTS, 1)) and TD_OUTPUT_MODE (how RGBA lands in the target's channels).
struct TDLight {
    vec4 position; // xyz world position
    vec4 color;    // rgb colour * dimmer
};
layout(std140, binding = 3) uniform TDLights { TDLight uTDLights[TD_LIGHT_SLOTS]; };

in vec3 vWorldPos;
in vec3 vWorldNormal;
out vec4 fragColor;

// Routes a colour into the target's channels, as TouchDesigner's TDOutputSwizzle() does:
// alpha formats keep A in R, mono+alpha formats (R, A) in (R, G).
vec4 TDOutputSwizzle(vec4 c)
{
#if TD_OUTPUT_MODE == 1
    return vec4(c.a, 0.0, 0.0, 1.0);
#elif TD_OUTPUT_MODE == 2
    return vec4(c.r, c.a, 0.0, 1.0);
#else
    return c;
#endif
}
