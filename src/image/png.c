/* PNG encoder on libpng, into memory. */
#include <png.h>
#include <setjmp.h>
#include <string.h>

#include "image/image.h"

typedef struct {
    td_bytes *out;
    td_err *err;
    int failed;
} png_sink;

static void
png_write_cb(png_structp png, png_bytep data, size_t n)
{
    png_sink *sink = png_get_io_ptr(png);
    if (td_bytes_append(sink->out, data, n, sink->err) != 0) {
        sink->failed = 1;
        png_error(png, "out of memory");
    }
}

static void
png_flush_cb(png_structp png)
{
    (void)png;
}

static void
png_error_cb(png_structp png, png_const_charp msg)
{
    png_sink *sink = png_get_error_ptr(png);
    if (!sink->failed) {
        td_err_set(sink->err, TD_ERR_RUNTIME, "PNG encoding failed: %s", msg);
        sink->failed = 1;
    }
    png_longjmp(png, 1);
}

static void
png_warning_cb(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

int
td_image_encode_png(const td_image *img, const td_encode_opts *opts, td_bytes *out, td_err *err)
{
    static const int color_types[5] = {0, PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA, PNG_COLOR_TYPE_RGB,
                                       PNG_COLOR_TYPE_RGB_ALPHA};
    if (img->channels < 1 || img->channels > 4 || img->type != TD_SAMPLE_U8) {
        return td_err_set(err, TD_ERR_VALUE, "PNG: unsupported pixel layout");
    }
    png_sink sink = {out, err, 0};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, png_error_cb, png_warning_cb);
    if (png == NULL) {
        return td_err_nomem(err, "PNG encoder");
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        return td_err_nomem(err, "PNG encoder");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return -1;
    }
    png_set_write_fn(png, &sink, png_write_cb, png_flush_cb);
    /* quality 0..1 -> zlib level 1..9: 1.0 (the default) is the smallest file. */
    int level = 1 + (int)(opts->quality * 8.0 + 0.5);
    png_set_compression_level(png, level);
    png_set_IHDR(png, info, (png_uint_32)img->width, (png_uint_32)img->height, 8, color_types[img->channels],
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < img->height; y++) {
        png_write_row(png, (png_const_bytep)td_image_file_row(img, y));
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return 0;
}
