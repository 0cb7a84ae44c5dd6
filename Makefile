# Two commands for a newcomer: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,cluster]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m reader $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check reader tests
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks

# Regenerate the README screenshots on a virtual screen (needs xvfb and fonts-noto-cjk).
screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots resources/screenshots

translations: $(STAMP)
	$(BIN)/pyside6-lrelease resources/translations/ocr_reader_zh_CN.ts \
		-qm resources/translations/ocr_reader_zh_CN.qm

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
