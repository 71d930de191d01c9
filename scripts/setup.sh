#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks and unpacks the MicroPython core into the build tree. `targets` adds
# the cross toolchains of the other targets (armhf and qemu-user, Xtensa); `armhf` also unpacks the armhf libraries
# of the 32-bit pass into BUILD_DIR (scripts/armhf_libs.sh). Idempotent and fast when everything is present.
# Usage: scripts/setup.sh [BUILD_DIR [targets|armhf]]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${1:-$root/build}")  # absolute: the apt steps run in other folders
core_dir=$build/_deps/mpcore

# Debian packages the build, tests and benchmarks use. Later issues append here.
packages=(build-essential cmake ninja-build python3 pkg-config clang-19 libclang-19-dev llvm-19-dev
          libclang-rt-19-dev googletest libgtest-dev liblodepng-dev libcairo2-dev libsqlite3-dev
          zlib1g-dev valgrind dpkg-dev xz-utils)
case ${2:-} in
  ""|targets|armhf) ;;
  *) echo "usage: scripts/setup.sh [BUILD_DIR [targets|armhf]]" >&2; exit 2 ;;
esac
# The tests' other targets: the armhf pass (cross compilers, qemu-user) and the Xtensa checks.
if [ -n "${2:-}" ]; then
  packages+=(gcc-arm-linux-gnueabihf g++-arm-linux-gnueabihf qemu-user
             gcc-xtensa-lx106 binutils-xtensa-lx106 picolibc-xtensa-lx106-elf)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The MicroPython v1.9.2 core, from Debian's source package firmware-microbit-micropython.
# The system's apt sources only list binary packages, so a private deb-src list is derived
# from them; the system's apt configuration is left untouched and no host name is written here.
# The tarball is kept in _deps/mpcore-src so a change of our patches re-unpacks without downloading.
src_dir=$build/_deps/mpcore-src
patch_id=$(cat "$root"/port/patches/*.patch 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ "$(cat "$core_dir/.unpacked" 2>/dev/null)" != "$patch_id" ]; then
  tarball=$(ls "$src_dir"/firmware-microbit-micropython_*.orig.tar.* 2>/dev/null | head -n 1 || true)
  if [ -z "$tarball" ]; then
    work=$build/_deps/apt-src
    rm -rf "$work"
    mkdir -p "$work/lists/partial" "$work/parts" "$src_dir"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$work/parts/src.sources"
    : > "$work/empty.list"
    apt_opts=(-o "Dir::Etc::SourceList=$work/empty.list" -o "Dir::Etc::SourceParts=$work/parts"
              -o "Dir::State::Lists=$work/lists" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
    apt-get "${apt_opts[@]}" update -qq
    (cd "$src_dir" && apt-get "${apt_opts[@]}" source --download-only -qq firmware-microbit-micropython)
    rm -rf "$work"
    tarball=$(ls "$src_dir"/firmware-microbit-micropython_*.orig.tar.* | head -n 1)
  fi
  rm -rf "$core_dir"
  mkdir -p "$core_dir"
  tar -xf "$tarball" -C "$core_dir" --strip-components=1
  # Our small patches to the core, each explaining itself in its header.
  for p in "$root"/port/patches/*.patch; do
    [ -e "$p" ] || continue
    patch -s -d "$core_dir" -p1 < "$p"
  done
  echo "$patch_id" > "$core_dir/.unpacked"
fi
if [ "${2:-}" = armhf ]; then
  "$root/scripts/armhf_libs.sh" "$build/_deps/armhf"
fi
echo "setup: ok (core in $core_dir)"
