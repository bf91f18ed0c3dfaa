// Parses .tf files with HashiCorp's HCL parser through @cdktf/hcl2json and prints one JSON
// object: file path -> {"ok": true, "json": <hcl2json output>} or {"ok": false, "error": text}.
//
//   node parse_all.js PACKAGE_DIR FILE...
//
// PACKAGE_DIR is the folder where npm installed @cdktf/hcl2json (it holds node_modules).
'use strict';

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [packageDir, ...files] = process.argv.slice(2);
if (!packageDir) {
  console.error('usage: node parse_all.js PACKAGE_DIR FILE...');
  process.exit(2);
}
const { parse } = createRequire(path.join(path.resolve(packageDir), 'package.json'))('@cdktf/hcl2json');

(async () => {
  const out = {};
  for (const file of files) {
    try {
      out[file] = { ok: true, json: await parse(file, fs.readFileSync(file, 'utf8')) };
    } catch (err) {
      out[file] = { ok: false, error: String(err && err.message ? err.message : err) };
    }
  }
  process.stdout.write(JSON.stringify(out));
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
