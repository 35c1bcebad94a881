#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e`: builds the task pane (webpack production; skip with
 * --ohne-build), then runs the browser tests of test/e2e in headless Chromium
 * and ends with the line "N passed, N failed". Exit 0 only when all passed.
 * Screenshots: docs/screenshots/*.png.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  process.stderr.write(`Chromium fehlt unter ${chromium}. Installieren: apt-get install -y chromium (oder CHROMIUM_PATH setzen).\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
}

const args = process.argv.slice(2);
if (!args.includes('--ohne-build')) {
  process.stdout.write('== Build (webpack --mode production) ==\n');
  const b = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) {
    process.stderr.write('Der Build ist fehlgeschlagen.\n');
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(1);
  }
}

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'im-e2e-')), 'ergebnis.json');
const jestArgs = [require.resolve('jest/bin/jest'), '--config', 'jest.e2e.config.js', '--json', '--outputFile', out, ...args.filter((a) => a !== '--ohne-build')];
const r = spawnSync(process.execPath, jestArgs, { cwd: root, stdio: 'inherit' });
if (!fs.existsSync(out)) {
  process.stderr.write(`jest lieferte kein Ergebnis (Exit ${r.status}).\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
}
const res = JSON.parse(fs.readFileSync(out, 'utf8'));
const failed = res.numFailedTests + res.numRuntimeErrorTestSuites;
process.stdout.write(`\n${res.numPassedTests} passed, ${failed} failed\n`);
process.exit(res.success && r.status === 0 && failed === 0 ? 0 : 1);
