#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (tests/test_web_browser.py), only when it is missing.
# Called by `make install-test`. Never downloads a browser build of its own (no `playwright install`).
#   - /usr/bin/chromium present: nothing to do.
#   - root with apt-get: apt-get update && apt-get install -y chromium.
#   - otherwise: a note; the browser tests then skip on a developer's machine, and fail in CI (CI=true).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "note: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get);" \
     "the browser tests will be skipped (apt-get install chromium to run them)" >&2
if [ "${CI:-}" = "true" ]; then
  exit 1
fi
