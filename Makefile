# `make run` and `make test` build the environment they need from nothing (Python >= 3.11 on PATH).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
OUT    := out
DB     := $(OUT)/sample.db

.PHONY: run test bench lint lock clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-* && touch $@

## run: ingest the bundled sample, print a summary, write the reports to out/
run: $(STAMP)
	@mkdir -p $(OUT) && rm -rf $(DB) $(DB).index
	$(BIN)/newsprism ingest examples --db $(DB) --out $(OUT)/ingest.jsonl
	$(BIN)/newsprism stories --db $(DB)
	$(BIN)/newsprism report --db $(DB) --format md --out $(OUT)/report.md
	$(BIN)/newsprism report --db $(DB) --format html --out $(OUT)/report.html
	@echo "HTML report: $(CURDIR)/$(OUT)/report.html   (Markdown: $(OUT)/report.md)"

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## bench: speed and quality measurements (figures go to docs/benchmarks.md); about 75 minutes
bench: $(STAMP)
	$(BIN)/python bench/end_to_end.py
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/grouping.py --skip-semeval
	$(BIN)/python bench/semeval.py --every 1
	$(BIN)/python bench/group_scale.py --quality
	$(BIN)/python bench/stream_languages.py
	$(BIN)/python bench/group_scale.py
	$(BIN)/python bench/corroboration.py
	$(BIN)/python bench/conflict_precision.py

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

## lock: re-resolve pinned dependencies after editing pyproject.toml
lock:
	uv pip compile pyproject.toml --extra dev --extra bench --python-version 3.11 -q -o requirements.lock

clean:
	rm -rf $(VENV) $(OUT) build src/*.egg-info
