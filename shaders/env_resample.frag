// An environment map resampled to the fixed size of the passes that follow (rgb; alpha ignored).
layout(binding = 0) uniform sampler2D sSource;

void main()
{
    fragColor = vec4(texture(sSource, vUV.st).rgb, 1.0);
}
