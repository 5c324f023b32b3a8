#!/usr/bin/env bash
# The README's run command, checked end to end with the built binary: a fresh store is
# seeded, `curl /v1/articles` lists five articles, `byline ingest` reports created/existing,
# and SIGTERM during a request lets it finish, then exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product byline >/dev/null
bin=.build/debug/byline
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fail() { echo "smoke: $*" >&2; cat "$tmp/server.log" >&2 || true; exit 1; }

"$bin" version | grep -q '^byline ' || fail "version"

BYLINE_DATABASE="$tmp/db.sqlite" "$bin" serve --port "$port" >"$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
count=$(curl -fsS "http://127.0.0.1:$port/v1/articles" | python3 -c 'import sys,json; print(len(json.load(sys.stdin)["data"]))')
[ "$count" = 5 ] || fail "expected 5 seed articles, got $count"
grep -q '"msg":"listening"' "$tmp/server.log" || fail "no JSON 'listening' log line"
grep -q '"msg":"access"' "$tmp/server.log" || fail "no JSON access log line"

# A request in flight when SIGTERM arrives is still answered; then the process exits 0.
curl -fsS -o "$tmp/slow.json" "http://127.0.0.1:$port/v1/articles?limit=200" &
curl_pid=$!
kill -TERM "$pid"
wait "$curl_pid" || fail "in-flight request failed during shutdown"
status=0; wait "$pid" || status=$?
[ "$status" = 0 ] || fail "exit status $status after SIGTERM"
grep -q '"msg":"stopped"' "$tmp/server.log" || fail "no 'stopped' log line"

# ingest without a server: created, then existing.
out1=$("$bin" ingest --database "$tmp/db2.sqlite" seeds/000_ca4246460c7a2cdb.txt)
out2=$("$bin" ingest --database "$tmp/db2.sqlite" seeds/000_ca4246460c7a2cdb.txt)
[[ "$out1" == *" created "* && "$out2" == *" existing "* ]] || fail "ingest output: $out1 / $out2"
echo "smoke: serve, seeds, access log, SIGTERM drain and ingest OK"
