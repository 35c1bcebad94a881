/** Test helpers: temp dirs, file hashes, the CLI run in-process with captured output. */
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/common';
import { paketProbleme } from '../werkzeuge/paketPruefung';
import { beispielTabellen, vorlageTabellen } from '../../src/workbook/beispiel';
import { schreibeVorlage } from '../../src/xlsx';
import { speichereArbeitsmappe } from '../../src/cli/speichern';

export function tempOrdner(): { dir: string; datei(name: string): string; weg(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'im-test-'));
  return { dir, datei: (n) => path.join(dir, n), weg: () => rmSync(dir, { recursive: true, force: true }) };
}

export function hash(pfad: string): string {
  return createHash('sha256').update(readFileSync(pfad)).digest('hex');
}

export interface Lauf {
  code: number;
  out: string;
  err: string;
}

/** .xlsx files (mtime) in the folders an argument names: the file's folder, or the folder itself (aufteilen). */
function xlsxStaende(argv: readonly string[]): Map<string, number> {
  const ordner = new Set<string>();
  for (const a of argv) {
    if (a.startsWith('-')) continue;
    if (existsSync(a) && statSync(a).isDirectory()) ordner.add(path.resolve(a));
    else if (/[/\\]/.test(a) || a.toLowerCase().endsWith('.xlsx')) ordner.add(path.dirname(path.resolve(a)));
  }
  const stand = new Map<string, number>();
  for (const o of ordner) {
    if (!existsSync(o)) continue;
    for (const n of readdirSync(o)) if (n.toLowerCase().endsWith('.xlsx')) stand.set(path.join(o, n), statSync(path.join(o, n)).mtimeMs);
  }
  return stand;
}

/**
 * The CLI entry with the package check: every .xlsx the call wrote must open
 * in Excel without repair (test/werkzeuge/paketPruefung.ts), else the test fails.
 */
export async function mainGeprueft(argv: readonly string[], io: Io): Promise<number> {
  const vorher = xlsxStaende(argv);
  const code = await main(argv, io);
  for (const [datei, zeit] of xlsxStaende(argv)) {
    if (vorher.get(datei) === zeit) continue;
    const probleme = await paketProbleme(datei);
    if (probleme.length > 0) throw new Error(`Paketprüfung von ${datei} nach „${argv.join(' ')}“:\n  ${probleme.join('\n  ')}`);
  }
  return code;
}

export async function cli(...argv: string[]): Promise<Lauf> {
  let out = '';
  let err = '';
  const code = await mainGeprueft(argv, { out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`), err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`) });
  return { code, out, err };
}

/** Writes the sample (or template) through the real adapter. */
export async function schreibeMappe(pfad: string, beispiel = true): Promise<void> {
  const wb = new ExcelJS.Workbook();
  schreibeVorlage(wb, beispiel ? beispielTabellen() : vorlageTabellen());
  await speichereArbeitsmappe(wb, pfad);
}

/** Opens a file with plain exceljs (as another tool or a user script would), edits it, saves it. */
export async function bearbeite(pfad: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(pfad);
  edit(wb);
  await wb.xlsx.writeFile(pfad);
}

/** The raw exceljs table model (exceljs keeps it on `.table`; its typings hide it). */
export interface TabellenModell {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
  headerRow: boolean;
  columns: { name: string; filterButton?: boolean }[];
}
export function tabellenModell(wb: ExcelJS.Workbook, blatt: string, name: string): TabellenModell {
  const ws = wb.getWorksheet(blatt);
  if (!ws) throw new Error(`kein Blatt ${blatt}`);
  const t = ws.getTable(name) as unknown as { table: TabellenModell };
  return t.table;
}

/** Row number (1-based) of the sheet row whose first cell equals `schluessel`. */
export function zeileVon(wb: ExcelJS.Workbook, blatt: string, schluessel: string, spalte = 1): number {
  const ws = wb.getWorksheet(blatt)!;
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, spalte).value === schluessel) return r;
  throw new Error(`${schluessel} nicht auf ${blatt}`);
}
