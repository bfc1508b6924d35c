#include "DiveKernels.h"
#include "BuildChoice.h"

// The epilogue of a matrix product run apart from it: where the library did not fuse it, and
// after Dive's small-dimension kernels.
DIVE_INLINE void dive_bias_relu_body(float *c, size_t m, size_t n, size_t ldc, const float *bias, int relu) {
    for (size_t r = 0; r < m; r++) {
        float *row = c + r * ldc;
        if (bias) for (size_t j = 0; j < n; j++) row[j] += bias[j];
        if (relu) for (size_t j = 0; j < n; j++) row[j] = row[j] > 0 ? row[j] : 0;
    }
}

DIVE_KERNEL(dive_bias_relu, (float *c, size_t m, size_t n, size_t ldc, const float *bias, int relu),
            (c, m, n, ldc, bias, relu))
