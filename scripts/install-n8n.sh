#!/usr/bin/env bash
# Installs the real n8n versions the end-to-end tests and `npm start` run, into a cache outside the
# repository, so a second run (and CI on the same machine) skips the install.
#   scripts/install-n8n.sh 1     -> n8n 1.123.50 on the machine's Node 20
#   scripts/install-n8n.sh 2     -> n8n 2.41.1 on Node 24 taken from the npm registry
# Prints the install folder on its last line. Recipes: ../shared/n8n-runtime.md.
set -euo pipefail

N8N_CACHE_DIR="${N8N_CACHE_DIR:-$HOME/.cache/legaltech-n8n}"
line="${1:?usage: install-n8n.sh 1|2}"
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log() { printf '[install-n8n %s] %s\n' "$line" "$*" >&2; }

# Installs take minutes and npm prints little: report the size on disk every 20 s meanwhile.
heartbeat() {
  while sleep 20; do log "still installing... $(du -sh "$1" 2>/dev/null | cut -f1) so far"; done
}

case "$line" in
  1)
    version=1.123.50
    dir="$N8N_CACHE_DIR/n8n-$version"
    if [ -f "$dir/.ready" ]; then echo "$dir"; exit 0; fi
    log "installing n8n $version into $dir (first run only, about 5 minutes)"
    rm -rf "$dir" && mkdir -p "$dir"
    cat > "$dir/package.json" <<JSON
{ "private": true, "dependencies": { "n8n": "$version" },
  "overrides": { "xlsx": "npm:xlsx@0.18.5" } }
JSON
    heartbeat "$dir" & trap "kill $! 2>/dev/null" EXIT
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error >"$dir/install.log" 2>&1) || { tail -40 "$dir/install.log" >&2; exit 1; }
    ;;
  2)
    version=2.41.1
    dir="$N8N_CACHE_DIR/n8n-$version"
    if [ -f "$dir/.ready" ]; then echo "$dir"; exit 0; fi
    log "installing n8n $version with Node 24 into $dir (first run only, about 10 minutes)"
    rm -rf "$dir" && mkdir -p "$dir"
    cat > "$dir/package.json" <<JSON
{ "private": true, "dependencies": { "node": "24", "n8n": "$version" } }
JSON
    heartbeat "$dir" & trap "kill $! 2>/dev/null" EXIT
    (
      cd "$dir"
      # Native builds that need network downloads fail; skip scripts, then rebuild what n8n needs.
      npm install --no-audit --no-fund --ignore-scripts --loglevel=error
      npm rebuild node
      n24=$(ls -d "$dir"/node_modules/node/node_modules/node-linux-* "$dir"/node_modules/node/node_modules/node-darwin-* 2>/dev/null | head -1 || true)
      PATH="$n24/bin:$PATH" npm_config_nodedir="$n24" npm rebuild sqlite3 isolated-vm
    ) >"$dir/install.log" 2>&1 || { tail -40 "$dir/install.log" >&2; exit 1; }
    ;;
  *) echo "usage: install-n8n.sh 1|2" >&2; exit 2 ;;
esac
touch "$dir/.ready"
log "done"
echo "$dir"
