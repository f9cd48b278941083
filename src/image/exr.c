/* OpenEXR encoder on tinyexr (Debian's libtinyexr: a shared library built with zlib, so no miniz),
 * into memory.
 *
 * F16 -> HALF channels, F32 -> FLOAT channels, U8 -> HALF (exact for n/255 to half's precision),
 * U16 -> FLOAT (half cannot hold 16 bits). Channels R G B A, or Y for grey, stored in the
 * alphabetical order OpenEXR requires (A B G R, A Y). Scanline image, increasing Y (top row first).
 * opts->metadata becomes custom attributes of type "string". Compression from quality:
 * q < 1/3 NONE, < 2/3 RLE, else ZIP (16 scanlines a block, zlib level 6). */
#include <stdlib.h>
#include <string.h>
#include <tinyexr.h>

#include "image/codecs.h"
#include "image/encode_util.h"
#include "image/image.h"
#include "image/sample.h"

/* Attributes tinyexr writes itself (or OpenEXR reserves); a custom one of the same name would
 * make a second, conflicting copy in the header. */
static const char *const reserved_names[] = {
    "channels",    "compression", "dataWindow", "displayWindow", "lineOrder", "pixelAspectRatio",
    "screenWindowCenter", "screenWindowWidth", "tiles", "name", "type", "chunkCount", "version",
};

static int
check_metadata(const td_encode_opts *opts, int *long_names, td_err *err)
{
    *long_names = 0;
    for (size_t i = 0; i < opts->nmetadata; i++) {
        const char *key = opts->metadata[i].key;
        size_t klen = strlen(key);
        if (klen == 0 || klen > 255) {
            return td_err_set(err, TD_ERR_VALUE, "EXR metadata keys are 1 to 255 bytes long, not %zu", klen);
        }
        if (strlen(opts->metadata[i].value) > 0x7fffffff) {
            return td_err_set(err, TD_ERR_VALUE, "EXR metadata value of '%s' is too long", key);
        }
        if (klen > 31) {
            *long_names = 1; /* OpenEXR wants the long-names flag for names over 31 bytes */
        }
        for (size_t r = 0; r < sizeof(reserved_names) / sizeof(reserved_names[0]); r++) {
            if (strcmp(key, reserved_names[r]) == 0) {
                return td_err_set(err, TD_ERR_VALUE, "EXR metadata key '%s' names a standard attribute", key);
            }
        }
        for (size_t j = 0; j < i; j++) {
            if (strcmp(key, opts->metadata[j].key) == 0) {
                return td_err_set(err, TD_ERR_VALUE, "EXR metadata key '%s' given twice", key);
            }
        }
    }
    return 0;
}

