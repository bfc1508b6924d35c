#!/usr/bin/env bash
# Builds and runs Benchmarks/gemm_candidates.c: every GEMM candidate on every product the three
# workloads make, in one run. Needs libopenblas-dev and libdnnl-dev.   THREADS=2 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build/bench
clang -O2 -ISources/_DiveKernels/include Benchmarks/gemm_candidates.c Sources/_DiveKernels/SmallGEMM.c \
    -o .build/bench/gemm-candidates -lopenblas -ldnnl -lgomp
.build/bench/gemm-candidates "${THREADS:-2}"
