#!/usr/bin/env bash
# What rate limiting, CORS and request metrics cost, measured in one run against peers:
#
#   scripts/bench-edge.sh                          # this tree only: limits on vs off
#   BASE_BIN=/path/to/older/byline scripts/bench-edge.sh   # plus a baseline binary
#
# Starts byline (release) twice on temp copies of the seeds — `limited` (rate limits on,
# raised so that no request is refused: the cost of charging a bucket, not of refusing)
# and `unlimited` (rate_limit_enabled=false) — and, when BASE_BIN is set, that binary too
# (e.g. one built from the commit before this middleware). For each route and round it
# runs `wrk -t2 -c$CONNS -d$DURATION` against each server in turn (interleaved, so drift
# hits all alike), reading the server's CPU time from /proc/PID/stat around every run.
# Prints the median req/s, p99 and CPU µs per request per server and route, then the cost
# of one /metrics scrape, and, with FLOOD=N, the resident memory N rate-limit buckets take
# (N requests from N distinct 127.x.y.z source addresses).
#
# Env: DURATION (5) ROUNDS (3) CONNS (64) FLOOD (0) BASE_BIN (unset) BUILD (1)
# Same-machine numbers are noisy: compare servers within one run, prefer CPU µs/request.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-64}
FLOOD=${FLOOD:-0}
BUILD=${BUILD:-1}
CLK_TCK=$(getconf CLK_TCK)
log() { printf '[bench-edge %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[[ $BUILD == 1 ]] && swift build -c release --product byline >/dev/null
BIN=$(swift build -c release --show-bin-path)/byline
[[ -x $BIN ]] || die "no $BIN"

TMP=$(mktemp -d)
declare -A PID=() PORT=() BINARY=() ENVS=()
cleanup() { for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

. scripts/lib/server.sh  # free_port
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

SERVERS=(limited unlimited)
BINARY[limited]=$BIN
ENVS[limited]="BYLINE_RATE_LIMIT_ADDRESS_RATE=1000000000 BYLINE_RATE_LIMIT_ADDRESS_BURST=1000000000"
BINARY[unlimited]=$BIN
ENVS[unlimited]="BYLINE_RATE_LIMIT_ENABLED=false"
if [[ -n ${BASE_BIN:-} ]]; then
    SERVERS+=(base)
    BINARY[base]=$BASE_BIN
    ENVS[base]=""
fi

for s in "${SERVERS[@]}"; do
    PORT[$s]=$(free_port)
    # From the temp directory: no Config/byline.json, so every server (a baseline binary
    # too, which may not know newer keys) runs on its built-in defaults plus these.
    # shellcheck disable=SC2086
    (cd "$TMP" && exec env BYLINE_ACCESS_LOG=false ${ENVS[$s]} "${BINARY[$s]}" serve --host 127.0.0.1 \
        --port "${PORT[$s]}" --database "$TMP/$s.sqlite" --seeds "$ROOT/seeds" >"$TMP/$s.log" 2>&1) &
    PID[$s]=$!
done
for s in "${SERVERS[@]}"; do
    for _ in $(seq 1 200); do curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$s]}/readyz" 2>/dev/null && break; sleep 0.1; done
    curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$s]}/readyz" || { cat "$TMP/$s.log" >&2; die "$s did not start"; }
done
ID=$(curl -fsS "http://127.0.0.1:${PORT[unlimited]}/v1/articles" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
ROUTES=("/healthz" "/v1/articles/$ID")

RESULTS=$TMP/results.tsv
log "servers: ${SERVERS[*]}; $ROUNDS rounds x ${#ROUTES[@]} routes, wrk -t2 -c$CONNS -d${DURATION}s"
for s in "${SERVERS[@]}"; do for r in "${ROUTES[@]}"; do wrk -t1 -c8 -d1s "http://127.0.0.1:${PORT[$s]}$r" >/dev/null; done; done
for round in $(seq 1 "$ROUNDS"); do
    for r in "${ROUTES[@]}"; do
        for s in "${SERVERS[@]}"; do
            before=$(cpu_ticks "${PID[$s]}")
            out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "http://127.0.0.1:${PORT[$s]}$r")
            after=$(cpu_ticks "${PID[$s]}")
            OUT=$out TICKS=$((after - before)) CLK=$CLK_TCK S=$s R=$r python3 - >>"$RESULTS" <<'PY'
import os, re
out = os.environ["OUT"]
def dur(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v); x = float(m.group(1))
    return x / 1000 if m.group(2) == "us" else x * 1000 if m.group(2) == "s" else x
n = int(re.search(r"(\d+) requests in", out).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
p99 = dur(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
cpu_us = int(os.environ["TICKS"]) / int(os.environ["CLK"]) * 1e6 / n
route = "/v1/articles/{id}" if os.environ["R"].startswith("/v1/articles/") else os.environ["R"]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
print(f'{os.environ["S"]}\t{route}\t{rps:.0f}\t{p99:.2f}\t{cpu_us:.1f}\t{non2xx.group(1) if non2xx else 0}')
PY
            tail -n 1 "$RESULTS" >&2
        done
    done
done

python3 - "$RESULTS" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    s, r, rps, p99, cpu, bad = line.rstrip("\n").split("\t")
    rows[(r, s)].append((float(rps), float(p99), float(cpu), int(bad)))
print("| route | server | req/s (median) | p99 ms | CPU µs/req | non-2xx |")
print("|---|---|---:|---:|---:|---:|")
for (r, s), v in sorted(rows.items()):
    med = lambda i: statistics.median(x[i] for x in v)
    print(f"| {r} | {s} | {med(0):.0f} | {med(1):.2f} | {med(2):.1f} | {sum(x[3] for x in v)} |")
PY

scrape=$(curl -fsS -o "$TMP/metrics.txt" -w '%{time_total}' "http://127.0.0.1:${PORT[limited]}/metrics")
echo
echo "/metrics scrape: $(wc -c <"$TMP/metrics.txt") bytes, $(grep -vc '^#' "$TMP/metrics.txt") samples, ${scrape}s"

if [[ $FLOOD -gt 0 ]]; then
    rss() { awk '/^VmRSS:/ { print $2 }' "/proc/${PID[limited]}/status"; }
    before=$(rss)
    PORT_=${PORT[limited]} N=$FLOOD python3 - <<'PY'
import os, socket
port, n = int(os.environ["PORT_"]), int(os.environ["N"])
for i in range(n):
    a = 1 + i // 65025; b = (i // 255) % 255; c = 1 + i % 255
    s = socket.socket(); s.bind((f"127.{a}.{b}.{c}", 0)); s.connect(("127.0.0.1", port))
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    while s.recv(65536): pass
    s.close()
PY
    after=$(rss)
    tracked=$(curl -fsS "http://127.0.0.1:${PORT[limited]}/metrics" | awk '/^byline_rate_limit_tracked_clients / { printf "%d", $2 }')
    echo "rate-limit flood: $FLOOD addresses, $tracked clients tracked, RSS $before -> $after KiB: $(( (after - before) * 1024 / FLOOD )) bytes per address"
fi
