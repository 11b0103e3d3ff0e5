# The two commands of the README:
#   make figures   install into .venv and regenerate figures/ from the bundled corpus
#   make test      install into .venv (with test extras) and run every test
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: figures test install install-test lab clean docs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[all]"

figures: install
	$(BIN)/framing figures

test: install-test
	$(BIN)/python -m pytest

lab: install-test
	$(BIN)/jupyter lab notebooks/

# The documentation site, built offline into docs/_build/html (warnings are errors).
docs: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[docs]"
	$(BIN)/python -m sphinx -W --keep-going -b html docs docs/_build/html
	@echo "open docs/_build/html/index.html"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
