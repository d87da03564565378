// Optimiser kernels: the element-wise update rules of CFTraining's Adam and SGD, vectorised.
//
// Every variant performs the same IEEE operations in the same order as the Swift
// reference (a product, then a sum; no fused multiply-add; correctly rounded sqrt and
// division), so the scalar, SSE2 and AVX paths give bit-identical results. The AVX path
// is compiled with a target attribute and chosen at run time, so the default build runs
// on any x86-64 and builds on arm64.
#include "CKernels.h"
#include "CPUFeatures.h"

#include <math.h>
#include <stddef.h>

#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <immintrin.h>
#define CF_X86 1
#endif

// MARK: scalar reference (tails, and machines without SSE2)

static inline void adam_scalar(float *w, const float *g, float *m, float *v, long count, const cf_adam_step *s) {
    for (long k = 0; k < count; k++) {
        float gradient = g[k] + s->l2 * w[k];
        m[k] = s->beta1 * m[k] + s->one_minus_beta1 * gradient;
        v[k] = s->beta2 * v[k] + s->one_minus_beta2 * gradient * gradient;
        float denominator = sqrtf(v[k]) * s->inverse_root_correction2 + s->epsilon;
        w[k] = s->shrink * w[k] - s->step_size * m[k] / denominator;
    }
}

static inline void sgd_scalar(float *w, const float *g, float *velocity, long count, const cf_sgd_step *s) {
    if (velocity) {
        for (long k = 0; k < count; k++) {
            float gradient = g[k] + s->l2 * w[k];
            velocity[k] = s->momentum * velocity[k] + gradient;
            w[k] = s->shrink * w[k] - s->learning_rate * velocity[k];
        }
    } else {
        for (long k = 0; k < count; k++) {
            float gradient = g[k] + s->l2 * w[k];
            w[k] = s->shrink * w[k] - s->learning_rate * gradient;
        }
    }
}

#if CF_X86
// MARK: SSE2 (every x86-64)

static void adam_sse2(float *w, const float *g, float *m, float *v, long count, const cf_adam_step *s) {
    const __m128 beta1 = _mm_set1_ps(s->beta1), oneMinusBeta1 = _mm_set1_ps(s->one_minus_beta1);
    const __m128 beta2 = _mm_set1_ps(s->beta2), oneMinusBeta2 = _mm_set1_ps(s->one_minus_beta2);
    const __m128 l2 = _mm_set1_ps(s->l2), shrink = _mm_set1_ps(s->shrink), stepSize = _mm_set1_ps(s->step_size);
    const __m128 inverse = _mm_set1_ps(s->inverse_root_correction2), epsilon = _mm_set1_ps(s->epsilon);
    long k = 0;
    for (; k + 4 <= count; k += 4) {
        __m128 weight = _mm_loadu_ps(w + k);
        __m128 gradient = _mm_add_ps(_mm_loadu_ps(g + k), _mm_mul_ps(l2, weight));
        __m128 first = _mm_add_ps(_mm_mul_ps(beta1, _mm_loadu_ps(m + k)), _mm_mul_ps(oneMinusBeta1, gradient));
        __m128 second = _mm_add_ps(_mm_mul_ps(beta2, _mm_loadu_ps(v + k)), _mm_mul_ps(_mm_mul_ps(oneMinusBeta2, gradient), gradient));
        __m128 denominator = _mm_add_ps(_mm_mul_ps(_mm_sqrt_ps(second), inverse), epsilon);
        _mm_storeu_ps(m + k, first);
        _mm_storeu_ps(v + k, second);
        _mm_storeu_ps(w + k, _mm_sub_ps(_mm_mul_ps(shrink, weight), _mm_div_ps(_mm_mul_ps(stepSize, first), denominator)));
    }
    adam_scalar(w + k, g + k, m + k, v + k, count - k, s);
}

static void sgd_sse2(float *w, const float *g, float *velocity, long count, const cf_sgd_step *s) {
    const __m128 momentum = _mm_set1_ps(s->momentum), l2 = _mm_set1_ps(s->l2);
    const __m128 shrink = _mm_set1_ps(s->shrink), rate = _mm_set1_ps(s->learning_rate);
    long k = 0;
    for (; k + 4 <= count; k += 4) {
        __m128 weight = _mm_loadu_ps(w + k);
        __m128 gradient = _mm_add_ps(_mm_loadu_ps(g + k), _mm_mul_ps(l2, weight));
        if (velocity) {
            gradient = _mm_add_ps(_mm_mul_ps(momentum, _mm_loadu_ps(velocity + k)), gradient);
            _mm_storeu_ps(velocity + k, gradient);
        }
        _mm_storeu_ps(w + k, _mm_sub_ps(_mm_mul_ps(shrink, weight), _mm_mul_ps(rate, gradient)));
    }
    sgd_scalar(w + k, g + k, velocity ? velocity + k : NULL, count - k, s);
}

