// The vertex shader of a glslMAT without one (TouchDesigner's default shape): the deformed
// position projected, the Vertex block TouchDesigner's default pixel shader reads, and vUV.
out Vertex {
    vec4 color;
    vec3 worldSpacePos;
    vec3 worldSpaceNorm;
    flat int cameraIndex;
} oVert;
out vec3 vUV;

void main()
{
    vec4 worldSpacePos = TDDeform(TDPos());
    gl_Position = TDWorldToProj(worldSpacePos, TDUVUnwrapCoord());
    oVert.cameraIndex = TDCameraIndex();
    oVert.worldSpacePos = worldSpacePos.xyz;
    oVert.color = TDInstanceColor(TDPointColor());
    oVert.worldSpaceNorm = normalize(TDDeformNorm(TDNormal()));
    vUV = TDInstanceTexCoord(TDUVUnwrapCoord());
}
