# newskb — every target creates .venv and installs into it when missing, at the exact versions
# of constraints.txt (pyproject.toml holds the compatible ranges a user's install needs).
# `make demo` installs only what the demo runs; test/lint/bench add the extras and dev tools.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install -q -c constraints.txt
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed-dev
DB ?= demo.db
PORT ?= 8000

.PHONY: demo test lint bench install clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(RUN_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) -e .
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) -e '.[dev,dask,postgres,pandas]'
	touch $(STAMP) $(RUN_STAMP)

install: $(STAMP)

demo: $(RUN_STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/newskb ingest examples/ --db $(DB)
	$(BIN)/newskb digest --db $(DB)
	$(BIN)/newskb serve --db $(DB) --port $(PORT)

test: $(STAMP)
	@for step in .ci/setup.d/*.sh; do [ -e "$$step" ] && bash "$$step"; done; true
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