// MARK: AVX (chosen at run time)

__attribute__((target("avx")))
static void adam_avx(float *w, const float *g, float *m, float *v, long count, const cf_adam_step *s) {
    const __m256 beta1 = _mm256_set1_ps(s->beta1), oneMinusBeta1 = _mm256_set1_ps(s->one_minus_beta1);
    const __m256 beta2 = _mm256_set1_ps(s->beta2), oneMinusBeta2 = _mm256_set1_ps(s->one_minus_beta2);
    const __m256 l2 = _mm256_set1_ps(s->l2), shrink = _mm256_set1_ps(s->shrink), stepSize = _mm256_set1_ps(s->step_size);
    const __m256 inverse = _mm256_set1_ps(s->inverse_root_correction2), epsilon = _mm256_set1_ps(s->epsilon);
    long k = 0;
    for (; k + 8 <= count; k += 8) {
        __m256 weight = _mm256_loadu_ps(w + k);
        __m256 gradient = _mm256_add_ps(_mm256_loadu_ps(g + k), _mm256_mul_ps(l2, weight));
        __m256 first = _mm256_add_ps(_mm256_mul_ps(beta1, _mm256_loadu_ps(m + k)), _mm256_mul_ps(oneMinusBeta1, gradient));
        __m256 second = _mm256_add_ps(_mm256_mul_ps(beta2, _mm256_loadu_ps(v + k)),
                                      _mm256_mul_ps(_mm256_mul_ps(oneMinusBeta2, gradient), gradient));
        __m256 denominator = _mm256_add_ps(_mm256_mul_ps(_mm256_sqrt_ps(second), inverse), epsilon);
        _mm256_storeu_ps(m + k, first);
        _mm256_storeu_ps(v + k, second);
        _mm256_storeu_ps(w + k, _mm256_sub_ps(_mm256_mul_ps(shrink, weight),
                                              _mm256_div_ps(_mm256_mul_ps(stepSize, first), denominator)));
    }
    adam_sse2(w + k, g + k, m + k, v + k, count - k, s);
}

__attribute__((target("avx")))
static void sgd_avx(float *w, const float *g, float *velocity, long count, const cf_sgd_step *s) {
    const __m256 momentum = _mm256_set1_ps(s->momentum), l2 = _mm256_set1_ps(s->l2);
    const __m256 shrink = _mm256_set1_ps(s->shrink), rate = _mm256_set1_ps(s->learning_rate);
    long k = 0;
    for (; k + 8 <= count; k += 8) {
        __m256 weight = _mm256_loadu_ps(w + k);
        __m256 gradient = _mm256_add_ps(_mm256_loadu_ps(g + k), _mm256_mul_ps(l2, weight));
        if (velocity) {
            gradient = _mm256_add_ps(_mm256_mul_ps(momentum, _mm256_loadu_ps(velocity + k)), gradient);
            _mm256_storeu_ps(velocity + k, gradient);
        }
        _mm256_storeu_ps(w + k, _mm256_sub_ps(_mm256_mul_ps(shrink, weight), _mm256_mul_ps(rate, gradient)));
    }
    sgd_sse2(w + k, g + k, velocity ? velocity + k : NULL, count - k, s);
}

int cf_has_avx = -1;

__attribute__((constructor))
static void cf_detect(void) {
    __builtin_cpu_init();
    cf_has_avx = __builtin_cpu_supports("avx") ? 1 : 0;
}

static inline void adam_span(float *w, const float *g, float *m, float *v, long count, const cf_adam_step *s) {
    if (cf_has_avx == 1) adam_avx(w, g, m, v, count, s); else adam_sse2(w, g, m, v, count, s);
}

static inline void sgd_span(float *w, const float *g, float *velocity, long count, const cf_sgd_step *s) {
    if (cf_has_avx == 1) sgd_avx(w, g, velocity, count, s); else sgd_sse2(w, g, velocity, count, s);
}

const char *cf_kernel_name(void) { return cf_has_avx == 1 ? "avx" : "sse2"; }

#else

static inline void adam_span(float *w, const float *g, float *m, float *v, long count, const cf_adam_step *s) {
    adam_scalar(w, g, m, v, count, s);
}

static inline void sgd_span(float *w, const float *g, float *velocity, long count, const cf_sgd_step *s) {
    sgd_scalar(w, g, velocity, count, s);
}

const char *cf_kernel_name(void) { return "scalar"; }

#endif

// MARK: subnormals
//
// A moment of an element whose gradient is zero (a dead unit's weights, an untouched row of
// a dense update) decays by β each step, down through the subnormal range, and on x86 each
// operation on a subnormal takes a microcode assist of about a hundred cycles. With
// `flush_subnormals` the entry points below run with subnormal inputs and results as zero,
// in the calling thread only and for the call only.

