/* DDS decoder, written directly: the top mip level of the first image (a cube map's first face, a
 * volume's first slice, an array's first element), uncompressed, rows top row first.
 *
 *   DX10 headers (DXGI formats)           -> channels, samples
 *     R8 / R8G8 / R8G8B8A8(_SRGB) UNORM    -> 1 / 2 / 4 x U8 (A8_UNORM: 1 x U8)
 *     B8G8R8A8 / B8G8R8X8 (_SRGB) UNORM    -> 4 / 3 x U8, reordered to RGB(A)
 *     R16 / R16G16 / R16G16B16A16 UNORM    -> 1 / 2 / 4 x U16
 *     R16 / R16G16 / R16G16B16A16 FLOAT    -> 1 / 2 / 4 x F16
 *     R32 / R32G32 / R32G32B32 / R32G32B32A32 FLOAT -> 1 / 2 / 3 / 4 x F32
 *   legacy headers
 *     FourCC 36 / 111-116 (A16B16G16R16, R16F, G16R16F, A16B16G16R16F, R32F, G32R32F, A32B32G32R32F)
 *     RGB / luminance / alpha bit masks of 8-32 bits a pixel -> U8 (U16 where every mask is 16 bits)
 *
 * The alpha mode of a DX10 header: "opaque" (3) drops a 4th channel (td_render writes RGB of 8
 * and 16 bits that way), "premultiplied" (2) sets premultiplied. Two-channel formats come out as
 * 2 channels (R, G), the layout td_render's encoder gives grey + alpha. Block-compressed formats
 * (DXTn / BCn) are refused. */
#include <stdlib.h>
#include <string.h>

#include "image/decode_util.h"

#define DDPF_ALPHAPIXELS 0x1u
#define DDPF_ALPHA 0x2u
#define DDPF_FOURCC 0x4u
#define DDPF_RGB 0x40u
#define DDPF_LUMINANCE 0x20000u
#define FOURCC(a, b, c, d) ((uint32_t)(a) | ((uint32_t)(b) << 8) | ((uint32_t)(c) << 16) | ((uint32_t)(d) << 24))

typedef struct {
    int channels;      /* output channels */
    int file_channels; /* samples a pixel in the file */
    td_sample_type type;
    int bgr;     /* file order B G R (A/X) */
    int masks;   /* legacy bit masks instead of whole samples */
    uint32_t mask[4];
    int bits; /* bits a pixel (masks) */
} dds_layout;

static int
dxgi_layout(uint32_t f, dds_layout *L)
{
    static const struct {
        uint32_t dxgi;
        int ch;
        td_sample_type type;
        int bgr, file_ch;
    } table[] = {
        {2, 4, TD_SAMPLE_F32, 0, 4},  {6, 3, TD_SAMPLE_F32, 0, 3},  {10, 4, TD_SAMPLE_F16, 0, 4},
        {11, 4, TD_SAMPLE_U16, 0, 4}, {16, 2, TD_SAMPLE_F32, 0, 2}, {28, 4, TD_SAMPLE_U8, 0, 4},
        {29, 4, TD_SAMPLE_U8, 0, 4},  {34, 2, TD_SAMPLE_F16, 0, 2}, {35, 2, TD_SAMPLE_U16, 0, 2},
        {41, 1, TD_SAMPLE_F32, 0, 1}, {49, 2, TD_SAMPLE_U8, 0, 2},  {54, 1, TD_SAMPLE_F16, 0, 1},
        {56, 1, TD_SAMPLE_U16, 0, 1}, {61, 1, TD_SAMPLE_U8, 0, 1},  {65, 1, TD_SAMPLE_U8, 0, 1},
        {87, 4, TD_SAMPLE_U8, 1, 4},  {88, 3, TD_SAMPLE_U8, 1, 4},  {91, 4, TD_SAMPLE_U8, 1, 4},
        {93, 3, TD_SAMPLE_U8, 1, 4},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (table[i].dxgi == f) {
            L->channels = table[i].ch;
            L->file_channels = table[i].file_ch;
            L->type = table[i].type;
            L->bgr = table[i].bgr;
            return 0;
        }
    }
    return -1;
}

