// The factor models' per-rating kernels (CFModels' dot and dot_bias training passes).
//
// Each performs the IEEE operations of the Swift reference in the same order (a product,
// then a sum; no fused multiply-add), so it changes no bit: the forward sums keep each
// rating's serial chain and only interleave independent chains, and the backward
// scatter is element-wise, which the compiler may vectorise freely.
#include "CFactorKernels.h"

#pragma clang fp contract(off)

/// How many ratings ahead the forward pass prefetches rows.
static const long dots_ahead = 8;

static inline void prefetch_row(const float *row, long width) {
    for (long offset = 0; offset < width; offset += 16) __builtin_prefetch(row + offset, 0, 3);
}

void cf_factor_dots(const float *u, const float *v, const int32_t *users, const int32_t *items, long count,
                    long width, float *x) {
    long r = 0;
    for (; r + 4 <= count; r += 4) {
        for (long ahead = r + dots_ahead; ahead < r + dots_ahead + 4 && ahead < count; ahead++) {
            prefetch_row(u + (long)users[ahead] * width, width);
            prefetch_row(v + (long)items[ahead] * width, width);
        }
        const float *u0 = u + (long)users[r] * width, *v0 = v + (long)items[r] * width;
        const float *u1 = u + (long)users[r + 1] * width, *v1 = v + (long)items[r + 1] * width;
        const float *u2 = u + (long)users[r + 2] * width, *v2 = v + (long)items[r + 2] * width;
        const float *u3 = u + (long)users[r + 3] * width, *v3 = v + (long)items[r + 3] * width;
        float x0 = x[r], x1 = x[r + 1], x2 = x[r + 2], x3 = x[r + 3];
        for (long k = 0; k < width; k++) {
            x0 += u0[k] * v0[k];
            x1 += u1[k] * v1[k];
            x2 += u2[k] * v2[k];
            x3 += u3[k] * v3[k];
        }
        x[r] = x0;
        x[r + 1] = x1;
        x[r + 2] = x2;
        x[r + 3] = x3;
    }
    for (; r < count; r++) {
        const float *ur = u + (long)users[r] * width, *vr = v + (long)items[r] * width;
        float sum = x[r];
        for (long k = 0; k < width; k++) sum += ur[k] * vr[k];
        x[r] = sum;
    }
}

void cf_factor_scatter(float *restrict user_gradient, float *restrict item_gradient, const float *restrict user,
                       const float *restrict item, float scale, long width) {
    for (long k = 0; k < width; k++) {
        user_gradient[k] += scale * item[k];
        item_gradient[k] += scale * user[k];
    }
}
