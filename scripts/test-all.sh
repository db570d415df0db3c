#!/usr/bin/env bash
# `npm test`: build, lint, unit tests, then the end-to-end suites and the hard cases in real n8n
# 1.123.50 and 2.41.1 (scripts/test-n8n.sh all), and one closing line over all of it.
# The locked installs (n8n's two lines, the scanner, n8n-node) start first and go on beside the
# build, lint and unit tests: on a cold cache they take many minutes, mostly waiting.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-all.sh &
installs=$!
# Descendants first, so no npm of an unfinished install is left running when a step fails.
stop_tree() {
	for child in $(pgrep -P "$1" || true); do stop_tree "$child"; done
	kill "$1" 2>/dev/null || true
}
trap '[ -n "${installs:-}" ] && stop_tree "$installs"' EXIT

npm run build
npm run lint
npm run test:unit
wait "$installs" || { echo "npm test: a locked install failed (see above)" >&2; exit 1; }
installs=""
status=0
bash scripts/test-n8n.sh all || status=$?
node scripts/test-summary.js || status=$?
exit $status
