// pbrMAT: per light (point, cone, distant) a Lambert diffuse lobe of basecolor * (1 - metallic) and a
// GGX / Cook-Torrance specular lobe (Smith height-correlated visibility, Schlick Fresnel, F0 =
// mix(0.08 specularLevel, baseColor, metallic)); the ambient lights and the environment lights as
// environments (split-sum: irradiance for the diffuse lobe, a prefiltered map and Karis' analytic
// BRDF term for the specular one), times ambientOcclusion; + emit + constant; then the camera's fog
// (TDMaterial: pbr_block in src/ops/pbr_mat.c; the maps' TD_*MAP_UNIT macros: pbr_map_units).
const float PBR_PI = 3.14159265358979;

#ifndef TD_NUM_ENV_LIGHTS // the renderer defines these when the scene has environment lights
#define TD_NUM_ENV_LIGHTS 0
#define TD_ENV_UNIFORM 0
#endif

#ifdef TD_BASECOLORMAP_UNIT
layout(binding = TD_BASECOLORMAP_UNIT) uniform sampler2D sBaseColorMap;
#endif
#ifdef TD_METALLICMAP_UNIT
layout(binding = TD_METALLICMAP_UNIT) uniform sampler2D sMetallicMap;
#endif
#ifdef TD_ROUGHNESSMAP_UNIT
layout(binding = TD_ROUGHNESSMAP_UNIT) uniform sampler2D sRoughnessMap;
#endif
#ifdef TD_AOMAP_UNIT
layout(binding = TD_AOMAP_UNIT) uniform sampler2D sAmbientOcclusionMap;
#endif
#ifdef TD_NORMALMAP_UNIT
layout(binding = TD_NORMALMAP_UNIT) uniform sampler2D sNormalMap;
#endif
#ifdef TD_EMITMAP_UNIT
layout(binding = TD_EMITMAP_UNIT) uniform sampler2D sEmitMap;
#endif

#if TD_NUM_ENV_LIGHTS > 0 || TD_ENV_UNIFORM
// src/gpu/envlight.h: the environment lights without a map summed (a uniform environment), then per
// light with a map its colour and the rotation from world directions to the map's; its irradiance
// map on unit TD_ENV_UNIT + 2 e, its specular map (TD_ENV_LEVELS roughness levels) on the next.
struct TDEnvLight {
    vec4 color;
    mat3 rotation;
};
layout(std140, binding = TD_ENV_BLOCK) uniform TDEnvLights {
    vec4 uTDEnvUniform;
    TDEnvLight uTDEnvLights[TD_NUM_ENV_LIGHTS > 0 ? TD_NUM_ENV_LIGHTS : 1];
};
#endif
#if TD_NUM_ENV_LIGHTS > 0
layout(binding = TD_ENV_UNIT) uniform sampler2D sTDEnvMaps[2 * TD_NUM_ENV_LIGHTS];

// The equirectangular map's (u, v) of direction d (shaders/td_envmap.glsl's mapping).
vec2 pbrEnvUV(vec3 d)
{
    return vec2(0.5 + atan(d.x, -d.z) / (2.0 * PBR_PI), 0.5 + asin(clamp(d.y, -1.0, 1.0)) / PBR_PI);
}
#endif

float pbrChannel(vec4 t, float c)
{
    return t[clamp(int(c + 0.5), 0, 3)];
}

// GGX normal distribution (a2 = alpha^2).
float pbrD(float nh, float a2)
{
    float q = nh * nh * (a2 - 1.0) + 1.0;
    return a2 / (PBR_PI * q * q);
}

// Smith height-correlated visibility G / (4 n.l n.v).
float pbrVis(float nl, float nv, float a2)
{
    float gv = nl * sqrt(nv * nv * (1.0 - a2) + a2);
    float gl = nv * sqrt(nl * nl * (1.0 - a2) + a2);
    return 0.5 / max(gv + gl, 1e-7);
}

// The split-sum BRDF term (scale, bias of F0) from Karis' analytic fit of its integral.
vec2 pbrEnvBRDF(float roughness, float nv)
{
    const vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
    const vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
    vec4 r = roughness * c0 + c1;
    float a004 = min(r.x * r.x, exp2(-9.28 * nv)) * r.x + r.y;
    return vec2(-1.04, 1.04) * a004 + r.zw;
}