static int
fourcc_layout(uint32_t f, dds_layout *L)
{
    static const struct {
        uint32_t code;
        int ch;
        td_sample_type type;
    } table[] = {
        {36, 4, TD_SAMPLE_U16},  {111, 1, TD_SAMPLE_F16}, {112, 2, TD_SAMPLE_F16}, {113, 4, TD_SAMPLE_F16},
        {114, 1, TD_SAMPLE_F32}, {115, 2, TD_SAMPLE_F32}, {116, 4, TD_SAMPLE_F32},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (table[i].code == f) {
            L->channels = L->file_channels = table[i].ch;
            L->type = table[i].type;
            return 0;
        }
    }
    return -1;
}

static int
is_block_compressed(uint32_t dxgi)
{
    return (dxgi >= 70 && dxgi <= 84) || (dxgi >= 94 && dxgi <= 99);
}

static int
mask_width(uint32_t m)
{
    int n = 0;
    for (; m; m >>= 1) {
        n += (int)(m & 1);
    }
    return n;
}

/* The field of mask in v scaled to 8 bits, or its 16 bits as they are. */
static uint32_t
masked(uint32_t v, uint32_t mask, int wide)
{
    if (mask == 0) {
        return 0;
    }
    int shift = 0;
    while (!((mask >> shift) & 1)) {
        shift++;
    }
    uint64_t max = mask >> shift, x = (v & mask) >> shift;
    if (x > max) {
        x = max;
    }
    return wide ? (uint32_t)x : (uint32_t)((x * 255 + max / 2) / max);
}

