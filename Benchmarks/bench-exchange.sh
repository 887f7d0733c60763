#!/usr/bin/env bash
# Two ARCA deployments on loopback exchanging requests directly (issue 9). Belgium's API takes
# $REQUESTS outgoing urgent requests (draft + send, from $CONNECTIONS clients, as fast as it
# takes them); its outbox worker delivers each to the Netherlands' inbox. Measured from the
# outbox: commit-to-acknowledgement latency (the message written with the send, to the
# partner's acknowledgement recorded) p50/p99 and messages per second; the reference in the
# same run is the API's own latency for the draft + send. Then the same with the Dutch server
# stopped for 10 seconds in the middle. Every message must arrive exactly once (Dutch inbox
# and incoming requests counted). Goals: p99 < 1 s with the partner up; nothing lost or
# duplicated. Bounded: each wait gives up after $PATIENCE seconds; 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-2000}
CONNECTIONS=${CONNECTIONS:-8}
PATIENCE=${PATIENCE:-300}
BE_PORT=${BENCH_BE_PORT:-8091}
NL_PORT=${BENCH_NL_PORT:-8092}
export ARCA_HOME=${BENCH_ARCA_HOME:-$PWD/.build/bench-exchange-home}
mkdir -p "$ARCA_HOME"
chmod 755 "$ARCA_HOME"

swift build -c release --product arca 2>&1 | grep -E "error|Compiling arca" || true
BIN=$PWD/.build/release
unset DATABASE_URL ARCA_USER
"$BIN/arca" db start --port "${BENCH_PORT:-54359}" >/dev/null
URL=$("$BIN/arca" db url)
BINDIR=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$BINDIR/psql" ] || BINDIR=$(dirname "$(command -v psql)")
BE_URL=$(printf '%s' "$URL" | sed 's#/[^/]*$#/arca_bench_be#')
NL_URL=$(printf '%s' "$URL" | sed 's#/[^/]*$#/arca_bench_nl#')
sql() { PGOPTIONS="-c client_min_messages=warning" "$BINDIR/psql" -qAtX -v ON_ERROR_STOP=1 "$1" -c "$2"; }
be() { DATABASE_URL=$BE_URL "$BIN/arca" "$@"; }
nl() { DATABASE_URL=$NL_URL "$BIN/arca" "$@"; }
key() { python3 -c 'import json, sys; print(json.load(sys.stdin)["publicKey"])'; }

work=$(mktemp -d)
be_server=""
nl_server=""
cleanup() {
  [ -n "$be_server" ] && kill "$be_server" 2>/dev/null && wait "$be_server" 2>/dev/null
  [ -n "$nl_server" ] && kill "$nl_server" 2>/dev/null && wait "$nl_server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# Two fresh deployments, partners of each other.
for db in arca_bench_be arca_bench_nl; do
  sql "$URL" "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  sql "$URL" "CREATE DATABASE $db"
done
be migrate >/dev/null
nl migrate >/dev/null
be office add BE-ARO --state BE --name "Belgian ARO" >/dev/null
be user add be.liaison --role liaison --office BE-ARO >/dev/null
be user add be.officer --role officer --office BE-ARO >/dev/null
nl office add NL-ARO --state NL --name "Dutch ARO (FIOD)" >/dev/null
be_key=$(be exchange init --office BE-ARO --json | key)
nl_key=$(nl exchange init --office NL-ARO --json | key)
be exchange partner add --state NL --office NL-ARO --inbox-url "http://127.0.0.1:$NL_PORT/v1/exchange/inbox" --public-key "$nl_key" >/dev/null
nl exchange partner add --state BE --office BE-ARO --inbox-url "http://127.0.0.1:$BE_PORT/v1/exchange/inbox" --public-key "$be_key" >/dev/null
export BE_TOKEN=$(be token issue --user be.liaison --label bench-exchange | tail -1)
export BE_CASE=$(be case create --as be.officer --title "Bench: Operation Tidewater" --offence money_laundering --opened-on 2026-03-14 --json \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
export BE_PORT REQUESTS CONNECTIONS

wait_ready() { for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0; sleep 0.05; done; echo "bench-exchange: no server on $1" >&2; exit 1; }
start_be() { DATABASE_URL=$BE_URL ARCA_LOG_LEVEL=warning "$BIN/arca" serve --port "$BE_PORT" >> "$work/be.log" 2>&1 & be_server=$!; wait_ready "$BE_PORT"; }
start_nl() { DATABASE_URL=$NL_URL ARCA_LOG_LEVEL=warning "$BIN/arca" serve --port "$NL_PORT" >> "$work/nl.log" 2>&1 & nl_server=$!; wait_ready "$NL_PORT"; }
stop_nl() { kill "$nl_server"; wait "$nl_server" 2>/dev/null || true; nl_server=""; }
start_be
start_nl

# Waits until every message of the phase (outbox position above $1) is delivered.
wait_delivered() {
  local deadline=$((SECONDS + PATIENCE))
  while [ "$(sql "$BE_URL" "SELECT count(*) FROM exchange_outbox WHERE position > $1 AND delivered_at IS NULL")" != 0 ]; do
    [ $SECONDS -lt $deadline ] || { echo "bench-exchange: messages still undelivered after ${PATIENCE}s" >&2; exit 1; }
    sleep 0.2
  done
}
# Commit-to-acknowledgement of the phase's messages: count, p50, p99 (ms), messages/s.
measure() {
  sql "$BE_URL" "SELECT count(*),
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at) * 1000)::numeric, 1),
      round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at) * 1000)::numeric, 1),
      round(count(*) / extract(epoch FROM max(delivered_at) - min(created_at))::numeric, 0),
      coalesce(sum(attempts - 1), 0)
    FROM exchange_outbox WHERE position > $1" | tr '|' ' '
}
# What the Netherlands holds: messages in its inbox, incoming requests, and requests held twice.
arrived() {
  sql "$NL_URL" "SELECT (SELECT count(*) FROM exchange_inbox), count(*), count(*) - count(DISTINCT external_reference)
    FROM exchange_request WHERE direction = 'incoming'" | tr '|' ' '
}

