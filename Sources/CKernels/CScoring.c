// Catalogue scoring: a block of users against every item of a factor model, for ranking.
//
// Each (user, item) score is the very sequence of single-precision operations the models'
// scalar `predict` performs: x = start, then x = x + offset, then x = x + p[k]·q[k] for
// k = 0, 1, …, width − 1, each product rounded before its sum (no fused multiply-add) and
// the sums in k order. The vector paths give every item its own lane and never combine
// lanes, so the scalar, SSE2 and AVX paths give the same bits as the Swift loop.
//
// The items are packed into panels of CF_PANEL_WIDTH items, k-major inside a panel
// (item i's factor k at panels[(i / 16)·width·16 + k·16 + i % 16]), so contiguous loads
// fetch factor k of 16 items, and one loaded panel row serves several users (register
// blocking: up to 6 users × 16 items per inner loop). Panels are visited in tiles small
// enough to stay in the L2 cache while every user of the block passes over them.
#include "CKernels.h"

#include <stddef.h>

#pragma clang fp contract(off)
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__)
#include <immintrin.h>
#define CF_X86 1
#endif

// MARK: dispatch

#if CF_X86
static int cf_best_level = -1;

__attribute__((constructor))
static void cf_detect_level(void) {
    __builtin_cpu_init();
    cf_best_level = __builtin_cpu_supports("avx") ? CF_LEVEL_AVX : CF_LEVEL_SSE2;
}

int cf_kernel_best_level(void) {
    if (cf_best_level < 0) cf_detect_level();
    return cf_best_level;
}
#else
int cf_kernel_best_level(void) { return CF_LEVEL_SCALAR; }
#endif

/// `level`, lowered to what this machine can run.
static inline int usable_level(int level) {
    int best = cf_kernel_best_level();
    if (level < CF_LEVEL_SCALAR) return CF_LEVEL_SCALAR;
    return level > best ? best : level;
}

// MARK: packing

void cf_pack_panels(const float *rows, long row_count, long width, float *panels) {
    const long lanes = CF_PANEL_WIDTH;
    long panel_count = (row_count + lanes - 1) / lanes;
    for (long panel = 0; panel < panel_count; panel++) {
        float *target = panels + panel * width * lanes;
        for (long lane = 0; lane < lanes; lane++) {
            long row = panel * lanes + lane;
            const float *source = rows + row * width;
            for (long k = 0; k < width; k++) target[k * lanes + lane] = row < row_count ? source[k] : 0.0f;
        }
    }
}

// MARK: scalar (the reference, and every machine without SSE2)

/// One user against one panel: 16 lanes, each its own chain of operations.
static void panel1_scalar(const float *row, long width, float start, const float *panel, const float *offsets, float *out) {
    float acc[CF_PANEL_WIDTH];
    for (int lane = 0; lane < CF_PANEL_WIDTH; lane++) acc[lane] = offsets ? start + offsets[lane] : start;
    for (long k = 0; k < width; k++) {
        const float p = row[k];
        const float *q = panel + k * CF_PANEL_WIDTH;
        for (int lane = 0; lane < CF_PANEL_WIDTH; lane++) {
            const float product = p * q[lane];
            acc[lane] = acc[lane] + product;
        }
    }
    for (int lane = 0; lane < CF_PANEL_WIDTH; lane++) out[lane] = acc[lane];
}

#if CF_X86
// MARK: SSE2 (every x86-64): 4 users × 8 items, twice per panel

