#ifndef CFLAB_CKERNELS_H
#define CFLAB_CKERNELS_H

#include <stdint.h>

#include "CFactorKernels.h"
#include "CLayerKernels.h"
#include "CMemory.h"
#include "CAtomics.h"

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
    /// Non-zero: subnormal inputs and results count as zero for this call (run semantics
    /// 4 on; see `cf_kernel_flushes_subnormals`).
    int flush_subnormals;
} cf_adam_step;

/// The constants of one SGD step (see CFTraining's `SGD`), as Floats.
typedef struct cf_sgd_step {
    float momentum;
    float l2;
    float shrink;
    float learning_rate;
    /// As `cf_adam_step.flush_subnormals`.
    int flush_subnormals;
} cf_sgd_step;

/// Adam on `count` contiguous elements: w, m and v updated in place from g.
void cf_adam_span(float *w, const float *g, float *m, float *v, long count, const cf_adam_step *step);

/// Adam on the listed rows (each `width` elements) of row-major tables, in list order.
/// The gradient of the list's p-th row is at p·width of `g` when `g_by_place` (a block
/// lane's compact gradient), else at its row of the table `g`.
void cf_adam_rows(float *w, const float *g, float *m, float *v, const int32_t *rows, long row_count, long width,
                  int g_by_place, const cf_adam_step *step);

/// SGD on `count` contiguous elements. With `velocity` NULL (momentum 0) it is w ← shrink·w − lr·(g + l2·w).
void cf_sgd_span(float *w, const float *g, float *velocity, long count, const cf_sgd_step *step);

/// SGD on the listed rows (each `width` elements), in list order; `g_by_place` as for Adam.
void cf_sgd_rows(float *w, const float *g, float *velocity, const int32_t *rows, long row_count, long width,
                 int g_by_place, const cf_sgd_step *step);

/// Zeroes the listed rows (each `width` elements) of a row-major table: a batch's touched
/// gradient rows. Vector stores, not a `memset` call per row (a bias row is one float).
void cf_zero_rows(float *table, const int32_t *rows, long row_count, long width);

/// Whether `flush_subnormals` takes effect on this machine: x86-64 (MXCSR's flush-to-zero
/// and denormals-are-zero bits) and arm64 (FPCR.FZ) set the calling thread's mode for the
/// call and restore it after; elsewhere subnormals stay as IEEE 754 has them.
int cf_kernel_flushes_subnormals(void);

/// The instruction set the kernels use on this machine: "avx", "sse2" or "scalar".
/// Every variant gives the same bits (no fused multiply-add, same operation order).
const char *cf_kernel_name(void);

// MARK: catalogue scoring (CScoring.c)

/// Instruction-set levels of the scoring kernels, lowest first. Every level gives the same bits.
#define CF_LEVEL_SCALAR 0
#define CF_LEVEL_SSE2 1
#define CF_LEVEL_AVX 2

/// Items per panel of a packed factor table.
#define CF_PANEL_WIDTH 16

/// The highest level this machine runs: CF_LEVEL_AVX or CF_LEVEL_SSE2 on x86-64 (chosen
/// at run time), CF_LEVEL_SCALAR elsewhere. A kernel asked for a higher level runs at this one.
int cf_kernel_best_level(void);

/// Packs the `row_count` rows of the row-major table `rows` (`width` floats each) into
/// ceil(row_count / 16) panels of 16 rows, k-major: row r's value k goes to
/// panels[(r / 16)·width·16 + k·16 + r % 16]; the lanes past the last row hold 0.
void cf_pack_panels(const float *rows, long row_count, long width, float *panels);

/// Scores `user_count` users against the items of `panel_count` panels: for user u and
/// item i < panel_count·16, x = user_starts[u]; x = x + item_offsets[i] (unless
/// item_offsets is NULL); then x = x + user_rows[u·width + k]·q_i[k] for k = 0, 1, …,
/// width − 1, every product and sum rounded on its own (never fused), in that order.
/// x goes to scores[u·score_stride + i] (score_stride ≥ panel_count·16); item_offsets
/// holds panel_count·16 floats. `level` picks the instruction set (lowered to the best).
void cf_score_catalogue(const float *user_rows, const float *user_starts, long user_count, const float *panels,
                        const float *item_offsets, long panel_count, long width, float *scores, long score_stride,
                        int level);

/// The first index in [start, end) whose score is not below `threshold` (NaN scores
/// pass), or `end` when there is none.
long cf_next_candidate(const float *scores, long start, long end, float threshold, int level);

#endif
