#!/usr/bin/env bash
# Runs the analyzer (`byline analyze`, release build) on the seeds, the sixteen development
# articles and the 90 HTML pages of ../shared/eval, and prints the scorer's tables.
#   scripts/eval.sh            # all three
#   SETS="seeds articles" scripts/eval.sh
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=${EVAL:-../shared/eval}
SEEDS=${SEEDS_DIR:-../shared/seeds}
SETS=${SETS:-"seeds articles html"}
swift build -c release --product byline >/dev/null
bin=$(swift build -c release --show-bin-path)/byline
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

score_text_set() {  # name gold texts_dir
    local name=$1 gold=$2 dir=$3
    local files=("$dir"/*)
    "$bin" analyze "${files[@]}" >"$tmp/$name.jsonl"
    python3 "$EVAL/to_predictions.py" "$tmp/$name.jsonl" "${files[@]}" >"$tmp/$name-pred.jsonl"
    echo "## $name ($(ls "$dir" | wc -l) articles)"
    python3 "$EVAL/score.py" "$gold" "$tmp/$name-pred.jsonl" --texts "$dir"
    echo
}

for set in $SETS; do
    case $set in
    seeds) score_text_set seeds "$EVAL/seeds-gold.json" "$SEEDS" ;;
    articles) score_text_set articles "$EVAL/articles-gold.json" "$EVAL/articles" ;;
    html)
        pages=("$EVAL"/html/pages/*.html.gz)
        start=$(date +%s.%N)
        "$bin" analyze "${pages[@]}" >"$tmp/html.jsonl"
        end=$(date +%s.%N)
        python3 - "$tmp/html.jsonl" "$tmp/html-pred.json" "${pages[@]}" <<'PY'
import json, os, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
pages = sys.argv[3:]
assert len(lines) == len(pages), (len(lines), len(pages))
pred = {}
for line, page in zip(lines, pages):
    article = json.loads(line) or {}
    pred[os.path.basename(page)[:-len(".html.gz")]] = {"articleBody": article.get("body") or ""}
json.dump(pred, open(sys.argv[2], "w"), ensure_ascii=False)
PY
        echo "## html (${#pages[@]} pages, $(python3 -c "print(f'{${#pages[@]}/($end-$start):.0f}')") pages/s)"
        python3 "$EVAL/score_html.py" "$EVAL/html/ground-truth.json" "$tmp/html-pred.json"
        echo
        ;;
    esac
done
