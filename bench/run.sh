#!/usr/bin/env bash
# End-to-end benchmark of cloudcomply: builds it in Release, generates a corpus of
# CloudFormation templates (JSON and YAML) and Kubernetes manifests, times
# `cloudcomply scan` on each with one thread and with all cores, compares the time per
# template with cdk-nag's AwsSolutions pack when Node.js is present, does the same for a
# corpus of Terraform projects (compared with HashiCorp's HCL parser through
# @cdktf/hcl2json), and runs the expression micro-benchmark when it was built. See
# bench/README.md.
#
# Settings (environment variables):
#   BENCH_CFN=10000          CloudFormation templates per corpus (JSON and YAML)
#   BENCH_K8S=10000          Kubernetes manifest files
#   BENCH_TF=10000           Terraform .tf files (0: skip the Terraform section)
#   BENCH_TF_PROFILE=calibrated   Terraform file sizes: calibrated (like real modules) or small
#   BENCH_HCL2JSON=1         0: skip the @cdktf/hcl2json comparison
#   BENCH_SEED=1             corpus seed
#   BENCH_CDKNAG_SAMPLE=50   templates given to cdk-nag (0: skip cdk-nag)
#   BENCH_BUILD_DIR=build/release   build directory (relative to the repository root)
#   BENCH_SKIP_BUILD=0       1: use the binaries already in BENCH_BUILD_DIR
#   BENCH_JOBS=$(nproc)      parallel build and corpus generation jobs
#   BENCH_REPEAT=3           timed runs of each scan and of hcl2json; the fastest counts
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CFN="${BENCH_CFN:-10000}"
K8S="${BENCH_K8S:-10000}"
TF="${BENCH_TF:-10000}"
HCL2JSON="${BENCH_HCL2JSON:-1}"
SEED="${BENCH_SEED:-1}"
CDKNAG_SAMPLE="${BENCH_CDKNAG_SAMPLE:-50}"
BUILD_DIR="${BENCH_BUILD_DIR:-build/release}"
SKIP_BUILD="${BENCH_SKIP_BUILD:-0}"
JOBS="${BENCH_JOBS:-$(nproc)}"
REPEAT="${BENCH_REPEAT:-3}"
OUT="$ROOT/bench/out"
CORPUS="$OUT/corpus-s${SEED}-c${CFN}-k${K8S}"
RESULTS="$OUT/results.tsv"
CDKNAG_DIR="$OUT/cdknag"
CDKNAG_RESULT="$OUT/cdknag-result.json"
TF_PROFILE="${BENCH_TF_PROFILE:-calibrated}"
TF_CORPUS="$OUT/tf-${TF_PROFILE}-s${SEED}-n${TF}"
HCL2JSON_DIR="$OUT/hcl2json"
HCL2JSON_RESULT="$OUT/hcl2json-result.json"
CORES="$(nproc)"
failed=0

