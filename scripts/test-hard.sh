#!/usr/bin/env bash
# The hard cases (`npm run test:hard`): real n8n against the vendor simulators with faults, webhook
# abuse, trigger lifecycle churn, token expiry, load, and queue mode (PostgreSQL and Redis from
# Debian's packages, installed here when missing and started by the tests on 127.0.0.1).
# Prints one table of what was tried and what held (also in build/test-results/hard-summary.md).
#   HARD_N8N_LINE=2 runs them on n8n 2.41.1 instead of 1.123.50; extra arguments go to jest
#   (e.g. `npm run test:hard -- faults` runs one suite).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
	echo "test:hard: installing ${missing[*]} from Debian's packages (queue mode needs them)"
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
		|| { $sudo apt-get update >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
	# Debian starts the packaged services; the tests run their own on free ports instead.
	$sudo service redis-server stop >/dev/null 2>&1 || true
	$sudo service postgresql stop >/dev/null 2>&1 || true
fi

[ -d build/tarballs ] || npm run build
dir=$(bash scripts/install-locked.sh "n8n-${HARD_N8N_LINE:-1}")
echo "test:hard: n8n at ${dir##*$'\n'}"
mkdir -p build/test-results
rm -f build/test-results/hard-summary.jsonl
status=0
npx jest --config jest.hard.config.js --json --outputFile=build/test-results/hard.json "$@" || status=$?
node scripts/hard-summary.js
exit $status
