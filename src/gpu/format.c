/* Pixel formats. See format.h. */
#include "gpu/format.h"

#include <glad/gl.h>

const char *const td_pixel_format_tokens[] = {
    "useinput", "rgba8fixed", "srgba8fixed", "rgba16float", "rgba32float", "rgb10a2fixed", "rgba16fixed",
    "rgba11float", "rgb16float", "rgb32float", "mono8fixed", "mono16fixed", "mono16float", "mono32float",
    "rg8fixed", "rg16fixed", "rg16float", "rg32float", "a8fixed", "a16fixed", "a16float", "a32float",
    "monoalpha8fixed", "monoalpha16fixed", "monoalpha16float", "monoalpha32float", NULL,
};

#define U8 TD_SAMPLE_U8
#define U16 TD_SAMPLE_U16
#define F16 TD_SAMPLE_F16
#define F32 TD_SAMPLE_F32
#define UB GL_UNSIGNED_BYTE
#define US GL_UNSIGNED_SHORT
#define HF GL_HALF_FLOAT
#define FL GL_FLOAT

/* rgb16float and rgb32float are stored as RGBA (three-channel float targets are not required to be
 * renderable in GL 4.5); their alpha is never read. */
static const td_pixel_format formats[] = {
    /* token, display, internal, ch, layout, out, srgb, read fmt/type/sample/packing, file fmt/type/sample/ch, bytes */
    {"rgba8fixed", "8-bit fixed (RGBA)", GL_RGBA8, 4, "RGBA", TD_OUT_RGBA, 0, GL_RGBA, UB, U8, TD_PACK_NONE,
     GL_RGBA, UB, U8, 4, 4},
    {"srgba8fixed", "8-bit fixed sRGB (RGBA)", GL_SRGB8_ALPHA8, 4, "RGBA", TD_OUT_RGBA, 1, GL_RGBA, UB, U8,
     TD_PACK_SRGB8, GL_RGBA, UB, U8, 4, 4},
    {"rgba16float", "16-bit float (RGBA)", GL_RGBA16F, 4, "RGBA", TD_OUT_RGBA, 0, GL_RGBA, HF, F16, TD_PACK_NONE,
     GL_RGBA, HF, F16, 4, 8},
    {"rgba32float", "32-bit float (RGBA)", GL_RGBA32F, 4, "RGBA", TD_OUT_RGBA, 0, GL_RGBA, FL, F32, TD_PACK_NONE,
     GL_RGBA, FL, F32, 4, 16},
    {"rgb10a2fixed", "10-bit RGB, 2-bit Alpha, fixed (RGBA)", GL_RGB10_A2, 4, "RGBA", TD_OUT_RGBA, 0, GL_RGBA,
     GL_UNSIGNED_INT_2_10_10_10_REV, U8, TD_PACK_1010102, GL_RGBA, US, U16, 4, 4},
    {"rgba16fixed", "16-bit fixed (RGBA)", GL_RGBA16, 4, "RGBA", TD_OUT_RGBA, 0, GL_RGBA, US, U16, TD_PACK_NONE,
     GL_RGBA, US, U16, 4, 8},
    {"rgba11float", "11-bit float (RGB), Alpha always 1", GL_R11F_G11F_B10F, 4, "RGBA", TD_OUT_RGBA, 0, GL_RGB,
     GL_UNSIGNED_INT_10F_11F_11F_REV, U8, TD_PACK_R11G11B10, GL_RGBA, HF, F16, 4, 4},
    {"rgb16float", "16-bit float (RGB)", GL_RGBA16F, 3, "RGB", TD_OUT_RGBA, 0, GL_RGB, HF, F16, TD_PACK_NONE,
     GL_RGB, HF, F16, 3, 8},
    {"rgb32float", "32-bit float (RGB)", GL_RGBA32F, 3, "RGB", TD_OUT_RGBA, 0, GL_RGB, FL, F32, TD_PACK_NONE,
     GL_RGB, FL, F32, 3, 16},
    {"mono8fixed", "8-bit fixed (Mono)", GL_R8, 1, "R", TD_OUT_RGBA, 0, GL_RED, UB, U8, TD_PACK_NONE, GL_RED, UB,
     U8, 1, 1},
    {"mono16fixed", "16-bit fixed (Mono)", GL_R16, 1, "R", TD_OUT_RGBA, 0, GL_RED, US, U16, TD_PACK_NONE, GL_RED,
     US, U16, 1, 2},
    {"mono16float", "16-bit float (Mono)", GL_R16F, 1, "R", TD_OUT_RGBA, 0, GL_RED, HF, F16, TD_PACK_NONE, GL_RED,
     HF, F16, 1, 2},
    {"mono32float", "32-bit float (Mono)", GL_R32F, 1, "R", TD_OUT_RGBA, 0, GL_RED, FL, F32, TD_PACK_NONE, GL_RED,
     FL, F32, 1, 4},
    {"rg8fixed", "8-bit fixed (RG)", GL_RG8, 2, "RG", TD_OUT_RGBA, 0, GL_RG, UB, U8, TD_PACK_NONE, GL_RGB, UB, U8,
     3, 2},
    {"rg16fixed", "16-bit fixed (RG)", GL_RG16, 2, "RG", TD_OUT_RGBA, 0, GL_RG, US, U16, TD_PACK_NONE, GL_RGB, US,
     U16, 3, 4},
    {"rg16float", "16-bit float (RG)", GL_RG16F, 2, "RG", TD_OUT_RGBA, 0, GL_RG, HF, F16, TD_PACK_NONE, GL_RGB, HF,
     F16, 3, 4},
    {"rg32float", "32-bit float (RG)", GL_RG32F, 2, "RG", TD_OUT_RGBA, 0, GL_RG, FL, F32, TD_PACK_NONE, GL_RGB, FL,
     F32, 3, 8},
    {"a8fixed", "8-bit fixed (A)", GL_R8, 1, "A", TD_OUT_ALPHA, 0, GL_RED, UB, U8, TD_PACK_NONE, GL_RED, UB, U8, 1,
     1},
    {"a16fixed", "16-bit fixed (A)", GL_R16, 1, "A", TD_OUT_ALPHA, 0, GL_RED, US, U16, TD_PACK_NONE, GL_RED, US,
     U16, 1, 2},
    {"a16float", "16-bit float (A)", GL_R16F, 1, "A", TD_OUT_ALPHA, 0, GL_RED, HF, F16, TD_PACK_NONE, GL_RED, HF,
     F16, 1, 2},
    {"a32float", "32-bit float (A)", GL_R32F, 1, "A", TD_OUT_ALPHA, 0, GL_RED, FL, F32, TD_PACK_NONE, GL_RED, FL,
     F32, 1, 4},
    {"monoalpha8fixed", "8-bit fixed (Mono+Alpha)", GL_RG8, 2, "RA", TD_OUT_MONOALPHA, 0, GL_RG, UB, U8,
     TD_PACK_NONE, GL_RG, UB, U8, 2, 2},
    {"monoalpha16fixed", "16-bit fixed (Mono+Alpha)", GL_RG16, 2, "RA", TD_OUT_MONOALPHA, 0, GL_RG, US, U16,
     TD_PACK_NONE, GL_RG, US, U16, 2, 4},
    {"monoalpha16float", "16-bit float (Mono+Alpha)", GL_RG16F, 2, "RA", TD_OUT_MONOALPHA, 0, GL_RG, HF, F16,
     TD_PACK_NONE, GL_RG, HF, F16, 2, 4},
    {"monoalpha32float", "32-bit float (Mono+Alpha)", GL_RG32F, 2, "RA", TD_OUT_MONOALPHA, 0, GL_RG, FL, F32,
     TD_PACK_NONE, GL_RG, FL, F32, 2, 8},
};

const td_pixel_format *
td_pixel_format_at(int menu_index)
{
    int n = (int)(sizeof(formats) / sizeof(formats[0]));
    /* menu index 0 is 'useinput': without an input that is the default, rgba8fixed */
    int i = menu_index <= 0 ? 0 : menu_index - 1;
    return &formats[i < n ? i : 0];
}

size_t
td_pixel_format_read_bytes(const td_pixel_format *f)
{
    if (f->packing == TD_PACK_1010102 || f->packing == TD_PACK_R11G11B10) {
        return 4;
    }
    int ch = f->read_format == GL_RGBA ? 4 : f->read_format == GL_RGB ? 3 : f->read_format == GL_RG ? 2 : 1;
    return (size_t)ch * td_sample_size(f->read_sample);
}
