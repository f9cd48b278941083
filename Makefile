# td_render: `make demo` and `make test` work from a fresh Debian 12 machine (root, apt + PyPI).
PYTHON ?= python3
VENV   := .venv
VPY    := $(VENV)/bin/python
DEV_CFLAGS := -Wall -Wextra -Werror -O2 -g

.PHONY: all bootstrap venv build demo test clean

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

clean:
	rm -rf build td_render/*.so out .pytest_cache
