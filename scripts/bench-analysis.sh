#!/usr/bin/env bash
# Words per second of the whole article analysis, single core, release build, on the seeds
# repeated to at least 2 MiB of text (Benchmarks/AnalysisBenchmark), with peak memory.
# Reference: spaCy's small English model alone runs at about 9,400 words/s here.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --package-path Benchmarks/AnalysisBenchmark >/dev/null
bin=$(swift build -c release --package-path Benchmarks/AnalysisBenchmark --show-bin-path)/analysis-bench
taskset -c 0 "$bin" seeds "${BYTES:-2097152}" "${ROUNDS:-5}"
