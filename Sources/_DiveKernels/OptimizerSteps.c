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
    for (size_t i = 0; i < n; i++) {
        float g = gradient[i] + coupledDecay * weights[i];
        float m = beta1 * mean[i] + (1 - beta1) * g;
        float v = beta2 * squares[i] + (1 - beta2) * g * g;
        mean[i] = m;
        squares[i] = v;
        weights[i] = weights[i] * shrink - stepSize * m / (__builtin_elementwise_sqrt(v) * inverseCorrection + epsilon);
    }
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
