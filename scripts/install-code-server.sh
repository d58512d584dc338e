#!/bin/sh
# Installs code-server (VS Code in the browser) for the end-to-end tests into the git-ignored
# folder .e2e/code-server/ of this repo. It is never a dependency of the extension.
#
#   sh scripts/install-code-server.sh        # idempotent; exits 0 at once when already installed
#
# Pinned to code-server 4.100.3 (VS Code 1.100.3), the newest release whose engines.node is 20.
# Recipe (see tooling-notes §4): as root on Debian 12 / npm 11 with only the npm registry and apt reachable,
#   - apt packages: libkrb5-dev (kerberos native module), ripgrep (replaces @vscode/ripgrep's GitHub
#     download), chromium (the browser the e2e harness drives through playwright-core);
#   - npm_config_unsafe_perm=true (code-server's postinstall refuses root otherwise),
#     npm_config_yes=true (node-pty's install runs `npx node-gyp`, and the machine npmrc sets yes=false);
#   - @vscode/ripgrep's install script is denied via allowScripts and Debian's /usr/bin/rg is copied in.
# Environment: CS_VERSION (default 4.100.3), CS_DIR (default <repo>/.e2e/code-server).
set -eu

CS_VERSION=${CS_VERSION:-4.100.3}
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
CS_DIR=${CS_DIR:-$ROOT/.e2e/code-server}
PKG_DIR=$CS_DIR/node_modules/code-server
MARKER=$CS_DIR/.installed
APT_PKGS="libkrb5-dev ripgrep chromium"

die() { echo "install-code-server: ERROR: $*" >&2; exit 1; }
say() { echo "install-code-server: $*"; }

installed() {
  [ -f "$MARKER" ] && [ "$(cat "$MARKER" 2>/dev/null)" = "$CS_VERSION" ] \
    && [ -x "$PKG_DIR/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
    && grep -q "\"version\": \"$CS_VERSION\"" "$PKG_DIR/package.json" 2>/dev/null \
    && [ -x /usr/bin/chromium ]
}

# Fast path (no node, no apt, no network): marker written by a previous complete install of this version.
installed && exit 0

# Serialize concurrent runs (two CI jobs on one checkout); the loser re-checks after the winner finishes.
mkdir -p "$(dirname "$CS_DIR")"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CS_DIR.lock"
  flock 9
  installed && exit 0
fi

START=$(date +%s)
command -v node >/dev/null 2>&1 || die "node is not on PATH"
command -v npm >/dev/null 2>&1 || die "npm is not on PATH"
node -e 'process.exit(+process.versions.node.split(".")[0] === 20 ? 0 : 1)' \
  || say "warning: code-server $CS_VERSION expects Node 20, this is $(node -v)"

# 1. Debian packages, only those missing.
missing=
for p in $APT_PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  [ "$(id -u)" = 0 ] || die "missing apt packages:$missing (run as root or install them first)"
  say "apt-get install$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed"
  # shellcheck disable=SC2086
  APT_LOG=$(mktemp)
  apt-get install -y -qq $missing >"$APT_LOG" 2>&1 \
    || { tail -n 30 "$APT_LOG" >&2; rm -f "$APT_LOG"; die "apt-get install$missing failed"; }
  rm -f "$APT_LOG"
fi
[ -x /usr/bin/rg ] || die "/usr/bin/rg not found after installing ripgrep"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after installing chromium"

# 2. code-server itself, into a fresh folder with its own package.json (so npm never touches the repo's).
say "installing code-server@$CS_VERSION into $CS_DIR (35–90 s)"
rm -rf "$CS_DIR"
mkdir -p "$CS_DIR"
cat >"$CS_DIR/package.json" <<EOF
{
  "name": "claim-check-e2e-code-server",
  "private": true,
  "description": "code-server for Claim Check's end-to-end tests; written by scripts/install-code-server.sh",
  "allowScripts": { "code-server": false }
}
EOF
LOG=$CS_DIR/install.log
cd "$CS_DIR"
# code-server's own postinstall is skipped here (allowScripts) and run below with the right environment.
npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >"$LOG" 2>&1 \
  || { tail -n 40 "$LOG" >&2; die "npm install code-server@$CS_VERSION failed (full log: $LOG)"; }
[ -f "$PKG_DIR/postinstall.sh" ] || die "code-server package has no postinstall.sh ($PKG_DIR)"

cd "$PKG_DIR"
node -e 'const f="lib/vscode/package.json",fs=require("fs"),p=JSON.parse(fs.readFileSync(f,"utf8"));
p.allowScripts={...(p.allowScripts||{}),"@vscode/ripgrep":false};fs.writeFileSync(f,JSON.stringify(p,null,2))' \
  || die "could not patch lib/vscode/package.json"
npm_config_yes=true npm_config_unsafe_perm=true \
  npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64" \
  sh ./postinstall.sh >>"$LOG" 2>&1 \
  || { tail -n 40 "$LOG" >&2; die "code-server postinstall failed (full log: $LOG)"; }
mkdir -p lib/vscode/node_modules/@vscode/ripgrep/bin
cp /usr/bin/rg lib/vscode/node_modules/@vscode/ripgrep/bin/rg

# 3. Verify, then mark complete.
VERSION_LINE=$(HOME="$CS_DIR/.home" node ./out/node/entry.js --version 2>/dev/null | tail -n 1) \
  || die "installed code-server does not start: node $PKG_DIR/out/node/entry.js --version failed"
case "$VERSION_LINE" in
  "$CS_VERSION "*) ;;
  *) die "unexpected code-server version output: '$VERSION_LINE'" ;;
esac
rm -rf "$CS_DIR/.home"
echo "$CS_VERSION" >"$MARKER"
say "installed $VERSION_LINE in $(( $(date +%s) - START )) s"
