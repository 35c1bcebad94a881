#!/usr/bin/env node
'use strict';
/**
 * Licence check over the production dependency tree (what ships in the
 * task pane bundle and the CLI). `npm audit` cannot run here (the registry
 * answers 405), so this is the supply-chain gate: every runtime package
 * must carry a permissive licence. Prints JSON; exit 1 on a copyleft or
 * unknown licence.
 *   node scripts/lizenzen.js            # check
 *   node scripts/lizenzen.js --liste    # also list every package
 *   node scripts/lizenzen.js --doku     # rewrite docs/LIZENZEN.md from the lockfile
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const PERMISSIVE = new Set([
  'MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'Unlicense', 'CC0-1.0', 'BlueOak-1.0.0',
  'Python-2.0', 'Zlib', 'CC-BY-4.0', 'WTFPL', 'MIT/X11',
]);
// Reviewed by hand: packages whose package.json lacks a licence field.
const GEPRUEFT = {
  // exceljs → unzipper → binary → buffers; same author and MIT/X11 terms as its sibling `chainsaw`;
  // used by the CLI's zip reader only, not part of the task pane bundle.
  'buffers@0.1.1': 'MIT/X11',
};

function licenceOf(dir, entry) {
  let lic = entry.license;
  if (!lic) {
    try {
      const pj = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
      lic = pj.license || (Array.isArray(pj.licenses) ? pj.licenses.map((l) => l.type || l).join(' OR ') : undefined);
    } catch (e) {
      throw new Error(`Paket ${dir} ist nicht installiert (${e.message}). Bitte zuerst "npm ci" ausführen.`, { cause: e });
    }
  }
  return typeof lic === 'object' && lic !== null ? lic.type : lic;
}

// An SPDX expression is acceptable when one OR-alternative is fully permissive.
function permissive(expr) {
  if (!expr) return false;
  return expr
    .replace(/[()]/g, '')
    .split(/\s+OR\s+/i)
    .some((alt) => alt.split(/\s+AND\s+/i).every((id) => PERMISSIVE.has(id.trim())));
}

const pakete = [];
for (const [dir, entry] of Object.entries(lock.packages || {})) {
  if (!dir || entry.dev || entry.link) continue;
  const name = dir.replace(/^.*node_modules\//, '');
  if (entry.optional && !fs.existsSync(path.join(root, dir))) continue;
  const lizenz = licenceOf(dir, entry) || GEPRUEFT[`${name}@${entry.version}`] || null;
  pakete.push({ name, version: entry.version, lizenz, erlaubt: permissive(lizenz) });
}
function doku(liste) {
  const direkt = Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies || {});
  const zeile = (p) => `| ${p.name} | ${p.version} | ${p.lizenz} |`;
  const sortiert = [...liste].sort((a, b) => a.name.localeCompare(b.name));
  return [
    '# Lizenzen der ausgelieferten Pakete',
    '',
    'Erzeugt mit `node scripts/lizenzen.js --doku` aus `package-lock.json` (nur Laufzeitpakete, keine',
    'Entwicklungswerkzeuge). CI bricht ab, sobald ein Laufzeitpaket keine freizügige Lizenz trägt.',
    '',
    '## Direkte Abhängigkeiten',
    '',
    '| Paket | Version | Lizenz |',
    '|---|---|---|',
    ...sortiert.filter((p) => direkt.includes(p.name)).map(zeile),
    '',
    '`jszip` steht unter „MIT OR GPL-3.0-or-later“; wir nutzen es unter MIT.',
    '',
    `## Alle ${liste.length} Laufzeitpakete`,
    '',
    '| Paket | Version | Lizenz |',
    '|---|---|---|',
    ...sortiert.map(zeile),
    '',
  ].join('\n');
}

const abgelehnt = pakete.filter((p) => !p.erlaubt);
const ergebnis = {
  laufzeitPakete: pakete.length,
  lizenzen: pakete.reduce((acc, p) => ((acc[p.lizenz || 'unbekannt'] = (acc[p.lizenz || 'unbekannt'] || 0) + 1), acc), {}),
  abgelehnt,
};
if (process.argv.includes('--liste')) ergebnis.pakete = pakete;
if (process.argv.includes('--doku')) fs.writeFileSync(path.join(root, 'docs', 'LIZENZEN.md'), doku(pakete));
process.stdout.write(JSON.stringify(ergebnis, null, 2) + '\n');
if (abgelehnt.length) {
  process.stderr.write(`Lizenzprüfung: ${abgelehnt.length} Laufzeitpaket(e) ohne erlaubte Lizenz.\n`);
  process.exit(1);
}
