// The environment prefiltered for GGX roughness uRoughness around this texel's direction r, with the
// split-sum approximation's n = v = r: TD_ENV_SAMPLES GGX-distributed half vectors (Hammersley
// points), each light direction weighted by n.l, read from the resampled map's mip level that
// matches the sample's solid angle (filtered importance sampling), normalised by the weights' sum
// (so a uniform environment stays exactly uniform). Roughness 0 is the map itself.
layout(binding = 0) uniform sampler2D sBase;
layout(location = 0) uniform float uRoughness;
layout(location = 1) uniform float uOutLevel; // the base's mip level of this output's size

#define TD_ENV_SAMPLES 64

vec2 hammersley(uint i)
{
    return vec2(float(i) / float(TD_ENV_SAMPLES), float(bitfieldReverse(i)) * 2.3283064365386963e-10);
}

void main()
{
    vec3 n = tdEnvDirection(vUV.st);
    if (uRoughness <= 0.0) {
        fragColor = vec4(textureLod(sBase, vUV.st, uOutLevel).rgb, 1.0);
        return;
    }
    vec3 up = abs(n.y) < 0.999 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);
    vec3 t = normalize(cross(up, n));
    vec3 b = cross(n, t);
    float a = uRoughness * uRoughness, a2 = a * a;
    vec2 size = vec2(textureSize(sBase, 0));
    float texel = 4.0 * TD_PI / (size.x * size.y); // a texel's solid angle, on average
    vec3 sum = vec3(0.0);
    float wsum = 0.0;
    for (uint i = 0u; i < uint(TD_ENV_SAMPLES); i++) {
        vec2 xi = hammersley(i);
        float phi = 2.0 * TD_PI * xi.x;
        float cos_t = sqrt((1.0 - xi.y) / (1.0 + (a2 - 1.0) * xi.y));
        float sin_t = sqrt(max(1.0 - cos_t * cos_t, 0.0));
        vec3 h = t * (sin_t * cos(phi)) + b * (sin_t * sin(phi)) + n * cos_t;
        vec3 l = 2.0 * dot(n, h) * h - n;
        float nl = dot(n, l);
        if (nl > 0.0) {
            float q = cos_t * cos_t * (a2 - 1.0) + 1.0;
            float pdf = a2 / (TD_PI * q * q) * 0.25; // D(h) n.h / (4 v.h) with n = v
            float lod = max(0.5 * log2(1.0 / (float(TD_ENV_SAMPLES) * pdf * texel)) + 1.0, 0.0);
            sum += textureLod(sBase, tdEnvUV(l), lod).rgb * nl;
            wsum += nl;
        }
    }
    fragColor = vec4(wsum > 0.0 ? sum / wsum : vec3(0.0), 1.0);
}
