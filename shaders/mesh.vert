// Object to world to clip space; world-space position and normal for lighting, uv for maps, the
// instance colour (white without one). Attribute locations: P = 0, N = 1 (uv = 2, Cd = 3 where a
// mesh has them); the instance attributes of td_instance.glsl. The built-in materials apply no point
// colour (Cd): vColor is the instance colour applied to white.
layout(location = 0) in vec3 P;
layout(location = 1) in vec3 N;
layout(location = 2) in vec3 uv; // (0, 0, 0) for a mesh without uv

out vec3 vWorldPos;
out vec3 vWorldNormal;
out vec3 vUV;
flat out vec4 vColor; // one value an instance

void main()
{
    vec4 world = uTDModel * (tdInstanceXform * vec4(P, 1.0));
    vWorldPos = world.xyz;
    vWorldNormal = uTDNormalMatrix * (TDInstanceMatNormal() * N);
    vUV = TDInstanceTexCoord(uv);
    vColor = TDInstanceColor(vec4(1.0));
    gl_Position = uTDViewProj * world;
}
