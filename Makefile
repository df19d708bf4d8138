# unionkg: the two commands of the README.
#   make serve   install into .venv, build the graph from data/samples, serve on 127.0.0.1:8000
#   make test    install what the tests need, run the whole suite
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= data/store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: serve install install-test graph test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

# Installed once, and again only when pyproject.toml changes (make graph / serve reran pip every time).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e .
	touch $@

install: $(VENV)/.installed

graph: install
	$(BIN)/unionkg ingest data/samples --store $(STORE)

serve: graph
	$(BIN)/unionkg serve --host $(HOST) --port $(PORT) --store $(STORE)

install-test: $(BIN)/python
	bash scripts/install-test-deps.sh $(BIN)

test: install-test
	$(BIN)/python -m pytest
	@# pytest exits 5 when it collects no tests, which fails this target too.

bench: install-test
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) $(STORE)
