// What the environment-map passes (src/gpu/envlight.c) share: the equirectangular mapping of
// shaders/pbr.frag (u once around the vertical axis, -Z at u = 0.5 and +X at u = 0.75; v from
// straight down at 0 to straight up at 1).
const float TD_PI = 3.14159265358979;

vec3 tdEnvDirection(vec2 uv)
{
    float phi = (uv.x - 0.5) * 2.0 * TD_PI, theta = (uv.y - 0.5) * TD_PI;
    return vec3(cos(theta) * sin(phi), sin(theta), -cos(theta) * cos(phi));
}

vec2 tdEnvUV(vec3 d)
{
    return vec2(0.5 + atan(d.x, -d.z) / (2.0 * TD_PI), 0.5 + asin(clamp(d.y, -1.0, 1.0)) / TD_PI);
}

in vec3 vUV; // .st: the output pixel (shaders/fullscreen.vert)
out vec4 fragColor;
