// Every GEMM candidate on every matrix product the three workloads make, in one run:
// OpenBLAS as it detects the processor, oneDNN's dnnl_sgemm, oneDNN's matmul primitive (created
// once per shape; the forward products with their bias and ReLU as post-ops), and Dive's
// small-dimension kernels where one applies. Build and run with Benchmarks/gemm-candidates.sh.
//
// Row-major C[m×n] = op(A)·op(B). Each cell is "median / best" of 21 rounds; in a
// round every candidate is measured once (see `measure`), each measurement repeating the
// call for at least 5 ms, in GFLOP/s (2·m·n·k per call).
#include <cblas.h>
#include <oneapi/dnnl/dnnl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "DiveKernels.h"

void openblas_set_num_threads(int);
char *openblas_get_corename(void);
void omp_set_num_threads(int);  // libgomp, oneDNN's thread pool

typedef struct {
    const char *name;  // workload and role
    char ta, tb;       // 'N' or 'T', as the training step passes them
    int m, n, k;
    int forward;       // a layer's forward product: the matmul primitive gets bias + ReLU
} Shape;

static const Shape shapes[] = {
    {"d2l-mlp fwd1 x·W1ᵀ", 'N', 'T', 256, 256, 784, 1},
    {"d2l-mlp dW1 gᵀ·x", 'T', 'N', 256, 784, 256, 0},
    {"d2l-mlp fwd2 h·W2ᵀ", 'N', 'T', 256, 10, 256, 1},
    {"d2l-mlp dW2 gᵀ·h", 'T', 'N', 10, 256, 256, 0},
    {"d2l-mlp dh g·W2", 'N', 'N', 256, 256, 10, 0},
    {"d2l-softmax fwd x·Wᵀ", 'N', 'T', 256, 10, 784, 1},
    {"d2l-softmax dW gᵀ·x", 'T', 'N', 10, 784, 256, 0},
    {"keras fwd1 x·W1ᵀ", 'N', 'T', 32, 128, 784, 1},
    {"keras dW1 gᵀ·x", 'T', 'N', 128, 784, 32, 0},
    {"keras fwd2 h1·W2ᵀ", 'N', 'T', 32, 64, 128, 1},
    {"keras dW2 gᵀ·h1", 'T', 'N', 64, 128, 32, 0},
    {"keras dh1 g·W2", 'N', 'N', 32, 128, 64, 0},
    {"keras fwd3 h2·W3ᵀ", 'N', 'T', 32, 10, 64, 1},
    {"keras dW3 gᵀ·h2", 'T', 'N', 10, 64, 32, 0},
    {"keras dh2 g·W3", 'N', 'N', 32, 64, 10, 0},
};

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

typedef struct {
    const Shape *s;
    float *a, *b, *c, *bias;
    int lda, ldb;
    dnnl_primitive_t matmul;
    dnnl_memory_t memories[4];
    dnnl_stream_t stream;
} Job;

static void run_openblas(Job *j) {
    const Shape *s = j->s;
    cblas_sgemm(CblasRowMajor, s->ta == 'T' ? CblasTrans : CblasNoTrans, s->tb == 'T' ? CblasTrans : CblasNoTrans,
                s->m, s->n, s->k, 1, j->a, j->lda, j->b, j->ldb, 0, j->c, s->n);
}

static void run_dnnl_sgemm(Job *j) {
    const Shape *s = j->s;
    dnnl_sgemm(s->ta, s->tb, s->m, s->n, s->k, 1, j->a, j->lda, j->b, j->ldb, 0, j->c, s->n);
}

static void run_dnnl_matmul(Job *j) {
    dnnl_exec_arg_t args[] = {{DNNL_ARG_SRC, j->memories[0]}, {DNNL_ARG_WEIGHTS, j->memories[1]},
                              {DNNL_ARG_DST, j->memories[2]}, {DNNL_ARG_BIAS, j->memories[3]}};
    dnnl_primitive_execute(j->matmul, j->stream, j->s->forward ? 4 : 3, args);
    dnnl_stream_wait(j->stream);
}

