#!/usr/bin/env bash
# make bench: measures ticket ingest through the real HTTP handler into each
# backend (single tickets from 16 concurrent clients; 1,000-ticket batches)
# and, in the same run, PostgreSQL's raw single-row INSERT ceiling with
# pgbench at the same concurrency. Raw results go to bench/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench
COUNT=${BENCH_COUNT:-6}
BENCHSTAT=${BENCHSTAT:-go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da}

echo "== ingest benchmarks (count=$COUNT)"
go test -run '^$' -bench 'Ingest' -benchtime 2s -count "$COUNT" ./httpserver | tee bench/ingest.txt
echo
$BENCHSTAT bench/ingest.txt
echo
echo "== pgbench: raw single-row INSERT into the same tickets table, 16 clients"
ceiling=$(scripts/pgbench-insert.sh 2>/dev/null | awk '/pgbench_insert_tps/ {print $2}')
single=$(awk '/BenchmarkIngestSingle\/postgres/ {for (i=1;i<=NF;i++) if ($(i+1)=="tickets/s") {s+=$i; n++}} END {if (n) printf "%.0f", s/n}' bench/ingest.txt)
echo
printf '%-52s %12s\n' "measure" "tickets/s"
awk '/tickets\/s/ {name=$1; sub(/-[0-9]+$/, "", name); for (i=1;i<=NF;i++) if ($(i+1)=="tickets/s") {s[name]+=$i; n[name]++}}
     END {for (k in s) printf "%-52s %12.0f\n", k, s[k]/n[k]}' bench/ingest.txt | sort
printf '%-52s %12s\n' "pgbench raw INSERT (16 clients, ceiling)" "$ceiling"
if [ -n "$ceiling" ] && [ -n "$single" ]; then
  awk -v s="$single" -v c="$ceiling" 'BEGIN {printf "single-ticket Postgres ingest = %.0f%% of the raw INSERT ceiling (target >= 50%%)\n", 100*s/c}'
fi
if [ -x scripts/bench-triage.sh ]; then
  echo
  scripts/bench-triage.sh
fi
