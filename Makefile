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
	rm -rf demo && mkdir -p demo
	$(BIN)/python -m sluis.synth.demo demo/production.db
	$(BIN)/sluis scan demo/production.db --format html -o demo/scan.html
	$(BIN)/sluis scan demo/production.db --table applicants
	$(BIN)/sluis policy init demo/production.db -o demo/policy.yaml
	$(BIN)/sluis keygen -o demo/sluis.key
	$(BIN)/sluis anonymize demo/production.db demo/test-copy.db --policy demo/policy.yaml --key-file demo/sluis.key
	$(BIN)/python -m sluis.synth.before_after demo/production.db demo/test-copy.db --id 5
	@echo "demo/: scan.html (the scan for the privacy officer), policy.yaml, test-copy.db"

bench: $(STAMP) postgres
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) demo bench/out .pytest_cache .mypy_cache .ruff_cache
