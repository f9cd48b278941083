/* Material blocks. See material.h. */
#include "gpu/material.h"

#include <stdio.h>
#include <string.h>

/* std140: float aligns to 4 bytes, vec2 to 8, vec3 and vec4 to 16. */
static size_t
align_of(int components)
{
    return components == 1 ? 4 : components == 2 ? 8 : 16;
}

size_t
td_block_offset(const td_block_field *fields, size_t i)
{
    size_t off = 0;
    for (size_t k = 0; k <= i; k++) {
        size_t a = align_of(fields[k].components);
        off = (off + a - 1) / a * a;
        if (k < i) {
            off += (size_t)fields[k].components * 4;
        }
    }
    return off;
}

size_t
td_block_size(const td_block_field *fields, size_t n)
{
    if (n == 0) {
        return 16;
    }
    size_t end = td_block_offset(fields, n - 1) + (size_t)fields[n - 1].components * 4;
    return (end + 15) / 16 * 16;
}

size_t
td_block_declaration(const td_block_field *fields, size_t n, char *buf, size_t cap)
{
    static const char *const types[] = {"", "float", "vec2", "vec3", "vec4"};
    size_t len = (size_t)snprintf(buf, cap, "layout(std140, binding = %d) uniform TDMaterial {\n", TD_BLOCK_MATERIAL);
    if (n == 0 && len < cap) {
        len += (size_t)snprintf(buf + len, cap - len, "    float tdUnused;\n");
    }
    for (size_t i = 0; i < n && len < cap; i++) {
        len += (size_t)snprintf(buf + len, cap - len, "    %s %s;\n", types[fields[i].components], fields[i].name);
    }
    if (len < cap) {
        len += (size_t)snprintf(buf + len, cap - len, "};\n");
    }
    return len;
}

unsigned
td_block_switches(const td_material_program *prog, const float *block)
{
    unsigned bits = 0;
    for (size_t i = 0; i < prog->nswitches && i < 32; i++) {
        const td_block_switch *sw = &prog->switches[i];
        size_t at = 0;
        while (at < prog->nfields && strcmp(prog->fields[at].name, sw->field) != 0) {
            at++;
        }
        if (at == prog->nfields) {
            continue; /* names no field: never on (tests/test_phong_lobes.py exercises every switch) */
        }
        const td_block_field *f = &prog->fields[at];
        const float *v = block + td_block_offset(prog->fields, at) / sizeof(float);
        int nonzero = 0;
        for (int k = 0; k < f->components; k++) {
            nonzero |= v[k] != 0.0f;
        }
        if (nonzero != (sw->when_zero != 0)) {
            bits |= 1u << i;
        }
    }
    return bits;
}
