/**
 * Small generic exceljs helpers used by the network workflow (engineer F):
 * editing rows of existing tables in place (so everything else in the
 * workbook stays as it was) and writing plain tables on a hidden sheet.
 */
import type ExcelJS from 'exceljs';
import { isCellError, isFormelOhneErgebnis, type RawValue } from '../domain/model';
import { address } from '../workbook/layout';
import { zerlegeBereich } from '../workbook/rohdaten';

interface TabellenModell {
  name: string;
  tableRef?: string;
  autoFilterRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

function modell(t: ExcelJS.Table): TabellenModell {
  return ((t as unknown as { table?: TabellenModell }).table ?? (t as unknown as TabellenModell)) as TabellenModell;
}

/** RawValue → exceljs value. Strings stay strings (exceljs never turns "=…" into a formula); errors become their text. */
function zellwert(v: RawValue | undefined): ExcelJS.CellValue {
  // a formula without cached result has no known value: written as empty
  if (v === undefined || v === null || isFormelOhneErgebnis(v)) return null;
  if (isCellError(v)) return v.error;
  return v;
}

/** New rows would overwrite cells below a table; the message says where and what to do. */
export class BelegteZellenFehler extends Error {
  constructor(meldung: string) {
    super(meldung);
    this.name = 'BelegteZellenFehler';
  }
}

export interface TabellenAenderung {
  /** table name, e.g. "tblArbeitsplanung" */
  readonly tabelle: string;
  /** number of data rows the reader saw (rows after them are free for new rows) */
  readonly datenzeilen: number;
  /** cells of existing rows: 0-based data row and column within the table */
  readonly zellen: readonly { readonly zeile: number; readonly spalte: number; readonly wert: RawValue }[];
  /** rows appended below the last data row, aligned with the table's columns */
  readonly neueZeilen: readonly (readonly RawValue[])[];
}

/**
 * Applies cell edits and appended rows to tables of a workbook loaded from a
 * file, growing the table range where needed. Throws a German message when a
 * table is missing or has a totals row (rows cannot be appended safely then).
 */
export function aendereTabellen(wb: ExcelJS.Workbook, aenderungen: readonly TabellenAenderung[]): void {
  for (const a of aenderungen) {
    let gefunden: { ws: ExcelJS.Worksheet; m: TabellenModell } | null = null;
    for (const ws of wb.worksheets) {
      for (const t of ws.getTables() as unknown as ExcelJS.Table[]) if (modell(t).name === a.tabelle) gefunden = { ws, m: modell(t) };
    }
    if (!gefunden) throw new Error(`Die Tabelle „${a.tabelle}“ wurde in der Arbeitsmappe nicht gefunden.`);
    const { ws, m } = gefunden;
    const b = zerlegeBereich(m.tableRef ?? m.ref ?? '');
    if (!b) throw new Error(`Der Bereich der Tabelle „${a.tabelle}“ ist unlesbar.`);
    if (m.totalsRow && a.neueZeilen.length > 0) {
      throw new Error(`Die Tabelle „${a.tabelle}“ hat eine Ergebniszeile; bitte sie in Excel ausschalten (Tabellenentwurf → Ergebniszeile), dann erneut zusammenführen.`);
    }
    const ersteDaten = m.headerRow === false ? b.top : b.top + 1;
    // rows beyond the table's range must be free: never overwrite what users put below a table
    const unten = ersteDaten + a.datenzeilen + a.neueZeilen.length - 1;
    for (let r = Math.max(b.bottom + 1, ersteDaten + a.datenzeilen); r <= unten; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const v = ws.getCell(r, c).value;
        if (v !== null && v !== undefined && v !== '') {
          throw new BelegteZellenFehler(
            `Unter der Tabelle „${a.tabelle}“ (Blatt „${ws.name}“) steht in ${address(r, c)} bereits etwas. Für ${a.neueZeilen.length} neue Zeile(n) müssen die Zeilen darunter frei sein; bitte den Inhalt verschieben und erneut zusammenführen.`,
          );
        }
      }
    }
    for (const z of a.zellen) ws.getCell(ersteDaten + z.zeile, b.left + z.spalte).value = zellwert(z.wert);
    a.neueZeilen.forEach((r, j) => {
      const row = ws.getRow(ersteDaten + a.datenzeilen + j);
      r.forEach((v, c) => {
        row.getCell(b.left + c).value = zellwert(v);
      });
    });
    if (unten > b.bottom) {
      const ref = `${address(b.top, b.left)}:${address(unten, b.right)}`;
      m.tableRef = ref;
      if (m.autoFilterRef) m.autoFilterRef = ref;
      if (!m.tableRef && m.ref) m.ref = ref;
    }
  }
}

export interface EinfacheTabelle {
  readonly name: string;
  /** 1-based top-left cell of the header row */
  readonly row: number;
  readonly col: number;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly RawValue[])[];
}

/**
 * Adds a sheet holding plain tables (no formats, text cells as text), e.g.
 * the hidden origin marker. `zustand` 'veryHidden' keeps it out of Excel's
 * "Einblenden" dialog.
 */
export function schreibeTabellenBlatt(
  wb: ExcelJS.Workbook,
  blattName: string,
  tabellen: readonly EinfacheTabelle[],
  opt: { zustand?: 'visible' | 'hidden' | 'veryHidden'; breiten?: readonly number[] } = {},
): ExcelJS.Worksheet {
  if (wb.getWorksheet(blattName)) throw new Error(`Das Blatt „${blattName}“ existiert bereits.`);
  const ws = wb.addWorksheet(blattName, { state: opt.zustand ?? 'visible' });
  (opt.breiten ?? []).forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const t of tabellen) {
    t.headers.forEach((_h, i) => {
      ws.getColumn(t.col + i).numFmt = '@';
    });
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: address(t.row, t.col),
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleLight1', showRowStripes: false },
      columns: t.headers.map((name) => ({ name, filterButton: false })),
      rows: (t.rows.length ? t.rows : [t.headers.map(() => null)]).map((r) => t.headers.map((_h, i) => zellwert(r[i]))),
    });
  }
  return ws;
}

/**
 * Appends columns on the right of a table created in this session (e.g. by
 * schreibeVorlage), with one value per data row. Used to carry extra user
 * columns of the steering workbook into network workbooks. Throws for
 * tables loaded from a file (exceljs keeps no row model for them).
 */
export function ergaenzeSpalten(wb: ExcelJS.Workbook, tabelle: string, spalten: readonly { readonly name: string; readonly werte: readonly RawValue[] }[]): void {
  if (spalten.length === 0) return;
  for (const ws of wb.worksheets) {
    const t = ws.getTable(tabelle) as (ExcelJS.Table & { table?: { rows?: unknown[] }; addColumn(c: ExcelJS.TableColumnProperties, v: ExcelJS.CellValue[]): void; commit(): void }) | undefined;
    if (!t) continue;
    const zeilen = t.table?.rows;
    if (!Array.isArray(zeilen)) throw new Error(`Die Tabelle „${tabelle}“ wurde nicht in dieser Sitzung angelegt; Spalten können nur dort ergänzt werden.`);
    for (const s of spalten) t.addColumn({ name: s.name, filterButton: true }, zeilen.map((_r, i) => zellwert(s.werte[i])));
    t.commit();
    return;
  }
  throw new Error(`Die Tabelle „${tabelle}“ wurde in der Arbeitsmappe nicht gefunden.`);
}
