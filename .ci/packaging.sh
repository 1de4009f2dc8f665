#!/usr/bin/env bash
# Checks what users of rinse install it through: the pre-commit hook manifest, with pre-commit's own validator, and
# the GitHub Action's script, run on a fixture project up to date (exit 0) and on a stale one (exit 1 with
# `::error` annotations). Called by .ci/run after the tests (it uses their build of rinse).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pre-commit >/dev/null; then
    python3 -m pip install --quiet pre-commit
fi
pre-commit validate-manifest .pre-commit-hooks.yaml

rinse="$PWD/target/debug/rinse"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -r tests/cmd/check-clean.in "$scratch/up-to-date"
cp -r tests/cmd/check-drift.in "$scratch/stale"
(cd "$scratch/up-to-date" && RINSE="$rinse" RINSE_ARGS="--no-config" bash "$OLDPWD/.github/action/check.sh")
status=0
(cd "$scratch/stale" && RINSE="$rinse" RINSE_ARGS="--no-config" bash "$OLDPWD/.github/action/check.sh") \
    > "$scratch/stale.out" 2>&1 || status=$?
if [ "$status" -ne 1 ] || ! grep -q '^::error file=clean/ferries.md' "$scratch/stale.out"; then
    cat "$scratch/stale.out"
    echo "packaging: the action's script should fail a stale project with annotations (exit $status)" >&2
    exit 1
fi
echo "packaging: pre-commit manifest valid; action script green on an up-to-date project, red on a stale one"
