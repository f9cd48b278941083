/* The file formats, one row each: type, name, suffixes, encoder, bound, whether it stores metadata.
 * The dispatcher (encode.c) reads nothing else, so a new format is a codec file plus a row here
 * (and its constant and prototypes, codecs.h). The rows are an X-list so that the list of all
 * suffixes for messages (td_file_type_suffixes) is joined from them at compile time. */
#include <string.h>
#include <strings.h>

#include "image/codecs.h"

#define TD_IMAGE_CODEC_ROWS(X)                                                         \
    X(TD_FILE_TIFF, "TIFF", ".tif .tiff", td_image_encode_tiff, td_image_bound_tiff, 0) \
    X(TD_FILE_JPEG, "JPEG", ".jpg .jpeg", td_image_encode_jpeg, td_image_bound_jpeg, 0) \
    X(TD_FILE_BMP, "BMP", ".bmp", td_image_encode_bmp, td_image_bound_bmp, 0)           \
    X(TD_FILE_PNG, "PNG", ".png", td_image_encode_png, td_image_bound_png, 0)           \
    X(TD_FILE_EXR, "EXR", ".exr", td_image_encode_exr, td_image_bound_exr, 1)           \
    X(TD_FILE_DDS, "DDS", ".dds", td_image_encode_dds, td_image_bound_dds, 0)

#define TD_IMAGE_CODEC_ROW(type, name, suffixes, encode, bound, has_metadata) \
    {type, name, suffixes, encode, bound, has_metadata},
#define TD_IMAGE_CODEC_SUFFIXES(type, name, suffixes, encode, bound, has_metadata) " " suffixes

static const td_image_codec codecs[] = {TD_IMAGE_CODEC_ROWS(TD_IMAGE_CODEC_ROW)};

/* " .tif .tiff .jpg ...": the leading space is skipped below. */
static const char all_suffixes[] = TD_IMAGE_CODEC_ROWS(TD_IMAGE_CODEC_SUFFIXES);
const char *const td_file_type_suffixes = all_suffixes + 1;

const td_image_codec *
td_image_codec_of(td_file_type type)
{
    for (size_t i = 0; i < sizeof(codecs) / sizeof(codecs[0]); i++) {
        if (codecs[i].type == type) {
            return &codecs[i];
        }
    }
    return NULL;
}

const td_image_codec *
td_image_codec_by_suffix(const char *suffix)
{
    size_t n = strlen(suffix);
    for (size_t i = 0; i < sizeof(codecs) / sizeof(codecs[0]); i++) {
        for (const char *s = codecs[i].suffixes; *s != '\0';) {
            size_t len = strcspn(s, " ");
            if (len == n && strncasecmp(s, suffix, n) == 0) {
                return &codecs[i];
            }
            s += len;
            s += *s == ' ';
        }
    }
    return NULL;
}
