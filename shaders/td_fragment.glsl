// TD prelude of every material's fragment shader. Compile-time constants set by the renderer:
// TD_NUM_LIGHTS (point, cone and distant lights; loops over them have a constant bound), TD_LIGHT_SLOTS
// (max(TD_NUM_LIGHTS, 1)) and TD_OUTPUT_MODE (how RGBA lands in the target's channels).
// TDLight's members carry TouchDesigner's names where they mean the same (position, direction,
// diffuse, attenScaleBiasRoll, shadowMapMatrix, projMapMatrix); the others are td_render's.
struct TDLight {
    vec4 position;  // xyz world position; w: 0 point, 2 cone, 3 distant (ambient lights: uTDAmbient)
    vec4 diffuse;   // rgb colour * dimmer
    vec4 direction; // xyz: the way a cone or distant light shines (unit, world space)
    vec4 cone;      // x: cos of the full-intensity half angle, y: cos of the outer edge, z: rolloff
    vec4 attenScaleBiasRoll; // x scale, y bias: clamp(distance * x + y, 0, 1) ^ z; w: 1 if attenuated
    vec4 shadow;    // x: 0 none, 1 hard, 2 soft; y: the map's slot; z: soft kernel half-width (taps); w: tap spacing (texels)
    vec4 shadowMap; // the map's width, height; its polygon offset factor, units
    mat4 shadowMapMatrix; // world to the light's clip space (depth in [0, 1])
    vec4 projector; // x: 1 with a projector map, y: its slot (the wrap and filter are its sampler's)
    mat4 projMapMatrix; // world to the projector's clip space
};

layout(std140, binding = 3) uniform TDLights { TDLight uTDLights[TD_LIGHT_SLOTS]; };

// The direction toward light i from worldPos (unit) and the light's intensity factor there
// (attenuation and cone falloff; 1 for an unattenuated point light).
vec3 TDLightVector(int i, vec3 worldPos, out float k)
{
    k = 1.0;
    if (uTDLights[i].position.w > 2.5) {
        return -uTDLights[i].direction.xyz;
    }
    vec3 d = uTDLights[i].position.xyz - worldPos;
    float dist = length(d);
    vec3 l = dist > 0.0 ? d / dist : vec3(0.0, 0.0, 1.0);
    vec4 a = uTDLights[i].attenScaleBiasRoll;
    if (a.w > 0.5) {
        float t = clamp(dist * a.x + a.y, 0.0, 1.0);
        k *= a.z > 0.0 ? pow(t, a.z) : 1.0;
    }
    if (uTDLights[i].position.w > 1.5) {
        vec4 c = uTDLights[i].cone;
        float cosa = dot(-l, uTDLights[i].direction.xyz);
        k *= pow(clamp((cosa - c.y) / max(c.x - c.y, 1e-6), 0.0, 1.0), c.z);
    }
    return l;
}

#if TD_NUM_SHADOWS > 0
layout(binding = TD_SHADOW_UNIT) uniform sampler2DShadow sTDShadowMaps[TD_NUM_SHADOWS];
#endif

// How much of light i reaches worldPos past its shadow casters: 1 lit, 0 in shadow; 1 for lights
// without a shadow and outside the light's frustum. Soft shadows average a kernel of the map's texels,
// each compared with the receiving surface's depth there (the depth's slope across the map from the
// screen-space derivatives), so a surface does not shadow itself at the kernel's far taps.
float TDShadow(int i, vec3 worldPos)
{
#if TD_NUM_SHADOWS > 0
    vec4 sh = uTDLights[i].shadow;
    vec4 p = uTDLights[i].shadowMapMatrix * vec4(worldPos, 1.0);
    vec3 q = p.xyz / p.w;
    vec2 uv = q.xy * 0.5 + 0.5;
    // derivatives first, in uniform control flow
    vec2 duvx = dFdx(uv), duvy = dFdy(uv);
    vec2 dz = vec2(dFdx(q.z), dFdy(q.z));
    if (sh.x < 0.5 || p.w <= 0.0) {
        return 1.0;
    }
    if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0))) || q.z > 1.0) {
        return 1.0;
    }
    mat2 m = mat2(vec2(duvx.x, duvy.x), vec2(duvx.y, duvy.y));
    float det = determinant(m);
    vec2 slope = abs(det) > 1e-20 ? inverse(m) * dz : vec2(0.0); // dz / du, dz / dv
    int slot = int(sh.y + 0.5), n = int(sh.z + 0.5);
    float lit = 1.0;
    for (int k = 0; k < TD_NUM_SHADOWS; k++) {
        if (k == slot) {
            vec2 step = sh.w / vec2(textureSize(sTDShadowMaps[k], 0));
            float sum = 0.0;
            for (int y = -n; y <= n; y++) {
                for (int x = -n; x <= n; x++) {
                    vec2 o = vec2(x, y) * step;
                    sum += texture(sTDShadowMaps[k], vec3(uv + o, q.z + dot(o, slope)));
                }
            }
            lit = sum / float((2 * n + 1) * (2 * n + 1));
        }
    }
    return lit;
