// Instancing, in every vertex stage (after td_common.glsl): the per-instance attributes
// (src/gpu/mesh.h: divisor 1; without instances the constants identity, (1, 1, 1, 1), (0, 0, 0))
// and TouchDesigner's instance functions. uTDInstanceParams (TDDraw): x the colour mode + 1
// (0: no instance colour; 1 replace, 2 multiply, 3 add, 4 subtract), y the colour components named
// (bit k: component k; replace keeps the others), z the texture coordinate mode + 1 (0: none;
// 1 replace, 2 transform: added), w its components named.
layout(location = 4) in mat4 tdInstanceXform; // instance to object space, before uTDModel
layout(location = 8) in vec4 tdInstanceRGBA;
layout(location = 9) in vec3 tdInstanceUVW;

int TDInstanceID() { return gl_InstanceID; }
mat4 TDInstanceMat() { return tdInstanceXform; }
mat4 TDInstanceMat(int id) { return tdInstanceXform; } // this vertex's instance (id is not looked up)

// The instance transform's normal matrix: the cofactor matrix of its 3x3 part (the inverse
// transpose times the determinant), its sign made positive; identity without instances.
mat3 TDInstanceMatNormal()
{
    mat3 m = mat3(tdInstanceXform);
    mat3 c = mat3(cross(m[1], m[2]), cross(m[2], m[0]), cross(m[0], m[1]));
    return dot(m[0], c[0]) < 0.0 ? -c : c;
}

vec4 tdInstanceMask(float bits)
{
    int b = int(bits);
    return vec4(ivec4(b, b >> 1, b >> 2, b >> 3) & ivec4(1));
}

vec4 TDInstanceColor(vec4 c)
{
    int mode = int(uTDInstanceParams.x);
    if (mode == 0) {
        return c;
    }
    vec4 i = tdInstanceRGBA;
    return mode == 1 ? mix(c, i, tdInstanceMask(uTDInstanceParams.y))
         : mode == 2 ? c * i
         : mode == 3 ? c + i
         : c - i;
}

vec3 TDInstanceTexCoord(vec3 t)
{
    int mode = int(uTDInstanceParams.z);
    if (mode == 0) {
        return t;
    }
    return mode == 1 ? mix(t, tdInstanceUVW, tdInstanceMask(uTDInstanceParams.w).xyz) : t + tdInstanceUVW;
}
