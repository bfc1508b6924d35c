#include "DiveKernels.h"
#include "BuildChoice.h"

// Matrix products with one dimension of at most 16, where BLAS's packing and blocking cost more
// than the product: the 10-class output layers of the book's models and their gradients.
// Row-major, as cblas_sgemm with CblasRowMajor; `accumulate` adds to C (beta = 1) instead of
// overwriting it (beta = 0). Each block below keeps its partial sums in registers; the callers
// pick blocks of constant size, so after inlining every loop over a block is unrolled.

typedef float v8 __attribute__((ext_vector_type(8)));

// Every function that takes or returns a v8 is inlined, so no call passes one across the
// baseline/AVX2 boundary whose calling conventions differ.
#pragma clang diagnostic ignored "-Wpsabi"

DIVE_INLINE v8 load8(const float *p) { v8 v; __builtin_memcpy(&v, p, sizeof v); return v; }
DIVE_INLINE void store8(float *p, v8 v) { __builtin_memcpy(p, &v, sizeof v); }
DIVE_INLINE float sum8(v8 v) {
    __attribute__((ext_vector_type(4))) float h = v.lo + v.hi;
    return (h.x + h.z) + (h.y + h.w);
}
DIVE_INLINE void put(float *c, float value, int accumulate) { *c = accumulate ? *c + value : value; }
DIVE_INLINE void put8(float *c, v8 value, int accumulate) { store8(c, accumulate ? load8(c) + value : value); }

// C = A · Bᵀ with B [n × k], n small: every entry is a dot product along k, over contiguous rows.
// One block: R rows of A against J rows of B.
DIVE_INLINE void nt_block(int R, int J, const float *a, size_t lda, const float *b, size_t ldb, size_t k,
                          float *c, size_t ldc, int accumulate) {
    v8 acc[2][4] = {{0}};
    size_t p = 0;
    for (; p + 8 <= k; p += 8) {
        v8 bv[4];
        for (int t = 0; t < J; t++) bv[t] = load8(b + t * ldb + p);
        for (int r = 0; r < R; r++) {
            v8 av = load8(a + r * lda + p);
            for (int t = 0; t < J; t++) acc[r][t] += av * bv[t];
        }
    }
    for (int r = 0; r < R; r++) {
        for (int t = 0; t < J; t++) {
            float s = sum8(acc[r][t]);
            for (size_t q = p; q < k; q++) s += a[r * lda + q] * b[t * ldb + q];
            put(c + r * ldc + t, s, accumulate);
        }
    }
}

DIVE_INLINE void dive_sgemm_nt_small_n_body(size_t m, size_t n, size_t k, const float *a, size_t lda,
                                            const float *b, size_t ldb, float *c, size_t ldc, int accumulate) {
    for (size_t i = 0; i < m; i += 2) {
        int rows = m - i >= 2 ? 2 : 1;
        for (size_t j = 0; j < n; j += 4) {
            int cols = n - j >= 4 ? 4 : (int)(n - j);
            const float *ai = a + i * lda, *bj = b + j * ldb;
            float *cij = c + i * ldc + j;
            switch (rows * 8 + cols) {
            case 2 * 8 + 4: nt_block(2, 4, ai, lda, bj, ldb, k, cij, ldc, accumulate); break;
            case 2 * 8 + 3: nt_block(2, 3, ai, lda, bj, ldb, k, cij, ldc, accumulate); break;
            case 2 * 8 + 2: nt_block(2, 2, ai, lda, bj, ldb, k, cij, ldc, accumulate); break;
            case 2 * 8 + 1: nt_block(2, 1, ai, lda, bj, ldb, k, cij, ldc, accumulate); break;
            case 1 * 8 + 4: nt_block(1, 4, ai, lda, bj, ldb, k, cij, ldc, accumulate); break;
            case 1 * 8 + 3: nt_block(1, 3, ai, lda, bj, ldb, k, cij, ldc, accumulate); break;
            case 1 * 8 + 2: nt_block(1, 2, ai, lda, bj, ldb, k, cij, ldc, accumulate); break;
            default: nt_block(1, 1, ai, lda, bj, ldb, k, cij, ldc, accumulate); break;
            }
        }
    }
}

DIVE_KERNEL(dive_sgemm_nt_small_n,
            (size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b, size_t ldb, float *c,
             size_t ldc, int accumulate),
            (m, n, k, a, lda, b, ldb, c, ldc, accumulate))

