#!/usr/bin/env bash
# `npm start`: build the packages, then run a local n8n (SQLite) with every package installed,
# the vendor simulators, sandbox credentials and example workflows. First run installs n8n.
#   N8N_LINE=1 npm start   -> n8n 1.123.50 on Node 20 instead of 2.41.1 on Node 24
#   N8N_PORT=5678, SANDBOX_DIR=.n8n-local/n8n-<line> (kept between runs; delete it to start afresh)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building the packages..."
npm run build --silent
line="${N8N_LINE:-2}"
echo "Preparing n8n (line $line; the first run installs it into ~/.cache/legaltech-n8n, 5-10 minutes)..."
bash scripts/install-locked.sh "n8n-$line" >/dev/null
exec npx tsx scripts/sandbox.ts "$line"
