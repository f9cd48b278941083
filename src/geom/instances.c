/* td_instances. See instances.h. */
#include "geom/instances.h"

#include <stdlib.h>
#include <string.h>

td_instances *
td_instances_new(uint32_t count, int with_color, int with_texcoord, td_err *err)
{
    size_t n = count ? count : 1;
    td_instances *in = calloc(1, sizeof(*in));
    if (in != NULL) {
        in->xform = malloc(n * 16 * sizeof(float));
        in->color = with_color ? calloc(n * 4, sizeof(float)) : NULL;
        in->texcoord = with_texcoord ? calloc(n * 3, sizeof(float)) : NULL;
    }
    if (in == NULL || in->xform == NULL || (with_color && in->color == NULL) ||
        (with_texcoord && in->texcoord == NULL)) {
        if (in != NULL) {
            free(in->xform);
            free(in->color);
            free(in->texcoord);
            free(in);
        }
        td_err_nomem(err, "instances");
        return NULL;
    }
    for (uint32_t i = 0; i < count; i++) {
        float *m = in->xform + (size_t)i * 16;
        memset(m, 0, 16 * sizeof(float));
        m[0] = m[5] = m[10] = m[15] = 1.0f;
    }
    in->count = count;
    atomic_init(&in->refs, 1);
    return in;
}

void
td_instances_incref(td_instances *in)
{
    atomic_fetch_add_explicit(&in->refs, 1, memory_order_relaxed);
}

void
td_instances_decref(td_instances *in)
{
    if (in == NULL || atomic_fetch_sub_explicit(&in->refs, 1, memory_order_acq_rel) != 1) {
        return;
    }
    if (in->gpu != NULL && in->gpu_release != NULL) {
        in->gpu_release(in->gpu);
    }
    free(in->xform);
    free(in->color);
    free(in->texcoord);
    free(in);
}

size_t
td_instances_cpu_bytes(const td_instances *in)
{
    return sizeof(*in) + (size_t)in->count * (16 + (in->color ? 4 : 0) + (in->texcoord ? 3 : 0)) * sizeof(float);
}
