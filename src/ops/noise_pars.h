/* The Noise page noiseCHOP and noiseSOP share: the type menu (util/noise.h's kinds, in order) and
 * the fractal's parameters, one X-macro list each table splices in. */
#ifndef TD_OPS_NOISE_PARS_H
#define TD_OPS_NOISE_PARS_H

#include "graph/pardef.h"
#include "util/noise.h"

#define TD_NOISETYPE_MENU(M)                                                                               \
    M(NTYPE_SPARSE, "sparse") M(NTYPE_HERMITE, "hermite") M(NTYPE_HARMONIC, "harmonic")                    \
    M(NTYPE_BROWNIAN, "brownian") M(NTYPE_RANDOM, "random") M(NTYPE_ALLIGATOR, "alligator")
enum { TD_NOISETYPE_MENU(TD_MENU_ID) };
static const char *const td_noisetype_menu[] = {TD_NOISETYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const td_noisetype_labels[] = {"Sparse", "Hermite", "Harmonic Summation", "Brownian", "Random",
                                                  "Alligator", NULL};
_Static_assert((int)NTYPE_ALLIGATOR == (int)TD_NOISE_ALLIGATOR && (int)NTYPE_RANDOM == (int)TD_NOISE_RANDOM,
               "the menu is util/noise.h's kinds in order");

/* type, seed, period, harmon, spread, gain, rough (stored only), exp, amp, offset. */
#define TD_NOISE_FRACTAL_PARS(X)                                                                           \
    X(type, TD_PAR_ML, "Type", "Noise", NTYPE_SPARSE, td_noisetype_menu, td_noisetype_labels)              \
    X(seed, TD_PAR_F, "Seed", "Noise", 1)                                                                  \
    X(period, TD_PAR_F, "Period", "Noise", 1)                                                              \
    X(harmon, TD_PAR_I, "Harmonics", "Noise", 2, 0, 32, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)             \
    X(spread, TD_PAR_F, "Harmonic Spread", "Noise", 2)                                                     \
    X(gain, TD_PAR_F, "Harmonic Gain", "Noise", 0.7)                                                       \
    X(rough, TD_PAR_F, "Roughness", "Noise", 0.5)                                                          \
    X(exp, TD_PAR_FR, "Exponent", "Noise", 1, 0, 10, TD_PAR_REJECT_MIN)                                    \
    X(amp, TD_PAR_F, "Amplitude", "Noise", 1)                                                              \
    X(offset, TD_PAR_F, "Offset", "Noise", 0)

#endif
