#!/usr/bin/env bash
# Creates the Python environment the PyTorch interop tests use, or reuses it when it is ready:
# numpy and safetensors from PyPI, torch (CPU build) when it installs within a time limit, and
# onnx and onnxruntime (for the ONNX export tests) when PyPI has wheels for this machine.
# Usage: scripts/interop-venv.sh [VENV_DIR]   (default .build/interop-venv)
set -euo pipefail

venv="${1:-.build/interop-venv}"
requirements="Tests/Interop/requirements.txt"
ready="$venv/.ready"

if [ -f "$ready" ] && [ "$ready" -nt "$requirements" ] && [ "$ready" -nt "$0" ]; then
    exit 0
fi

python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null; then
    echo "interop-venv: $python not found; install Python 3 (apt-get install python3 python3-venv)" >&2
    exit 1
fi
rm -rf "$venv"
if ! "$python" -m venv "$venv" >/dev/null; then
    echo "interop-venv: '$python -m venv' failed; on Debian/Ubuntu install python3-venv (make deps does)" >&2
    exit 1
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check --quiet)
echo "interop-venv: installing numpy and safetensors into $venv" >&2
if ! "${pip[@]}" install -r "$requirements"; then
    echo "interop-venv: pip could not install $requirements (is PyPI reachable?)" >&2
    exit 1
fi
# torch is optional, and only its CPU build: PyPI's default build brings gigabytes of CUDA
# libraries. The CPU build (a "+cpu" version) is found where pip is configured with a wheel
# folder that holds it; elsewhere this step fails at once and the tests use numpy only. Its
# dependencies come from PyPI.
torch_version="${TORCH_VERSION:-2.13.0+cpu}"
echo "interop-venv: installing torch $torch_version (CPU build), optional" >&2
limit="${TORCH_INSTALL_SECONDS:-300}"
if timeout "$limit" "${pip[@]}" install --no-deps --only-binary=:all: "torch==$torch_version" 2>/dev/null \
    && timeout "$limit" "${pip[@]}" install "torch==$torch_version" \
    && "$venv/bin/python" -c 'import torch' 2>/dev/null; then
    echo "interop-venv: torch $torch_version" >&2
else
    "${pip[@]}" uninstall --yes torch >/dev/null 2>&1 || true
    echo "interop-venv: torch $torch_version not installed; the interop tests write and read with numpy only" >&2
fi
# onnx and onnxruntime are optional too: where PyPI has no wheel for this Python or machine, the
# ONNX export tests say so and the others run.
onnx_packages=(onnx==1.23.2 onnxruntime==1.32.0)
echo "interop-venv: installing ${onnx_packages[*]}, optional" >&2
if timeout "$limit" "${pip[@]}" install --only-binary=:all: "${onnx_packages[@]}" \
    && "$venv/bin/python" -c 'import onnx, onnxruntime' 2>/dev/null; then
    echo "interop-venv: ${onnx_packages[*]}" >&2
else
    "${pip[@]}" uninstall --yes onnx onnxruntime >/dev/null 2>&1 || true
    echo "interop-venv: onnx and onnxruntime not installed; the ONNX export tests will say so" >&2
fi
touch "$ready"
