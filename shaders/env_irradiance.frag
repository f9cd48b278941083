// Diffuse irradiance over pi for the normal of this texel's direction: the environment's texels at
// mip level uLevel of the resampled map, each weighted by max(n.d, 0) times its solid angle,
// normalised by the sum of the weights (which is pi in the limit), so a uniform environment of
// radiance L gives exactly L: what a white Lambert surface reflects.
layout(binding = 0) uniform sampler2D sBase;
layout(location = 0) uniform int uLevel;

void main()
{
    vec3 n = tdEnvDirection(vUV.st);
    ivec2 size = textureSize(sBase, uLevel);
    vec3 sum = vec3(0.0);
    float wsum = 0.0;
    for (int j = 0; j < size.y; j++) {
        for (int i = 0; i < size.x; i++) {
            vec3 d = tdEnvDirection((vec2(i, j) + 0.5) / vec2(size));
            float w = max(dot(n, d), 0.0) * length(d.xz); // cos(latitude): the texel's solid angle
            sum += w * texelFetch(sBase, ivec2(i, j), uLevel).rgb;
            wsum += w;
        }
    }
    fragColor = vec4(wsum > 0.0 ? sum / wsum : vec3(0.0), 1.0);
}
