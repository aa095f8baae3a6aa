# stormdesk: the two commands a newcomer needs are `make run` and `make test`.
GO        ?= go
BENCHSTAT ?= $(GO) run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)

.PHONY: help run build test test-short bench lint fmt fuzz clean demo scenarios

## help: list these targets
help:
	@awk '/^## [a-z-]+:/ { t = $$2; sub(/:$$/, "", t); sub(/^## [a-z-]+: /, ""); printf "  %-10s %s\n", t, $$0; next } \
	      /^## / { sub(/^## /, ""); printf "  %-10s %s\n", "", $$0 }' $(MAKEFILE_LIST)

## run: build bin/stormdesk, then start the service on the embedded default
## store (SQLite, ./stormdesk.db); Ctrl-C stops it.
# On a terminal the service runs as its own job (set -m): the shell gives it
# the terminal, so Ctrl-C reaches the service alone, it stops cleanly, and
# make exits with the service's status instead of dying of the signal
# itself. Elsewhere (CI, a pipe) make simply execs it.
run: build
	@echo "starting bin/stormdesk serve (Ctrl-C stops it)"
	@if [ -t 0 ]; then set -m; bin/stormdesk serve; exit $$?; else exec bin/stormdesk serve; fi

## demo: replay the reference outage end to end (writes demo-out/timeline.md and .html)
demo: build
	bin/stormdesk demo --out demo-out

## scenarios: replay every labelled week under scenarios/ and print one table of scores
# A week is a folder with a tickets.jsonl (scenarios/internal holds the generators' shared code).
scenarios: build
	bin/stormdesk replay $(patsubst %,--scenario %,$(dir $(wildcard scenarios/*/tickets.jsonl)))

## build: build bin/stormdesk (the first build on a fresh machine takes a few minutes)
build:
	@echo "building stormdesk (the first build takes a few minutes; later ones, seconds)…"
	@$(GO) build -ldflags "$(LDFLAGS)" -o bin/stormdesk ./cmd/stormdesk

## test: every test, with the race detector, against SQLite and a real PostgreSQL
## (STORMDESK_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test).
## The replay package runs whole weeks and surges through the service, and
## the audit's scenario tests replay a whole week; their code is race-tested
## in its own packages (the audit package is pure), so they run without the
## detector (ten times faster: the audit's week took 9 minutes under it).
test:
	$(GO) test -race -count=1 $$($(GO) list ./... | grep -v -e '/replay$$' -e '/audit$$')
	$(GO) test -count=1 ./replay ./audit

## bench: ingest throughput on both backends beside pgbench's raw INSERT ceiling
bench:
	BENCHSTAT="$(BENCHSTAT)" scripts/bench.sh

## lint: gofmt, go vet, and go.mod/go.sum tidy (a direct import marked
## "// indirect" or a stale requirement fails the build)
lint:
	$(GO) mod tidy -diff
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

## fmt: gofmt every Go file
fmt:
	gofmt -w $$(git ls-files '*.go')

## fuzz: run each fuzz target for FUZZTIME (default 1m)
FUZZTIME ?= 1m
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 50x $$pkg || exit 1; \
	  done; \
	done

## clean: remove bin/ and the default SQLite store
clean:
	rm -rf bin stormdesk.db stormdesk.db-wal stormdesk.db-shm
