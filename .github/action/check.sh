#!/usr/bin/env bash
# The step of action.yml: `rinse check --output-format github --diff` in the working directory, so GitHub turns each
# finding into an annotation; the exit status is rinse's (0 up to date, 1 stale, 2 error).
# RINSE is the binary (default: `rinse` on PATH), RINSE_ARGS more arguments (split on white space).
set -uo pipefail
rinse="${RINSE:-rinse}"
read -r -a args <<< "${RINSE_ARGS:-}"
"$rinse" check --output-format github --diff "${args[@]}"
