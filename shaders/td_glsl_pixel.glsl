// TouchDesigner's GLSL API of a glslMAT's pixel stage (after td_fragment.glsl, whose TDLightVector,
// TDShadow, TDProjector and TDFog it uses): TDLighting() as phongMAT lights, TDOutputSwizzle(),
// TDAlphaTest(), TDDither(), TDCheckDiscard(), TDFrontFacing(). TD_NUM_COLOR_BUFFERS: the render's
// numcolorbufs. TDInstanceID() is 0 here (the vertex stage's is gl_InstanceID: pass it on as a flat
// output).

int TDInstanceID() { return 0; }

struct TDPhongResult {
    vec3 diffuse;
    vec3 specular;
    vec3 specular2;
    float shadowStrength; // how much the light is shadowed here (0 lit, shadowStrength fully shadowed)
};

// Light i at worldPos for a surface of normal worldNorm seen along vertToCamVec (unit, toward the
// camera): Lambert diffuse and two Blinn-Phong lobes, each times the light's colour, projector map,
// shadow (toward shadowColor by shadowStrength), attenuation and cone falloff; phongMAT's terms.
TDPhongResult TDLighting(int i, vec3 worldPos, vec3 worldNorm, float shadowStrength, vec3 shadowColor,
                         vec3 vertToCamVec, float shininess, float shininess2)
{
    TDPhongResult r;
    float k;
    vec3 l = TDLightVector(i, worldPos, k);
    vec3 lc = uTDLights[i].diffuse.rgb * TDProjector(i, worldPos);
    float shadowed = shadowStrength * (1.0 - TDShadow(i, worldPos));
    lc = mix(lc, shadowColor, shadowed) * k;
    float ndl = max(dot(worldNorm, l), 0.0);
    float ndh = max(dot(worldNorm, normalize(l + vertToCamVec)), 0.0);
    r.diffuse = lc * ndl;
    r.specular = ndl > 0.0 ? lc * pow(ndh, shininess) : vec3(0.0);
    r.specular2 = ndl > 0.0 ? lc * pow(ndh, shininess2) : vec3(0.0);
    r.shadowStrength = shadowed;
    return r;
}

TDPhongResult TDLighting(int i, vec3 worldPos, vec3 worldNorm, float shadowStrength, vec3 shadowColor,
                         vec3 vertToCamVec, float shininess)
{
    return TDLighting(i, worldPos, worldNorm, shadowStrength, shadowColor, vertToCamVec, shininess, shininess);
}

TDPhongResult TDLighting(int i, vec3 worldPos, vec3 worldNorm, vec3 vertToCamVec, float shininess)
{
    return TDLighting(i, worldPos, worldNorm, 0.0, vec3(0.0), vertToCamVec, shininess, shininess);
}

bool TDFrontFacing(vec3 pos, vec3 normal) { return gl_FrontFacing; }

void TDCheckDiscard() {}

// The MAT Common page's alpha test (TD_ALPHA_TEST: 0 off, 1 less, 2 lessorequal, 3 greater, 4
// greaterorequal): discards the pixel unless alpha passes it; nothing when the test is off.
void TDAlphaTest(float alpha)
{
#if TD_ALPHA_TEST > 0
    float t = uTDDrawParams.y;
#if TD_ALPHA_TEST == 1
    bool keep = alpha < t;
#elif TD_ALPHA_TEST == 2
    bool keep = alpha <= t;
#elif TD_ALPHA_TEST == 3
    bool keep = alpha > t;
#else
    bool keep = alpha >= t;
#endif
    if (!keep) {
        discard;
    }
#endif
}

// The render's dither (a 4x4 ordered dither of one step of the format's precision); the colour
// unchanged when the render's dither is off.
vec4 TDDither(vec4 c)
{
#if TD_DITHERING
    const int bayer[16] = int[16](0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5);
    ivec2 q = ivec2(gl_FragCoord.xy) & 3;
    c.rgb += ((float(bayer[q.y * 4 + q.x]) + 0.5) / 16.0 - 0.5) * TD_DITHER;
#endif
    return c;
}

// Routes a colour into the target's channels: alpha formats keep A in R, mono+alpha formats (R, A)
// in (R, G).
vec4 TDOutputSwizzle(vec4 c)
{
    return tdRoute(c); // shaders/td_route.glsl
}
