/**
 * Writing workbooks with exceljs, rendered from the declarative layout in
 * src/workbook: the data sheets of the template/sample and the computed
 * sheets (Grid). Charts of a Grid are skipped: exceljs cannot write charts,
 * the add-in creates them natively.
 *
 * Free of fs/path (saving is src/cli/speichern.ts), so the task pane can
 * build a network workbook in the browser with the same code.
 */
import type ExcelJS from 'exceljs';
import { COMPUTED_SHEETS, FRUEHERE_BLATTNAMEN, type SheetName, type TableKey } from '../domain/schema';
import { isCellError, isFormelOhneErgebnis, type RawValue } from '../domain/model';
import {
  COLORS,
  DATA_SHEETS,
  TABLE_STYLE,
  artConditionalFills,
  SCHRIFT,
  type TableLayout,
} from '../workbook/layout';
import { FUSSZEILE, SEITENRAENDER, type CellStyle, type Grid, type GridValue, type PrintSetup } from '../workbook/grid';
import { listenFormel, type Pruefregel } from '../workbook/gueltigkeit';
import { spaltentitel, spaltentitelPraefix } from '../workbook/spaltentitel';
import { STYLES } from '../workbook/styles';
import { zeilenBedarf } from '../workbook/zeilenhoehe';
import { a1, blattAdresse, leseAdresse, letzteSpalte, letzteZeile, spaltenBuchstabe } from '../domain/adresse';

const argb = (rgb: string): string => `FF${rgb.toUpperCase()}`;

/** Parts of the exceljs worksheet that exist at runtime but are missing from its typings. */
type Blatt = ExcelJS.Worksheet & {
  orderNo: number;
  dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void };
};
const blatt = (ws: ExcelJS.Worksheet): Blatt => ws as Blatt;

/** RawValue → what exceljs stores. Error values are written as their text so nothing turns into a formula. */
function zellwert(v: RawValue | GridValue | undefined): ExcelJS.CellValue {
  // a formula without cached result has no known value: written as empty
  if (v === undefined || v === null || isFormelOhneErgebnis(v)) return null;
  if (isCellError(v)) return v.error;
  return v;
}

/** A validation rule of the layout in exceljs' terms (type, operator, formulae). */
function regelAlsExceljs(regel: Pruefregel): Pick<ExcelJS.DataValidation, 'type' | 'operator' | 'formulae'> {
  switch (regel.art) {
    case 'liste':
    case 'verweis':
      return { type: 'list', formulae: [listenFormel(regel)] };
    case 'datum':
      return { type: 'date', operator: 'between', formulae: [new Date(`${regel.von}T00:00:00Z`), new Date(`${regel.bis}T00:00:00Z`)] };
    case 'ganzzahl':
    case 'zahl':
      return { type: regel.art === 'ganzzahl' ? 'whole' : 'decimal', operator: 'between', formulae: [regel.von, regel.bis] };
  }
}

/** Header names of the sheet for screen readers, replacing those of its previous version. */
function spaltentitelBenennen(wb: ExcelJS.Workbook, grid: Grid): void {
  // through the model: the only public way to drop a name (exceljs keeps only cell-range names anyway)
  const praefix = spaltentitelPraefix(grid.sheet);
  wb.definedNames.model = wb.definedNames.model.filter((n) => !n.name.startsWith(praefix));
  for (const t of spaltentitel(grid)) wb.definedNames.add(blattAdresse(grid.sheet, t.zelle), t.name);
}

/** Page setup and footer of a printed sheet. */
function seiteEinrichten(ws: ExcelJS.Worksheet, p: PrintSetup): void {
  const r = p.raender ?? SEITENRAENDER;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.landscape ? 'landscape' : 'portrait',
    fitToPage: p.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: r.links, right: r.rechts, top: r.oben, bottom: r.unten, header: r.kopf, footer: r.fuss },
    printTitlesRow: p.repeatRows ? `${p.repeatRows[0]}:${p.repeatRows[1]}` : undefined,
  };
  ws.headerFooter = { oddFooter: `&L${FUSSZEILE.links}&R${FUSSZEILE.rechts}` };
  for (const vor of p.pageBreaksBefore ?? []) if (vor > 1) ws.getRow(vor - 1).addPageBreak();
}

