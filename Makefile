# Two entry points for a fresh machine: `make demo` and `make test`. Each builds .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

demo: $(BIN)/.installed  ## crawl the bundled sample news site (served on 127.0.0.1) into output/
	$(BIN)/python -m crawler.demo

test: $(BIN)/.installed  ## lint, then the whole test suite (offline, 127.0.0.1 only)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
