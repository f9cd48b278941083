/* td_scene. See scene.h. */
#include "gpu/scene.h"

#include <stdlib.h>
#include <string.h>

#include "gpu/target.h"
#include "image/pixels.h"

td_scene *
td_scene_new(size_t max_lights, size_t max_draws)
{
    td_scene *s = calloc(1, sizeof(*s));
    if (s == NULL) {
        return NULL;
    }
    s->lights = calloc(max_lights ? max_lights : 1, sizeof(*s->lights));
    s->draws = calloc(max_draws ? max_draws : 1, sizeof(*s->draws));
    if (s->lights == NULL || s->draws == NULL) {
        free(s->lights);
        free(s->draws);
        free(s);
        return NULL;
    }
    atomic_init(&s->refs, 1);
    return s;
}

void
td_scene_incref(td_scene *s)
{
    atomic_fetch_add_explicit(&s->refs, 1, memory_order_relaxed);
}

void
td_scene_clear_draws(td_scene *s)
{
    for (size_t i = 0; i < s->ndraws; i++) {
        td_mesh_decref(s->draws[i].mesh);
        td_instances_decref(s->draws[i].instances);
        td_gl_source_decref(s->draws[i].material.source);
    }
    s->ndraws = 0;
}

void
td_scene_decref(td_scene *s)
{
    if (s == NULL || atomic_fetch_sub_explicit(&s->refs, 1, memory_order_acq_rel) != 1) {
        return;
    }
    td_scene_clear_draws(s);
    td_gl_target_release(s->input);
    for (int k = 0; k < s->nprojmaps; k++) {
        td_gl_target_release(s->projmaps[k]);
    }
    for (int k = 0; k < s->ntextures; k++) {
        td_gl_target_release(s->textures[k]);
    }
    td_pixels_decref(s->pixels);
    td_gl_source_decref(s->image_source);
    for (int k = 0; k < s->nenvlights; k++) {
        td_gl_target_release(s->envmaps[k]);
    }
    free(s->lights);
    free(s->draws);
    free(s);
}

int
td_scene_equal(const td_scene *a, const td_scene *b)
{
    if (a == NULL || b == NULL) {
        return 0;
    }
    if (memcmp((const char *)a + TD_SCENE_VALUES, (const char *)b + TD_SCENE_VALUES,
               sizeof(td_scene) - TD_SCENE_VALUES) != 0) {
        return 0; /* includes the counts */
    }
    if (a->nlights && memcmp(a->lights, b->lights, a->nlights * sizeof(*a->lights)) != 0) {
        return 0;
    }
    /* Draws are built field by field from zeroed memory, so memcmp compares values; a replacement
     * source is compared by identity (each snapshot holding it keeps it alive). */
    return a->ndraws == 0 || memcmp(a->draws, b->draws, a->ndraws * sizeof(*a->draws)) == 0;
}
