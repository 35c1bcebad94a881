/**
 * The installed command (bin/integrationsmonitor.js) spawned as a test
 * harness or a script would: output larger than a pipe buffer must arrive
 * complete, with the right exit code.
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { RawValue } from '../../src/domain/model';
import { TABLES } from '../../src/domain/schema';
import { beispielTabellen } from '../../src/workbook/beispiel';
import { schreibeVorlage } from '../../src/xlsx';
import { speichereArbeitsmappe } from '../../src/cli/speichern';
import { tempOrdner } from '../xlsx/hilfen';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'integrationsmonitor.js');
const tmp = tempOrdner();
const GROSS = tmp.datei('viele-befunde.xlsx');
const ZEILEN = 3000;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    // the command runs from lib/ (npm run build:cli); build it once on a fresh checkout
    const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`npm run build:cli schlug fehl:\n${r.stdout}${r.stderr}`);
  }
  const tabellen = beispielTabellen();
  const spalten = TABLES.arbeitsplanung.columns.map((c) => c.header);
  const vorbild = tabellen.arbeitsplanung[0];
  // every row a Fehler (Art outside its list): ~700 KB of JSON findings
  for (let i = 0; i < ZEILEN; i++) {
    const zeile: RawValue[] = [...vorbild];
    zeile[spalten.indexOf('Nr')] = `X${i}`;
    zeile[spalten.indexOf('Art')] = 'Massnahme';
    tabellen.arbeitsplanung.push(zeile);
  }
  const wb = new ExcelJS.Workbook();
  schreibeVorlage(wb, tabellen);
  await speichereArbeitsmappe(wb, GROSS);
}, 120_000);
afterAll(() => tmp.weg());

function starte(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.stderr.on('data', (d: Buffer) => err.push(d));
    p.on('error', reject);
    p.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

it('pruefen --json with output far beyond the 64 KB pipe buffer arrives complete, exit 1', async () => {
  const r = await starte(['pruefen', GROSS, '--json']);
  expect(r.code).toBe(1);
  expect(r.stdout.length).toBeGreaterThan(200_000);
  const j = JSON.parse(r.stdout) as { fehler: { spalte: string }[]; warnungen: unknown[] };
  expect(j.fehler.filter((f) => f.spalte === 'Art')).toHaveLength(ZEILEN);
}, 120_000);

it('kpi --json on the same file prints the complete findings and exits 1', async () => {
  const r = await starte(['kpi', GROSS, '--json']);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout) as { fehler: unknown[]; warnungen: unknown[] };
  expect(Object.keys(j)).toEqual(['fehler', 'warnungen']);
  expect(j.fehler.length).toBeGreaterThanOrEqual(ZEILEN);
}, 120_000);
