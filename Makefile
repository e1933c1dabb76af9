# Every target that needs Python goes through .venv/.installed, which is rebuilt when
# pyproject.toml or the lock changes, so a fresh machine needs nothing but `make run` or
# `make test`. Everything installed is pinned with its hashes in requirements.lock
# (docs/adr/0015-lock-file.md); the project itself goes in without fetching anything.
# The first interpreter that really runs and is 3.11 or 3.12 (pyenv shims may exist but fail).
PYTHON ?= $(shell for p in python3.11 python3.12 python3; do \
	$$p -c 'import sys; assert (3, 11) <= sys.version_info[:2] < (3, 13)' 2>/dev/null && { echo $$p; break; }; \
	done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock

.PHONY: run test stress lint bench schema lock sbom clean

$(STAMP): pyproject.toml $(LOCK)
	@test -n "$(PYTHON)" || { echo "Python 3.11 of 3.12 nodig (durable-rules importeert niet op 3.13)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The lock again from pyproject.toml: new dependencies are added, the pins already in it
# are kept; `make lock UPGRADE=--upgrade` moves every pin to the newest version.
lock:
	test -x $(BIN)/uv || $(MAKE) $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra test --extra lint --extra supply \
		--generate-hashes --universal --python-version 3.11 $(UPGRADE) -o $(LOCK)

# A CycloneDX SBOM of what the environment holds (the lock installed), for the
# municipality's security officer; reproducible, so a rebuild gives the same file.
sbom: $(STAMP)
	$(BIN)/cyclonedx-py environment $(BIN)/python --pyproject pyproject.toml \
		--output-reproducible --of JSON -o sbom.cdx.json
	@echo "SBOM geschreven naar sbom.cdx.json"

run: $(STAMP)
	$(BIN)/afweging serve

lint: $(STAMP)
	$(BIN)/ruff check engine api tests
	$(BIN)/ruff format --check engine api tests
	$(BIN)/mypy engine api

# The whole suite on every core (pytest-xdist), the stress runs marked `stress` left out;
# the slowest tests are listed at the end so a slow one is seen when it creeps in.
# The browser tests of the review pages drive the system's chromium (tests/browser).
test: lint
	$(call apt_ensure,chromium)
	$(BIN)/python -m pytest -n auto --dist worksteal --durations=10

# The long stress runs only, their progress shown as it comes (-s).
stress: $(STAMP)
	$(BIN)/python -m pytest -m stress -s -v

# A Debian package a target needs, installed when it is missing and we may (root);
# otherwise one line says so and the part that needs it is skipped.
define apt_ensure
	@command -v $(1) >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && { apt-get install -y -qq $(1) >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $(1) >/dev/null; }; }; } || echo "$(1) ontbreekt en kan hier niet worden geïnstalleerd"
endef

# Figures as measured, written to docs/performance.md; the API part drives load with wrk.
bench: $(STAMP)
	$(call apt_ensure,wrk)
	$(BIN)/python -m tests.bench

schema: $(STAMP)
	$(BIN)/afweging schema > rulesets/schema.json
	$(BIN)/afweging schema --casus > rulesets/casus.schema.json

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
