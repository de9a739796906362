# bilingual_lm: two commands set everything up on a fresh machine.
#   make run    the whole pipeline (collect → card) on the embedded default corpus
#   make test   notebooks and package in step, then every notebook's tests
# Both create .venv and install the project on first use; nothing else is needed.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
# An unpinned torch resolves to the newest CUDA build (several GB); constraints.txt pins the CPU build.
export PIP_CONSTRAINT := $(CURDIR)/constraints.txt
# Nothing is ever loaded from a hub; W&B (when switched on) logs offline.
export HF_HUB_OFFLINE ?= 1
export HF_DATASETS_OFFLINE ?= 1
export WANDB_MODE ?= offline
# Real held-out data for evaluation, where this machine has a shared data folder: $BILINGUAL_LM_SHARED_DATA, or
# shared/data beside an ancestor of the checkout, as `bilingual_lm.core.shared_data` finds it (tests find it the same way).
SHARED_DATA = $(shell $(PY) -c 'from bilingual_lm.core import shared_data; print(shared_data() or "")' 2>/dev/null)

.PHONY: run test setup readme docs-check clean-venv

$(VENV)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@# fastai depends on torchvision, but PyPI's torchvision is a CUDA build that fails to import against CPU torch,
	@# and transformers imports it whenever it is installed. This project never uses it.
	$(PY) -m pip uninstall -q -y torchvision 2>/dev/null || true
	touch $@

setup: $(VENV)/.installed

# The OPUS-100 test split is never evaluated on by `make run`, but training text must not overlap it either (02c_decontam).
EVAL_DATA = $(if $(SHARED_DATA),--set evaluate.parallel=$(SHARED_DATA)/opus100-en-bn/validation.parquet --set 'evaluate.minimal_pairs=[$(SHARED_DATA)/blimp]' \
	--set 'clean.decontaminate.files=[$(SHARED_DATA)/opus100-en-bn/test.parquet]')
RUN_ARGS ?=
run: setup
	$(VENV)/bin/bilingual-lm run $(EVAL_DATA) $(RUN_ARGS)

# The package, the notebooks and the README must be what nbdev-export, nbdev-clean and tools/readme.py make of them
# (checked on a copy, so the working tree is never touched), then every notebook's tests run, then the docs build.
test: setup
	$(PY) tools/in_step.py
	cd nbs && OMP_NUM_THREADS=1 PATH="$(CURDIR)/$(VENV)/bin:$$PATH" ../$(VENV)/bin/nbdev-test --n-workers 2 --timing
	$(PY) tools/docs_check.py

readme: setup
	$(PY) tools/readme.py

# Quarto is not needed for this check: nbdev's notebook processing plus an nbconvert HTML render of every page.
docs-check: setup
	$(PY) tools/docs_check.py

clean-venv:
	rm -rf $(VENV)
