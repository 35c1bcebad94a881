/**
 * Runs every corpus file through the real CLI (`node bin/integrationsmonitor.js
 * pruefen <datei> --json`, spawned as a user would) and checks exit code,
 * German findings naming the cell, the input file unchanged and no stack
 * trace. Files are generated into a temp dir; nothing binary is committed.
 */
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import ExcelJS from 'exceljs';
import * as path from 'path';
import { erzeugeKorpus, type KorpusDatei } from './generator';
import { FAELLE, type ErwarteterBefund } from './faelle';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'integrationsmonitor.js');

interface Lauf {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface JsonBefund {
  blatt: string;
  zelle: string;
  spalte: string;
  meldung: string;
}

function cli(args: string[]): Promise<Lauf> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs jobs with at most `n` at a time (the machine has 2 cores). */
async function begrenzt<T, R>(items: readonly T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

const hash = (p: string): string | null => (existsSync(p) ? createHash('sha256').update(readFileSync(p)).digest('hex') : null);

interface Ergebnis {
  datei: KorpusDatei;
  hashVorher: string | null;
  hashNachher: string | null;
  pruefen: Lauf;
  kpi: Lauf | null;
}

let ordner = '';
let dateienVorher: string[] = [];
const ergebnisse = new Map<string, Ergebnis>();

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    // the CLI runs from lib/ (npm run build:cli); build it once if a fresh checkout has none
    const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build:cli schlug fehl:\n${r.stdout}${r.stderr}`);
  }
  ordner = mkdtempSync(path.join(os.tmpdir(), 'im-korpus-'));
  const dateien = await erzeugeKorpus(ordner);
  dateienVorher = readdirSync(ordner).sort();
  const laeufe = await begrenzt(dateien, 2, async (d) => {
    const hashVorher = hash(d.pfad);
    const pruefen = await cli(['pruefen', d.pfad, '--json']);
    // kpi shares the loading path; run it where the case is about loading or about computed values
    const kpi = d.erwartet.kpi || d.erwartet.exit === 2 ? await cli(['kpi', d.pfad, '--json']) : null;
    return { datei: d, hashVorher, hashNachher: hash(d.pfad), pruefen, kpi };
  });
  for (const e of laeufe) ergebnisse.set(e.datei.fall.id, e);
}, 420_000);

afterAll(() => {
  if (ordner) rmSync(ordner, { recursive: true, force: true });
});

const GERMAN = /[äöüßÄÖÜ„“]|\b(ist|nicht|Bitte|bitte|fehlt|oder|und|kein|keine|wurde|Datei)\b/;
const STACK = /^\s+at\s|\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|node_modules|\.js:\d+:\d+/m;

function passt(b: JsonBefund, e: ErwarteterBefund): boolean {
  return b.blatt === e.blatt && (e.zelle === undefined || b.zelle === e.zelle) && (e.spalte === undefined || b.spalte === e.spalte) && (!e.text || e.text.test(b.meldung));
}

function beschreibe(liste: JsonBefund[]): string {
  return liste.map((b) => `  ${b.blatt}|${b.zelle}|${b.spalte}: ${b.meldung.slice(0, 200)}`).join('\n') || '  (keine)';
}

test('der Korpus hat mindestens 30 Fälle mit eindeutigen Namen', () => {
  expect(FAELLE.length).toBeGreaterThanOrEqual(30);
  expect(new Set(FAELLE.map((f) => f.id)).size).toBe(FAELLE.length);
});

describe.each(FAELLE.map((f) => [f.id, f.titel] as const))('%s', (id, titel) => {
  test(titel, () => {
    const e = ergebnisse.get(id);
    if (!e) throw new Error(`kein Lauf für ${id}`);
    const { erwartet } = e.datei;
    const r = e.pruefen;
    const ausgabe = `${r.stdout}\n${r.stderr}`;
    const kontext = `pruefen ${path.basename(e.datei.pfad)} → Exit ${r.code}\nstdout: ${r.stdout.slice(0, 3000)}\nstderr: ${r.stderr.slice(0, 1000)}`;

    // never a stack trace, never a changed input
    expect({ stack: STACK.test(ausgabe), kontext }).toEqual({ stack: false, kontext });
    expect(e.hashNachher).toBe(e.hashVorher);
    expect({ exit: r.code, kontext }).toEqual({ exit: erwartet.exit, kontext });

    if (erwartet.exit === 2) {
      const zeilen = r.stderr.split('\n').filter((z) => z.trim() !== '');
      expect(zeilen).toHaveLength(1);
      expect(zeilen[0]).toMatch(GERMAN);
      if (erwartet.meldung) expect(zeilen[0]).toMatch(erwartet.meldung);
      // kpi on the same file: same exit code, one line, no stack trace
      const k = e.kpi;
      if (!k) throw new Error('kpi nicht gelaufen');
      expect(STACK.test(`${k.stdout}\n${k.stderr}`)).toBe(false);
      expect(k.code).toBe(2);
      expect(k.stderr.split('\n').filter((z) => z.trim() !== '')).toHaveLength(1);
      return;
    }

    const json = JSON.parse(r.stdout) as { fehler: JsonBefund[]; warnungen: JsonBefund[] };
    expect(Array.isArray(json.fehler) && Array.isArray(json.warnungen)).toBe(true);
    for (const b of [...json.fehler, ...json.warnungen]) {
      expect(Object.keys(b).sort()).toEqual(['blatt', 'meldung', 'spalte', 'zelle']);
      expect(b.meldung).toMatch(GERMAN);
      // the message itself names the cell: "Arbeitsplanung!D7", or sheet and cell separately
      // ("Blatt „Ziele (alt)“ ab A1") where the sheet name has spaces
      if (b.zelle && !b.meldung.includes(`${b.blatt}!${b.zelle}`)) {
        expect(b.meldung).toContain(b.blatt);
        expect(b.meldung).toMatch(new RegExp(`\\b${b.zelle}\\b`));
      }
    }
    if (erwartet.exit === 0) expect(beschreibe(json.fehler)).toBe(beschreibe([]));
    if (erwartet.keineWarnung) expect(beschreibe(json.warnungen)).toBe(beschreibe([]));
    for (const soll of erwartet.fehler ?? []) {
      const gefunden = json.fehler.some((b) => passt(b, soll));
      expect({ gefunden, soll: `${soll.blatt}!${soll.zelle ?? '*'} ${soll.spalte ?? ''} ${soll.text ?? ''}`, ist: beschreibe(json.fehler) }).toMatchObject({ gefunden: true });
    }
    for (const soll of erwartet.warnungen ?? []) {
      const gefunden = json.warnungen.some((b) => passt(b, soll));
      expect({ gefunden, soll: `${soll.blatt}!${soll.zelle ?? '*'} ${soll.spalte ?? ''} ${soll.text ?? ''}`, ist: beschreibe(json.warnungen) }).toMatchObject({ gefunden: true });
    }

    if (erwartet.kpi) {
      const k = e.kpi;
      if (!k) throw new Error('kpi nicht gelaufen');
      expect(STACK.test(`${k.stdout}\n${k.stderr}`)).toBe(false);
      expect(k.code).toBe(0);
      const kj = JSON.parse(k.stdout) as { kennzahlen: { id: string; zielerreichung: number | null }[] };
      for (const soll of erwartet.kpi) {
        const ist = kj.kennzahlen.find((x) => x.id === soll.kennzahl);
        expect(ist).toBeDefined();
        if (soll.zielerreichung === null) expect(ist?.zielerreichung).toBeNull();
        else expect(ist?.zielerreichung).toBeCloseTo(soll.zielerreichung, 10);
      }
    }
  });
});

test('docs/KORPUS.md beschreibt jeden Fall', () => {
  const doku = readFileSync(path.join(ROOT, 'docs', 'KORPUS.md'), 'utf8');
  expect(FAELLE.map((f) => f.id).filter((id) => !doku.includes(`\`${id}\``))).toEqual([]);
});

