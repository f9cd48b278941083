// levelTOP (TDMaterial: invert, blackLevel, brightness, contrast, gamma, opacity), applied to rgb in
// this order: invert (mix toward 1 - c), black level ((c - b) / (1 - b)), brightness (* b),
// contrast (about 0.5), gamma (c ^ (1 / g), sign kept); then opacity multiplies rgba.
void main()
{
    vec4 c = tdInputAt(0);
    vec3 v = mix(c.rgb, 1.0 - c.rgb, invert);
    v = (v - blackLevel) / max(1.0 - blackLevel, 1e-6);
    v *= brightness;
    v = (v - 0.5) * contrast + 0.5;
    v = sign(v) * pow(abs(v), vec3(1.0 / gamma));
    fragColor = TDOutputSwizzle(vec4(v, c.a) * opacity);
}
