#!/usr/bin/env bash
# Replays the Dockerfile's build on this host (there is no Docker engine here)
# and checks what the image would contain:
#   1. reads from the Dockerfile the swift build flags (ARG BYLINE_BUILD_FLAGS),
#      the runtime stage's apt packages, and checks the image contract
#      (base images, COPY layout, ENV, VOLUME, EXPOSE, USER, HEALTHCHECK,
#      ENTRYPOINT, CMD) — so drift between the two fails this script;
#   2. runs the same `swift build` into a staging root laid out like the image
#      (usr/local/bin/byline, usr/share/byline/seeds, etc/byline/byline.json);
#   3. checks `byline version` runs from the staged binary, and that every
#      shared library ldd reports is owned by a Debian package the runtime
#      stage installs (or by the few that debian:bookworm-slim always has);
#   4. smoke-tests `byline serve` with the image's ENV pointed into the
#      staging root and curls /healthz as the HEALTHCHECK does (SMOKE=0 skips).
#
# Env: SCRATCH   swift --scratch-path (default .build, as in the image)
#      STAGING   staging root (default .build-docker/rootfs; wiped first)
#      SMOKE     1 (default) to run the serve + /healthz smoke test
#      CHECK_ONLY=1  only step 1 (no build): a quick drift check
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build}
STAGING=${STAGING:-.build-docker/rootfs}
SMOKE=${SMOKE:-1}
DOCKERFILE=Dockerfile

# Packages every debian:bookworm-slim image already carries whose libraries a
# Swift binary may link (libc, libgcc_s, libstdc++ — apt itself needs them).
BASE_IMAGE_PACKAGES=(libc6 libgcc-s1 libstdc++6)

fail() { echo "docker-build-steps: FAIL: $*" >&2; exit 1; }
step() { echo "==> $*"; }

# ------------------------------------------------------------ read Dockerfile
# Logical instructions: comments dropped, backslash continuations joined.
logical_lines() {
    awk '
        /^[[:space:]]*#/ { next }
        {
            line = $0
            if (sub(/\\[[:space:]]*$/, "", line)) { buf = buf line " "; next }
            print buf line; buf = ""
        }
        END { if (buf != "") print buf }
    ' "$DOCKERFILE"
}
LINES=$(logical_lines)

# Prints the logical lines of the stage whose FROM line matches $1.
stage_lines() {
    awk -v want="$1" '
        /^FROM[[:space:]]/ { in_stage = ($0 ~ want) }
        in_stage { print }
    ' <<<"$LINES"
}

require() { # require REGEX DESCRIPTION [TEXT]
    local text=${3:-$LINES}
    grep -Eq -- "$1" <<<"$text" || fail "Dockerfile no longer has $2 (pattern: $1)"
}

step "checking $DOCKERFILE against this script"
BUILD_STAGE=$(stage_lines '^FROM swift:6\.3-bookworm AS build')
RUNTIME_STAGE=$(stage_lines '^FROM debian:bookworm-slim( |$)')
[[ -n $BUILD_STAGE ]] || fail "no 'FROM swift:6.3-bookworm AS build' stage"
[[ -n $RUNTIME_STAGE ]] || fail "no 'FROM debian:bookworm-slim' stage"

BUILD_FLAGS=$(sed -n 's/^ARG BYLINE_BUILD_FLAGS="\(.*\)"[[:space:]]*$/\1/p' <<<"$BUILD_STAGE")
[[ -n $BUILD_FLAGS ]] || fail 'no ARG BYLINE_BUILD_FLAGS="..." line in the build stage'
require '^RUN swift build \$\{BYLINE_BUILD_FLAGS\} ' 'RUN swift build ${BYLINE_BUILD_FLAGS}' "$BUILD_STAGE"
for flag in "-c release" "--product byline" "--static-swift-stdlib"; do
    [[ " $BUILD_FLAGS " == *" $flag "* ]] || fail "BYLINE_BUILD_FLAGS lacks '$flag': $BUILD_FLAGS"
done
for src in "Package.swift" "Sources" "seeds" "Config"; do
    require "^COPY $src " "COPY $src" "$BUILD_STAGE"
