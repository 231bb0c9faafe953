#!/usr/bin/env bash
# Installs the system packages the test suite needs when they are missing: Debian's Chromium for
# the browser tests (playwright-core drives it; `npx playwright install` cannot download here),
# Debian's ClickHouse server and client for the ClickHouse engine's tests (the tests start their
# own servers on loopback; nothing is started here), and CJK fonts so that screenshots of the Chinese pages show text rather than empty boxes
# (optional: without root they are only recommended).
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/sbin/clickhouse-server ] || need+=(clickhouse-server)
command -v clickhouse-client >/dev/null 2>&1 || need+=(clickhouse-client)
want=()
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || want+=(fonts-noto-cjk)

if [ "$(id -u)" != 0 ]; then
  if ((${#need[@]})); then
    echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]} ${want[*]}" >&2
    exit 1
  fi
  ((${#want[@]})) && echo "Recommended for readable screenshots: sudo apt-get install -y ${want[*]}" >&2
  exit 0
fi

all=("${need[@]}" "${want[@]}")
if ((${#all[@]})); then
  echo "Installing ${all[*]} from Debian's packages…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${all[@]}" >/dev/null
fi
