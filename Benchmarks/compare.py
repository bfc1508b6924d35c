"""Medians over repetitions and ratios to the peers, from `make bench`'s JSON lines.

    python3 Benchmarks/compare.py RESULTS.jsonl
"""
import json
import statistics
import sys
from collections import defaultdict

WORKLOADS = ["d2l-mlp", "d2l-softmax", "keras-mlp"]
# The matrix products of one d2l-mlp step (batch 256), as gemm_bench.py names and measures them.
D2L_MLP_SHAPES = ["w1-fwd1", "w1-fwd2", "w1-bwd-dW1", "w1-bwd-dW2", "w1-bwd-dH"]


def gemm_seconds_per_epoch(gemm):
    """Time one d2l-mlp epoch's matrix products take alone at the best per-shape GEMM rate any
    library (numpy, torch) reached in this run."""
    if not all(shape in gemm for shape in D2L_MLP_SHAPES):
        return None
    per_step = sum(gemm[shape]["flops"] / (gemm[shape]["median_gflops"] * 1e9) for shape in D2L_MLP_SHAPES)
    return per_step * 60000 / 256


def main(path):
    records = [json.loads(line) for line in open(path) if line.strip()]
    runs = defaultdict(list)
    gemm = {}
    for r in records:
        if r.get("workload") == "gemm":
            kept = gemm.get(r["shape"])
            if kept is None or r["median_gflops"] > kept["median_gflops"]:
                gemm[r["shape"]] = r
        if r.get("workload") in WORKLOADS and "median_epoch_s" in r:
            runs[(r["workload"], r["framework"])].append(r)

    backends = sorted({r["backend"] for r in records if r.get("framework") == "dive" and "backend" in r})
    if backends:
        print("Dive's backend: " + "; ".join(backends) + "\n")
    if gemm:
        print("GEMM rates (GFLOP/s, median; the best library per shape): " + ", ".join(
            f"{shape} {r['median_gflops']:.0f} ({r['framework']})" for shape, r in gemm.items()) + "\n")
    print("| workload | framework | reps | median epoch s | test acc | final train loss | peak RSS MB | start to first step s |")
    print("|---|---|---|---|---|---|---|---|")
    medians = {}
    for (workload, framework), rs in sorted(runs.items(), key=lambda kv: (WORKLOADS.index(kv[0][0]), kv[0][1])):
        m = {k: statistics.median(r[k] for r in rs) for k in
             ("median_epoch_s", "final_test_acc", "final_train_loss", "peak_rss_mb", "start_to_first_step_s")}
        medians[(workload, framework)] = m
        print(f"| {workload} | {framework} | {len(rs)} | {m['median_epoch_s']:.3f} | {m['final_test_acc']:.4f} | "
              f"{m['final_train_loss']:.4f} | {m['peak_rss_mb']:.0f} | {m['start_to_first_step_s']:.2f} |")

    print("\n| workload | Dive / PyTorch epoch | Dive / fastest peer epoch (peer) | Dive / PyTorch peak RSS | Dive epoch / GEMM-only time |")
    print("|---|---|---|---|---|")
    for workload in WORKLOADS:
        dive = medians.get((workload, "dive"))
        if not dive:
            continue
        torch = medians.get((workload, "pytorch"))
        peers = [(m["median_epoch_s"], fw) for (w, fw), m in medians.items() if w == workload and fw != "dive"]
        fastest = min(peers) if peers else None
        cells = [
            f"{dive['median_epoch_s'] / torch['median_epoch_s']:.2f}" if torch else "-",
            f"{dive['median_epoch_s'] / fastest[0]:.2f} ({fastest[1]})" if fastest else "-",
            f"{dive['peak_rss_mb'] / torch['peak_rss_mb']:.2f}" if torch else "-",
        ]
        gemm_seconds = gemm_seconds_per_epoch(gemm) if workload == "d2l-mlp" else None
        cells.append(f"{dive['median_epoch_s'] / gemm_seconds:.2f} (GEMM alone {gemm_seconds:.3f} s)"
                     if gemm_seconds else "-")
        print(f"| {workload} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1])
