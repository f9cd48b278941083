/* OpenEXR decoder on tinyexr (Debian's libtinyexr), from memory. Single-part scanline and tiled
 * images (a tiled file's first level); multi-part and deep files are refused.
 *
 * Channels by name: R G B (a missing one of the three is zero) and A, or Y and A for grey. A file
 * with none of R, G, B, Y and a single channel gives that channel as grey; other channels (Z,
 * layers such as "diffuse.R") are ignored. Samples stay half (F16) when every channel read is half,
 * else everything is float (F32); UINT and subsampled channels are refused. The data window is what
 * is read (its offset and the display window are not applied). EXR colours are premultiplied by
 * convention: premultiplied is set when there is an alpha.
 *
 * Debian's libtinyexr is built with assert() on, and some of its asserts fire on hostile headers
 * (an unknown "type" attribute, a short "tiles" attribute, an unknown pixel type, compression or
 * tile level mode), aborting the process. The header is therefore walked here first (check_header)
 * and only what tinyexr handles without asserting is handed on: NONE, RLE, ZIPS and ZIP
 * compression, single-level tiles, HALF/FLOAT/UINT channels. PIZ is refused: under the decode fuzzer
 * tinyexr's PIZ decoder (DecompressPiz) writes past its buffer on hostile data. */
#include <stdlib.h>
#include <string.h>
#include <tinyexr.h>

#include "image/decode_util.h"

static int
exr_fail(td_err *err, int code, const char *what, const char *msg)
{
    char detail[256] = "";
    if (msg != NULL) {
        snprintf(detail, sizeof(detail), "%s", msg);
        size_t len = strlen(detail);
        while (len > 0 && (detail[len - 1] == '\n' || detail[len - 1] == ' ')) {
            detail[--len] = '\0';
        }
    }
    return td_err_set(err, TD_ERR_VALUE, "EXR: %s (tinyexr %d%s%s)", what, code, detail[0] ? ": " : "", detail);
}

/* Walks the header's attributes (name, type, size, value; an empty name ends it) within the n
 * bytes and refuses what would trip one of tinyexr's asserts. */
static int
check_header(const uint8_t *p, size_t n, int tiled, size_t *header_end, td_err *err)
{
    size_t pos = 8; /* magic and version */
    for (int count = 0;; count++) {
        if (pos >= n || count > 4096) {
            return td_err_set(err, TD_ERR_VALUE, "EXR: the header does not end (cut or corrupt file)");
        }
        if (p[pos] == 0) {
            *header_end = pos + 1; /* the offset table follows */
            break;
        }
        const uint8_t *name = p + pos;
        const uint8_t *name_end = memchr(name, 0, n - pos < 256 ? n - pos : 256);
        if (name_end == NULL) {
            return td_err_set(err, TD_ERR_VALUE, "EXR: a header attribute's name is too long or cut");
        }
        pos += (size_t)(name_end - name) + 1;
        const uint8_t *type = p + pos;
        const uint8_t *type_end = pos < n ? memchr(type, 0, n - pos < 256 ? n - pos : 256) : NULL;
        if (type_end == NULL) {
            return td_err_set(err, TD_ERR_VALUE, "EXR: a header attribute's type is too long or cut");
        }
        pos += (size_t)(type_end - type) + 1;
        if (n - pos < 4) {
            return td_err_set(err, TD_ERR_VALUE, "EXR: the header is cut");
        }
        int32_t size = (int32_t)td_le32(p + pos);
        pos += 4;
        if (size < 0 || (size_t)size > n - pos) {
            return td_err_set(err, TD_ERR_VALUE, "EXR: header attribute '%.60s' claims %d bytes", (const char *)name,
                              (int)size);
        }
        const uint8_t *v = p + pos;
        pos += (size_t)size;
        if (strcmp((const char *)name, "type") == 0 && size > 0 && v[0] != 0) {
            /* as tinyexr reads it: the text up to a NUL */
            const uint8_t *nul = memchr(v, 0, (size_t)size);
            size_t len = nul != NULL ? (size_t)(nul - v) : (size_t)size;
            int scan = len == 13 && memcmp(v, "scanlineimage", 13) == 0;
            int tile = len == 10 && memcmp(v, "tiledimage", 10) == 0;
            if (!(scan && !tiled) && !(tile && tiled)) {
                return td_err_set(err, TD_ERR_VALUE, "EXR: part type '%.*s' is not read here (a %s image is)",
                                  len < 40 ? (int)len : 40, (const char *)v, tiled ? "tiled" : "scanline");
            }
        }
        else if (strcmp((const char *)name, "tiles") == 0 && tiled) {
            if (size != 9) {
                return td_err_set(err, TD_ERR_VALUE, "EXR: a 'tiles' attribute of %d bytes, not 9", (int)size);
            }
            if ((v[8] & 0x0f) != 0 || (v[8] >> 4) > 1) {
                return td_err_set(err, TD_ERR_VALUE, "EXR: mipmapped or ripmapped tiles are not read (one level is)");
            }
        }
        else if (strcmp((const char *)name, "compression") == 0) {
            /* PIZ is refused too: tinyexr's PIZ decoder overruns its buffers on hostile data */
            if (size != 1 || v[0] > 3) {
                static const char *const names[] = {"PIZ", "PXR24", "B44", "B44A", "DWAA", "DWAB"};
                return td_err_set(err, TD_ERR_VALUE,
                                  "EXR: %s compression is not read (NONE, RLE, ZIPS and ZIP are)",
                                  size == 1 && v[0] >= 4 && v[0] <= 9 ? names[v[0] - 4] : "this");
            }
        }
        else if (strcmp((const char *)name, "channels") == 0) {
            /* name NUL, int pixel type, uchar pLinear, 3 reserved, int xSampling, int ySampling; then NUL */
            size_t c = 0;
            while (c < (size_t)size && v[c] != 0) {
                const uint8_t *end = memchr(v + c, 0, (size_t)size - c);
                if (end == NULL || (size_t)(end - v) + 1 + 16 > (size_t)size) {
                    return td_err_set(err, TD_ERR_VALUE, "EXR: a cut channel list");
                }
                c = (size_t)(end - v) + 1;
                uint32_t pixel_type = td_le32(v + c);
                if (pixel_type > 2) {
                    return td_err_set(err, TD_ERR_VALUE, "EXR: unknown pixel type %u", (unsigned)pixel_type);
                }
                c += 16;
            }
        }
    }
    return 0;
}

