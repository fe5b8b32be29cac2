#!/usr/bin/env bash
# README command 2 (and CI): install what is missing, then type-check, lint, run the unit tests
# and the integration tests against real Temporal, PostgreSQL and SMTP servers.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
bash "$ORIENTIR_ROOT/infra/bootstrap.sh" --test
cd "$ORIENTIR_ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=ExperimentalWarning"
results="$ORIENTIR_ROOT/.data/test-results"
rm -rf "$results"; mkdir -p "$results"

step() { printf '\n[orientir] %s\n' "$*"; }
step "type-check (API, worker, libs; web app; generated API types up to date)"
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/web/tsconfig.json --noEmit
bash infra/web/api-types.sh --check
step "lint"
npx prettier --check --log-level warn "apps/**/*.ts" "libs/**/*.ts" "workflows/**/*.ts" "activities/**/*.ts" "infra/**/*.ts" "test/**/*.ts" "apps/web/src/**/*.tsx"
npx nx show projects >/dev/null   # builds the project graph the module-boundary rule reads
npx eslint . --max-warnings=0
step "unit tests"
unit=0; npx jest -c jest.config.ts --ci --json --outputFile="$results/unit.json" || unit=$?
step "web app build (the API serves it in the integration and browser tests)"
npx vite build --config apps/web/vite.config.ts --logLevel warn
step "integration tests (real Temporal dev server, Java time-skipping server, PostgreSQL, SMTP)"
integration=0; npx jest -c test/jest.integration.config.ts --ci --runInBand --json --outputFile="$results/integration.json" || integration=$?
step "browser tests (Debian chromium via playwright-core; screenshots in .data/test-results/screenshots)"
browser=0; npx jest -c test/browser/jest.browser.config.ts --ci --runInBand --json --outputFile="$results/browser.json" || browser=$?
step "fault tests, fast subset (PostgreSQL restart, SMTP outage; all of them: npm run test:faults)"
faults=0; npx jest -c test/jest.faults.config.ts --ci --runInBand --json --outputFile="$results/faults.json" \
  test/faults/postgres-restart.fault-spec.ts test/faults/smtp-outage.fault-spec.ts || faults=$?
node infra/test-summary.js "$results/unit.json" "$results/integration.json" "$results/browser.json" "$results/faults.json"
exit $(( unit || integration || browser || faults ))
