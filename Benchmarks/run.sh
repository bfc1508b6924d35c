#!/usr/bin/env bash
# `make bench`: Dive's benchmark and, where the peers' environment exists, the PyTorch, JAX and
# numpy peers, alternating in one run on this machine; then a table of medians and ratios.
#
#   REPS=3 (repetitions of every job)   THREADS=2   PEERS=../shared/bench/peers
#   PEERS_VENV=/tmp/peers-venv (made by `bash $PEERS/setup.sh`)   WORKLOADS="d2l-mlp d2l-softmax keras-mlp"
set -euo pipefail
cd "$(dirname "$0")/.."

reps=${REPS:-3}
threads=${THREADS:-2}
peers=${PEERS:-../shared/bench/peers}
venv=${PEERS_VENV:-/tmp/peers-venv}
workloads=${WORKLOADS:-d2l-mlp d2l-softmax keras-mlp}
dive=.build/release/dive
mkdir -p .build/bench
results=.build/bench/results-$(date +%Y%m%d-%H%M%S).jsonl

python="$venv/bin/python"
if [ -x "$python" ] && [ -d "$peers" ]; then
    peer_jobs=("bench_torch.py" "bench_jax.py" "bench_numpy.py")
    export BENCH_THREADS=$threads
    # GEMM rate of the workloads' shapes in this run, numpy's and torch's, for the "≤ 1.15 × its
    # matrix products alone at the best rate any library reaches" target.
    (cd "$peers" && "$python" gemm_bench.py --threads "$threads" --libs numpy torch) >> "$results" 2>/dev/null || true
else
    peer_jobs=()
    echo "bench: no peers ($python or $peers missing; run 'bash $peers/setup.sh' once); Dive alone" >&2
fi

for rep in $(seq "$reps"); do
    for workload in $workloads; do
        echo "bench: rep $rep/$reps $workload: dive" >&2
        "$dive" bench --workload "$workload" --threads "$threads" >> "$results"
        for job in "${peer_jobs[@]}"; do
            echo "bench: rep $rep/$reps $workload: ${job%.py}" >&2
            (cd "$peers" && "$python" "$job" --workload "$workload") >> "$results" 2>/dev/null \
                || echo "bench: $job --workload $workload failed" >&2
        done
    done
done
python3 Benchmarks/compare.py "$results"
echo "raw results: $results" >&2