int
td_image_encode_exr(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err)
{
    /* For each channel count: the channel names in file order and, for each, the source channel. */
    static const char *const names[5][4] = {{0}, {"Y"}, {"A", "Y"}, {"B", "G", "R"}, {"A", "B", "G", "R"}};
    static const int source[5][4] = {{0}, {0}, {1, 0}, {2, 1, 0}, {3, 2, 1, 0}};
    if (td_image_check(img, err) != 0) {
        return -1;
    }
    int long_names;
    if (check_metadata(opts, &long_names, err) != 0) {
        return -1;
    }
    int rc = -1;
    int nc = img->channels;
    int half = img->type == TD_SAMPLE_U8 || img->type == TD_SAMPLE_F16;
    size_t ssize = half ? 2 : 4;
    size_t npix = (size_t)img->width * (size_t)img->height;
    size_t wn = (size_t)img->width * (size_t)nc;
    uint8_t *planes = NULL, *row = NULL;
    unsigned char *images[4];
    EXRChannelInfo channels[4];
    int pixel_types[4], requested[4];
    EXRAttribute *attrs = NULL;
    unsigned char *mem = NULL;
    const char *msg = NULL;

    if (npix > SIZE_MAX / ssize / (size_t)nc) {
        td_err_nomem(err, "EXR image");
        goto done;
    }
    planes = malloc(npix * ssize * (size_t)nc);
    row = malloc(wn * ssize);
    attrs = calloc(opts->nmetadata ? opts->nmetadata : 1, sizeof(EXRAttribute));
    if (planes == NULL || row == NULL || attrs == NULL) {
        td_err_nomem(err, "EXR image");
        goto done;
    }
    /* Deinterleave, upright, into one plane per file channel. */
    for (int c = 0; c < nc; c++) {
        images[c] = planes + (size_t)c * npix * ssize;
    }
    for (int y = 0; y < img->height; y++) {
        const uint8_t *src = td_image_file_row(img, y);
        const uint8_t *r = src;
        if (img->type == TD_SAMPLE_U8) {
            td_sample_to_f16(src, img->type, wn, (uint16_t *)row);
            r = row;
        }
        else if (img->type == TD_SAMPLE_U16) {
            td_sample_to_f32(src, img->type, wn, (float *)row);
            r = row;
        }
        size_t off = (size_t)y * (size_t)img->width;
        for (int c = 0; c < nc; c++) {
            int s = source[nc][c];
            if (half) {
                const uint16_t *in = (const uint16_t *)r;
                uint16_t *o = (uint16_t *)images[c] + off;
                for (size_t x = 0; x < (size_t)img->width; x++) {
                    o[x] = in[x * (size_t)nc + (size_t)s];
                }
            }
            else {
                const float *in = (const float *)r;
                float *o = (float *)images[c] + off;
                for (size_t x = 0; x < (size_t)img->width; x++) {
                    o[x] = in[x * (size_t)nc + (size_t)s];
                }
            }
        }
    }

    EXRHeader header;
    EXRImage image;
    InitEXRHeader(&header);
    InitEXRImage(&image);
    memset(channels, 0, sizeof(channels));
    for (int c = 0; c < nc; c++) {
        strcpy(channels[c].name, names[nc][c]);
        pixel_types[c] = requested[c] = half ? TINYEXR_PIXELTYPE_HALF : TINYEXR_PIXELTYPE_FLOAT;
    }
    image.images = images;
    image.width = img->width;
    image.height = img->height;
    image.num_channels = nc;
    header.num_channels = nc;
    header.channels = channels;
    header.pixel_types = pixel_types;
    header.requested_pixel_types = requested;
    header.long_name = long_names;
    /* Effort ladder, each step slower and (on rendered images) smaller than the one before:
     * NONE, RLE, ZIP. Left out: ZIPS (slower and larger than ZIP in every measurement) and PIZ
     * (Debian's tinyexr 1.0.1 sizes PIZ's output buffer as 8192 + 2 x the block and overruns it on
     * small incompressible blocks: a heap overflow valgrind shows at 28 x 2 pixels). */
    double effort = td_lossless_effort(opts->quality);
    header.compression_type = effort < 1.0 / 3.0   ? TINYEXR_COMPRESSIONTYPE_NONE
                              : effort < 2.0 / 3.0 ? TINYEXR_COMPRESSIONTYPE_RLE
                                                   : TINYEXR_COMPRESSIONTYPE_ZIP;
    for (size_t i = 0; i < opts->nmetadata; i++) {
        strcpy(attrs[i].name, opts->metadata[i].key); /* checked: at most 255 bytes */
        strcpy(attrs[i].type, "string");
        attrs[i].value = (unsigned char *)opts->metadata[i].value; /* only read */
        attrs[i].size = (int)strlen(opts->metadata[i].value);
    }
    header.num_custom_attributes = (int)opts->nmetadata;
    header.custom_attributes = opts->nmetadata ? attrs : NULL;

    size_t len = SaveEXRImageToMemory(&image, &header, &mem, &msg);
    if (len == 0) {
        td_err_set(err, TD_ERR_RUNTIME, "EXR encoding failed: %s", msg ? msg : "tinyexr gave no reason");
        goto done;
    }
    if (td_bytes_append(out, mem, len, err) != 0) {
        goto done;
    }
    rc = 0;
done:
    if (msg != NULL) {
        FreeEXRErrorMessage(msg);
    }
    free(mem);
    free(planes);
    free(row);
    free(attrs);
    return rc;
}

static uint64_t
sat_add(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* tinyexr stores a block raw when compressing would not shrink it; plus the offset table, block
 * headers, the header and its custom attributes. opts may be NULL (no metadata). */
uint64_t
td_image_bound_exr(const td_image *img, const td_encode_opts *opts)
{
    uint64_t w = (uint64_t)img->width, h = (uint64_t)img->height, c = (uint64_t)img->channels;
    uint64_t raw = w * h * c * (img->type == TD_SAMPLE_U8 || img->type == TD_SAMPLE_F16 ? 2 : 4);
    uint64_t bound = raw + 16 * (h + 1) + 8192;
    for (size_t i = 0; opts != NULL && i < opts->nmetadata; i++) {
        bound = sat_add(bound, 16 + strlen(opts->metadata[i].key) + strlen(opts->metadata[i].value));
    }
    return bound;
}
