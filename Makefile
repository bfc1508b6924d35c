# The two commands a newcomer needs: `make train` and `make test`.
# Everything is built once, in release mode with testing enabled, so that the heavy tests and
# the `dive` binary they run are fast.

SWIFT ?= swift
BUILD_FLAGS := -c release -Xswiftc -enable-testing
DIVE := .build/release/dive

.PHONY: deps build train test test-browser interop-venv bench clean fuzz fuzz-idx fuzz-safetensors fuzz-build docs

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build $(BUILD_FLAGS) --build-tests

train: deps
	$(SWIFT) build $(BUILD_FLAGS) --product dive
	$(DIVE) train $(ARGS)

test: build interop-venv fuzz-build
	DIVE_BINARY=$(abspath $(DIVE)) DIVE_INTEROP_PYTHON=$(abspath $(INTEROP_VENV))/bin/python \
		$(SWIFT) test $(BUILD_FLAGS) --skip-build
	$(BROWSER_TEST)

# `dive playground` in headless Chromium (Selenium on Debian's Python, from make deps).
# `make test-browser BROWSER_ARGS="--screenshots docs/playground --measure-rate"` remakes the docs' pictures.
BROWSER_TEST = /usr/bin/python3 Tests/Browser/playground_browser_test.py --dive $(abspath $(DIVE)) \
	--interop-python $(abspath $(INTEROP_VENV))/bin/python
test-browser: build interop-venv
	$(BROWSER_TEST) $(BROWSER_ARGS)

# Python with numpy, safetensors and (when it installs) torch, for the PyTorch interop tests.
INTEROP_VENV := .build/interop-venv
interop-venv: deps
	@bash scripts/interop-venv.sh $(INTEROP_VENV)

# Fuzzing (libFuzzer with AddressSanitizer): each reader's sources are compiled with its harness in
# Tests/Fuzz. New inputs go to .build/fuzz/corpus-*, seeded from the committed Tests/Fuzz/corpus;
# a crash leaves its input in .build/fuzz/ and stops the run. `make fuzz FUZZ_SECONDS=60` for less.
FUZZ_SECONDS ?= 600
FUZZ_DIR := .build/fuzz
FUZZ_SWIFTC := swiftc -sanitize=fuzzer,address -parse-as-library -package-name Dive -O
IDX_SOURCES := $(addprefix Sources/DiveData/IDX/,IDXError.swift IDXFile.swift Gzip.swift)
SAFETENSORS_SOURCES := $(shell find Sources/DiveCore -name '*.swift') \
	$(addprefix Sources/DiveTrain/Checkpoint/,Safetensors.swift Safetensors+Reading.swift SafetensorsDType.swift SafetensorsError.swift)
# The harness prints the crash itself; Swift's backtracer would wait on the dying process.
RUN_FUZZER = mkdir -p $(FUZZ_DIR)/corpus-$(1) && SWIFT_BACKTRACE=enable=no $(FUZZ_DIR)/$(1)-fuzzer \
	-max_total_time=$(FUZZ_SECONDS) -artifact_prefix=$(FUZZ_DIR)/$(1)- $(FUZZ_DIR)/corpus-$(1) Tests/Fuzz/corpus/$(1)

fuzz: fuzz-idx fuzz-safetensors

fuzz-idx: $(FUZZ_DIR)/idx-fuzzer
	$(call RUN_FUZZER,idx)

fuzz-safetensors: $(FUZZ_DIR)/safetensors-fuzzer
	$(call RUN_FUZZER,safetensors)

.PHONY: fuzz-architecture
fuzz: fuzz-architecture

# The model built from checkpoint metadata: the tensors, the layers, the safetensors reader and
# `dive`'s architecture rules, compiled as one module (their imports of each other removed).
ARCHITECTURE_SOURCES := $(shell find Sources/DiveCore Sources/DiveNN -name '*.swift') \
	$(addprefix Sources/DiveTrain/Checkpoint/,Safetensors.swift Safetensors+Reading.swift SafetensorsDType.swift \
		SafetensorsError.swift Checkpoint.swift) \
	$(addprefix Sources/DiveCLI/,ModelArchitecture.swift ModelArchitecture+Validation.swift CommandError.swift)

fuzz-architecture: $(FUZZ_DIR)/architecture-fuzzer
	$(call RUN_FUZZER,architecture)

