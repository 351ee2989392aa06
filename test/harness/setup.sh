#!/usr/bin/env bash
# Installs what the integration harness needs (Debian chromium, ripgrep, Kerberos headers, an emoji font; code-server and playwright-core) and is a no-op once done.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
say() { echo "[harness] $*"; }
die() { echo "[harness] ERROR: $*" >&2; exit 1; }

# Bump to force a reinstall on every machine when this script's logic changes.
SETUP_VERSION=1

# chromium drives the workbench; ripgrep replaces the binary that
# @vscode/ripgrep would download; libkrb5-dev lets the kerberos addon build;
# fonts-noto-color-emoji lets Chromium draw emoji in tree labels instead of boxes.
# (Each package is checked on every run, so adding one needs no SETUP_VERSION bump.)
APT_PACKAGES=(chromium ripgrep libkrb5-dev fonts-noto-color-emoji)

# code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall fetches
# this release from GitHub unless the archive is already in its cache.
RG_PKG_VERSION=1.15.11
RG_RELEASE=v13.0.0-10

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    pkg_installed "$p" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "Debian packages present: ${APT_PACKAGES[*]}"
    return
  fi
  say "installing Debian packages: ${missing[*]}"
  # Recommends stay on: they bring the fonts Chromium renders screenshots with.
  # A fresh machine has no package lists; updating only when something is
  # missing keeps repeat runs fast and offline-safe.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  say "Debian packages installed"
}

rg_target() {
  case "$(uname -m)" in
    x86_64) echo x86_64-unknown-linux-musl ;;
    aarch64 | arm64) echo aarch64-unknown-linux-musl ;;
    *) die "unsupported architecture $(uname -m) for the ripgrep cache" ;;
  esac
}

seed_ripgrep_cache() {
  local rg cache archive stage
  rg="$(command -v rg)" || die "rg not found (Debian package ripgrep)"
  # Node's os.tmpdir() honours TMPDIR, so the cache must follow it too.
  cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-${RG_PKG_VERSION}"
  archive="${cache}/ripgrep-${RG_RELEASE}-$(rg_target).tar.gz"
  if [ -s "$archive" ]; then
    return
  fi
  mkdir -p "$cache"
  stage="$(mktemp -d)"
  cp "$rg" "$stage/rg"
  # The postinstall runs `tar xvf <archive> -C bin` and expects bin/rg, so rg
  # sits at the archive's top level.
  tar -czf "$archive.tmp" -C "$stage" rg
  mv "$archive.tmp" "$archive"
  rm -rf "$stage"
  say "seeded ripgrep cache: $archive (from $rg)"
}

node_prefix() {
  dirname "$(dirname "$(readlink -f "$(command -v node)")")"
}

lock_stamp() {
  {
    echo "setup=$SETUP_VERSION"
    echo "node=$(node -p 'process.versions.modules')"
    sha256sum "$HERE/package-lock.json" | cut -d' ' -f1
  } | sha256sum | cut -d' ' -f1
}

# Files that only exist when every install script ran; npm 11 reports
# scripts it has not reviewed, and a future npm may skip them silently.
REQUIRED_FILES=(
  node_modules/playwright-core/package.json
  node_modules/code-server/out/node/entry.js
  node_modules/argon2/lib/binding/napi-v3/argon2.node
  node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node
  node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node
  node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node
  node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
  node_modules/code-server/lib/vscode/node_modules.asar
)

check_install() {
  local f missing=0
  for f in "${REQUIRED_FILES[@]}"; do
    if [ ! -e "$HERE/$f" ]; then
      echo "[harness]   missing: test/harness/$f" >&2
      missing=1
    fi
  done
  return $missing
}

install_node_modules() {
  local stamp_file="$HERE/node_modules/.newsmark-setup-stamp" want
  want="$(lock_stamp)"
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want" ] && check_install 2>/dev/null; then
    say "test/harness/node_modules up to date"
    return
  fi

  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  # code-server 4.100.x's postinstall refuses any other major version.
  [ "$major" = 20 ] || die "code-server 4.100.3 needs Node 20; this is $(node --version)"

  seed_ripgrep_cache

  local prefix nodedir_env=()
  prefix="$(node_prefix)"
  # Offline, node-gyp cannot download headers; point it at this Node's own.
  if [ -f "$prefix/include/node/node.h" ]; then
    nodedir_env=("npm_config_nodedir=$prefix")
  else
    say "warning: no Node headers under $prefix/include/node; node-gyp will try to download them"
  fi

  local log="${TMPDIR:-/tmp}/newsmark-harness-npm-ci.log"
  say "npm ci in test/harness (builds native addons; about 2 minutes; log: $log)"
  local start=$SECONDS
  # unsafe_perm: code-server's postinstall refuses to run as root without it.
  # yes: node-pty's postinstall calls `npx node-gyp`, which would prompt.
  if ! (cd "$HERE" && env npm_config_unsafe_perm=true npm_config_yes=true "${nodedir_env[@]}" \
        npm ci --foreground-scripts --no-audit --no-fund >"$log" 2>&1); then
    tail -n 40 "$log" >&2
    die "npm ci failed; full log: $log"
  fi
  if ! check_install; then
    grep -h 'install-scripts' "$log" >&2 || true
    die "npm ci finished but some install scripts did not run (log: $log)"
  fi
  echo "$want" >"$stamp_file"
  say "npm ci done in $((SECONDS - start)) s"
}

install_apt_packages
install_node_modules
say "setup complete"
