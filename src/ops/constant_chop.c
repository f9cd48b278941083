/* constantCHOP: constant-valued channels, one sample each, named and valued by the Constant page
 * (TouchDesigner's sequence `const`: const0name, const0value, const1name ...). */
#include <stdlib.h>
#include <string.h>

#include "bind/state.h"
#include "chan/names.h"
#include "graph/op.h"
#include "ops/chop.h"
#include "util/noise.h"

/* TouchDesigner's sequence as a fixed block of 40 (the most its Constant CHOP held before the
 * sequence); the first name defaults to "chan1" as TouchDesigner's does. */
#define CONST_BLOCK(X, n)                                                                                  \
    X(const##n##name, TD_PAR_S, "Name", "Constant", n == 0 ? "chan1" : "")                                 \
    X(const##n##value, TD_PAR_F, "Value", "Constant", 0)
#define BLOCKS10(X, d)                                                                                     \
    CONST_BLOCK(X, d##0) CONST_BLOCK(X, d##1) CONST_BLOCK(X, d##2) CONST_BLOCK(X, d##3) CONST_BLOCK(X, d##4) \
    CONST_BLOCK(X, d##5) CONST_BLOCK(X, d##6) CONST_BLOCK(X, d##7) CONST_BLOCK(X, d##8) CONST_BLOCK(X, d##9)
#define CONSTANT_PARS(X)                                                                                   \
    CONST_BLOCK(X, 0) CONST_BLOCK(X, 1) CONST_BLOCK(X, 2) CONST_BLOCK(X, 3) CONST_BLOCK(X, 4)             \
    CONST_BLOCK(X, 5) CONST_BLOCK(X, 6) CONST_BLOCK(X, 7) CONST_BLOCK(X, 8) CONST_BLOCK(X, 9)             \
    BLOCKS10(X, 1) BLOCKS10(X, 2) BLOCKS10(X, 3)
TD_PAR_TABLE(constant_pars, CONSTANT_PARS);

#define NCONSTS 40
#define STRIDE (PAR_const1name - PAR_const0name)
_Static_assert(PAR_COUNT == NCONSTS * STRIDE, "40 blocks of name and value");

/* Each non-empty name (a pattern: t[xyz] gives tx ty tz) makes channels of its value; a name
 * repeated later replaces the earlier channel's value. */
static int
constant_build(const td_values *vals, td_chans *const *inputs, int ninputs, double frame, td_chans **out, td_err *err)
{
    (void)inputs;
    (void)ninputs;
    (void)frame;
    td_chan_names names = {0};
    float *values = NULL;
    uint32_t nvalues = 0;
    int rc = -1;
    for (int k = 0; k < NCONSTS; k++) {
        uint32_t before = names.n;
        if (td_chan_names_expand(td_values_str(vals, PAR_const0name + k * STRIDE), &names, err) != 0) {
            goto done;
        }
        float *grown = realloc(values, (size_t)(names.n ? names.n : 1) * sizeof(float));
        if (grown == NULL) {
            td_err_nomem(err, "constant values");
            goto done;
        }
        values = grown;
        for (uint32_t i = before; i < names.n; i++) {
            values[i] = td_to_float(vals->v[PAR_const0value + k * STRIDE].num);
        }
        nvalues = names.n;
    }
    /* one channel per distinct name, in first-appearance order, with its last value */
    uint32_t n = 0;
    for (uint32_t i = 0; i < nvalues; i++) {
        uint32_t j = 0;
        while (j < n && strcmp(names.names[j], names.names[i]) != 0) {
            j++;
        }
        if (j == n) {
            memmove(names.names[n], names.names[i], TD_CHAN_NAME);
            n++;
        }
        values[j] = values[i];
    }
    td_chans *c = td_chans_new(n, 1, err);
    if (c == NULL) {
        goto done;
    }
    for (uint32_t i = 0; i < n; i++) {
        memcpy(c->names[i], names.names[i], TD_CHAN_NAME);
        td_chans_samples(c, i)[0] = values[i];
    }
    *out = c;
    rc = 0;
done:
    free(values);
    td_chan_names_free(&names);
    return rc;
}

static const td_chop_class constant_proto = {.build = constant_build};

static PyType_Slot constant_slots[] = {
    {Py_tp_doc, "constantCHOP: channels of constant values, one sample each (start 0, rate 60).\n\n"
                "Each non-empty constNname makes a channel valued constNvalue; a name may be a pattern\n"
                "(t[xyz] gives tx ty tz, chan[1-4] chan1 .. chan4, c[1-5:2] c1 c3 c5), and a name given\n"
                "again takes the later value. TouchDesigner's sequence of name/value pairs is a fixed\n"
                "block of 40 here (const0 .. const39). Not offered yet: the Channel page (an interval\n"
                "longer than one sample), the Snap page and the inputs."},
    {0, NULL},
};

static PyType_Spec constant_spec = {
    .name = "td_render.constantCHOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = constant_slots,
};

const td_op_class td_class_constantCHOP = {
    .optype = "constantCHOP", .family = "CHOP", .label = "Constant", .base_name = "constant", .subtype = "",
    .base = TD_BASE_CHOP, .spec = &constant_spec, .pars = constant_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 0, .release = td_chop_release, .cook = td_chop_cook, .proto = &constant_proto,
};
