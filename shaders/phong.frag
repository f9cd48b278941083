// phongMAT: emit + ambient * the ambient lights + per light Lambert diffuse and two Blinn-Phong
// specular lobes, + constant (unlit), in world space, then the camera's fog (TDMaterial: the fields
// of phong_block in src/ops/phong_mat.c). Every lobe takes the light's colour times its projector
// map, its shadow (towards shadowColor by shadowStrength), attenuation and cone falloff. Terms
// whose factors are zero are compiled out (TD_PHONG_*: phong_switches in src/ops/phong_mat.c).
//
// The maps, as TouchDesigner's Phong Lighting Equation combines them, each compiled in only when it
// names a TOP (TD_*MAP_UNIT: its texture unit), sampled at the mesh's uv: the diffuse map multiplies
// the diffuse colour, the specular map the (first) specular colour, the emit map the emit colour,
// the colour map the whole sum (alpha too), the alpha map's red channel the alpha; the environment
// map's reflection is added after the colour map. The normal map is a tangent-space normal
// (rgb * 2 - 1) whose x and y bumpScale scales.
#ifdef TD_COLORMAP_UNIT
layout(binding = TD_COLORMAP_UNIT) uniform sampler2D sColorMap;
#endif
#ifdef TD_NORMALMAP_UNIT
layout(binding = TD_NORMALMAP_UNIT) uniform sampler2D sNormalMap;
#endif
#ifdef TD_DIFFUSEMAP_UNIT
layout(binding = TD_DIFFUSEMAP_UNIT) uniform sampler2D sDiffuseMap;
#endif
#ifdef TD_SPECMAP_UNIT
layout(binding = TD_SPECMAP_UNIT) uniform sampler2D sSpecMap;
#endif
#ifdef TD_EMITMAP_UNIT
layout(binding = TD_EMITMAP_UNIT) uniform sampler2D sEmitMap;
#endif
#ifdef TD_ALPHAMAP_UNIT
layout(binding = TD_ALPHAMAP_UNIT) uniform sampler2D sAlphaMap;
#endif
#ifdef TD_ENVMAP_UNIT
layout(binding = TD_ENVMAP_UNIT) uniform sampler2D sEnvMap;

// The environment map's colour reflected toward the camera: r = reflect(-v, n) turned back by the
// map's rotation (envMapRotate, degrees: the environment turns about x, then y, then z), looked up
// in an equirectangular image: u = 0.5 + atan(d.x, -d.z) / 2pi (-z at the centre, +x at 3/4),
// v = 0.5 + asin(d.y) / pi (+y at the top).
vec3 tdPhongEnvironment(vec3 n, vec3 v)
{
    vec3 a = radians(envMapRotate);
    vec3 c = cos(a), s = sin(a);
    mat3 rx = mat3(1.0, 0.0, 0.0, 0.0, c.x, s.x, 0.0, -s.x, c.x); // column-major
    mat3 ry = mat3(c.y, 0.0, -s.y, 0.0, 1.0, 0.0, s.y, 0.0, c.y);
    mat3 rz = mat3(c.z, s.z, 0.0, -s.z, c.z, 0.0, 0.0, 0.0, 1.0);
    vec3 d = normalize(transpose(rz * ry * rx) * reflect(-v, n));
    vec2 uv = vec2(0.5 + atan(d.x, -d.z) / 6.28318530718, 0.5 + asin(clamp(d.y, -1.0, 1.0)) / 3.14159265359);
    return texture(sEnvMap, uv).rgb * envMapColor;
}
#endif

