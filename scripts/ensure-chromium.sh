#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed: the machine is offline except for apt and npm, so
# `npx playwright install` cannot download a browser and the e2e tests drive /usr/bin/chromium.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
  echo "ensure-chromium: $CHROMIUM present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "ensure-chromium: $CHROMIUM is missing and this user is not root and has no sudo; install the Debian 'chromium' package first" >&2
  exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${as_root[@]}" apt-get update && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  echo "ensure-chromium: apt-get could not install chromium (output above)" >&2
  exit 1
fi

if [[ ! -x "$CHROMIUM" ]]; then
  echo "ensure-chromium: apt-get installed chromium but $CHROMIUM does not exist" >&2
  exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium) with apt-get"
