#!/usr/bin/env bash
# Same-run HTTP benchmark: Byline vs a Hummingbird 2 peer vs nginx (1 worker).
#
#   scripts/bench-http.sh                      # defaults: ~7 min once built
#   DURATION=5 ROUNDS=3 scripts/bench-http.sh
#
# Builds byline (release) and Benchmarks/HummingbirdPeer, starts byline on a
# temp database with ./seeds, takes the first article of GET /v1/articles and
# serves the very same JSON bytes from the peer and from nginx. Then for each
# route (GET /healthz, GET /v1/articles/{id}) x connections x server it runs
# `wrk -t$THREADS -d$DURATION -c C --latency` on 127.0.0.1, ROUNDS rounds
# interleaved across servers, reading each server's CPU time (utime+stime from
# /proc/PID/stat, children included for nginx) around every run. Prints the
# MEDIAN req/s, p99 latency and CPU µs per request per server/route/conns, the
# byline/peer ratios, and resident memory idle and with 1,000 keep-alive
# connections held open (scripts/hold-connections.py). Loopback only.
#
# Env: DURATION (10) seconds per wrk run   ROUNDS (3)      CONNS ("64 256")
#      THREADS (2) wrk threads             SCRATCH (.build) byline scratch path
#      BUILD (1)  0 = use existing binaries, don't run swift build
#      SERVERS ("byline hummingbird nginx") subset to run; without byline,
#               ARTICLE_FILE must name the JSON to serve (peer-only testing)
#      HOLD_CONNS (1000)  KEEP_TMP (0) 1 = keep the temp dir (logs, raw TSV)
#      BYLINE_ARGS extra arguments for `byline serve`
#      BYLINE_ACCESS_LOG (false) byline's per-request access log; off by
#               default because neither peer logs requests. Other BYLINE_*
#               settings pass through; Config/byline.json is the config file.
#      BYLINE_RATE_LIMIT_ENABLED (false) byline's per-address rate limit; off by
#               default because wrk sends everything from one address and
#               neither peer limits.
# Keep-alive: byline closes a connection after max_requests_per_connection
# (1000 in Config/byline.json) and nginx after keepalive_requests (default
# 1000); the Hummingbird peer never does. wrk reconnects; the cost is ~0.1%.
# Same-machine numbers are noisy (PLATFORM.md: ±20% run to run): compare the
# ratios within one run, and prefer CPU µs/request over req/s.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-"64 256"}
THREADS=${THREADS:-2}
SCRATCH=${SCRATCH:-.build}
BUILD=${BUILD:-1}
SERVERS=${SERVERS:-"byline hummingbird nginx"}
HOLD_CONNS=${HOLD_CONNS:-1000}
KEEP_TMP=${KEEP_TMP:-0}
PEER_PKG=Benchmarks/HummingbirdPeer
PEER_SCRATCH=$PEER_PKG/.build
CLK_TCK=$(getconf CLK_TCK)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
has() { [[ " $SERVERS " == *" $1 "* ]]; }

# ------------------------------------------------------------------ tools
nginx_bin() { command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; }; }
if ! command -v wrk >/dev/null || [[ -z $(nginx_bin) ]]; then
    log "installing wrk and nginx (Debian packages)"
    command -v apt-get >/dev/null || die "wrk/nginx missing and no apt-get"
    sudo_=(); [[ $(id -u) -eq 0 ]] || sudo_=(sudo)
    "${sudo_[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_[@]}" apt-get install -y -qq --no-install-recommends wrk nginx >/dev/null
fi
for t in wrk curl python3; do command -v "$t" >/dev/null || die "$t not found"; done
NGINX_BIN=$(nginx_bin) || die "nginx not found"

# Many connections: make sure our children may open enough descriptors.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# ------------------------------------------------------------------ build
if [[ $BUILD == 1 ]]; then
    if has byline; then
        log "swift build -c release --product byline --scratch-path $SCRATCH"
        nice -n 10 swift build -c release --product byline --scratch-path "$SCRATCH" >&2
    fi
    if has hummingbird; then
        log "swift build -c release (Hummingbird peer) --scratch-path $PEER_SCRATCH"
        nice -n 10 swift build -c release --package-path "$PEER_PKG" --scratch-path "$PEER_SCRATCH" >&2
    fi
