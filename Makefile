# The two entry points of the README. Both set up a local virtual environment on first use:
# `make demo` installs only the tool, `make test` (and `make .venv/.installed`) the dev extras too.
PYTHON ?= $(shell for p in python3.12 python3.11 python3; do command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 13)))' 2>/dev/null && echo $$p && break; done)
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/thuiszorg-de-linde.yaml
COMPILERS ?= $(CC) cc gcc clang
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: demo test bench bench-serve serve golden mutation clean check-build

demo: $(VENV)/.tool
	$(BIN)/zorgadvies assess $(EXAMPLE)

test: $(VENV)/.installed
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

# 200 simulated respondents against `zorgadvies serve` with 2 workers (SQLite; --database for PostgreSQL).
bench-serve: $(VENV)/.installed
	$(BIN)/python benchmarks/serve_bench.py

serve: $(VENV)/.installed
	$(BIN)/zorgadvies serve

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench.py

# Rewrite tests/golden/ from the current code, then show what changed: review it before committing.
golden: $(VENV)/.installed
	$(BIN)/python -m pytest -q -p no:randomly tests/test_golden.py --update-golden
	git status --short -- tests/golden
	git diff --stat -- tests/golden

# Mutation testing of the decision modules (docs/testing.md); one module: make mutation MODULE=stages
MODULE ?=
mutation: $(VENV)/.mutation
	$(BIN)/python tools/mutation.py $(MODULE)

$(VENV)/.mutation: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,mutation]'
	touch $@

# durable-rules is published only as source: pip compiles its C extension, which needs a C compiler
# and the Python headers. Checked before pip runs, so a missing one is one clear paragraph, not a
# page of compiler output.
check-build:
	@test -n "$(PYTHON)" || { echo "zorgadvies needs Python 3.11 or 3.12 (durable-rules does not import on 3.13). Install one (python.org, or: uv python install 3.12) and run make again, or install without make (README: 'Installeren zonder make')."; exit 1; }
	@cc=; for c in $(COMPILERS); do [ -n "$$cc" ] || { command -v $$c >/dev/null 2>&1 && cc=$$c; }; done; \
	headers=$$($(PYTHON) -c 'import os, sysconfig; print(int(os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))))'); \
	if [ -z "$$cc" ] || [ "$$headers" != 1 ]; then \
	  echo "zorgadvies cannot be installed yet: durable-rules is built from source and needs $$( [ -z "$$cc" ] && echo 'a C compiler' )$$( [ -z "$$cc" ] && [ "$$headers" != 1 ] && echo ' and ' )$$( [ "$$headers" != 1 ] && echo "the development headers of $(PYTHON)" ). Install them and run make again: on Debian/Ubuntu 'sudo apt install build-essential python3-dev' (for a python3.12 from a PPA: python3.12-dev); on Fedora 'sudo dnf install gcc python3-devel'; on macOS 'xcode-select --install' (the headers come with Python); on Windows the 'Build Tools for Visual Studio' with the workload 'Desktop development with C++' (the python.org installer brings the headers), then follow 'Installeren zonder make' in the README."; \
	  exit 1; \
	fi

$(VENV)/.venv-created:
	@$(MAKE) --no-print-directory check-build
	$(PYTHON) -m venv $(VENV)
	touch $@

$(VENV)/.tool: pyproject.toml | $(VENV)/.venv-created
	$(PIP) -e .
	touch $@

$(VENV)/.installed: pyproject.toml | $(VENV)/.venv-created
	$(PIP) -e '.[dev]'
	touch $@ $(VENV)/.tool

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis .mutation
