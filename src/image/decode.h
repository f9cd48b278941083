/* Image decoders: a file's bytes -> pixels, plain C (no Python, no GL). The layer moviefileinTOP and
 * scriptTOP.loadByteArray read files through.
 *
 * The format comes from the bytes (magic numbers), never from a file name. Pixels come out tightly
 * packed, bottom row first (TouchDesigner's and GL's order: row 0 is the bottom), in the file's own
 * depth as far as td_image has it (U8, U16, F16, F32):
 *
 *   format  what is read                                           premultiplied
 *   PNG     8- and 16-bit grey, grey+alpha, RGB, RGBA; palette and no (PNG stores straight colour)
 *           1/2/4-bit images expanded to 8 bits, tRNS to an alpha;
 *           interlaced files; gamma and colour profiles not applied
 *   JPEG    8-bit grey and colour (YCbCr/RGB) -> 1 or 3 channels;  no alpha
 *           CMYK refused; EXIF orientation not applied
 *   TIFF    8/16-bit unsigned, 16/32-bit float, 1-4 samples, grey   yes where ExtraSamples says
 *           (min-is-black or min-is-white), RGB, palette (-> RGB),  associated alpha
 *           strips or tiles, chunky or planar, every compression
 *           libtiff decodes; 1/2/4-bit grey expanded to 8 bits;
 *           orientations 1-4 honoured (5-8 read as 1)
 *   EXR     half and float scanline and single-level tiled images: yes, EXR's convention, when
 *           R G B A or Y (A), or a file's one channel as grey; other there is an alpha
 *           channels (Z, layers) ignored; the data window is read;
 *           NONE/RLE/ZIPS/ZIP (PIZ and the lossy ones, multi-part,
 *           deep refused: decode_exr.c says why PIZ)
 *   BMP     1/4/8-bit palette (grey palette -> 1 channel), 16/24/  no
 *           32-bit, BI_RGB and BI_BITFIELDS, bottom-up and
 *           top-down; an alpha mask -> RGBA; RLE refused
 *   DDS     uncompressed: DX10 headers of R/RG/RGBA 8 and 16 UNORM, yes for DX10 alpha mode 2
 *           16 and 32 FLOAT, RGB32_FLOAT, BGRA/BGRX8; legacy
 *           headers of RGB(A) masks, L8/A8L8, the float FourCCs.
 *           DX10 alpha mode "opaque" drops the alpha. Block-
 *           compressed (BCn/DXTn) files are refused. The top mip
 *           level of the first image only
 *
 * Hostile input: every size is checked against the limits below, and where the format bounds it
 * (uncompressed BMP, DDS; PNG through zlib's largest ratio; EXR's offset tables) against the bytes
 * present, before the pixels are allocated; a truncated, corrupt or lying file fails with
 * TD_ERR_VALUE naming the format and the problem (decode_exr.c: what is checked ahead of tinyexr,
 * whose Debian build asserts and over-reads on some hostile files). Library messages (libpng,
 * libjpeg, libtiff, tinyexr) land in the td_err, never on stderr. Nothing here keeps global state:
 * every call is independent and may run on any thread. */
#ifndef TD_IMAGE_DECODE_H
#define TD_IMAGE_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "image/image.h"
#include "util/err.h"

typedef struct td_decode_limits {
    int max_side;            /* width and height at most this */
    uint64_t max_bytes;      /* the decoded pixels at most this many bytes */
    uint64_t max_file_bytes; /* td_image_decode_file: files at most this large */
} td_decode_limits;

/* 32768 a side, 2 GiB of pixels, 1 GiB files. */
#define TD_DECODE_MAX_SIDE 32768
#define TD_DECODE_MAX_BYTES ((uint64_t)2 << 30)
#define TD_DECODE_MAX_FILE_BYTES ((uint64_t)1 << 30)

typedef struct td_decoded {
    td_image image;    /* bottom_up = 1, rows packed (row_bytes = width * channels * sample size), data = owned */
    void *owned;       /* malloc'd pixels; td_decoded_free releases them */
    int premultiplied; /* colour already multiplied by alpha (see the table above) */
    td_file_type format;
} td_decoded;

/* Decodes n bytes of a complete file. On failure *out is left empty (nothing to free, but
 * td_decoded_free is harmless). lim NULL: the defaults above. */
int td_image_decode_limited(const void *bytes, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err);
int td_image_decode(const void *bytes, size_t n, td_decoded *out, td_err *err);
/* Reads the regular file at path (at most lim->max_file_bytes) and decodes it; messages name path. */
int td_image_decode_file_limited(const char *path, const td_decode_limits *lim, td_decoded *out, td_err *err);
int td_image_decode_file(const char *path, td_decoded *out, td_err *err);
void td_decoded_free(td_decoded *d);

#endif
