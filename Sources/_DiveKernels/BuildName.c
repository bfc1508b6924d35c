#include "DiveKernels.h"
#include "BuildChoice.h"

const char *dive_kernels_build(void) {
#if defined(__x86_64__)
    switch (dive_build_level()) {
    case DIVE_BUILD_AVX512: return "avx512";
    case DIVE_BUILD_AVX2: return "avx2";
    default: return "portable";
    }
#else
    return "portable";
#endif
}
