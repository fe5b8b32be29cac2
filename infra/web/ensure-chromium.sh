#!/usr/bin/env bash
# Prints the path of a Chromium for the browser tests; installs Debian's `chromium` when missing and allowed.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [[ -n "$candidate" && -x "$candidate" ]]; then echo "$candidate"; exit 0; fi
done
if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
  echo "[orientir] installing Debian's chromium for the browser tests (apt-get)…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  if [[ -x /usr/bin/chromium ]]; then echo /usr/bin/chromium; exit 0; fi
fi
echo "[orientir] the browser tests need Chromium: install the Debian package with 'sudo apt-get install chromium' (or set CHROMIUM_PATH)" >&2
exit 1
