#!/usr/bin/env bash
# Corpus-scale benchmark: builds release, generates a deterministic synthetic corpus from the
# seeds (Benchmarks/corpus/make_corpus.py), ingests it through the API from concurrent
# clients (articles/s), then measures with wrk the p50/p99 and requests/s of the read routes
# at 64 connections, plus the database size and server RSS. `/healthz` is measured in the
# same run as a peer: the machine is shared, so read the routes against it.
# Stories: the story of the article in the middle of the corpus, and the largest story.
#   SIZES="10000 100000" DURATION=10 scripts/bench-corpus.sh
# GENERATOR=path uses another corpus generator (same arguments). BYLINE_BIN=path runs a given server binary instead of building this tree's (to compare
# against an earlier build on the same corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000"}
DURATION=${DURATION:-10}
CLIENTS=${CLIENTS:-8}
# BATCH=N: clients ingest through POST /v1/articles/batch, N articles per request (0: one
# POST /v1/articles per article).
BATCH=${BATCH:-0}
GENERATOR=${GENERATOR:-Benchmarks/corpus/make_corpus.py}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
if [ -n "${BYLINE_BIN:-}" ]; then
    bin=$BYLINE_BIN
else
    swift build -c release --product byline >/dev/null
    bin=$(swift build -c release --show-bin-path)/byline
fi
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
echo "| articles | ingest articles/s | route | req/s | p50 | p99 | DB MiB | RSS MiB |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|"
echo "corpus generator: $GENERATOR ($(sha256sum "$GENERATOR" | cut -c1-12)), clients: $CLIENTS, batch: $BATCH, server: $bin" >&2
for n in $SIZES; do
    python3 "$GENERATOR" seeds "$n" >"$tmp/corpus.ndjson"
    rm -f "$tmp"/db.sqlite*
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    # No rate limit: every client of the benchmark shares one loopback address.
    BYLINE_ACCESS_LOG=false BYLINE_RATE_LIMIT_ENABLED=false "$bin" serve --port "$port" --database "$tmp/db.sqlite" --no-seeds >"$tmp/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
    python3 Benchmarks/corpus/ingest.py "$port" "$tmp/corpus.ndjson" "$CLIENTS" "$BATCH" >"$tmp/ingest.json"
    cat "$tmp/ingest.json" >&2
    rate=$(python3 -c 'import sys,json; print(json.load(open(sys.argv[1]))["articles_per_s"])' "$tmp/ingest.json")
    base="http://127.0.0.1:$port"
    article=$(curl -fsS "$base/v1/articles?limit=1&cursor=$(python3 -c "import base64;print(base64.urlsafe_b64encode(b'v1:$((n / 2))').decode().rstrip('='))")" | python3 -c 'import sys,json; print(json.load(sys.stdin)["data"][0]["id"])')
    story=$(curl -fsS "$base/v1/articles/$article" | python3 -c 'import sys,json; print(json.load(sys.stdin)["story_id"])')
    largest=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect("file:"+sys.argv[1]+"?mode=ro", uri=True).execute(
        "SELECT story_id FROM article GROUP BY story_id ORDER BY COUNT(*) DESC, story_id LIMIT 1").fetchone()[0])' "$tmp/db.sqlite")
    sizes=$(python3 - "$tmp/db.sqlite" "$story" <<'PY'
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
n = [r[0] for r in db.execute("SELECT COUNT(*) FROM article GROUP BY story_id ORDER BY 1")]
own = db.execute("SELECT COUNT(*) FROM article WHERE story_id = ?", (sys.argv[2],)).fetchone()[0]
print(f"{len(n)} stories, median {n[len(n) // 2]} articles, largest {n[-1]}; {{story}} has {own}")
PY
)
    echo "$n articles: $sizes" >&2
    # The most quoted speaker: the heaviest `?speaker=` page there is.
    speaker=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect("file:"+sys.argv[1]+"?mode=ro", uri=True).execute(
        "SELECT speaker_id FROM quote WHERE speaker_id IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1").fetchone()[0])' "$tmp/db.sqlite")
    db=$(du -cm "$tmp"/db.sqlite* | tail -1 | cut -f1)
    rss=$(awk '/VmRSS/ {printf "%d", $2/1024}' /proc/$pid/status)
    routes=("/healthz" "/v1/articles/$article" "/v1/articles?outlet=daily-planet&limit=20" "/v1/quotes?speaker=$speaker"
            "/v1/stories/$story" "/v1/stories/$largest" "/v1/search?q=ceasefire")
    for route in "${routes[@]}"; do
        out=$(wrk -t2 -c64 -d"${DURATION}s" --latency "$base$route")
        rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        p50=$(echo "$out" | awk '$1=="50%" {print $2}')
        p99=$(echo "$out" | awk '$1=="99%" {print $2}')
        label=$(echo "$route" | sed "s|$article|{id}|; s|/$story\$|/{story}|; s|/$largest\$|/{largest}|; s|=$speaker\$|={speaker}|")
        echo "| $n | $rate | \`$label\` | $rps | $p50 | $p99 | $db | $rss |"
    done
    # Uncached: each GET right after a write (which drops the read caches), one connection,
    # median of 15, in ms; to stderr, after the wrk runs so they see the corpus as ingested.
    for route in "${routes[@]:1}"; do
        times=()
        for k in $(seq 1 15); do
            curl -fsS -o /dev/null -X POST -H 'Content-Type: text/plain' --data-binary "Bench probe $n $k $RANDOM $route" "$base/v1/articles"
            times+=("$(curl -fsS -o /dev/null -w '%{time_total}' "$base$route")")
        done
        label=$(echo "$route" | sed "s|$article|{id}|; s|/$story\$|/{story}|; s|/$largest\$|/{largest}|; s|=$speaker\$|={speaker}|")
        echo "uncached $n $label: $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f ms", a[int((NR+1)/2)]*1000}')" >&2
    done
    kill $pid; wait $pid 2>/dev/null || true; pid=
done
