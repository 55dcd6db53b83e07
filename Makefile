# One command for each job; each sets up .venv from pyproject.toml first if needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium

.PHONY: demo test lint bench bench-docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,bench,dask]"
	touch $(STAMP)

demo: $(STAMP)  ## build claims.db from the demo seeds (claimcheck/seeds) and open the review workbench
	$(BIN)/claimcheck demo

# Debian's Chromium for the browser tests (Playwright drives it; no browser is downloaded)
$(CHROMIUM):
	apt-get update -qq && apt-get install -y -qq chromium >/dev/null || \
	  { echo "make: the browser tests need Chromium at $(CHROMIUM) (apt-get install chromium)" >&2; exit 1; }

test: $(STAMP) $(CHROMIUM)  ## lint, then the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n 4

bench: $(STAMP)  ## every benchmark in bench/, figures printed
	$(BIN)/python -m bench

bench-docs: $(STAMP)  ## run the benches, rewrite docs/benchmarks.md (ONLY="segment dates": just those)
	$(BIN)/python -m bench.report $(if $(ONLY),--only $(ONLY))

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
