#!/usr/bin/env bash
# The README's commands. `demo`: install what is missing, build, run the main job. `test`: the same, then every
# test. `bench`: build and run the benchmarks. Build dir: $BUILD_DIR (default build/); extra CMake arguments:
# $MPBIND_CMAKE_ARGS. The example of examples/user_c_module is always built in (and tested).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=${JOBS:-$(nproc)}
# Only read by sanitizer builds (-DMPBIND_SANITIZE=ON): known UB inside the MicroPython core is not reported.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-suppressions=$root/cmake/ubsan.supp:print_stacktrace=1}

build_all() {
  "$root/scripts/setup.sh" "$build"
  # shellcheck disable=SC2086  # MPBIND_CMAKE_ARGS is a list of arguments
  cmake -S "$root" -B "$build" -G Ninja -DUSER_C_MODULES="$root/examples/user_c_module" ${MPBIND_CMAKE_ARGS:-}
  cmake --build "$build" -j "$jobs"
}

case ${1:-} in
  demo)
    build_all
    demo=$root/examples/demo.py
    [ -f "$demo" ] || demo=$root/examples/hello.py
    MICROPYPATH=$root/drivers "$build/micropython" "$demo"
    ;;
  test)
    build_all
    ctest --test-dir "$build" --output-on-failure -j "$jobs"
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
