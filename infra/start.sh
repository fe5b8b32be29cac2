#!/usr/bin/env bash
# README command 1: install what is missing, then start Temporal, PostgreSQL, the mail catcher,
# the worker and the API on embedded defaults, launch a demo cycle and print where to look.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
bash "$ORIENTIR_ROOT/infra/bootstrap.sh"
cd "$ORIENTIR_ROOT"
exec node --disable-warning=ExperimentalWarning -r ./infra/register.js infra/stack/start-stack.main.ts
