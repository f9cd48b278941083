/* noiseTOP: fractal noise, deterministic for a seed (shaders/noise_top.frag, which gives the
 * formula). */
#include "bind/state.h"
#include "graph/op.h"
#include "ops/image_top.h"
#include "td_shaders.h"

#define NOISETYPE_MENU(M) M(NOISE_RANDOM, "random") M(NOISE_HERMITE, "hermite") M(NOISE_SIMPLEX2D, "simplex2d") \
    M(NOISE_SIMPLEX3D, "simplex3d")
enum { NOISETYPE_MENU(TD_MENU_ID) };
static const char *const noisetype_menu[] = {NOISETYPE_MENU(TD_MENU_TOKEN) NULL};
static const char *const noisetype_labels[] = {"Random (GPU)", "Hermite", "Simplex 2D", "Simplex 3D", NULL};

#define NOISE_PARS(X)                                                                                      \
    X(type, TD_PAR_ML, "Type", "Noise", NOISE_SIMPLEX3D, noisetype_menu, noisetype_labels)                 \
    X(seed, TD_PAR_F, "Seed", "Noise", 1)                                                                  \
    X(period, TD_PAR_F, "Period", "Noise", 1)                                                              \
    X(harmon, TD_PAR_I, "Harmonics", "Noise", 2, 0, 16, TD_PAR_REJECT_MIN | TD_PAR_REJECT_MAX)             \
    X(spread, TD_PAR_F, "Harmonic Spread", "Noise", 2)                                                     \
    X(gain, TD_PAR_F, "Harmonic Gain", "Noise", 0.7)                                                       \
    X(rough, TD_PAR_F, "Roughness", "Noise", 0.5)                                                          \
    X(exp, TD_PAR_FR, "Exponent", "Noise", 1, 0, 10, TD_PAR_REJECT_MIN)                                    \
    X(amp, TD_PAR_F, "Amplitude", "Noise", 0.5)                                                            \
    X(offset, TD_PAR_F, "Offset", "Noise", 0.5)                                                            \
    X(mono, TD_PAR_T, "Monochrome", "Noise", 1)                                                            \
    X(tx, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(ty, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    X(tz, TD_PAR_F, "Translate", "Transform", 0)                                                           \
    TD_TOP_IMAGE_COMMON_PARS(X)
TD_PAR_TABLE(noise_pars, NOISE_PARS);

static const td_block_field noise_block[] = {
    {"translate", 3, PAR_tx}, {"period", 1, PAR_period}, {"seedValue", 1, PAR_seed}, {"harmonics", 1, PAR_harmon},
    {"spread", 1, PAR_spread}, {"gain", 1, PAR_gain},    {"exponent", 1, PAR_exp},   {"amp", 1, PAR_amp},
    {"offset", 1, PAR_offset}};
static const char *const noise_defines[] = {"TD_NOISE_TYPE", "TD_MONO"};
static const Py_ssize_t noise_define_pars[] = {PAR_type, PAR_mono};

static const td_material_program noise_program = {
    .name = "noiseTOP", .fragment = td_shader_noise_top_frag, .fields = noise_block, .nfields = TD_NPARS(noise_block),
    .defines = noise_defines, .ndefines = TD_NPARS(noise_defines)};

static int
noise_fill(TdOp *top, td_image_build *b)
{
    if (b->vals->v[PAR_period].num == 0.0) {
        return td_image_top_error(top, "period must not be 0");
    }
    return 0;
}

static const td_image_top_class noise_proto = {
    .top = TD_IMAGE_TOP_PROTO, .program = &noise_program, .defines = noise_define_pars, .fill = noise_fill};

static PyType_Slot noise_slots[] = {
    {Py_tp_doc, "noiseTOP: fractal noise, the same image for the same parameters and seed.\n\n"
                "A pixel's point is p = ((its centre - the image's centre) / the image's height + (tx, ty)) /\n"
                "period, with z = tz / period; octave k = 0 .. harmon samples the type at p * spread^k,\n"
                "weighted gain^k; their weighted mean f (-1..1) gives offset + amp * sign(f) |f|^exp in\n"
                "each colour channel (seeds seed, seed + 1, seed + 2; all seed with mono), alpha 1. type:\n"
                "'random' (a value per pixel, uniform), 'hermite' (value noise), 'simplex2d',\n"
                "'simplex3d' (the default here). These are td_render's own noises: the same kinds as\n"
                "TouchDesigner's, not its exact values. Defaults that TouchDesigner does not document are\n"
                "ours. Stored only: rough. Not offered yet: sparse, harmonic sum, brownian, alligator and\n"
                "4D types, the rotate / scale / pivot of the Transform page, the alpha options."},
    {0, NULL},
};

static PyType_Spec noise_spec = {
    .name = "td_render.noiseTOP",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = noise_slots,
};

const td_op_class td_class_noiseTOP = {
    .optype = "noiseTOP", .family = "TOP", .label = "Noise", .base_name = "noise", .subtype = "",
    .base = TD_BASE_TOP, .spec = &noise_spec, .pars = noise_pars, .npars = PAR_COUNT,
    .min_inputs = 0, .max_inputs = 1, .release = td_top_release, .proto = &noise_proto,
    .cook = td_top_cook_hook,
};
