/**
 * Reading an exceljs workbook into the domain's RawWorkbook: tables by name,
 * columns by header text, formulas by cached result, error values kept as
 * errors. Used on every workbook ladeMappe (src/xlsx/laden.ts) opened, by
 * the CLI and by the task pane's network-file reader. Typed structurally (no
 * exceljs import), so this layer stays free of adapters; an ExcelJS.Workbook
 * fits MappeArtig.
 */
import { FENSTER_DARUNTER, zeilenMitDatenDarunter } from '../domain/ausserhalb';
import { FORMEL_OHNE_ERGEBNIS, type RawTable, type RawValue, type RawWorkbook } from '../domain/model';
import { TABLE_NAMES } from '../domain/schema';
import { leseAdresse, letzteSpalte, letzteZeile, type Bereich } from '../domain/adresse';

const SPEC_TABELLEN = new Set<string>(Object.values(TABLE_NAMES).map((n) => n.toLowerCase()));

/** The part of an exceljs Worksheet this reader uses. */
export interface BlattArtig {
  readonly name: string;
  getTables(): unknown[];
  getCell(row: number, col: number): { readonly value: unknown };
  getRow(row: number): { getCell(col: number): { readonly value: unknown } };
  /** last used row (exceljs); rows beyond it are empty */
  readonly rowCount?: number;
  /** an existing row without creating one (exceljs) */
  findRow?(row: number): { getCell(col: number): { readonly value: unknown } } | undefined;
}

/** The part of an exceljs Workbook this reader uses. */
export interface MappeArtig {
  readonly worksheets: readonly BlattArtig[];
}

interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  rows?: unknown[];
}

/**
 * The table's range. Tables loaded from a file carry `tableRef`; tables
 * created in this session carry `ref` (top-left only) plus their row data,
 * so the extent is computed from the rows.
 */
function tabellenBereich(t: TableModel): string | null {
  if (t.tableRef) return t.tableRef;
  if (!t.ref) return null;
  return t.ref;
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

/**
 * One exceljs cell value → RawValue (formulas by cached result, errors kept
 * as errors). A formula stored without a cached result (openpyxl & co.)
 * becomes the FORMEL_OHNE_ERGEBNIS marker, so the domain can warn instead of
 * silently reading "no data". exceljs also drops an empty cached text
 * (`<v></v>`, a formula returning ""); src/xlsx/laden.ts keeps that one apart.
 */
export function rohwert(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) return o.result === undefined ? FORMEL_OHNE_ERGEBNIS : rohwert(o.result);
    if (Array.isArray(o.richText) || 'text' in o) {
      const s = text(o);
      return s.trim() === '' ? null : s;
    }
  }
  return text(v) || null;
}

function bereichVon(t: TableModel): Bereich | null {
  const ref = tabellenBereich(t);
  const b = ref ? leseAdresse(ref) : null;
  if (!b) return null;
  // A table created in this session only knows its top-left corner.
  if (!t.tableRef && Array.isArray(t.rows)) return { zeile: b.zeile, spalte: b.spalte, zeilen: t.rows.length + 1, spalten: b.spalten };
  return { zeile: b.zeile, spalte: b.spalte, zeilen: b.zeilen, spalten: b.spalten };
}

/** Rows with data below the table, up to the next table in the same columns. */
function darunter(ws: BlattArtig, b: Bereich, andere: readonly Bereich[]): number[] {
  const unten = letzteZeile(b);
  let ende = Math.min(unten + FENSTER_DARUNTER, ws.rowCount ?? unten + FENSTER_DARUNTER);
  for (const o of andere) if (o.zeile > unten && o.spalte <= letzteSpalte(b) && letzteSpalte(o) >= b.spalte) ende = Math.min(ende, o.zeile - 1);
  const zeilen: RawValue[][] = [];
  for (let r = unten + 1; r <= ende; r++) {
    const row = ws.findRow ? ws.findRow(r) : ws.getRow(r);
    const werte: RawValue[] = [];
    for (let c = b.spalte; c <= letzteSpalte(b); c++) werte.push(row ? rohwert(row.getCell(c).value) : null);
    zeilen.push(werte);
  }
  return zeilenMitDatenDarunter(zeilen, unten + 1);
}

function leseTabelle(ws: BlattArtig, t: TableModel, andere: readonly Bereich[]): RawTable | null {
  const b = bereichVon(t);
  if (!b) return null;
  const bottom = letzteZeile(b);
  const rechts = letzteSpalte(b);
  const hatKopf = t.headerRow !== false;
  const headerRow = hatKopf ? b.zeile : b.zeile - 1;
  const headers: string[] = [];
  for (let c = b.spalte; c <= rechts; c++) headers.push(hatKopf ? text(ws.getCell(b.zeile, c).value).trim() : '');
  const last = t.totalsRow ? bottom - 1 : bottom;
  const rows: RawValue[][] = [];
  for (let r = headerRow + 1; r <= last; r++) {
    const row: RawValue[] = [];
    const wsRow = ws.getRow(r);
    for (let c = b.spalte; c <= rechts; c++) row.push(rohwert(wsRow.getCell(c).value));
    rows.push(row);
  }
  // Trailing empty rows (the empty row of a fresh table, rows cleared by the
  // user) carry no data; inner empty rows stay so row numbers remain exact.
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null || v === FORMEL_OHNE_ERGEBNIS)) rows.pop();
  // only the contract tables are checked for data typed below them (as the add-in's reader)
  const zeilenDarunter = SPEC_TABELLEN.has(t.name.toLowerCase()) ? darunter(ws, b, andere) : [];
  const raw = { name: t.name, sheet: ws.name, headerRow, firstColumn: b.spalte, headers, rows };
  return zeilenDarunter.length > 0 ? { ...raw, zeilenDarunter } : raw;
}

/** All worksheets and tables of a loaded workbook, read by table name and header text. */
export function rohdatenAusMappe(wb: MappeArtig, quelle?: string): RawWorkbook {
  const tables: RawTable[] = [];
  const sheets: string[] = [];
  for (const ws of wb.worksheets) {
    sheets.push(ws.name);
    // exceljs keeps the table model on `.table` (loaded) — the typed API hides it
    const modelle = ws
      .getTables()
      .map((table) => ((table as unknown as { table?: TableModel }).table ?? (table as unknown as TableModel)) as TableModel)
      .filter((m) => m && m.name);
    const bereiche = modelle.map(bereichVon).filter((b): b is Bereich => b !== null);
    for (const model of modelle) {
      const raw = leseTabelle(ws, model, bereiche);
      if (raw) tables.push(raw);
    }
  }
  return { sheets, tables, source: quelle };
}
