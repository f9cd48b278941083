/* noiseCHOP: channels of deterministic fractal noise (util/noise.h gives the formula), sampled
 * along the x axis of the noise space over the Channel page's interval, or at the points its input
 * gives. */
#include <math.h>
#include <string.h>

#include "bind/state.h"
#include "chan/names.h"
#include "graph/op.h"
#include "ops/noise_pars.h"
#include "ops/chop.h"

#define UNIT_MENU(M) M(UNIT_SAMPLES, "samples") M(UNIT_FRAMES, "frames") M(UNIT_SECONDS, "seconds")
enum { UNIT_MENU(TD_MENU_ID) };
static const char *const unit_menu[] = {UNIT_MENU(TD_MENU_TOKEN) NULL};
static const char *const unit_labels[] = {"Samples", "Frames", "Seconds", NULL};


#define NOISE_PARS(X)                                                                                      \
    TD_NOISE_FRACTAL_PARS(X)                                                                               \
    X(tx, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(ty, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(tz, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(channelname, TD_PAR_S, "Channel Name", "Channel", "chan1")                                           \
    X(start, TD_PAR_F, "Start", "Channel", 0)                                                              \
    X(startunit, TD_PAR_ML, "Start Unit", "Channel", UNIT_FRAMES, unit_menu, unit_labels)                  \
    X(end, TD_PAR_F, "End", "Channel", 599)                                                                \
    X(endunit, TD_PAR_ML, "End Unit", "Channel", UNIT_FRAMES, unit_menu, unit_labels)                      \
    X(rate, TD_PAR_FR, "Sample Rate", "Channel", 60, 0.001, 1000000, TD_PAR_REJECT_MIN)
TD_PAR_TABLE(noise_pars, NOISE_PARS);

/* A position of the Channel page in samples: samples as they are, frames at the project's 60
 * frames a second (td_render's cook rate default), seconds times the rate. */
static double
in_samples(double v, int unit, double rate)
{
    return unit == UNIT_SAMPLES ? v : unit == UNIT_SECONDS ? v * rate : v / 60.0 * rate;
}

static int
noise_build(const td_values *vals, td_chans *const *inputs, int ninputs, double frame, td_chans **out, td_err *err)
{
    (void)frame;
    const td_par_value *v = vals->v;
    double period = v[PAR_period].num, rate = v[PAR_rate].num;
    if (period == 0.0 || !isfinite(period)) {
        return td_err_set(err, TD_ERR_VALUE, "period must be a number other than 0");
    }
    td_chan_names names = {0};
    if (td_chan_names_expand(td_values_str(vals, PAR_channelname), &names, err) != 0) {
        return -1;
    }
    double first, count;
    const td_chans *in = ninputs > 0 ? inputs[0] : NULL;
    if (in != NULL) {
        first = in->start;
        count = in->nsamples;
        rate = in->rate;
    }
    else {
        first = floor(in_samples(v[PAR_start].num, (int)v[PAR_startunit].num, rate) + 0.5);
        double last = floor(in_samples(v[PAR_end].num, (int)v[PAR_endunit].num, rate) + 0.5);
        count = last - first + 1.0;
        if (!(count >= 1.0)) {
            td_chan_names_free(&names);
            return td_err_set(err, TD_ERR_VALUE, "end (%g) is before start (%g)", v[PAR_end].num, v[PAR_start].num);
        }
    }
    if (!(count <= TD_CHOP_MAX_SAMPLES) || (double)names.n * count > TD_CHOP_MAX_TOTAL) {
        td_chan_names_free(&names);
        return td_err_set(err, TD_ERR_VALUE, "%u channels of %.0f samples are too many (at most %u samples, %u in all)",
                          names.n, count, TD_CHOP_MAX_SAMPLES, TD_CHOP_MAX_TOTAL);
    }
    td_chans *c = td_chans_new(names.n, (uint32_t)count, err);
    if (c == NULL) {
        td_chan_names_free(&names);
        return -1;
    }
    c->rate = rate;
    c->start = first;
    td_noise_desc d = {.kind = (td_noise_kind)v[PAR_type].num, .harmonics = (int)v[PAR_harmon].num,
                       .spread = v[PAR_spread].num, .gain = v[PAR_gain].num, .exponent = v[PAR_exp].num};
    double amp = v[PAR_amp].num, offset = v[PAR_offset].num;
    for (uint32_t ch = 0; ch < names.n; ch++) {
        memcpy(c->names[ch], names.names[ch], TD_CHAN_NAME);
        d.seed = td_noise_seed(v[PAR_seed].num) + ch * 0x9e3779b9u; /* each channel its own noise */
        float *s = td_chans_samples(c, ch);
        for (uint32_t k = 0; k < c->nsamples; k++) {
            double q[3] = {0, 0, 0};
            if (in != NULL) {
                for (uint32_t a = 0; a < 3 && a < in->nchans; a++) {
                    q[a] = td_chans_samples(in, a)[k];
                }
            }
            else {
                q[0] = (first + k) / rate;
            }
            double p[3] = {(q[0] + v[PAR_tx].num) / period, (q[1] + v[PAR_ty].num) / period,
                           (q[2] + v[PAR_tz].num) / period};
            s[k] = td_to_float(offset + amp * td_noise_fractal(&d, p));
        }
    }
    td_chan_names_free(&names);
    *out = c;
    return 0;
}

static const td_chop_class noise_proto = {.build = noise_build};

static PyType_Slot noise_slots[] = {
    {Py_tp_doc, "noiseCHOP: channels of fractal noise, the same values for the same parameters and seed.\n\n"
                "Sample index i (start .. end, in samples: Start / End in their units, frames at 60 a\n"
                "second) is the point p = ((i / rate, 0, 0) + (tx, ty, tz)) / period of the noise space;\n"
                "with an input, sample k is the point (its channels 0, 1, 2 at k + t) / period and the\n"
                "CHOP takes the input's length, start and rate. Octave k = 0 .. harmon samples the type at\n"
                "p * spread^k weighted gain^k; their weighted mean f (clamped to -1..1) gives\n"
                "offset + amp * sign(f) |f|^exp, so every sample lies within amp of offset. Each channel\n"
                "of channelname (a pattern: t[xyz] gives tx ty tz) has its own noise. The noises are\n"
                "td_render's own of TouchDesigner's kinds (util/noise.h), not its exact values;\n"
                "the defaults of harmon, spread, gain, rough, exp, end and the units are ours (the\n"
                "documentation gives none). Stored only: rough. Not offered yet: time slicing (the\n"
                "CHOP always makes the whole interval), the Transform page's rotate / scale, the\n"
                "constraint options, extend conditions."},
    {0, NULL},
};

static PyType_Spec noise_spec = {
    .name = "td_render.noiseCHOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = noise_slots,
};

const td_op_class td_class_noiseCHOP = {
    .optype = "noiseCHOP", .family = "CHOP", .label = "Noise", .base_name = "noise", .subtype = "",
    .base = TD_BASE_CHOP, .spec = &noise_spec, .pars = noise_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_chop_release, .cook = td_chop_cook, .proto = &noise_proto,
};