// Dive's kernels on one thread (Dive splits them over threads only above 256 K multiply-adds each).
static void run_small(Job *j) {
    const Shape *s = j->s;
    if (s->ta == 'N' && s->tb == 'T') dive_sgemm_nt_small_n(s->m, s->n, s->k, j->a, j->lda, j->b, j->ldb, j->c, s->n, 0);
    else if (s->ta == 'T') dive_sgemm_tn_small_m(s->m, s->n, s->k, j->a, j->lda, j->b, j->ldb, j->c, s->n, 0);
    else dive_sgemm_nn_small_k(s->m, s->n, s->k, j->a, j->lda, j->b, j->ldb, j->c, s->n, 0);
}

static int small_applies(const Shape *s) {
    if (s->ta == 'N' && s->tb == 'T') return s->n <= 16;
    if (s->ta == 'T' && s->tb == 'N') return s->m <= 16;
    return s->k <= 16;
}

static int compare(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

enum { ROUNDS = 21 };

// Calls per measurement so that one takes at least 5 ms.
static int calibrate(Job *j, void (*run)(Job *)) {
    for (int w = 0; w < 5; w++) run(j);
    for (int inner = 1;; inner *= 2) {
        double t0 = now();
        for (int i = 0; i < inner; i++) run(j);
        if (now() - t0 >= 0.005) return inner;
    }
}

// The candidates take turns, one measurement each per round, so that all of them see the same
// load from whatever else runs on the machine. Writes each one's median and best GFLOP/s.
static void measure(Job *j, void (**runs)(Job *), int count, double *median, double *best) {
    double flops = 2.0 * j->s->m * j->s->n * j->s->k, rates[8][ROUNDS];
    int inner[8];
    for (int c = 0; c < count; c++) inner[c] = calibrate(j, runs[c]);
    for (int r = 0; r < ROUNDS; r++) {
        for (int c = 0; c < count; c++) {
            double t0 = now();
            for (int i = 0; i < inner[c]; i++) runs[c](j);
            rates[c][r] = flops * inner[c] / (now() - t0) / 1e9;
        }
    }
    for (int c = 0; c < count; c++) {
        qsort(rates[c], ROUNDS, sizeof(double), compare);
        median[c] = rates[c][ROUNDS / 2];
        best[c] = rates[c][ROUNDS - 1];
    }
}

static void check(dnnl_status_t status, const char *what) {
    if (status != dnnl_success) { fprintf(stderr, "%s failed: %d\n", what, (int)status); exit(1); }
}

// A k×m operand read transposed is a [m, k] matrix with strides (1, m) to oneDNN.
static void matrix_desc(dnnl_memory_desc_t *md, int rows, int cols, int transposed) {
    dnnl_dims_t dims = {rows, cols}, strides = {transposed ? 1 : cols, transposed ? rows : 1};
    check(dnnl_memory_desc_init_by_strides(md, 2, dims, dnnl_f32, strides), "memory desc");
}

static void make_matmul(Job *j, dnnl_engine_t engine) {
    const Shape *s = j->s;
    dnnl_memory_desc_t src, weights, dst, bias;
    matrix_desc(&src, s->m, s->k, s->ta == 'T');
    matrix_desc(&weights, s->k, s->n, s->tb == 'T');
    matrix_desc(&dst, s->m, s->n, 0);
    matrix_desc(&bias, 1, s->n, 0);
    dnnl_matmul_desc_t desc;
    check(dnnl_matmul_desc_init(&desc, &src, &weights, s->forward ? &bias : NULL, &dst), "matmul desc");
    dnnl_primitive_attr_t attr;
    dnnl_post_ops_t ops;
    check(dnnl_primitive_attr_create(&attr), "attr");
    check(dnnl_post_ops_create(&ops), "post ops");
    if (s->forward) check(dnnl_post_ops_append_eltwise(ops, 1, dnnl_eltwise_relu, 0, 0), "relu post op");
    check(dnnl_primitive_attr_set_post_ops(attr, ops), "set post ops");
    dnnl_primitive_desc_t pd;
    check(dnnl_primitive_desc_create(&pd, &desc, attr, engine, NULL), "matmul primitive desc");
    check(dnnl_primitive_create(&j->matmul, pd), "matmul primitive");
    const char *impl;
    dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl);
    fprintf(stderr, "  %s: matmul implementation %s\n", s->name, impl);
    check(dnnl_memory_create(&j->memories[0], &src, engine, j->a), "src");
    check(dnnl_memory_create(&j->memories[1], &weights, engine, j->b), "weights");
    check(dnnl_memory_create(&j->memories[2], &dst, engine, j->c), "dst");
    check(dnnl_memory_create(&j->memories[3], &bias, engine, j->bias), "bias");
}

