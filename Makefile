# td_render: `make demo` and `make test` work from a fresh Debian 12 machine (root, apt + PyPI).
PYTHON ?= python3
VENV   := .venv
VPY    := $(VENV)/bin/python
DEV_CFLAGS := -Wall -Wextra -Werror -O2 -g

.PHONY: all bootstrap venv build build-asan demo test test-asan fuzz fuzz-asan fuzz-c clean

all: build

bootstrap:
	@scripts/bootstrap

# The virtual environment: the package itself (editable) with its test extras, and the build tools.
$(VENV)/.stamp: pyproject.toml setup.py
	@$(MAKE) --no-print-directory bootstrap
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip setuptools wheel
	$(VPY) -m pip install -q "glad2>=2.0.4" "numpy>=2.0"
	TD_RENDER_CFLAGS="$(DEV_CFLAGS)" $(VPY) -m pip install -q --no-build-isolation -e '.[test]'
	touch $@

venv: $(VENV)/.stamp

# Builds td_render._td in place, warnings as errors.
build: venv
	TD_RENDER_CFLAGS="$(DEV_CFLAGS)" $(VPY) setup.py -q build_ext --inplace

demo: build
	$(VPY) -m td_render.demo --out out/demo.png

test: build
	$(VPY) -m pytest -q tests

# The same module built with AddressSanitizer + UndefinedBehaviorSanitizer into build/asan/lib,
# beside (not over) the in-place build. -fno-wrapv undoes Python's -fwrapv, which would hide signed
# overflow from UBSan; -UNDEBUG turns our assert()s back on.
ASAN_CFLAGS := -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -fno-wrapv -UNDEBUG -O1 -g -Wall -Wextra -Werror
build-asan: venv
	TD_RENDER_CFLAGS="$(ASAN_CFLAGS)" TD_RENDER_LDFLAGS="-fsanitize=address,undefined" \
		$(VPY) setup.py -q build_ext --build-lib build/asan/lib --build-temp build/asan/tmp
	cp td_render/*.py td_render/*.pyi td_render/py.typed build/asan/lib/td_render/

# The whole suite under the sanitizers, a leak check at the end (tests/asan/lsan_plugin.py).
test-asan: build-asan
	scripts/asan-env $(VPY) -m pytest -q -p lsan_plugin tests

# Longer hostile-input and thread runs than `make test` does, the hostile-script fuzzer again under
# the sanitizers, then the C fuzzers.
fuzz: build fuzz-asan fuzz-c
	TD_RENDER_THREAD_SECONDS=120 $(VPY) -m pytest -q --hypothesis-profile=fuzz tests/test_hostile.py tests/test_threads.py \
		tests/test_hostile_network.py tests/test_hostile_graph.py

# The hostile-script fuzzer (networks that edit themselves mid-cook) under ASan + UBSan.
fuzz-asan: build-asan
	scripts/asan-env $(VPY) -m pytest -q -p lsan_plugin --hypothesis-profile=fuzz tests/test_hostile_network.py \
		tests/test_hostile_graph.py

# libFuzzer harnesses of the plain-C layers (clang, ASan + UBSan), FUZZ_SECONDS each; the corpus
# grows in build/fuzz/corpus-<name> from run to run. Each harness: its sources, libraries and seed
# step. The decode harness compiles tinyexr from Debian's header into itself (tinyexr_impl.cc) so the
# sanitizers see inside it; its seeds (tests/fuzz/make_decode_seeds.py) need the built module and
# are skipped without it. The obj harness (src/geom/obj.c) starts from tests/fuzz/obj_seeds.
FUZZ_SECONDS ?= 60
FUZZERS := encode_png decode obj
FUZZ_CFLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_GNU_SOURCE -Isrc
FUZZ_SRC_encode_png := src/image/png.c src/image/image.c src/image/bytes.c src/image/sample.c
FUZZ_LIBS_encode_png := -lpng -ldeflate -lm
FUZZ_SEED_encode_png := true
FUZZ_FIXED_encode_png :=
FUZZ_SRC_decode := $(wildcard src/image/decode*.c) src/util/file_read.c build/fuzz/tinyexr_impl.o
FUZZ_LIBS_decode := -fsanitize-link-c++-runtime -lpng -ljpeg -ltiff -lz -lstdc++ -lm
# inputs that once crashed or overran (read every run, never written to)
FUZZ_FIXED_decode := tests/fuzz/decode_regressions
FUZZ_SEED_decode := PYTHONPATH=. $(VPY) tests/fuzz/make_decode_seeds.py build/fuzz/corpus-decode || echo "fuzz-c decode: no seeds (build first)"

FUZZ_SRC_obj := src/geom/obj.c src/geom/mesh.c
FUZZ_LIBS_obj := -lm
FUZZ_FIXED_obj :=
FUZZ_SEED_obj := cp tests/fuzz/obj_seeds/* build/fuzz/corpus-obj/

build/fuzz/tinyexr_impl.o: tests/fuzz/tinyexr_impl.cc
	@mkdir -p build/fuzz
	clang++ -c -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all $< -o $@

fuzz-c: bootstrap build/fuzz/tinyexr_impl.o
	@mkdir -p build/fuzz
	@set -e; $(foreach f,$(FUZZERS), \
		clang $(FUZZ_CFLAGS) tests/fuzz/$(f)_fuzzer.c $(FUZZ_SRC_$(f)) $(FUZZ_LIBS_$(f)) -o build/fuzz/$(f)_fuzzer; \
		mkdir -p build/fuzz/corpus-$(f); \
		[ -n "$$(ls -A build/fuzz/corpus-$(f))" ] || $(FUZZ_SEED_$(f)); \
		rc=0; build/fuzz/$(f)_fuzzer -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 build/fuzz/corpus-$(f) $(FUZZ_FIXED_$(f)) \
			> build/fuzz/$(f).log 2>&1 || rc=$$?; \
		echo "fuzz-c $(f): $$(grep -E '^stat::number_of_executed_units' build/fuzz/$(f).log) (rc $$rc)"; \
		if [ $$rc -ne 0 ]; then tail -40 build/fuzz/$(f).log; exit 1; fi;)

clean:
	rm -rf build td_render/*.so out .pytest_cache .hypothesis
