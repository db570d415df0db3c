#!/usr/bin/env bash
# The suites that run a real n8n (jest.n8n.config.js), in one pool of workers:
#   scripts/test-n8n.sh e2e    end-to-end: packed packages in n8n 1.123.50 (Node 20) and 2.41.1 (Node 24)
#   scripts/test-n8n.sh hard   the hard cases: faults, secrets, webhook abuse and load, lifecycle,
#                              polling, tokens, queue mode (PostgreSQL and Redis from Debian's packages,
#                              installed here when missing and started by the tests on 127.0.0.1)
#   scripts/test-n8n.sh all    both, as `npm test` runs them
# E2E_N8N_LINES=1|2 and HARD_N8N_LINE=1|2 keep a kind to one line; extra arguments go to jest
# (`npm run test:hard -- faults` runs one suite). The hard cases end with one table of what was
# tried and what held (also build/test-results/hard-summary.md).
set -euo pipefail
cd "$(dirname "$0")/.."

kind="${1:?usage: test-n8n.sh e2e|hard|all [jest arguments]}"
shift
projects=()
lines_of() { echo "${1//,/ }"; }
if [ "$kind" = e2e ] || [ "$kind" = all ]; then
	projects+=(e2e)
	for line in $(lines_of "${E2E_N8N_LINES:-1,2}"); do projects+=("e2e-$line"); done
fi
if [ "$kind" = hard ] || [ "$kind" = all ]; then
	for line in $(lines_of "${HARD_N8N_LINES:-${HARD_N8N_LINE:-1,2}}"); do projects+=("hard-$line"); done
fi
[ ${#projects[@]} -gt 0 ] || { echo "test-n8n.sh: unknown kind $kind" >&2; exit 2; }

if [[ " ${projects[*]} " == *" hard-"* ]]; then
	missing=()
	command -v redis-server >/dev/null || missing+=(redis-server)
	ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
	if [ ${#missing[@]} -gt 0 ]; then
		echo "test-n8n.sh: installing ${missing[*]} from Debian's packages (queue mode needs them)"
		sudo=""
		[ "$(id -u)" -eq 0 ] || sudo="sudo"
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
			|| { $sudo apt-get update >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
		# Debian starts the packaged services; the tests run their own on free ports instead.
		$sudo service redis-server stop >/dev/null 2>&1 || true
		$sudo service postgresql stop >/dev/null 2>&1 || true
	fi
fi

# The locked installs these projects run (already there unless the cache is cold or the lock changed).
tools=()
for project in "${projects[@]}"; do
	case "$project" in
		e2e) tools+=(scanner node-cli) ;;
		*-1) tools+=(n8n-1) ;;
		*-2) tools+=(n8n-2) ;;
	esac
done
bash scripts/install-all.sh $(printf '%s\n' "${tools[@]}" | sort -u)
[ -d build/tarballs ] || npm run build

mkdir -p build/test-results
for project in "${projects[@]}"; do rm -f "build/test-results/$project.json"; done
[[ " ${projects[*]} " == *" hard-"* ]] && rm -f build/test-results/hard-summary.jsonl build/test-results/hard-summary.md
echo "test-n8n.sh: ${projects[*]}"
status=0
# Jest arguments first: --selectProjects takes every word after it.
npx jest --config jest.n8n.config.js "$@" --selectProjects "${projects[@]}" || status=$?
if [[ " ${projects[*]} " == *" hard-"* ]]; then node scripts/hard-summary.js || status=$?; fi
exit $status