# Phase 1: the partner is up.
read -r sent api_seconds api50 api99 < <(Benchmarks/exchange/send.py)
wait_delivered 0
read -r count p50 p99 rate retries < <(measure 0)
read -r inbox incoming twice < <(arrived)
up_last=$(sql "$BE_URL" "SELECT coalesce(max(position), 0) FROM exchange_outbox")

# Phase 2: the partner stops for 10 seconds once a quarter of the requests are in.
export PROGRESS_FILE=$work/progress
echo 0 > "$PROGRESS_FILE"
Benchmarks/exchange/send.py > "$work/down.out" &
sender=$!
deadline=$((SECONDS + PATIENCE))
while [ "$(cat "$PROGRESS_FILE")" -lt $((REQUESTS / 4)) ]; do
  [ $SECONDS -lt $deadline ] || { echo "bench-exchange: the sender stalled" >&2; exit 1; }
  sleep 0.05
done
stop_nl
sleep 10
start_nl
wait "$sender"
read -r _ _ down_api50 down_api99 < "$work/down.out"
wait_delivered "$up_last"
read -r down_count down_p50 down_p99 down_rate down_retries < <(measure "$up_last")
read -r down_inbox down_incoming down_twice < <(arrived)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { [ "$1" = "$2" ] && [ "$3" = 0 ] && echo "all arrived once" || echo "LOST OR DUPLICATED"; }
echo "bench-exchange: requests=$REQUESTS connections=$CONNECTIONS (two deployments, one cluster, 127.0.0.1)"
echo "bench-exchange: partner up:      $count messages, ${rate} msg/s, commit->ack p50=${p50}ms p99=${p99}ms (goal p99 < 1000 ms)" \
  "| API draft+send p50=${api50}ms p99=${api99}ms, delivery p99 / API p99 = $(ratio "$p99" "$api99")" \
  "| NL inbox=$inbox incoming=$incoming duplicates=$twice: $(verdict "$inbox" "$count" "$twice")"
echo "bench-exchange: partner down 10s: $down_count messages, ${down_rate} msg/s, commit->ack p50=${down_p50}ms p99=${down_p99}ms, retries=$down_retries" \
  "| API draft+send p50=${down_api50}ms p99=${down_api99}ms" \
  "| NL inbox=$((down_inbox - inbox)) new, incoming=$down_incoming total, duplicates=$down_twice: $(verdict "$((down_inbox - inbox))" "$down_count" "$down_twice")"
