# Everything runs from a local virtual environment in .venv, created on first use.
# The commands set NO_MKDOCS_2_WARNING=1 to silence Material's end-of-life banner.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test check lint benchmark clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## serve: preview the site at http://127.0.0.1:8000 (rebuilds on edits to docs/ and content/)
serve: $(STAMP)
	SITE_URL=$${SITE_URL:-http://127.0.0.1:8000/} $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: build the site into site/ with --strict
build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

## check: validate content/ only (fast; what contributors run)
check: $(STAMP)
	$(BIN)/afterno check

## test: install what the tests need, then lint, type-check and run every test
test: $(STAMP)
	tools/ensure-browser
	tools/ensure-node-tools
	$(BIN)/ruff check hooks tests tools
	$(BIN)/ruff format --check hooks tests tools
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