int
td_decode_dds(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err)
{
    if (n < 128) {
        return td_err_set(err, TD_ERR_VALUE, "DDS: the file ends inside its header (%zu of 128 bytes)", n);
    }
    if (td_le32(p + 4) != 124 || td_le32(p + 76) != 32) {
        return td_err_set(err, TD_ERR_VALUE, "DDS: bad header sizes (%u and %u, not 124 and 32)",
                          (unsigned)td_le32(p + 4), (unsigned)td_le32(p + 76));
    }
    int64_t h = td_le32(p + 12), w = td_le32(p + 16);
    uint32_t pf_flags = td_le32(p + 80), fourcc = td_le32(p + 84);
    size_t data = 128;
    int premultiplied = 0;
    dds_layout L;
    memset(&L, 0, sizeof(L));
    if ((pf_flags & DDPF_FOURCC) && fourcc == FOURCC('D', 'X', '1', '0')) {
        if (n < 148) {
            return td_err_set(err, TD_ERR_VALUE, "DDS: the file ends inside its DX10 header");
        }
        uint32_t dxgi = td_le32(p + 128), dim = td_le32(p + 132), alpha_mode = td_le32(p + 144) & 7;
        data = 148;
        if (dim == 4) {
            return td_err_set(err, TD_ERR_VALUE, "DDS: volume (3D) textures are not read");
        }
        if (is_block_compressed(dxgi)) {
            return td_err_set(err, TD_ERR_VALUE, "DDS: block-compressed (BCn, DXGI format %u) files are not read",
                              (unsigned)dxgi);
        }
        if (dxgi_layout(dxgi, &L) != 0) {
            return td_err_set(err, TD_ERR_VALUE, "DDS: DXGI format %u is not read", (unsigned)dxgi);
        }
        if (alpha_mode == 3 && L.channels == 4) {
            L.channels = 3;
        }
        premultiplied = alpha_mode == 2 && L.channels == 4;
    }
    else if (pf_flags & DDPF_FOURCC) {
        if (fourcc_layout(fourcc, &L) != 0) {
            char cc[5];
            for (int i = 0; i < 4; i++) {
                uint8_t c = p[84 + i];
                cc[i] = c >= 32 && c < 127 ? (char)c : '?';
            }
            cc[4] = '\0';
            return td_err_set(err, TD_ERR_VALUE, "DDS: FourCC '%s' (%u) is not read (%s)", cc, (unsigned)fourcc,
                              cc[0] == 'D' || cc[0] == 'A' || cc[0] == 'B' ? "block-compressed files are refused"
                                                                           : "unknown format");
        }
    }
    else if (pf_flags & (DDPF_RGB | DDPF_LUMINANCE | DDPF_ALPHA)) {
        L.masks = 1;
        L.bits = (int)td_le32(p + 88);
        if (L.bits != 8 && L.bits != 16 && L.bits != 24 && L.bits != 32) {
            return td_err_set(err, TD_ERR_VALUE, "DDS: %d bits a pixel is not read", L.bits);
        }
        uint32_t r = td_le32(p + 92), g = td_le32(p + 96), b = td_le32(p + 100), a = td_le32(p + 104);
        int alpha = (pf_flags & (DDPF_ALPHAPIXELS | DDPF_ALPHA)) && a != 0;
        if (pf_flags & DDPF_RGB) {
            L.channels = 3 + alpha;
            L.mask[0] = r, L.mask[1] = g, L.mask[2] = b, L.mask[3] = alpha ? a : 0;
        }
        else if (pf_flags & DDPF_LUMINANCE) {
            L.channels = 1 + alpha;
            L.mask[0] = r, L.mask[1] = alpha ? a : 0;
        }
        else {
            L.channels = 1;
            L.mask[0] = a;
        }
        int wide = 1;
        for (int c = 0; c < L.channels; c++) {
            wide &= mask_width(L.mask[c]) == 16;
        }
        L.type = wide ? TD_SAMPLE_U16 : TD_SAMPLE_U8;
    }
    else {
        return td_err_set(err, TD_ERR_VALUE, "DDS: the pixel format names no layout (flags 0x%x)", (unsigned)pf_flags);
    }
    if (td_decode_check_size("DDS", w, h, L.channels, L.type, lim, err) != 0) {
        return -1;
    }
    size_t ss = td_sample_size(L.type);
    uint64_t pitch = L.masks ? (uint64_t)w * (uint64_t)(L.bits / 8) : (uint64_t)w * (uint64_t)L.file_channels * ss;
    if (pitch * (uint64_t)h > (uint64_t)(n - data)) {
        return td_err_set(err, TD_ERR_VALUE,
                          "DDS: %lld x %lld pixels need %llu bytes; the file has %zu after its header",
                          (long long)w, (long long)h, (unsigned long long)(pitch * (uint64_t)h), n - data);
    }
    if (td_decode_alloc(out, "DDS", w, h, L.channels, L.type, lim, err) != 0) {
        return -1;
    }
    int wide = L.type == TD_SAMPLE_U16;
    for (int64_t y = 0; y < h; y++) {
        const uint8_t *src = p + data + (size_t)y * (size_t)pitch;
        uint8_t *d = td_decoded_top_row(out, y);
        if (L.masks) {
            size_t bytes = (size_t)(L.bits / 8);
            for (int64_t x = 0; x < w; x++) {
                const uint8_t *s = src + (size_t)x * bytes;
                uint32_t v = 0;
                for (size_t k = 0; k < bytes; k++) {
                    v |= (uint32_t)s[k] << (8 * k);
                }
                for (int c = 0; c < L.channels; c++) {
                    uint32_t m = masked(v, L.mask[c], wide);
                    if (wide) {
                        uint16_t m16 = (uint16_t)m;
                        memcpy(d + ((size_t)x * (size_t)L.channels + (size_t)c) * 2, &m16, 2);
                    }
                    else {
                        d[(size_t)x * (size_t)L.channels + (size_t)c] = (uint8_t)m;
                    }
                }
            }
        }
        else if (L.channels == L.file_channels && !L.bgr) {
            memcpy(d, src, (size_t)w * (size_t)L.channels * ss);
        }
        else {
            for (int64_t x = 0; x < w; x++) {
                const uint8_t *s = src + (size_t)x * (size_t)L.file_channels * ss;
                uint8_t *o = d + (size_t)x * (size_t)L.channels * ss;
                for (int c = 0; c < L.channels; c++) {
                    int from = L.bgr && c < 3 ? 2 - c : c;
                    memcpy(o + (size_t)c * ss, s + (size_t)from * ss, ss);
                }
            }
        }
    }
    out->premultiplied = premultiplied;
    return 0;
}
