/**
 * Reading network workbooks in the browser (File API → exceljs) into the
 * domain's RawWorkbook: tables by name, columns by header text, formulas by
 * their cached result. This module pulls in exceljs, so the pane loads it
 * only when the user picks files (dynamic import in gateway.ts).
 * Mirrors src/xlsx/lesen.ts, which the task pane may not import (layering).
 */
import ExcelJS from 'exceljs';
import type { RawTable, RawValue, RawWorkbook } from '../../domain/model';
import type { NetzwerkDatei } from '../../domain/netzwerk';
import { BenutzerFehler } from '../gateway';

interface Modell {
  name?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

function bereich(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const col = (s: string): number => s.toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]), bottom: m[4] ? Number(m[4]) : Number(m[2]), right: m[3] ? col(m[3]) : col(m[1]) };
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => text(r.text)).join('');
    if ('text' in o) return text(o.text);
    if ('result' in o) return text(o.result);
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

/** One exceljs cell value → RawValue (formulas by cached result, errors kept as errors). */
export function rohwert(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) return rohwert(o.result);
    const s = text(o);
    return s.trim() === '' ? null : s;
  }
  return null;
}

/** All tables of a loaded workbook. */
export function rohdaten(wb: ExcelJS.Workbook, quelle: string): RawWorkbook {
  const tables: RawTable[] = [];
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as ExcelJS.Table[]) {
      const m = ((t as unknown as { table?: Modell }).table ?? (t as unknown as Modell)) as Modell;
      const b = m.name ? bereich(m.tableRef ?? m.ref ?? '') : null;
      if (!b || !m.name) continue;
      const kopf = m.headerRow !== false;
      const headerRow = kopf ? b.top : b.top - 1;
      const headers: string[] = [];
      for (let c = b.left; c <= b.right; c++) headers.push(kopf ? text(ws.getCell(b.top, c).value).trim() : '');
      const rows: RawValue[][] = [];
      for (let r = headerRow + 1; r <= (m.totalsRow ? b.bottom - 1 : b.bottom); r++) {
        const row: RawValue[] = [];
        for (let c = b.left; c <= b.right; c++) row.push(rohwert(ws.getCell(r, c).value));
        rows.push(row);
      }
      while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
      tables.push({ name: m.name, sheet: ws.name, headerRow, firstColumn: b.left, headers, rows });
    }
  }
  return { sheets: wb.worksheets.map((w) => w.name), tables, source: quelle };
}

/** Parse one file's bytes; a German BenutzerFehler when it is no readable .xlsx. */
export async function leseNetzwerkdatei(name: string, daten: ArrayBuffer): Promise<NetzwerkDatei> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(daten);
  } catch (e) {
    throw new BenutzerFehler(
      `Die Datei „${name}“ kann nicht gelesen werden.`,
      'Bitte nur Netzwerkdateien im Format „Excel-Arbeitsmappe (*.xlsx)“ auswählen (nicht kennwortgeschützt, nicht .xls/.csv).',
      e instanceof Error ? e.message : String(e),
    );
  }
  return { datei: name, raw: rohdaten(wb, name) };
}

export async function leseDateien(dateien: readonly File[]): Promise<NetzwerkDatei[]> {
  const out: NetzwerkDatei[] = [];
  for (const f of dateien) out.push(await leseNetzwerkdatei(f.name, await f.arrayBuffer()));
  return out;
}
