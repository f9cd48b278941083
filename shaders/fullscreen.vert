// One triangle covering the viewport, from gl_VertexID alone (no vertex buffers); vUV.st runs 0..1
// over the image, (0, 0) at the bottom left (vec3 as in TouchDesigner's GLSL TOP; p = 0).
out vec3 vUV;

void main()
{
    vec2 p = vec2(float((gl_VertexID & 1) << 2) - 1.0, float((gl_VertexID & 2) << 1) - 1.0);
    vUV = vec3(p * 0.5 + 0.5, 0.0);
    gl_Position = vec4(p, 0.0, 1.0);
}
