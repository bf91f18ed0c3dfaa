#!/usr/bin/env bash
# End-to-end checks of the cloudcomply binary: exit codes, output formats, bad input.
# Usage: cli.sh PATH/TO/cloudcomply SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
export CLOUDCOMPLY_DATA=$src
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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
run() {  # run EXPECTED-EXIT OUTFILE ARGS... ; stores stdout in OUTFILE, stderr in OUTFILE.err
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
json_ok() { python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$1"; }

# The bundled example has deliberate gaps: findings, exit 1.
check "example scan exits 1" run 1 "$tmp/ex.txt" scan "$src/examples/saas" --no-color
check "example text lists controls" grep -q "iso27017:2015/" "$tmp/ex.txt"
check "example text points at lines" grep -qE "examples/saas/.+:[0-9]+:[0-9]+" "$tmp/ex.txt"
check "fail-on none exits 0" run 0 "$tmp/none.txt" scan "$src/examples/saas" --fail-on none
check "fail-on critical" run 0 "$tmp/crit.txt" scan "$src/examples/saas/kubernetes" --fail-on critical --rules "$src/tests/data/rules-empty" --no-builtin-rules

for fmt in json sarif; do
  check "$fmt output" run 1 "$tmp/out.$fmt" scan "$src/examples/saas" --format $fmt
  check "$fmt is valid JSON" json_ok "$tmp/out.$fmt"
done
check "sarif version" python3 -c "
import json,sys
d=json.load(open('$tmp/out.sarif'))
r=d['runs'][0]
assert d['version']=='2.1.0'
assert len(r['tool']['driver']['rules'])>=85, len(r['tool']['driver']['rules'])
assert all(x['locations'][0]['physicalLocation']['region']['startLine']>=1 for x in r['results'])
assert len(r['results'])>0
"
check "json stats" python3 -c "
import json
d=json.load(open('$tmp/out.json'))
assert d['stats']['resources']>0 and d['stats']['files']>0
assert any(c['status']=='failing' for c in d['controls'])
assert any(f.get('suppressed') for f in d['findings']), 'the example has one suppressed finding'
assert any(f['verdict']=='unknown' for f in d['findings']), 'the example has an unknown verdict'
"
check "junit output" run 1 "$tmp/out.xml" scan "$src/examples/saas" --format junit
check "junit well-formed" python3 -c "import xml.dom.minidom,sys; xml.dom.minidom.parse('$tmp/out.xml')"
check "csv output" run 1 "$tmp/out.csv" scan "$src/examples/saas" --format csv
check "csv header" grep -q "^rule,severity,verdict" "$tmp/out.csv"
check "output file" run 1 "$tmp/stdout.txt" scan "$src/examples/saas" --format json --output "$tmp/file.json"
check "output file written" json_ok "$tmp/file.json"
check "framework 27001" run 1 "$tmp/f27001.json" scan "$src/examples/saas" --framework iso27001:2022 --format json
check "framework 27001 controls" python3 -c "
import json
d=json.load(open('$tmp/f27001.json'))
assert d['controls'] and all(c['control'].startswith('iso27001:2022/A.') for c in d['controls'])
"
check "controls filter" run 1 "$tmp/ctl.json" scan "$src/examples/saas" --controls CLD.9.5.2 --format json
check "controls filter applied" python3 -c "
import json
d=json.load(open('$tmp/ctl.json'))
assert [c['control'] for c in d['controls']]==['iso27017:2015/CLD.9.5.2']
"

# Usage errors exit 2.
check "unknown option" run 2 "$tmp/u1" scan --nope
check "unknown format" run 2 "$tmp/u2" scan . --format xml
check "unknown framework" run 2 "$tmp/u3" scan "$src/examples/saas" --framework iso9999:1
check "unknown control" run 2 "$tmp/u4" scan "$src/examples/saas" --controls CLD.99.1
check "missing path" run 2 "$tmp/u5" scan "$tmp/does-not-exist"
check "bad fail-on" run 2 "$tmp/u6" scan . --fail-on loud

# Bad input: each broken file is reported with a position; the rest is still scanned.
bad=$tmp/bad
mkdir -p "$bad/nested/.git" "$bad/loop"
cp "$src"/tests/data/bad/* "$bad"/
printf 'Resources: [unclosed\n' >"$bad/nested/.git/ignored.yaml"
ln -s .. "$bad/loop/up"
ln -s "$tmp/nowhere" "$bad/dangling.yaml"
head -c 4096 /dev/urandom >"$bad/random.yaml"
python3 -c "print('a: ' + '['*5000 + ']'*5000)" >"$bad/deep.yaml"
python3 -c "print('{\"a\":' * 3000 + '1' + '}' * 3000)" >"$bad/deep.json"
python3 -c "
import sys
with open(sys.argv[1],'w') as f:
    f.write('{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Resources\":{')
    f.write(','.join('\"B%d\":{\"Type\":\"AWS::S3::Bucket\",\"Properties\":{\"BucketName\":\"b%d\"}}' % (i,i) for i in range(1300000)))
    f.write('}}')
" "$bad/huge.json"
check "bad input scan completes" run 1 "$tmp/bad.json" scan "$bad" --format json
check "bad input diagnostics" python3 -c "
import json
d=json.load(open('$tmp/bad.json'))
diags=d['diagnostics']
def has(name, code=None):
    return any(x['location']['file'].endswith(name) and (code is None or x['code'].startswith(code)) for x in diags)
assert has('malformed.yaml','yaml'), 'yaml syntax'
assert any(x['location']['file'].endswith('malformed.yaml') and x['location'].get('line',0)>=2 for x in diags)
assert has('malformed.json'), 'json syntax'
assert has('deep.yaml','limit.depth'), 'yaml depth'
assert has('deep.json','limit.depth'), 'json depth'
assert has('huge.json','limit.size'), 'size limit'
assert any(x['code'].startswith('io') and 'dangling.yaml' in x['message'] for x in diags), 'unreadable'
assert not any('ignored.yaml' in x['location']['file'] for x in diags), '.git is skipped'
assert any(f['resource']=='GoodBucket' for f in d['findings']), 'the good template is still scanned'
"
check "size limit option" run 2 "$tmp/lim.json" scan "$bad/good.yaml" --max-file-size 10 --format json --fail-on low
check "size limit names the option" grep -q "max-file-size" "$tmp/lim.json"

# Inventory and schema documentation.
check "inventory" run 0 "$tmp/inv.json" inventory "$src/examples/saas"
check "inventory json" python3 -c "
import json
d=json.load(open('$tmp/inv.json'))
kinds={r['kind'] for r in d}
assert 'aws.s3.bucket' in kinds and 'k8s.workload' in kinds, kinds
assert any(r['defaulted'] for r in d), 'defaults are marked'
"
check "schema text" run 0 "$tmp/schema.txt" inventory --schema aws.s3.bucket --format text
check "schema lists encryption" grep -q "encryption" "$tmp/schema.txt"
check "schema unknown kind" run 2 "$tmp/schema2.txt" inventory --schema aws.nothing

# Terraform: modules with for_each, tfvars, --var and --var-file, a broken file beside a good one.
tf=$src/tests/data/terraform
check "terraform scan" run 1 "$tmp/tf.json" scan "$tf" --format json
check "terraform findings" python3 -c "
import json
d=json.load(open('$tmp/tf.json'))
res={f['resource'] for f in d['findings']}
up='module.storage[%s].aws_s3_bucket.this' % chr(34).join(['', 'uploads', ''])
logs='module.storage[%s].aws_s3_bucket.this' % chr(34).join(['', 'logs', ''])
assert up in res, res
fails={(f['rule'],f['resource']) for f in d['findings'] if f['verdict']=='fail'}
assert ('AWS-S3-002',up) in fails, 'unversioned bucket from the module input'
assert ('AWS-S3-002',logs) not in fails, 'optional() default keeps versioning on'
assert not any(r=='AWS-EC2-010' for r,_ in fails), 'SSH is limited to the admin network by default'
names={f['message'] for f in d['findings']}
assert any('acme-prod-logs' in m for m in names), 'terraform.tfvars sets the environment'
diag=[x for x in d['diagnostics'] if x['code']=='hcl.syntax']
assert diag and diag[0]['location']['file'].endswith('broken/main.tf') and diag[0]['location']['line']==6, diag
assert any(f['resource']=='aws_s3_bucket.ok' for f in d['findings']), 'what parsed in the broken file is assessed'
"
check "terraform --var" run 1 "$tmp/tfvar.json" scan "$tf/project" --format json --var admin_cidr=0.0.0.0/0
check "terraform --var opens SSH" python3 -c "
import json
d=json.load(open('$tmp/tfvar.json'))
assert any(f['rule']=='AWS-EC2-010' and f['verdict']=='fail' for f in d['findings'])
"
check "terraform --var-file" run 1 "$tmp/tfvf.json" scan "$tf/project" --format json --var-file "$tf/open-ssh.tfvars"
check "terraform --var-file opens SSH" python3 -c "
import json
d=json.load(open('$tmp/tfvf.json'))
assert any(f['rule']=='AWS-EC2-010' and f['verdict']=='fail' for f in d['findings'])
"
check "terraform --var bad form" run 2 "$tmp/tfbad.txt" scan "$tf/project" --var novalue
check "terraform plan json" run 1 "$tmp/plan.json" scan "$src/tests/data/tfplan/plan_s3_kms.json" --format json
check "terraform plan findings" python3 -c "
import json
d=json.load(open('$tmp/plan.json'))
assert d['stats']['documents']==1
assert any(f['resource']=='aws_s3_bucket.logs' and f['rule']=='AWS-S3-001' and f['verdict']=='pass' for f in d['findings'])
assert all(f['location']['line']>0 for f in d['findings'])
"
check "terraform json syntax" run 1 "$tmp/tfjson.json" scan "$src/tests/data/terraform-json" --format json
check "terraform json syntax finding" python3 -c "
import json
d=json.load(open('$tmp/tfjson.json'))
f=[f for f in d['findings'] if f['rule']=='AWS-EC2-010' and f['verdict']=='fail']
assert f and f[0]['resource']=='aws_security_group.ssh' and f[0]['location']['line']==7, f
"
check "terraform inventory" run 0 "$tmp/tfinv.json" inventory "$tf/project" --raw
check "terraform inventory kinds" python3 -c "
import json
d=json.load(open('$tmp/tfinv.json'))
kinds={r['kind'] for r in d}
assert 'tf:aws_s3_bucket' in kinds and 'aws.s3.bucket' in kinds, kinds
"

# A root and the module it calls: the scan's byte count covers both, each once.
mkdir -p "$tmp/tfbytes/modules/bucket"
printf 'module "a" {\n  source = "./modules/bucket"\n}\nmodule "b" {\n  source = "./modules/bucket"\n}\n' >"$tmp/tfbytes/main.tf"
printf 'resource "aws_s3_bucket" "this" {\n  bucket = "logs"\n}\n' >"$tmp/tfbytes/modules/bucket/main.tf"
check "terraform byte count" run 0 "$tmp/tfbytes.json" scan "$tmp/tfbytes" --format json --fail-on none
check "terraform bytes of root and module" python3 -c "
import json,os
d=json.load(open('$tmp/tfbytes.json'))
want=os.path.getsize('$tmp/tfbytes/main.tf')+os.path.getsize('$tmp/tfbytes/modules/bucket/main.tf')
assert d['stats']['bytes']==want and d['stats']['files']==2, (d['stats'], want)"

# Rules and catalog commands.
check "rules list" run 0 "$tmp/rules.txt" rules list
check "rules show" run 0 "$tmp/show.txt" rules show "$(awk 'NR==1{print $1}' "$tmp/rules.txt")"
check "rules test" run 0 "$tmp/rtest.txt" rules test
check "rules test counts" grep -qE "[0-9]+ passed, 0 failed" "$tmp/rtest.txt"
check "broken rule pack exits 2" run 2 "$tmp/broken.txt" rules list --rules "$src/tests/data/rules-broken"
check "broken rule pack position" grep -qE "broken.yaml:[0-9]+:[0-9]+" "$tmp/broken.txt.err"
check "catalog show" run 0 "$tmp/cat.txt" catalog show CLD.9.5.2
check "catalog unknown" run 2 "$tmp/cat2.txt" catalog show CLD.99.9

# The compliance program: scope recorded, edited and its history kept, in a SQLite store.
db="$tmp/program/store.db"
check "init" run 0 "$tmp/init.txt" init --db "$db" --org "Acme Analytics" --role both --model IaaS,SaaS \
  --service "Amazon Web Services:used:IaaS:Amazon" --service "Acme Insights:provided:SaaS" --actor alice
check "init made the store" test -s "$db"
check "init twice refused" run 2 "$tmp/init2.txt" init --db "$db" --org Other --role customer --model IaaS
check "init twice says why" grep -q "already holds the program of Acme Analytics" "$tmp/init2.txt.err"
check "init bad role" run 2 "$tmp/init3.txt" init --db "$tmp/program/other.db" --org X --role vendor --model IaaS
export CLOUDCOMPLY_NOW=2026-11-24T09:00:00Z CLOUDCOMPLY_DB="$db"  # the store and clock from the environment
check "scope set" run 0 "$tmp/set.txt" scope set --org "Acme Analytics Ltd" --remove-service "Amazon Web Services" --actor bob
unset CLOUDCOMPLY_NOW CLOUDCOMPLY_DB
check "scope set bad service" run 2 "$tmp/set2.txt" scope set --db "$db" --add-service "Nope:sold:IaaS"
check "scope show json" run 0 "$tmp/scope.json" scope show --db "$db" --format json
check "scope content" python3 -c "
import json
d=json.load(open('$tmp/scope.json'))
assert d['organisation']=='Acme Analytics Ltd' and d['revision']==2 and d['updated_by']=='bob', d
assert [s['name'] for s in d['services']]==['Acme Insights'], d['services']
"
check "scope history" run 0 "$tmp/hist.txt" scope history --db "$db"
check "history who and when" grep -q "2026-11-24T09:00:00Z  bob  update scope" "$tmp/hist.txt"
check "history fields" grep -q 'organisation: "Acme Analytics" -> "Acme Analytics Ltd"' "$tmp/hist.txt"
check "scope without init" run 2 "$tmp/noinit.txt" scope show --db "$tmp/program/empty.db"
check "unreachable postgres" run 2 "$tmp/pg.txt" scope show --db "postgresql://x@/y?host=/nonexistent&connect_timeout=2"

# Evidence: stored by digest, ledgered, verified in the store and in an exported pack.
printf 'Access control policy, version 3\n' >"$tmp/policy.txt"
export CLOUDCOMPLY_DB="$db" CLOUDCOMPLY_NOW=2026-01-10T09:00:00Z
check "evidence add" run 0 "$tmp/ev1.txt" evidence add "$tmp/policy.txt" --title "Access policy" --control CLD.9.5.2,9.1.1 --review-days 30 --actor alice
check "evidence unknown control" run 2 "$tmp/ev2.txt" evidence add "$tmp/policy.txt" --title X --control CLD.99.9
check "evidence too large" run 2 "$tmp/ev3.txt" evidence add "$tmp/policy.txt" --title X --max-evidence-size 10
check "evidence too large says so" grep -q "over the evidence size limit of 10 bytes" "$tmp/ev3.txt.err"
check "evidence name cannot traverse" run 0 "$tmp/ev4.txt" evidence add "$tmp/policy.txt" --title Y --name ../../etc/cron.d/x --format json
check "evidence name kept as a plain name" python3 -c "
import json; d=json.load(open('$tmp/ev4.txt')); assert d['file_name']=='x', d"
export CLOUDCOMPLY_NOW=2026-03-01T09:00:00Z
check "evidence list" run 0 "$tmp/evl.json" evidence list --format json
check "evidence expires" python3 -c "
import json; d=json.load(open('$tmp/evl.json'))
a=[e for e in d if e['title']=='Access policy'][0]
assert a['state']=='expired' and a['valid_until']=='2026-02-09', a
assert a['controls']==['iso27017:2015/9.1.1','iso27017:2015/CLD.9.5.2'], a"
check "verify store" run 0 "$tmp/ver.txt" verify
check "verify says intact" grep -q "^intact" "$tmp/ver.txt"
check "evidence export" run 0 "$tmp/exp.txt" evidence export --output "$tmp/pack.zip"
check "verify pack" run 0 "$tmp/verp.txt" verify "$tmp/pack.zip"
check "pack altered" python3 -c "
import zipfile
src=zipfile.ZipFile('$tmp/pack.zip'); out=zipfile.ZipFile('$tmp/forged.zip','w')
for i in src.infolist():
    data=src.read(i.filename)
    if i.filename.startswith('files/'): data=data.replace(b'version 3', b'version 4')
    out.writestr(i, data)
out.close()"
check "verify finds the forged file" run 1 "$tmp/verf.txt" verify "$tmp/forged.zip"
check "verify names the file" grep -q "BROKEN: files/.* was altered" "$tmp/verf.txt"
check "store tampered" python3 -c "
import sqlite3; c=sqlite3.connect('$db'); c.execute(\"UPDATE evidence SET title='Edited' WHERE id=1\"); c.commit()"
check "verify finds the edited record" run 1 "$tmp/vers.txt" verify
check "verify names the record" grep -q "BROKEN: evidence 1 (Edited) differs from its ledger entry" "$tmp/vers.txt"
unset CLOUDCOMPLY_DB CLOUDCOMPLY_NOW

# Statement of Applicability and shared responsibility, in a store of their own.
sdb="$tmp/program/soa.db"
export CLOUDCOMPLY_NOW=2026-11-24T09:00:00Z CLOUDCOMPLY_DB="$sdb"
check "soa init" run 0 "$tmp/soainit.txt" init --org "Acme Analytics" --role customer --model IaaS,SaaS \
  --framework iso27017:2015 --service "Amazon Web Services:used:IaaS:Amazon" --actor alice
check "soa seed" run 0 "$tmp/seed.txt" soa seed --actor alice
check "soa seed counts" grep -q "Added 121 of 121 controls" "$tmp/seed.txt"
check "soa seed again" run 0 "$tmp/seed2.txt" soa seed
check "soa seed idempotent" grep -q "Added 0 of 121 controls" "$tmp/seed2.txt"
check "soa set needs justification" run 2 "$tmp/sset.txt" soa set CLD.9.5.1 --applicable no
check "soa set says why" grep -q "without a justification" "$tmp/sset.txt.err"
check "soa set bad status" run 2 "$tmp/sset2.txt" soa set 12.4.1 --status done
check "soa set unknown control" run 2 "$tmp/sset3.txt" soa set CLD.99.1 --status planned
check "soa set" run 0 "$tmp/sset4.txt" soa set CLD.9.5.1 --applicable no --justification "No virtual machines in use" --owner "Platform team" --actor bob
check "soa set status" run 0 "$tmp/sset5.txt" soa set 12.4.1 --status "partially implemented" --owner Ops
check "soa list json" run 0 "$tmp/soa.json" soa list --format json
check "soa list content" python3 -c "
import json
d={r['control']: r for r in json.load(open('$tmp/soa.json'))}
assert len(d)==121, len(d)
r=d['iso27017:2015/CLD.9.5.1']
assert r['applicable'] is False and r['justification']=='No virtual machines in use' and r['updated_by']=='bob', r
r=d['iso27017:2015/12.4.1']
assert r['status']=='partially implemented' and r['last_assessed']=='2026-11-24T09:00:00Z' and r['rules'], r
"
check "soa export xlsx" run 0 "$tmp/sx.txt" soa export --format xlsx --output "$tmp/soa.xlsx"
check "soa xlsx sheet" python3 -c "
import zipfile
z=zipfile.ZipFile('$tmp/soa.xlsx')
sheet=z.read('xl/worksheets/sheet1.xml').decode()
assert 'state=\"frozen\"' in sheet and '<autoFilter' in sheet, sheet[:400]
strings=z.read('xl/sharedStrings.xml').decode()
assert 'CLD.9.5.1' in strings and 'No virtual machines in use' in strings
"
check "soa export csv" run 0 "$tmp/sc.txt" soa export --format csv --output "$tmp/soa.csv"
check "soa csv row" grep -q '"iso27017:2015","CLD.9.5.1","Segregation in virtual computing environments","no","No virtual machines in use"' "$tmp/soa.csv"
check "soa export oscal" run 0 "$tmp/so.txt" soa export --format oscal --output "$tmp/soa-oscal.json"
check "soa oscal content" python3 -c "
import json
d=json.load(open('$tmp/soa-oscal.json'))['system-security-plan']
reqs=d['control-implementation']['implemented-requirements']
assert len(reqs)==121 and d['metadata']['oscal-version'].startswith('1.1')
r=[x for x in reqs if x['control-id']=='cld-9.5.1'][0]
assert r['remarks']=='No virtual machines in use'
assert {'name':'applicable','ns':'urn:cloudcomply:oscal','value':'no'} in r['props']
"
check "soa export to a directory" run 2 "$tmp/sd.txt" soa export --format csv --output "$tmp"
check "soa export says directory" grep -q "is a directory" "$tmp/sd.txt.err"
check "resp show" run 0 "$tmp/rshow.txt" responsibility show --model IaaS
check "resp default CSP" grep -qE "iso27017:2015/CLD.9.5.1 +IaaS +provider +provider" "$tmp/rshow.txt"
check "resp default CSC" grep -qE "iso27017:2015/9.1.2 +IaaS +customer +customer" "$tmp/rshow.txt"
check "resp override no reason" run 2 "$tmp/ro.txt" responsibility override CLD.9.5.1 --service "Amazon Web Services" --owner shared --reason ""
check "resp override bad owner" run 2 "$tmp/ro2.txt" responsibility override CLD.9.5.1 --service "Amazon Web Services" --owner vendor --reason x
check "resp override" run 0 "$tmp/ro3.txt" responsibility override CLD.9.5.1 --service "Amazon Web Services" --owner shared --reason "Dedicated hosts we isolate ourselves"
check "resp attest bad date" run 2 "$tmp/ra.txt" responsibility attest --name C --kind certificate --issuer X --scope Y --issued 2026-13-01 --expires 2026-12-31
check "resp attest" run 0 "$tmp/ra2.txt" responsibility attest --name "AWS 27017 certificate" --kind certificate --issuer "Example Registrar" --scope "AWS regions in the EU" --issued 2026-01-01 --expires 2026-12-31
check "resp inherit customer control" run 2 "$tmp/ri.txt" responsibility inherit 9.1.2 --attestation "AWS 27017 certificate"
check "resp inherit" run 0 "$tmp/ri2.txt" responsibility inherit CLD.9.5.1 9.2.1 --attestation "AWS 27017 certificate"
check "resp show json" run 0 "$tmp/r1.json" responsibility show --format json --as-of 2026-12-01
check "resp show json later" run 0 "$tmp/r2.json" responsibility show --format json --as-of 2027-01-01
check "resp coverage flips" python3 -c "
import json
def row(f, service=None):
    d=json.load(open(f))
    return [r for r in d['rows'] if r['control']=='iso27017:2015/9.2.1' and r['model']=='IaaS' and r['service']==service][0]
a=row('$tmp/r1.json'); b=row('$tmp/r2.json')
assert a['covered'] and a['coverage']=='inherited', a
assert not b['covered'] and b['coverage']=='inherited (attestation expired)', b
d=json.load(open('$tmp/r1.json'))
o=[r for r in d['rows'] if r['control']=='iso27017:2015/CLD.9.5.1' and r['service']=='Amazon Web Services'][0]
assert o['effective_owner']=='shared' and o['override_reason'].startswith('Dedicated'), o
"
check "resp export xlsx" run 0 "$tmp/rx.txt" responsibility export --format xlsx --output "$tmp/resp.xlsx" --as-of 2027-01-01
check "resp xlsx sheets" python3 -c "
import zipfile
z=zipfile.ZipFile('$tmp/resp.xlsx')
assert 'xl/worksheets/sheet2.xml' in z.namelist()
assert '<autoFilter' in z.read('xl/worksheets/sheet1.xml').decode()
assert 'inherited (attestation expired)' in z.read('xl/sharedStrings.xml').decode()
"
check "resp export csv" run 0 "$tmp/rc.txt" responsibility export --format csv --output "$tmp/resp.csv"
check "resp csv override" grep -q '"Amazon Web Services","provider","shared","Dedicated hosts we isolate ourselves"' "$tmp/resp.csv"
unset CLOUDCOMPLY_DB CLOUDCOMPLY_NOW

# Moving the SoA to the 2026 edition through the crosswalk.
export CLOUDCOMPLY_NOW=2026-11-24T09:00:00Z CLOUDCOMPLY_DB="$tmp/carry.db"
check "carry init" run 0 "$tmp/ci.txt" init --org Acme --role customer --model IaaS --framework iso27017:2015
check "carry seed" run 0 "$tmp/cs.txt" soa seed
check "carry decision" run 0 "$tmp/cd.txt" soa set 12.4.1 --status implemented --owner Ops
check "carry exclusion" run 0 "$tmp/ce.txt" soa set 11.1.1 --applicable no --justification "No premises of our own"
check "carry dry run" run 0 "$tmp/cdry.txt" soa carry --from iso27017:2015 --to iso27017:2026 --dry-run
check "carry dry run proposes" grep -qE "^carried +iso27017:2026/7.1 +not applicable; from 11.1.1" "$tmp/cdry.txt"
check "carry dry run flags new controls" grep -qE "^new +iso27017:2026/5.7 " "$tmp/cdry.txt"
check "carry dry run writes nothing" run 0 "$tmp/cl0.txt" soa list --framework iso27017:2015
check "scope unchanged by the dry run" run 0 "$tmp/csc.txt" scope show
check "scope has no 2026 yet" bash -c "! grep -q 'iso27017:2026' '$tmp/csc.txt'"
check "carry" run 0 "$tmp/cw.txt" soa carry --from iso27017:2015 --to iso27017:2026
check "carry reports" grep -q "iso27017:2026 is in scope. Wrote 2 carried decisions" "$tmp/cw.txt"
check "carried list" run 0 "$tmp/cl.txt" soa list --framework iso27017:2026
check "carried exclusion listed" grep -qE "^iso27017:2026/7.1 +no " "$tmp/cl.txt"
check "carry of a framework out of scope" run 2 "$tmp/cx.txt" soa carry --from iso27001:2022 --to iso27017:2026
unset CLOUDCOMPLY_DB CLOUDCOMPLY_NOW

# Saved runs and the difference between them.
mkdir -p "$tmp/runs"
sg() { printf 'resource "aws_security_group" "web" {\n  name = "web"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["%s"]\n  }\n}\n' "$1" >"$tmp/runs/main.tf"; }
rundb="$tmp/runs.db"
sg 10.0.0.0/8
check "scan --save" run 0 "$tmp/run1.txt" scan "$tmp/runs" --save --db "$rundb" --label first --fail-on none
check "scan --save says where" grep -q "Saved run 1 in" "$tmp/run1.txt.err"
sg 0.0.0.0/0
check "scan --save again" run 0 "$tmp/run2.txt" scan "$tmp/runs" --save --db "$rundb" --fail-on none --format json
check "report still written with --save" json_ok "$tmp/run2.txt"
check "runs list" run 0 "$tmp/runs.json" runs list --db "$rundb" --format json
check "runs recorded" python3 -c "
import json,hashlib
d=json.load(open('$tmp/runs.json'))
assert [r['id'] for r in d]==[2,1] and d[1]['label']=='first', d
i=d[0]['inputs'][0]
assert i['path'].endswith('runs/main.tf') and i['sha256']==hashlib.sha256(open('$tmp/runs/main.tf','rb').read()).hexdigest(), i
assert len(d[0]['rules_digest'])==64 and d[0]['rules']>200, d[0]"
check "diff" run 0 "$tmp/diff.json" diff --db "$rundb" --format json
check "diff finds the opened port" python3 -c "
import json
d=json.load(open('$tmp/diff.json'))
assert d['from']==1 and d['to']==2 and d['summary']['new']>=1, d['summary']
assert all(f['after']['file'].endswith('main.tf') for f in d['findings'] if f['change']=='new')
assert any(c['after']=='failing' for c in d['controls']), d['controls']"
check "diff --fail-on-new" run 1 "$tmp/diff2.txt" diff 1 2 --db "$rundb" --fail-on-new
check "diff of unknown run" run 2 "$tmp/diff3.txt" diff 1 99 --db "$rundb"

# The organisation's own licensed control text, kept in its store.
ctdb="$tmp/text.db"
printf 'Control,Title,Control text\r\n12.4.1,Event logging,"Licensed words, line one\nline two"\r\nCLD.9.5.2,,More licensed words\r\n' >"$tmp/ct.csv"
check "text import dry run" run 0 "$tmp/ct0.txt" catalog import "$tmp/ct.csv" --db "$ctdb" --dry-run --source "copy 1"
check "dry run writes nothing" grep -q "2 controls would be imported from ct.csv; nothing was written" "$tmp/ct0.txt"
check "import names its columns" grep -q 'Columns: control id "Control" (column A, by its header), text "Control text" (column C, by its header), title "Title" (column B' "$tmp/ct0.txt"
check "text before import" run 0 "$tmp/ct1.txt" catalog text 12.4.1 --db "$ctdb"
check "text says none is loaded" grep -q "No licensed text is loaded" "$tmp/ct1.txt"
check "text import" run 0 "$tmp/ct2.txt" catalog import "$tmp/ct.csv" --db "$ctdb" --actor alice --source "ISO/IEC 27017:2015, licensed copy no. 123"
check "text import counts" grep -q "Imported the text of 2 controls from ct.csv (2 new, 0 replaced)" "$tmp/ct2.txt"
check "text show" run 0 "$tmp/ct3.txt" catalog text 12.4.1 --db "$ctdb"
check "text show has the text and source" python3 -c "
t=open('$tmp/ct3.txt').read()
assert t.startswith('iso27017:2015/12.4.1 Event logging\n'), t
assert 'Source: ISO/IEC 27017:2015, licensed copy no. 123 (from ct.csv, imported ' in t and ' by alice)' in t, t
assert t.endswith('Licensed words, line one\nline two\n'), t"
# The text goes wherever the control is shown to an auditor: the SoA exports and the report.
check "text store gets a scope" run 0 "$tmp/ct-init.txt" init --db "$ctdb" --org "Acme" --role customer --model IaaS --framework iso27017:2015
check "text store soa seed" run 0 "$tmp/ct-seed.txt" soa seed --db "$ctdb"
check "soa export with licensed text" run 0 "$tmp/ct-soa.txt" soa export --format csv --output "$tmp/ct-soa.csv" --db "$ctdb"
check "soa csv has the licensed column" python3 -c "
import csv
rows=list(csv.reader(open('$tmp/ct-soa.csv', newline='')))
assert rows[0][2:5]==['Title','Control text (licensed)','Applicable'], rows[0]
r=[x for x in rows if x[1]=='12.4.1'][0]
assert r[3]=='Licensed words, line one\nline two', r
assert [x for x in rows if x[1]=='5.1.1'][0][3]=='', 'a control without text has an empty cell'"
check "report with licensed text" run 0 "$tmp/ct-report.txt" report --format html --output "$tmp/ct-report.html" --db "$ctdb"
check "report shows the licensed text" grep -q 'Licensed words, line one<br>' "$tmp/ct-report.html"
python3 -c "
print('id,text')
print('12.4.1,Replaced words')
for i in range(61): print(f'99.{i}.1,unknown')
" >"$tmp/ctbad.csv"
check "bad rows stop the whole import" run 2 "$tmp/ct4.txt" catalog import "$tmp/ctbad.csv" --db "$ctdb"
check "errors name row and column" grep -q '^ctbad.csv:3:1: "99.0.1" is not a control in the catalog' "$tmp/ct4.txt.err"
check "errors are capped" grep -q "^\.\.\. and 11 more errors" "$tmp/ct4.txt.err"
check "errors say nothing was imported" grep -q "61 errors in ctbad.csv; nothing was imported" "$tmp/ct4.txt.err"
check "text kept after failed import" run 0 "$tmp/ct5.json" catalog text 12.4.1 --db "$ctdb" --format json
check "text json" python3 -c "
import json
d=json.load(open('$tmp/ct5.json'))
assert d['control']=='iso27017:2015/12.4.1' and d['text']=='Licensed words, line one\nline two', d
assert d['file']=='ct.csv' and d['imported_by']=='alice', d"
python3 - "$tmp/ct.xlsx" <<'PY'
import sys, zipfile
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
def cell(ref, text): return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('xl/workbook.xml', f'<workbook {ns} {r}><sheets><sheet name="Cover" sheetId="1" r:id="rId1"/><sheet name="Annex A" sheetId="2" r:id="rId2"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', f'<worksheet {ns}><sheetData><row r="1">{cell("A1", "Licensed copy")}</row></sheetData></worksheet>')
    z.writestr('xl/worksheets/sheet2.xml', f'<worksheet {ns}><sheetData><row r="1">{cell("A1", "No")}{cell("B1", "Body")}</row><row r="2"><c r="A2"><v>8.15</v></c>{cell("B2", "Annex A licensed words")}</row><row r="3">{cell("A3", "iso27017:2015/12.4.1")}{cell("B3", "Replaced words")}</row></sheetData></worksheet>')
PY
check "xlsx import of a named sheet" run 0 "$tmp/ct6.txt" catalog import "$tmp/ct.xlsx" --db "$ctdb" --sheet "annex a" --framework iso27001:2022 --text-column body --source "licensed copy"
check "xlsx import counts" grep -q "Imported the text of 2 controls from ct.xlsx (1 new, 1 replaced)" "$tmp/ct6.txt"
check "xlsx bare id in the wrong framework" run 2 "$tmp/ct7.txt" catalog import "$tmp/ct.xlsx" --db "$ctdb" --sheet "Annex A" --text-column body --framework iso27017:2015
check "xlsx error names the cell" grep -q "ct.xlsx: 'Annex A'!A2 (row 2, column 1): \"8.15\" is not a control of iso27017:2015" "$tmp/ct7.txt.err"
check "text of another tenant" run 0 "$tmp/ct8.json" catalog text A.8.15 --db "$ctdb" --tenant other --format json
check "tenants are isolated" python3 -c "
import json
assert json.load(open('$tmp/ct8.json'))['text'] is None"
check "import logged" python3 -c "
import sqlite3, hashlib
rows=sqlite3.connect('$ctdb').execute(\"select entity_key, action, after_value from change_log where entity='control-text' order by id\").fetchall()
assert [r[:2] for r in rows]==[('ct.csv','import'),('ct.xlsx','import')], rows
assert hashlib.sha256(open('$tmp/ct.csv','rb').read()).hexdigest() in rows[0][2], rows"
check "file and remove-all refused" run 2 "$tmp/ct9.txt" catalog import "$tmp/ct.csv" --remove-all --db "$ctdb"
check "remove-all" run 0 "$tmp/ct10.txt" catalog import --remove-all --db "$ctdb"
check "remove-all counts" grep -q "Removed the text of 3 controls" "$tmp/ct10.txt"
check "text gone" run 0 "$tmp/ct11.txt" catalog text CLD.9.5.2 --db "$ctdb"
check "text gone says so" grep -q "No licensed text is loaded" "$tmp/ct11.txt"
check "text of unknown control" run 2 "$tmp/ct12.txt" catalog text 99.99 --db "$ctdb"

# Program status: the SoA, evidence freshness and a saved run together.
export CLOUDCOMPLY_DB="$db" CLOUDCOMPLY_NOW=2026-03-01T09:00:00Z
check "status before any run" run 0 "$tmp/st0.json" status --format json
check "soa seed for status" run 0 "$tmp/seed.txt" soa seed
check "soa exclusion" run 0 "$tmp/soax.txt" soa set 11.1.1 --applicable no --justification "No premises of our own"
check "scan --save for status" run 0 "$tmp/st-scan.txt" scan "$src/examples/saas" --save --fail-on none
check "status" run 0 "$tmp/st.json" status --format json
check "status content" python3 -c "
import json
d=json.load(open('$tmp/st.json')); c={x['ref']:x for x in d['controls']}
assert d['run']==1 and len(d['controls'])==len(c), d['run']
assert c['iso27017:2015/11.1.1']['status']=='not applicable' and 'No premises' in c['iso27017:2015/11.1.1']['reason']
x=c['iso27017:2015/CLD.9.5.2']
assert x['evidence_expired'] and x['evidence']['lapsed']==1, x
assert any(v['status'] in ('partial','not implemented') and v['checks']['failed']>0 for v in c.values())
assert sum(d['summary'].values())==len(c), d['summary']
assert any(e['state']=='expired' and 'iso27017:2015/CLD.9.5.2' in e['controls'] for e in d['evidence'])"
check "status text" run 0 "$tmp/st.txt" status
check "status text flags expired evidence" grep -q "\[evidence expired\]" "$tmp/st.txt"
check "status without a program" run 2 "$tmp/st2.txt" status --db "$tmp/program/none.db"
check "status says to init" grep -q "cloudcomply init" "$tmp/st2.txt.err"
unset CLOUDCOMPLY_DB CLOUDCOMPLY_NOW

echo "e2e: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