/** Width of a column users added to a table (it has no layout of its own). */
const ZUSATZ_BREITE = 16;

function tabelleSchreiben(
  ws: ExcelJS.Worksheet,
  layout: TableLayout,
  rows: readonly (readonly RawValue[])[],
  zusatz: readonly string[] = [],
): void {
  const { headerRow, firstColumn, columns, spec } = layout;
  zusatz.forEach((_h, j) => {
    ws.getColumn(firstColumn + columns.length + j).width = ZUSATZ_BREITE;
  });
  // Column styles first: exceljs gives new cells the column's style, and
  // Excel applies it to rows typed later.
  columns.forEach((c, i) => {
    const col = ws.getColumn(firstColumn + i);
    col.width = c.width;
    if (c.numberFormat) col.numFmt = c.numberFormat;
    col.alignment = { vertical: 'top', wrapText: c.wrap ? true : undefined, horizontal: c.horizontal };
  });
  const breite = columns.length + zusatz.length;
  const daten = rows.length > 0 ? rows : [Array.from({ length: breite }, () => null)];
  ws.addTable({
    name: spec.name,
    displayName: spec.name,
    ref: a1(headerRow, firstColumn),
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE as ExcelJS.TableStyleProperties['theme'], showRowStripes: false },
    columns: [...columns.map((c) => c.spec.header), ...zusatz].map((name) => ({ name, filterButton: true })),
    rows: daten.map((r) => Array.from({ length: breite }, (_x, i) => zellwert(r[i]))),
  });

  // Validation on the table's own rows, one range per column: Excel carries it into new table rows,
  // and validation below a table is a known cause of co-authoring conflicts (as in the add-in).
  const letzte = headerRow + daten.length;
  columns.forEach((c, i) => {
    const g = c.gueltigkeit;
    if (!g) return;
    const col = spaltenBuchstabe(firstColumn + i);
    blatt(ws).dataValidations.add(`${col}${headerRow + 1}:${col}${letzte}`, {
      ...regelAlsExceljs(g.regel),
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: g.fehler.stil === 'stopp' ? 'stop' : 'warning',
      errorTitle: g.fehler.titel,
      error: g.fehler.meldung,
      showInputMessage: true,
      promptTitle: g.eingabe.titel,
      prompt: g.eingabe.meldung,
    });
  });

  // Header cells styled explicitly too: the table style is not rendered by every app (LibreOffice).
  const kopf = ws.getRow(headerRow);
  Array.from({ length: breite }).forEach((_c, i) => {
    const z = kopf.getCell(firstColumn + i);
    z.font = { name: SCHRIFT.name, size: SCHRIFT.groesse, bold: true, color: { argb: argb(COLORS.headerText) } };
    z.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(COLORS.header) } };
    z.alignment = { vertical: 'middle', wrapText: true };
  });
  // Row heights for wrapped text: neither Excel nor LibreOffice fits them when opening a written file.
  daten.forEach((r, j) => {
    let zeilen = 1;
    columns.forEach((c, i) => {
      const v = r[i];
      if (c.wrap && typeof v === 'string') zeilen = Math.max(zeilen, zeilenBedarf(v, c.width));
    });
    if (zeilen > 1) {
      const row = ws.getRow(headerRow + 1 + j);
      row.height = Math.max(row.height ?? 0, zeilen * 15);
    }
  });

  if (spec.key === 'arbeitsplanung') {
    const bereich = `${spaltenBuchstabe(firstColumn)}${headerRow + 1}:${spaltenBuchstabe(firstColumn + columns.length - 1)}${letzte}`;
    ws.addConditionalFormatting({
      ref: bereich,
      rules: artConditionalFills(layout).map((cf, i) => ({
        type: 'expression',
        priority: i + 1,
        formulae: [cf.formula],
        style: {
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cf.fill) }, bgColor: { argb: argb(cf.fill) } },
        },
      })),
    });
  }
}

