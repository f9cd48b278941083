/* td_bytes. See image.h. */
#include "image/image.h"

#include <stdlib.h>
#include <string.h>

int
td_bytes_reserve(td_bytes *b, size_t n, td_err *err)
{
    if (n > SIZE_MAX - b->len) {
        return td_err_nomem(err, "encoded image");
    }
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n) {
            cap = cap > SIZE_MAX / 2 ? b->len + n : cap * 2;
        }
        uint8_t *p = b->borrowed ? malloc(cap) : realloc(b->data, cap);
        if (p == NULL) {
            return td_err_nomem(err, "encoded image");
        }
        if (b->borrowed && b->len > 0) {
            memcpy(p, b->data, b->len);
        }
        b->data = p;
        b->cap = cap;
        b->borrowed = 0;
    }
    return 0;
}

int
td_bytes_append(td_bytes *b, const void *data, size_t n, td_err *err)
{
    if (td_bytes_reserve(b, n, err) != 0) {
        return -1;
    }
    if (n == 0) {
        return 0; /* data may be NULL */
    }
    memcpy(b->data + b->len, data, n);
    b->len += n;
    return 0;
}

void
td_bytes_free(td_bytes *b)
{
    if (!b->borrowed) {
        free(b->data);
    }
    b->data = NULL;
    b->len = b->cap = 0;
    b->borrowed = 0;
}
