#version 450 core
// Object to world to clip space; world-space position and normal for lighting.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec3 aUV;    // TouchDesigner's uv: u, v, w
layout(location = 3) in vec4 aColor; // Cd

uniform mat4 uModel;
uniform mat3 uNormalMatrix;
uniform mat4 uViewProj;

out vec3 vWorldPos;
out vec3 vWorldNormal;

void main()
{
    vec4 world = uModel * vec4(aPosition, 1.0);
    vWorldPos = world.xyz;
    vWorldNormal = uNormalMatrix * aNormal;
    gl_Position = uViewProj * world;
}
