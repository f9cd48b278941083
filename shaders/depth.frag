// depthTOP: the input render's depth buffer converted (TDDepth block, filled by src/gpu/depth.c).
// d is the stored depth in [0, 1] (0 at near). The camera-space distance along the view axis comes
// from inverting the projection's z and w rows: clip z = p10 * ze + p14, clip w = p11 * ze + p15,
// d = z / w, distance = -ze.
layout(std140, binding = 0) uniform TDDepth {
    vec4 uProj;   // p10, p11, p14, p15 of the input's projection (column-major indices)
    vec4 uRange;  // rangefrom1, rangefrom2, rangeto1, rangeto2
    vec4 uMode;   // x: space (0 input, 1 cameraspace, 2 reranged), y: clamp, z: gamma, w: 1 if alpha holds depth
};
layout(binding = 0) uniform sampler2D sTDDepth;
in vec3 vUV;
out vec4 fragColor;

void main()
{
    float d = texelFetch(sTDDepth, ivec2(gl_FragCoord.xy), 0).r;
    float v = d;
    if (uMode.x > 0.5) {
        float ze = (uProj.z - d * uProj.w) / (d * uProj.y - uProj.x);
        v = -ze;
        if (uMode.x > 1.5) {
            float span = uRange.y - uRange.x;
            float t = span != 0.0 ? (v - uRange.x) / span : 0.0;
            v = mix(uRange.z, uRange.w, t);
        }
    }
    if (uMode.y > 0.5) {
        v = clamp(v, 0.0, 1.0);
    }
    if (uMode.z != 1.0 && uMode.z > 0.0) {
        v = sign(v) * pow(abs(v), 1.0 / uMode.z);
    }
    fragColor = vec4(v, v, v, uMode.w > 0.5 ? v : 1.0);
}
