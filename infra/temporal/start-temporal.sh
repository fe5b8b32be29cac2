#!/usr/bin/env bash
# Starts only the Temporal dev server (persistent SQLite in .data/temporal, web UI on, Orientir's
# search attributes registered) and waits until it answers. TEMPORAL_PORT / TEMPORAL_UI_PORT move it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
bash "$ORIENTIR_ROOT/infra/bootstrap.sh"
cd "$ORIENTIR_ROOT"
exec node -r ./infra/register.js infra/stack/start-temporal.main.ts
