/* The decoder dispatcher: the format from the file's first bytes, the output's allocation under the
 * limits, whole-file reads. See decode.h. */
#include "image/decode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image/decode_util.h"
#include "util/file_read.h"

static const td_decode_limits default_limits = {TD_DECODE_MAX_SIDE, TD_DECODE_MAX_BYTES, TD_DECODE_MAX_FILE_BYTES};

int
td_decode_check_size(const char *fmt, int64_t width, int64_t height, int channels, td_sample_type type,
                     const td_decode_limits *lim, td_err *err)
{
    if (width < 1 || height < 1) {
        return td_err_set(err, TD_ERR_VALUE, "%s: the file says the image is %lld x %lld pixels", fmt,
                          (long long)width, (long long)height);
    }
    if (width > lim->max_side || height > lim->max_side) {
        return td_err_set(err, TD_ERR_VALUE, "%s: %lld x %lld pixels is over the limit of %d a side", fmt,
                          (long long)width, (long long)height, lim->max_side);
    }
    /* both sides are at most INT_MAX here, so the product fits in 64 bits with 16 bytes a pixel */
    uint64_t bytes = (uint64_t)width * (uint64_t)height * (uint64_t)channels * td_sample_size(type);
    if (bytes > lim->max_bytes || bytes > (uint64_t)SIZE_MAX) {
        return td_err_set(err, TD_ERR_VALUE, "%s: %lld x %lld pixels of %d x %zu bytes is over the limit of %llu bytes",
                          fmt, (long long)width, (long long)height, channels, td_sample_size(type),
                          (unsigned long long)lim->max_bytes);
    }
    return 0;
}

int
td_decode_alloc(td_decoded *out, const char *fmt, int64_t width, int64_t height, int channels, td_sample_type type,
                const td_decode_limits *lim, td_err *err)
{
    if (channels < 1 || channels > 4) {
        return td_err_set(err, TD_ERR_VALUE, "%s: %d channels (1 to 4 are read)", fmt, channels);
    }
    if (td_decode_check_size(fmt, width, height, channels, type, lim, err) != 0) {
        return -1;
    }
    size_t row = (size_t)width * (size_t)channels * td_sample_size(type);
    void *px = malloc(row * (size_t)height);
    if (px == NULL) {
        return td_err_nomem(err, "decoded image");
    }
    free(out->owned);
    out->owned = px;
    out->image.width = (int)width;
    out->image.height = (int)height;
    out->image.channels = channels;
    out->image.type = type;
    out->image.row_bytes = row;
    out->image.bottom_up = 1;
    out->image.data = px;
    return 0;
}

void
td_decoded_free(td_decoded *d)
{
    if (d != NULL) {
        free(d->owned);
        memset(d, 0, sizeof(*d));
    }
}

/* What the first bytes are when they are none of ours, for the message. */
static const char *
other_format(const uint8_t *p, size_t n)
{
    if (n >= 4 && memcmp(p, "GIF8", 4) == 0) {
        return " (a GIF file)";
    }
    if (n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0) {
        return " (a WebP file)";
    }
    if (n >= 4 && memcmp(p, "8BPS", 4) == 0) {
        return " (a Photoshop file)";
    }
    if (n >= 2 && memcmp(p, "#?", 2) == 0) {
        return " (a Radiance HDR file)";
    }
    if (n >= 12 && memcmp(p + 4, "ftyp", 4) == 0) {
        return " (an ISO media file: a movie, HEIF or AVIF)";
    }
    if (n >= 1 && p[0] == '<') {
        return " (text: HTML or XML?)";
    }
    return "";
}

int
td_image_decode_limited(const void *bytes, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err)
{
    const uint8_t *p = bytes;
    memset(out, 0, sizeof(*out));
    if (lim == NULL) {
        lim = &default_limits;
    }
    if (n == 0 || p == NULL) {
        return td_err_set(err, TD_ERR_VALUE, "no image data (0 bytes)");
    }
    int rc;
    if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0) {
        out->format = TD_FILE_PNG;
        rc = td_decode_png(p, n, lim, out, err);
    }
    else if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff) {
        out->format = TD_FILE_JPEG;
        rc = td_decode_jpeg(p, n, lim, out, err);
    }
    else if (n >= 4 && (memcmp(p, "II*\0", 4) == 0 || memcmp(p, "MM\0*", 4) == 0 || memcmp(p, "II+\0", 4) == 0 ||
                        memcmp(p, "MM\0+", 4) == 0)) {
        out->format = TD_FILE_TIFF;
        rc = td_decode_tiff(p, n, lim, out, err);
    }
    else if (n >= 4 && memcmp(p, "\x76\x2f\x31\x01", 4) == 0) {
        out->format = TD_FILE_EXR;
        rc = td_decode_exr(p, n, lim, out, err);
    }
    else if (n >= 2 && memcmp(p, "BM", 2) == 0) {
        out->format = TD_FILE_BMP;
        rc = td_decode_bmp(p, n, lim, out, err);
    }
    else if (n >= 4 && memcmp(p, "DDS ", 4) == 0) {
        out->format = TD_FILE_DDS;
        rc = td_decode_dds(p, n, lim, out, err);
    }
    else {
        char hex[3 * 8 + 1] = "";
        for (size_t i = 0; i < n && i < 8; i++) {
            snprintf(hex + strlen(hex), 4, "%s%02x", i ? " " : "", p[i]);
        }
        return td_err_set(err, TD_ERR_VALUE,
                          "unknown image data: the file starts with bytes %s%s, which are not PNG, JPEG, TIFF, EXR, "
                          "BMP or DDS",
                          hex, other_format(p, n));
    }
    if (rc != 0) {
        td_decoded_free(out);
        return -1;
    }
    return 0;
}

int
td_image_decode(const void *bytes, size_t n, td_decoded *out, td_err *err)
{
    return td_image_decode_limited(bytes, n, NULL, out, err);
}

int
td_image_decode_file_limited(const char *path, const td_decode_limits *lim, td_decoded *out, td_err *err)
{
    memset(out, 0, sizeof(*out));
    if (lim == NULL) {
        lim = &default_limits;
    }
    td_file_data f;
    if (td_file_read(path, "image file", lim->max_file_bytes, &f, err) != 0) {
        return -1;
    }
    int rc = td_image_decode_limited(f.data, f.size, lim, out, err);
    free(f.data);
    if (rc != 0 && err != NULL && err->kind != TD_ERR_OS) {
        char msg[sizeof(err->msg)];
        snprintf(msg, sizeof(msg), "%s", err->msg);
        td_err_set(err, err->kind, "image file '%s': %s", path, msg);
    }
    return rc;
}

int
td_image_decode_file(const char *path, td_decoded *out, td_err *err)
{
    return td_image_decode_file_limited(path, NULL, out, err);
}
