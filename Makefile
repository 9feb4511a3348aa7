# One definition of "green" for people, CI and the GitHub workflows.
#   make serve  - install everything pinned, build, preview both languages with live reload
#   make test   - install everything, run every check and test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build offline check schemas linkcheck lint test browser bench bench-scale lighthouse fuzz clean

# Debian/Ubuntu ship `venv` separately (python3-venv): install it when it is missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "python3 -m venv failed: installing Debian's python3-venv"; \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q python3-venv && $(PYTHON) -m venv $(VENV); }

# Reinstall only when a lock file or the project's metadata changes. The project itself is
# installed editable, so the MkDocs hooks and the tests import `calculator` from this tree.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-virtualenv -r requirements.lock
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --require-virtualenv --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed node_modules/.installed

# CHECK_LANG=zh or en; by default the locale (LANG) decides. In GitHub Actions each error is also an annotation.
check: install  ## validate every data file, all errors at once, without building
	$(BIN)/python -m calculator.check $(if $(CHECK_LANG),--lang $(CHECK_LANG))

schemas: install  ## regenerate schemas/*.schema.json (editor completion) from the validation specs
	$(BIN)/python -m calculator.editor_schema

build: install  ## both languages into site/ (Chinese first: its build empties site/)
	$(BIN)/mkdocs build --strict --clean -f mkdocs.yml
	$(BIN)/mkdocs build --strict -f mkdocs.en.yml

offline: install  ## both languages into site-offline/, to zip and open from disk (file://)
	OFFLINE=true $(BIN)/mkdocs build --strict --clean -f mkdocs.yml -d site-offline
	OFFLINE=true $(BIN)/mkdocs build --strict -f mkdocs.en.yml -d site-offline/en

linkcheck: install  ## every internal link and #fragment of the built site resolves (after `make build`)
	$(BIN)/python -m calculator.linkcheck site

serve: install  ## live preview of both languages; rebuilds when roles.yaml or docs change
	$(BIN)/mkdocs serve --strict -f mkdocs.yml -a 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check calculator hooks tests
	$(BIN)/ruff format --check calculator hooks tests
	$(BIN)/mypy calculator hooks

# Browser tests need Debian's chromium (Playwright cannot download its own browser here).
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

# In this order (serial make): data first, then the real build and its links, then pytest.
test: install browser lint check build linkcheck
	$(BIN)/pytest -q

clean:
	rm -rf site site-offline .pytest_cache .mypy_cache .ruff_cache

FUZZ_SECONDS ?= 180
fuzz: install  ## mutates data files and scenarios for FUZZ_SECONDS (default 180), counts outcomes; not part of `make test`
	$(BIN)/python -m tests.fuzz --seconds $(FUZZ_SECONDS)

bench: build  ## prints calculator timings and bytes next to a bare Pyodide page (no assertions)
	$(BIN)/python tests/bench/calculator_bench.py site --runs 3

tests/bench/lighthouse/node_modules/.installed: tests/bench/lighthouse/package-lock.json
	cd tests/bench/lighthouse && npm ci --no-audit --no-fund
	touch $@

PAGES ?=
LH_RUNS ?= 3
lighthouse: build browser tests/bench/lighthouse/node_modules/.installed  ## Lighthouse 12.2.3 (mobile) on every page or PAGES, served gzip-compressed; prints scores (no assertions)
	@# Chinese pages without CJK fonts: Chromium searches fallbacks for every glyph, which no phone does
	@fc-list :lang=zh | grep -q . || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q fonts-noto-cjk; }
	$(BIN)/python tests/bench/lighthouse_bench.py site --runs $(LH_RUNS) $(if $(PAGES),--pages $(PAGES))

ROLES ?= 30 200
bench-scale: install  ## builds playbooks grown to ROLES roles (default 30 200): times, site size, navigation per page
	$(BIN)/python tests/bench/scale_bench.py --roles $(ROLES)
