#!/usr/bin/env node
'use strict';
/**
 * Task pane bundle size after `npm run build` (or `npx webpack --mode production`):
 * gzips every dist/*.js and prints JSON. "taskpaneStart" is what taskpane.html
 * loads by <script> tags (office.js from the CDN excluded); "taskpaneInitial"
 * is everything the Start view inside Excel needs until it shows the workbook
 * status (App, gateways, the adapter's status read; from dist/chunks.json);
 * views and actions loaded later (Prüfen, KPIs, Checkliste, …) are listed separately.
 * Exit 1 when the initial task pane JS exceeds the limit (default 150 KB gzip,
 * the performance goal in README), so the benchmark can rely on it.
 *   node scripts/bundle-groesse.js [--dist dist] [--grenze-kb 150]
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { ERSTE_ANSICHT } = require('./ersteAnsicht');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const dist = path.resolve(arg('--dist', path.join(__dirname, '..', 'dist')));
const grenzeKb = Number(arg('--grenze-kb', '150'));
if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
  process.stderr.write(`${dist}/taskpane.html fehlt – bitte zuerst "npm run build" ausführen.\n`);
  process.exit(2);
}

const gzip = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const dateien = fs
  .readdirSync(dist)
  .filter((f) => f.endsWith('.js'))
  .sort()
  .map((f) => ({ datei: f, bytes: fs.statSync(path.join(dist, f)).size, gzip: gzip(path.join(dist, f)) }));

/** Local scripts a page loads at start. */
function startSkripte(seite) {
  const html = fs.readFileSync(path.join(dist, seite), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

function summe(seite) {
  const skripte = startSkripte(seite);
  const gz = skripte.reduce((n, s) => n + (dateien.find((d) => d.datei === s)?.gzip ?? 0), 0);
  const roh = skripte.reduce((n, s) => n + (dateien.find((d) => d.datei === s)?.bytes ?? 0), 0);
  return { skripte, bytes: roh, gzip: gz, gzipKb: Math.round((gz / 1024) * 10) / 10 };
}

/** Files of several chunk groups (from dist/chunks.json), each counted once. */
function gruppenSumme(namen) {
  const liste = path.join(dist, 'chunks.json');
  if (!fs.existsSync(liste)) return null;
  const { gruppen } = JSON.parse(fs.readFileSync(liste, 'utf8'));
  const skripte = [...new Set(namen.flatMap((n) => gruppen[n] ?? []))];
  const gz = skripte.reduce((n, s) => n + (dateien.find((d) => d.datei === s)?.gzip ?? 0), 0);
  const roh = skripte.reduce((n, s) => n + (dateien.find((d) => d.datei === s)?.bytes ?? 0), 0);
  return { gruppen: namen, skripte, bytes: roh, gzip: gz, gzipKb: Math.round((gz / 1024) * 10) / 10 };
}

// Outside Excel only the start chunk runs; inside Excel the first view also needs the App, the
// gateways and the adapter's status read, so the limit applies to that larger sum.
const start = summe('taskpane.html');
const initial = gruppenSumme(ERSTE_ANSICHT) ?? start;
const ergebnis = {
  dist,
  grenzeGzipKb: grenzeKb,
  taskpaneStart: start,
  taskpaneInitial: initial,
  spaeterGeladen: Object.fromEntries(
    ['pruefen', 'kpis', 'checkliste', 'netzwerk', 'excel-einrichten', 'excel-kpi', 'excel-lesen', 'netzwerk-dateien'].map((g) => [g, gruppenSumme([g])]),
  ),
  demoInitial: fs.existsSync(path.join(dist, 'demo.html')) ? summe('demo.html') : null,
  alleJsGzip: dateien.reduce((n, d) => n + d.gzip, 0),
  dateien,
  zielErreicht: initial.gzipKb <= grenzeKb,
};
process.stdout.write(`${JSON.stringify(ergebnis, null, 2)}\n`);
if (!ergebnis.zielErreicht) {
  process.stderr.write(`Aufgabenbereich: ${initial.gzipKb} KB gzip beim Start – Grenze ${grenzeKb} KB überschritten.\n`);
  process.exit(1);
}
