// TD prelude of every material's fragment shader. Compile-time constants set by the renderer:
// TD_NUM_LIGHTS (point, cone and distant lights; loops over them have a constant bound), TD_LIGHT_SLOTS
// (max(TD_NUM_LIGHTS, 1)) and TD_OUTPUT_MODE (how RGBA lands in the target's channels).
struct TDLight {
    vec4 position;  // xyz world position; w: 0 point, 2 cone, 3 distant (ambient lights: uTDAmbient)
    vec4 color;     // rgb colour * dimmer
    vec4 direction; // xyz: the way a cone or distant light shines (unit, world space)
    vec4 cone;      // x: cos of the full-intensity half angle, y: cos of the outer edge, z: rolloff
    vec4 atten;     // x scale, y bias: clamp(distance * x + y, 0, 1) ^ z; w: 1 if attenuated
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
    vec4 a = uTDLights[i].atten;
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

// The camera's fog applied to a colour, as TouchDesigner's TDFog(): f from the distance d between
// the camera and worldSpacePos (linear: clamp((far - d) / (far - near)), exp: exp(-density d),
// exp2: exp(-(density d)^2)), then f * color + (1 - f) * (fog colour, fog alpha). Returns color
// unchanged when the camera's fog is off. One camera per render: cameraIndex is accepted and ignored.
vec4 TDFog(vec4 color, vec3 worldSpacePos, int cameraIndex)
{
    int mode = int(uTDFog.x + 0.5);
    if (mode == 0) {
        return color;
    }
    float d = length(worldSpacePos - uTDCameraPos.xyz);
    float f;
    if (mode == 1) {
        f = d * uTDFog.z + uTDFog.w;
    }
    else if (mode == 2) {
        f = exp(-uTDFog.y * d);
    }
    else {
        float t = uTDFog.y * d;
        f = exp(-t * t);
    }
    return mix(uTDFogColor, color, clamp(f, 0.0, 1.0));
}

vec4 TDFog(vec4 color, vec3 worldSpacePos)
{
    return TDFog(color, worldSpacePos, 0);
}

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
