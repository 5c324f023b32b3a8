#!/usr/bin/env bash
# Fuzz one of Byline's input surfaces with libFuzzer.
#   scripts/fuzz.sh TARGET [SECONDS]        SECONDS defaults to 60
# TARGET is one of
#   parser       the HTTP/1.1 request parser            (Sources/BylineFuzzParser)
#   analyzer     the plain-text article analyzer        (Sources/BylineFuzzAnalyzer)
#   html         HTML extraction + its analysis         (Sources/BylineFuzzHTML)
#   ingest-body  POST /v1/articles bodies, JSON mostly  (Sources/BylineFuzzIngestBody)
# Builds with -sanitize=fuzzer,address in .build-fuzz (one -sanitize flag with both values:
# two separate flags lose coverage instrumentation), seeds fuzz-corpus/TARGET, runs for
# SECONDS, and exits non-zero when libFuzzer finds a crash, a leak or an input slower than
# FUZZ_TIMEOUT; the input that caused it is saved in fuzz-artifacts/TARGET/ (both
# directories are gitignored). Every such input becomes a regression test (see
# docs/threat-model.md, "Verification").
# Replay one input:  .build-fuzz/debug/BylineFuzzHTML fuzz-artifacts/html/crash-…
# Minimise it:       .build-fuzz/debug/BylineFuzzHTML -minimize_crash=1 -runs=10000 fuzz-artifacts/html/crash-…
# (.build-fuzz/release/… after a FUZZ_CONFIG=release run.)
# Seeds come from the repository (seeds/, the llhttp corpus) and, when present, from the
# shared evaluation material beside it (../shared: seeds, eval/articles, eval/html pages).
# Env: FUZZ_CONFIG (debug, the default, or release), FUZZ_MAX_LEN (per-target default
# below), FUZZ_TIMEOUT seconds per input (default 10, for a debug ASan build), extra
# libFuzzer flags in FUZZ_FLAGS. libFuzzer's timeout is wall-clock time: on a machine that
# is busy with other work, raise it (FUZZ_TIMEOUT=60) or a stall is reported as a slow
# input; replay a timeout-… artifact before believing it.
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh parser|analyzer|html|ingest-body [SECONDS]}
seconds=${2:-60}
cd "$(dirname "$0")/.."
shared=../shared

case "$target" in
  parser)      product=BylineFuzzParser;     max_len=2048 ;;
  analyzer)    product=BylineFuzzAnalyzer;   max_len=16384 ;;
  html)        product=BylineFuzzHTML;       max_len=65536 ;;
  ingest-body) product=BylineFuzzIngestBody; max_len=16384 ;;
  *) echo "unknown fuzz target: $target (parser, analyzer, html, ingest-body)" >&2; exit 64 ;;
esac

# main.swift finds LLVMFuzzerRunDriver with dlsym, so it must be in the dynamic symbol table.
# FUZZ_CONFIG=release fuzzes optimised code (still with ASan): measured here, 5–10× the
# executions per second of a debug build, for a much longer first build (17 min under load);
# the two configurations share .build-fuzz.
build=(swift build --scratch-path .build-fuzz -c "${FUZZ_CONFIG:-debug}" -Xswiftc -sanitize=fuzzer,address
       -Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver --product "$product")
# gold warns about every ASan helper it cannot export; those lines are noise.
"${build[@]}" 2> >(grep -v "Cannot export local symbol" >&2)
binary="$("${build[@]}" --show-bin-path)/$product"

corpus=fuzz-corpus/$target
artifacts=fuzz-artifacts/$target/
dict=fuzz-corpus/$target.dict
mkdir -p "$corpus" "$artifacts"

# Seeds are written under content-hash names, so re-seeding adds no duplicates.
case "$target" in
parser)
  # Each http block of the llhttp corpus (lenient files too: near-misses are good seeds),
  # decoded like llhttp's test runner does, behind one control byte that picks the cuts
  # (see main.swift).
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
  cat > "$dict" <<'DICT'
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
  ;;
analyzer|html|ingest-body)
  python3 - "$target" "$corpus" "$shared" <<'PY'
import glob, gzip, hashlib, json, os, sys
target, out, shared = sys.argv[1:4]
count = 0
def seed(data):
    global count
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
    count += 1
texts = [open(p, "rb").read() for p in sorted(glob.glob("seeds/*.txt") + glob.glob(f"{shared}/seeds/*.txt")
                                               + glob.glob(f"{shared}/eval/articles/*.txt"))]
