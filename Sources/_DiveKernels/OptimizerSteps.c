#include "DiveKernels.h"
#include "BuildChoice.h"

// Contraction into FMA is off here, so the AVX2 and portable builds round every operation the
// same way and give the same bits.
#pragma clang fp contract(off)

DIVE_INLINE void dive_adam_step_body(float *restrict weights, float *restrict mean, float *restrict squares,
                                     const float *restrict gradient, size_t n, float beta1, float beta2,
                                     float stepSize, float correction, float epsilon, float coupledDecay,
                                     float shrink) {
    // One division per element, not two: √v / c is computed as √v · (1 / c).
    float inverseCorrection = 1 / correction;
#if defined(__x86_64__)
    // Denormal numbers read and written as 0 (MXCSR's DAZ and FTZ bits), for this loop only. The
    // mean of a weight whose gradient is mostly 0 (an image's always-dark border pixel) decays by
    // beta1 each step into the denormal range, where every operation on it takes a slow microcode
    // path. Values below 1.2e-38 then count as 0; the result is as deterministic as before.
    unsigned int csr = __builtin_ia32_stmxcsr();
    __builtin_ia32_ldmxcsr(csr | 0x8040);
#endif
    for (size_t i = 0; i < n; i++) {
        float g = gradient[i] + coupledDecay * weights[i];
        float m = beta1 * mean[i] + (1 - beta1) * g;
        float v = beta2 * squares[i] + (1 - beta2) * g * g;
        mean[i] = m;
        squares[i] = v;
        weights[i] = weights[i] * shrink - stepSize * m / (__builtin_elementwise_sqrt(v) * inverseCorrection + epsilon);
    }
#if defined(__x86_64__)
    __builtin_ia32_ldmxcsr(csr);
#endif
}

DIVE_KERNEL(dive_adam_step,
            (float *restrict weights, float *restrict mean, float *restrict squares, const float *restrict gradient,
             size_t n, float beta1, float beta2, float stepSize, float correction, float epsilon,
             float coupledDecay, float shrink),
            (weights, mean, squares, gradient, n, beta1, beta2, stepSize, correction, epsilon, coupledDecay, shrink))

DIVE_INLINE void dive_sgd_step_body(float *restrict weights, float *restrict buffer, const float *restrict gradient,
                                    size_t n, float learningRate, float momentum, int nesterov, float weightDecay,
                                    int first) {
    if (buffer == NULL) {
        for (size_t i = 0; i < n; i++) weights[i] -= learningRate * (gradient[i] + weightDecay * weights[i]);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        float d = gradient[i] + weightDecay * weights[i];
        float b = first ? d : momentum * buffer[i] + d;
        buffer[i] = b;
        weights[i] -= learningRate * (nesterov ? d + momentum * b : b);
    }
}

DIVE_KERNEL(dive_sgd_step,
            (float *restrict weights, float *restrict buffer, const float *restrict gradient, size_t n,
             float learningRate, float momentum, int nesterov, float weightDecay, int first),
            (weights, buffer, gradient, n, learningRate, momentum, nesterov, weightDecay, first))
