#!/usr/bin/env bash
# Installs the system packages Dive needs on Debian/Ubuntu, skipping quickly when they are present:
# oneDNN and OpenBLAS (matrix products), zlib (gzip), cairo and DejaVu Sans (the figures), the
# Fashion-MNIST dataset, python3-venv when Python cannot make virtual environments, and Chromium with
# its driver and Selenium (for Debian's /usr/bin/python3) for the report's rendering test and the
# playground's browser tests.
set -euo pipefail

packages=(libopenblas-dev libdnnl-dev zlib1g-dev libcairo2-dev fonts-dejavu-core dataset-fashion-mnist)
packages+=(chromium chromium-driver python3-selenium)

if [ "$(uname -s)" = Darwin ]; then
    # macOS: Accelerate and zlib come with the system; get data with `dive data download`.
    command -v brew >/dev/null && ! brew list cairo >/dev/null 2>&1 && brew install cairo
    exit 0
fi

# python3 with venv, for the PyTorch interop tests' environment (scripts/interop-venv.sh).
command -v python3 >/dev/null && python3 -c 'import venv, ensurepip' 2>/dev/null || packages+=(python3 python3-venv)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
    echo "install-deps: missing ${missing[*]}, and apt-get is not available; install them by hand." >&2
    exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