/**
 * Creates all data sheets of SPEC §2 with their tables, filled with
 * `tabellen` (rows in schema column order, then the values of the table's
 * `zusatz` columns: columns users added, carried on the right).
 */
export function schreibeVorlage(
  wb: ExcelJS.Workbook,
  tabellen: Partial<Record<TableKey, readonly (readonly RawValue[])[]>>,
  zusatz: Partial<Record<TableKey, readonly string[]>> = {},
): void {
  for (const sheet of DATA_SHEETS) {
    if (wb.getWorksheet(sheet.name)) throw new Error(`Das Blatt „${sheet.name}“ existiert bereits.`);
    const ws = wb.addWorksheet(sheet.name, {
      properties: { tabColor: { argb: argb(sheet.tabColor) } },
      views: [{ state: 'frozen', ySplit: sheet.freezeRows, xSplit: 0 }],
    });
    // a table moves right when the user columns of its left neighbour need the room
    let frei = 1;
    for (const t of sheet.tables) {
      const extra = zusatz[t.spec.key] ?? [];
      const lage = t.firstColumn >= frei ? t : { ...t, firstColumn: frei };
      tabelleSchreiben(ws, lage, tabellen[t.spec.key] ?? [], extra);
      frei = lage.firstColumn + t.columns.length + extra.length + 1;
    }
    ws.getRow(1).height = 30;
    seiteEinrichten(ws, sheet.print);
  }
  wb.calcProperties.fullCalcOnLoad = true;
}

function excelStil(s: CellStyle): Partial<ExcelJS.Style> {
  const stil: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = { name: SCHRIFT.name, size: SCHRIFT.groesse };
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontSize) font.size = s.fontSize;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  stil.font = font;
  if (s.fill) stil.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.numberFormat) stil.numFmt = s.numberFormat;
  stil.alignment = { vertical: 'top', wrapText: s.wrap ? true : undefined, horizontal: s.horizontal };
  if (s.border) {
    const line: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: argb(COLORS.rahmen) } };
    stil.border = { top: line, left: line, bottom: line, right: line };
  }
  return stil;
}

/**
 * Merges ranges of a freshly created sheet. exceljs' mergeCells checks each
 * new range against all existing ones (quadratic: 12,000 merges of a large
 * Umsetzungsbericht took 15 s), so overlaps are checked here once by cell
 * occupancy and exceljs sees an empty merge index for each call.
 */
function verbindeZellen(ws: ExcelJS.Worksheet, merges: readonly string[]): void {
  const intern = ws as unknown as { _merges: Record<string, unknown> };
  const belegt = new Set<string>();
  const alle: Record<string, unknown> = { ...intern._merges };
  for (const m of merges) {
    const b = leseAdresse(m);
    if (!b) throw new Error(`Ungültiger Zellbereich „${m}“ im Blattaufbau.`);
    for (let r = b.zeile; r <= letzteZeile(b); r++)
      for (let c = b.spalte; c <= letzteSpalte(b); c++) {
        const k = `${r}:${c}`;
        if (belegt.has(k)) throw new Error(`Überlappende verbundene Zellen „${m}“ im Blattaufbau.`);
        belegt.add(k);
      }
    intern._merges = {};
    ws.mergeCells(m);
    Object.assign(alle, intern._merges);
  }
  intern._merges = alle;
}

/** orderNo after which a computed sheet goes when it is new: behind the data sheets and earlier computed sheets. */
function einfuegePosition(wb: ExcelJS.Workbook, sheet: SheetName): number {
  const vorher = new Set<string>(DATA_SHEETS.map((s) => s.name));
  for (const c of COMPUTED_SHEETS) {
    if (c === sheet) break;
    vorher.add(c);
  }
  let pos = 0;
  for (const ws of wb.worksheets) if (vorher.has(ws.name)) pos = Math.max(pos, blatt(ws).orderNo);
  if (pos === 0) pos = wb.worksheets.reduce((m, ws) => Math.max(m, blatt(ws).orderNo), 0);
  return pos;
}

