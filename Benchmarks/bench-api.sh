#!/usr/bin/env bash
# ARCA's HTTP API against the database alone doing the same SQL, in one run (issues 3 and 8):
#   read:  GET /v1/cases/{id}          (the case with its subjects, assets and orders; consultations logged)
#   write: POST /v1/cases/{id}/assets  (an asset with its first event, its estimate as a valuation, and their audit entries)
# The server runs in release mode on the embedded cluster, seeded with `arca demo seed`;
# wrk drives it with $CONNECTIONS connections, and pgbench runs, with as many clients, the
# statements the endpoint sent before issue 8 (Benchmarks/api/baseline) and the ones it sends
# now (Benchmarks/api/current: no token check, which a warm server answers from memory; the
# case read as one pipeline; the asset's inserts with COMMIT in one pipeline). Prints requests
# per second, p50/p99 latency, both ratios, and the server's resident memory. Goals (issue 8):
# >= 1.5x the baseline, >= 0.7x the current statements; memory < 150 MB. For each phase, the
# machine's CPU time per request; for the write, its floor as well (Benchmarks/api/floor: the
# same rows in one round trip and one statement), the most any server could reach here.
# Then the free-text searches on national-scale data (a second database seeded once with
# `arca demo seed --bulk --cases $BULK_CASES`, served by a second server):
#   GET /v1/cases?q=<part of a subject's name>  and  GET /v1/assets?q=<part of an IBAN>
# p50 and p99 at $CONNECTIONS connections; goal p99 < 50 ms. Bounded: nine timed phases of
# $SECONDS_PER_RUN each (four after a warm-up of $WARM_UP), on 127.0.0.1 only (plus the one-off bulk seed, a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

CASES=${CASES:-20000}
BULK_CASES=${BULK_CASES:-100000}
CONNECTIONS=${CONNECTIONS:-8}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
HTTP_PORT=${BENCH_HTTP_PORT:-8089}
export ARCA_HOME=${BENCH_ARCA_HOME:-$PWD/.build/bench-api-home}
mkdir -p "$ARCA_HOME"
chmod 755 "$ARCA_HOME"

Benchmarks/ensure-wrk.sh bench-api

swift build -c release --product arca 2>&1 | grep -E "error|Compiling arca" || true
BIN=.build/release
unset DATABASE_URL
"$BIN/arca" db start --port "${BENCH_PORT:-54349}" >/dev/null
URL=$("$BIN/arca" db url)
BINDIR=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$BINDIR/pgbench" ] || BINDIR=$(dirname "$(command -v pgbench)")
sql() { PGOPTIONS="-c client_min_messages=warning" "$BINDIR/psql" -qAtX -v ON_ERROR_STOP=1 "$URL" -c "$1"; }

# Seed once per size: a database with another number of cases is reset first.
"$BIN/arca" migrate >/dev/null
if [ "$(sql "SELECT count(*) FROM case_file")" != "$CASES" ]; then
  echo "bench-api: seeding $CASES cases (once per size)..."
  sql "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" 2>/dev/null
  "$BIN/arca" migrate >/dev/null
  "$BIN/arca" demo seed --cases "$CASES" --seed 2026
fi
# Remove what earlier write runs added, so every run reads the same cases; a closed case takes
# no new asset, so the cases drawn are the open ones.
# The event ledger refuses deletions; the benchmark's own rows go with the triggers off for
# this session only (session_replication_role = replica, as the superuser the cluster gives).
sql "SET session_replication_role = replica;
     DELETE FROM asset_event WHERE asset_id IN (SELECT id FROM asset WHERE description LIKE 'Bench %');
     DELETE FROM valuation WHERE asset_id IN (SELECT id FROM asset WHERE description LIKE 'Bench %');
     DELETE FROM asset WHERE description LIKE 'Bench %';
     SET session_replication_role = origin;
     DROP TABLE IF EXISTS bench_case;
     CREATE TABLE bench_case AS SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM case_file WHERE office_code = 'BE-ARO' AND status <> 'closed';
     ALTER TABLE bench_case ADD PRIMARY KEY (n);"