static void half4_sse2(const float *rows, long width, const float *starts, const float *panel, const float *offsets,
                       float *out, long stride) {
    __m128 a00, a01, a10, a11, a20, a21, a30, a31;
    const __m128 s0 = _mm_set1_ps(starts[0]), s1 = _mm_set1_ps(starts[1]);
    const __m128 s2 = _mm_set1_ps(starts[2]), s3 = _mm_set1_ps(starts[3]);
    if (offsets) {
        const __m128 o0 = _mm_loadu_ps(offsets), o1 = _mm_loadu_ps(offsets + 4);
        a00 = _mm_add_ps(s0, o0); a01 = _mm_add_ps(s0, o1);
        a10 = _mm_add_ps(s1, o0); a11 = _mm_add_ps(s1, o1);
        a20 = _mm_add_ps(s2, o0); a21 = _mm_add_ps(s2, o1);
        a30 = _mm_add_ps(s3, o0); a31 = _mm_add_ps(s3, o1);
    } else {
        a00 = a01 = s0; a10 = a11 = s1; a20 = a21 = s2; a30 = a31 = s3;
    }
    const float *r0 = rows, *r1 = rows + width, *r2 = rows + 2 * width, *r3 = rows + 3 * width;
    for (long k = 0; k < width; k++) {
        const __m128 q0 = _mm_loadu_ps(panel + k * CF_PANEL_WIDTH), q1 = _mm_loadu_ps(panel + k * CF_PANEL_WIDTH + 4);
        __m128 p = _mm_set1_ps(r0[k]);
        a00 = _mm_add_ps(a00, _mm_mul_ps(p, q0)); a01 = _mm_add_ps(a01, _mm_mul_ps(p, q1));
        p = _mm_set1_ps(r1[k]);
        a10 = _mm_add_ps(a10, _mm_mul_ps(p, q0)); a11 = _mm_add_ps(a11, _mm_mul_ps(p, q1));
        p = _mm_set1_ps(r2[k]);
        a20 = _mm_add_ps(a20, _mm_mul_ps(p, q0)); a21 = _mm_add_ps(a21, _mm_mul_ps(p, q1));
        p = _mm_set1_ps(r3[k]);
        a30 = _mm_add_ps(a30, _mm_mul_ps(p, q0)); a31 = _mm_add_ps(a31, _mm_mul_ps(p, q1));
    }
    _mm_storeu_ps(out, a00); _mm_storeu_ps(out + 4, a01);
    _mm_storeu_ps(out + stride, a10); _mm_storeu_ps(out + stride + 4, a11);
    _mm_storeu_ps(out + 2 * stride, a20); _mm_storeu_ps(out + 2 * stride + 4, a21);
    _mm_storeu_ps(out + 3 * stride, a30); _mm_storeu_ps(out + 3 * stride + 4, a31);
}

static void panel4_sse2(const float *rows, long width, const float *starts, const float *panel, const float *offsets,
                        float *out, long stride) {
    half4_sse2(rows, width, starts, panel, offsets, out, stride);
    half4_sse2(rows, width, starts, panel + 8, offsets ? offsets + 8 : NULL, out + 8, stride);
}

static void panel1_sse2(const float *row, long width, float start, const float *panel, const float *offsets, float *out) {
    const __m128 s = _mm_set1_ps(start);
    __m128 a0 = s, a1 = s, a2 = s, a3 = s;
    if (offsets) {
        a0 = _mm_add_ps(s, _mm_loadu_ps(offsets)); a1 = _mm_add_ps(s, _mm_loadu_ps(offsets + 4));
        a2 = _mm_add_ps(s, _mm_loadu_ps(offsets + 8)); a3 = _mm_add_ps(s, _mm_loadu_ps(offsets + 12));
    }
    for (long k = 0; k < width; k++) {
        const float *q = panel + k * CF_PANEL_WIDTH;
        const __m128 p = _mm_set1_ps(row[k]);
        a0 = _mm_add_ps(a0, _mm_mul_ps(p, _mm_loadu_ps(q))); a1 = _mm_add_ps(a1, _mm_mul_ps(p, _mm_loadu_ps(q + 4)));
        a2 = _mm_add_ps(a2, _mm_mul_ps(p, _mm_loadu_ps(q + 8))); a3 = _mm_add_ps(a3, _mm_mul_ps(p, _mm_loadu_ps(q + 12)));
    }
    _mm_storeu_ps(out, a0); _mm_storeu_ps(out + 4, a1); _mm_storeu_ps(out + 8, a2); _mm_storeu_ps(out + 12, a3);
}

// MARK: AVX (chosen at run time): 6, 4 or 1 users × 16 items

