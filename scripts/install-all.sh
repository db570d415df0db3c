#!/usr/bin/env bash
# Installs the given locked tools (scripts/install-locked.sh names: n8n-1 n8n-2 scanner node-cli;
# default all four) side by side: a cold install is mostly waiting on the registry and on native
# builds, so the four together take little more than the longest. They run at low CPU priority
# (nice), so whatever runs beside them (build, lint, unit tests under `npm test`) keeps its pace.
# Exits non-zero when any install failed; each prints its own log tail on failure.
set -uo pipefail
cd "$(dirname "$0")/.."

tools=("$@")
[ ${#tools[@]} -gt 0 ] || tools=(n8n-1 n8n-2 scanner node-cli)
pids=()
for tool in "${tools[@]}"; do
	nice -n 10 bash scripts/install-locked.sh "$tool" >/dev/null &
	pids+=("$!")
done
status=0
for index in "${!pids[@]}"; do
	wait "${pids[$index]}" || { echo "install-all.sh: ${tools[$index]} failed" >&2; status=1; }
done
exit $status
