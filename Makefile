# The README's two commands: `make run` serves Dörrnät (with a small demo programme when the
# database is empty), `make test` runs the whole test suite.
# Both set up a virtual environment in .venv first (once), from pyproject.toml alone.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint setup

$(BIN)/graphsvc: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(BIN)/graphsvc

setup: $(BIN)/graphsvc

run: setup
	$(BIN)/graphsvc serve --demo-if-empty $(ARGS)

test: setup
	$(BIN)/python -m pytest $(ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy
