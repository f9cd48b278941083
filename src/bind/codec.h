/* The Python binding of the encoders (src/image): argument parsing shared by TOP.save(),
 * TOP.saveByteArray() and the module's _encode() test/benchmark entry point.
 *
 * Every function here needs the GIL; every one that fails returns -1 / NULL with a Python exception
 * set. */
#ifndef TD_CODEC_H
#define TD_CODEC_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "image/image.h"
#include "bind/state.h"

/* Adds the codec's module-level functions (_encode) to module. */
int td_codec_setup(PyObject *module);

/* metadata as TouchDesigner takes it: a dict, or any iterable of 2-item pairs (tuples, lists...),
 * keys and values str. None and empty iterables give *n = 0 and *out = NULL.
 *   - not a dict / iterable, a str or bytes, an item that is not a sequence: TypeError
 *   - an item with other than 2 entries: ValueError
 *   - a key or value not a str: TypeError naming the item
 *   - a NUL character or a lone surrogate in a key or value: ValueError
 * On success *out is an array of *n UTF-8 pairs (PyMem_RawMalloc'd, so any thread may read it with
 * the GIL released) whose strings live as long as *keepalive (a new reference). Release both with
 * td_codec_free_metadata, holding the GIL. */
int td_codec_parse_metadata(PyObject *obj, td_kv **out, size_t *n, PyObject **keepalive);
void td_codec_free_metadata(td_kv *kv, PyObject *keepalive);

/* quality: an int or float (or anything with __float__ / __index__) in [0, 1]. NaN and values outside
 * the range: ValueError; other types: TypeError. */
int td_codec_parse_quality(PyObject *obj, double *out);

/* The file type named by the suffix of name (a str, bytes or os.PathLike; '.jpg', 'file.jpg' and
 * 'C:/Files/file.jpg' all give JPEG). Unknown or missing suffix: ValueError listing the supported
 * ones; other types: TypeError. */
int td_codec_filetype(PyObject *name, td_file_type *out);

/* Warns (UserWarning) that metadata is ignored when the format stores none and n > 0. Returns -1
 * when the warning was turned into an exception. */
int td_codec_warn_metadata(td_file_type type, size_t n);

/* Encodes img with the GIL released and returns the file as a new bytearray. */
PyObject *td_codec_encode_bytearray(td_state *st, td_file_type type, const td_image *img,
                                    const td_encode_opts *opts);

#endif
