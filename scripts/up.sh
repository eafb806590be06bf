#!/usr/bin/env bash
# The start command (README): installs what kubets needs, then runs `kubets up`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
exec node_modules/.bin/node bin/kubets.js up "$@"