#if defined(__x86_64__)
typedef unsigned int cf_fp_mode;
static inline cf_fp_mode cf_flush_begin(int flush) {
    cf_fp_mode saved = _mm_getcsr();
    if (flush) _mm_setcsr(saved | 0x8040);  // FTZ (bit 15) and DAZ (bit 6)
    return saved;
}
static inline void cf_flush_end(int flush, cf_fp_mode saved) {
    if (flush) _mm_setcsr(saved);
}
int cf_kernel_flushes_subnormals(void) { return 1; }
#elif defined(__aarch64__)
typedef unsigned long cf_fp_mode;
static inline cf_fp_mode cf_flush_begin(int flush) {
    cf_fp_mode saved;
    __asm__ volatile("mrs %0, fpcr" : "=r"(saved));
    if (flush) __asm__ volatile("msr fpcr, %0" : : "r"(saved | (1UL << 24)));  // FZ
    return saved;
}
static inline void cf_flush_end(int flush, cf_fp_mode saved) {
    if (flush) __asm__ volatile("msr fpcr, %0" : : "r"(saved));
}
int cf_kernel_flushes_subnormals(void) { return 1; }
#else
typedef int cf_fp_mode;
static inline cf_fp_mode cf_flush_begin(int flush) { (void)flush; return 0; }
static inline void cf_flush_end(int flush, cf_fp_mode saved) { (void)flush; (void)saved; }
int cf_kernel_flushes_subnormals(void) { return 0; }
#endif

// MARK: entry points

/// Prefetches `width` floats of row `row` of `table` for writing, one cache line at a time.
static inline void prefetch_row(const float *table, int32_t row, long width) {
    if (!table) return;
    const float *start = table + (long)row * width;
    for (long offset = 0; offset < width; offset += 16) __builtin_prefetch(start + offset, 1, 3);
}

void cf_adam_span(float *w, const float *g, float *m, float *v, long count, const cf_adam_step *step) {
    if (count <= 0) return;
    cf_fp_mode saved = cf_flush_begin(step->flush_subnormals);
    adam_span(w, g, m, v, count, step);
    cf_flush_end(step->flush_subnormals, saved);
}

void cf_adam_rows(float *w, const float *g, float *m, float *v, const int32_t *rows, long row_count, long width,
                  int g_by_place, const cf_adam_step *step) {
    cf_fp_mode saved = cf_flush_begin(step->flush_subnormals);
    // Touched rows are scattered: fetching a few rows ahead hides the memory latency.
    const long ahead = 4;
    for (long index = 0; index < row_count; index++) {
        if (index + ahead < row_count) {
            int32_t next = rows[index + ahead];
            prefetch_row(w, next, width);
            if (!g_by_place) prefetch_row(g, next, width);
            prefetch_row(m, next, width);
            prefetch_row(v, next, width);
        }
        long start = (long)rows[index] * width;
        adam_span(w + start, g + (g_by_place ? index * width : start), m + start, v + start, width, step);
    }
    cf_flush_end(step->flush_subnormals, saved);
}

void cf_sgd_span(float *w, const float *g, float *velocity, long count, const cf_sgd_step *step) {
    if (count <= 0) return;
    cf_fp_mode saved = cf_flush_begin(step->flush_subnormals);
    sgd_span(w, g, velocity, count, step);
    cf_flush_end(step->flush_subnormals, saved);
}

void cf_sgd_rows(float *w, const float *g, float *velocity, const int32_t *rows, long row_count, long width,
                 int g_by_place, const cf_sgd_step *step) {
    cf_fp_mode saved = cf_flush_begin(step->flush_subnormals);
    if (width == 1 && !velocity) {
        // Bias rows: one element each, so no per-row call (the same operations as sgd_scalar).
        for (long index = 0; index < row_count; index++) {
            long row = rows[index];
            float gradient = g[g_by_place ? index : row] + step->l2 * w[row];
            w[row] = step->shrink * w[row] - step->learning_rate * gradient;
        }
        cf_flush_end(step->flush_subnormals, saved);
        return;
    }
    const long ahead = 4;
    for (long index = 0; index < row_count; index++) {
        if (index + ahead < row_count) {
            int32_t next = rows[index + ahead];
            prefetch_row(w, next, width);
            if (!g_by_place) prefetch_row(g, next, width);
            prefetch_row(velocity, next, width);
        }
        long start = (long)rows[index] * width;
        sgd_span(w + start, g + (g_by_place ? index * width : start), velocity ? velocity + start : NULL, width, step);
    }
    cf_flush_end(step->flush_subnormals, saved);
}

// `no_builtin`: the compiler would otherwise turn each row's stores back into a memset call.
__attribute__((no_builtin("memset")))
void cf_zero_rows(float *table, const int32_t *rows, long row_count, long width) {
    if (width == 1) {
        for (long index = 0; index < row_count; index++) table[rows[index]] = 0;
        return;
    }
    for (long index = 0; index < row_count; index++) {
        float *start = table + (long)rows[index] * width;
        for (long k = 0; k < width; k++) start[k] = 0;
    }
}
