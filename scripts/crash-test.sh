#!/usr/bin/env bash
# Nothing acknowledged is lost under kill -9. Concurrent clients ingest articles while the
# server is killed with SIGKILL at random moments KILLS times and restarted on the same
# database; then every acknowledged article must be present and complete (quotes,
# entities, story), nothing half-written may be visible, and PRAGMA integrity_check must
# be ok. Deterministic random moments (SEED).
#   KILLS=20 CLIENTS=4 scripts/crash-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${KILLS:-20}
CLIENTS=${CLIENTS:-4}
SEED=${SEED:-7}
. scripts/lib/server.sh
BYLINE_BIN=$(byline_bin)
tmp=$(mktemp -d)
pid=
clients=
trap 'touch "$tmp/stop"; [ -n "$pid" ] && kill -9 $pid 2>/dev/null; [ -n "$clients" ] && wait $clients 2>/dev/null; rm -rf "$tmp"' EXIT
port=$(free_port)
start_server() {
    BYLINE_ACCESS_LOG=false BYLINE_RATE_LIMIT_ENABLED=false "$BYLINE_BIN" serve --port "$port" --database "$tmp/db.sqlite" --no-seeds \
        >>"$tmp/server.log" 2>&1 &
    pid=$!
    wait_ready "$port" && return
    echo "FAIL: the server did not come back after a kill" >&2; tail -20 "$tmp/server.log" >&2; exit 1
}
python3 Benchmarks/corpus/make_corpus.py seeds 300 >"$tmp/corpus.ndjson"
start_server
python3 scripts/crash_clients.py "$port" "$tmp/corpus.ndjson" "$CLIENTS" "$tmp/acks" "$tmp/stop" &
clients=$!
delays=$(python3 -c "import random; r=random.Random($SEED); print(' '.join(f'{r.uniform(0.2, 1.5):.2f}' for _ in range($KILLS)))")
kills=0
for delay in $delays; do
    sleep "$delay"
    kill -9 $pid; wait $pid 2>/dev/null || true
    kills=$((kills + 1))
    start_server
done
sleep 1
touch "$tmp/stop"; wait $clients; clients=
echo "kills: $kills"
python3 scripts/crash_verify.py "$port" "$tmp/acks"
kill $pid; wait $pid 2>/dev/null || true; pid=
python3 scripts/crash_verify.py "$port" "$tmp/acks" "$tmp/db.sqlite"
