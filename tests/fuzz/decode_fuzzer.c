/* libFuzzer harness for the image decoders (src/image/decode*.c, no other codec): plain C, no
 * Python, no GL. The input is a file's bytes; every format is reached through the magic-byte
 * dispatch. A decode must either fail with a message or give an image within the limits (1..4
 * channels, a known sample type, packed bottom-up rows) whose every byte can be read. Built and run
 * by `make fuzz-c` (clang, ASan + UBSan) with tinyexr compiled from Debian's header into the harness
 * (tinyexr_impl.cc), so the sanitizers see inside it; libpng, libjpeg and libtiff are the system's
 * uninstrumented libraries (a crash there still shows, an overflow may not). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image/decode.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* smaller than the defaults: a lying header must not make libFuzzer's malloc limit trip */
    td_decode_limits lim = {4096, (uint64_t)64 << 20, (uint64_t)64 << 20};
    td_decoded d;
    td_err err = {0};
    if (td_image_decode_limited(data, size, &lim, &d, &err) != 0) {
        if (err.msg[0] == '\0') {
            fprintf(stderr, "a decode failed without a message\n");
            abort();
        }
        if (d.owned != NULL) {
            fprintf(stderr, "a failed decode kept its pixels: %s\n", err.msg);
            abort();
        }
        return 0;
    }
    const td_image *im = &d.image;
    size_t ss = td_sample_size(im->type);
    if (im->channels < 1 || im->channels > 4 || (unsigned)im->type > TD_SAMPLE_F32 || im->width < 1 ||
        im->height < 1 || im->width > lim.max_side || im->height > lim.max_side || !im->bottom_up ||
        im->row_bytes != (size_t)im->width * (size_t)im->channels * ss || im->data != d.owned ||
        (uint64_t)im->row_bytes * (uint64_t)im->height > lim.max_bytes) {
        fprintf(stderr, "a bad image description: %d x %d, %d channels, type %d, rows %zu\n", im->width, im->height,
                im->channels, (int)im->type, im->row_bytes);
        abort();
    }
    /* read every byte (ASan checks the allocation really is that large) */
    const volatile uint8_t *px = d.owned;
    uint8_t sum = 0;
    for (size_t i = 0; i < im->row_bytes * (size_t)im->height; i++) {
        sum ^= px[i];
    }
    (void)sum;
    td_decoded_free(&d);
    return 0;
}
