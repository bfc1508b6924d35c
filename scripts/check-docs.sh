#!/usr/bin/env bash
# Builds the DocC catalog of the Dive module from an existing build, without building again:
# extracts the symbol graphs of Dive's modules from the build's .swiftmodule files and converts
# them with the catalog, failing on any warning. `make test` runs it (DocumentationTests); `make
# docs` builds the same pages through swift-docc-plugin.
#   bash scripts/check-docs.sh BUILD_DIR [OUTPUT_DIR]      (BUILD_DIR: .build/release)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:?usage: check-docs.sh BUILD_DIR [OUTPUT_DIR]}" && pwd)"
output="${2:-$(mktemp -d)}"
graphs="$output/symbol-graphs"
mkdir -p "$graphs"

modules="$build/Modules"
[ -d "$modules" ] || modules="$build"
target="$(swift -print-target-info | python3 -c 'import json, sys; print(json.load(sys.stdin)["target"]["triple"])')"
# The C modules Dive's targets import: module maps in the sources (cairo's headers where pkg-config
# says), and the one SwiftPM made for the kernels.
c_modules=(-I "$repo/Sources/_DiveBLAS" -I "$repo/Sources/_DiveZlib" -I "$repo/Sources/_DiveDNNL"
           -I "$repo/Sources/_DiveCairo" -I "$build/_DiveKernels.build")
for flag in $(pkg-config --cflags-only-I cairo 2>/dev/null); do c_modules+=(-Xcc "$flag"); done
for module in DiveCore DiveNN DiveOptim DiveData DiveTrain DivePlot DiveExport Dive; do
    swift-symbolgraph-extract -module-name "$module" -target "$target" -I "$modules" "${c_modules[@]}" \
        -minimum-access-level public -output-dir "$graphs"
done
# Every public declaration written in Dive's sources has a doc comment (inherited and synthesized
# members carry no source location of ours and are not counted).
python3 - "$graphs" <<'PY'
import glob, json, sys
missing, total = [], 0
for path in sorted(glob.glob(f"{sys.argv[1]}/*.symbols.json")):
    for symbol in json.load(open(path))["symbols"]:
        uri = symbol.get("location", {}).get("uri", "")
        if symbol.get("accessLevel") not in ("public", "open") or "/Sources/" not in uri:
            continue
        total += 1
        if not symbol.get("docComment"):
            line = symbol["location"]["position"]["line"] + 1
            missing.append(f"Sources/{uri.split('/Sources/', 1)[1]}:{line}: {symbol['names']['title']}")
for entry in sorted(set(missing)):
    print(f"warning: public declaration without a doc comment: {entry}")
print(f"{total - len(missing)} of {total} public declarations have a doc comment")
sys.exit(1 if missing else 0)
PY
docc convert "$repo/Sources/Dive/Dive.docc" --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name Dive --fallback-bundle-identifier dive --output-path "$output/Dive.doccarchive" \
    --warnings-as-errors
