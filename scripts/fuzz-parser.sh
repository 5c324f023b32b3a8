#!/usr/bin/env bash
# Fuzz the HTTP/1.1 request parser; kept for .ci/run. Same as `scripts/fuzz.sh parser`.
#   scripts/fuzz-parser.sh [SECONDS]        default 60
exec "$(dirname "$0")/fuzz.sh" parser "${1:-60}"
