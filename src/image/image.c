/* What every codec shares: the check of a td_image before it is encoded. Plain C; the codecs and the
 * dispatcher (encode.c) both call it, so it sits below them. */
#include "image/image.h"

int
td_image_check(const td_image *img, td_err *err)
{
    if (img->channels < 1 || img->channels > 4) {
        return td_err_set(err, TD_ERR_VALUE, "images have 1 to 4 channels, not %d", img->channels);
    }
    if ((unsigned)img->type > TD_SAMPLE_F32) {
        return td_err_set(err, TD_ERR_VALUE, "unknown sample type %d", (int)img->type);
    }
    if (img->width < 1 || img->height < 1) {
        return td_err_set(err, TD_ERR_VALUE, "cannot encode an empty image (%d x %d)", img->width, img->height);
    }
    size_t packed = (size_t)img->width * (size_t)img->channels * td_sample_size(img->type);
    if (img->row_bytes < packed) {
        return td_err_set(err, TD_ERR_VALUE, "rows are %zu bytes apart, less than a row's %zu", img->row_bytes,
                          packed);
    }
    if (img->data == NULL) {
        return td_err_set(err, TD_ERR_VALUE, "image has no pixels");
    }
    return 0;
}
