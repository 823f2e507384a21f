# onboard — the two commands of the README, and the steps they are made of.
#   make run    install what is missing, build both targets, serve portal + API on http://127.0.0.1:8080
#   make test   install what is missing, build both targets, run every test (shared native + wasm,
#               server and tools, end-to-end in headless Chromium, a short fuzz run)
# Each step skips what is already done: apt/npm only install what is missing, CMake configures once
# and Ninja rebuilds only what changed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Debian's em++ needs Debian's node modules (acorn) even when another node is first on PATH.
export NODE_PATH := /usr/share/nodejs

NATIVE_DIR := build/native
WASM_DIR   := build/wasm
FUZZ_DIR   := build/fuzz
PORT       ?= $(or $(ONB_PORT),8080)
DATA       ?= $(or $(ONB_DATA),onboard.db)

# Test groups by ctest name: the same shared sources run natively and as wasm.
SHARED_TESTS := ^(shared_tests|portal_app_tests)_(native|wasm)$$
SERVER_TESTS := ^(server_tests|ids_differential|cli_.*)$$

banner = @printf '\n\033[1m=== %s\033[0m\n' "$(1)"

.PHONY: help deps native wasm fuzz-build run test test-shared-native test-shared-wasm test-server test-e2e \
        test-fuzz bench clean format

help:
	@echo "make run    build everything and serve the portal and API at http://127.0.0.1:$(PORT) (data: $(DATA))"
	@echo "make test   build everything and run every test"
	@echo "make bench  run the benchmarks (see docs/PERFORMANCE.md)"

deps:
	@scripts/install-deps.sh

native: deps
	@[ -f $(NATIVE_DIR)/build.ninja ] || cmake --preset native
	cmake --build --preset native

wasm: deps
	@[ -f $(WASM_DIR)/build.ninja ] || emcmake cmake --preset wasm
	cmake --build --preset wasm

fuzz-build: deps
	@[ -f $(FUZZ_DIR)/build.ninja ] || cmake --preset fuzz
	cmake --build --preset fuzz --target fuzz_application

run: native wasm
	$(call banner,onboard at http://127.0.0.1:$(PORT) — Ctrl+C stops)
	$(NATIVE_DIR)/server/onboard-server --port $(PORT) --data $(DATA) --site $(WASM_DIR)/site

test: native wasm fuzz-build
	@$(MAKE) --no-print-directory test-shared-native test-shared-wasm test-server test-e2e test-fuzz
	$(call banner,all tests passed)

test-shared-native:
	$(call banner,1/4 shared tests — native)
	scripts/ctest-summary.sh --test-dir $(NATIVE_DIR) -R '$(SHARED_TESTS)' --timeout 300

test-shared-wasm:
	$(call banner,2/4 shared tests — WebAssembly under node)
	scripts/ctest-summary.sh --test-dir $(WASM_DIR) -R '$(SHARED_TESTS)' --timeout 600

test-server:
	$(call banner,3/4 server and command-line tests — real HTTP on 127.0.0.1 with real SQLite; python-stdnum as oracle)
	scripts/ctest-summary.sh --test-dir $(NATIVE_DIR) -R '$(SERVER_TESTS)' --timeout 600
	node tests/openapi/validate.mjs $(NATIVE_DIR)/server/onboard-server  # OpenAPI 3.1, validator from package-lock.json

test-e2e:
	$(call banner,4/4 end-to-end tests — headless Chromium against the real server)
	ONB_SERVER=$(NATIVE_DIR)/server/onboard-server ONB_SITE=$(WASM_DIR)/site node --test --test-concurrency=1 tests/e2e/

test-fuzz:
	$(call banner,fuzzing decode + validate for 20 s (libFuzzer, ASan, UBSan))
	scripts/ctest-summary.sh --test-dir $(FUZZ_DIR) -R '^fuzz_' --timeout 300

bench: native wasm
	scripts/bench.sh

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