#ifdef TD_NORMALMAP_UNIT
// The normal map's normal in world space. Meshes carry no tangents, so the tangent frame comes from
// the screen-space derivatives of the world position p and the uv: solving
// dp/dx = T du/dx + B dv/dx, dp/dy = T du/dy + B dv/dy gives T = dp/du and B = dp/dv, made
// orthogonal to n and unit. Where the uv does not vary (a mesh without uv) n stays as it is.
vec3 tdPhongMapNormal(vec3 n, vec3 p, vec2 uv)
{
    vec3 dpx = dFdx(p), dpy = dFdy(p);
    vec2 dux = dFdx(uv), duy = dFdy(uv);
    vec3 m = texture(sNormalMap, uv).rgb * 2.0 - 1.0;
    float det = dux.x * duy.y - dux.y * duy.x;
    if (abs(det) < 1e-20) {
        return n;
    }
    vec3 t = (dpx * duy.y - dpy * dux.y) / det;
    vec3 b = (dpy * dux.x - dpx * duy.x) / det;
    t -= n * dot(n, t);
    b -= n * dot(n, b);
    if (dot(t, t) < 1e-30 || dot(b, b) < 1e-30) {
        return n;
    }
    vec3 bumped = bumpScale * (m.x * normalize(t) + m.y * normalize(b)) + m.z * n;
    return dot(bumped, bumped) > 0.0 ? normalize(bumped) : n;
}
#endif

void main()
{
    vec3 n = normalize(vWorldNormal);
#ifdef TD_NORMALMAP_UNIT
    n = tdPhongMapNormal(n, vWorldPos, vUV.st); // derivatives: before any branch
#endif
    if (!gl_FrontFacing) {
        n = -n; // light the inside of open or inverted surfaces too
    }
    vec3 v = normalize(uTDCameraPos.xyz - vWorldPos);
    vec3 diff = diffuse * vColor.rgb; // the instance colour multiplies diffuse and ambient
#ifdef TD_DIFFUSEMAP_UNIT
    diff *= texture(sDiffuseMap, vUV.st).rgb;
#endif
    vec3 spec = specular;
#ifdef TD_SPECMAP_UNIT
    spec *= texture(sSpecMap, vUV.st).rgb;
#endif
    vec3 em = emit;
#ifdef TD_EMITMAP_UNIT
    em *= texture(sEmitMap, vUV.st).rgb;
#endif
    vec3 amb = (ambientUsesDiffuse > 0.5 ? diffuse : ambient) * vColor.rgb; // the diffuse map is the lights' only
    vec3 color = em + constant + amb * uTDAmbient.rgb;
    for (int i = 0; i < TD_NUM_LIGHTS; i++) {
        float k;
        vec3 l = TDLightVector(i, vWorldPos, k);
        vec3 lc = uTDLights[i].diffuse.rgb * TDProjector(i, vWorldPos);
#if TD_NUM_SHADOWS > 0
#ifdef TD_PHONG_SHADOW_COLOR
        lc = mix(lc, shadowColor, shadowStrength * (1.0 - TDShadow(i, vWorldPos)));
#else
        lc *= 1.0 - shadowStrength * (1.0 - TDShadow(i, vWorldPos)); // mix toward black
#endif
#endif
        lc *= k;
        float ndl = max(dot(n, l), 0.0);
        color += diff * lc * ndl;
        if (ndl > 0.0) {
            float ndh = max(dot(n, normalize(l + v)), 0.0);
#ifdef TD_PHONG_SPEC2
            color += (spec * pow(ndh, shininess) + specular2 * pow(ndh, shininess2)) * lc;
#else
            color += spec * pow(ndh, shininess) * lc;
#endif
        }
    }
    float a = alpha;
#ifdef TD_PHONG_VIEW_ALPHA
    // alpha front where the surface faces the camera, alpha side edge-on
    a = mix(alphaSide, alpha, pow(max(abs(dot(n, v)), 1e-6), alphaRolloff));
#endif
    a *= vColor.a;
#ifdef TD_COLORMAP_UNIT
    vec4 cm = texture(sColorMap, vUV.st);
    color *= cm.rgb;
    a *= cm.a;
#endif
#ifdef TD_ENVMAP_UNIT
    color += tdPhongEnvironment(n, v); // after the colour map, as TouchDesigner's equation has it
#endif
#ifdef TD_ALPHAMAP_UNIT
    a *= texture(sAlphaMap, vUV.st).r;
#endif
    fragColor = TDOutputSwizzle(TDFog(vec4(color, a), vWorldPos));
}
