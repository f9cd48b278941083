/* Channel name patterns. See names.h. */
#include "chan/names.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
push(td_chan_names *out, const char *name, size_t len, td_err *err)
{
    if (len == 0) {
        return 0;
    }
    if (len >= TD_CHAN_NAME) {
        return td_err_set(err, TD_ERR_VALUE, "channel name '%.40s...' is longer than %d bytes", name, TD_CHAN_NAME - 1);
    }
    if (out->n >= TD_CHAN_NAMES_MAX) {
        return td_err_set(err, TD_ERR_VALUE, "a channel name pattern gives more than %d names", TD_CHAN_NAMES_MAX);
    }
    if (out->n == out->cap) {
        uint32_t cap = out->cap ? out->cap * 2 : 16;
        void *p = realloc(out->names, (size_t)cap * TD_CHAN_NAME);
        if (p == NULL) {
            return td_err_nomem(err, "channel names");
        }
        out->names = p;
        out->cap = cap;
    }
    memcpy(out->names[out->n], name, len);
    out->names[out->n][len] = '\0';
    out->n++;
    return 0;
}

static int
too_long(const char *tok, size_t len, td_err *err)
{
    return td_err_set(err, TD_ERR_VALUE, "a channel name of '%.*s' is longer than %d bytes",
                      (int)(len > 200 ? 200 : len), tok, TD_CHAN_NAME - 1);
}

/* One item of a bracket list: "7", "1-5" or "1-5:2" into lo, hi, step; 0 or -1. */
static int
parse_range(const char *s, size_t len, long *lo, long *hi, long *step)
{
    char buf[64];
    if (len == 0 || len >= sizeof(buf)) {
        return -1;
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *end;
    *lo = strtol(buf, &end, 10);
    if (end == buf) {
        return -1;
    }
    *hi = *lo;
    *step = 1;
    if (*end == '-') {
        char *b = end + 1;
        *hi = strtol(b, &end, 10);
        if (end == b) {
            return -1;
        }
    }
    if (*end == ':') {
        char *b = end + 1;
        *step = strtol(b, &end, 10);
        if (end == b || *step <= 0) {
            return -1;
        }
    }
    return *end == '\0' && *lo >= 0 && *hi >= 0 && *lo < 100000000 && *hi < 100000000 ? 0 : -1;
}

/* Expands token[at..len) after prefix (plen bytes in buf) recursively. */
static int
expand(const char *tok, size_t len, size_t at, char *buf, size_t plen, td_chan_names *out, td_err *err)
{
    while (at < len && tok[at] != '[') {
        if (plen + 1 >= TD_CHAN_NAME) {
            return too_long(tok, len, err);
        }
        buf[plen++] = tok[at++];
    }
    if (at == len) {
        return push(out, buf, plen, err);
    }
    const char *close = memchr(tok + at, ']', len - at);
    if (close == NULL) {
        return td_err_set(err, TD_ERR_VALUE, "channel name pattern '%.*s' has an unclosed '['", (int)len, tok);
    }
    const char *in = tok + at + 1;
    size_t inlen = (size_t)(close - in), rest = (size_t)(close - tok) + 1;
    if (inlen == 0) {
        return td_err_set(err, TD_ERR_VALUE, "channel name pattern '%.*s' has an empty '[]'", (int)len, tok);
    }
    int letters = 1;
    for (size_t i = 0; i < inlen; i++) {
        letters &= isalpha((unsigned char)in[i]) != 0;
    }
    if (letters) {
        for (size_t i = 0; i < inlen; i++) {
            if (plen + 1 >= TD_CHAN_NAME) {
                return too_long(tok, len, err);
            }
            buf[plen] = in[i];
            if (expand(tok, len, rest, buf, plen + 1, out, err) != 0) {
                return -1;
            }
        }
        return 0;
    }
    for (size_t i = 0; i < inlen;) {
        size_t j = i;
        while (j < inlen && in[j] != ',') {
            j++;
        }
        long lo, hi, step;
        if (parse_range(in + i, j - i, &lo, &hi, &step) != 0) {
            return td_err_set(err, TD_ERR_VALUE, "channel name pattern '%.*s': '%.*s' is not a range like 1-5 or 1-5:2",
                              (int)len, tok, (int)(j - i), in + i);
        }
        long dir = hi >= lo ? 1 : -1;
        for (long v = lo;; v += dir * step) {
            if ((dir > 0 && v > hi) || (dir < 0 && v < hi)) {
                break;
            }
            int w = snprintf(buf + plen, TD_CHAN_NAME - plen, "%ld", v);
            if (w < 0 || plen + (size_t)w >= TD_CHAN_NAME) {
                return too_long(tok, len, err);
            }
            if (expand(tok, len, rest, buf, plen + (size_t)w, out, err) != 0) {
                return -1;
            }
        }
        i = j + 1;
    }
    return 0;
}

int
td_chan_names_expand(const char *pattern, td_chan_names *out, td_err *err)
{
    const char *p = pattern != NULL ? pattern : "";
    while (*p != '\0') {
        while (*p != '\0' && isspace((unsigned char)*p)) {
            p++;
        }
        const char *start = p;
        while (*p != '\0' && !isspace((unsigned char)*p)) {
            p++;
        }
        if (p > start) {
            char buf[TD_CHAN_NAME];
            if (expand(start, (size_t)(p - start), 0, buf, 0, out, err) != 0) {
                return -1;
            }
        }
    }
    return 0;
}

void
td_chan_names_free(td_chan_names *names)
{
    free(names->names);
    names->names = NULL;
    names->n = names->cap = 0;
}
