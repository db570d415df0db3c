#!/usr/bin/env bash
# End-to-end tests: the packed packages in real n8n (1.123.50 on Node 20, 2.41.1 on Node 24)
# against the local vendor simulators. n8n is installed once into ~/.cache/legaltech-n8n.
# E2E_N8N_LINES=1 or =2 runs one line only; arguments go to jest (`npm run test:e2e -- docjuris`
# runs one vendor's suite).
set -euo pipefail
cd "$(dirname "$0")/.."

lines="${E2E_N8N_LINES:-1,2}"
[ -d build/tarballs ] || npm run build
for line in ${lines//,/ }; do
	dir=$(bash scripts/install-locked.sh "n8n-$line")
	echo "e2e: n8n line $line at ${dir##*$'\n'}"
done
mkdir -p build/test-results
E2E_N8N_LINES="$lines" npx jest --config jest.e2e.config.js --json --outputFile=build/test-results/e2e.json "$@"
