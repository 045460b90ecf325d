# The two commands of the README: `make run` and `make test`. The rest are their parts.

BIN := target/debug/citizen-diplomat
VENV := .venv

.PHONY: run build web test test-sqlite test-postgres contract test-web lint compose-check openapi release bench bench-jury bench-logins bench-outbox bench-files

## Build the API and the SPA, then start the app on SQLite at http://127.0.0.1:8080, with demo content when the
## database is new.
run: build web
	$(BIN) seed --demo --if-empty
	REQUIRE_SECOND_FACTOR=$${REQUIRE_SECOND_FACTOR:-false} $(BIN) serve

build:
	cargo build -p api --bin citizen-diplomat

# The SPA's packages, exactly as package-lock.json has them; again whenever the lock changes.
frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

## The SPA, built into frontend/dist (served by `citizen-diplomat serve`).
web: frontend/node_modules/.package-lock.json
	cd frontend && npm run build

## The whole suite: lint, unit and HTTP tests on SQLite, again on PostgreSQL when TEST_DATABASE_URL is set,
## schemathesis against the served contract, docker-compose.yml against the compose specification, and the
## SPA's unit and end-to-end tests.
test: lint test-sqlite test-postgres contract compose-check test-web

# Lint and build in one pass: clippy runs as the compiler of the workspace's own crates while every target
# is built for the tests, so the dependencies compile once (`cargo clippy` compiled them all a second time,
# for its checks, and `cargo build -p api` a third, with other features). The tests below reuse this build.
CLIPPY_DRIVER := $(shell rustup which clippy-driver 2>/dev/null || command -v clippy-driver)
CHECKED := RUSTC_WORKSPACE_WRAPPER=$(CLIPPY_DRIVER) CLIPPY_ARGS=-Dwarnings

lint:
	cargo fmt --all --check
	$(CHECKED) cargo build --workspace --all-targets

# The services the files tests use, started around each cargo test run and stopped after it, whatever happens:
# moto's S3 server (TEST_S3_ENDPOINT; the files tests run their storage cases on it as well as on the local
# folder) and a private clamd that knows only the EICAR test signature (TEST_CLAMAV_URL). A test whose service
# is missing says SKIPPED, and fails when CI is set. One test with them: `tests/services/with-services.sh
# cargo test -p integration-tests files`.
SERVICES := tests/services/with-services.sh
# moto, pinned like schemathesis; a new pin installs on the next run.
MOTO_VERSION := 5.2.1

$(VENV)/.moto-$(MOTO_VERSION):
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet 'moto[server]==$(MOTO_VERSION)'
	touch $@

test-sqlite: lint $(VENV)/.moto-$(MOTO_VERSION)
	env -u TEST_DATABASE_URL $(CHECKED) $(SERVICES) cargo test --workspace

test-postgres: lint $(VENV)/.moto-$(MOTO_VERSION)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "PostgreSQL: running the db and HTTP suites on $$TEST_DATABASE_URL"; \
		$(CHECKED) $(SERVICES) cargo test -p db -p integration-tests; \
	else \
		echo "PostgreSQL: SKIPPED — set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run the suite on it"; \
	fi

## The SPA: its generated client matches openapi/openapi.json, ESLint (typescript-eslint with types, React's hooks
## rules; no warning allowed), unit tests (Vitest), the production build, then the end-to-end journeys in Debian's
## chromium against the real server on fresh SQLite files.
test-web: lint frontend/node_modules/.package-lock.json
	cd frontend && npm run api:check
	cd frontend && npm run lint
	cd frontend && npm run test
	cd frontend && npm run build
	cd frontend && npm run e2e

# schemathesis, pinned: its generation and checks change between versions, and the contract check's examples
# budget is tuned for this one. A new pin installs on the next run.
SCHEMATHESIS_VERSION := 4.32.5

$(VENV)/.schemathesis-$(SCHEMATHESIS_VERSION):
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet schemathesis==$(SCHEMATHESIS_VERSION)
	touch $@

## schemathesis against the served contract (tests/contract/): the server on a fresh SQLite file with the demo,
## then as the public, a citizen and staff — no 5xx, no status, content type or body outside the contract.
contract: lint $(VENV)/.schemathesis-$(SCHEMATHESIS_VERSION)
	$(VENV)/bin/python tests/contract/run.py --bin $(BIN) --schemathesis $(VENV)/bin/schemathesis

$(VENV)/bin/check-jsonschema:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet check-jsonschema

compose-check: $(VENV)/bin/check-jsonschema
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

## Regenerate the committed OpenAPI document after changing the API.
openapi: frontend/node_modules/.package-lock.json
	cargo run -q -p api --bin citizen-diplomat -- openapi > openapi/openapi.json
	cd frontend && npm run api:generate

release:
	cargo build --release -p api --bin citizen-diplomat

## 100,000 ideas: list, search and near-duplicate timings on SQLite, and on PostgreSQL with BENCH_DATABASE_URL
## (a database of its own: it is filled). See docs/benchmarks/ideas-at-scale.md.
bench:
	cargo build --release -p db --example bench_ideas
	rm -rf target/bench && mkdir -p target/bench
	target/release/examples/bench_ideas "sqlite://target/bench/ideas.sqlite3?mode=rwc"
	@if [ -n "$$BENCH_DATABASE_URL" ]; then target/release/examples/bench_ideas "$$BENCH_DATABASE_URL"; fi

## The jury at scale over HTTP: automatic assignment and ranking for 250 ideas × 20 reviewers and 10,000 × 400, on
## SQLite, and on PostgreSQL with BENCH_DATABASE_URL (a database of its own: it is emptied). See
## docs/benchmarks/jury-at-scale.md.
bench-jury:
	cargo build --release -p integration-tests --example bench_jury
	rm -rf target/bench && mkdir -p target/bench
	target/release/examples/bench_jury "sqlite://target/bench/jury-250.sqlite3?mode=rwc" 250 20
	target/release/examples/bench_jury "sqlite://target/bench/jury-10000.sqlite3?mode=rwc" 10000 400
	@if [ -n "$$BENCH_DATABASE_URL" ]; then \
		target/release/examples/bench_jury "$$BENCH_DATABASE_URL" 250 20; \
		target/release/examples/bench_jury "$$BENCH_DATABASE_URL" 10000 400; \
	fi

## Password hashing under bursts of 1, 4, 16 and 64 concurrent sign-ins: the server's resident memory and the
## logins' latency. See docs/benchmarks/logins.md.
bench-logins:
	cargo build --release -p api --bin citizen-diplomat
	cargo build --release -p integration-tests --example bench_logins
	target/release/examples/bench_logins target/release/citizen-diplomat

## The outbox's dispatcher: a backlog of 10,000 e-mails to a local SMTP server, and the lag of single messages
## (on PostgreSQL too with BENCH_DATABASE_URL); figures in docs/benchmarks/outbox.md.
bench-outbox:
	cargo run --release -p integration-tests --example bench_outbox -- $(BENCH_DATABASE_URL)

## Files on the local folder: upload and download throughput (1 to 100 MiB, one at a time and four at once) and
## the server's resident memory during each upload, against the release server; figures in
## docs/benchmarks/files.md.
bench-files:
	cargo build --release -p api --bin citizen-diplomat
	cargo build --release -p integration-tests --example bench_files
	target/release/examples/bench_files target/release/citizen-diplomat
