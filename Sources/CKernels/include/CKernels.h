#ifndef CFLAB_CKERNELS_H
#define CFLAB_CKERNELS_H

#include <stdint.h>

#include "CFactorKernels.h"

/// The constants of one Adam step (see CFTraining's `Adam` for the rule), as Floats.
typedef struct cf_adam_step {
    float beta1;
    float one_minus_beta1;
    float beta2;
    float one_minus_beta2;
    float l2;
    float shrink;
    float step_size;
    float inverse_root_correction2;
    float epsilon;
} cf_adam_step;

/// The constants of one SGD step (see CFTraining's `SGD`), as Floats.
typedef struct cf_sgd_step {
    float momentum;
    float l2;
    float shrink;
    float learning_rate;
} cf_sgd_step;

/// Adam on `count` contiguous elements: w, m and v updated in place from g.
void cf_adam_span(float *w, const float *g, float *m, float *v, long count, const cf_adam_step *step);

/// Adam on the listed rows (each `width` elements) of row-major tables, in list order.
void cf_adam_rows(float *w, const float *g, float *m, float *v, const int32_t *rows, long row_count, long width,
                  const cf_adam_step *step);

/// SGD on `count` contiguous elements. With `velocity` NULL (momentum 0) it is w ← shrink·w − lr·(g + l2·w).
void cf_sgd_span(float *w, const float *g, float *velocity, long count, const cf_sgd_step *step);

/// SGD on the listed rows (each `width` elements), in list order.
void cf_sgd_rows(float *w, const float *g, float *velocity, const int32_t *rows, long row_count, long width,
                 const cf_sgd_step *step);

/// The instruction set the kernels use on this machine: "avx", "sse2" or "scalar".
/// Every variant gives the same bits (no fused multiply-add, same operation order).
const char *cf_kernel_name(void);

#endif
