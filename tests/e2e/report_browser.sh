#!/usr/bin/env bash
# The HTML report as a browser sees it: a program built with the CLI, its report rendered
# by headless Chromium into a DOM, a screenshot and a PDF, and checks on all three.
# Usage: report_browser.sh PATH/TO/cloudcomply SOURCE_DIR ARTIFACT_DIR
# The screenshot (report.png) and the PDF (report.pdf) stay in ARTIFACT_DIR for people
# to look at. Needs Debian's chromium package (scripts/setup.sh installs it for tests).
set -uo pipefail
bin=$1
src=$2
artifacts=$3
export CLOUDCOMPLY_DATA=$src

browser=""
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then
    browser=$(command -v "$candidate")
    break
  fi
done
if [[ -z $browser ]]; then
  echo "FAILED: no chromium binary: install Debian's chromium package (CC_SETUP_TEST=1 scripts/setup.sh does)"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$artifacts"
passed=0
failed=0

check() {  # check NAME CONDITION-COMMAND...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $name"
  fi
}
run() {  # run EXPECTED-EXIT OUTFILE ARGS... ; stdout in OUTFILE, stderr in OUTFILE.err
  local expected=$1 out=$2
  shift 2
  "$bin" "$@" >"$out" 2>"$out.err"
  local code=$?
  if [[ $code -ne $expected ]]; then
    echo "exit $code, expected $expected: cloudcomply $*"
    head -c 2000 "$out.err"
    return 1
  fi
}
# Headless Chromium with a profile of its own, bounded in time.
chrome() {
  timeout 180 "$browser" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --no-default-browser-check --user-data-dir="$tmp/profile" "$@" 2>>"$tmp/chromium.log"
}

# A program with two saved runs of the bundled example, a change between them (an SSH
# port opened to the world), evidence whose title is hostile markup, and SoA decisions.
export CLOUDCOMPLY_DB=$tmp/program.db CLOUDCOMPLY_NOW=2026-11-24T09:00:00Z CLOUDCOMPLY_ACTOR=auditor
cp -r "$src/examples/saas" "$tmp/saas"
check "init" run 0 "$tmp/init.txt" init --org "Acme Analytics" --role customer --model IaaS,SaaS \
  --framework iso27017:2015 --framework iso27001:2022 --service "Amazon Web Services:used:IaaS:Amazon"
check "soa seed" run 0 "$tmp/seed.txt" soa seed
check "first scan" run 0 "$tmp/scan1.txt" scan "$tmp/saas" --save --label baseline --fail-on none --format json
printf 'resource "aws_security_group" "bastion" {\n  name = "bastion"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' \
  >"$tmp/saas/terraform/account-baseline/bastion.tf"
check "second scan" run 0 "$tmp/scan2.txt" scan "$tmp/saas" --save --label "bastion added" --fail-on none --format json
printf 'Key rotation log, 2026\n' >"$tmp/keys.txt"
hostile="Key <script>alert('x')</script> rotation log"
check "evidence add" run 0 "$tmp/ev.txt" evidence add "$tmp/keys.txt" --title "$hostile" --control 10.1.1 --review-days 90
check "soa exclude" run 0 "$tmp/soa1.txt" soa set CLD.9.5.1 --applicable no --justification "No shared virtual machines"
check "soa owner" run 0 "$tmp/soa2.txt" soa set 12.4.1 --status implemented --owner "Platform team"
check "status json" run 0 "$tmp/status.json" status --format json

# The report, written twice: the same store and clock give the same bytes.
check "report html" run 0 "$tmp/out.txt" report --output "$tmp/report.html"
check "report says where" grep -q "Wrote the html report" "$tmp/out.txt.err"
check "report to stdout" run 0 "$tmp/report2.html" report
check "report deterministic" cmp -s "$tmp/report.html" "$tmp/report2.html"
check "report stands alone" python3 - "$tmp/report.html" <<'EOF'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
for bad in ("<script", "<link", "<img", "<iframe", "@import", "url("):
    assert bad not in html, bad
