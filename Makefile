# Everything runs from a local virtual environment in .venv, created on first use.
# The commands set NO_MKDOCS_2_WARNING=1 to silence Material's end-of-life banner.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast check check-github clean benchmark-site

# Property tests draw more cases in CI (CI=true, as GitHub Actions sets it) than in the edit loop.
export HYPOTHESIS_PROFILE ?= $(if $(filter true,$(CI)),ci,quick)
# Two workers; --dist loadfile keeps each test file in one worker, so a file's own build runs once.
PYTEST := $(BIN)/python -m pytest -n 2 --dist loadfile

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The preview's port: `make serve PORT=8210` when 8000 is taken.
PORT ?= 8000

## serve: preview the site at http://127.0.0.1:8000 (rebuilds on edits to docs/ and content/; PORT=8210 for another port)
serve: $(STAMP)
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)/} $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## build: build the site into site/ with --strict; the old site/ stays in place unless the build succeeds.
## Dates come from the last commit (SOURCE_DATE_EPOCH), so two builds of one commit are byte-identical.
## Needs SITE_URL (the published address); LOCAL_PREVIEW=1 builds a copy for this computer instead.
build: $(STAMP)
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || echo 0)} $(BIN)/afterno build$(if $(LOCAL_PREVIEW), --local-preview)

.PHONY: links
## links: check every external link of the built site online (needs the internet; not part of make test).
## Builds first: set SITE_URL, or LOCAL_PREVIEW=1 (the external links are the same).
links: build
	$(BIN)/afterno links

.PHONY: benchmark-scale
## benchmark-scale: afterno build and check at 1x, 10x and 100x the content, hostile fields, lines of Python
benchmark-scale: $(STAMP)
	$(BIN)/python tests/benchmarks/scale.py

.PHONY: benchmark-languages
## benchmark-languages: afterno build of English alone vs English, German and Spanish (target: at most 3.5 times)
benchmark-languages: $(STAMP)
	$(BIN)/python tests/benchmarks/languages.py

## check: validate content/ only (fast; what contributors run). Python keeps its compiled modules here: compiling
## the checker's modules anew on each run cost 0.13 s of its 0.40 s.
check: export PYTHONDONTWRITEBYTECODE :=
check: $(STAMP)
	$(BIN)/afterno check

## check-github: the checker alone, as CI's first job runs it: only the packages it imports (pinned, hash-checked),
## every problem as a GitHub annotation (::error file=...,line=...,col=...::message) beside the changed line
check-github:
	test -x .venv-check/bin/python || $(PYTHON) -m venv .venv-check
	$(PYTHON) .ci/checker_requirements.py > .venv-check/requirements.txt
	.venv-check/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r .venv-check/requirements.txt
	PYTHONPATH=hooks .venv-check/bin/python -m afterno.cli check --format github

## test: install what the tests need, then lint, type-check and run every test (Python: ruff, mypy; JavaScript:
## tsc on the JSDoc types, Biome lint + format, node's unit tests)
test: $(STAMP)
	tests/bin/ensure-browser
	tests/bin/ensure-node-tools
	$(BIN)/ruff check hooks tests
	$(BIN)/ruff format --check hooks tests
	$(BIN)/mypy
	node_modules/.bin/tsc --noEmit -p .
	node_modules/.bin/biome ci
	node --test tests/js/
	$(PYTEST)

## test-fast: the edit loop, under a minute: lint, type-check and every test except the browser and slow ones
test-fast: $(STAMP)
	tests/bin/ensure-node-tools
	$(BIN)/ruff check hooks tests
	$(BIN)/ruff format --check hooks tests
	$(BIN)/mypy
	node --test tests/js/
	$(PYTEST) -m "not browser and not slow"

## benchmark-site: gzipped bytes (theme vs own), requests and Lighthouse mobile scores for home, a guide, the checklist, the templates and the theme alone (an empty page)
benchmark-site: $(STAMP) tests/benchmarks/node_modules/.installed
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python tests/benchmarks/site.py

tests/benchmarks/node_modules/.installed: tests/benchmarks/package-lock.json
	cd tests/benchmarks && npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: benchmark-checklist
## benchmark-checklist: print the checklist page's sizes, tick-to-saved and time-to-interactive in headless Chromium
benchmark-checklist: $(STAMP)
	tests/bin/ensure-browser
	$(BIN)/python tests/benchmarks/checklist.py

.PHONY: benchmark-preview
## benchmark-preview: saved edit -> preview refreshed in headless Chromium under `mkdocs serve`, and `afterno check` (medians)
benchmark-preview: $(STAMP)
	tests/bin/ensure-browser
	$(BIN)/python tests/benchmarks/preview.py

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache .venv-check
