# Two entry points for a fresh machine: `make demo` and `make test`. Each builds .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Most tests wait on `scrapy crawl` subprocesses, local servers and idle workers: two test
# processes more than there are cores keep every core busy. --dist loadscope: a module's tests run in one process,
# so that a crawl several of them share (a module-scoped fixture) runs once.
TEST_PROCESSES ?= $(shell echo $$(( $$(nproc) + 2 )))

.PHONY: demo test quality clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

demo: $(BIN)/.installed  ## crawl the bundled sample news site (served on 127.0.0.1) into output/
	$(BIN)/python -m crawler.demo

test: $(BIN)/.installed  ## lint, the quality gate, the whole suite (offline, every core), coverage
	$(BIN)/ruff check .
	$(BIN)/python -m tests.golden.gate
	rm -rf .coverage && mkdir .coverage
	$(BIN)/coverage run -m pytest -n $(TEST_PROCESSES) --dist loadscope
	$(BIN)/coverage combine --quiet
	$(BIN)/coverage report

quality: $(BIN)/.installed  ## the extraction quality gate alone: scores on tests/golden, pinned floors
	$(BIN)/python -m tests.golden.gate

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .coverage
