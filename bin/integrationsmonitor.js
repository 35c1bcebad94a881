#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to lib/ by `npm run build:cli` (run by `npm ci` via "prepare").
const path = require('path');
const fs = require('fs');

/**
 * Exits once stdout and stderr are flushed. A bare process.exit() drops what
 * is still queued for a pipe, so JSON output beyond the 64 KB pipe buffer
 * reached a reading program (a test harness, jq) cut off.
 */
function beenden(code) {
  process.exitCode = code;
  let offen = 2;
  const fertig = () => {
    offen -= 1;
    if (offen === 0) process.exit(code);
  };
  process.stdout.write('', fertig);
  process.stderr.write('', fertig);
}

const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('Integrationsmonitor ist noch nicht gebaut. Bitte zuerst "npm run build:cli" ausführen.\n');
  beenden(2);
} else {
  require(entry)
    .main(process.argv.slice(2))
    .then(beenden, (err) => {
      process.stderr.write(`Unerwarteter Fehler: ${err && err.message ? err.message : String(err)}\n`);
      beenden(2);
    });
}
