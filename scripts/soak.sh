#!/usr/bin/env bash
# Soak: a bounded mixed load — wrk over articles, lists, quotes, stories and searches at 64
# connections for DURATION seconds — with W writers ingesting new articles concurrently
# during the first half. Samples the server's memory and descriptors from /proc every
# second and checks:
#   - no errors: no 5xx or socket error among the reads (4xx are reported: a story's ID
#     changes when an older article joins it), every ingest 201;
#   - no growth at steady state: with the writers stopped, anonymous memory (RssAnon: the
#     heap, not the memory-mapped database file) over the last quarter of the run within
#     GROWTH_PCT of the third quarter. While articles are added memory grows with the data
#     (comparison vectors kept per article, SQLite page caches up to their bounds); that
#     growth is reported, not judged;
#   - descriptors back to their baseline once the load stops.
# Prints the p50/p99 of the reads, requests/s, articles ingested and the samples' range.
#   DURATION=300 WRITERS=4 scripts/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-60}
WRITERS=${WRITERS:-4}
GROWTH_PCT=${GROWTH_PCT:-5}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
. scripts/lib/server.sh
BYLINE_BIN=$(byline_bin)
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
port=$(free_port)
BYLINE_ACCESS_LOG=false BYLINE_RATE_LIMIT_ENABLED=false "$BYLINE_BIN" serve --port "$port" --database "$tmp/db.sqlite" >"$tmp/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
wait_ready "$port" || { echo "FAIL: the server did not start" >&2; cat "$tmp/server.log" >&2; exit 1; }
python3 Benchmarks/corpus/make_corpus.py seeds 500 >"$tmp/corpus.ndjson"
article=$(curl -fsS "$base/v1/articles?limit=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["data"][0]["id"])')
story=$(curl -fsS "$base/v1/articles/$article" | python3 -c 'import sys,json; print(json.load(sys.stdin)["story_id"])')
speaker=$(curl -fsS "$base/v1/quotes?limit=1" | python3 -c 'import sys,json; d=json.load(sys.stdin)["data"]; print((d[0]["speaker"] or {}).get("id","none") if d else "none")')
export SOAK_PATHS="/v1/articles/$article /v1/articles?limit=20 /v1/quotes?speaker=$speaker /v1/stories/$story /v1/search?q=ceasefire /v1/entities?limit=20 /v1/stories?limit=10"
# Warm-up: the store opens its pool of reader connections on demand; count descriptors after.
wrk -t2 -c64 -d3s -s scripts/soak-mixed.lua "$base" >/dev/null
fds0=$(ls /proc/$pid/fd | wc -l)

( while kill -0 $pid 2>/dev/null && [ ! -e "$tmp/stop" ]; do
      echo "$(awk '/RssAnon/ {print $2}' /proc/$pid/status) $(ls /proc/$pid/fd | wc -l) $(awk '/VmRSS/ {print $2}' /proc/$pid/status)"; sleep 1
  done ) >"$tmp/samples" &
sampler=$!
python3 scripts/soak_writers.py "$port" "$tmp/corpus.ndjson" "$WRITERS" $((DURATION / 2)) >"$tmp/writers.json" &
writers=$!
wrk -t2 -c64 -d"${DURATION}s" --latency -s scripts/soak-mixed.lua "$base" >"$tmp/wrk.out"
wait $writers
touch "$tmp/stop"; wait $sampler
sleep 2
fds1=$(ls /proc/$pid/fd | wc -l)

rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk.out")
p50=$(awk '$1=="50%" {print $2}' "$tmp/wrk.out")
p99=$(awk '$1=="99%" {print $2}' "$tmp/wrk.out")
client4xx=$(awk '/^status 4xx:/ {print $3}' "$tmp/wrk.out")
server5xx=$(awk '/^status 5xx:/ {print $3}' "$tmp/wrk.out")
sockerr=$(awk '/Socket errors/ {print $0}' "$tmp/wrk.out")
read -r acked other <<<"$(python3 -c '
import json,sys; s=json.load(open(sys.argv[1]))["statuses"]
print(s.get("201",0), sum(v for k,v in s.items() if k!="201"))' "$tmp/writers.json")"
read -r anon_start anon_q3 anon_q4 rss_min rss_max fd_max <<<"$(python3 -c '
import sys
rows=[tuple(map(int,l.split())) for l in open(sys.argv[1]) if l.strip()]
n=len(rows); q=max(n//4,1)
mean=lambda xs: sum(xs)/max(len(xs),1)
print(rows[0][0], int(mean([r[0] for r in rows[2*q:3*q]])), int(mean([r[0] for r in rows[3*q:]])),
      min(r[2] for r in rows), max(r[2] for r in rows), max(r[1] for r in rows))' "$tmp/samples")"
echo "| seconds | read req/s | p50 | p99 | 5xx | 4xx | articles ingested | ingest errors | RSS MiB min–max | RssAnon MiB start → q3 → q4 | fds before → peak → after |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|"
echo "| $DURATION | $rps | $p50 | $p99 | $server5xx | $client4xx | $acked | $other | $((rss_min/1024))–$((rss_max/1024)) | $((anon_start/1024)) → $((anon_q3/1024)) → $((anon_q4/1024)) | $fds0 → $fd_max → $fds1 |"
[ -n "$sockerr" ] && echo "wrk: $sockerr"
status=0
[ "$server5xx" -eq 0 ] && [ -z "$sockerr" ] || { echo "FAIL: read errors under load" >&2; status=1; }
[ "$other" -eq 0 ] && [ "$acked" -gt 0 ] || { echo "FAIL: ingest errors: $(cat "$tmp/writers.json")" >&2; status=1; }
[ $(( anon_q4 * 100 )) -le $(( anon_q3 * (100 + GROWTH_PCT) )) ] || { echo "FAIL: anonymous memory grew more than $GROWTH_PCT% at steady state" >&2; status=1; }
[ "$fds1" -le $((fds0 + 2)) ] || { echo "FAIL: descriptors grew ($fds0 → $fds1)" >&2; status=1; }
exit $status
