# The two commands a newcomer needs:  make run   and   make test
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test lint bench torture translations wheel bundle bundle-check clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: pyproject.toml | $(PY)
	bash packaging/system-deps.sh
	$(PIP) install -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(PY)
	bash packaging/system-deps.sh --test
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.run-installed

## make run: set everything up and open the app on the demo vault (passphrase: demo)
run: $(VENV)/.run-installed
	$(VENV)/bin/handbook-app-gui --demo

## make test: set everything up and run the whole suite, the linter and the import-rule check
test: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/lint-imports

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/lint-imports

## make bench: print the performance figures against their targets
bench: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

## make torture: long damage, tamper and size runs that CI does not need (issue 17): thousands of random byte
## flips and truncations through verify/export-json, and verify over a 1,000,000-entry history
torture: $(VENV)/.test-installed
	HANDBOOK_TORTURE_TRIALS=3000 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/security/test_salvage.py
	BENCH_VERIFY_ENTRIES=1000000 $(PY) -m bench.bench_verify
	$(PY) -m bench.bench_long_text

## make translations: refresh the catalogue from the code and compile it (.po -> .mo)
translations: $(VENV)/.test-installed
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -k "tr:2" -o translations/messages.pot --no-location --sort-output --no-wrap src
	$(VENV)/bin/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete --no-wrap
	$(VENV)/bin/pybabel compile -d translations --statistics
	for lang in vi ja; do $(VENV)/bin/pybabel compile -i translations/qt/qt_$$lang.po -o translations/qt/qt_$$lang.mo; done

$(VENV)/.bundle-installed: pyproject.toml | $(PY)
	bash packaging/system-deps.sh --bundle
	$(PIP) install -e '.[bundle]'
	touch $@ $(VENV)/.run-installed

## make wheel: dist/*.whl (needs only Python and the package index: no test tools, no system packages)
wheel: | $(PY)
	$(PIP) install build
	$(PY) -m build --wheel

## make bundle: the portable app in dist/ (folder, .tar.gz or .zip, .sha256), sizes against the budget
bundle: $(VENV)/.bundle-installed
	$(PY) packaging/build_bundle.py

## make bundle-check: run the bundle's smoke test from a copy outside the checkout, HOME read-only
bundle-check: bundle
	$(PY) packaging/smoke_test.py dist/TraineeHandbook-*.tar.gz

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
