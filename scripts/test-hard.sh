#!/usr/bin/env bash
# The hard cases (`npm run test:hard`): real n8n against the vendor simulators with faults, webhook
# abuse, trigger lifecycle churn, token expiry, load, and queue mode (PostgreSQL and Redis from
# Debian's packages, installed here when missing and started by the tests on 127.0.0.1).
# Prints one table of what was tried and what held (also in build/test-results/hard-summary.md).
#   by default on n8n 1.123.50 and 2.41.1 side by side (HARD_N8N_LINE=1 or =2: on one line only);
#   extra arguments go to jest
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
# The n8n lines to run on (default both). Each is a jest run of its own with results per line; the
# lines run side by side, since most of a hard case is waiting on a clock (polls, restarts, pacing)
# and every suite keeps to its own free ports and temporary folders. Output lines say their line.
lines="${HARD_N8N_LINES:-${HARD_N8N_LINE:-1,2}}"
mkdir -p build/test-results
rm -f build/test-results/hard-summary.jsonl build/test-results/hard.json build/test-results/hard-*.json
for line in ${lines//,/ }; do
	dir=$(bash scripts/install-locked.sh "n8n-$line")
	echo "test:hard: n8n line $line at ${dir##*$'\n'}"
done
runs=()
for line in ${lines//,/ }; do
	(
		HARD_N8N_LINE="$line" npx jest --config jest.hard.config.js --json \
			--outputFile="build/test-results/hard-$line.json" "$@" 2>&1 | sed -u "s/^/[n8n $line] /"
	) &
	runs+=("$!")
done
status=0
for run in "${runs[@]}"; do wait "$run" || status=$?; done
node scripts/hard-summary.js || status=$?
exit $status
