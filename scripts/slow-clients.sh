#!/usr/bin/env bash
# Slow clients against loopback with slowhttptest in its three modes: slow headers
# (slowloris), slow body (R-U-Dead-Yet) and slow read. For each mode it checks that
#   - the service stays available: a probe fetches /healthz every 0.25 s throughout and
#     none of its requests may fail or take longer than PROBE_MAX_S;
#   - slow connections are cut at the configured timeouts, not later: every attack
#     connection must be closed by ramp-up + TIMEOUT_S + SLACK_S seconds;
#   - no descriptor leaks: the server's open descriptors return to their baseline.
# The server runs with 5 s timeouts and the default minimum rates (ServerLimits), so a
# client that keeps sending or reading a few bytes at a time is still cut.
#   CONNECTIONS=500 scripts/slow-clients.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-500}
RATE=${RATE:-250}
TIMEOUT_S=${TIMEOUT_S:-5}
SLACK_S=${SLACK_S:-3}
PROBE_MAX_S=${PROBE_MAX_S:-1}
command -v slowhttptest >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slowhttptest; }
. scripts/lib/server.sh
BYLINE_BIN=$(byline_bin)
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
port=$(free_port)
ms=$((TIMEOUT_S * 1000))
BYLINE_ACCESS_LOG=false BYLINE_RATE_LIMIT_ENABLED=false BYLINE_HEAD_TIMEOUT_MS=$ms BYLINE_BODY_READ_TIMEOUT_MS=$ms BYLINE_WRITE_TIMEOUT_MS=$ms \
    "$BYLINE_BIN" serve --port "$port" --database "$tmp/db.sqlite" >"$tmp/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
wait_ready "$port" || { echo "FAIL: the server did not start" >&2; cat "$tmp/server.log" >&2; exit 1; }
article=$(curl -fsS "$base/v1/articles?limit=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["data"][0]["id"])')
fds() { ls /proc/$pid/fd | wc -l; }
baseline=$(fds)

probe() {  # prints "failures worst_seconds"
    local failures=0 worst=0 t
    while [ ! -e "$tmp/stop-probe" ]; do
        if t=$(curl -fsS -o /dev/null -w '%{time_total}' --max-time 3 "$base/healthz"); then
            worst=$(python3 -c "print(max($worst, $t))")
        else
            failures=$((failures + 1))
        fi
        sleep 0.25
    done
    echo "$failures $worst"
}

status=0
ramp=$(( (CONNECTIONS + RATE - 1) / RATE ))
deadline=$((ramp + TIMEOUT_S + SLACK_S))
echo "| mode | connections | all cut by (s) | allowed (s) | probe failures | probe worst (s) | fds before → after |"
echo "|---|---:|---:|---:|---:|---:|---|"
for mode in headers body read; do
    case $mode in
        headers) args=(-H -u "$base/v1/articles" -i 1) ;;
        body)    args=(-B -u "$base/v1/articles" -t POST -f text/plain -s 65536 -i 1 -x 24) ;;
        read)    args=(-X -u "$base/v1/articles/$article" -k 8 -n 1 -w 16 -y 64 -z 16) ;;
    esac
    rm -f "$tmp/stop-probe"
    probe >"$tmp/probe.out" &
    probe_pid=$!
    # The server's own view, not the attacker's (slowhttptest miscounts connections the
    # server resets): established connections on the port, sampled every 0.25 s.
    ( while [ ! -e "$tmp/stop-probe" ]; do
          echo "$(date +%s.%N) $(ss -Htn state established "( sport = :$port )" | wc -l)"
          sleep 0.25
      done ) >"$tmp/$mode.samples" &
    sampler=$!
    timeout $((deadline + 30)) slowhttptest "${args[@]}" -c "$CONNECTIONS" -r "$RATE" -l $((deadline + 5)) \
        -p 3 -g -o "$tmp/$mode" >"$tmp/$mode.out" 2>&1 || true
    sleep 1  # slowhttptest stops once it has no connection left: sample that too
    touch "$tmp/stop-probe"
    wait $probe_pid $sampler
    read -r failures worst <"$tmp/probe.out"
    # Peak of attack connections, and the first moment after it when (at most the probe's
    # one connection) remained.
    read -r peak cut <<<"$(awk -v half=$((CONNECTIONS / 2)) '
        NR == 1 { start = $1 }
        $2 > peak { peak = $2 }
        peak >= half && $2 <= 1 && cut == "" { cut = $1 - start }
        END { print peak + 0, (cut == "" ? "" : int(cut + 0.999)) }' "$tmp/$mode.samples")"
    sleep 1
    after=$(fds)
    echo "| slow $mode | $peak | ${cut:-never} | $deadline | $failures | $worst | $baseline → $after |"
    if [ -z "$cut" ] || [ "$cut" -gt "$deadline" ]; then echo "FAIL: slow $mode connections outlived the timeout" >&2; status=1; fi
    if [ "$peak" -lt $((CONNECTIONS / 2)) ]; then echo "FAIL: slow $mode: only $peak attack connections connected" >&2; status=1; fi
    if [ "$failures" -gt 0 ] || python3 -c "import sys; sys.exit(0 if $worst > $PROBE_MAX_S else 1)"; then
        echo "FAIL: slow $mode: the service was not available throughout" >&2; status=1
    fi
    if [ "$after" -gt $((baseline + 2)) ]; then echo "FAIL: slow $mode: descriptors leaked" >&2; status=1; fi
done
exit $status
