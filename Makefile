# The two entry points of the README. Both set up a local virtual environment on first use.
PYTHON ?= $(shell for p in python3.12 python3.11 python3; do command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 13)))' 2>/dev/null && echo $$p && break; done)
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/thuiszorg-de-linde.yaml

.PHONY: demo test bench golden mutation clean

demo: $(VENV)/.installed
	$(BIN)/zorgadvies assess $(EXAMPLE)

test: $(VENV)/.installed
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

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

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "zorgadvies needs Python 3.11 or 3.12 (durable-rules does not import on 3.13)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis .mutation
