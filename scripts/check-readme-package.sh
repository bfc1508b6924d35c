#!/usr/bin/env bash
# Builds every Swift block of README.md, unchanged, as its own executable in a new package that
# depends on Dive, as a reader would paste it. Slow (it builds Dive again); `make test` runs the
# quicker type-check of the same blocks (Tests/DiveCLITests/ReadmeExampleTests.swift).
#   bash scripts/check-readme-package.sh [WORK_DIR]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"

# One folder per ```swift block: Sources/ReadmeBlockN/main.swift.
python3 - "$repo/README.md" "$work" <<'PY'
import pathlib, re, sys
readme, work = pathlib.Path(sys.argv[1]).read_text(), pathlib.Path(sys.argv[2])
blocks = re.findall(r"```swift\n(.*?)```", readme, re.S)
repo = str(pathlib.Path(sys.argv[1]).resolve().parent)
identity = pathlib.Path(repo).name.lower()
targets = []
for number, block in enumerate(blocks, 1):
    folder = work / "Sources" / f"ReadmeBlock{number}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.swift").write_text(block)
    targets.append(f'        .executableTarget(name: "ReadmeBlock{number}", dependencies: [.product(name: "Dive", package: "{identity}")]),')
(work / "Package.swift").write_text("""// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReadmeCheck",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "%s")],
    targets: [
%s
    ]
)
""" % (repo, "\n".join(targets)))
print(f"{len(blocks)} Swift blocks from README.md in {work}")
PY
cd "$work" && swift build
