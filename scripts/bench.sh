#!/usr/bin/env bash
# make bench: measures ticket ingest through the real HTTP handler into each
# backend (single tickets from 16 concurrent clients; 1,000-ticket batches)
# and, in the same run, PostgreSQL's raw single-row INSERT ceiling with
# pgbench at the same concurrency; then chat, email, export, several
# replicas under load, triage against the scikit-learn peer, and the
# labelled scenarios replayed through the whole service. Raw results go to
# bench/ (gitignored). BENCH_ONLY=load (or ingest, chat, email, export,
# statuspage, triage, scenarios) runs one part.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench
COUNT=${BENCH_COUNT:-6}
BENCHSTAT=${BENCHSTAT:-go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da}

part() { [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = "$1" ]; }

if part ingest; then
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
fi

if part chat; then
  echo
  echo "== slash-command acknowledgement, 50 commands in flight (issue 5)"
  go test -run '^$' -bench 'SlashCommandAck' -benchtime 3000x -count "$COUNT" ./bot/slack | tee bench/slash.txt
  $BENCHSTAT bench/slash.txt
fi
if part email; then
  echo
  echo "== email dispatch to a local fake SendGrid, batched vs one request per recipient (issue 6)"
  go test -run '^$' -bench 'Dispatch' -count "$COUNT" ./notify | tee bench/email.txt
  $BENCHSTAT bench/email.txt
  echo "== the whole email path on each store: queue the audience from the store, dispatch, 10k and 100k recipients"
  go test -run '^$' -bench 'NotifyFromStore' -benchtime 1x -count 3 ./desk | tee bench/email-store.txt
  $BENCHSTAT bench/email-store.txt
fi
if part export; then
  echo
  echo "== post-mortem export (issue 7)"
  go test -run '^$' -bench 'Export' -count 3 ./desk | tee bench/export.txt
fi
if part load; then
  echo
  echo "== load: stormdesk serve replicas on one PostgreSQL, tickets and slash commands together (issue 9)"
  go test -run '^$' -bench 'ReplicasIngest' -benchtime 60000x -count 3 ./cmd/stormdesk | tee bench/load-ingest.txt
  go test -run '^$' -bench 'SlashUnderStorm' -benchtime 12000x -count 3 ./cmd/stormdesk | tee bench/load-storm.txt
  $BENCHSTAT bench/load-ingest.txt bench/load-storm.txt
fi
if part statuspage; then
  echo
  echo "== the public status page under 2,000 requests/s, with and without a ticket storm (issue 21)"
  go test -run '^$' -bench 'StatusPageLoad' -benchtime 20000x -count 3 ./cmd/stormdesk | tee bench/statuspage.txt
  $BENCHSTAT bench/statuspage.txt
fi
if part triage && [ -x scripts/bench-triage.sh ]; then
  echo
  scripts/bench-triage.sh
fi

if part scenarios; then
  echo
  echo "== labelled scenarios replayed through the service (make scenarios)"
  make -s scenarios | tee bench/scenarios.txt
fi
