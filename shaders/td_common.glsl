// The uniform blocks every stage of every td_render program shares (after #version and the
// program's #defines). Their C mirrors are filled by src/gpu/render.c.
layout(std140, binding = 0) uniform TDFrame {
    mat4 uTDViewProj;  // world to clip
    vec4 uTDCameraPos; // xyz: the camera's world position
    vec4 uTDAmbient;   // rgb: the ambient lights summed
};
layout(std140, binding = 1) uniform TDDraw {
    mat4 uTDModel;        // object to world
    mat3 uTDNormalMatrix; // inverse transpose of uTDModel's upper 3x3
};
