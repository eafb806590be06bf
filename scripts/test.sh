#!/usr/bin/env bash
# The test command (README): installs what the tests need, then type-checks, lints,
# and runs every test with Node's test runner.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
ensure_debian_packages etcd etcd-server

bin=node_modules/.bin
echo "==> type check (tsc --noEmit)"
"$bin/node" "$bin/tsc" --noEmit -p .
echo "==> lint (eslint)"
"$bin/node" "$bin/eslint" --max-warnings=0 .
echo "==> tests (node --test)"
# Shared, read-only cached objects are frozen under test, so a change to one fails (watch-cache.ts).
export KUBETS_FREEZE_CACHED_OBJECTS=1
"$bin/node" --test "$@" 'src/**/*.test.ts' 'test/**/*.test.ts'