static float *random_floats(size_t count) {
    float *p = aligned_alloc(64, (count * sizeof(float) + 63) / 64 * 64);
    for (size_t i = 0; i < count; i++) p[i] = (float)rand() / (float)RAND_MAX - 0.5f;
    return p;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 2;
    openblas_set_num_threads(threads);
    omp_set_num_threads(threads);
    const dnnl_version_t *v = dnnl_version();
    static const struct { dnnl_cpu_isa_t isa; const char *name; } isas[] = {
        {dnnl_cpu_isa_avx512_core_amx, "avx512_core_amx"}, {dnnl_cpu_isa_avx512_core_bf16, "avx512_core_bf16"},
        {dnnl_cpu_isa_avx512_core_vnni, "avx512_core_vnni"}, {dnnl_cpu_isa_avx512_core, "avx512_core"},
        {dnnl_cpu_isa_avx2_vnni, "avx2_vnni"}, {dnnl_cpu_isa_avx2, "avx2"}, {dnnl_cpu_isa_avx, "avx"},
        {dnnl_cpu_isa_sse41, "sse41"}};
    const char *isa = "?";
    dnnl_cpu_isa_t effective = dnnl_get_effective_cpu_isa();
    for (size_t i = 0; i < sizeof isas / sizeof isas[0]; i++)
        if (isas[i].isa == effective) { isa = isas[i].name; break; }
    printf("threads %d; OpenBLAS core %s; oneDNN %d.%d.%d %s\n\n", threads, openblas_get_corename(),
           v->major, v->minor, v->patch, isa);
    printf("| product | op(A)·op(B) | m×n×k | OpenBLAS | dnnl_sgemm | oneDNN matmul | Dive small kernels, 1 thread |\n");
    printf("|---|---|---|---|---|---|---|\n");

    dnnl_engine_t engine;
    dnnl_stream_t stream;
    check(dnnl_engine_create(&engine, dnnl_cpu, 0), "engine");
    check(dnnl_stream_create(&stream, engine, dnnl_stream_default_flags), "stream");
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        const Shape *s = &shapes[i];
        Job j = {.s = s, .stream = stream};
        j.a = random_floats((size_t)s->m * s->k);
        j.b = random_floats((size_t)s->k * s->n);
        j.c = random_floats((size_t)s->m * s->n);
        j.bias = random_floats(s->n);
        j.lda = s->ta == 'T' ? s->m : s->k;
        j.ldb = s->tb == 'T' ? s->k : s->n;
        make_matmul(&j, engine);
        void (*runs[])(Job *) = {run_openblas, run_dnnl_sgemm, run_dnnl_matmul, run_small};
        double median[4], best[4];
        int count = small_applies(s) ? 4 : 3;
        measure(&j, runs, count, median, best);
        printf("| %s | %c%c | %d×%d×%d |", s->name, s->ta, s->tb, s->m, s->n, s->k);
        for (int c = 0; c < 4; c++) {
            if (c < count) printf(" %.0f / %.0f%s |", median[c], best[c], c == 2 && s->forward ? " (+bias+ReLU)" : "");
            else printf(" – |");
        }
        printf("\n");
        fflush(stdout);
    }
    return 0;
}