say() { printf '\n== %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

for n in "$CFN" "$K8S" "$TF" "$CDKNAG_SAMPLE" "$REPEAT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || die "counts must be whole numbers, got '$n'"
done
command -v python3 >/dev/null || die "python3 is required (corpus generator and report)"
mkdir -p "$OUT"

# --- measuring tool ----------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "installing GNU time (for peak RSS)"
    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
  fi
  [[ -x /usr/bin/time ]] || die "/usr/bin/time is missing: install the 'time' package"
fi

# --- build -------------------------------------------------------------------------
BENCH_EXPR="$ROOT/$BUILD_DIR/bench/bench_expr"
# The executable is built at the top of the build directory.
binary() { echo "$ROOT/$BUILD_DIR/cloudcomply"; }
if [[ "$SKIP_BUILD" != 1 ]]; then
  say "building cloudcomply (Release) in $BUILD_DIR"
  command -v cmake >/dev/null || die "cmake is required to build"
  if cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCC_BENCH=ON >"$OUT/cmake-configure.log" 2>&1; then
    targets=(cloudcomply)
    if command -v ninja >/dev/null && ninja -C "$BUILD_DIR" -t targets all 2>/dev/null | grep -q '^bench_expr: '; then
      targets+=(bench_expr)
    fi
    if ! cmake --build "$BUILD_DIR" --target "${targets[@]}" -j "$JOBS" >"$OUT/cmake-build.log" 2>&1; then
      warn "build failed; last lines of $OUT/cmake-build.log:"
      tail -n 15 "$OUT/cmake-build.log" >&2
      failed=1
    fi
  else
    warn "cmake configure failed; see $OUT/cmake-configure.log"
    tail -n 15 "$OUT/cmake-configure.log" >&2
    failed=1
  fi
fi

# --- corpus ------------------------------------------------------------------------
if [[ "$CFN" == 0 && "$K8S" == 0 ]]; then
  say "no CloudFormation or Kubernetes corpus (BENCH_CFN=0 and BENCH_K8S=0)"
elif [[ -f "$CORPUS/corpus.json" ]]; then
  say "reusing corpus $CORPUS"
else
  say "generating corpus: $CFN CloudFormation templates (JSON and YAML), $K8S manifests"
  rm -rf "$CORPUS.tmp"
  python3 "$ROOT/bench/gen_corpus.py" --out "$CORPUS.tmp" --cfn "$CFN" --k8s "$K8S" \
    --format both --seed "$SEED" --jobs "$JOBS"
  mv "$CORPUS.tmp" "$CORPUS"
fi

if [[ "$TF" == 0 ]]; then
  say "no Terraform corpus (BENCH_TF=0)"
elif [[ -f "$TF_CORPUS/corpus.json" ]]; then
  say "reusing Terraform corpus $TF_CORPUS"
else
  say "generating Terraform corpus: $TF .tf files"
  rm -rf "$TF_CORPUS.tmp"
  python3 "$ROOT/bench/gen_tf_corpus.py" --out "$TF_CORPUS.tmp" --files "$TF" --seed "$SEED" --jobs "$JOBS" \
    --profile "$TF_PROFILE"
  mv "$TF_CORPUS.tmp" "$TF_CORPUS"
fi

corpus_field() {  # corpus_field NAME files|bytes|resources [CORPUS.JSON]
  local summary="${3:-$CORPUS/corpus.json}"
  [[ -f "$summary" ]] || { echo 0; return; }
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["corpora"].get(sys.argv[2], {}).get(sys.argv[3], 0))' \
    "$summary" "$1" "$2"
}

# A count from the "stats" block of a scan's JSON report. The report can be large and the
# block comes after the findings, so the file is searched in pieces rather than loaded.
stats_field() {  # stats_field REPORT resources|files
  python3 - "$1" "$2" <<'EOF'
import re, sys
pattern = re.compile(r'"stats"\s*:\s*\{[^{}]*\}')
found, tail = "", ""
with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
    while True:
        chunk = f.read(1 << 20)
        if not chunk:
            break
        window = tail + chunk
        for m in pattern.finditer(window):
            found = m.group(0)
        tail = window[-4096:]
m = re.search(r'"%s"\s*:\s*(\d+)' % sys.argv[2], found)
print(m.group(1) if m else "")
EOF
}

