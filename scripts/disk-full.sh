#!/usr/bin/env bash
# Disk full: the server's database lives on a small tmpfs (a real ENOSPC; or, where this
# script may not mount, under the `max_database_bytes` cap, which SQLite enforces the same
# way). Writers ingest until the store is full, then:
#   - every further write gets 503 application/problem+json `storage-unavailable` with
#     Retry-After, and the server keeps running;
#   - every acknowledged article is still served (reads keep working);
#   - after the server stops, PRAGMA integrity_check is ok and a restart on the same file
#     serves exactly the acknowledged articles.
#   SIZE_MIB=4 scripts/disk-full.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${SIZE_MIB:-4}
. scripts/lib/server.sh
BYLINE_BIN=$(byline_bin)
tmp=$(mktemp -d)
pid=
mounted=
cleanup() {
    [ -n "$pid" ] && kill $pid 2>/dev/null && wait $pid 2>/dev/null
    [ -n "$mounted" ] && umount "$tmp/disk" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/disk"
cap=0
if mount -t tmpfs -o size=${SIZE_MIB}m byline-disk-full "$tmp/disk" 2>/dev/null; then
    mounted=1; how="a ${SIZE_MIB} MiB tmpfs (real ENOSPC)"
else
    cap=$((SIZE_MIB * 1024 * 1024)); how="max_database_bytes=$cap (mount not permitted here)"
fi
port=$(free_port)
start() {
    BYLINE_ACCESS_LOG=false BYLINE_RATE_LIMIT_ENABLED=false BYLINE_MAX_DATABASE_BYTES=$cap "$BYLINE_BIN" serve --port "$port" \
        --database "$1" --no-seeds >>"$tmp/server.log" 2>&1 &
    pid=$!
    wait_ready "$port" && return
    echo "FAIL: server did not start" >&2; cat "$tmp/server.log" >&2; exit 1
}
start "$tmp/disk/db.sqlite"
python3 Benchmarks/corpus/make_corpus.py seeds 400 >"$tmp/corpus.ndjson"
python3 - "$port" "$tmp/corpus.ndjson" "$tmp/acks" <<'PY'
import http.client, json, sys
port, corpus, acks_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
acks, refusals, n = [], [], 0
articles = [json.loads(l) for l in open(corpus, encoding="utf-8")]
while len(refusals) < 5 and n < 20000:
    text = articles[n % len(articles)] + f"\n\nDisk test article {n}.\n" + ("Padding sentence for the disk test. " * 40)
    n += 1
    conn.request("POST", "/v1/articles", body=text.encode(), headers={"Content-Type": "text/plain"})
    r = conn.getresponse(); body = r.read()
    if r.status in (200, 201):
        acks.append(json.loads(body)["id"])
    else:
        refusals.append((r.status, r.getheader("Content-Type"), r.getheader("Retry-After"), json.loads(body)))
json.dump({"acks": acks, "refusals": refusals}, open(acks_path, "w"))
bad = [x for x in refusals if x[0] != 503 or x[1] != "application/problem+json" or x[2] is None
       or not x[3]["type"].endswith("/storage-unavailable")]
print(f"acknowledged {len(acks)} articles, then {len(refusals)} refusals: "
      f"{sorted(set(x[0] for x in refusals))} {refusals[0][3]['detail'] if refusals else ''}")
sys.exit(1 if bad or not acks or not refusals else 0)
PY
verify() {
    python3 - "$port" "$tmp/acks" "$1" <<'PY'
import http.client, json, sys
port, acks, phase = int(sys.argv[1]), json.load(open(sys.argv[2]))["acks"], sys.argv[3]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
missing = []
for id in acks:
    conn.request("GET", f"/v1/articles/{id}"); r = conn.getresponse(); r.read()
    if r.status != 200: missing.append((id, r.status))
ids, cursor = [], None
while True:
    conn.request("GET", "/v1/articles?limit=200" + (f"&cursor={cursor}" if cursor else ""))
    page = json.loads(conn.getresponse().read()); ids += [a["id"] for a in page["data"]]; cursor = page["next_cursor"]
    if not cursor: break
print(f"{phase}: {len(acks) - len(missing)}/{len(acks)} acknowledged articles served; {len(ids)} listed")
sys.exit(1 if missing or sorted(ids) != sorted(set(acks)) else 0)
PY
}
verify "while full"
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null
kill $pid; wait $pid 2>/dev/null || true; pid=
python3 -c "import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchall(); print('integrity_check:', r[0][0]); sys.exit(0 if r==[('ok',)] else 1)" "$tmp/disk/db.sqlite"
# Restart on a copy with room to spare: the acknowledged articles, exactly.
mkdir -p "$tmp/roomy"; cp "$tmp/disk"/db.sqlite* "$tmp/roomy/"
cap=0
start "$tmp/roomy/db.sqlite"
verify "after restart"
echo "disk full on $how: ok"