/* The index of the channel called name, or -1. */
static int
channel_named(const EXRHeader *h, const char *name)
{
    for (int c = 0; c < h->num_channels; c++) {
        if (strcmp(h->channels[c].name, name) == 0) {
            return c;
        }
    }
    return -1;
}

int
td_decode_exr(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err)
{
    EXRVersion version;
    EXRHeader header;
    EXRImage image;
    const char *msg = NULL;
    int rc = -1, header_made = 0, image_made = 0;
    uint8_t *padded = NULL;
    int code = ParseEXRVersionFromMemory(&version, p, n);
    if (code != TINYEXR_SUCCESS) {
        return exr_fail(err, code, "not a readable EXR version header", NULL);
    }
    if (version.multipart || version.non_image) {
        return td_err_set(err, TD_ERR_VALUE, "EXR: %s files are not read (single-part images are)",
                          version.multipart ? "multi-part" : "deep");
    }
    size_t header_end = 0;
    if (check_header(p, n, version.tiled, &header_end, err) != 0) {
        return -1;
    }
    InitEXRHeader(&header);
    InitEXRImage(&image);
    header_made = 1; /* a header that failed to parse may hold allocations too: always freed */
    code = ParseEXRHeaderFromMemory(&header, &version, p, n, &msg);
    if (code != TINYEXR_SUCCESS) {
        exr_fail(err, code, "cannot read the header", msg);
        goto done;
    }
    int64_t w = (int64_t)header.data_window.max_x - header.data_window.min_x + 1;
    int64_t h = (int64_t)header.data_window.max_y - header.data_window.min_y + 1;
    if (header.num_channels < 1 || header.channels == NULL) {
        td_err_set(err, TD_ERR_VALUE, "EXR: no channels");
        goto done;
    }
    if (td_decode_check_size("EXR", w, h, 1, TD_SAMPLE_U8, lim, err) != 0) {
        goto done;
    }
    /* tinyexr sizes its offset table from chunkCount or the tile counts before reading it (a
     * 13 GB table from one lying int, found by the fuzzer) and divides by the tile size: each
     * offset takes 8 bytes of the file */
    uint64_t chunks = header.chunk_count > 0 ? (uint64_t)header.chunk_count : 0;
    if (header.tiled) {
        if (header.tile_size_x < 1 || header.tile_size_y < 1 || header.tile_size_x > lim->max_side ||
            header.tile_size_y > lim->max_side) {
            td_err_set(err, TD_ERR_VALUE, "EXR: tiles of %d x %d pixels", header.tile_size_x, header.tile_size_y);
            goto done;
        }
        uint64_t tiles = (((uint64_t)w + (uint64_t)header.tile_size_x - 1) / (uint64_t)header.tile_size_x) *
                         (((uint64_t)h + (uint64_t)header.tile_size_y - 1) / (uint64_t)header.tile_size_y);
        chunks = tiles > chunks ? tiles : chunks;
    }
    if (chunks > n / 8) {
        td_err_set(err, TD_ERR_VALUE, "EXR: %llu blocks cannot be listed in a file of %zu bytes",
                   (unsigned long long)chunks, n);
        goto done;
    }
    /* a tiled file with a missing offset makes tinyexr rebuild the table by walking the tiles with
     * no bounds checks (a wild read, found by the fuzzer): every offset must point into the file */
    if (header.tiled) {
        if (header_end > n || (n - header_end) / 8 < chunks) {
            td_err_set(err, TD_ERR_VALUE, "EXR: the tile offset table is cut");
            goto done;
        }
        for (uint64_t t = 0; t < chunks; t++) {
            const uint8_t *e = p + header_end + 8 * t;
            uint64_t off = (uint64_t)td_le32(e) | ((uint64_t)td_le32(e + 4) << 32);
            if (off < header_end || off >= n) {
                td_err_set(err, TD_ERR_VALUE, "EXR: tile %llu's offset %llu is outside the file",
                           (unsigned long long)t, (unsigned long long)off);
                goto done;
            }
        }
    }
    /* which file channel fills each output channel (-1: zero) */
    int src[4] = {-1, -1, -1, -1}, nc;
    int r = channel_named(&header, "R"), g = channel_named(&header, "G"), b = channel_named(&header, "B");
    int a = channel_named(&header, "A"), y = channel_named(&header, "Y");
    if (r >= 0 || g >= 0 || b >= 0) {
        src[0] = r, src[1] = g, src[2] = b, src[3] = a;
        nc = a >= 0 ? 4 : 3;
    }
    else if (y >= 0) {
        src[0] = y, src[1] = a;
        nc = a >= 0 ? 2 : 1;
    }
    else if (header.num_channels == 1) {
        src[0] = 0;
        nc = 1;
    }
    else {
        char names[200] = "";
        for (int c = 0; c < header.num_channels && strlen(names) < 150; c++) {
            snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%.40s", c ? ", " : "",
                     header.channels[c].name);
        }
        td_err_set(err, TD_ERR_VALUE, "EXR: no R, G, B or Y channel (the file has %s)", names);
        goto done;
    }
    int any_float = 0;
    for (int k = 0; k < nc; k++) {
        int c = src[k];
        if (c < 0) {
            continue;
        }
        const EXRChannelInfo *ci = &header.channels[c];
        if (header.pixel_types[c] == TINYEXR_PIXELTYPE_UINT) {
            td_err_set(err, TD_ERR_VALUE, "EXR: channel '%.40s' holds UINT samples (half and float are read)",
                       ci->name);
            goto done;
        }
        if (ci->x_sampling != 1 || ci->y_sampling != 1) {
            td_err_set(err, TD_ERR_VALUE, "EXR: channel '%.40s' is subsampled (%d x %d)", ci->name, ci->x_sampling,
                       ci->y_sampling);
            goto done;
        }
        any_float |= header.pixel_types[c] == TINYEXR_PIXELTYPE_FLOAT;
    }
    td_sample_type type = any_float ? TD_SAMPLE_F32 : TD_SAMPLE_F16;
    /* tinyexr loads every channel of the file: bound that too, before it allocates */
    uint64_t work = 0;
    for (int c = 0; c < header.num_channels; c++) {
        int used = 0;
        for (int k = 0; k < nc; k++) {
            used |= src[k] == c;
        }
        if (used && any_float && header.pixel_types[c] == TINYEXR_PIXELTYPE_HALF) {
            header.requested_pixel_types[c] = TINYEXR_PIXELTYPE_FLOAT;
        }
        work += (uint64_t)w * (uint64_t)h * (header.requested_pixel_types[c] == TINYEXR_PIXELTYPE_HALF ? 2 : 4);
    }
    if (work > lim->max_bytes) {
        td_err_set(err, TD_ERR_VALUE, "EXR: %lld x %lld pixels of %d channels is over the limit of %llu bytes",
                   (long long)w, (long long)h, header.num_channels, (unsigned long long)lim->max_bytes);
        goto done;
    }
    if (td_decode_alloc(out, "EXR", w, h, nc, type, lim, err) != 0) {
        goto done;
    }
    /* On a failure in the pixels tinyexr 1.0.1 frees the image itself (leaving its pointers
     * dangling, so it is not freed again here), but only num_channels of its channel buffers,
     * which it sets only on success: set ahead, every buffer is freed (found by the fuzzer). */
    image.num_channels = header.num_channels;
    /* tinyexr 1.0.1 reads an uncompressed block's pixels without checking them against the block's
     * stated length, so a lying length reads past the end of the file (found by the fuzzer). It is
     * handed a copy followed by zeros as long as the largest block can be: such a read finds zeros.
     * It is told the file's own size, which its other checks use. */
    uint64_t pixel_bytes = 0;
    for (int c = 0; c < header.num_channels; c++) {
        pixel_bytes += header.pixel_types[c] == TINYEXR_PIXELTYPE_HALF ? 2 : 4;
    }
    uint64_t block_w = header.tiled ? (uint64_t)(header.tile_size_x > 0 ? header.tile_size_x : 0) : (uint64_t)w;
    uint64_t block_h = header.tiled ? (uint64_t)(header.tile_size_y > 0 ? header.tile_size_y : 0) : 32;
    uint64_t pad = block_w * block_h * pixel_bytes + 64;
    if (block_w > (uint64_t)lim->max_side || block_h > (uint64_t)lim->max_side || pad > ((uint64_t)256 << 20)) {
        td_err_set(err, TD_ERR_VALUE, "EXR: blocks of %llu x %llu pixels of %llu bytes are too large",
                   (unsigned long long)block_w, (unsigned long long)block_h, (unsigned long long)pixel_bytes);
        goto done;
    }
    padded = malloc(n + (size_t)pad);
    if (padded == NULL) {
        td_err_nomem(err, "EXR file");
        goto done;
    }
    memcpy(padded, p, n);
    memset(padded + n, 0, (size_t)pad);
    code = LoadEXRImageFromMemory(&image, &header, padded, n, &msg);
    if (code != TINYEXR_SUCCESS) {
        exr_fail(err, code, "cannot read the pixels", msg);
        goto done;
    }
    image_made = 1;
    if (image.width != (int)w || image.height != (int)h) {
        td_err_set(err, TD_ERR_VALUE, "EXR: the pixels are %d x %d, not the data window's %lld x %lld", image.width,
                   image.height, (long long)w, (long long)h);
        goto done;
    }
    size_t ss = td_sample_size(type);
    memset(out->owned, 0, out->image.row_bytes * (size_t)h);
    if (!header.tiled) {
        if (image.images == NULL) {
            td_err_set(err, TD_ERR_VALUE, "EXR: no pixels");
            goto done;
        }
        for (int64_t row = 0; row < h; row++) {
            uint8_t *d = td_decoded_top_row(out, row);
            for (int k = 0; k < nc; k++) {
                if (src[k] < 0) {
                    continue;
                }
                const uint8_t *s = image.images[src[k]] + (size_t)row * (size_t)w * ss;
                for (int64_t x = 0; x < w; x++) {
                    memcpy(d + ((size_t)x * (size_t)nc + (size_t)k) * ss, s + (size_t)x * ss, ss);
                }
            }
        }
    }
    else {
        if (image.tiles == NULL && image.num_tiles > 0) {
            td_err_set(err, TD_ERR_VALUE, "EXR: no tiles");
            goto done;
        }
        int64_t tsx = header.tile_size_x, tsy = header.tile_size_y;
        for (int t = 0; t < image.num_tiles; t++) {
            const EXRTile *tile = &image.tiles[t];
            if (tile->images == NULL || tile->width < 0 || tile->height < 0 || tile->width > tsx ||
                tile->height > tsy) {
                td_err_set(err, TD_ERR_VALUE, "EXR: a bad tile");
                goto done;
            }
            for (int64_t j = 0; j < tile->height; j++) {
                int64_t yy = (int64_t)tile->offset_y * tsy + j;
                if (yy < 0 || yy >= h) {
                    continue;
                }
                uint8_t *d = td_decoded_top_row(out, yy);
                for (int64_t i = 0; i < tile->width; i++) {
                    int64_t xx = (int64_t)tile->offset_x * tsx + i;
                    if (xx < 0 || xx >= w) {
                        continue;
                    }
                    for (int k = 0; k < nc; k++) {
                        if (src[k] >= 0) {
                            memcpy(d + ((size_t)xx * (size_t)nc + (size_t)k) * ss,
                                   tile->images[src[k]] + (size_t)(i + j * tsx) * ss, ss);
                        }
                    }
                }
            }
        }
    }
    out->premultiplied = src[nc - 1] == a && a >= 0;
    rc = 0;
done:
    free(padded);
    if (image_made) {
        FreeEXRImage(&image);
    }
    if (header_made) {
        FreeEXRHeader(&header);
    }
    if (msg != NULL) {
        FreeEXRErrorMessage(msg);
    }
    return rc;
}