__attribute__((target("avx")))
static void panel4_avx(const float *rows, long width, const float *starts, const float *panel, const float *offsets,
                       float *out, long stride) {
    __m256 a00, a01, a10, a11, a20, a21, a30, a31;
    const __m256 s0 = _mm256_set1_ps(starts[0]), s1 = _mm256_set1_ps(starts[1]);
    const __m256 s2 = _mm256_set1_ps(starts[2]), s3 = _mm256_set1_ps(starts[3]);
    if (offsets) {
        const __m256 o0 = _mm256_loadu_ps(offsets), o1 = _mm256_loadu_ps(offsets + 8);
        a00 = _mm256_add_ps(s0, o0); a01 = _mm256_add_ps(s0, o1);
        a10 = _mm256_add_ps(s1, o0); a11 = _mm256_add_ps(s1, o1);
        a20 = _mm256_add_ps(s2, o0); a21 = _mm256_add_ps(s2, o1);
        a30 = _mm256_add_ps(s3, o0); a31 = _mm256_add_ps(s3, o1);
    } else {
        a00 = a01 = s0; a10 = a11 = s1; a20 = a21 = s2; a30 = a31 = s3;
    }
    const float *r0 = rows, *r1 = rows + width, *r2 = rows + 2 * width, *r3 = rows + 3 * width;
    for (long k = 0; k < width; k++) {
        const __m256 q0 = _mm256_loadu_ps(panel + k * CF_PANEL_WIDTH), q1 = _mm256_loadu_ps(panel + k * CF_PANEL_WIDTH + 8);
        __m256 p = _mm256_broadcast_ss(r0 + k);
        a00 = _mm256_add_ps(a00, _mm256_mul_ps(p, q0)); a01 = _mm256_add_ps(a01, _mm256_mul_ps(p, q1));
        p = _mm256_broadcast_ss(r1 + k);
        a10 = _mm256_add_ps(a10, _mm256_mul_ps(p, q0)); a11 = _mm256_add_ps(a11, _mm256_mul_ps(p, q1));
        p = _mm256_broadcast_ss(r2 + k);
        a20 = _mm256_add_ps(a20, _mm256_mul_ps(p, q0)); a21 = _mm256_add_ps(a21, _mm256_mul_ps(p, q1));
        p = _mm256_broadcast_ss(r3 + k);
        a30 = _mm256_add_ps(a30, _mm256_mul_ps(p, q0)); a31 = _mm256_add_ps(a31, _mm256_mul_ps(p, q1));
    }
    _mm256_storeu_ps(out, a00); _mm256_storeu_ps(out + 8, a01);
    _mm256_storeu_ps(out + stride, a10); _mm256_storeu_ps(out + stride + 8, a11);
    _mm256_storeu_ps(out + 2 * stride, a20); _mm256_storeu_ps(out + 2 * stride + 8, a21);
    _mm256_storeu_ps(out + 3 * stride, a30); _mm256_storeu_ps(out + 3 * stride + 8, a31);
}

/// Six users × 16 items: twelve accumulators, so a loaded panel row serves more products.
__attribute__((target("avx")))
static void panel6_avx(const float *rows, long width, const float *starts, const float *panel, const float *offsets,
                       float *out, long stride) {
    __m256 acc[6][2];
    for (int user = 0; user < 6; user++) {
        const __m256 start = _mm256_set1_ps(starts[user]);
        if (offsets) {
            acc[user][0] = _mm256_add_ps(start, _mm256_loadu_ps(offsets));
            acc[user][1] = _mm256_add_ps(start, _mm256_loadu_ps(offsets + 8));
        } else {
            acc[user][0] = acc[user][1] = start;
        }
    }
    for (long k = 0; k < width; k++) {
        const __m256 q0 = _mm256_loadu_ps(panel + k * CF_PANEL_WIDTH), q1 = _mm256_loadu_ps(panel + k * CF_PANEL_WIDTH + 8);
        for (int user = 0; user < 6; user++) {
            const __m256 p = _mm256_broadcast_ss(rows + user * width + k);
            acc[user][0] = _mm256_add_ps(acc[user][0], _mm256_mul_ps(p, q0));
            acc[user][1] = _mm256_add_ps(acc[user][1], _mm256_mul_ps(p, q1));
        }
    }
    for (int user = 0; user < 6; user++) {
        _mm256_storeu_ps(out + user * stride, acc[user][0]);
        _mm256_storeu_ps(out + user * stride + 8, acc[user][1]);
    }
}

__attribute__((target("avx")))
static void panel1_avx(const float *row, long width, float start, const float *panel, const float *offsets, float *out) {
    const __m256 s = _mm256_set1_ps(start);
    __m256 a0 = s, a1 = s;
    if (offsets) {
        a0 = _mm256_add_ps(s, _mm256_loadu_ps(offsets));
        a1 = _mm256_add_ps(s, _mm256_loadu_ps(offsets + 8));
    }
    for (long k = 0; k < width; k++) {
        const float *q = panel + k * CF_PANEL_WIDTH;
        const __m256 p = _mm256_broadcast_ss(row + k);
        a0 = _mm256_add_ps(a0, _mm256_mul_ps(p, _mm256_loadu_ps(q)));
        a1 = _mm256_add_ps(a1, _mm256_mul_ps(p, _mm256_loadu_ps(q + 8)));
    }
    _mm256_storeu_ps(out, a0);
    _mm256_storeu_ps(out + 8, a1);
}
#endif