/** The tool's own sheet under a name of an earlier version (its table is there), if any. */
function fruehererName(wb: ExcelJS.Workbook, grid: Grid): ExcelJS.Worksheet | undefined {
  const frueher = FRUEHERE_BLATTNAMEN[grid.sheet as SheetName];
  const ws = frueher && wb.getWorksheet(frueher.blatt);
  if (!frueher || !ws) return undefined;
  const tabellen = Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {});
  return tabellen.some((t) => t.toLowerCase() === frueher.tabelle.toLowerCase()) ? ws : undefined;
}

/**
 * (Re)creates one computed sheet from a Grid. An existing sheet of that name
 * is replaced at the same position; a new one goes behind the data sheets.
 * Other sheets are not touched.
 */
export function schreibeGrid(wb: ExcelJS.Workbook, grid: Grid): ExcelJS.Worksheet {
  const alt = wb.getWorksheet(grid.sheet) ?? fruehererName(wb, grid);
  let orderNo: number;
  if (alt) {
    orderNo = blatt(alt).orderNo;
    wb.removeWorksheet(alt.id);
  } else {
    orderNo = einfuegePosition(wb, grid.sheet) + 1;
    for (const ws of wb.worksheets) if (blatt(ws).orderNo >= orderNo) blatt(ws).orderNo += 1;
  }
  const ws = wb.addWorksheet(grid.sheet, {
    properties: { tabColor: { argb: argb(grid.tabColor ?? COLORS.tabBerechnet) } },
    views: grid.freezeRows ? [{ state: 'frozen', ySplit: grid.freezeRows, xSplit: 0 }] : [{}],
  });
  blatt(ws).orderNo = orderNo;

  grid.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const stilCache = new Map<string, Partial<ExcelJS.Style>>();
  grid.rows.forEach((row, r) => {
    const wsRow = ws.getRow(r + 1);
    const hoehe = grid.rowHeights?.[r];
    if (hoehe) wsRow.height = hoehe;
    row.forEach((cell, c) => {
      const z = wsRow.getCell(c + 1);
      z.value = zellwert(cell.v);
      if (cell.s) {
        let stil = stilCache.get(cell.s);
        if (!stil) {
          stil = excelStil(STYLES[cell.s]);
          stilCache.set(cell.s, stil);
        }
        z.style = stil;
      }
    });
  });
  verbindeZellen(ws, grid.merges ?? []);
  spaltentitelBenennen(wb, grid);
  // Explicit heights for wrapped rows: LibreOffice does not fit heights of exceljs files.
  const hoehen = (grid as Grid & { rowHeights?: readonly (number | null)[] }).rowHeights ?? [];
  hoehen.forEach((h, i) => {
    if (typeof h === 'number' && h > 0) ws.getRow(i + 1).height = h;
  });

  if (grid.table) {
    const b = leseAdresse(grid.table.range);
    if (b) {
      const header: string[] = [];
      for (let c = b.spalte; c <= letzteSpalte(b); c++) header.push(String(ws.getCell(b.zeile, c).value ?? `Spalte ${c}`));
      const rows: ExcelJS.CellValue[][] = [];
      for (let r = b.zeile + 1; r <= Math.max(letzteZeile(b), b.zeile + 1); r++) {
        const vals: ExcelJS.CellValue[] = [];
        for (let c = b.spalte; c <= letzteSpalte(b); c++) vals.push(ws.getCell(r, c).value);
        rows.push(vals);
      }
      ws.addTable({
        name: grid.table.name,
        ref: a1(b.zeile, b.spalte),
        headerRow: true,
        style: { theme: TABLE_STYLE as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
        columns: header.map((name) => ({ name, filterButton: true })),
        rows,
      });
    }
  }

  if (grid.print) seiteEinrichten(ws, grid.print);
  return ws;
}
