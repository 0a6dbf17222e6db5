# The two commands of the README: `make demo` and `make test`. Everything else is a step of them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint types imports unit postgres bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

postgres:
	bash tools/ensure-postgresql.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools

types: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP) postgres
	$(BIN)/pytest -q

test: lint types imports unit

demo: $(STAMP)
	$(BIN)/python -m sluis.synth.demo demo/production.db
	$(BIN)/sluis scan demo/production.db
	$(BIN)/sluis scan demo/production.db --format html -o demo/scan.html
	@echo "The scan as a page for the privacy officer: demo/scan.html"

bench: $(STAMP) postgres
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) demo bench/out .pytest_cache .mypy_cache .ruff_cache
