/* Sample conversions for the encoders: IEEE half <-> float, and rows of any td_sample_type to the
 * 8-bit, 16-bit, half and float samples a file format stores. Plain C, no GL, no Python.
 *
 * Rules, the same for every format:
 *   - integers widen exactly: u8 -> u16 is v * 257, u8 / u16 -> float is v / 255 or v / 65535;
 *   - integers narrow with rounding: u16 -> u8 is round(v / 257);
 *   - floats become integers by clamping to [0, 1] (NaN -> 0), scaling by 255 or 65535 and rounding
 *     to nearest;
 *   - float -> half rounds to nearest even, overflows to infinity, keeps NaN and subnormals. */
#ifndef TD_IMAGE_SAMPLE_H
#define TD_IMAGE_SAMPLE_H

#include <stddef.h>
#include <stdint.h>

#include "image/image.h"

float td_half_to_float(uint16_t h);
uint16_t td_float_to_half(float f);

/* n samples of type src_type at src (any alignment for the 1-byte type, natural alignment otherwise)
 * into dst. Sources and destinations never overlap. */
void td_sample_to_u8(const void *src, td_sample_type src_type, size_t n, uint8_t *dst);
void td_sample_to_u16(const void *src, td_sample_type src_type, size_t n, uint16_t *dst);
void td_sample_to_f16(const void *src, td_sample_type src_type, size_t n, uint16_t *dst);
void td_sample_to_f32(const void *src, td_sample_type src_type, size_t n, float *dst);

#endif
