// One triangle covering the viewport, from gl_VertexID alone (no vertex buffers); vUV runs 0..1
// over the image, (0, 0) at the bottom left.
out vec2 vUV;

void main()
{
    vec2 p = vec2(float((gl_VertexID & 1) << 2) - 1.0, float((gl_VertexID & 2) << 1) - 1.0);
    vUV = p * 0.5 + 0.5;
    gl_Position = vec4(p, 0.0, 1.0);
}
