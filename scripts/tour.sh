#!/usr/bin/env bash
# Prints the README's tour: starts byline on a fresh store with the seeds and runs the curl
# commands a user would, showing their real output (trimmed with python for readability).
#   scripts/tour.sh           prints it
#   scripts/tour.sh --check   fails when an output block differs from the README's Tour
set -euo pipefail
if [ "${1:-}" = "--check" ]; then
    out=$(mktemp)
    "$0" >"$out"
    status=0
    python3 - "$out" "$(dirname "$0")/../README.md" <<'PY' || status=$?
import difflib, re, sys
blocks = lambda text: re.findall(r"```console\n(.*?)```", text, re.S)
tour = blocks(open(sys.argv[1], encoding="utf-8").read())
readme = open(sys.argv[2], encoding="utf-8").read()
shown = blocks(readme[readme.index("## Tour"):readme.index("\n## ", readme.index("## Tour") + 1)])
if tour == shown:
    print(f"README tour: all {len(tour)} outputs are the live server's")
    sys.exit(0)
for a, b in zip(shown, tour):
    sys.stdout.writelines(difflib.unified_diff(a.splitlines(True), b.splitlines(True), "README.md", "live server"))
if len(tour) != len(shown):
    print(f"README shows {len(shown)} outputs, the tour prints {len(tour)}")
sys.exit(1)
PY
    rm -f "$out"
    exit $status
fi
cd "$(dirname "$0")/.."
swift build --product byline >/dev/null
tmp=$(mktemp -d)
port=8080
if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then port=18080; fi
BYLINE_ACCESS_LOG=false .build/debug/byline serve --port "$port" --database "$tmp/db.sqlite" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
base="http://127.0.0.1:$port"
show() {  # title, curl path, python expression over `d` (the parsed JSON)
    printf '\n### %s\n\n```console\n$ curl -s localhost:8080%s\n' "$1" "$2"
    curl -fsS "$base$2" | python3 -c "import json,sys; d=json.load(sys.stdin); print(json.dumps($3, indent=2, ensure_ascii=False))"
    printf '```\n'
}
story=$(curl -fsS "$base/v1/stories" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
show "The five seed articles are one story" "/v1/stories/$story" \
  '{k: d[k] for k in ("id","title","first_published","last_published","outlets")} | {"articles": len(d["articles"]), "entities": d["entities"][:4]}'
show "Which outlet carried which quote" "/v1/stories/$story" \
  '[{"speaker": (q["speaker"] or {}).get("name"), "text": q["text"][:70], "outlets": q["outlets"]} for q in d["quotes"][:4]]'
group=$(curl -fsS "$base/v1/search?q=%22as+do+I%22" | python3 -c 'import json,sys; print([h["id"] for h in json.load(sys.stdin)["data"] if h["type"]=="quote"][0])')
show "One quote across outlets" "/v1/quotes/$group" \
  '{"speaker": d["speaker"], "text": d["text"], "outlet": (d["outlet"] or {}).get("name"), "variants": [{"outlet": (v["outlet"] or {}).get("name"), "text": v["text"][:60]} for v in d["variants"]]}'
speaker=$(curl -fsS "$base/v1/entities?q=Ushakov" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
show "A speaker's quotes" "/v1/quotes?speaker=$speaker&limit=4" \
  '[{"article": q["article_id"][:8], "outlet": (q["outlet"] or {}).get("name"), "cue": q["cue"], "text": q["text"][:60]} for q in d["data"]]'
show "Search" "/v1/search?q=nuclear+programme&limit=3" 'd["data"]'