fi
BYLINE_BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/byline
PEER_BIN=$(swift build -c release --package-path "$PEER_PKG" --scratch-path "$PEER_SCRATCH" --show-bin-path)/hb-peer
has byline && { [[ -x $BYLINE_BIN ]] || die "no $BYLINE_BIN (BUILD=0?)"; }
has hummingbird && { [[ -x $PEER_BIN ]] || die "no $PEER_BIN (BUILD=0?)"; }

# ---------------------------------------------------------------- processes
TMP=$(mktemp -d "${TMPDIR:-/tmp}/byline-bench.XXXXXX")
declare -A PID=()
PIDS_TO_KILL=()
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    for p in "${PIDS_TO_KILL[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS_TO_KILL[@]}"; do wait "$p" 2>/dev/null || true; done
    if [[ $KEEP_TMP == 1 || $rc -ne 0 ]]; then log "temp dir kept: $TMP"; else rm -rf -- "$TMP"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_http() { # wait_http URL PID SECONDS
    local i
    for ((i = 0; i < $3 * 10; i++)); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# CPU ticks (utime+stime) of a process plus its direct children (nginx's
# worker). Fields 14 and 15, counted after the ")" that ends the comm field.
cpu_ticks() {
    local pid=$1 total=0 p stat
    local pids=("$pid")
    if [[ -r /proc/$pid/task/$pid/children ]]; then
        read -r -a kids <"/proc/$pid/task/$pid/children" || true
        pids+=("${kids[@]}")
    fi
    for p in "${pids[@]}"; do
        stat=$(<"/proc/$p/stat") || continue
        stat=${stat##*) }
        read -r -a f <<<"$stat"
        # f[0] is field 3 (state): utime = field 14 -> f[11], stime = 15 -> f[12]
        total=$((total + f[11] + f[12]))
    done
    echo "$total"
}

rss_kib() { # VmRSS of a process plus its direct children, in KiB
    local pid=$1 total=0 p v
    local pids=("$pid")
    if [[ -r /proc/$pid/task/$pid/children ]]; then
        read -r -a kids <"/proc/$pid/task/$pid/children" || true
        pids+=("${kids[@]}")
    fi
    for p in "${pids[@]}"; do
        v=$(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0)
        total=$((total + ${v:-0}))
    done
    echo "$total"
}

# ------------------------------------------------------------------- byline
declare -A PORT=()
ARTICLE_JSON=$TMP/article.json
if has byline; then
    PORT[byline]=$(free_port)
    log "starting byline on 127.0.0.1:${PORT[byline]} (database $TMP/byline.sqlite, seeds ./seeds)"
    # shellcheck disable=SC2086
    config_args=(); [[ -f Config/byline.json ]] && config_args=(--config "$ROOT/Config/byline.json")
    BYLINE_ACCESS_LOG=${BYLINE_ACCESS_LOG:-false} BYLINE_RATE_LIMIT_ENABLED=${BYLINE_RATE_LIMIT_ENABLED:-false} \
    "$BYLINE_BIN" serve --host 127.0.0.1 --port "${PORT[byline]}" "${config_args[@]}" \
        --database "$TMP/byline.sqlite" --seeds "$ROOT/seeds" ${BYLINE_ARGS:-} \
        >"$TMP/byline.log" 2>&1 &
    PID[byline]=$!
    PIDS_TO_KILL+=("${PID[byline]}")
    if ! wait_http "http://127.0.0.1:${PORT[byline]}/readyz" "${PID[byline]}" 120; then
        tail -n 30 "$TMP/byline.log" >&2 || true
        die "byline did not become ready (/readyz) within 120 s"
    fi
    ARTICLE_ID=$(curl -fsS "http://127.0.0.1:${PORT[byline]}/v1/articles" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])') ||
        die "could not read an article id from GET /v1/articles"
    curl -fsS -o "$ARTICLE_JSON" "http://127.0.0.1:${PORT[byline]}/v1/articles/$ARTICLE_ID" ||
        die "GET /v1/articles/$ARTICLE_ID failed"
else
    [[ -n ${ARTICLE_FILE:-} && -r ${ARTICLE_FILE:-} ]] || die "without byline, set ARTICLE_FILE to a JSON file"
    cp -- "$ARTICLE_FILE" "$ARTICLE_JSON"
    ARTICLE_ID=${ARTICLE_ID:-peer-test-article}
fi
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$ARTICLE_JSON" || die "article JSON does not parse"
log "article $ARTICLE_ID: $(wc -c <"$ARTICLE_JSON") bytes of JSON"

# -------------------------------------------------------- Hummingbird peer
if has hummingbird; then
    PORT[hummingbird]=$(free_port)
    log "starting hb-peer on 127.0.0.1:${PORT[hummingbird]}"
    "$PEER_BIN" --port "${PORT[hummingbird]}" --article "$ARTICLE_JSON" >"$TMP/hb-peer.log" 2>&1 &
    PID[hummingbird]=$!
    PIDS_TO_KILL+=("${PID[hummingbird]}")
    wait_http "http://127.0.0.1:${PORT[hummingbird]}/healthz" "${PID[hummingbird]}" 30 ||
        { cat "$TMP/hb-peer.log" >&2; die "hb-peer did not start"; }
fi

# -------------------------------------------------------------------- nginx
if has nginx; then
    PORT[nginx]=$(free_port)
    mkdir -p "$TMP/nginx/www/v1/articles" "$TMP/nginx/temp" "$TMP/nginx/logs"
    printf '{"status":"ok"}' >"$TMP/nginx/www/healthz"
    cp "$ARTICLE_JSON" "$TMP/nginx/www/v1/articles/$ARTICLE_ID"
    # `user` matters only when started as root (then the worker stays this
    # user and can read the 0700 temp dir); otherwise nginx ignores it.
    cat >"$TMP/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
master_process on;
user $(id -un) $(id -gn);
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log warn;
events { worker_connections 8192; }
http {
    access_log off;
    default_type application/json;
    sendfile on;
    tcp_nodelay on;
    open_file_cache max=64;
    client_body_temp_path $TMP/nginx/temp/body;
    proxy_temp_path $TMP/nginx/temp/proxy;
    fastcgi_temp_path $TMP/nginx/temp/fastcgi;
    uwsgi_temp_path $TMP/nginx/temp/uwsgi;
    scgi_temp_path $TMP/nginx/temp/scgi;
    server {
        listen 127.0.0.1:${PORT[nginx]};
        root $TMP/nginx/www;
        location = /healthz { }
        location /v1/articles/ { }
    }
}
EOF
    log "starting nginx (1 worker) on 127.0.0.1:${PORT[nginx]}"
    "$NGINX_BIN" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/logs/error.log" \
        >"$TMP/nginx/logs/stdout.log" 2>&1 &
    PID[nginx]=$!
    PIDS_TO_KILL+=("${PID[nginx]}")
    wait_http "http://127.0.0.1:${PORT[nginx]}/healthz" "${PID[nginx]}" 15 ||
        { cat "$TMP/nginx/logs/error.log" >&2; die "nginx did not start"; }
fi

read -r -a SERVER_LIST <<<"$SERVERS"
ROUTES=(/healthz "/v1/articles/$ARTICLE_ID")
read -r -a CONN_LIST <<<"$CONNS"

# Every server must answer both routes with 200 and JSON before we time them.
for s in "${SERVER_LIST[@]}"; do
    for r in "${ROUTES[@]}"; do
        out=$(curl -sS -o "$TMP/check.body" -w '%{http_code} %{content_type}' "http://127.0.0.1:${PORT[$s]}$r") ||
            die "$s $r: request failed"
        [[ $out == "200 application/json"* ]] || die "$s $r answered '$out'"
        if [[ $r != /healthz ]] && ! cmp -s "$TMP/check.body" "$ARTICLE_JSON"; then
            die "$s $r: body differs from the saved article JSON"
        fi
    done
    log "$s: both routes answer 200 application/json"
done

# -------------------------------------------------------------------- runs
RESULTS=$TMP/results.tsv
printf 'server\troute\tconns\tround\trps\tp99_ms\tcpu_us_per_req\trequests\terrors\n' >"$RESULTS"

run_wrk() { # run_wrk SERVER ROUTE CONNS ROUND
    local s=$1 r=$2 c=$3 round=$4 out before after
    before=$(cpu_ticks "${PID[$s]}")
    out=$(wrk -t"$THREADS" -c"$c" -d"${DURATION}s" --latency "http://127.0.0.1:${PORT[$s]}$r" 2>&1) ||
        { echo "$out" >&2; die "wrk failed against $s $r"; }
    after=$(cpu_ticks "${PID[$s]}")
    kill -0 "${PID[$s]}" 2>/dev/null || die "$s died during the run (see $TMP)"
    echo "$out" >>"$TMP/wrk-$s.log"
    WRK_OUT=$out CPU_TICKS=$((after - before)) CLK=$CLK_TCK python3 - "$s" "$r" "$c" "$round" >>"$RESULTS" <<'PY'
import os, re, sys
s, r, c, rnd = sys.argv[1:5]
out = os.environ["WRK_OUT"]
def num(pat, default=None):
    m = re.search(pat, out)
    return m.group(1) if m else default
rps = float(num(r"Requests/sec:\s+([\d.]+)", "0"))
requests = int(num(r"(\d+) requests in", "0"))
m = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
p99 = float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[m.group(2)] if m else float("nan")
errors = 0
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
if m:
    errors += sum(int(x) for x in m.groups())
errors += int(num(r"Non-2xx or 3xx responses: (\d+)", "0"))
cpu_s = int(os.environ["CPU_TICKS"]) / int(os.environ["CLK"])
cpu_us = cpu_s * 1e6 / requests if requests else float("nan")
route = "/v1/articles/{id}" if r.startswith("/v1/articles/") else r
print(f"{s}\t{route}\t{c}\t{rnd}\t{rps:.0f}\t{p99:.2f}\t{cpu_us:.1f}\t{requests}\t{errors}")
PY
    tail -n 1 "$RESULTS" | awk -F'\t' '{ printf "    %-11s %-18s c=%-4s round %s: %8s req/s  p99 %7s ms  %6s us CPU/req  errors %s\n", $1, $2, $3, $4, $5, $6, $7, $9 }' >&2
}

runs=$((ROUNDS * ${#ROUTES[@]} * ${#CONN_LIST[@]} * ${#SERVER_LIST[@]}))
log "warm-up, then $runs wrk runs of ${DURATION}s (~$((runs * (DURATION + 1) / 60 + 1)) min)"
for s in "${SERVER_LIST[@]}"; do
    for r in "${ROUTES[@]}"; do
        wrk -t1 -c16 -d1s "http://127.0.0.1:${PORT[$s]}$r" >/dev/null 2>&1 || true
    done
done
n=${#SERVER_LIST[@]}
for ((round = 1; round <= ROUNDS; round++)); do
    log "round $round/$ROUNDS"
    for r in "${ROUTES[@]}"; do
        for c in "${CONN_LIST[@]}"; do
            # Rotate the server order each round so none always goes first.
            for ((i = 0; i < n; i++)); do
                s=${SERVER_LIST[$(((i + round - 1) % n))]}
                run_wrk "$s" "$r" "$c" "$round"
                sleep 1
            done
        done
    done
done

# ------------------------------------------------------------------ memory
MEMORY=$TMP/memory.tsv
printf 'server\tidle_kib\theld_kib\tafter_kib\topened\tanswered\n' >"$MEMORY"
for s in "${SERVER_LIST[@]}"; do
    sleep 1
    idle=$(rss_kib "${PID[$s]}")
    hold_out=$TMP/hold-$s.out
    python3 "$ROOT/scripts/hold-connections.py" --port "${PORT[$s]}" --count "$HOLD_CONNS" --hold 3 \
        >"$hold_out" 2>"$TMP/hold-$s.err" &
    hpid=$!
    PIDS_TO_KILL+=("$hpid")
    for ((i = 0; i < 300; i++)); do
        grep -q '^ready' "$hold_out" 2>/dev/null && break
        kill -0 "$hpid" 2>/dev/null || break
        sleep 0.1
    done
    grep -q '^ready' "$hold_out" || { cat "$TMP/hold-$s.err" >&2; die "hold-connections failed against $s"; }
    held=0
    for _ in 1 2 3 4 5; do # peak over ~2.5 s of the 3 s hold
        v=$(rss_kib "${PID[$s]}"); ((v > held)) && held=$v
        sleep 0.5
    done
    wait "$hpid" || die "hold-connections exited non-zero against $s"
    sleep 1
    after=$(rss_kib "${PID[$s]}")
    read -r _ opened answered < <(sed -n 's/^ready opened=\([0-9]*\) answered=\([0-9]*\)/x \1 \2/p' "$hold_out")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$idle" "$held" "$after" "$opened" "$answered" >>"$MEMORY"
    log "$s: RSS idle $((idle / 1024)) MiB, with $opened connections $((held / 1024)) MiB ($answered answered)"
    kill -0 "${PID[$s]}" 2>/dev/null || die "$s died while holding connections"
done

# ------------------------------------------------------------------ report
[[ -s $TMP/byline.log ]] && log "byline wrote $(wc -c <"$TMP/byline.log") bytes of log during the run"
python3 - "$RESULTS" "$MEMORY" "$DURATION" "$ROUNDS" "$THREADS" "$(wc -c <"$ARTICLE_JSON")" <<'PY'
import csv, statistics, sys
results, memory, duration, rounds, threads, article_bytes = sys.argv[1:7]
rows = list(csv.DictReader(open(results), delimiter="\t"))
servers = list(dict.fromkeys(r["server"] for r in rows))
keys = list(dict.fromkeys((r["route"], r["conns"]) for r in rows))
med = {}
for s in servers:
    for k in keys:
        sel = [r for r in rows if r["server"] == s and (r["route"], r["conns"]) == k]
        if not sel:
            continue
        f = lambda col: statistics.median(float(r[col]) for r in sel)
        med[(s, k)] = dict(rps=f("rps"), p99=f("p99_ms"), cpu=f("cpu_us_per_req"),
                           errors=sum(int(r["errors"]) for r in sel), n=len(sel))

print()
print(f"### HTTP benchmark — medians of {rounds} interleaved rounds, "
      f"wrk -t{threads} -d{duration}s, 127.0.0.1, article JSON {article_bytes} B")
print()
print("| route | conns | server | req/s | p99 (ms) | CPU µs/req | errors |")
print("|---|---:|---|---:|---:|---:|---:|")
for k in keys:
    for s in servers:
        m = med.get((s, k))
        if m:
            print(f"| `{k[0]}` | {k[1]} | {s} | {m['rps']:,.0f} | {m['p99']:.2f} | {m['cpu']:.1f} | {m['errors']} |")
if "byline" in servers and len(servers) > 1:
    peers = [s for s in servers if s != "byline"]
    print()
    print("Ratios byline/peer (req/s: higher is better for byline; p99 and CPU/req: lower is better):")
    print()
    hdr = "| route | conns | " + " | ".join(
        f"{what} byline/{p}" for what in ("req/s", "p99", "CPU/req") for p in peers) + " |"
    print(hdr)
    print("|---|---:|" + "---:|" * (3 * len(peers)))
    for k in keys:
        b = med.get(("byline", k))
        cells = []
        for col in ("rps", "p99", "cpu"):
            for p in peers:
                m = med.get((p, k))
                cells.append(f"{b[col] / m[col]:.2f}" if b and m and m[col] else "n/a")
        print(f"| `{k[0]}` | {k[1]} | " + " | ".join(cells) + " |")
mem = list(csv.DictReader(open(memory), delimiter="\t"))
if mem:
    print()
    n = max(int(r["opened"] or 0) for r in mem)
    print(f"| server | RSS idle (MiB) | RSS with {n:,} keep-alive conns (MiB) | open / answered | RSS after close (MiB) |")
    print("|---|---:|---:|---:|---:|")
    for r in mem:
        mib = lambda v: f"{int(v) / 1024:.1f}"
        print(f"| {r['server']} | {mib(r['idle_kib'])} | {mib(r['held_kib'])} | "
              f"{r['opened']} / {r['answered']} | {mib(r['after_kib'])} |")
print()
PY
