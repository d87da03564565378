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

static void dots_scalar(const float *u, const float *v, const int32_t *users, const int32_t *items, long count,
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

#if defined(__x86_64__)
#include <immintrin.h>
#include "CPUFeatures.h"

/// `dots_scalar` for eight ratings at a time, one per lane: the products of each
/// rating's rows are taken eight factors at a time, the eight product vectors transposed
/// so that one vector holds the k-th product of all eight ratings, and that vector added
/// to the eight sums, for k = 0, 1, ... in order. Each lane is one rating's chain with the
/// scalar loop's operations in its order (a product rounded, then a sum), so every sum
/// has its bits.
__attribute__((target("avx")))
static void dots_avx(const float *u, const float *v, const int32_t *users, const int32_t *items, long count, long width,
                     float *x) {
    long r = 0;
    for (; r + 8 <= count; r += 8) {
        for (long ahead = r + 2 * 8; ahead < r + 3 * 8 && ahead < count; ahead++) {
            prefetch_row(u + (long)users[ahead] * width, width);
            prefetch_row(v + (long)items[ahead] * width, width);
        }
        const float *p[8], *q[8];
        for (int j = 0; j < 8; j++) {
            p[j] = u + (long)users[r + j] * width;
            q[j] = v + (long)items[r + j] * width;
        }
        __m256 sums = _mm256_loadu_ps(x + r);
        long k = 0;
        for (; k + 8 <= width; k += 8) {
            __m256 m0 = _mm256_mul_ps(_mm256_loadu_ps(p[0] + k), _mm256_loadu_ps(q[0] + k));
            __m256 m1 = _mm256_mul_ps(_mm256_loadu_ps(p[1] + k), _mm256_loadu_ps(q[1] + k));
            __m256 m2 = _mm256_mul_ps(_mm256_loadu_ps(p[2] + k), _mm256_loadu_ps(q[2] + k));
            __m256 m3 = _mm256_mul_ps(_mm256_loadu_ps(p[3] + k), _mm256_loadu_ps(q[3] + k));
            __m256 m4 = _mm256_mul_ps(_mm256_loadu_ps(p[4] + k), _mm256_loadu_ps(q[4] + k));
            __m256 m5 = _mm256_mul_ps(_mm256_loadu_ps(p[5] + k), _mm256_loadu_ps(q[5] + k));
            __m256 m6 = _mm256_mul_ps(_mm256_loadu_ps(p[6] + k), _mm256_loadu_ps(q[6] + k));
            __m256 m7 = _mm256_mul_ps(_mm256_loadu_ps(p[7] + k), _mm256_loadu_ps(q[7] + k));
            // Transpose: lane j of c_i is rating j's product i.
            __m256 t0 = _mm256_unpacklo_ps(m0, m1), t1 = _mm256_unpackhi_ps(m0, m1);
            __m256 t2 = _mm256_unpacklo_ps(m2, m3), t3 = _mm256_unpackhi_ps(m2, m3);
            __m256 t4 = _mm256_unpacklo_ps(m4, m5), t5 = _mm256_unpackhi_ps(m4, m5);
            __m256 t6 = _mm256_unpacklo_ps(m6, m7), t7 = _mm256_unpackhi_ps(m6, m7);
            __m256 s0 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(1, 0, 1, 0));
            __m256 s1 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(3, 2, 3, 2));
            __m256 s2 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(1, 0, 1, 0));
            __m256 s3 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(3, 2, 3, 2));
            __m256 s4 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(1, 0, 1, 0));
            __m256 s5 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(3, 2, 3, 2));
            __m256 s6 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(1, 0, 1, 0));
            __m256 s7 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(3, 2, 3, 2));
            sums = _mm256_add_ps(sums, _mm256_permute2f128_ps(s0, s4, 0x20));
            sums = _mm256_add_ps(sums, _mm256_permute2f128_ps(s1, s5, 0x20));
            sums = _mm256_add_ps(sums, _mm256_permute2f128_ps(s2, s6, 0x20));
            sums = _mm256_add_ps(sums, _mm256_permute2f128_ps(s3, s7, 0x20));
            sums = _mm256_add_ps(sums, _mm256_permute2f128_ps(s0, s4, 0x31));
            sums = _mm256_add_ps(sums, _mm256_permute2f128_ps(s1, s5, 0x31));
            sums = _mm256_add_ps(sums, _mm256_permute2f128_ps(s2, s6, 0x31));
            sums = _mm256_add_ps(sums, _mm256_permute2f128_ps(s3, s7, 0x31));
        }
        for (; k < width; k++) {
            __m256 products = _mm256_setr_ps(p[0][k] * q[0][k], p[1][k] * q[1][k], p[2][k] * q[2][k], p[3][k] * q[3][k],
                                             p[4][k] * q[4][k], p[5][k] * q[5][k], p[6][k] * q[6][k], p[7][k] * q[7][k]);
            sums = _mm256_add_ps(sums, products);
        }
        _mm256_storeu_ps(x + r, sums);
    }
    if (r < count) dots_scalar(u, v, users + r, items + r, count - r, width, x + r);
}
#endif

void cf_factor_dots(const float *u, const float *v, const int32_t *users, const int32_t *items, long count,
                    long width, float *x) {
#if defined(__x86_64__)
    if (cf_has_avx == 1) {
        dots_avx(u, v, users, items, count, width, x);
        return;
    }
#endif
    dots_scalar(u, v, users, items, count, width, x);
}

/// The scalar kernel, whatever the CPU offers (tests compare the two).
void cf_factor_dots_scalar(const float *u, const float *v, const int32_t *users, const int32_t *items, long count,
                           long width, float *x) {
    dots_scalar(u, v, users, items, count, width, x);
}

void cf_factor_scatter(float *restrict user_gradient, float *restrict item_gradient, const float *restrict user,
                       const float *restrict item, float scale, long width) {
    for (long k = 0; k < width; k++) {
        user_gradient[k] += scale * item[k];
        item_gradient[k] += scale * user[k];
    }
}
