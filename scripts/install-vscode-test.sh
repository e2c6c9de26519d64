#!/usr/bin/env bash
# Installs what the real-VS-Code integration tests need, idempotently (a warm machine skips every step in < 1 s):
#   - Debian packages: chromium (headless workbench), libkrb5-dev + make/g++/python3 (code-server's native modules),
#     ripgrep (stands in for @vscode/ripgrep's GitHub download), fonts (readable screenshots);
#   - code-server (= VS Code server + web workbench) into .vscode-test/code-server, outside the project's dependencies.
# Runs as root in CI with no TTY and no stdin. No download outside the npm registry and Debian's archive.
# env: CODE_SERVER_VERSION (default 4.100.3 = VS Code 1.100.3, the last one running on Node 20),
#      SKIP_APT=1 (never call apt-get).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.100.3}
CS_DIR="$ROOT/.vscode-test/code-server"
CS_PKG="$CS_DIR/node_modules/code-server/package.json"
T0=$(date +%s.%N)
log() { echo "[install-vscode-test] $*"; }

# ---- Debian packages, only the missing ones --------------------------------------------------------------------
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
[ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/krb5.h ] || need_apt+=(libkrb5-dev)
[ -d /usr/share/fonts/truetype/dejavu ] || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "${SKIP_APT:-0}" = 1 ]; then
    log "missing Debian packages (SKIP_APT=1, not installing): ${need_apt[*]}"; exit 1
  fi
  SUDO=; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# ---- code-server --------------------------------------------------------------------------------------------------
installed=$(node -p "try { require('$CS_PKG').version } catch { '' }")
if [ "$installed" != "$CODE_SERVER_VERSION" ]; then
  log "npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (about 50 s: native modules build from source)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  echo '{"name":"code-server-for-tests","version":"1.0.0","private":true}' > "$CS_DIR/package.json"
  # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the archive: seed the
  # cache with Debian's rg, for every ripgrep package/tag pair recent code-servers pin.
  tmp_root=${TMPDIR:-/tmp}
  for rgv in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
    mkdir -p "$tmp_root/vscode-ripgrep-cache-$rgv"
    for tag in v13.0.0-4 v13.0.0-8 v13.0.0-10 v13.0.0-13; do
      tar czf "$tmp_root/vscode-ripgrep-cache-$rgv/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
    done
  done
  # unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty's `npx node-gyp` is cancelled
  # without a TTY otherwise; nodedir: build against the local Node headers (no download from nodejs.org).
  ( cd "$CS_DIR" && npm_config_nodedir="${npm_config_nodedir:-/usr}" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" ) 2>&1 \
    | { grep -v 'Unknown env config "unsafe-perm"' || true; } | tail -20
  node -p "require('$CS_PKG').version" >/dev/null
fi

log "ready: $(chromium --version 2>/dev/null | head -1); code-server $(node -p "require('$CS_PKG').version") \
in $(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
