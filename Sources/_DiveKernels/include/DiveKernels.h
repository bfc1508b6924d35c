// Loops that Swift cannot vectorise: Swift's square root keeps C's errno semantics, which turns
// every call into a branch and a possible library call. These C loops use clang's elementwise
// square root (no errno) and `restrict` pointers, so clang vectorises them. Each has a Swift
// wrapper in DiveCore next to the composite formula it replaces. On x86-64 each loop also has an
// AVX2 + FMA build, used when the processor has those, with the same results bit for bit.
#ifndef DIVE_KERNELS_H
#define DIVE_KERNELS_H

#include <stddef.h>

/// One Adam step over n elements, in place: see `Tensor.adamStep` for the formula.
void dive_adam_step(float *restrict weights, float *restrict mean, float *restrict squares,
                    const float *restrict gradient, size_t n, float beta1, float beta2,
                    float stepSize, float correction, float epsilon, float coupledDecay, float shrink);

/// One SGD step over n elements, in place: see `Tensor.sgdStep` for the formula. `buffer` is the
/// momentum buffer (NULL without momentum); `first` says it has not been filled yet.
void dive_sgd_step(float *restrict weights, float *restrict buffer, const float *restrict gradient,
                   size_t n, float learningRate, float momentum, int nesterov, float weightDecay, int first);

/// The same loops built for the baseline processor only, whatever this one has; for the tests
/// that check both builds agree.
void dive_adam_step_portable(float *restrict weights, float *restrict mean, float *restrict squares,
                             const float *restrict gradient, size_t n, float beta1, float beta2,
                             float stepSize, float correction, float epsilon, float coupledDecay, float shrink);
void dive_sgd_step_portable(float *restrict weights, float *restrict buffer, const float *restrict gradient,
                            size_t n, float learningRate, float momentum, int nesterov, float weightDecay, int first);

#endif