void main()
{
    vec3 n = normalize(vWorldNormal);
    if (!gl_FrontFacing) {
        n = -n; // light the inside of open or inverted surfaces too
    }
    vec2 uv = vUV.st;
#ifdef TD_NORMALMAP_UNIT
    {
        // the tangent frame from the screen-space derivatives of position and uv (no tangent attribute)
        vec3 dp1 = dFdx(vWorldPos), dp2 = dFdy(vWorldPos);
        vec2 duv1 = dFdx(uv), duv2 = dFdy(uv);
        vec3 dp2perp = cross(dp2, n), dp1perp = cross(n, dp1);
        vec3 t = dp2perp * duv1.x + dp1perp * duv2.x;
        vec3 b = dp2perp * duv1.y + dp1perp * duv2.y;
        float m = max(dot(t, t), dot(b, b));
        vec3 tn = texture(sNormalMap, uv).xyz * 2.0 - 1.0;
        if (m > 0.0) {
            float s = inversesqrt(m);
            n = normalize(mat3(t * s, b * s, n) * tn);
        }
    }
#endif
    vec3 v = normalize(uTDCameraPos.xyz - vWorldPos);
    vec3 base = baseColor * vColor.rgb; // the instance colour
    float a = alpha * vColor.a;
#ifdef TD_BASECOLORMAP_UNIT
    vec4 bt = texture(sBaseColorMap, uv);
    base *= bt.rgb;
    a *= bt.a;
#endif
    float metal = metallic, rough = roughness, ao = ambientOcclusion;
#ifdef TD_METALLICMAP_UNIT
    metal *= pbrChannel(texture(sMetallicMap, uv), metallicChannel);
#endif
#ifdef TD_ROUGHNESSMAP_UNIT
    rough *= pbrChannel(texture(sRoughnessMap, uv), roughnessChannel);
#endif
#ifdef TD_AOMAP_UNIT
    ao *= pbrChannel(texture(sAmbientOcclusionMap, uv), ambientOcclusionChannel);
#endif
    vec3 em = emit;
#ifdef TD_EMITMAP_UNIT
    em *= texture(sEmitMap, uv).rgb;
#endif
    vec3 diffuse = base * (1.0 - metal);
    vec3 f0 = mix(vec3(0.08 * specularLevel), base, metal);
    float alpha2 = max(rough * rough, 1e-3);
    alpha2 *= alpha2;
    float nv = max(dot(n, v), 1e-4);
    vec3 color = em + constant;
    for (int i = 0; i < TD_NUM_LIGHTS; i++) {
        float k;
        vec3 l = TDLightVector(i, vWorldPos, k);
        vec3 lc = uTDLights[i].diffuse.rgb * TDProjector(i, vWorldPos) * TDShadow(i, vWorldPos) * k;
        float nl = max(dot(n, l), 0.0);
        if (nl > 0.0) {
            vec3 h = normalize(l + v);
            float nh = clamp(dot(n, h), 0.0, 1.0), vh = clamp(dot(v, h), 0.0, 1.0);
            vec3 f = f0 + (1.0 - f0) * pow(1.0 - vh, 5.0);
            color += lc * nl * (diffuse + PBR_PI * pbrD(nh, alpha2) * pbrVis(nl, nv, alpha2) * f);
        }
    }
    // environments: the ambient lights (uniform) and the environment lights
    vec2 ab = pbrEnvBRDF(rough, nv);
    vec3 spec = f0 * ab.x + ab.y;
    vec3 uniformEnv = uTDAmbient.rgb;
#if TD_ENV_UNIFORM
    uniformEnv += uTDEnvUniform.rgb;
#endif
    color += ao * uniformEnv * (diffuse + spec);
#if TD_NUM_ENV_LIGHTS > 0
    vec3 r = reflect(-v, n);
    for (int e = 0; e < TD_NUM_ENV_LIGHTS; e++) {
        mat3 rot = uTDEnvLights[e].rotation;
        vec3 irr = textureLod(sTDEnvMaps[2 * e], pbrEnvUV(rot * n), 0.0).rgb;
        vec3 pre = textureLod(sTDEnvMaps[2 * e + 1], pbrEnvUV(rot * r), rough * float(TD_ENV_LEVELS - 1)).rgb;
        color += ao * uTDEnvLights[e].color.rgb * (diffuse * irr + pre * spec);
    }
#endif
#ifdef TD_PBR_VIEW_ALPHA
    a = mix(alphaSide, a, pow(max(abs(dot(n, v)), 1e-6), alphaRolloff));
#endif
    fragColor = TDOutputSwizzle(TDFog(vec4(color, a), vWorldPos));
}
