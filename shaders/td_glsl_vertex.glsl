// TouchDesigner's GLSL API of a glslMAT's vertex stage: the SOP attributes by their names (P, N,
// Cd, uv[0]) and their accessors, and the deforms (instancing, no skinning: TDDeform is the
// instance's transform, then the object-to-world one). td_instance.glsl comes before it.
layout(location = 0) in vec3 P;
layout(location = 1) in vec3 N;
layout(location = 2) in vec3 uv[1]; // texture layer 0; (0, 0, 0) for a mesh without uv
layout(location = 3) in vec4 Cd;    // (1, 1, 1, 1) for a mesh without point colours

vec3 TDPos() { return P; }
vec3 TDNormal() { return N; }
vec4 TDPointColor() { return Cd; }
vec3 TDTexCoord(int layer) { return layer == 0 ? uv[0] : vec3(0.0); }
vec3 TDUVUnwrapCoord() { return uv[0]; }

// The deforms apply the instance's transform, then the object-to-world one (td_instance.glsl).
vec4 TDDeform(vec4 pos) { return uTDModel * (tdInstanceXform * pos); }
vec4 TDDeform(vec3 pos) { return uTDModel * (tdInstanceXform * vec4(pos, 1.0)); }
vec3 TDDeformNorm(vec3 n) { return uTDNormalMatrix * (TDInstanceMatNormal() * n); }
vec3 TDDeformVec(vec3 v) { return mat3(uTDModel) * (mat3(tdInstanceXform) * v); }
