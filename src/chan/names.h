/* Channel name patterns (TouchDesigner's Pattern Expansion in a CHOP's name parameters): names
 * separated by spaces, each with any number of bracket groups, expanded left to right:
 *   t[xyz]        tx ty tz                 (letters: one name per letter)
 *   chan[1-3]     chan1 chan2 chan3        (a range of integers)
 *   c[1-5:2]      c1 c3 c5                 (a range with a step)
 *   b[1,4,7-8]    b1 b4 b7 b8              (a list of integers and ranges)
 *   geo[1-2]:t[xy] geo1:tx geo1:ty geo2:tx geo2:ty
 * Plain C. */
#ifndef TD_CHAN_NAMES_H
#define TD_CHAN_NAMES_H

#include <stdint.h>

#include "chan/chans.h"
#include "util/err.h"

/* The most names one pattern may expand to. */
#define TD_CHAN_NAMES_MAX 65536

typedef struct td_chan_names {
    uint32_t n, cap;
    char (*names)[TD_CHAN_NAME];
} td_chan_names;

/* Appends the names pattern expands to (none for an empty or blank pattern) to out; 0, or -1 with
 * err filled (an unclosed or empty bracket, a bad range, a name of TD_CHAN_NAME bytes or more,
 * more than TD_CHAN_NAMES_MAX names, no memory). */
int td_chan_names_expand(const char *pattern, td_chan_names *out, td_err *err);
void td_chan_names_free(td_chan_names *names);

#endif
