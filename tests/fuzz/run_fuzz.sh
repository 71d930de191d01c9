#!/usr/bin/env bash
# One fuzzing run: run_fuzz.sh FUZZER WORK_DIR SECONDS SEED... ; the corpus grows in WORK_DIR/corpus, crashing
# inputs land in WORK_DIR/crashes, every header that generated a module in WORK_DIR/samples (check_outputs.py).
set -euo pipefail
fuzzer=$1 work=$2 seconds=$3
shift 3
mkdir -p "$work/corpus" "$work/crashes" "$work/samples" "$work/seeds"
i=0
for seed in "$@"; do  # numbered: tests/headers and tests/fixtures share file names
  cp "$seed" "$work/seeds/$((i++))_$(basename "$seed")"
done
# Leaks inside libclang's caches are not ours; crashes, hangs and UB are. -rss_limit: a runaway allocation.
export MPBIND_FUZZ_SAVE=$work/samples
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$fuzzer" "$work/corpus" "$work/seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -detect_leaks=0 -artifact_prefix="$work/crashes/" -print_final_stats=1 2>&1 | tee "$work/last_run.log" | tail -n 25
