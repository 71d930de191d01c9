#!/usr/bin/env bash
# Unpacks Debian's armhf builds of the libraries the 32-bit pass links (cairo with its dependencies, sqlite3,
# lodepng, googletest) into DIR/root, for the cross build (cmake/toolchain-armhf.cmake). The packages are downloaded
# with apt through a private armhf package list and unpacked with dpkg-deb; nothing is installed, so the system's
# amd64 packages (whose versions armhf multiarch packages would have to match) are left alone.
# Idempotent: nothing happens when DIR/root holds this list of packages. Usage: scripts/armhf_libs.sh DIR
set -euo pipefail
dir=$(realpath -m "$1")

# Shared libraries (and for linking their -dev packages) whose armhf builds the pass needs; cairo's runtime
# dependencies are listed because the binaries load them under qemu. glibc and libstdc++ come from the cross
# toolchain (libc6-armhf-cross, libstdc++6-armhf-cross).
packages=(libcairo2 libcairo2-dev libpixman-1-0 libfontconfig1 libfreetype6 libpng16-16 libxcb-shm0 libxcb1
          libxcb-render0 libxrender1 libx11-6 libxext6 zlib1g libexpat1 libbrotli1 libxau6 libxdmcp6 libbsd0 libmd0
          libsqlite3-0 libsqlite3-dev liblodepng0 liblodepng-dev libgtest-dev)
stamp="${packages[*]}"
if [ "$(cat "$dir/root/.unpacked" 2>/dev/null)" = "$stamp" ]; then
  exit 0
fi

work=$dir/apt
rm -rf "$work" "$dir/root"
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/parts" "$work/debs" "$dir/root"
cp /etc/apt/sources.list.d/debian.sources "$work/parts/"
: > "$work/empty.list"
: > "$work/status"
apt_opts=(-o "Dir::Etc::SourceList=$work/empty.list" -o "Dir::Etc::SourceParts=$work/parts"
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "Dir::State::status=$work/status"
          -o "APT::Architecture=armhf" -o "APT::Architectures::=armhf"
          -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
# A list that fails to download (a mirror in sync) is reported by apt; the download below says whether it mattered.
apt-get "${apt_opts[@]}" update -qq || echo "armhf_libs: apt-get update reported errors, trying the lists it has" >&2
(cd "$work/debs" && apt-get "${apt_opts[@]}" download -qq "${packages[@]/%/:armhf}")
for deb in "$work/debs"/*.deb; do
  dpkg-deb -x "$deb" "$dir/root"
done
rm -rf "$work"
echo "$stamp" > "$dir/root/.unpacked"
echo "armhf_libs: ${#packages[@]} packages unpacked into $dir/root"