// C = op(A) · B where op(A)[r, p] = a[r · rowStride + p · columnStride], for the two layouts with
// a small dimension on A's side: Aᵀ · B with m small (A is k × m) and A · B with k small. For each
// p, row p of B scaled by op(A)[r, p] is added to row r of C. One block: R rows of C by V
// vectors of 8 columns.
DIVE_INLINE void scaled_rows_block(int R, int V, const float *a, size_t rowStride, size_t columnStride,
                                   const float *b, size_t ldb, size_t k, float *c, size_t ldc, int accumulate) {
    v8 acc[5][2] = {{0}};
    for (size_t p = 0; p < k; p++) {
        v8 bv[2];
        for (int v = 0; v < V; v++) bv[v] = load8(b + p * ldb + 8 * v);
        for (int r = 0; r < R; r++) {
            v8 s = a[r * rowStride + p * columnStride];
            for (int v = 0; v < V; v++) acc[r][v] += s * bv[v];
        }
    }
    for (int r = 0; r < R; r++)
        for (int v = 0; v < V; v++) put8(c + r * ldc + 8 * v, acc[r][v], accumulate);
}

DIVE_INLINE void scaled_rows(int R, const float *a, size_t rowStride, size_t columnStride, const float *b,
                             size_t ldb, size_t n, size_t k, float *c, size_t ldc, int accumulate) {
    size_t j = 0;
    for (; j + 16 <= n; j += 16)
        scaled_rows_block(R, 2, a, rowStride, columnStride, b + j, ldb, k, c + j, ldc, accumulate);
    for (; j + 8 <= n; j += 8)
        scaled_rows_block(R, 1, a, rowStride, columnStride, b + j, ldb, k, c + j, ldc, accumulate);
    for (; j < n; j++) {
        for (int r = 0; r < R; r++) {
            float s = 0;
            for (size_t p = 0; p < k; p++) s += a[r * rowStride + p * columnStride] * b[p * ldb + j];
            put(c + r * ldc + j, s, accumulate);
        }
    }
}

DIVE_INLINE void scaled_rows_all(size_t m, size_t n, size_t k, const float *a, size_t rowStride,
                                 size_t columnStride, const float *b, size_t ldb, float *c, size_t ldc,
                                 int accumulate) {
    for (size_t i = 0; i < m; i += 5) {
        const float *ai = a + i * rowStride;
        float *ci = c + i * ldc;
        switch (m - i >= 5 ? 5 : m - i) {
        case 5: scaled_rows(5, ai, rowStride, columnStride, b, ldb, n, k, ci, ldc, accumulate); break;
        case 4: scaled_rows(4, ai, rowStride, columnStride, b, ldb, n, k, ci, ldc, accumulate); break;
        case 3: scaled_rows(3, ai, rowStride, columnStride, b, ldb, n, k, ci, ldc, accumulate); break;
        case 2: scaled_rows(2, ai, rowStride, columnStride, b, ldb, n, k, ci, ldc, accumulate); break;
        default: scaled_rows(1, ai, rowStride, columnStride, b, ldb, n, k, ci, ldc, accumulate); break;
        }
    }
}

DIVE_INLINE void dive_sgemm_tn_small_m_body(size_t m, size_t n, size_t k, const float *a, size_t lda,
                                            const float *b, size_t ldb, float *c, size_t ldc, int accumulate) {
    scaled_rows_all(m, n, k, a, 1, lda, b, ldb, c, ldc, accumulate);
}

DIVE_KERNEL(dive_sgemm_tn_small_m,
            (size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b, size_t ldb, float *c,
             size_t ldc, int accumulate),
            (m, n, k, a, lda, b, ldb, c, ldc, accumulate))

DIVE_INLINE void dive_sgemm_nn_small_k_body(size_t m, size_t n, size_t k, const float *a, size_t lda,
                                            const float *b, size_t ldb, float *c, size_t ldc, int accumulate) {
    scaled_rows_all(m, n, k, a, lda, 1, b, ldb, c, ldc, accumulate);
}

DIVE_KERNEL(dive_sgemm_nn_small_k,
            (size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b, size_t ldb, float *c,
             size_t ldc, int accumulate),
            (m, n, k, a, lda, b, ldb, c, ldc, accumulate))