$(FUZZ_DIR)/architecture-fuzzer: $(ARCHITECTURE_SOURCES) Tests/Fuzz/ArchitectureFuzzer.swift $(KERNEL_OBJECTS) \
		$(FUZZ_DIR)/kernels/module.modulemap
	rm -rf $(FUZZ_DIR)/architecture-sources && mkdir -p $(FUZZ_DIR)/architecture-sources
	for file in $(filter %.swift,$^); do \
		sed -E '/^import (Dive|DiveCore|DiveNN)$$/d' $$file > $(FUZZ_DIR)/architecture-sources/$$(echo $$file | tr / -); done
	$(FUZZ_SWIFTC) -module-name DiveCore $(CORE_LIBRARIES) \
		$(FUZZ_DIR)/architecture-sources/*.swift $(KERNEL_OBJECTS) -o $@

$(FUZZ_DIR)/idx-fuzzer: $(IDX_SOURCES) Tests/Fuzz/IDXFuzzer.swift
	@mkdir -p $(FUZZ_DIR)
	$(FUZZ_SWIFTC) -module-name DiveData -I Sources/_DiveZlib $^ -o $@

# DiveCore's C kernels: every .c file in Sources/_DiveKernels, compiled apart, with a module map of
# their own for swiftc.
KERNEL_SOURCES := $(wildcard Sources/_DiveKernels/*.c)
KERNEL_HEADERS := $(wildcard Sources/_DiveKernels/*.h Sources/_DiveKernels/include/*.h)
KERNEL_OBJECTS := $(patsubst Sources/_DiveKernels/%.c,$(FUZZ_DIR)/kernels/%.o,$(KERNEL_SOURCES))

$(FUZZ_DIR)/kernels/module.modulemap: $(KERNEL_HEADERS)
	@mkdir -p $(FUZZ_DIR)/kernels
	printf 'module _DiveKernels {\n    umbrella "%s"\n    export *\n}\n' \
		"$(abspath Sources/_DiveKernels/include)" > $@

# The C modules and libraries DiveCore's sources import and link (oneDNN and OpenBLAS for products).
CORE_LIBRARIES := -I Sources/_DiveBLAS -I Sources/_DiveDNNL -I $(FUZZ_DIR)/kernels -lopenblas -ldnnl -lgomp

$(FUZZ_DIR)/kernels/%.o: Sources/_DiveKernels/%.c $(KERNEL_HEADERS)
	@mkdir -p $(FUZZ_DIR)/kernels
	clang -O2 -fsanitize=address -ISources/_DiveKernels/include -c $< -o $@

$(FUZZ_DIR)/safetensors-fuzzer: $(SAFETENSORS_SOURCES) Tests/Fuzz/SafetensorsFuzzer.swift $(KERNEL_OBJECTS) \
		$(FUZZ_DIR)/kernels/module.modulemap
	$(FUZZ_SWIFTC) -module-name DiveCore $(CORE_LIBRARIES) $(filter-out %.modulemap,$^) -o $@

# Builds both fuzzers without running them; `make test` does this, so that they cannot rot unseen.
fuzz-build: $(FUZZ_DIR)/idx-fuzzer $(FUZZ_DIR)/safetensors-fuzzer

clean:
	rm -rf .build

# Benchmarks (never part of `make test`): Dive and, where `bash ../shared/bench/peers/setup.sh`
# has made their environment, the PyTorch, JAX and numpy peers, in one run.
bench: deps
	$(SWIFT) build -c release --product dive
	bash Benchmarks/run.sh

# API documentation: the DocC catalog Sources/Dive/Dive.docc and the symbols of every module that
# `Dive` re-exports, combined into one archive by swift-docc-plugin in .build/docs (open it through
# a web server). Warnings are errors. `make test` checks the same pages from the release build with
# scripts/check-docs.sh, which does not build again.
DOC_TARGETS := DiveCore DiveNN DiveOptim DiveData DiveTrain DivePlot DiveExport Dive
docs:
	$(SWIFT) package --allow-writing-to-directory .build/docs generate-documentation \
		$(addprefix --target ,$(DOC_TARGETS)) --enable-experimental-combined-documentation \
		--output-path .build/docs --transform-for-static-hosting --warnings-as-errors