# --- cloudcomply scans -------------------------------------------------------------
BIN="$(binary)"
scan_ok=0
printf 'corpus\tfiles\tbytes\tresources\tthreads\tseconds\trss_kb\n' >"$RESULTS"
if [[ -x "$BIN" ]] && "$BIN" scan --help >/dev/null 2>&1; then
  scan_ok=1
  # Start-up alone: rules, schemas and catalog loaded, nothing to read.
  mkdir -p "$OUT/empty"
  if /usr/bin/time -f '%e %M' -o "$OUT/time-empty.txt" \
    "$BIN" scan "$OUT/empty" --format json --output /dev/null --threads 1 --fail-on none 2>/dev/null; then
    read -r seconds rss_kb < <(tail -n 1 "$OUT/time-empty.txt")
    printf '(empty)\t0\t0\t0\t1\t%s\t%s\n' "$seconds" "$rss_kb" >>"$RESULTS"
  else
    warn "cloudcomply scan of an empty directory failed"
  fi
  for corpus in cfn-json cfn-yaml k8s terraform; do
    if [[ "$corpus" == terraform ]]; then
      dir="$TF_CORPUS/tf"
      summary="$TF_CORPUS/corpus.json"
    else
      dir="$CORPUS/$corpus"
      summary="$CORPUS/corpus.json"
    fi
    [[ -d "$dir" ]] || continue
    files="$(corpus_field "$corpus" files "$summary")"
    bytes="$(corpus_field "$corpus" bytes "$summary")"
    # A first, untimed run writes the report the resource count is read from, and
    # warms the page cache so the timed runs measure the scanner rather than the disk.
    say "scanning $corpus ($files files): counting run"
    report="$OUT/scan-$corpus.json"
    rc=0
    "$BIN" scan "$dir" --format json --output "$report" --threads 0 --fail-on none \
      2>"$OUT/scan-$corpus.stderr" || rc=$?
    if [[ $rc -ne 0 ]]; then
      warn "cloudcomply scan of $corpus exited with $rc; see $OUT/scan-$corpus.stderr"
      tail -n 5 "$OUT/scan-$corpus.stderr" >&2 || true
      failed=1
      continue
    fi
    resources="$(stats_field "$report" resources)"
    scanned="$(stats_field "$report" files)"
    if [[ -z "$resources" ]]; then
      warn "no stats.resources in $report; using the generator's count"
      resources="$(corpus_field "$corpus" resources "$summary")"
    fi
    [[ -z "$scanned" || "$scanned" == "$files" ]] || warn "$corpus: the scan read $scanned files of $files"
    rm -f "$report"
    for threads in 1 0; do
      say "scanning $corpus with --threads $threads ($REPEAT timed runs; the fastest counts)"
      timing="$OUT/time-$corpus-$threads.txt"
      seconds=""
      rss_kb=0
      for ((run = 1; run <= REPEAT; run++)); do
        rc=0
        /usr/bin/time -f '%e %M' -o "$timing" \
          "$BIN" scan "$dir" --format json --output /dev/null --threads "$threads" --fail-on none \
          2>/dev/null || rc=$?
        if [[ $rc -ne 0 ]]; then
          warn "cloudcomply scan exited with $rc"
          failed=1
          seconds=""
          break
        fi
        read -r run_seconds run_rss < <(tail -n 1 "$timing")
        printf '  run %s: %s s, peak RSS %s KB\n' "$run" "$run_seconds" "$run_rss"
        # Fastest time; highest peak memory (the figure a machine must have room for).
        if [[ -z "$seconds" ]] || python3 -c "import sys; sys.exit(0 if $run_seconds < $seconds else 1)"; then
          seconds="$run_seconds"
        fi
        ((run_rss > rss_kb)) && rss_kb="$run_rss"
      done
      [[ -n "$seconds" ]] || continue
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$corpus" "$files" "$bytes" "$resources" "$threads" \
        "$seconds" "$rss_kb" >>"$RESULTS"
    done
  done
else
  warn "$BIN is missing or has no working 'scan' command: cloudcomply figures are skipped"
  failed=1
fi

# --- cdk-nag -------------------------------------------------------------------------
rm -f "$CDKNAG_RESULT"
if [[ "$CDKNAG_SAMPLE" == 0 || "$CFN" == 0 ]]; then
  say "cdk-nag comparison skipped (BENCH_CDKNAG_SAMPLE=0 or BENCH_CFN=0)"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "cdk-nag comparison skipped: Node.js and npm are not installed"
