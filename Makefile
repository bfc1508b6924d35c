# The two commands a newcomer needs: `make train` and `make test`.
# Everything is built once, in release mode with testing enabled, so that the heavy tests and
# the `dive` binary they run are fast.

SWIFT ?= swift
BUILD_FLAGS := -c release -Xswiftc -enable-testing
DIVE := .build/release/dive

.PHONY: deps build train test bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build $(BUILD_FLAGS) --build-tests

train: deps
	$(SWIFT) build $(BUILD_FLAGS) --product dive
	$(DIVE) train $(ARGS)

test: build
	DIVE_BINARY=$(abspath $(DIVE)) $(SWIFT) test $(BUILD_FLAGS) --skip-build

clean:
	rm -rf .build

# Benchmarks (never part of `make test`): Dive and, where `bash ../shared/bench/peers/setup.sh`
# has made their environment, the PyTorch, JAX and numpy peers, in one run.
bench: deps
	$(SWIFT) build -c release --product dive
	bash Benchmarks/run.sh
