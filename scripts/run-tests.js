#!/usr/bin/env node
'use strict';
/**
 * The project's test command (`npm test`): runs every jest project
 * (unit, file-level, and the browser e2e suite when Chromium is present)
 * and ends with one line `N passed, N failed` that CI reads.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const jestBin = require.resolve('jest/bin/jest');
const suites = [{ name: 'Unit- und Dateitests', config: 'jest.config.js' }];
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (fs.existsSync(path.join(root, 'jest.e2e.config.js'))) {
  if (fs.existsSync(chromium)) suites.push({ name: 'Browser-Ende-zu-Ende-Tests', config: 'jest.e2e.config.js' });
  else if (process.env.CI) {
    process.stderr.write(`Chromium fehlt unter ${chromium}; im CI muss es installiert sein.\n`);
    process.exit(1);
  } else process.stdout.write(`Hinweis: ${chromium} fehlt – Browser-Tests übersprungen (apt-get install -y chromium).\n`);
}

let passed = 0;
let failed = 0;
let ok = true;
for (const suite of suites) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'im-jest-')), 'ergebnis.json');
  process.stdout.write(`\n== ${suite.name} ==\n`);
  const args = [jestBin, '--config', suite.config, '--json', '--outputFile', out, ...process.argv.slice(2)];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (!fs.existsSync(out)) {
    process.stderr.write(`${suite.name}: jest lieferte kein Ergebnis (Exit ${r.status}).\n`);
    ok = false;
    failed += 1;
    continue;
  }
  const res = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed += res.numPassedTests;
  // Suites that fail to run (syntax/type errors) count as failures too.
  failed += res.numFailedTests + res.numRuntimeErrorTestSuites;
  if (!res.success || r.status !== 0) ok = false;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(ok && failed === 0 ? 0 : 1);