sql "VACUUM ANALYZE"
work=$(mktemp -d)
server=""
bulk_server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -n "$bulk_server" ] && kill "$bulk_server" 2>/dev/null && wait "$bulk_server" 2>/dev/null
  sql "DROP TABLE IF EXISTS bench_case" || true
  rm -rf "$work"
}
trap cleanup EXIT

sql "SELECT id FROM bench_case ORDER BY n" > "$work/ids"
ncases=$(wc -l < "$work/ids")
export ARCA_CASE_IDS="$work/ids"
export ARCA_TOKEN=$("$BIN/arca" token issue --user j.peeters --label bench-api | tail -1)
token_hash=$(printf '%s' "$ARCA_TOKEN" | sha256sum | cut -d' ' -f1)
user_id=$(sql "SELECT id FROM app_user WHERE name = 'j.peeters'")

ARCA_LOG_LEVEL=warning "$BIN/arca" serve --host 127.0.0.1 --port "$HTTP_PORT" --pool-size "$CONNECTIONS" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null && break; sleep 0.1; done

# The machine's busy CPU time (all cores, every process: server, database, load generator; not
# the time a virtual machine's host took back), in ms, and per request of a phase: with
# everything sharing the cores, a workload's throughput is the cores' time divided by what each
# of its requests costs the whole machine.
HZ=$(getconf CLK_TCK)
busy_ms() { awk -v hz="$HZ" '$1 == "cpu" { printf "%d", ($2 + $3 + $4 + $7 + $8) * 1000 / hz }' /proc/stat; }
per_request() { awk -v ms="$(( $(busy_ms) - $1 ))" -v n="$2" 'BEGIN { if (n > 0) printf "%.2f", ms / n; else printf "n/a" }'; }
# wrk: requests/s and the 50th/99th latency percentiles, in ms.
to_ms() { awk '{ v = $1; if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else printf "%.2f", v * 1000 }'; }
# Each wrk phase is measured after $WARM_UP seconds of the same requests, unmeasured: the
# server's first requests of a kind (connections of the pool opened, statements prepared, pages
# read into the cache) are not its steady pace. pgbench, for its part, leaves out its connections.
WARM_UP=${WARM_UP:-3}
run_wrk() {
  local out
  [ "$WARM_UP" -gt 0 ] && wrk -t 2 -c "$CONNECTIONS" -d "${WARM_UP}s" -s "Benchmarks/api/$1.lua" "http://127.0.0.1:$HTTP_PORT" > /dev/null
  local before; before=$(busy_ms)
  out=$(wrk -t 2 -c "$CONNECTIONS" -d "${SECONDS_PER_RUN}s" --latency -s "Benchmarks/api/$1.lua" "http://127.0.0.1:$HTTP_PORT")
  cpu=$(per_request "$before" "$(printf '%s\n' "$out" | awk '$2 == "requests" && $3 == "in" { print $1 }')")
  if printf '%s\n' "$out" | grep -q "Non-2xx"; then
    echo "bench-api: $1 answered errors:" >&2; printf '%s\n' "$out" >&2; exit 1
  fi
  rps=$(printf '%s\n' "$out" | sed -n 's/^Requests\/sec: *\([0-9]*\).*/\1/p')
  p50=$(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }' | to_ms)
  p99=$(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }' | to_ms)
}
# pgbench: transactions/s and latency percentiles from its per-transaction log (microseconds),
# for the workload made of the named files, each taken from $1 (baseline or current) when it
# is there, else from baseline.
run_pgbench() {
  local set=$1; shift
  local name; name="$set-$(basename "${!#}" .sql)"
  : > "$work/$name.sql"
  for file in "$@"; do
    if [ -f "Benchmarks/api/$set/$file" ]; then cat "Benchmarks/api/$set/$file"; else cat "Benchmarks/api/baseline/$file"; fi >> "$work/$name.sql"
  done
  rm -f "$work"/pgbench_log.*
  local out before; before=$(busy_ms)
  out=$(cd "$work" && "$BINDIR/pgbench" -n -M prepared -c "$CONNECTIONS" -j 2 -T "$SECONDS_PER_RUN" --log \
    -D ncases="$ncases" -D office=BE-ARO -D token_hash="$token_hash" -D uid="$user_id" -f "$work/$name.sql" "$URL" 2>&1)
  tps=$(printf '%s\n' "$out" | sed -n 's/^tps = \([0-9]*\).*/\1/p' | head -1)
  [ -n "$tps" ] || { echo "bench-api: pgbench $name failed:" >&2; printf '%s\n' "$out" >&2; exit 1; }
  cpu=$(per_request "$before" "$(printf '%s\n' "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')")
  cat "$work"/pgbench_log.* | awk '{ print $3 }' | sort -n > "$work/latencies"
  local count; count=$(wc -l < "$work/latencies")
  pg50=$(sed -n "$(( (count + 1) / 2 ))p" "$work/latencies" | awk '{ printf "%.2f", $1 / 1000 }')
  pg99=$(sed -n "$(( (count * 99 + 99) / 100 ))p" "$work/latencies" | awk '{ printf "%.2f", $1 / 1000 }')
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

run_wrk read;                                     read_rps=$rps; read_p50=$p50; read_p99=$p99; read_cpu=$cpu
run_pgbench baseline auth.sql case.sql read.sql;  read_base=$tps; read_base50=$pg50; read_base99=$pg99; read_base_cpu=$cpu
run_pgbench current auth.sql read.sql;            read_now=$tps; read_now50=$pg50; read_now99=$pg99; read_now_cpu=$cpu
run_wrk write;                                    write_rps=$rps; write_p50=$p50; write_p99=$p99; write_cpu=$cpu
run_pgbench baseline auth.sql case.sql write.sql; write_base=$tps; write_base50=$pg50; write_base99=$pg99; write_base_cpu=$cpu
run_pgbench current auth.sql case.sql write.sql;  write_now=$tps; write_now50=$pg50; write_now99=$pg99; write_now_cpu=$cpu
run_pgbench floor write.sql;                      write_floor=$tps; write_floor_cpu=$cpu
rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$server/status")
peak_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$server/status")

# National scale: its own database in the same cluster, seeded once per size.
BULK_URL=$(printf '%s' "$URL" | sed 's#/[^/]*$#/arca_bulk#')
bulk_sql() { PGOPTIONS="-c client_min_messages=warning" "$BINDIR/psql" -qAtX -v ON_ERROR_STOP=1 "$BULK_URL" -c "$1"; }
sql "SELECT 1 FROM pg_database WHERE datname = 'arca_bulk'" | grep -q 1 || sql "CREATE DATABASE arca_bulk"
DATABASE_URL=$BULK_URL "$BIN/arca" migrate >/dev/null
if [ "$(bulk_sql "SELECT count(*) FROM case_file")" != "$BULK_CASES" ]; then
  echo "bench-api: seeding $BULK_CASES cases in bulk (once per size)..."
  bulk_sql "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
  DATABASE_URL=$BULK_URL "$BIN/arca" migrate >/dev/null
  DATABASE_URL=$BULK_URL "$BIN/arca" demo seed --bulk --cases "$BULK_CASES" --seed 2026 | tail -1
  bulk_sql "VACUUM ANALYZE"
fi
# Five letters of a person's surname, from its first, second or third letter on.
bulk_sql "SELECT substr(w, 1 + (abs(hashtext(id::text)) % least(3, length(w) - 4)), 5)
  FROM (SELECT id, regexp_replace(name, '^.* ', '') AS w FROM subject WHERE kind = 'natural_person') AS people
  WHERE length(w) >= 5 ORDER BY md5(id::text) LIMIT 200" > "$work/names"
bulk_sql "SELECT substr(iban, 5 + (abs(hashtext(id::text)) % 6), 8) FROM asset WHERE iban IS NOT NULL ORDER BY md5(id::text) LIMIT 200" > "$work/ibans"
bulk_token=$(DATABASE_URL=$BULK_URL "$BIN/arca" token issue --user j.peeters --label bench-api | tail -1)
DATABASE_URL=$BULK_URL ARCA_LOG_LEVEL=warning "$BIN/arca" serve --host 127.0.0.1 --port "$((HTTP_PORT + 1))" --pool-size "$CONNECTIONS" \
  > "$work/bulk-server.log" 2>&1 &
bulk_server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$((HTTP_PORT + 1))/readyz" >/dev/null && break; sleep 0.1; done
search() {
  local out
  [ "$WARM_UP" -gt 0 ] && ARCA_TOKEN=$bulk_token ARCA_SEARCH_PATH=$1 ARCA_FRAGMENTS=$2 \
    wrk -t 2 -c "$CONNECTIONS" -d "${WARM_UP}s" -s Benchmarks/api/search.lua "http://127.0.0.1:$((HTTP_PORT + 1))" > /dev/null
  out=$(ARCA_TOKEN=$bulk_token ARCA_SEARCH_PATH=$1 ARCA_FRAGMENTS=$2 \
    wrk -t 2 -c "$CONNECTIONS" -d "${SECONDS_PER_RUN}s" --latency -s Benchmarks/api/search.lua "http://127.0.0.1:$((HTTP_PORT + 1))")
  if printf '%s\n' "$out" | grep -q "Non-2xx"; then
    echo "bench-api: search $1 answered errors:" >&2; printf '%s\n' "$out" >&2; exit 1
  fi
  rps=$(printf '%s\n' "$out" | sed -n 's/^Requests\/sec: *\([0-9]*\).*/\1/p')
  p50=$(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }' | to_ms)
  p99=$(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }' | to_ms)
}
search "/v1/cases?q=" "$work/names";  names_rps=$rps; names_p50=$p50; names_p99=$p99
search "/v1/assets?q=" "$work/ibans"; ibans_rps=$rps; ibans_p50=$p50; ibans_p99=$p99
bulk_rss_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$bulk_server/status")

line() {
  echo "bench-api: $1 ARCA rps=$2 p50=$3ms p99=$4ms | pgbench baseline tps=$5 p50=$6ms p99=$7ms ratio=$(ratio "$2" "$5") (goal >= 1.50)" \
    "| pgbench current tps=$8 p50=$9ms p99=${10}ms ratio=$(ratio "$2" "$8") (goal >= 0.70)"
}
echo "bench-api: cases=$CASES connections=$CONNECTIONS seconds=$SECONDS_PER_RUN (consultation log on)"
line "GET  /v1/cases/{id}       " "$read_rps" "$read_p50" "$read_p99" "$read_base" "$read_base50" "$read_base99" "$read_now" "$read_now50" "$read_now99"
line "POST /v1/cases/{id}/assets" "$write_rps" "$write_p50" "$write_p99" "$write_base" "$write_base50" "$write_base99" "$write_now" "$write_now50" "$write_now99"
echo "bench-api: machine CPU per GET:  ARCA ${read_cpu} ms | pgbench baseline ${read_base_cpu} ms, current ${read_now_cpu} ms"
echo "bench-api: machine CPU per POST: ARCA ${write_cpu} ms | pgbench baseline ${write_base_cpu} ms, current ${write_now_cpu} ms," \
  "floor ${write_floor_cpu} ms (tps=$write_floor, $(ratio "$write_floor" "$write_base")x the baseline: the most any server recording these rows could reach here)"
echo "bench-api: search on $BULK_CASES cases: GET /v1/cases?q=<name part>  rps=$names_rps p50=${names_p50}ms p99=${names_p99}ms (goal p99 < 50 ms)"
echo "bench-api: search on $BULK_CASES cases: GET /v1/assets?q=<IBAN part> rps=$ibans_rps p50=${ibans_p50}ms p99=${ibans_p99}ms (goal p99 < 50 ms)"
echo "bench-api: server resident memory now=$((rss_kb / 1024)) MB peak=$((peak_kb / 1024)) MB, bulk server peak=$((bulk_rss_kb / 1024)) MB (goal < 150 MB)"
