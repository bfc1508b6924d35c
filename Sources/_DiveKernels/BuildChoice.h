// Run-time choice between builds of one loop. A kernel's body is an always-inline function
// `NAME_body`; DIVE_KERNEL(NAME, PARAMETERS, ARGUMENTS) defines `NAME_portable`, the body built
// for the baseline processor, and `NAME`, which on x86-64 runs the best build the processor
// takes: AVX-512 (F, BW, DQ, VL), else AVX2 + FMA, else the portable build.
// `dive_kernels_build()` names the build that runs.
#ifndef DIVE_BUILD_CHOICE_H
#define DIVE_BUILD_CHOICE_H

#define DIVE_INLINE static inline __attribute__((always_inline))

#if defined(__x86_64__)
enum { DIVE_BUILD_PORTABLE, DIVE_BUILD_AVX2, DIVE_BUILD_AVX512 };

DIVE_INLINE int dive_build_level(void) {
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("fma"))
        return DIVE_BUILD_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return DIVE_BUILD_AVX2;
    return DIVE_BUILD_PORTABLE;
}

#define DIVE_KERNEL(name, parameters, arguments)                                                          \
    __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx2,fma"))) static void name##_avx512 parameters { \
        name##_body arguments;                                                                            \
    }                                                                                                     \
    __attribute__((target("avx2,fma"))) static void name##_avx2 parameters { name##_body arguments; }      \
    void name##_portable parameters { name##_body arguments; }                                            \
    void name parameters {                                                                                \
        switch (dive_build_level()) {                                                                     \
        case DIVE_BUILD_AVX512: name##_avx512 arguments; break;                                           \
        case DIVE_BUILD_AVX2: name##_avx2 arguments; break;                                               \
        default: name##_portable arguments; break;                                                        \
        }                                                                                                 \
    }
#else
#define DIVE_KERNEL(name, parameters, arguments)                                              \
    void name##_portable parameters { name##_body arguments; }                                \
    void name parameters { name##_portable arguments; }
#endif

#endif
