#!/usr/bin/env bash
# Prints the path of a Temporal CLI: TEMPORAL_CLI_PATH, `temporal` on PATH, or one built
# from source with the Go toolchain into the project's tools folder (v1.5.1 is the newest
# release that `go install` accepts; later ones carry a `replace` directive).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
TEMPORAL_CLI_VERSION="v1.5.1"

if [[ -n "${TEMPORAL_CLI_PATH:-}" ]]; then
  [[ -x "$TEMPORAL_CLI_PATH" ]] || die "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file"
  echo "$TEMPORAL_CLI_PATH"; exit 0
fi
if command -v temporal >/dev/null 2>&1; then
  command -v temporal; exit 0
fi
target="$ORIENTIR_TOOLS_DIR/bin/temporal"
stamp="$ORIENTIR_TOOLS_DIR/bin/.temporal-version"
if [[ -x "$target" && "$(cat "$stamp" 2>/dev/null)" == "$TEMPORAL_CLI_VERSION" ]]; then
  echo "$target"; exit 0
fi
command -v go >/dev/null 2>&1 || die "no Temporal CLI found and no Go toolchain to build one; install Go or set TEMPORAL_CLI_PATH"
log "building Temporal CLI $TEMPORAL_CLI_VERSION with go install (first run only, a few minutes)"
GOBIN="$ORIENTIR_TOOLS_DIR/bin" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >&2
echo "$TEMPORAL_CLI_VERSION" > "$stamp"
echo "$target"
