#!/usr/bin/env bash
# Holds IDLE (default 10,000) idle keep-alive connections open against the server while
# wrk measures a read route from other clients, and compares that with the same wrk run
# before the idle connections existed (same server, same run). Reports server memory per
# idle connection (RSS delta / connections) and checks that every idle connection was
# accepted and answered, none was dropped while held, no request of the busy clients
# failed, and descriptors return to their baseline afterwards.
#   IDLE=10000 DURATION=10 scripts/idle-connections.sh
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE=${IDLE:-10000}
DURATION=${DURATION:-10}
# The server and the holder each need a descriptor per connection, plus headroom.
ulimit -n $(( IDLE * 2 + 4096 )) 2>/dev/null || ulimit -n "$(ulimit -Hn)"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
. scripts/lib/server.sh
BYLINE_BIN=$(byline_bin)
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; exec 3>&- 2>/dev/null; rm -rf "$tmp"' EXIT
port=$(free_port)
BYLINE_ACCESS_LOG=false BYLINE_RATE_LIMIT_ENABLED=false BYLINE_MAX_CONNECTIONS=$(( IDLE + 1000 )) BYLINE_KEEP_ALIVE_IDLE_TIMEOUT_MS=600000 \
    "$BYLINE_BIN" serve --port "$port" --database "$tmp/db.sqlite" >"$tmp/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
wait_ready "$port" || { echo "FAIL: the server did not start" >&2; cat "$tmp/server.log" >&2; exit 1; }
article=$(curl -fsS "$base/v1/articles?limit=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["data"][0]["id"])')
rss() { awk '/VmRSS/ {print $2}' /proc/$pid/status; }
fds() { ls /proc/$pid/fd | wc -l; }
measure() {  # prints "req/s p99 errors"
    local out
    out=$(wrk -t2 -c64 -d"${DURATION}s" --latency "$base/v1/articles/$article")
    echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1=="99%" {print $2}') \
$(echo "$out" | awk '/Non-2xx|Socket errors/ {n++} END {print n+0}')"
}
wrk -t1 -c8 -d2s "$base/v1/articles/$article" >/dev/null  # warm the cache and the allocator
read -r rps0 p990 err0 <<<"$(measure)"
rss0=$(rss); fds0=$(fds)

mkfifo "$tmp/hold"
python3 scripts/hold_connections.py 127.0.0.1 "$port" "$IDLE" <"$tmp/hold" >"$tmp/holder.out" &
holder=$!
exec 3>"$tmp/hold"
for _ in $(seq 1 600); do [ -s "$tmp/holder.out" ] && break; sleep 0.2; done
opened=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["open"])' "$tmp/holder.out")
sleep 1
rss1=$(rss); fds1=$(fds)
read -r rps1 p991 err1 <<<"$(measure)"
echo >&3; exec 3>&-
wait $holder
still=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[1])["still_open"])' "$tmp/holder.out")
sleep 2
fds2=$(fds)
per_conn=$(python3 -c "print(round(($rss1 - $rss0) / max($opened, 1), 2))")
echo "| idle connections | held to the end | server fds | RSS MiB | RSS KiB per idle conn | article req/s | p99 |"
echo "|---:|---:|---|---:|---:|---:|---:|"
echo "| 0 | - | $fds0 | $((rss0 / 1024)) | - | $rps0 | $p990 |"
echo "| $opened | $still | $fds1 | $((rss1 / 1024)) | $per_conn | $rps1 | $p991 |"
echo "after release: $fds2 fds"
status=0
[ "$opened" -eq "$IDLE" ] || { echo "FAIL: only $opened of $IDLE idle connections were accepted and answered" >&2; status=1; }
[ "$still" -eq "$opened" ] || { echo "FAIL: $((opened - still)) idle connections were dropped while held" >&2; status=1; }
[ "$err0" -eq 0 ] && [ "$err1" -eq 0 ] || { echo "FAIL: busy clients saw errors" >&2; status=1; }
[ "$fds2" -le $((fds0 + 2)) ] || { echo "FAIL: descriptors not released ($fds0 → $fds2)" >&2; status=1; }
exit $status
