/* JPEG encoder on libjpeg-turbo, into memory (a destination manager that grows a td_bytes).
 *
 * Always 8-bit: grey stays grey, grey+alpha loses its alpha, RGB stays RGB, RGBA loses its alpha
 * (libjpeg-turbo reads the RGBA rows directly as JCS_EXT_RGBA). Other sample types are converted
 * a row at a time (floats clamped to [0, 1]). quality q -> libjpeg quality 1 + round(99 q); from
 * q >= 0.9 the chroma is kept at full resolution (4:4:4), below it is halved both ways (4:2:0). */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <jerror.h>
#include <jpeglib.h>

#include "image/codecs.h"
#include "image/encode_util.h"
#include "image/image.h"
#include "image/sample.h"

#define JPEG_MAX_DIM 65500 /* JPEG_MAX_DIMENSION in libjpeg's jmorecfg.h */
#define DEST_STEP 65536

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    td_err *err;
    int failed; /* err already filled */
} jpeg_errors;

typedef struct {
    struct jpeg_destination_mgr pub;
    td_bytes *out;
    td_err *err;
} jpeg_dest;

static void
jpeg_error_exit(j_common_ptr cinfo)
{
    jpeg_errors *e = (jpeg_errors *)cinfo->err;
    if (!e->failed) {
        char msg[JMSG_LENGTH_MAX];
        (*cinfo->err->format_message)(cinfo, msg);
        td_err_set(e->err, TD_ERR_RUNTIME, "JPEG encoding failed: %s", msg);
        e->failed = 1;
    }
    longjmp(e->jump, 1);
}

static void
jpeg_output_message(j_common_ptr cinfo)
{
    (void)cinfo; /* warnings: libjpeg would print them to stderr */
}

/* The free space after out->len is the destination buffer; out->len moves only when it fills. */
static void
dest_init(j_compress_ptr cinfo)
{
    jpeg_dest *d = (jpeg_dest *)cinfo->dest;
    if (td_bytes_reserve(d->out, DEST_STEP, d->err) != 0) {
        ((jpeg_errors *)cinfo->err)->failed = 1;
        ERREXIT(cinfo, JERR_OUT_OF_MEMORY);
    }
    d->pub.next_output_byte = d->out->data + d->out->len;
    d->pub.free_in_buffer = d->out->cap - d->out->len;
}

static boolean
dest_empty(j_compress_ptr cinfo)
{
    jpeg_dest *d = (jpeg_dest *)cinfo->dest;
    d->out->len = d->out->cap; /* libjpeg filled the whole buffer */
    if (td_bytes_reserve(d->out, d->out->cap, d->err) != 0) {
        ((jpeg_errors *)cinfo->err)->failed = 1;
        ERREXIT(cinfo, JERR_OUT_OF_MEMORY);
    }
    d->pub.next_output_byte = d->out->data + d->out->len;
    d->pub.free_in_buffer = d->out->cap - d->out->len;
    return TRUE;
}

static void
dest_term(j_compress_ptr cinfo)
{
    jpeg_dest *d = (jpeg_dest *)cinfo->dest;
    d->out->len = d->out->cap - d->pub.free_in_buffer;
}

int
td_image_encode_jpeg(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err)
{
    if (td_image_check(img, err) != 0) {
        return -1;
    }
    if (img->width > JPEG_MAX_DIM || img->height > JPEG_MAX_DIM) {
        return td_err_set(err, TD_ERR_VALUE, "JPEG: images are at most %d pixels a side, not %d x %d", JPEG_MAX_DIM,
                          img->width, img->height);
    }
    struct jpeg_compress_struct cinfo;
    jpeg_errors errors;
    jpeg_dest dest = {.out = out, .err = err};
    size_t n = (size_t)img->width * (size_t)img->channels;
    /* The rows can go to libjpeg as they are for 8-bit grey, RGB and RGBA; otherwise each row is
     * converted into row8 first (and grey+alpha loses its alpha there). */
    int direct = img->type == TD_SAMPLE_U8 && img->channels != 2;
    int out_channels = img->channels <= 2 ? 1 : 3;
    uint8_t *volatile row8 = NULL;

    cinfo.err = jpeg_std_error(&errors.pub);
    errors.pub.error_exit = jpeg_error_exit;
    errors.pub.output_message = jpeg_output_message;
    errors.err = err;
    errors.failed = 0;
    if (setjmp(errors.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(row8);
        return -1;
    }
    jpeg_create_compress(&cinfo);
    if (!direct) {
        row8 = malloc(n);
        if (row8 == NULL) {
            td_err_nomem(err, "JPEG row");
            errors.failed = 1;
            ERREXIT(&cinfo, JERR_OUT_OF_MEMORY);
        }
    }
    dest.pub.init_destination = dest_init;
    dest.pub.empty_output_buffer = dest_empty;
    dest.pub.term_destination = dest_term;
    cinfo.dest = &dest.pub;

    cinfo.image_width = (JDIMENSION)img->width;
    cinfo.image_height = (JDIMENSION)img->height;
    if (img->channels <= 2) {
        cinfo.input_components = 1;
        cinfo.in_color_space = JCS_GRAYSCALE;
    }
    else if (img->channels == 3 || !direct) {
        cinfo.input_components = 3;
        cinfo.in_color_space = JCS_RGB;
    }
    else {
        cinfo.input_components = 4;
        cinfo.in_color_space = JCS_EXT_RGBA;
    }
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, td_quality_level(opts->quality, 1, 100), TRUE);
    if (out_channels == 3 && opts->quality >= 0.9) {
        for (int c = 0; c < 3; c++) {
            cinfo.comp_info[c].h_samp_factor = cinfo.comp_info[c].v_samp_factor = 1;
        }
    }
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        int y = (int)cinfo.next_scanline;
        const uint8_t *src = td_image_file_row(img, y);
        JSAMPROW row;
        if (direct) {
            row = (JSAMPROW)src; /* libjpeg only reads it */
        }
        else {
            td_sample_to_u8(src, img->type, n, row8);
            /* drop alpha: keep the first out_channels of every pixel, in place */
            if (img->channels != out_channels) {
                for (size_t x = 0; x < (size_t)img->width; x++) {
                    for (int c = 0; c < out_channels; c++) {
                        row8[x * (size_t)out_channels + (size_t)c] = row8[x * (size_t)img->channels + (size_t)c];
                    }
                }
            }
            row = row8;
        }
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    free(row8);
    return 0;
}

/* A guess: the 8-bit samples themselves; JPEG at quality 100 of noise can exceed it (which only
 * costs a copy). */
uint64_t
td_image_bound_jpeg(const td_image *img, const td_encode_opts *opts)
{
    (void)opts;
    uint64_t w = (uint64_t)img->width, h = (uint64_t)img->height, c = (uint64_t)img->channels;
    return w * h * (c <= 2 ? 1 : 3) + 8192;
}
