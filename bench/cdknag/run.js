// Runs cdk-nag's AwsSolutions pack over CloudFormation templates through aws-cdk-lib's
// CfnInclude, one template per App, and reports the time each synthesis took.
//
//   node run.js OUT_JSON TEMPLATE...
//
// Module resolution starts at the working directory (the scratch folder where run.sh
// installed aws-cdk-lib, constructs and cdk-nag), not at this file's folder.
'use strict';

const path = require('path');
const fs = require('fs');
const os = require('os');
const { createRequire } = require('module');

const local = createRequire(path.join(process.cwd(), 'package.json'));
const loadStart = process.hrtime.bigint();
const cdk = local('aws-cdk-lib');
const { CfnInclude } = local('aws-cdk-lib/cloudformation-include');
const nag = local('cdk-nag');
const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;

const [outJson, ...templates] = process.argv.slice(2);
if (!outJson || templates.length === 0) {
  console.error('usage: node run.js OUT_JSON TEMPLATE...');
  process.exit(2);
}

// cdk-nag 3 is a policy-validation plugin (Validations.of(app).addPlugins); cdk-nag 2 is
// an aspect (Aspects.of(scope).add). Use whichever the installed versions provide.
const usePlugin = typeof cdk.Validations === 'function' &&
  typeof nag.AwsSolutionsChecks.prototype.validate === 'function';

// Violations of the AwsSolutions pack only (aws-cdk-lib may add reports of its own).
function countViolations(report) {
  let n = 0;
  for (const plugin of (report && report.pluginReports) || []) {
    if (plugin.pluginName !== 'AwsSolutions') continue;
    for (const v of plugin.violations || []) n += (v.violatingConstructs || []).length || 1;
  }
  return n;
}

function readReport(outdir) {
  for (const name of ['validation-report.json', 'policy-validation-report.json']) {
    const file = path.join(outdir, name);
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  return null;
}

// Builds one App around one template, runs the pack and synthesizes it.
function check(file, outdir) {
  const app = new cdk.App({ outdir });
  const stack = new cdk.Stack(app, 'Imported', {
    env: { account: '111122223333', region: 'eu-west-1' },
  });
  const include = new CfnInclude(stack, 'Template', { templateFile: file });
  const resources = include.node.findAll().filter((c) => c instanceof cdk.CfnResource).length;
  if (usePlugin) {
    cdk.Validations.of(app).addPlugins(new nag.AwsSolutionsChecks(app));
  } else {
    cdk.Aspects.of(app).add(new nag.AwsSolutionsChecks());
  }
  try {
    app.synth();
  } catch (err) {
    // Synthesis stops with an error when the validation report has failures; that is
    // the expected end of a run over insecure templates.
    const report = readReport(outdir);
    if (!report) throw err;
    return { resources, status: 'violations', violations: countViolations(report) };
  }
  return { resources, status: 'ok', violations: countViolations(readReport(outdir)) };
}

// Every template gets a scratch cloud assembly folder that is removed afterwards.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cdknag-'));
const results = [];
// One untimed run first, so the figures are those of a warm process (module loading and
// JIT compilation are reported separately as module_load_seconds / warmup_seconds).
const warmStart = process.hrtime.bigint();
try {
  check(templates[0], path.join(scratch, 'warmup'));
} catch (err) {
  // A template that cannot be included shows up again, with its message, in the timed run.
}
const warmupSeconds = Number(process.hrtime.bigint() - warmStart) / 1e9;
fs.rmSync(path.join(scratch, 'warmup'), { recursive: true, force: true });

for (const [i, file] of templates.entries()) {
  const outdir = path.join(scratch, String(i));
  const start = process.hrtime.bigint();
  let outcome;
  try {
    outcome = check(file, outdir);
  } catch (err) {
    const message = String(err && err.message ? err.message : err).split('\n')[0].slice(0, 300);
    outcome = { resources: 0, status: 'error', violations: 0, message };
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  results.push({ file, seconds, ...outcome });
  fs.rmSync(outdir, { recursive: true, force: true });
}
fs.rmSync(scratch, { recursive: true, force: true });

const timed = results.filter((r) => r.status !== 'error');
const seconds = timed.map((r) => r.seconds).sort((a, b) => a - b);
const summary = {
  cdk_nag: local('cdk-nag/package.json').version,
  aws_cdk_lib: local('aws-cdk-lib/package.json').version,
  mode: usePlugin ? 'Validations plugin' : 'Aspect',
  module_load_seconds: loadSeconds,
  warmup_seconds: warmupSeconds,
  templates: results.length,
  synthesized: timed.length,
  errors: results.length - timed.length,
  resources: timed.reduce((s, r) => s + r.resources, 0),
  violations: timed.reduce((s, r) => s + r.violations, 0),
  total_seconds: seconds.reduce((s, x) => s + x, 0),
  mean_seconds: seconds.length ? seconds.reduce((s, x) => s + x, 0) / seconds.length : null,
  median_seconds: seconds.length ? seconds[Math.floor(seconds.length / 2)] : null,
  results,
};
fs.writeFileSync(outJson, JSON.stringify(summary, null, 2) + '\n');
console.log(`cdk-nag ${summary.cdk_nag} (${summary.mode}), aws-cdk-lib ${summary.aws_cdk_lib}: ` +
  `${summary.synthesized}/${summary.templates} templates, ${summary.resources} resources, ` +
  `${summary.violations} violations, mean ${(summary.mean_seconds || 0).toFixed(3)} s/template`);
for (const r of results.filter((x) => x.status === 'error').slice(0, 5)) {
  console.log(`  error: ${r.file}: ${r.message}`);
}
process.exit(timed.length ? 0 : 1);
