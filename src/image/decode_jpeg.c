/* JPEG decoder on libjpeg-turbo, from memory: grey files give 1 channel, YCbCr and RGB files 3
 * (8 bits). CMYK / YCCK files are refused. The decoder is strict: a corrupt-data warning (a cut file,
 * a bad Huffman code, which libjpeg would paper over with grey) is an error, except stray bytes
 * between markers; so is a
 * progressive file of more than MAX_SCANS scans (such files decode in time quadratic in the scans). */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jerror.h>
#include <jpeglib.h>

#include "image/decode_util.h"

#define MAX_SCANS 500
#define MAX_MEMORY ((long)1 << 30) /* libjpeg's own working memory */

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    td_err *err;
    int failed;
} jpeg_errors;

static void
fail_with_message(j_common_ptr cinfo)
{
    jpeg_errors *e = (jpeg_errors *)cinfo->err;
    if (!e->failed) {
        char msg[JMSG_LENGTH_MAX];
        (*cinfo->err->format_message)(cinfo, msg);
        td_err_set(e->err, TD_ERR_VALUE, "JPEG: %s", msg);
        e->failed = 1;
    }
    longjmp(e->jump, 1);
}

static void
jpeg_error_exit(j_common_ptr cinfo)
{
    fail_with_message(cinfo);
}

/* level -1: a warning about the data (corrupt or cut); level >= 0: trace messages. Stray bytes
 * between markers (which some cameras write) are let through. */
static void
jpeg_emit(j_common_ptr cinfo, int level)
{
    if (level < 0 && cinfo->err->msg_code != JWRN_EXTRANEOUS_DATA) {
        fail_with_message(cinfo);
    }
}

static void
jpeg_progress(j_common_ptr cinfo)
{
    j_decompress_ptr d = (j_decompress_ptr)cinfo;
    if (cinfo->is_decompressor && d->input_scan_number > MAX_SCANS) {
        jpeg_errors *e = (jpeg_errors *)cinfo->err;
        if (!e->failed) {
            td_err_set(e->err, TD_ERR_VALUE, "JPEG: more than %d progressive scans (a hostile file?)", MAX_SCANS);
            e->failed = 1;
        }
        longjmp(e->jump, 1);
    }
}

int
td_decode_jpeg(const uint8_t *p, size_t n, const td_decode_limits *lim, td_decoded *out, td_err *err)
{
    struct jpeg_decompress_struct cinfo;
    struct jpeg_progress_mgr progress = {.progress_monitor = jpeg_progress};
    jpeg_errors errors;
    cinfo.err = jpeg_std_error(&errors.pub);
    errors.pub.error_exit = jpeg_error_exit;
    errors.pub.emit_message = jpeg_emit;
    errors.err = err;
    errors.failed = 0;
    if (setjmp(errors.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    cinfo.progress = &progress;
    cinfo.mem->max_memory_to_use = MAX_MEMORY;
    if (n > (size_t)(unsigned long)-1) {
        td_err_set(err, TD_ERR_VALUE, "JPEG: file too large");
        errors.failed = 1;
        longjmp(errors.jump, 1);
    }
    jpeg_mem_src(&cinfo, p, (unsigned long)n);
    jpeg_read_header(&cinfo, TRUE);
    int channels;
    switch (cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE:
        cinfo.out_color_space = JCS_GRAYSCALE;
        channels = 1;
        break;
    case JCS_YCbCr:
    case JCS_RGB:
        cinfo.out_color_space = JCS_RGB;
        channels = 3;
        break;
    default:
        td_err_set(err, TD_ERR_VALUE, "JPEG: %s files are not read (grey, YCbCr and RGB are)",
                   cinfo.jpeg_color_space == JCS_CMYK   ? "CMYK"
                   : cinfo.jpeg_color_space == JCS_YCCK ? "YCCK"
                                                        : "this colour space's");
        errors.failed = 1;
        longjmp(errors.jump, 1);
    }
    if (td_decode_alloc(out, "JPEG", cinfo.image_width, cinfo.image_height, channels, TD_SAMPLE_U8, lim, err) != 0) {
        errors.failed = 1;
        longjmp(errors.jump, 1);
    }
    jpeg_start_decompress(&cinfo);
    if (cinfo.output_components != channels || cinfo.output_width != (JDIMENSION)out->image.width ||
        cinfo.output_height != (JDIMENSION)out->image.height) {
        td_err_set(err, TD_ERR_VALUE, "JPEG: unexpected output layout");
        errors.failed = 1;
        longjmp(errors.jump, 1);
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = td_decoded_top_row(out, cinfo.output_scanline);
        if (jpeg_read_scanlines(&cinfo, &row, 1) != 1) {
            td_err_set(err, TD_ERR_VALUE, "JPEG: the file ends early");
            errors.failed = 1;
            longjmp(errors.jump, 1);
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    out->premultiplied = 0;
    return 0;
}
