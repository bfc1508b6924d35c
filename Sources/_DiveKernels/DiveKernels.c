#include "DiveKernels.h"

// Each loop is written once, as an always-inline body, and compiled twice on x86-64: for the
// baseline (SSE2) and for AVX2 + FMA, chosen at run time. Contraction into FMA is off, so both
// builds round every operation the same way and give the same bits.
#pragma clang fp contract(off)

#if defined(__x86_64__)
#define DIVE_AVX2 __attribute__((target("avx2,fma")))
#endif

static inline __attribute__((always_inline))
void adam_loop(float *restrict weights, float *restrict mean, float *restrict squares,
               const float *restrict gradient, size_t n, float beta1, float beta2,
               float stepSize, float correction, float epsilon, float coupledDecay, float shrink) {
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

static inline __attribute__((always_inline))
void sgd_loop(float *restrict weights, float *restrict buffer, const float *restrict gradient,
              size_t n, float learningRate, float momentum, int nesterov, float weightDecay, int first) {
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

#if defined(__x86_64__)
DIVE_AVX2 static void adam_avx2(float *restrict w, float *restrict m, float *restrict v, const float *restrict g,
                                size_t n, float b1, float b2, float s, float c, float e, float d, float k) {
    adam_loop(w, m, v, g, n, b1, b2, s, c, e, d, k);
}

DIVE_AVX2 static void sgd_avx2(float *restrict w, float *restrict b, const float *restrict g, size_t n,
                               float lr, float mo, int ne, float wd, int first) {
    sgd_loop(w, b, g, n, lr, mo, ne, wd, first);
}

static int use_avx2(void) {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#endif

void dive_adam_step(float *restrict weights, float *restrict mean, float *restrict squares,
                    const float *restrict gradient, size_t n, float beta1, float beta2,
                    float stepSize, float correction, float epsilon, float coupledDecay, float shrink) {
#if defined(__x86_64__)
    if (use_avx2()) {
        adam_avx2(weights, mean, squares, gradient, n, beta1, beta2, stepSize, correction, epsilon, coupledDecay, shrink);
        return;
    }
#endif
    dive_adam_step_portable(weights, mean, squares, gradient, n, beta1, beta2, stepSize, correction, epsilon,
                            coupledDecay, shrink);
}

void dive_adam_step_portable(float *restrict weights, float *restrict mean, float *restrict squares,
                             const float *restrict gradient, size_t n, float beta1, float beta2,
                             float stepSize, float correction, float epsilon, float coupledDecay, float shrink) {
    adam_loop(weights, mean, squares, gradient, n, beta1, beta2, stepSize, correction, epsilon, coupledDecay, shrink);
}

void dive_sgd_step(float *restrict weights, float *restrict buffer, const float *restrict gradient,
                   size_t n, float learningRate, float momentum, int nesterov, float weightDecay, int first) {
#if defined(__x86_64__)
    if (use_avx2()) {
        sgd_avx2(weights, buffer, gradient, n, learningRate, momentum, nesterov, weightDecay, first);
        return;
    }
#endif
    dive_sgd_step_portable(weights, buffer, gradient, n, learningRate, momentum, nesterov, weightDecay, first);
}

void dive_sgd_step_portable(float *restrict weights, float *restrict buffer, const float *restrict gradient,
                            size_t n, float learningRate, float momentum, int nesterov, float weightDecay, int first) {
    sgd_loop(weights, buffer, gradient, n, learningRate, momentum, nesterov, weightDecay, first);
}
