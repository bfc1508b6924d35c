// Run-time choice between two builds of one loop. A kernel's body is an always-inline function
// `NAME_body`; DIVE_KERNEL(NAME, PARAMETERS, ARGUMENTS) defines `NAME_portable`, the body built
// for the baseline processor, and `NAME`, which on x86-64 runs a build for AVX2 + FMA when the
// processor has those, and the portable build otherwise.
#ifndef DIVE_BUILD_CHOICE_H
#define DIVE_BUILD_CHOICE_H

#define DIVE_INLINE static inline __attribute__((always_inline))

#if defined(__x86_64__)
#define DIVE_KERNEL(name, parameters, arguments)                                              \
    __attribute__((target("avx2,fma"))) static void name##_avx2 parameters { name##_body arguments; } \
    void name##_portable parameters { name##_body arguments; }                                \
    void name parameters {                                                                    \
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) name##_avx2 arguments; \
        else name##_portable arguments;                                                       \
    }
#else
#define DIVE_KERNEL(name, parameters, arguments)                                              \
    void name##_portable parameters { name##_body arguments; }                                \
    void name parameters { name##_portable arguments; }
#endif

#endif
