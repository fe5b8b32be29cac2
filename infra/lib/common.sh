#!/usr/bin/env bash
# Shared paths for the infra scripts. Sourced, never run.
ORIENTIR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export ORIENTIR_ROOT
# Project-local tools folder: ignored by git, reused across runs.
export ORIENTIR_TOOLS_DIR="${ORIENTIR_TOOLS_DIR:-$ORIENTIR_ROOT/.tools}"
mkdir -p "$ORIENTIR_TOOLS_DIR/bin"

log() { printf '[orientir] %s\n' "$*" >&2; }
die() { printf '[orientir] error: %s\n' "$*" >&2; exit 1; }
