// Times HashiCorp's HCL parser, as packaged in @cdktf/hcl2json, over Terraform files: one
// parse(filename, contents) call per file, one after another, in one Node.js process.
//
//   node run.js OUT_JSON FILE_LIST [PASSES]
//
// With PASSES (default 1) the files are parsed that many times over; the fastest pass
// counts, as it does for the scans it is compared with.
// FILE_LIST holds one path per line. Module resolution starts at the working directory
// (the scratch folder where run.sh installed @cdktf/hcl2json), not at this file's folder.
// Reading the files is not timed; the package's WebAssembly start-up is timed apart (the
// first, untimed parse waits for it), so the figure is parsing alone.
'use strict';

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [outJson, listFile, passArg] = process.argv.slice(2);
const passes = passArg === undefined ? 1 : Number(passArg);
if (!outJson || !listFile || !Number.isInteger(passes) || passes < 1) {
  console.error('usage: node run.js OUT_JSON FILE_LIST [PASSES]');
  process.exit(2);
}

const local = createRequire(path.join(process.cwd(), 'package.json'));
const loadStart = process.hrtime.bigint();
const hcl2json = local('@cdktf/hcl2json');
const version = local('@cdktf/hcl2json/package.json').version;

const files = fs.readFileSync(listFile, 'utf8').split('\n').filter((line) => line.length > 0);
const contents = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = contents.reduce((n, text) => n + Buffer.byteLength(text), 0);

(async () => {
  // The package instantiates its WebAssembly module lazily: the first call pays for it.
  await hcl2json.parse('warmup.tf', 'locals {\n  a = 1\n}\n');
  const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;

  let errors = 0;
  const times = [];
  for (let pass = 0; pass < passes; pass++) {
    errors = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < files.length; i++) {
      try {
        await hcl2json.parse(files[i], contents[i]);
      } catch (err) {
        errors += 1;
        if (errors <= 5 && pass === 0) console.error(`${files[i]}: ${err.message || err}`);
      }
    }
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const seconds = Math.min(...times);
  const result = {
    package: '@cdktf/hcl2json',
    version,
    files: files.length,
    bytes,
    errors,
    load_seconds: loadSeconds,
    seconds,
    passes: times,
    ms_per_file: files.length ? (seconds * 1000) / files.length : 0,
  };
  fs.writeFileSync(outJson, JSON.stringify(result, null, 2) + '\n');
  console.log(`hcl2json ${version}: ${files.length} files in ${seconds.toFixed(2)} s ` +
    `(fastest of ${passes}: ${times.map((t) => t.toFixed(2)).join(', ')}), ` +
    `${result.ms_per_file.toFixed(3)} ms per file, ${errors} errors (start-up ${loadSeconds.toFixed(2)} s)`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
