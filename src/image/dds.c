/* DDS encoder, written directly: "DDS ", a DDS_HEADER, a DDS_HEADER_DXT10 naming the DXGI format, and
 * the rows top row first (Direct3D's order), uncompressed, one mip level.
 *
 *   channels  U8                 U16                    F16                     F32
 *   1         R8_UNORM (61)      R16_UNORM (56)         R16_FLOAT (54)          R32_FLOAT (41)
 *   2         R8G8_UNORM (49)    R16G16_UNORM (35)      R16G16_FLOAT (34)       R32G32_FLOAT (16)
 *   3         R8G8B8A8_UNORM*    R16G16B16A16_UNORM*    R16G16B16A16_FLOAT*     R32G32B32_FLOAT (6)
 *   4         R8G8B8A8_UNORM (28) R16G16B16A16_UNORM (11) R16G16B16A16_FLOAT (10) R32G32B32A32_FLOAT (2)
 *
 * (*) DXGI has no 3-channel 8- or 16-bit format: RGB gets an opaque alpha (1.0) and the header says
 * DDS_ALPHA_MODE_OPAQUE. Grey + alpha is stored as R = grey, G = alpha. Samples are the input's
 * own, bit for bit (no clamping). quality is ignored. */
#include <string.h>

#include "image/codecs.h"
#include "image/encode_util.h"
#include "image/image.h"

#define DDS_MAGIC 0x20534444u /* "DDS " */
#define DDSD_CAPS 0x1u
#define DDSD_HEIGHT 0x2u
#define DDSD_WIDTH 0x4u
#define DDSD_PITCH 0x8u
#define DDSD_PIXELFORMAT 0x1000u
#define DDSD_MIPMAPCOUNT 0x20000u
#define DDPF_FOURCC 0x4u
#define DDSCAPS_TEXTURE 0x1000u
#define DDS_DIMENSION_TEXTURE2D 3u
#define DDS_ALPHA_MODE_UNKNOWN 0u
#define DDS_ALPHA_MODE_STRAIGHT 1u
#define DDS_ALPHA_MODE_OPAQUE 3u
#define HEADER_BYTES (4 + 124 + 20)

static const uint32_t dxgi_formats[4][5] = {
    /* by sample type, then channel count */
    [TD_SAMPLE_U8] = {0, 61, 49, 28, 28},
    [TD_SAMPLE_U16] = {0, 56, 35, 11, 11},
    [TD_SAMPLE_F16] = {0, 54, 34, 10, 10},
    [TD_SAMPLE_F32] = {0, 41, 16, 6, 2},
};

int
td_image_encode_dds(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err)
{
    (void)opts;
    if (td_image_check(img, err) != 0) {
        return -1;
    }
    size_t ssize = td_sample_size(img->type);
    /* 3 channels of U8/U16/F16 gain an alpha */
    int file_channels = img->channels == 3 && img->type != TD_SAMPLE_F32 ? 4 : img->channels;
    uint64_t pitch = (uint64_t)img->width * (uint64_t)file_channels * ssize;
    if (pitch > 0xffffffffu || (uint64_t)img->height > 0xffffffffu) {
        return td_err_set(err, TD_ERR_VALUE, "DDS: image too large");
    }
    size_t data_len = (size_t)pitch * (size_t)img->height;
    if (td_bytes_reserve(out, HEADER_BYTES + data_len, err) != 0) {
        return -1;
    }
    uint8_t *p = out->data + out->len;
    memset(p, 0, HEADER_BYTES);
    td_put_le32(p, DDS_MAGIC);
    uint8_t *h = p + 4; /* DDS_HEADER */
    td_put_le32(h + 0, 124);
    td_put_le32(h + 4, DDSD_CAPS | DDSD_HEIGHT | DDSD_WIDTH | DDSD_PITCH | DDSD_PIXELFORMAT | DDSD_MIPMAPCOUNT);
    td_put_le32(h + 8, (uint32_t)img->height);
    td_put_le32(h + 12, (uint32_t)img->width);
    td_put_le32(h + 16, (uint32_t)pitch); /* dwPitchOrLinearSize */
    td_put_le32(h + 20, 0);               /* dwDepth */
    td_put_le32(h + 24, 1);               /* dwMipMapCount */
    uint8_t *pf = h + 72;                 /* DDS_PIXELFORMAT, after 11 reserved words */
    td_put_le32(pf + 0, 32);
    td_put_le32(pf + 4, DDPF_FOURCC);
    memcpy(pf + 8, "DX10", 4);
    td_put_le32(h + 104, DDSCAPS_TEXTURE); /* dwCaps */
    uint8_t *x = h + 124;                  /* DDS_HEADER_DXT10 */
    td_put_le32(x + 0, dxgi_formats[img->type][img->channels]);
    td_put_le32(x + 4, DDS_DIMENSION_TEXTURE2D);
    td_put_le32(x + 8, 0);  /* miscFlag */
    td_put_le32(x + 12, 1); /* arraySize */
    td_put_le32(x + 16, file_channels != img->channels ? DDS_ALPHA_MODE_OPAQUE
                        : img->channels == 2 || img->channels == 4 ? DDS_ALPHA_MODE_STRAIGHT
                                                                   : DDS_ALPHA_MODE_UNKNOWN);

    uint8_t *pix = p + HEADER_BYTES;
    size_t packed = td_image_packed_row(img);
    for (int y = 0; y < img->height; y++) {
        const uint8_t *src = td_image_file_row(img, y);
        uint8_t *dst = pix + (size_t)y * (size_t)pitch;
        if (file_channels == img->channels) {
            memcpy(dst, src, packed);
            continue;
        }
        /* RGB -> RGBA with alpha 1.0 in the sample type (0xff, 0xffff, half 1.0 = 0x3c00) */
        size_t w = (size_t)img->width;
        if (img->type == TD_SAMPLE_U8) {
            for (size_t i = 0; i < w; i++) {
                memcpy(dst + 4 * i, src + 3 * i, 3);
                dst[4 * i + 3] = 0xff;
            }
        }
        else {
            uint16_t one = img->type == TD_SAMPLE_U16 ? 0xffffu : 0x3c00u;
            for (size_t i = 0; i < w; i++) {
                memcpy(dst + 8 * i, src + 6 * i, 6);
                memcpy(dst + 8 * i + 6, &one, 2);
            }
        }
    }
    out->len += HEADER_BYTES + data_len;
    return 0;
}

/* "DDS ", the header and its DX10 extension, the rows (RGB of 8 and 16 bits gains an alpha). */
uint64_t
td_image_bound_dds(const td_image *img, const td_encode_opts *opts)
{
    (void)opts;
    uint64_t w = (uint64_t)img->width, h = (uint64_t)img->height, c = (uint64_t)img->channels;
    uint64_t fc = c == 3 && img->type != TD_SAMPLE_F32 ? 4 : c;
    return 4 + 124 + 20 + w * fc * td_sample_size(img->type) * h;
}
