// phongMAT: emit + ambient * the ambient lights + per light Lambert diffuse and Blinn-Phong
// specular, + constant (unlit), in world space, then the camera's fog (TDMaterial: diffuse,
// specular, shininess, ambient, emit, alpha, constant).
void main()
{
    vec3 n = normalize(vWorldNormal);
    if (!gl_FrontFacing) {
        n = -n; // light the inside of open or inverted surfaces too
    }
    vec3 v = normalize(uTDCameraPos.xyz - vWorldPos);
    vec3 color = emit + constant + ambient * uTDAmbient.rgb;
    for (int i = 0; i < TD_NUM_LIGHTS; i++) {
        float k;
        vec3 l = TDLightVector(i, vWorldPos, k);
        vec3 lc = uTDLights[i].color.rgb * k * TDShadow(i, vWorldPos) * TDProjector(i, vWorldPos);
        float ndl = max(dot(n, l), 0.0);
        color += diffuse * lc * ndl;
        if (ndl > 0.0) {
            color += specular * lc * pow(max(dot(n, normalize(l + v)), 0.0), shininess);
        }
    }
    fragColor = TDOutputSwizzle(TDFog(vec4(color, alpha), vWorldPos));
}
