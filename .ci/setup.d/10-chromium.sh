#!/usr/bin/env bash
# Chromium for the browser tests (tests/web/test_browser.py): Debian's package at
# /usr/bin/chromium, driven headless by playwright-python (no `playwright install`: its browser
# download needs the network). A failure here warns and leaves the browser tests to skip.
set -uo pipefail
warn() { echo "10-chromium: $*; browser tests will be skipped" >&2; exit 0; }

[ -x /usr/bin/chromium ] && exit 0
command -v apt-get >/dev/null || warn "no /usr/bin/chromium and no apt-get"
SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || warn "not root and no sudo"
  SUDO="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null || warn "apt-get update failed"
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null \
  || warn "apt-get install chromium failed"
[ -x /usr/bin/chromium ] || warn "chromium installed but /usr/bin/chromium is missing"
echo "10-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium installed)"
