#!/usr/bin/env bash
# Installs the system packages the test suite needs when they are missing: Debian's Chromium for
# the browser tests (playwright-core drives it; `npx playwright install` cannot download here).
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)

if ((${#need[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "Installing ${need[*]} from Debian's packages…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
