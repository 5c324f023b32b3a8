#!/usr/bin/env bash
# The HTTP contract kept true: starts byline on a temp store with the seeds, validates the
# served /openapi.json with openapi-spec-validator, then runs schemathesis against the live
# server for a bounded number of examples per operation (no 500s; statuses, content types,
# headers and bodies as documented).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || { python3 -m venv .venv && .venv/bin/pip install -q -r scripts/requirements-ci.txt; PY=.venv/bin/python; }
bindir=$(dirname "$PY")
swift build --product byline >/dev/null
tmp=$(mktemp -d)
port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Rate limits stay on (their headers are part of the contract) but far above what one
# schemathesis worker sends, so no operation is answered 429 mid-run.
BYLINE_ACCESS_LOG=false BYLINE_RATE_LIMIT_ADDRESS_RATE=100000 BYLINE_RATE_LIMIT_ADDRESS_BURST=100000 \
  .build/debug/byline serve --host 127.0.0.1 --port "$port" \
  --database "$tmp/db.sqlite" --seeds seeds >"$tmp/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$port/openapi.json" -o "$tmp/openapi.json"
"$bindir/openapi-spec-validator" "$tmp/openapi.json"
SCHEMATHESIS_HOOKS=scripts/schemathesis_hooks.py "$bindir/st" run "http://127.0.0.1:$port/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "${EXAMPLES:-25}" --phases examples,coverage,fuzzing --workers 1 \
  --suppress-health-check all --seed 1
kill -0 "$pid" || { echo "the server died"; cat "$tmp/server.log"; exit 1; }
