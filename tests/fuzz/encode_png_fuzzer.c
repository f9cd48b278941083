/* libFuzzer harness for the PNG encoder (src/image/png.c with image.c, bytes.c and sample.c, no
 * other codec): plain C, no Python, no GL.
 *
 * The input chooses the image description (size 0..64 x 0..64, 0..5 channels, sample type, row
 * padding, row order, quality in [0, 1]) and the pixels. A description the encoder supports must
 * encode within td_image_bound_png, and libpng must decode the result to exactly the input pixels,
 * top row first; any other description must fail with a message. Built and run by `make fuzz-c`
 * (clang, ASan + UBSan). */
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image/codecs.h"
#include "image/image.h"

static uint8_t
take(const uint8_t **p, size_t *n)
{
    if (*n == 0) {
        return 0;
    }
    (*n)--;
    return *(*p)++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *p = data;
    size_t n = size;
    td_image img = {0};
    img.width = take(&p, &n) % 65;
    img.height = take(&p, &n) % 65;
    img.channels = take(&p, &n) % 6;               /* 1..4 valid; 0 and 5 must be refused */
    /* The 8-bit path, whose pixels this harness compares, and an unknown sample type that must be
     * refused; the 16-bit and float paths are covered by tests/test_encode_png.py. */
    img.type = (take(&p, &n) & 1) ? TD_SAMPLE_U8 : (td_sample_type)4;
    size_t pad = take(&p, &n) % 4;
    img.bottom_up = take(&p, &n) & 1;
    td_encode_opts opts = {.quality = take(&p, &n) / 255.0};
    size_t channels = img.channels > 0 ? (size_t)img.channels : 1;
    img.row_bytes = (size_t)img.width * channels * td_sample_size(img.type < 4 ? img.type : TD_SAMPLE_U8) + pad;
    size_t total = img.row_bytes * (size_t)img.height;
    uint8_t *pixels = malloc(total ? total : 1);
    if (pixels == NULL) {
        return 0;
    }
    for (size_t i = 0; i < total; i++) {
        pixels[i] = n > 0 ? p[i % n] : (uint8_t)i;
    }
    img.data = pixels;

    td_bytes out = {0};
    td_err err = {0};
    int valid = img.width > 0 && img.height > 0 && img.channels >= 1 && img.channels <= 4 &&
                img.type == TD_SAMPLE_U8;
    int rc = td_image_encode_png(&img, &opts, &out, &err);
    if (!valid) {
        if (rc == 0 || err.msg[0] == '\0') {
            fprintf(stderr, "invalid image %dx%d c%d t%d encoded (rc %d)\n", img.width, img.height, img.channels,
                    (int)img.type, rc);
            abort();
        }
    }
    else {
        if (rc != 0) {
            fprintf(stderr, "valid image %dx%d c%d failed: %s\n", img.width, img.height, img.channels, err.msg);
            abort();
        }
        if ((uint64_t)out.len > td_image_bound_png(&img, &opts)) {
            fprintf(stderr, "%dx%d c%d: %zu bytes, over the bound %llu\n", img.width, img.height, img.channels,
                    out.len, (unsigned long long)td_image_bound_png(&img, &opts));
            abort();
        }
        /* Decode with libpng's simplified API and compare, row by row, top row first. */
        png_image dec;
        memset(&dec, 0, sizeof(dec));
        dec.version = PNG_IMAGE_VERSION;
        if (!png_image_begin_read_from_memory(&dec, out.data, out.len)) {
            fprintf(stderr, "encoded PNG does not decode: %s\n", dec.message);
            abort();
        }
        static const png_uint_32 formats[5] = {0, PNG_FORMAT_GRAY, PNG_FORMAT_GA, PNG_FORMAT_RGB, PNG_FORMAT_RGBA};
        dec.format = formats[img.channels];
        size_t row = (size_t)img.width * (size_t)img.channels;
        uint8_t *back = malloc(row * (size_t)img.height);
        if (back == NULL || !png_image_finish_read(&dec, NULL, back, (png_int_32)row, NULL) ||
            dec.width != (png_uint_32)img.width || dec.height != (png_uint_32)img.height) {
            fprintf(stderr, "decoding failed or changed the size: %s\n", dec.message);
            abort();
        }
        for (int y = 0; y < img.height; y++) {
            if (memcmp(back + (size_t)y * row, td_image_file_row(&img, y), row) != 0) {
                fprintf(stderr, "row %d differs after a round trip\n", y);
                abort();
            }
        }
        free(back);
    }
    td_bytes_free(&out);
    free(pixels);
    return 0;
}