test('kpi --aus: Text mit =, +, -, @ bleibt in der Kopie Text, die Eingabe bleibt unverändert', async () => {
  const e = ergebnisse.get('ok-formeltext-als-text');
  if (!e) throw new Error('Fall ok-formeltext-als-text fehlt');
  const ziel = path.join(mkdtempSync(path.join(os.tmpdir(), 'im-korpus-aus-')), 'kopie.xlsx');
  try {
    const r = await cli(['kpi', e.datei.pfad, '--aus', ziel]);
    expect(STACK.test(`${r.stdout}\n${r.stderr}`)).toBe(false);
    expect(r.code).toBe(0);
    expect(hash(e.datei.pfad)).toBe(e.hashVorher);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ziel);
    const werte = new Map<string, ExcelJS.CellValue>();
    for (const blatt of ['Arbeitsplanung', 'Kennzahlen']) {
      wb.getWorksheet(blatt)?.eachRow((row) => row.eachCell((c) => werte.set(`${blatt}!${c.address}`, c.value)));
    }
    // base plan positions: A-01 Bemerkung L2, A-03 Verantwortlich H4, A-05 Bemerkung L6, K-01 Datenquelle J2
    expect(werte.get('Arbeitsplanung!L2')).toBe('=SUMME(A1:A3)');
    expect(werte.get('Arbeitsplanung!H4')).toBe('+49 5971 939-0');
    expect(werte.get('Arbeitsplanung!L6')).toBe('- siehe Protokoll');
    expect(werte.get('Kennzahlen!J2')).toBe('@VHS');
  } finally {
    rmSync(path.dirname(ziel), { recursive: true, force: true });
  }
});

test('das CLI legt neben den Eingabedateien nichts an (keine Sperr- oder Temp-Dateien)', () => {
  expect(readdirSync(ordner).sort()).toEqual(dateienVorher);
});
