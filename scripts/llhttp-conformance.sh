#!/usr/bin/env bash
# Starts byline on a free loopback port with an empty database and runs the llhttp request
# corpus against it, checking every response with h11 (scripts/llhttp_conformance.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || { python3 -m venv .venv && .venv/bin/pip install -q -r scripts/requirements-ci.txt; PY=.venv/bin/python; }
swift build --product byline >/dev/null
tmp=$(mktemp -d)
port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BYLINE_ACCESS_LOG=false BYLINE_HEAD_TIMEOUT_MS=300 BYLINE_BODY_READ_TIMEOUT_MS=300 \
  BYLINE_KEEP_ALIVE_IDLE_TIMEOUT_MS=300 .build/debug/byline serve --host 127.0.0.1 --port "$port" --database "$tmp/db.sqlite" --no-seeds \
  >"$tmp/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
"$PY" scripts/llhttp_conformance.py "$port" Tests/BylineHTTPTests/Fixtures/llhttp