# The only URL is the SVG namespace, which is never fetched.
assert set(re.findall(r"https?://[^\"' <]+", html)) <= {"http://www.w3.org/2000/svg"}, re.findall(r"https?://[^\"' <]+", html)
EOF
check "report oscal" run 0 "$tmp/oscal.txt" report --format oscal --output "$tmp/report.json"
check "oscal fields" python3 - "$tmp/report.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))["assessment-results"]
assert d["metadata"]["oscal-version"] == "1.1.2"
for k in ("title", "last-modified", "version"):
    assert d["metadata"][k], k
r = d["results"][0]
for k in ("uuid", "title", "description", "start", "reviewed-controls"):
    assert r[k], k
assert any(f["target"]["status"]["state"] == "not-satisfied" for f in r["findings"])
assert all(e["href"] for o in r["observations"] for e in o.get("relevant-evidence", []))
EOF
check "unknown run refused" run 2 "$tmp/bad.txt" report --run 99
check "bad date refused" run 2 "$tmp/bad2.txt" report --as-of 2026-13-01

# What Chromium makes of it.
url="file://$tmp/report.html"
dump_dom() { chrome --dump-dom "$1" >"$2"; }
check "dump dom" dump_dom "$url" "$tmp/dom.html"
check "dom checks" python3 - "$tmp/dom.html" "$tmp/status.json" <<'EOF'
import json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
status = json.load(open(sys.argv[2]))
assert re.search(r"<h1>Compliance report: Acme Analytics</h1>", dom), "h1"
for heading in ("Summary", "Controls", "Shared responsibility", "Statement of Applicability",
                "Evidence freshness", "Findings of run 2", "Changes since the previous run"):
    assert re.search(r"<h2 id=\"[a-z]+-h\">" + re.escape(heading) + "</h2>", dom), heading
rows = dom.count('<tr class="control">')
assert rows == len(status["controls"]) and rows > 100, (rows, len(status["controls"]))
assert re.search(r"<svg[^>]*>\s*<title id=\"family-chart-title\">", dom), "family chart"
assert re.search(r"<svg[^>]*>\s*<title id=\"trend-chart-title\">", dom), "trend chart"
assert "<script" not in dom, "the hostile title became a script element"
assert "Key &lt;script&gt;alert('x')&lt;/script&gt; rotation log" in dom, "escaped title"
assert re.search(r"Since run 1: [1-9][0-9]* new failing findings?, ", dom), "the opened port shows as new"
EOF
rm -f "$artifacts/report.png" "$artifacts/report.pdf"
check "screenshot" chrome --screenshot="$artifacts/report.png" --window-size=1280,2400 --hide-scrollbars "$url"
check "screenshot is a PNG over 10 KB" python3 -c "
import os, sys
p = sys.argv[1]
assert open(p, 'rb').read(8) == b'\x89PNG\r\n\x1a\n', 'signature'
assert os.path.getsize(p) > 10240, os.path.getsize(p)" "$artifacts/report.png"
check "print to pdf" chrome --print-to-pdf="$artifacts/report.pdf" --no-pdf-header-footer "$url"
check "pdf" python3 -c "
import os, sys
p = sys.argv[1]
data = open(p, 'rb').read()
assert data.startswith(b'%PDF'), data[:8]
assert len(data) > 10240, len(data)
assert data.count(b'/Type /Page') + data.count(b'/Type/Page') > 3, 'sections start on pages of their own'" "$artifacts/report.pdf"
cp "$tmp/report.html" "$artifacts/report.html"

echo "report_browser: $passed passed, $failed failed (artefacts in $artifacts)"
if ((failed)); then
  echo "--- chromium log"
  tail -n 40 "$tmp/chromium.log" 2>/dev/null
  exit 1
fi
