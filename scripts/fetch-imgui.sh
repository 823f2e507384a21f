#!/usr/bin/env bash
# Fetches Dear ImGui 1.86 from Debian's `imgui` SOURCE package into DEST/imgui-1.86/ for the portal's
# wasm build (Debian's libimgui-dev ships no imgui*.cpp). Uses a private apt configuration under DEST,
# so the machine's apt sources are never touched. Does nothing when DEST/imgui-1.86 is already there.
# Usage: scripts/fetch-imgui.sh DEST        (CMake calls it with build/_deps/imgui)
set -euo pipefail

readonly version="1.86"
readonly orig="imgui_${version}+ds.orig.tar.xz"
# From the .dsc of imgui 1.86+ds-1 in bookworm. A different tarball means a different ImGui than the
# one the portal was built and tested against: refuse it rather than build something unreviewed.
readonly orig_sha256="0dace0e8e57d298eb6e93af12dc19420cb96330832f6495c733b90aeeef11f64"

die() { echo "fetch-imgui: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 DEST   (sources go to DEST/imgui-${version}/)"
dest="$1"
target="$dest/imgui-${version}"
if [ -f "$target/imgui.cpp" ] && [ -f "$target/backends/imgui_impl_opengl3.cpp" ]; then
  exit 0
fi

for tool in apt-get sha256sum tar xz; do
  command -v "$tool" >/dev/null || die "'$tool' is missing (Debian: apt-get install -y apt coreutils tar xz-utils)"
done
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$keyring" ] || die "$keyring is missing (Debian: apt-get install -y debian-archive-keyring)"

mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
apt_dir="$dest/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/sources.d"
cat >"$apt_dir/sources.d/debian-src.sources" <<EOF
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: $keyring
EOF
# Only our deb-src entry, our own lists and cache: nothing of the machine's apt state is read or written.
apt_opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_dir/sources.d"
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "APT::Sandbox::User=root")

if [ ! -f "$dest/$orig" ]; then
  echo "fetch-imgui: downloading Debian source package imgui ${version} into $dest"
  apt-get "${apt_opts[@]}" -q update >"$apt_dir/update.log" 2>&1 ||
    die "apt-get update of the private deb-src list failed (network? see $apt_dir/update.log)"
  (cd "$dest" && apt-get "${apt_opts[@]}" -q source --download-only "imgui=${version}+ds-1") >"$apt_dir/source.log" 2>&1 ||
    die "apt-get source imgui=${version}+ds-1 failed (see $apt_dir/source.log)"
fi

actual="$(sha256sum "$dest/$orig" | cut -d' ' -f1)"
if [ "$actual" != "$orig_sha256" ]; then
  rm -f "$dest/$orig"
  die "checksum mismatch for $orig: expected $orig_sha256, got $actual (file removed; rerun to retry)"
fi

# Unpack beside the target and rename at the end, so an interrupted run never looks complete.
tmp="$(mktemp -d "$dest/.unpack.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
tar -xJf "$dest/$orig" -C "$tmp"
unpacked="$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -n1)"
[ -n "$unpacked" ] && [ -f "$unpacked/imgui.cpp" ] || die "$orig does not contain imgui.cpp at its top level"
rm -rf "$target"
mv "$unpacked" "$target"
echo "fetch-imgui: Dear ImGui ${version} ready in $target"
