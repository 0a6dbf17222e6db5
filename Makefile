# The two commands of the README: `make demo` and `make test`. Everything else is a step of them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint types imports unit postgres fonts bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,spark]'
	touch $(STAMP)

postgres:
	bash tools/ensure-postgresql.sh

# Breach letters in Arabic and Farsi need a font with their glyphs and HarfBuzz's subsetter.
fonts:
	bash tools/ensure-fonts.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools

types: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP) postgres fonts
	$(BIN)/pytest -q -n auto --dist loadfile

test: lint types imports unit

demo: $(STAMP)
	rm -rf demo && mkdir -p demo
	$(BIN)/python -m sluis.synth.demo demo/production.db --applicants 1000
	$(BIN)/sluis scan demo/production.db --format html -o demo/scan.html
	$(BIN)/sluis scan demo/production.db --table applicants
	$(BIN)/sluis policy init demo/production.db -o demo/policy.yaml
	$(BIN)/sluis keygen -o demo/sluis.key
	$(BIN)/sluis attest keygen --private demo/signing.pem --public demo/signing.pub.pem
	$(BIN)/sluis anonymize demo/production.db demo/test-copy.db --policy demo/policy.yaml \
	    --key-file demo/sluis.key --signing-key demo/signing.pem
	$(BIN)/sluis attest verify demo/test-copy.db.attestation.json demo/test-copy.db \
	    --public-key demo/signing.pub.pem
	$(BIN)/python -m sluis.synth.before_after demo/production.db demo/test-copy.db --id 5
	@echo "demo/: scan.html (for the privacy officer), policy.yaml, test-copy.db and its signed attestation"

# The baselines (Presidio, presidio-structured, deduce) live in a venv of their own: never runtime
# dependencies of Sluis.
BASELINES := .venv-baselines
$(BASELINES)/bin/python:
	$(PYTHON) -m venv $(BASELINES)
	$(BASELINES)/bin/python -m pip install --quiet presidio-analyzer deduce presidio-structured \
		presidio-anonymizer faker pyarrow pynonymizer

bench: $(STAMP) postgres $(BASELINES)/bin/python
	SLUIS_BASELINE_PYTHON=$(BASELINES)/bin/python $(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(BASELINES) demo bench/out .pytest_cache .mypy_cache .ruff_cache
