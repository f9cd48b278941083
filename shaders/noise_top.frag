// noiseTOP: fractal noise, deterministic for a seed. The pixel's point in noise space is
// p = ((pixel centre - image centre) / image height + (tx, ty)) / period, z = tz / period; octave k
// (k = 0 .. harmonics) samples TD_NOISE_TYPE at p * spread^k with weight gain^k; their weighted
// mean f (in -1..1) gives offset + amp * sign(f) |f|^exponent. TD_NOISE_TYPE: 0 random (a value per
// pixel), 1 hermite (value noise with cubic Hermite blending), 2 simplex2d, 3 simplex3d. Colour
// channels use seeds seed, seed + 1, seed + 2 unless TD_MONO. TDMaterial: translate, period,
// seed, harmonics, spread, gain, exponent, amp, offset.

// An integer hash of a lattice point and a seed (a multiply / xor-shift mix of 32-bit words).
uint tdHash(ivec3 q, uint seed)
{
    uvec3 v = uvec3(q) * uvec3(1597334677u, 3812015801u, 2798796415u) + seed * 747796405u;
    uint h = (v.x ^ v.y ^ v.z) * 2891336453u;
    h ^= h >> 15;
    h *= 2246822519u;
    h ^= h >> 13;
    h *= 3266489917u;
    return h ^ (h >> 16);
}

float tdUnit(uint h) // 0 <= x < 1
{
    return float(h >> 8) / 16777216.0;
}

vec3 tdGrad3(ivec3 q, uint seed) // one of the 12 directions to the edges of a cube
{
    uint h = tdHash(q, seed) % 12u;
    vec3 g = h < 4u ? vec3(1, 1, 0) : h < 8u ? vec3(1, 0, 1) : vec3(0, 1, 1);
    float s1 = (h & 1u) != 0u ? -1.0 : 1.0, s2 = (h & 2u) != 0u ? -1.0 : 1.0;
    return h < 4u ? g * vec3(s1, s2, 1) : h < 8u ? g * vec3(s1, 1, s2) : g * vec3(1, s1, s2);
}

float tdValue(vec3 p, uint seed) // hermite value noise, -1..1
{
    ivec3 i = ivec3(floor(p));
    vec3 f = p - floor(p);
    vec3 u = f * f * (3.0 - 2.0 * f);
    float n[8];
    for (int k = 0; k < 8; k++) {
        ivec3 o = ivec3(k & 1, (k >> 1) & 1, (k >> 2) & 1);
        n[k] = tdUnit(tdHash(i + o, seed)) * 2.0 - 1.0;
    }
    float x00 = mix(n[0], n[1], u.x), x10 = mix(n[2], n[3], u.x), x01 = mix(n[4], n[5], u.x), x11 = mix(n[6], n[7], u.x);
    return mix(mix(x00, x10, u.y), mix(x01, x11, u.y), u.z);
}

float tdSimplex3(vec3 p, uint seed) // simplex noise, about -1..1
{
    const float F3 = 1.0 / 3.0, G3 = 1.0 / 6.0;
    vec3 s = floor(p + dot(p, vec3(F3)));
    vec3 x0 = p - s + dot(s, vec3(G3));
    vec3 e = step(x0.yzx, x0.xyz);
    vec3 i1 = e * (1.0 - e.zxy), i2 = 1.0 - e.zxy * (1.0 - e);
    vec3 x[4] = vec3[4](x0, x0 - i1 + G3, x0 - i2 + 2.0 * G3, x0 - 1.0 + 3.0 * G3);
    vec3 o[4] = vec3[4](vec3(0.0), i1, i2, vec3(1.0));
    float sum = 0.0;
    for (int k = 0; k < 4; k++) {
        float t = 0.6 - dot(x[k], x[k]);
        if (t > 0.0) {
            t *= t;
            sum += t * t * dot(tdGrad3(ivec3(s + o[k]), seed), x[k]);
        }
    }
    return 32.0 * sum;
}

float tdSimplex2(vec2 p, uint seed) // simplex noise in the plane, about -1..1
{
    const float F2 = 0.36602540378, G2 = 0.21132486541; // (sqrt(3) - 1) / 2, (3 - sqrt(3)) / 6
    vec2 s = floor(p + dot(p, vec2(F2)));
    vec2 x0 = p - s + dot(s, vec2(G2));
    vec2 i1 = x0.x > x0.y ? vec2(1, 0) : vec2(0, 1);
    vec2 x[3] = vec2[3](x0, x0 - i1 + G2, x0 - 1.0 + 2.0 * G2);
    vec2 o[3] = vec2[3](vec2(0.0), i1, vec2(1.0));
    float sum = 0.0;
    for (int k = 0; k < 3; k++) {
        float t = 0.5 - dot(x[k], x[k]);
        if (t > 0.0) {
            float a = tdUnit(tdHash(ivec3(ivec2(s + o[k]), 0), seed)) * 6.28318530718;
            t *= t;
            sum += t * t * dot(vec2(cos(a), sin(a)), x[k]);
        }
    }
    return 70.0 * sum;
}

float tdNoise(vec3 p, uint seed)
{
#if TD_NOISE_TYPE == 0
    return tdUnit(tdHash(ivec3(ivec2(gl_FragCoord.xy), 0), seed)) * 2.0 - 1.0;
#elif TD_NOISE_TYPE == 1
    return tdValue(p, seed);
#elif TD_NOISE_TYPE == 2
    return tdSimplex2(p.xy, seed);
#else
    return tdSimplex3(p, seed);
#endif
}

float tdFractal(vec3 p, uint seed)
{
    float sum = 0.0, wsum = 0.0, w = 1.0, f = 1.0;
    for (int k = 0; k <= int(harmonics); k++) {
        sum += w * tdNoise(p * f, seed);
        wsum += w;
        w *= gain;
        f *= spread;
    }
    float v = wsum > 0.0 ? sum / wsum : 0.0;
    return offset + amp * sign(v) * pow(abs(v), exponent);
}

void main()
{
    vec2 size = uTDOutputInfo.res.zw;
    vec3 p = vec3((gl_FragCoord.xy - 0.5 * size) / size.y + translate.xy, translate.z) / period;
    uint seed = uint(int(seedValue));
    float r = tdFractal(p, seed);
#if TD_MONO
    fragColor = TDOutputSwizzle(vec4(r, r, r, 1.0));
#else
    fragColor = TDOutputSwizzle(vec4(r, tdFractal(p, seed + 1u), tdFractal(p, seed + 2u), 1.0));
#endif
}
