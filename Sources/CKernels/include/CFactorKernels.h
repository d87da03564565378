#ifndef CFLAB_CFACTORKERNELS_H
#define CFLAB_CFACTORKERNELS_H

#include <stdint.h>

/// Adds to each x[r] the dot product of user row users[r] of `u` and item row items[r] of
/// `v` (rows of `width` floats), one product at a time in increasing column order: the
/// sum `x += u[k] * v[k]` of the Swift reference, each rating's chain exactly as there.
/// On a CPU with AVX, eight ratings' chains run in the lanes of one vector (each lane the
/// scalar chain); otherwise four run side by side. Either way their additions overlap
/// instead of waiting on each other, and the rows of ratings ahead are prefetched.
void cf_factor_dots(const float *u, const float *v, const int32_t *users, const int32_t *items, long count,
                    long width, float *x);

/// `cf_factor_dots` on the scalar path whatever the CPU offers (the reference the vector
/// path is tested against).
void cf_factor_dots_scalar(const float *u, const float *v, const int32_t *users, const int32_t *items, long count,
                           long width, float *x);

/// The backward scatter of one rating: user_gradient[k] += scale * item[k] and
/// item_gradient[k] += scale * user[k] for k < width (each a product, then a sum).
void cf_factor_scatter(float *user_gradient, float *item_gradient, const float *user, const float *item, float scale,
                       long width);

#endif