#else
    return 1.0;
#endif
}

// The camera's fog applied to a colour, as TouchDesigner's TDFog(): f from the distance d between
// the camera and worldSpacePos (linear: clamp((far - d) / (far - near)), exp: exp(-density d),
// exp2: exp(-(density d)^2)), then f * color + (1 - f) * (fog colour, fog alpha). Returns color
// unchanged when the camera's fog is off. One camera per render: cameraIndex is accepted and ignored.
// The mode is a compile-time constant (TD_FOG_MODE, the renderer's), so fog off costs nothing.
vec4 TDFog(vec4 color, vec3 worldSpacePos, int cameraIndex)
{
#if TD_FOG_MODE == 0
    return color;
#else
    float d = length(worldSpacePos - uTDCameraPos.xyz);
#if TD_FOG_MODE == 1
    float f = d * uTDFog.z + uTDFog.w;
#elif TD_FOG_MODE == 2
    float f = exp(-uTDFog.y * d);
#else
    float t = uTDFog.y * d;
    float f = exp(-t * t);
#endif
    return mix(uTDFogColor, color, clamp(f, 0.0, 1.0));
#endif
}

vec4 TDFog(vec4 color, vec3 worldSpacePos)
{
    return TDFog(color, worldSpacePos, 0);
}

#if TD_NUM_PROJMAPS > 0
layout(binding = TD_PROJMAP_UNIT) uniform sampler2D sTDProjMaps[TD_NUM_PROJMAPS];
#endif

// The colour light i's projector map casts on worldPos (its TOP's image through the light's
// frustum, rgb times alpha); 1 for lights without one, 0 behind the projector.
vec3 TDProjector(int i, vec3 worldPos)
{
#if TD_NUM_PROJMAPS > 0
    if (uTDLights[i].projector.x < 0.5) {
        return vec3(1.0);
    }
    vec4 p = uTDLights[i].projMapMatrix * vec4(worldPos, 1.0);
    if (p.w <= 0.0) {
        return vec3(0.0);
    }
    vec2 uv = p.xy / p.w * 0.5 + 0.5;
    int slot = int(uTDLights[i].projector.y + 0.5);
    vec3 c = vec3(1.0);
    for (int k = 0; k < TD_NUM_PROJMAPS; k++) {
        if (k == slot) {
            vec4 t = texture(sTDProjMaps[k], uv);
            c = t.rgb * t.a;
        }
    }
    return c;
#else
    return vec3(1.0);
#endif
}

// A glslMAT's program (TD_USER_SHADER) declares its own inputs and outputs, and takes
// TDOutputSwizzle, TDAlphaTest and TDDither apart from shaders/td_glsl_pixel.glsl.
#ifndef TD_USER_SHADER
in vec3 vWorldPos;
in vec3 vWorldNormal;
in vec3 vUV; // the mesh's uv attribute
flat in vec4 vColor; // the instance colour applied to white (1, 1, 1, 1 without instance colours)
out vec4 fragColor;

// Applies the material's alpha test, then routes a colour into the target's channels, as
// TouchDesigner's TDOutputSwizzle() does:
// alpha formats keep A in R, mono+alpha formats (R, A) in (R, G). The render's premultrgbbyalpha
// multiplies rgb by alpha first (TD_PREMULTIPLY); dither (TD_DITHERING on, TD_DITHER: one step of
// the format's precision) adds a 4x4 ordered-dither offset in (-1/2, 1/2) of a step.
vec4 TDOutputSwizzle(vec4 c)
{
    // the MAT Common page's alpha test (TD_ALPHA_TEST: 0 off, 1 less, 2 lessorequal, 3 greater,
    // 4 greaterorequal, a compile-time constant): keep the pixel if alpha <func> the threshold
#if TD_ALPHA_TEST > 0
    float t = uTDDrawParams.y;
#if TD_ALPHA_TEST == 1
    bool keep = c.a < t;
#elif TD_ALPHA_TEST == 2
    bool keep = c.a <= t;
#elif TD_ALPHA_TEST == 3
    bool keep = c.a > t;
#else
    bool keep = c.a >= t;
#endif
    if (!keep) {
        discard;
    }
#endif
#if TD_PREMULTIPLY
    c.rgb *= c.a;
#endif
#if TD_DITHERING
    const int bayer[16] = int[16](0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5);
    ivec2 q = ivec2(gl_FragCoord.xy) & 3;
    c.rgb += ((float(bayer[q.y * 4 + q.x]) + 0.5) / 16.0 - 0.5) * TD_DITHER;
#endif
    return tdRoute(c); // shaders/td_route.glsl
}
#endif
