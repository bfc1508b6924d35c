// Loops that Swift does not compile well, as C that clang vectorises: optimizer steps (Swift's
// square root keeps C's errno semantics and does not vectorise), the batch gather, and matrix
// products too small in one dimension for BLAS to be efficient. Each has a Swift wrapper in
// DiveCore or DiveData, tested against the composite it replaces.
//
// On x86-64 every kernel is built three times, for the baseline processor, for AVX2 + FMA and for
// AVX-512, and the best build the processor takes runs. `NAME_portable` is the baseline build, for
// tests.
#ifndef DIVE_KERNELS_H
#define DIVE_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#define DIVE_DECLARE(name, parameters) void name parameters; void name##_portable parameters;

/// One Adam step over n elements, in place: see `Tensor.adamStep` for the formula. Both builds
/// give the same bits.
DIVE_DECLARE(dive_adam_step,
             (float *restrict weights, float *restrict mean, float *restrict squares, const float *restrict gradient,
              size_t n, float beta1, float beta2, float stepSize, float correction, float epsilon,
              float coupledDecay, float shrink))

/// One SGD step over n elements, in place: see `Tensor.sgdStep` for the formula. `buffer` is the
/// momentum buffer (NULL without momentum); `first` says it has not been filled yet. Both builds
/// give the same bits.
DIVE_DECLARE(dive_sgd_step,
             (float *restrict weights, float *restrict buffer, const float *restrict gradient, size_t n,
              float learningRate, float momentum, int nesterov, float weightDecay, int first))

/// `output[r][j] = source[rows[r]][j] / divisor` for `count` rows of `rowLength` bytes.
DIVE_DECLARE(dive_gather_bytes,
             (float *restrict output, const uint8_t *restrict source, const ptrdiff_t *restrict rows, size_t count,
              size_t rowLength, float divisor))

/// Row-major `C = A · Bᵀ` (m × n, A m × k, B n × k) for small n; adds to C when `accumulate`.
DIVE_DECLARE(dive_sgemm_nt_small_n,
             (size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b, size_t ldb, float *c,
              size_t ldc, int accumulate))

/// Row-major `C = Aᵀ · B` (m × n, A k × m, B k × n) for small m; adds to C when `accumulate`.
DIVE_DECLARE(dive_sgemm_tn_small_m,
             (size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b, size_t ldb, float *c,
              size_t ldc, int accumulate))

/// Row-major `C = A · B` (m × n, A m × k, B k × n) for small k; adds to C when `accumulate`.
DIVE_DECLARE(dive_sgemm_nn_small_k,
             (size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b, size_t ldb, float *c,
              size_t ldc, int accumulate))

/// `C[r][j] = relu?(C[r][j] + bias[j])` for m rows of n; `bias` may be NULL, `relu` is 0 or 1.
DIVE_DECLARE(dive_bias_relu, (float *c, size_t m, size_t n, size_t ldc, const float *bias, int relu))

#undef DIVE_DECLARE

/// The build of the kernels above that runs on this processor: "avx512", "avx2" or "portable".
const char *dive_kernels_build(void);

/// A task of `dive_parallel_for`: `function(context, index)`.
typedef void (*dive_task_function)(void *context, long index);

/// Runs `function(context, i)` for every i in 0..<tasks, on the calling thread and up to
/// `threads - 1` of the pool's workers, and returns when all have finished. Which thread runs a
/// task varies; what each task computes must depend on its index alone. Runs the tasks inline, one
/// after another, when there is one task or thread, when called from inside a task, and when
/// another thread's job is running. Workers start on first use and wait, spinning briefly and then
/// asleep, for the next job (ThreadPool.c).
void dive_parallel_for(long tasks, int threads, dive_task_function function, void *context);

#endif
