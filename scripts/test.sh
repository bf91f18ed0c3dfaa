#!/usr/bin/env bash
# Sets up and runs every test: the unit and rule-fixture suites with warnings as
# errors, the same suites under AddressSanitizer and UndefinedBehaviorSanitizer
# (clang), and each libFuzzer target for a short run on its seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
CC_SETUP_TEST=1 scripts/setup.sh
jobs=$(nproc)
fuzz_seconds=${CC_FUZZ_SECONDS:-20}

echo "== build (gcc, warnings as errors)"
cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCC_WERROR=ON >/dev/null
cmake --build build/test -j"$jobs"
echo "== tests"
ctest --test-dir build/test --output-on-failure -j"$jobs"

echo "== corpus generator tests"
python3 -m unittest discover -s bench -p 'test_*.py'

echo "== build (clang, AddressSanitizer + UndefinedBehaviorSanitizer, libFuzzer)"
CXX=clang++ cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCC_WERROR=ON -DCC_FUZZ=ON \
  -DCC_BENCH=OFF >/dev/null
cmake --build build/asan -j"$jobs"
echo "== tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j"$jobs"

echo "== fuzzing, ${fuzz_seconds}s per target"
for fuzzer in build/asan/tests/fuzz_*; do
  name=$(basename "$fuzzer")
  seeds=tests/fuzz/corpus/${name#fuzz_}
  work=$(mktemp -d)
  mkdir -p "$work/corpus"
  [[ -d $seeds ]] && cp -r "$seeds"/. "$work/corpus"/
  if ! "$fuzzer" -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$work/" "$work/corpus" >"$work/log" 2>&1; then
    echo "$name: failure"
    tail -n 60 "$work/log"
    exit 1
  fi
  echo "-- $name: $(grep -E '^stat::number_of_executed_units' "$work/log" | awk '{print $2}') runs, no crash"
  rm -rf "$work"
done
echo "== all tests passed"
