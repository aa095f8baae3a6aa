#!/usr/bin/env bash
# The ceiling for single-ticket ingest: PostgreSQL's own single-row INSERT
# rate into the same tickets table (same indexes, same unique key), at the
# same concurrency (16 clients), measured by pgbench on this machine.
# Prints one line: "pgbench_insert_tps: N".
set -euo pipefail
url=${STORMDESK_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}
secs=${PGBENCH_SECONDS:-10}
schema=stormdesk_pgbench_$$
cd "$(dirname "$0")/.."
psql -q "$url" -c "CREATE SCHEMA $schema" >/dev/null
trap 'psql -q "$url" -c "DROP SCHEMA $schema CASCADE" >/dev/null' EXIT
sep='?'; case "$url" in *\?*) sep='&';; esac
go run ./cmd/stormdesk migrate --database "${url}${sep}search_path=$schema" >/dev/null
sql=$(mktemp)
cat >"$sql" <<'SQL'
INSERT INTO tickets (source, external_id, customer_email, subject, body, received_at, created_at)
VALUES ('api', md5(random()::text || clock_timestamp()::text), 'ana@example.com', 'Can''t log in',
        'Hi, since about ten minutes I can''t log in: the sign-in page spins and then says SSO error. Screen share won''t start either.',
        now(), now());
SQL
PGOPTIONS="-c search_path=$schema" pgbench -n -c 16 -j 2 -T "$secs" -f "$sql" "$url" 2>/dev/null |
  awk '/^tps/ {printf "pgbench_insert_tps: %.0f\n", $3}'
rm -f "$sql"
