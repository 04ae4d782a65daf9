#!/usr/bin/env bash
# Builds the web UI with the machine's Node.js and npm (run by Maven; see pom.xml). Nothing here downloads Node or a
# browser: npm fetches the packages of package-lock.json from the npm registry, once, then only when the lock changes.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "未找到 npm：网页界面需要 Node.js 20.19 或更高版本及 npm（Debian: apt-get install nodejs npm）。" >&2
  echo "npm not found: the web UI needs Node.js >= 20.19 and npm (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi
# npm ci starts from an empty node_modules every time; skip it while the installed tree matches the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run build --silent
