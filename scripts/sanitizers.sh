#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer.
#   scripts/sanitizers.sh [address|thread|all]        default all
# Each sanitizer builds in its own scratch path (.build-asan, .build-tsan; gitignored by
# the `.build-*/` rule), so neither invalidates the normal .build. Exits non-zero when a
# test fails or a sanitizer reports anything; the full output is kept in
# .build-asan/sanitizer-output.txt and .build-tsan/sanitizer-output.txt.
#
# Suppressions live in scripts/sanitizers/*.supp, one entry per known report in a toolchain
# library (never in Byline's own code), each with a comment saying why.
# Env: SANITIZER_FLAGS, extra flags for `swift test` (e.g. --filter HTTPServerTests).
set -euo pipefail
which=${1:-all}
cd "$(dirname "$0")/.."
suppressions=$PWD/scripts/sanitizers

run() {  # sanitizer scratch-path
  local sanitizer=$1 scratch=$2 started status
  mkdir -p "$scratch"
  local output=$scratch/sanitizer-output.txt
  started=$(date +%s)
  echo "=== swift test --sanitize=$sanitizer (scratch path $scratch)"
  set +e
  # shellcheck disable=SC2086
  swift test --sanitize="$sanitizer" --scratch-path "$scratch" ${SANITIZER_FLAGS:-} 2>&1 | tee "$output"
  status=${PIPESTATUS[0]}
  set -e
  echo "=== $sanitizer: exit $status in $(( $(date +%s) - started ))s"
  # A report that did not stop the run (TSan by default only changes the exit code at the
  # end; a report from a helper process may not change it at all) still fails the script.
  if grep -qE "^(WARNING: ThreadSanitizer|==[0-9]+==ERROR: (AddressSanitizer|LeakSanitizer))" "$output"; then
    echo "=== $sanitizer: the sanitizer reported problems (see $output)" >&2
    return 1
  fi
  return "$status"
}

# halt_on_error: the first report fails the run with its stack, not a cascade after it.
# detect_leaks stays on: Byline's tests are Swift Testing only (XCTest's own leaks, which
# PLATFORM.md warns of, are suppressed by name in lsan.supp).
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$suppressions/lsan.supp:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$suppressions/tsan.supp:print_suppressions=0"
export SWIFT_BACKTRACE=enable=no

case "$which" in
  address) run address .build-asan ;;
  thread)  run thread .build-tsan ;;
  all)     run address .build-asan; run thread .build-tsan ;;
  *) echo "usage: scripts/sanitizers.sh [address|thread|all]" >&2; exit 64 ;;
esac
