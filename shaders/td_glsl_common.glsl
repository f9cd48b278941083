// TouchDesigner's GLSL API for a glslMAT's stages, the part every stage has (after td_common.glsl):
// uTDMats[] (one camera: TD_NUM_CAMERAS 1), uTDGeneral, TDWorldToProj(), TDCameraIndex().
// TDInstanceID() is the vertex stage's gl_InstanceID (td_instance.glsl); the other stages' is 0
// (pass it on from the vertex stage as a flat output). The matrices are computed from the TDFrame
// and TDDraw blocks.
#define TD_NUM_CAMERAS 1

struct TDMatrix {
    mat4 world;               // object to world
    mat4 worldInverse;
    mat4 worldCam;            // object to camera
    mat4 worldCamInverse;
    mat4 cam;                 // world to camera
    mat4 camInverse;          // camera to world (camInverse[3].xyz: the camera's position)
    mat4 camProj;             // world to clip
    mat4 camProjInverse;
    mat4 proj;                // camera to clip (depth in [0, 1])
    mat4 projInverse;
    mat4 worldCamProj;        // object to clip
    mat4 worldCamProjInverse;
    mat3 worldForNormals;     // inverse transpose of world's upper 3x3
    mat3 camForNormals;
    mat3 worldCamForNormals;
};

TDMatrix TDMatricesOf()
{
    TDMatrix m;
    m.world = uTDModel;
    m.worldInverse = inverse(uTDModel);
    m.cam = uTDView;
    m.camInverse = inverse(uTDView);
    m.worldCam = uTDView * uTDModel;
    m.worldCamInverse = inverse(m.worldCam);
    m.proj = uTDProj;
    m.projInverse = inverse(uTDProj);
    m.camProj = uTDProj * uTDView;
    m.camProjInverse = inverse(m.camProj);
    m.worldCamProj = m.camProj * uTDModel;
    m.worldCamProjInverse = inverse(m.worldCamProj);
    m.worldForNormals = uTDNormalMatrix;
    m.camForNormals = transpose(inverse(mat3(uTDView)));
    m.worldCamForNormals = transpose(inverse(mat3(m.worldCam)));
    return m;
}

TDMatrix[TD_NUM_CAMERAS] TDMatsOf()
{
    return TDMatrix[TD_NUM_CAMERAS](TDMatricesOf());
}
// uTDMats[i].member reads as in TouchDesigner (the compiler keeps only what a shader reads)
#define uTDMats TDMatsOf()

struct TDGeneral {
    vec4 ambientColor; // rgb: the render's ambient lights summed
};
TDGeneral TDGeneralOf()
{
    return TDGeneral(vec4(uTDAmbient.rgb, 1.0));
}
#define uTDGeneral TDGeneralOf()

int TDCameraIndex() { return 0; }

// World space to the render's clip space (a cube map face's when rendering one). The uv and camera
// index arguments of TouchDesigner's overloads are accepted and ignored (one camera, no
// quad-reprojection).
vec4 TDWorldToProj(vec4 v) { return uTDViewProj * v; }
vec4 TDWorldToProj(vec3 v) { return uTDViewProj * vec4(v, 1.0); }
vec4 TDWorldToProj(vec4 v, vec3 uv) { return TDWorldToProj(v); }
vec4 TDWorldToProj(vec3 v, vec3 uv) { return TDWorldToProj(v); }
vec4 TDWorldToProj(vec4 v, vec3 uv, int cameraIndex) { return TDWorldToProj(v); }
vec4 TDWorldToProj(vec3 v, vec3 uv, int cameraIndex) { return TDWorldToProj(v); }
vec4 TDWorldToProj(vec4 v, int cameraIndex) { return TDWorldToProj(v); }
vec4 TDWorldToProj(vec3 v, int cameraIndex) { return TDWorldToProj(v); }
