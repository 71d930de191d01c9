#!/usr/bin/env bash
# The README's commands. `demo`: install what is missing, build, run the main job. `test`: the same, then every
# test, then every test again in a second build under AddressSanitizer, LeakSanitizer and UBSan. `bench`: build
# and run the benchmarks. Build dir: $BUILD_DIR (default build/; the sanitizer build is $BUILD_DIR-sanitize);
# extra CMake arguments: $MPBIND_CMAKE_ARGS. The example of examples/user_c_module is always built in (and tested).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${BUILD_DIR:-$root/build}")
jobs=${JOBS:-$(nproc)}
# Only read by sanitizer builds (-DMPBIND_SANITIZE=ON): known UB inside the MicroPython core is not reported.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-suppressions=$root/cmake/ubsan.supp:print_stacktrace=1}

# build_all [DIR [CMAKE_ARGS...]]: setup, configure and build one build tree (default: $build).
build_all() {
  local dir=${1:-$build}
  shift || true
  "$root/scripts/setup.sh" "$dir"
  # shellcheck disable=SC2086  # MPBIND_CMAKE_ARGS is a list of arguments
  cmake -S "$root" -B "$dir" -G Ninja -DUSER_C_MODULES="$root/examples/user_c_module" "$@" ${MPBIND_CMAKE_ARGS:-}
  cmake --build "$dir" -j "$jobs"
}

case ${1:-} in
  demo)
    build_all
    # PNG snapshots of the simulated panel go to out/ (ignored by git).
    mkdir -p "$root/out"
    MICROPYPATH=$root/drivers "$build/micropython" "$root/examples/demo.py" "$root/out"
    ;;
  test)
    build_all
    ctest --test-dir "$build" --output-on-failure -j "$jobs"
    # The same suite under the sanitizers. The corpus builds interpreters of its own (covered above) and the
    # fuzz label exists only in -DMPBIND_FUZZ=ON builds.
    build_all "$build-sanitize" -DMPBIND_SANITIZE=ON
    ctest --test-dir "$build-sanitize" --output-on-failure -j "$jobs" -LE corpus
    ;;
  bench)
    build_all
    targets=$(ninja -C "$build" -t targets all)  # captured first: grep -q closing the pipe early trips pipefail
    if grep -q '^bench:' <<<"$targets"; then
      cmake --build "$build" --target bench
    else
      echo "run.sh: no bench target yet" >&2
      exit 1
    fi
    ;;
  *)
    echo "usage: scripts/run.sh demo|test|bench   (env: BUILD_DIR, JOBS, MPBIND_CMAKE_ARGS)" >&2
    exit 2
    ;;
esac
