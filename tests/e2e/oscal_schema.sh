#!/usr/bin/env bash
# The two OSCAL documents cloudcomply writes, checked against JSON Schemas for OSCAL 1.1.2:
# builds a small compliance program with the CLI (scope, SoA, evidence, two saved scans),
# exports the assessment results and the SoA as a system security plan, and runs
# tests/tools/oscal_check.py on them (schema validity, references, broken copies rejected).
# Usage: oscal_schema.sh PATH/TO/cloudcomply SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
export CLOUDCOMPLY_DATA=$src
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

step() {  # step DESCRIPTION ARGS... ; runs cloudcomply, stops the test when it fails
  local what=$1
  shift
  if ! "$bin" "$@" >"$tmp/out.txt" 2>"$tmp/err.txt"; then
    echo "FAILED: $what: cloudcomply $*"
    head -c 2000 "$tmp/err.txt"
    exit 1
  fi
}

export CLOUDCOMPLY_DB="$tmp/program.db" CLOUDCOMPLY_NOW=2026-11-24T09:00:00Z
step "init" init --org "Acme Analytics" --role both --model IaaS,SaaS --framework iso27017:2015 \
  --service "Amazon Web Services:used:IaaS:Amazon" --service "Acme Insights:provided:SaaS" --actor alice
step "soa seed" soa seed --actor alice
step "soa exclusion" soa set 11.1.1 --applicable no --justification "No premises of our own" --actor bob
step "soa implemented" soa set 12.4.1 --status implemented --owner "Platform team"
step "soa partial" soa set CLD.9.5.2 --status "partially implemented" --owner Ops
step "soa planned" soa set 10.1.1 --status planned
printf 'Access control policy, version 3\n' >"$tmp/policy.txt"
step "evidence" evidence add "$tmp/policy.txt" --title "Access policy" --control CLD.9.5.2,9.1.1 --review-days 30 --actor alice

# Two saved runs; the second one, which the report reads, opens SSH to the world in a file
# whose name needs percent-encoding in a URI, beside the bundled example.
mkdir -p "$tmp/runs/infra dir"
printf 'resource "aws_security_group" "web" {\n  name = "web"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n' >"$tmp/runs/infra dir/main#1.tf"
step "first scan" scan "$tmp/runs" --save --label first --fail-on none
sed -i 's|10.0.0.0/8|0.0.0.0/0|' "$tmp/runs/infra dir/main#1.tf"
cp -r "$src/examples/saas" "$tmp/runs/saas"
step "second scan" scan "$tmp/runs" --save --label second --fail-on none

step "oscal report" report --format oscal --as-of 2026-11-24 --output "$tmp/assessment-results.json"
step "oscal soa" soa export --format oscal --output "$tmp/ssp.json"
unset CLOUDCOMPLY_DB CLOUDCOMPLY_NOW

python3 "$src/tests/tools/oscal_check.py" --schemas "$src/tests/data/oscal-schema" --catalog "$src/catalog" \
  "$tmp/assessment-results.json" "$tmp/ssp.json"
