// Object to world to clip space; world-space position and normal for lighting, uv for maps. Attribute
// locations: P = 0, N = 1 (uv = 2, Cd = 3 where a mesh has them).
layout(location = 0) in vec3 P;
layout(location = 1) in vec3 N;
layout(location = 2) in vec3 uv; // (0, 0, 0) for a mesh without uv

out vec3 vWorldPos;
out vec3 vWorldNormal;
out vec3 vUV;

void main()
{
    vec4 world = uTDModel * vec4(P, 1.0);
    vWorldPos = world.xyz;
    vWorldNormal = uTDNormalMatrix * N;
    vUV = uv;
    gl_Position = uTDViewProj * world;
}
