// Object to world to clip space; world-space position and normal for lighting. Attribute
// locations: P = 0, N = 1 (uv = 2, Cd = 3 where a mesh has them).
layout(location = 0) in vec3 P;
layout(location = 1) in vec3 N;

out vec3 vWorldPos;
out vec3 vWorldNormal;

void main()
{
    vec4 world = uTDModel * vec4(P, 1.0);
    vWorldPos = world.xyz;
    vWorldNormal = uTDNormalMatrix * N;
    gl_Position = uTDViewProj * world;
}
