# ARCA — the two commands: `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
PORT ?= 8080
DEBUG_BIN = .build/debug
RELEASE_BIN = .build/release

.PHONY: run test deps build release bench-db bench-api bench-exchange bench-stats reliability clean-db

## run: install what is missing, build in release mode, start the embedded PostgreSQL,
## migrate, seed demo data on first start, print an officer's API token, and serve the API
## on http://127.0.0.1:$(PORT)
run: deps release
	$(RELEASE_BIN)/arca db start
	$(RELEASE_BIN)/arca migrate
	$(RELEASE_BIN)/arca demo seed --cases 200 --if-empty --token
	@echo "ARCA: serving on http://127.0.0.1:$(PORT)  (Ctrl-C stops; the database keeps running: 'arca db stop')"
	$(RELEASE_BIN)/arca serve --host 127.0.0.1 --port $(PORT)

## test: install what is missing, build, run the whole suite against real PostgreSQL
test: deps
	$(SWIFT) build --build-tests
	ARCA_BIN="$$(pwd)/$(DEBUG_BIN)/arca" $(SWIFT) test --skip-build

## deps: libpq-dev and the PostgreSQL server, through apt when root; otherwise say what to install
deps:
	@missing=""; \
	{ [ -f /usr/include/postgresql/libpq-fe.h ] || [ -f /usr/include/libpq-fe.h ]; } || missing="$$missing libpq-dev"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; \
	    mkdir -p /etc/postgresql-common/createcluster.d; \
	    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/arca.conf; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "ARCA needs:$$missing — install with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product arca

## bench-db: LibPQ pool vs pgbench -S on the same table and connection count (see Benchmarks/)
bench-db: deps release
	Benchmarks/bench-db.sh

## bench-api: GET /v1/cases/{id} and POST /v1/cases/{id}/assets against pgbench running the
## statements of before issue 8 and of now, on `arca demo seed --cases 20000` data (see Benchmarks/)
bench-api: deps release
	Benchmarks/bench-api.sh

## bench-exchange: two deployments on loopback, 2,000 requests from BE to NL, with NL up and then
## stopped for 10 s: commit-to-acknowledgement p50/p99, messages/s, exactly once (see Benchmarks/)
bench-exchange: deps release
	Benchmarks/bench-exchange.sh

## bench-stats: the yearly statistics extract on 100,000 bulk cases against one plain SQL
## aggregate for S1–S4 (the floor), in the same run; goal within 3x the floor and under 5 s
bench-stats: deps release
	Benchmarks/bench-stats.sh

## reliability: crash (kill -9 under writes), database outage, hostile input, concurrency and a
## 60 s mixed load against a release server on 127.0.0.1, each printing its figures (see
## Docs/RELIABILITY.md); `make reliability SCENARIOS=outage` runs one
reliability: deps release
	Benchmarks/reliability/reliability.sh $(SCENARIOS)

## clean-db: stop and delete the embedded cluster under .arca/
clean-db:
	-$(RELEASE_BIN)/arca db stop 2>/dev/null || $(DEBUG_BIN)/arca db stop 2>/dev/null
	rm -rf .arca
