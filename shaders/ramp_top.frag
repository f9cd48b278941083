// rampTOP: the colour at t of the keys (keyColorN at keyPosN, sorted, linear between them and held
// past the ends), where t runs across the image by TD_RAMP_TYPE: 0 horizontal (u), 1 vertical (v),
// 2 radial (the distance from the centre, 1 at the middle of an edge of a square image),
// 3 circular (the angle around the centre from +x, counterclockwise, a turn = 1), then
// t = t / period + phase (rampParams: phase, period, the key count). TD_EXTEND (0 hold, 1 zero,
// 2 repeat, 3 mirror) says what t outside 0..1 gives.
float keyPos(int i)
{
    return i < 4 ? keyPos0[i] : keyPos1[i - 4];
}

vec4 keyColor(int i)
{
    switch (i) {
    case 0: return keyColor0;
    case 1: return keyColor1;
    case 2: return keyColor2;
    case 3: return keyColor3;
    case 4: return keyColor4;
    case 5: return keyColor5;
    case 6: return keyColor6;
    default: return keyColor7;
    }
}

void main()
{
    vec2 uv = vUV.st;
    vec2 c = (gl_FragCoord.xy - 0.5 * uTDOutputInfo.res.zw) / (0.5 * uTDOutputInfo.res.w);
#if TD_RAMP_TYPE == 0
    float t = uv.x;
#elif TD_RAMP_TYPE == 1
    float t = uv.y;
#elif TD_RAMP_TYPE == 2
    float t = length(c);
#else
    float t = fract(atan(c.y, c.x) / 6.28318530718);
#endif
    t = t / rampParams.y + rampParams.x;
#if TD_EXTEND == 1
    if (t < 0.0 || t > 1.0) {
        fragColor = TDOutputSwizzle(vec4(0.0));
        return;
    }
#elif TD_EXTEND == 2
    t = fract(t);
#elif TD_EXTEND == 3
    t = 1.0 - abs(mod(t, 2.0) - 1.0);
#endif
    int n = int(rampParams.z);
    vec4 col = keyColor(0);
    if (t >= keyPos(n - 1)) {
        col = keyColor(n - 1);
    }
    else {
        for (int i = 1; i < n; i++) {
            if (t < keyPos(i)) {
                float a = keyPos(i - 1), b = keyPos(i);
                col = t <= a ? keyColor(i - 1) : mix(keyColor(i - 1), keyColor(i), (t - a) / max(b - a, 1e-9));
                break;
            }
        }
    }
    fragColor = TDOutputSwizzle(col);
}
