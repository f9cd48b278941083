// phongMAT: emit + ambient * the ambient lights + per light Lambert diffuse and two Blinn-Phong
// specular lobes, + constant (unlit), in world space, then the camera's fog (TDMaterial: the fields
// of phong_block in src/ops/phong_mat.c). Every lobe takes the light's colour times its projector
// map, its shadow (towards shadowColor by shadowStrength), attenuation and cone falloff. Terms
// whose factors are zero are compiled out (TD_PHONG_*: phong_switches in src/ops/phong_mat.c).
void main()
{
    vec3 n = normalize(vWorldNormal);
    if (!gl_FrontFacing) {
        n = -n; // light the inside of open or inverted surfaces too
    }
    vec3 v = normalize(uTDCameraPos.xyz - vWorldPos);
    vec3 amb = ambientUsesDiffuse > 0.5 ? diffuse : ambient;
    vec3 color = emit + constant + amb * uTDAmbient.rgb;
    for (int i = 0; i < TD_NUM_LIGHTS; i++) {
        float k;
        vec3 l = TDLightVector(i, vWorldPos, k);
        vec3 lc = uTDLights[i].color.rgb * TDProjector(i, vWorldPos);
#if TD_NUM_SHADOWS > 0
#ifdef TD_PHONG_SHADOW_COLOR
        lc = mix(lc, shadowColor, shadowStrength * (1.0 - TDShadow(i, vWorldPos)));
#else
        lc *= 1.0 - shadowStrength * (1.0 - TDShadow(i, vWorldPos)); // mix toward black
#endif
#endif
        lc *= k;
        float ndl = max(dot(n, l), 0.0);
        color += diffuse * lc * ndl;
        if (ndl > 0.0) {
            float ndh = max(dot(n, normalize(l + v)), 0.0);
#ifdef TD_PHONG_SPEC2
            color += (specular * pow(ndh, shininess) + specular2 * pow(ndh, shininess2)) * lc;
#else
            color += specular * pow(ndh, shininess) * lc;
#endif
        }
    }
    float a = alpha;
#ifdef TD_PHONG_VIEW_ALPHA
    // alpha front where the surface faces the camera, alpha side edge-on
    a = mix(alphaSide, alpha, pow(max(abs(dot(n, v)), 1e-6), alphaRolloff));
#endif
    fragColor = TDOutputSwizzle(TDFog(vec4(color, a), vWorldPos));
}
