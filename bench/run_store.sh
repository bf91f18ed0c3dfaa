#!/usr/bin/env bash
# The program store under a long history, SQLite and PostgreSQL side by side: builds
# bench_store in Release, starts a throwaway PostgreSQL server (tests/tools/pg_server.sh),
# writes BENCH_RUNS saved runs of BENCH_FINDINGS findings into each back end, and prints
# write throughput and the median time of `status`, `diff` and the HTML and OSCAL reports.
#
# Settings: BENCH_RUNS=100 BENCH_FINDINGS=100000 BENCH_REPEAT=5 BENCH_BACKENDS="sqlite postgres"
#           BENCH_BUILD_DIR=build/release BENCH_SKIP_BUILD=0
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${BENCH_RUNS:-100}"
FINDINGS="${BENCH_FINDINGS:-100000}"
REPEAT="${BENCH_REPEAT:-5}"
BUILD_DIR="${BENCH_BUILD_DIR:-build/release}"
OUT="$ROOT/bench/out/store"
PG_DIR="/tmp/cloudcomply-bench-pg"

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  scripts/setup.sh
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCC_WERROR=ON -DCC_TESTS=OFF >/dev/null
  cmake --build "$BUILD_DIR" --target bench_store -j"$(nproc)"
fi
BIN="$BUILD_DIR/bench/bench_store"
mkdir -p "$OUT"
rm -f "$OUT"/store.db*

bash tests/tools/pg_server.sh start "$PG_DIR"
trap 'bash tests/tools/pg_server.sh stop "$PG_DIR"' EXIT
pg_url="$(cat "$PG_DIR/url")"

results="$OUT/results.tsv"
: >"$results"
for backend in ${BENCH_BACKENDS:-sqlite postgres}; do
  url="$OUT/store.db"
  [[ $backend == postgres ]] && url="$pg_url"
  echo "== $backend: $RUNS runs of $FINDINGS findings"
  /usr/bin/time -f "%M" -o "$OUT/time-$backend.txt" \
    "$BIN" --db "$url" --runs "$RUNS" --findings "$FINDINGS" --repeat "$REPEAT" >"$OUT/$backend.tsv"
  [[ -s $results ]] || head -n 1 "$OUT/$backend.tsv" >"$results"
  tail -n 1 "$OUT/$backend.tsv" >>"$results"
done
echo
column -t -s $'\t' "$results"
echo
echo "Target: status, diff and the reports each under 1 s on both back ends."
awk -F'\t' 'NR>1 { ok = ($6 < 1 && $7 < 1 && $8 < 1 && $9 < 1) ? "met" : "NOT met"; print $1 ": " ok }' "$results"
