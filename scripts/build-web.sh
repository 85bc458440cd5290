#!/usr/bin/env bash
# Installs the web app's npm packages (exactly as package-lock.json pins them) when they are
# missing or out of date, then builds web/dist.
set -euo pipefail
cd "$(dirname "$0")/../web"

stamp=node_modules/.package-lock.json
if [[ ! -f "$stamp" || package-lock.json -nt "$stamp" ]]; then
  npm ci --no-audit --no-fund
fi
npm run build
