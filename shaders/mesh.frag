#version 450 core
// Constant MAT: the colour, unlit. Phong MAT: emit + ambient * ambient lights
// + per point light Lambert diffuse and Blinn-Phong specular, in world space.
struct Light {
    vec4 position; // xyz world position, w: 0 point, 1 ambient
    vec4 color;    // rgb colour * dimmer
};
layout(std430, binding = 0) readonly buffer Lights { Light lights[]; };

uniform int uNumLights;
uniform int uMaterialKind; // 0 constant, 1 phong
uniform vec4 uColor;       // constant colour + alpha
uniform vec3 uDiffuse;
uniform vec3 uSpecular;
uniform vec3 uAmbient;
uniform vec3 uEmit;
uniform float uShininess;
uniform float uAlpha;
uniform vec3 uCameraPos;
uniform int uOutputMode;   // 0 RGBA, 1 alpha formats (A -> R), 2 mono+alpha formats ((R, A) -> (R, G))

in vec3 vWorldPos;
in vec3 vWorldNormal;
out vec4 fragColor;

// Routes the colour into the target's channels, like TouchDesigner's TDOutputSwizzle().
vec4 outputSwizzle(vec4 c)
{
    if (uOutputMode == 1) {
        return vec4(c.a, 0.0, 0.0, 1.0);
    }
    if (uOutputMode == 2) {
        return vec4(c.r, c.a, 0.0, 1.0);
    }
    return c;
}

void main()
{
    if (uMaterialKind == 0) {
        fragColor = outputSwizzle(uColor);
        return;
    }
    vec3 n = normalize(vWorldNormal);
    if (!gl_FrontFacing) {
        n = -n; // light the inside of open or inverted surfaces too
    }
    vec3 v = normalize(uCameraPos - vWorldPos);
    vec3 color = uEmit;
    for (int i = 0; i < uNumLights; i++) {
        vec3 lc = lights[i].color.rgb;
        if (lights[i].position.w > 0.5) {
            color += uAmbient * lc;
            continue;
        }
        vec3 l = normalize(lights[i].position.xyz - vWorldPos);
        float ndl = max(dot(n, l), 0.0);
        color += uDiffuse * lc * ndl;
        if (ndl > 0.0) {
            vec3 h = normalize(l + v);
            color += uSpecular * lc * pow(max(dot(n, h), 0.0), uShininess);
        }
    }
    fragColor = outputSwizzle(vec4(color, uAlpha));
}
