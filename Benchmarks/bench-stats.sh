#!/usr/bin/env bash
# The yearly statistics extract on national-scale data, against the database's own floor, in
# one run (issue 10):
#   extract: GET /v1/statistics/$YEAR   (S1–S13 with their breakdowns and records, in EUR, audited)
#   floor:   one plain SQL aggregate query over the same tables for S1–S4 (Benchmarks/stats/floor.sql)
# On a database seeded once with `arca demo seed --bulk --cases $BULK_CASES` (a million assets
# with their orders, events, valuations, requests, certificates, disposals and money
# recovered, over six years) and the ECB's rate history. Each is timed $RUNS times after one
# warm-up; prints the medians and their ratio. Goals: the extract within 3x the floor, and
# under 5 s. Bounded: $RUNS runs of each, on 127.0.0.1 only (plus the one-off bulk seed, a few
# minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

BULK_CASES=${BULK_CASES:-100000}
YEAR=${YEAR:-2024}
RUNS=${RUNS:-5}
HTTP_PORT=${BENCH_HTTP_PORT:-8093}
export ARCA_HOME=${BENCH_ARCA_HOME:-$PWD/.build/bench-stats-home}
mkdir -p "$ARCA_HOME"
chmod 755 "$ARCA_HOME"

swift build -c release --product arca 2>&1 | grep -E "error|Compiling arca" || true
BIN=.build/release
unset DATABASE_URL
work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
  "$BIN/arca" db stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
"$BIN/arca" db start --port "${BENCH_PORT:-54351}" >/dev/null
URL=$("$BIN/arca" db url)
BINDIR=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$BINDIR/psql" ] || BINDIR=$(dirname "$(command -v psql)")
sql() { PGOPTIONS="-c client_min_messages=warning -c statement_timeout=600s" "$BINDIR/psql" -qAtX -v ON_ERROR_STOP=1 "$URL" "$@"; }

# Seed once per size: a database with another number of cases is reset first.
"$BIN/arca" migrate >/dev/null
if [ "$(sql -c "SELECT count(*) FROM case_file")" != "$BULK_CASES" ]; then
  echo "bench-stats: seeding $BULK_CASES cases in bulk (once per size)..."
  sql -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" 2>/dev/null
  "$BIN/arca" migrate >/dev/null
  "$BIN/arca" demo seed --bulk --cases "$BULK_CASES" --seed 2026 | tail -1
  sql -c "VACUUM ANALYZE"
fi
if [ "$(sql -c "SELECT count(*) FROM reference_rate")" = 0 ]; then
  "$BIN/arca" rates import Tests/Fixtures/ecb-eurofxref-hist.csv
fi

token=$("$BIN/arca" token issue --user n.mertens --label bench-stats | tail -1)
ARCA_LOG_LEVEL=warning "$BIN/arca" serve --host 127.0.0.1 --port "$HTTP_PORT" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null && break; sleep 0.1; done

extract() {
  curl -s --max-time 120 -o "$work/extract.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$HTTP_PORT/v1/statistics/$YEAR"
}
floor() {
  sql -v year="$YEAR" -c '\timing on' -f Benchmarks/stats/floor.sql | awk '/^Time:/ { print $2 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

read -r status _ <<< "$(extract)"
if [ "$status" != 200 ]; then
  echo "bench-stats: the extract answered $status:" >&2; cat "$work/extract.json" >&2; exit 1
fi
floor >/dev/null
for _ in $(seq 1 "$RUNS"); do
  read -r status seconds <<< "$(extract)"
  [ "$status" = 200 ] || { echo "bench-stats: the extract answered $status" >&2; exit 1; }
  awk -v s="$seconds" 'BEGIN { printf "%.1f\n", s * 1000 }' >> "$work/extract.ms"
  floor >> "$work/floor.ms"
done
extract_ms=$(median < "$work/extract.ms")
floor_ms=$(median < "$work/floor.ms")
counts=$(sql -c "SELECT (SELECT count(*) FROM case_file) || ' cases, ' || (SELECT count(*) FROM asset) || ' assets, '
  || (SELECT count(*) FROM legal_order) || ' orders, ' || (SELECT count(*) FROM exchange_request) || ' requests, '
  || (SELECT count(*) FROM certificate) || ' certificates, ' || (SELECT count(*) FROM asset_event WHERE action = 'dispose') || ' disposals, '
  || (SELECT count(*) FROM recovered_value) || ' recovered values'")
s1=$(grep -o '"code":"S1"[^}]*"value":[0-9]*' "$work/extract.json" | grep -o '[0-9]*$' || true)
echo "bench-stats: $counts; year $YEAR, $RUNS runs each after a warm-up (127.0.0.1)"
echo "bench-stats: full extract S1–S13 (HTTP, JSON) median ${extract_ms} ms [$(paste -sd' ' "$work/extract.ms")]; S1 = ${s1:-?}"
echo "bench-stats: floor, one SQL aggregate for S1–S4 median ${floor_ms} ms [$(paste -sd' ' "$work/floor.ms")]"
awk -v e="$extract_ms" -v f="$floor_ms" 'BEGIN {
  printf "bench-stats: extract / floor = %.2f (goal <= 3.00); extract %s 5000 ms\n", e / f, (e < 5000 ? "<" : ">=")
}'
