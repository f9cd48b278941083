// The uniform blocks every stage of every td_render program shares (after #version and the
// program's #defines). Their C mirrors are filled by src/gpu/render.c.
layout(std140, binding = 0) uniform TDFrame {
    mat4 uTDViewProj;  // world to clip
    vec4 uTDCameraPos; // xyz: the camera's world position
    vec4 uTDAmbient;   // rgb: the ambient lights summed
    vec4 uTDFog;       // the camera's fog: mode (0 off, 1 linear, 2 exp, 3 exp2), density, linear scale, bias
    vec4 uTDFogColor;  // rgb fog colour, a fog alpha
    mat4 uTDView;      // world to camera (a cube map's face: its face's)
    mat4 uTDProj;      // camera to clip, depth to [0, 1]
};
layout(std140, binding = 1) uniform TDDraw {
    mat4 uTDModel;        // object to world
    mat3 uTDNormalMatrix; // inverse transpose of uTDModel's upper 3x3
    vec4 uTDDrawParams;   // y: the material's alpha test threshold (the test itself: TD_ALPHA_TEST)
    vec4 uTDInstanceParams; // the instance colour and texture coordinate modes (td_instance.glsl)
};
