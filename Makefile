# Two commands on a fresh machine: `make reports` (the main job) and `make test`.
# Both create .venv when it is missing and install the locked stack into it.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.dvk-installed
KERNEL := dvk-analysis
PYTHON ?= python3

.PHONY: reports test test-fast lab lint format lock bench compare-outputs clean-venv

$(STAMP): pyproject.toml requirements.lock
	@echo "==> [1/6] install: .venv with the locked stack (first time only, a few minutes)" >&2
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "$(KERNEL)" >/dev/null
	touch $(STAMP)
	@echo "    installed; the project kernel is '$(KERNEL)'" >&2

## The main job: validate data, build the data set, execute every notebook, write reports/.
reports: $(STAMP)
	$(VENV)/bin/dvk reports

## The whole test suite, including nbval on notebooks/ and the lint.
test: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/ruff format --check src tests benchmarks scripts
	$(VENV)/bin/pytest -n 2 --dist loadfile tests
	$(VENV)/bin/pytest --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks

## The inner loop (under 1 min): unit tests without the slow ones (end to end, processes, Monte Carlo).
## Tests spread one by one (--dist load): no slow fixture here is worth keeping a file on one worker.
test-fast: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/pytest -n 2 --dist load -m "not slow" tests

## JupyterLab on the repository root, the project's kernel only, autosave off (dvk lab).
lab: $(STAMP)
	$(VENV)/bin/dvk lab

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/ruff format --check src tests benchmarks scripts

format: $(STAMP)
	$(VENV)/bin/ruff format src tests benchmarks scripts
	$(VENV)/bin/ruff check --fix src tests benchmarks scripts

## Every benchmark, each printing its table of ratios.
bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done

## Are the figures and tables of two revisions byte-identical? (make compare-outputs A=REV B=REV)
compare-outputs: $(STAMP)
	$(PY) scripts/compare_outputs.py "$(A)" "$(B)"

## Refresh requirements.lock from pyproject.toml in a throw-away venv.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check '.[test]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^dvk-analysis' > requirements.lock
	rm -rf .lock-venv

clean-venv:
	rm -rf $(VENV)