done
# Build stage stages into /staging exactly the layout we make below.
require 'install -D -m 0755 .*/byline" /staging/usr/local/bin/byline' "staging of the binary" "$BUILD_STAGE"
require 'cp -R seeds /staging/usr/share/byline/seeds' "staging of the seeds" "$BUILD_STAGE"
require 'install -D -m 0644 Config/byline.json /staging/etc/byline/byline.json' "staging of the config" "$BUILD_STAGE"
require 'install -D -m 0755 /usr/libexec/swift/linux/swift-backtrace-static /staging/usr/libexec/swift/linux/swift-backtrace-static' \
    "staging of swift-backtrace-static" "$BUILD_STAGE"

# Runtime stage: packages, layout, contract.
apt_line=$(grep -E 'apt-get install ' <<<"$RUNTIME_STAGE" | head -n1)
[[ -n $apt_line ]] || fail "runtime stage has no apt-get install"
read -r -a RUNTIME_PACKAGES <<<"$(sed -E 's/.*apt-get install( +-[^ ]+)* +//; s/ *&&.*//' <<<"$apt_line")"
[[ ${#RUNTIME_PACKAGES[@]} -gt 0 ]] || fail "could not parse the runtime apt packages"
for p in curl ca-certificates; do
    [[ " ${RUNTIME_PACKAGES[*]} " == *" $p "* ]] || fail "runtime stage no longer installs $p"
done
IMAGE_PATHS=(usr/local/bin/byline usr/share/byline/seeds etc/byline/byline.json
             usr/libexec/swift/linux/swift-backtrace-static)
for path in "${IMAGE_PATHS[@]}"; do
    require "^COPY --from=build /staging/$path /$path\$" "COPY --from=build of /$path" "$RUNTIME_STAGE"
done
require 'useradd .*byline' "the byline user" "$RUNTIME_STAGE"
require '^USER [^0r]' "a non-root USER" "$RUNTIME_STAGE"
require '^VOLUME /var/lib/byline$' "VOLUME /var/lib/byline" "$RUNTIME_STAGE"
require '^EXPOSE 8080$' "EXPOSE 8080" "$RUNTIME_STAGE"
require '^HEALTHCHECK .*curl -fsS .*/healthz' "the curl /healthz HEALTHCHECK" "$RUNTIME_STAGE"
require '^ENTRYPOINT \["byline"\]$' 'ENTRYPOINT ["byline"]' "$RUNTIME_STAGE"
require '^CMD \["serve"\]$' 'CMD ["serve"]' "$RUNTIME_STAGE"

# ENV: parse KEY=VALUE pairs of the runtime stage's ENV lines.
declare -A IMAGE_ENV=()
while read -r -a kv; do
    for pair in "${kv[@]:1}"; do IMAGE_ENV[${pair%%=*}]=${pair#*=}; done
done < <(grep -E '^ENV ' <<<"$RUNTIME_STAGE")
declare -A WANT_ENV=(
    [BYLINE_HOST]=0.0.0.0 [BYLINE_PORT]=8080
    [BYLINE_DATABASE]=/var/lib/byline/byline.sqlite
    [BYLINE_SEEDS]=/usr/share/byline/seeds
    [BYLINE_CONFIG]=/etc/byline/byline.json
)
for k in "${!WANT_ENV[@]}"; do
    [[ ${IMAGE_ENV[$k]-} == "${WANT_ENV[$k]}" ]] ||
        fail "ENV $k is '${IMAGE_ENV[$k]-<unset>}', expected '${WANT_ENV[$k]}'"
done
echo "    build flags: $BUILD_FLAGS"
echo "    runtime packages: ${RUNTIME_PACKAGES[*]}"
if [[ ${CHECK_ONLY:-0} == 1 ]]; then echo "docker-build-steps: Dockerfile checks OK"; exit 0; fi

# --------------------------------------------------------------------- build
[[ -f Config/byline.json ]] || fail "Config/byline.json is missing (the image copies it)"
[[ -d seeds ]] || fail "seeds/ is missing"

read -r -a flags <<<"$BUILD_FLAGS"
step "swift build ${flags[*]} --scratch-path $SCRATCH"
swift build "${flags[@]}" --scratch-path "$SCRATCH"
BIN_DIR=$(swift build "${flags[@]}" --scratch-path "$SCRATCH" --show-bin-path)

step "staging into $STAGING"
rm -rf -- "$STAGING"
install -D -m 0755 "$BIN_DIR/byline" "$STAGING/usr/local/bin/byline"
install -d -m 0755 "$STAGING/usr/share/byline"
cp -R seeds "$STAGING/usr/share/byline/seeds"
install -D -m 0644 Config/byline.json "$STAGING/etc/byline/byline.json"
# The image's build stage takes it from the swift image's /usr; here from the
# toolchain that runs `swift`.
TOOLCHAIN_USR=$(dirname "$(dirname "$(realpath "$(command -v swift)")")")
BACKTRACER="$TOOLCHAIN_USR/libexec/swift/linux/swift-backtrace-static"
[[ -x $BACKTRACER ]] || fail "no $BACKTRACER in the toolchain"
install -D -m 0755 "$BACKTRACER" "$STAGING/usr/libexec/swift/linux/swift-backtrace-static"
for path in "${IMAGE_PATHS[@]}"; do
    [[ -e "$STAGING/$path" ]] || fail "staging lacks /$path"
done
BYLINE="$STAGING/usr/local/bin/byline"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$STAGING/etc/byline/byline.json" ||
    fail "Config/byline.json is not valid JSON"

# -------------------------------------------------------------------- checks
step "byline version"
version_out=$(env -i PATH=/usr/bin:/bin "$BYLINE" version) || fail "'byline version' exited $?"
[[ -n $version_out ]] || fail "'byline version' printed nothing"
echo "    $version_out"

step "ldd: every shared library must come from a package the runtime stage has"
allowed=" ${RUNTIME_PACKAGES[*]} ${BASE_IMAGE_PACKAGES[*]} "
ldd_out=$(ldd "$BYLINE" "$STAGING/usr/libexec/swift/linux/swift-backtrace-static") || fail "ldd failed"
if grep -q 'not found' <<<"$ldd_out"; then
    echo "$ldd_out" >&2; fail "unresolved shared libraries"
fi
bad=0
while read -r lib path; do
    owner=""
    for candidate in "$path" "$(realpath -- "$path")" "${path#/usr}" "/usr${path#/usr}"; do
        owner=$(dpkg-query -S -- "$candidate" 2>/dev/null | head -n1 | cut -d: -f1) && [[ -n $owner ]] && break
    done
    if [[ -z $owner ]]; then
        echo "    $lib => $path: not from any Debian package (toolchain library?)"; bad=1
    elif [[ $allowed != *" $owner "* ]]; then
        echo "    $lib => $path: package $owner is not installed by the runtime stage"; bad=1
    else
        echo "    $lib ($owner)"
    fi
done < <(awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 } $1 ~ /^\// && $1 !~ /:$/ { print $1, $1 }' <<<"$ldd_out" | awk '!seen[$0]++')
[[ $bad -eq 0 ]] || fail "the staged binary needs libraries the runtime image would not have"

if [[ $SMOKE == 1 ]]; then
    step "smoke: byline serve with the image's ENV (paths inside $STAGING)"
    tmp=$(mktemp -d)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    BYLINE_HOST=127.0.0.1 BYLINE_PORT=$port \
    BYLINE_DATABASE="$tmp/byline.sqlite" \
    BYLINE_SEEDS="$STAGING${WANT_ENV[BYLINE_SEEDS]}" \
    BYLINE_CONFIG="$STAGING${WANT_ENV[BYLINE_CONFIG]}" \
    SWIFT_BACKTRACE="enable=yes,sanitize=yes,threads=all,images=all,interactive=no,swift-backtrace=$STAGING/usr/libexec/swift/linux/swift-backtrace-static" \
        "$BYLINE" serve >"$tmp/serve.log" 2>&1 &
    pid=$!
    trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf -- "$tmp"' EXIT
    ok=0
    for _ in $(seq 1 100); do
        if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then ok=1; break; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    if [[ $ok -ne 1 ]]; then
        sed 's/^/    serve: /' "$tmp/serve.log" >&2
        fail "byline serve did not answer /healthz within 20 s"
    fi
    echo "    /healthz: $(curl -fsS "http://127.0.0.1:$port/healthz")"
    [[ -s "$tmp/byline.sqlite" ]] || fail "no database at \$BYLINE_DATABASE after start"
fi

echo "docker-build-steps: OK (staged image root: $STAGING)"
