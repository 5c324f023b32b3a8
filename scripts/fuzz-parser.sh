#!/usr/bin/env bash
# Fuzz the HTTP/1.1 request parser (Sources/BylineFuzzParser) with libFuzzer.
#   scripts/fuzz-parser.sh [SECONDS]        default 60
# Builds with -sanitize=fuzzer,address in .build-fuzz (one -sanitize flag with both values:
# two separate flags lose coverage instrumentation), seeds fuzz-corpus/parser from the http
# blocks of the llhttp corpus, runs for SECONDS, and exits non-zero when libFuzzer finds a
# crash; the input that caused it is saved in fuzz-artifacts/parser/ (both gitignored).
# Replay one input:  .build-fuzz/debug/BylineFuzzParser fuzz-artifacts/parser/crash-…
# Env: FUZZ_MAX_LEN (default 2048), extra libFuzzer flags in FUZZ_FLAGS.
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/.."

# main.swift finds LLVMFuzzerRunDriver with dlsym, so it must be in the dynamic symbol table.
build=(swift build --scratch-path .build-fuzz -c debug -Xswiftc -sanitize=fuzzer,address
       -Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver --product BylineFuzzParser)
# gold warns about every ASan helper it cannot export; those lines are noise.
"${build[@]}" 2> >(grep -v "Cannot export local symbol" >&2)
binary="$("${build[@]}" --show-bin-path)/BylineFuzzParser"

corpus=fuzz-corpus/parser
artifacts=fuzz-artifacts/parser/
mkdir -p "$corpus" "$artifacts"

# Seeds: each http block of the llhttp corpus (lenient files too: near-misses are good
# seeds), decoded like llhttp's test runner does, behind one control byte that picks the
# cuts (see main.swift). File names are content hashes, so re-seeding adds no duplicates.
python3 - "$corpus" Tests/BylineHTTPTests/Fixtures/llhttp/*.md <<'PY'
import hashlib, os, re, sys
out = sys.argv[1]
def decode(block):
    text = block.replace("\\\n", "").replace("\n", "\r\n")
    def escape(m):
        s = m.group(1)
        if s in "rntf":
            return {"r": "\r", "n": "\n", "t": "\t", "f": "\f"}[s]
        return chr(int(s[1:], 16) if s[0] == "x" else int(s, 8))
    return re.sub(r"\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|[rntf])", escape, text).encode("utf-8")
count = 0
for path in sys.argv[2:]:
    for block in re.findall(r"^```http\n(.*?)\n?^```", open(path, encoding="utf-8").read(), re.M | re.S):
        data = b"\x5a" + decode(block)
        with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
        count += 1
print(f"seeded {count} inputs from the llhttp corpus")
PY

# A dictionary of the grammar's words helps libFuzzer past the first bytes.
cat > fuzz-corpus/parser.dict <<'DICT'
"GET "
"POST "
"CONNECT "
"OPTIONS "
" HTTP/1.1\x0d\x0a"
" HTTP/1.0\x0d\x0a"
"HTTP/"
"\x0d\x0a"
"\x0d\x0a\x0d\x0a"
"Host: "
"Content-Length: "
"Transfer-Encoding: chunked"
"Transfer-Encoding: "
"Connection: close"
"Connection: keep-alive"
"chunked"
";ext=\"v\""
"0\x0d\x0a\x0d\x0a"
"http://"
"*"
":443"
DICT

export SWIFT_BACKTRACE=enable=no
# shellcheck disable=SC2086
"$binary" -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-2048}" -dict=fuzz-corpus/parser.dict \
    -artifact_prefix="$artifacts" -print_final_stats=1 ${FUZZ_FLAGS:-} "$corpus"