// MARK: the block loop

/// Panels per tile: about 96 KiB of packed factors, so a tile stays in L2 while the
/// block's users pass over it.
static inline long tile_panels(long width) {
    long bytes = width * CF_PANEL_WIDTH * (long)sizeof(float);
    long panels = (96 * 1024) / (bytes > 0 ? bytes : 1);
    return panels > 0 ? panels : 1;
}

void cf_score_catalogue(const float *user_rows, const float *user_starts, long user_count, const float *panels,
                        const float *item_offsets, long panel_count, long width, float *scores, long score_stride,
                        int level) {
    if (user_count <= 0 || panel_count <= 0) return;
    level = usable_level(level);
    const long panel_size = width * CF_PANEL_WIDTH;
    const long tile = tile_panels(width);
    for (long first = 0; first < panel_count; first += tile) {
        const long last = first + tile < panel_count ? first + tile : panel_count;
        long user = 0;
#if CF_X86
        for (; user + 6 <= user_count && level == CF_LEVEL_AVX; user += 6) {
            const float *rows = user_rows + user * width;
            for (long panel = first; panel < last; panel++) {
                const float *offsets = item_offsets ? item_offsets + panel * CF_PANEL_WIDTH : NULL;
                float *out = scores + user * score_stride + panel * CF_PANEL_WIDTH;
                if (panel + 1 < last) __builtin_prefetch(panels + (panel + 1) * panel_size, 0, 3);
                panel6_avx(rows, width, user_starts + user, panels + panel * panel_size, offsets, out, score_stride);
            }
        }
#endif
        for (; user + 4 <= user_count && level > CF_LEVEL_SCALAR; user += 4) {
            const float *rows = user_rows + user * width;
            for (long panel = first; panel < last; panel++) {
                const float *offsets = item_offsets ? item_offsets + panel * CF_PANEL_WIDTH : NULL;
                float *out = scores + user * score_stride + panel * CF_PANEL_WIDTH;
                if (panel + 1 < last) __builtin_prefetch(panels + (panel + 1) * panel_size, 0, 3);
#if CF_X86
                if (level == CF_LEVEL_AVX) panel4_avx(rows, width, user_starts + user, panels + panel * panel_size, offsets, out, score_stride);
                else panel4_sse2(rows, width, user_starts + user, panels + panel * panel_size, offsets, out, score_stride);
#endif
            }
        }
        for (; user < user_count; user++) {
            const float *row = user_rows + user * width;
            for (long panel = first; panel < last; panel++) {
                const float *offsets = item_offsets ? item_offsets + panel * CF_PANEL_WIDTH : NULL;
                float *out = scores + user * score_stride + panel * CF_PANEL_WIDTH;
                const float *packed = panels + panel * panel_size;
#if CF_X86
                if (level == CF_LEVEL_AVX) { panel1_avx(row, width, user_starts[user], packed, offsets, out); continue; }
                if (level == CF_LEVEL_SSE2) { panel1_sse2(row, width, user_starts[user], packed, offsets, out); continue; }
#endif
                panel1_scalar(row, width, user_starts[user], packed, offsets, out);
            }
        }
    }
}

// MARK: candidate scan

long cf_next_candidate(const float *scores, long start, long end, float threshold, int level) {
    long index = start;
#if CF_X86
    // A lane passes when !(score < threshold): ≥ the threshold, or NaN (the unordered compare).
    if (usable_level(level) >= CF_LEVEL_SSE2) {
        const __m128 bound = _mm_set1_ps(threshold);
        for (; index + 8 <= end; index += 8) {
            const __m128 low = _mm_cmplt_ps(_mm_loadu_ps(scores + index), bound);
            const __m128 high = _mm_cmplt_ps(_mm_loadu_ps(scores + index + 4), bound);
            const int below = _mm_movemask_ps(low) | (_mm_movemask_ps(high) << 4);
            if (below != 0xFF) return index + __builtin_ctz(~below & 0xFF);
        }
    }
#else
    (void)level;
#endif
    for (; index < end; index++) {
        if (!(scores[index] < threshold)) return index;
    }
    return end;
}