else
  say "cdk-nag on the first $CDKNAG_SAMPLE JSON templates"
  mkdir -p "$CDKNAG_DIR"
  if [[ ! -d "$CDKNAG_DIR/node_modules/cdk-nag" || ! -d "$CDKNAG_DIR/node_modules/aws-cdk-lib" ]]; then
    echo "installing aws-cdk-lib, constructs and cdk-nag into $CDKNAG_DIR"
    [[ -f "$CDKNAG_DIR/package.json" ]] ||
      echo '{"name":"cloudcomply-bench-cdknag","private":true,"version":"0.0.0"}' >"$CDKNAG_DIR/package.json"
    (cd "$CDKNAG_DIR" && npm install --no-audit --no-fund --loglevel=error aws-cdk-lib constructs cdk-nag) ||
      die "npm install of cdk-nag failed"
  fi
  mapfile -t sample < <(find "$CORPUS/cfn-json" -name '*.json' | sort | head -n "$CDKNAG_SAMPLE")
  if [[ ${#sample[@]} -eq 0 ]]; then
    warn "no JSON templates in the corpus for cdk-nag"
  elif (cd "$CDKNAG_DIR" && node "$ROOT/bench/cdknag/run.js" "$CDKNAG_RESULT" "${sample[@]}") \
    >"$CDKNAG_DIR/run.log" 2>&1; then
    grep -a '^cdk-nag ' "$CDKNAG_DIR/run.log" || true
  else
    warn "cdk-nag run failed; last lines of $CDKNAG_DIR/run.log:"
    tail -n 15 "$CDKNAG_DIR/run.log" >&2
    failed=1
  fi
fi

# --- hcl2json ------------------------------------------------------------------------
# HashiCorp's HCL parser (Go, compiled to WebAssembly) over the same .tf files: parsing
# alone, against cloudcomply's whole scan.
rm -f "$HCL2JSON_RESULT"
if [[ "$TF" == 0 || "$HCL2JSON" == 0 ]]; then
  say "hcl2json comparison skipped (BENCH_TF=0 or BENCH_HCL2JSON=0)"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "hcl2json comparison skipped: Node.js and npm are not installed"
else
  say "@cdktf/hcl2json parse over the $TF Terraform files"
  mkdir -p "$HCL2JSON_DIR"
  if [[ ! -d "$HCL2JSON_DIR/node_modules/@cdktf/hcl2json" ]]; then
    echo "installing @cdktf/hcl2json into $HCL2JSON_DIR"
    [[ -f "$HCL2JSON_DIR/package.json" ]] ||
      echo '{"name":"cloudcomply-bench-hcl2json","private":true,"version":"0.0.0"}' >"$HCL2JSON_DIR/package.json"
    (cd "$HCL2JSON_DIR" && npm install --no-audit --no-fund --loglevel=error @cdktf/hcl2json) ||
      die "npm install of @cdktf/hcl2json failed"
  fi
  find "$TF_CORPUS/tf" -name '*.tf' | sort >"$OUT/hcl2json-files.txt"
  if (cd "$HCL2JSON_DIR" && node "$ROOT/bench/hcl2json/run.js" "$HCL2JSON_RESULT" "$OUT/hcl2json-files.txt" "$REPEAT") \
    >"$HCL2JSON_DIR/run.log" 2>&1; then
    grep -a '^hcl2json ' "$HCL2JSON_DIR/run.log" || true
  else
    warn "hcl2json run failed; last lines of $HCL2JSON_DIR/run.log:"
    tail -n 15 "$HCL2JSON_DIR/run.log" >&2
    failed=1
  fi
fi

# --- report ------------------------------------------------------------------------
say "results (corpora in $OUT, $CORES cores)"
summary_args=("$RESULTS" --cores "$CORES")
[[ -f "$CDKNAG_RESULT" ]] && summary_args+=(--cdknag "$CDKNAG_RESULT")
[[ -f "$HCL2JSON_RESULT" ]] && summary_args+=(--hcl2json "$HCL2JSON_RESULT")
python3 "$ROOT/bench/summarize.py" "${summary_args[@]}" || failed=1
[[ $scan_ok == 1 ]] || echo "(no cloudcomply figures: the scan command is not available)"

# --- micro-benchmark -----------------------------------------------------------------
if [[ -x "$BENCH_EXPR" ]]; then
  say "expression micro-benchmark ($BENCH_EXPR)"
  "$BENCH_EXPR" || { warn "bench_expr failed"; failed=1; }
fi

exit "$failed"
