#!/usr/bin/env bash
# LibPQ's pool against pgbench on the same table, the same query shape, the same number of
# client connections, in one run on the embedded cluster. Prints both rates and the ratio.
# Goal (issue 2): ratio >= 0.7. Bounded: two timed phases of $SECONDS_PER_RUN each.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-4}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
ROWS=${ROWS:-100000}
export ARCA_HOME=${BENCH_ARCA_HOME:-$PWD/.build/bench-home}
mkdir -p "$ARCA_HOME"
chmod 755 "$ARCA_HOME"

swift build -c release --product arca >/dev/null
swift build -c release --product arca-bench-db >/dev/null
BIN=.build/release

unset DATABASE_URL
"$BIN/arca" db start --port "${BENCH_PORT:-54339}" >/dev/null
URL=$("$BIN/arca" db url)
BINDIR=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$BINDIR/pgbench" ] || BINDIR=$(dirname "$(command -v pgbench)")

# Load the table (COPY through LibPQ) and measure LibPQ.
libpq_out=$("$BIN/arca-bench-db" "$URL" "$CONNECTIONS" "$SECONDS_PER_RUN" "$ROWS")
session=$(printf '%s\n' "$libpq_out" | sed -n 's/^session_tps=//p')
checkout=$(printf '%s\n' "$libpq_out" | sed -n 's/^checkout_tps=//p')

# The same SELECT by primary key through pgbench, once with prepared statements like
# LibPQ's, once with the simple protocol that `pgbench -S` uses by default.
script=$(mktemp)
trap 'rm -f "$script"' EXIT
printf '\\set id random(1, %d)\nSELECT owner, balance FROM bench_account WHERE id = :id;\n' "$ROWS" > "$script"
pgbench_tps() {
  "$BINDIR/pgbench" -n -M "$1" -c "$CONNECTIONS" -j 2 -T "$SECONDS_PER_RUN" -f "$script" "$URL" 2>&1 \
    | sed -n 's/^tps = \([0-9]*\).*/\1/p' | head -1
}
prepared=$(pgbench_tps prepared)
simple=$(pgbench_tps simple)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "bench-db: rows=$ROWS connections=$CONNECTIONS seconds=$SECONDS_PER_RUN"
echo "bench-db: pgbench -M prepared                  tps=$prepared"
echo "bench-db: pgbench -M simple (pgbench -S style) tps=$simple"
echo "bench-db: LibPQ pool, one session per client    tps=$session"
echo "bench-db: LibPQ pool, checkout per statement    tps=$checkout"
echo "bench-db: ratio LibPQ session / pgbench prepared = $(ratio "$session" "$prepared") (goal >= 0.70)"
echo "bench-db: ratio LibPQ checkout / pgbench simple  = $(ratio "$checkout" "$simple")"
