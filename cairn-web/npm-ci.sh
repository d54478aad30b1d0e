#!/bin/sh
# Installs the pinned browser libraries (package-lock.json) into node_modules with `npm ci`,
# unless node_modules already holds exactly that lock: incremental builds stay fast and offline.
set -eu
cd "$(dirname "$0")"
stamp=node_modules/.cairn-lock.json
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "cairn-web: npm is not installed, and the build needs it once to fetch the pinned browser" >&2
  echo "libraries (Leaflet, uPlot) from the npm registry. Install Node.js 20+ with npm" >&2
  echo "(Debian/Ubuntu: apt-get install nodejs npm; or https://nodejs.org), then build again." >&2
  exit 1
fi
echo "cairn-web: npm ci (package-lock.json changed or node_modules missing)"
if ! npm ci --ignore-scripts --no-audit --no-fund; then
  echo "cairn-web: npm ci failed: the npm registry must be reachable on the first build" >&2
  echo "(or after package-lock.json changes)." >&2
  exit 1
fi
cp package-lock.json "$stamp"