pages = [gzip.open(p).read() for p in sorted(glob.glob(f"{shared}/eval/html/pages/*.html.gz"))]
# Inputs fuzzing found before, kept beside their regression tests: replayed first, under
# the same per-input timeout, so a fixed slowdown or crash that comes back is caught.
found_texts = [open(p, "rb").read() for p in sorted(glob.glob("Tests/*/Fixtures/fuzz/*.txt"))]
found_pages = [open(p, "rb").read() for p in sorted(glob.glob("Tests/*/Fixtures/fuzz/*.html"))]
# Small cases of what the analyzer must survive: unbalanced, nested and paragraph-spanning
# quotation marks, attributions, datelines, bylines, trailers.
snippets = [
    "“Unbalanced, he said.\n\nAnd the rest of the article.",
    "\"A,\" he said, \"B.\"\n\n“C\n\n“D,” Putin adviser Yuri Ushakov told reporters.",
    "SOURCE: Example News\nBy Jane Doe and John Roe\n date 2025-06-14\n\nHeadline\nHeadline\n\nOn Saturday, the Kremlin said ‘no’.\nRead More",
    "’’’“““”””\"\"\"'''",
]
if target == "analyzer":
    for data in texts + found_texts: seed(data)
    for s in snippets: seed(s.encode())
elif target == "html":
    for data in pages + found_pages: seed(data)
    seed(b'<!DOCTYPE html><html><head><meta charset="windows-1252"><title>T</title>'
         b'<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2025-06-14",'
         b'"author":{"name":"Jane Doe"},"articleBody":"Body."}</script></head><body><article><h1>H</h1>'
         b'<p>\x93Quote,\x94 she said.</p><time datetime="2025-06-14">June 14</time></article></body></html>')
    seed(b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>')
else:
    # One control byte (0 = application/json, see main.swift), then a body.
    hints = {"url": "https://example.com/a", "outlet": "Example News", "published": "2025-06-14", "title": "T"}
    for data in texts[:8] + [s.encode() for s in snippets]:
        text = data.decode("utf-8", "replace")
        seed(b"\x00" + json.dumps({"text": text}).encode())
        seed(b"\x00" + json.dumps({"text": text, **hints}, ensure_ascii=False).encode())
    for data in found_texts: seed(b"\x06" + data)   # text/plain; charset=utf-8
    for data in found_pages: seed(b"\x07" + data)   # text/html
    for data in pages[:4]:
        seed(b"\x00" + json.dumps({"html": data.decode("utf-8", "replace")[:12000], "published": "2025-06-14"}).encode())
    for body in [b'{"text": 1}', b'[]', b'{"text": "a", "html": "b"}', b'{"published": "2025-02-30", "text": "x"}',
                 b'{"url": "ftp://x", "text": "x"}', b'{"text": "\\ud800"}', b'{"title": "  ", "text": "x"}', b'{']:
        seed(b"\x00" + body)
print(f"seeded {count} inputs for {target}")
PY
  ;;
esac

case "$target" in
analyzer)
  cat > "$dict" <<'DICT'
"\xe2\x80\x9c"
"\xe2\x80\x9d"
"\xe2\x80\x98"
"\xe2\x80\x99"
"\""
"\x0a\x0a"
" said"
" told reporters"
" according to "
" wrote on Truth Social"
"SOURCE: "
"By "
" date 2025-06-14"
"Read More"
"President "
"Foreign Minister "
"the Kremlin"
"on Saturday"
"June 14, 2025"
"Photo: "
DICT
  ;;
html)
  cat > "$dict" <<'DICT'
"<p>"
"</p>"
"<article>"
"<div class=\"content\">"
"<h1>"
"<br>"
"<script type=\"application/ld+json\">"
"</script>"
"<meta property=\"og:title\" content=\""
"<meta name=\"author\" content=\""
"<meta charset=\""
"<time datetime=\"2025-06-14\">"
"<!DOCTYPE"
"<!ENTITY"
"<![CDATA["
"&amp;"
"&#x201C;"
"&#8217;"
"\"@type\":\"NewsArticle\""
"\"articleBody\":\""
DICT
  ;;
ingest-body)
  cat > "$dict" <<'DICT'
"{\"text\":\""
"\"html\":\""
"\"published\":\"2025-06-14\""
"\"url\":\"https://"
"\"outlet\":\""
"\"title\":\""
"\\u"
"\\ud83d\\ude00"
"null"
"true"
"[]"
"{}"
"1e999"
DICT
  ;;
esac

export SWIFT_BACKTRACE=enable=no
# The same narrow leak suppressions as the sanitizer runs (toolchain libraries only).
export LSAN_OPTIONS="suppressions=$PWD/scripts/sanitizers/lsan.supp:print_suppressions=0"
# shellcheck disable=SC2086
"$binary" -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-$max_len}" -timeout="${FUZZ_TIMEOUT:-10}" \
    -dict="$dict" -artifact_prefix="$artifacts" -print_final_stats=1 ${FUZZ_FLAGS:-} "$corpus"
