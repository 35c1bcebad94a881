#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to lib/ by `npm run build:cli` (run by `npm ci` via "prepare").
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('Integrationsmonitor ist noch nicht gebaut. Bitte zuerst "npm run build:cli" ausführen.\n');
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`Unerwarteter Fehler: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
