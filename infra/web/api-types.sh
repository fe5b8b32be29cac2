#!/usr/bin/env bash
# Regenerates the web client's API contract from the Nest app (no server needed):
#   apps/web/src/api/openapi.json  – the OpenAPI document
#   apps/web/src/api/schema.gen.ts – TypeScript types for openapi-fetch
# With --check it writes to a temporary directory and fails when the committed files are stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=apps/web/src/api
target="$out"
# Inside the repository, so Prettier reads the same configuration as for the committed files.
if [[ "${1:-}" == "--check" ]]; then mkdir -p tmp; target="$(mktemp -d "$PWD/tmp/api-types.XXXXXX")"; trap 'rm -rf "$target"' EXIT; fi
node --disable-warning=ExperimentalWarning -r ./infra/register.js apps/api/src/openapi/write-openapi.main.ts "$target/openapi.json"
npx openapi-typescript "$target/openapi.json" -o "$target/schema.gen.ts" --alphabetize >/dev/null
npx prettier --ignore-path /dev/null --log-level warn --write "$target/openapi.json" "$target/schema.gen.ts"
if [[ "${1:-}" == "--check" ]]; then
  for f in openapi.json schema.gen.ts; do
    if ! diff -q "$out/$f" "$target/$f" >/dev/null; then
      echo "[orientir] $out/$f is stale: the API changed. Run: npm run api:types" >&2
      diff -u "$out/$f" "$target/$f" | head -40 >&2
      exit 1
    fi
  done
  echo "[orientir] generated API types are up to date"
fi
