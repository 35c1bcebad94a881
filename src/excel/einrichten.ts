/**
 * Einrichten: turn the open workbook into the SPEC layout (src/workbook/layout.ts)
 * without deleting or overwriting anything the user typed.
 *
 * - missing sheets and tables are created with the exact names and headers
 *   (tblHandlungsfelder / tblEinstellungen get the template rows, only when
 *   newly created);
 * - missing headers of an existing table are appended as new columns on
 *   the right (tools find columns by header text, so position is free);
 * - a plain range that already carries the right headers is turned into the
 *   table instead of writing a second one next to it;
 * - dropdowns, number formats, wrap, frozen header row, tab colour and the
 *   Maßnahme/Wirkung conditional format are (re)applied; re-applying gives
 *   the same state, and an existing identical CF rule is not added twice.
 *
 * Syncs: 2 (one read, everything asked for by name → write), independent
 * of the number of rows; 3 when the Arbeitsplanung already has custom CF
 * rules (a repeated Einrichten: their formulas are read to add none twice).
 */
import { normalisiert } from '../domain/values';
import { SPALTEN, TABLES, type TableKey } from '../domain/schema';
import type { RawValue } from '../domain/model';
import {
  DATA_SHEETS,
  PREPARED_ROWS,
  TABLE_STYLE,
  artConditionalFills,
  type ColumnLayout,
  type TableLayout,
} from '../workbook/layout';
import { vorlageTabellen } from '../workbook/beispiel';
import { listenFormel, type Gueltigkeit } from '../workbook/gueltigkeit';
import { breiteInPunkten } from './einheiten';
import { alsExcelWert } from './bloecke';
import { officeUnterstuetzt, verfuegbar, type IstUnterstuetzt } from './requirements';
import { seiteEinrichten } from './seitenlayout';
import { freierName, sicherungEinreihen, sicherungsName } from './sicherung';
import { bereichsAdresse, spaltenBuchstabe } from '../domain/adresse';

export interface EinrichtenErgebnis {
  /** German descriptions of what was created; empty when the layout was already complete */
  readonly angelegt: readonly string[];
  /** German notes on what could not be done and why (e.g. occupied cells) */
  readonly hinweise: readonly string[];
  /** hidden backup sheets made before columns were added to filled tables */
  readonly sicherungen: readonly string[];
}

export interface EinrichtenOptionen {
  readonly unterstuetzt?: IstUnterstuetzt;
  /** time for backup sheet names (tests) */
  readonly jetzt?: Date;
}

/** Source of a list dropdown as Office.js expects it: "a,b,c" or "=formula". */
export function dropdownQuelle(formel: string): string {
  // listenFormel gives the OOXML form: "\"a,b\"" for inline lists, INDIRECT(...) for references
  if (formel.startsWith('"') && formel.endsWith('"')) return formel.slice(1, -1);
  return `=${formel}`;
}

interface Bestehend {
  readonly tabelle: Excel.Table;
  /** sheet the table actually stands on (tools find tables by name, wherever they are) */
  readonly blatt: string;
  readonly kopf: Excel.Range;
  readonly koerper: Excel.Range;
  readonly cfs?: Excel.ConditionalFormatCollection;
}

interface Frei {
  readonly block: Excel.Range;
  readonly benutzt: Excel.Range;
}

/** Where each spec column is in a table, after einrichten. */
interface Spaltenlage {
  readonly layout: ColumnLayout;
  /** 1-based worksheet column */
  readonly spalte: number;
  /** column newly created by this run */
  readonly neu: boolean;
}

export async function einrichten(context: Excel.RequestContext, optionen: EinrichtenOptionen = {}): Promise<EinrichtenErgebnis> {
  const unterstuetzt = optionen.unterstuetzt ?? officeUnterstuetzt;
  const angelegt: string[] = [];
  const hinweise: string[] = [];
  const sicherungen: string[] = [];
  const jetzt = optionen.jetzt ?? new Date();
  const vorlage = vorlageTabellen();

  // sync 1, the only read: what exists, asked for by name (the contract fixes sheet and table names)
  const blaetterSammlung = context.workbook.worksheets;
  blaetterSammlung.load('items/name');
  const tabellenSammlung = context.workbook.tables;
  tabellenSammlung.load('items/name,items/worksheet/name,items/showHeaders');
  // workbook structure protection (ExcelApi 1.7) blocks adding and hiding sheets
  const mappenSchutz = unterstuetzt('ExcelApi', '1.7') ? context.workbook.protection : null;
  mappenSchutz?.load('protected');
  const mitCf = verfuegbar('bedingteFormate', unterstuetzt);
  const schutz = DATA_SHEETS.map((sh) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sh.name);
    ws.load('name');
    const p = ws.protection;
    p.load('protected');
    return { blatt: sh.name, ws, p };
  });
  const vorab = new Map<TableKey, { tabelle: Excel.Table; kopf: Excel.Range; koerper: Excel.Range; cfs?: Excel.ConditionalFormatCollection; frei: Frei }>();
  for (const [i, sheet] of DATA_SHEETS.entries()) {
    const ws = schutz[i].ws;
    // the used range, for a table to be made from a list already there (missing table only)
    const benutzt = ws.getUsedRangeOrNullObject(true);
    benutzt.load('rowIndex,rowCount');
    for (const tl of sheet.tables) {
      const tabelle = context.workbook.tables.getItemOrNullObject(tl.spec.name);
      // the whole range's first row (getHeaderRowRange would fail the request for a table whose header row is off)
      const kopf = tabelle.getRange().getRow(0);
      kopf.load('values,rowIndex,columnIndex,columnCount');
      const koerper = tabelle.getDataBodyRange();
      koerper.load('rowCount');
      let cfs: Excel.ConditionalFormatCollection | undefined;
      if (tl.spec.key === 'arbeitsplanung' && mitCf) {
        cfs = koerper.conditionalFormats;
        cfs.load('items/type');
      }
      // where the table belongs: free, or a list to be turned into the table (missing table only)
      const zeilen = 1 + Math.max(1, vorlage[tl.spec.key].length);
      const block = ws.getRange(bereichsAdresse(tl.headerRow, tl.firstColumn, zeilen, tl.columns.length));
      block.load('values');
      vorab.set(tl.spec.key, { tabelle, kopf, koerper, cfs, frei: { block, benutzt } });
    }
  }
  await context.sync();
  const blaetter = new Set(blaetterSammlung.items.map((b) => b.name));
  // Excel compares sheet names case-insensitively: a sheet "ziele" is the sheet Ziele (adding "Ziele" would fail)
  const blattKlein = new Map(blaetterSammlung.items.map((b) => [b.name.toLowerCase(), b.name]));
  const vorhandenesBlatt = (name: string): string | undefined => blattKlein.get(name.toLowerCase());
  const tabellen = new Map(tabellenSammlung.items.map((t) => [t.name.toLowerCase(), t]));
  // a table whose header row is off: its columns cannot be found, and new columns would not help either
  const ohneKopf = DATA_SHEETS.flatMap((s) => s.tables.map((tl) => tl.spec.name)).filter((n) => tabellen.get(n.toLowerCase())?.showHeaders === false);
  if (ohneKopf.length > 0) {
    throw new Error(
      `${ohneKopf.length === 1 ? `Die Tabelle „${ohneKopf[0]}“ hat` : `Die Tabellen ${ohneKopf.map((n) => `„${n}“`).join(', ')} haben`} keine Kopfzeile. Kopfzeile einschalten (Tabellenentwurf › Kopfzeile) und „Einrichten“ erneut ausführen. Es wurde nichts geändert.`,
    );
  }
  const bestehend = new Map<TableKey, Bestehend>();
  const frei = new Map<TableKey, Frei>();
  for (const sheet of DATA_SHEETS) {
    for (const tl of sheet.tables) {
      const v = vorab.get(tl.spec.key);
      const t = tabellen.get(tl.spec.name.toLowerCase());
      if (!v) continue;
      if (t && !v.tabelle.isNullObject) bestehend.set(tl.spec.key, { tabelle: v.tabelle, blatt: t.worksheet.name, kopf: v.kopf, koerper: v.koerper, cfs: v.cfs });
      else if (vorhandenesBlatt(sheet.name) !== undefined) frei.set(tl.spec.key, v.frei);
    }
  }

  // Excel refuses validation, formats, conditional formats and new columns on a protected sheet, and a
  // half-done Einrichten helps no one: check first, name the sheets and the way out, change nothing
  const geschuetzt = schutz.filter((x) => !x.ws.isNullObject && x.p.protected).map((x) => `„${x.blatt}“`);
  if (geschuetzt.length > 0) {
    throw new Error(
      `${geschuetzt.length === 1 ? `Das Blatt ${geschuetzt[0]} ist` : `Die Blätter ${geschuetzt.join(', ')} sind`} geschützt. Bitte den Blattschutz aufheben (Überprüfen › Blattschutz aufheben) und „Einrichten“ erneut ausführen. Es wurde nichts geändert.`,
    );
  }
  const neueBlaetter = DATA_SHEETS.some((sh) => vorhandenesBlatt(sh.name) === undefined);
  const neueSpalten = DATA_SHEETS.some((sh) =>
    sh.tables.some((tl) => {
      const b = bestehend.get(tl.spec.key);
      const h = (b?.kopf.values[0] ?? []).map((x) => normalisiert(String(x ?? '')));
      return b !== undefined && tl.columns.some((c) => !h.includes(normalisiert(c.spec.header)));
    }),
  );
  if (mappenSchutz?.protected && (neueBlaetter || neueSpalten)) {
    throw new Error(
      'Die Arbeitsmappenstruktur ist geschützt, deshalb kann „Einrichten“ keine Blätter (auch keine Sicherung) anlegen. Bitte den Schutz aufheben (Überprüfen › Arbeitsmappe schützen) und „Einrichten“ erneut ausführen. Es wurde nichts geändert.',
    );
  }

  // only when the Arbeitsplanung has custom CF rules already (a repeated Einrichten): their formulas,
  // so the rules are not added twice — one sync more
  const cfRegeln: Excel.ConditionalFormatRule[] = [];
  for (const b of bestehend.values()) {
    for (const cf of b.cfs?.items ?? []) {
      if (cf.type !== 'Custom') continue;
      const regel = cf.custom.rule;
      regel.load('formula');
      cfRegeln.push(regel);
    }
  }
  if (cfRegeln.length > 0) await context.sync();
  const vorhandeneFormeln = new Set(cfRegeln.map((r) => normFormel(r.formula)));

  // the write: one request
  for (const sheet of DATA_SHEETS) {
    let ws: Excel.Worksheet;
    if (vorhandenesBlatt(sheet.name) !== undefined) {
      ws = context.workbook.worksheets.getItem(sheet.name);
    } else {
      ws = context.workbook.worksheets.add(sheet.name);
      angelegt.push(`Blatt „${sheet.name}“`);
      // only on sheets created here: a user's own print settings stay
      if (verfuegbar('seitenlayout', unterstuetzt)) seiteEinrichten(ws, sheet.print);
    }
    if (verfuegbar('blattDarstellung', unterstuetzt)) ws.tabColor = `#${sheet.tabColor}`;
    let kopfZeile = sheet.freezeRows;

    for (const tl of sheet.tables) {
      const key = tl.spec.key;
      const b = bestehend.get(key);
      let lage: Spaltenlage[];
      let kopf: number;
      let datenZeilen: number;
      let ziel = ws;
      if (b) {
        if (b.blatt.toLowerCase() !== sheet.name.toLowerCase()) ziel = context.workbook.worksheets.getItem(b.blatt);
        kopf = b.kopf.rowIndex + 1;
        const first = b.kopf.columnIndex + 1;
        // Excel keeps column names unique regardless of case: "status" is the column Status (adding it would give "Status2")
        const headers = (b.kopf.values[0] ?? []).map((h) => normalisiert(String(h ?? '')));
        let naechste = first + b.kopf.columnCount;
        const fehlen = tl.columns.some((c) => !headers.includes(normalisiert(c.spec.header)));
        if (fehlen && verfuegbar('sicherungKopieren', unterstuetzt)) {
          // the table's structure changes: keep a copy first (issue: backup before bulk changes)
          const name = freierName(sicherungsName(jetzt), new Set([...blaetter, ...sicherungen]));
          sicherungEinreihen(context, b.tabelle.getRange(), tl.spec.name, name, jetzt);
          sicherungen.push(name);
        }
        lage = tl.columns.map((c) => {
          const i = headers.indexOf(normalisiert(c.spec.header));
          if (i >= 0) return { layout: c, spalte: first + i, neu: false };
          b.tabelle.columns.add(null as unknown as number, undefined, c.spec.header);
          angelegt.push(`Spalte „${c.spec.header}“ in ${tl.spec.name}`);
          return { layout: c, spalte: naechste++, neu: true };
        });
        datenZeilen = b.koerper.rowCount;
      } else {
        const f = frei.get(key);
        const neu = f ? tabelleAusFreiemBereich(ws, tl, f, vorlage[key], hinweise) : tabelleAnlegen(ws, tl, vorlage[key]);
        if (!neu) continue;
        angelegt.push(`Tabelle ${tl.spec.name} (Blatt ${sheet.name})`);
        kopf = tl.headerRow;
        lage = tl.columns.map((c, i) => ({ layout: c, spalte: tl.firstColumn + i, neu: true }));
        datenZeilen = neu.datenZeilen;
      }
      if (tl === sheet.tables[0] && ziel === ws) kopfZeile = kopf;
      // the table's own rows only: Excel carries a column's validation and formats into new table rows,
      // and validation below a table is a known cause of co-authoring conflicts
      const letzteZeile = kopf + Math.max(1, datenZeilen);
      spaltenFormatieren(ziel, lage, kopf, letzteZeile, unterstuetzt);
      // earlier versions put dropdowns on PREPARED_ROWS rows below a table: remove those (one call per table)
      if (b && letzteZeile < kopf + PREPARED_ROWS && verfuegbar('dropdowns', unterstuetzt)) {
        const spalten = lage.map((l) => l.spalte);
        ziel.getRange(bereichsAdresse(letzteZeile + 1, Math.min(...spalten), kopf + PREPARED_ROWS - letzteZeile, Math.max(...spalten) - Math.min(...spalten) + 1)).dataValidation.clear();
      }
      if (key === 'arbeitsplanung' && mitCf) {
        const neueRegeln = artFormatieren(ziel, lage, kopf, letzteZeile, vorhandeneFormeln);
        if (neueRegeln > 0) angelegt.push('Farbmarkierung Maßnahme/Wirkung (bedingte Formatierung)');
      }
    }
    if (verfuegbar('blattDarstellung', unterstuetzt) && kopfZeile > 0) ws.freezePanes.freezeRows(kopfZeile);
  }
  await context.sync();
  return { angelegt, hinweise, sicherungen };
}

function normFormel(f: string): string {
  return f.replace(/\s+/g, '').replace(/^=/, '').toLowerCase();
}

/** Header + template rows as written into a new table. */
function tabellenWerte(tl: TableLayout, zeilen: readonly (readonly RawValue[])[]): (string | number | boolean)[][] {
  const kopf = tl.columns.map((c) => c.spec.header);
  const daten = zeilen.map((r) =>
    tl.columns.map((_, i) => {
      const v = r[i];
      if (v === null || v === undefined || typeof v === 'object') return v instanceof Date ? alsExcelWert(v) : '';
      return alsExcelWert(v);
    }),
  );
  // a table needs at least one data row; Excel would add an empty one anyway
  if (daten.length === 0) daten.push(kopf.map(() => ''));
  return [kopf, ...daten];
}

function tabelleAnlegen(ws: Excel.Worksheet, tl: TableLayout, zeilen: readonly (readonly RawValue[])[]): { datenZeilen: number } {
  const werte = tabellenWerte(tl, zeilen);
  const adresse = bereichsAdresse(tl.headerRow, tl.firstColumn, werte.length, tl.columns.length);
  // values first, then the table over them: no rows.add (co-authoring friendly, one call)
  ws.getRange(adresse).values = werte;
  const t = ws.tables.add(ws.getRange(adresse), true);
  t.name = tl.spec.name;
  t.style = TABLE_STYLE;
  tl.columns.forEach((c, i) => {
    const buchstabe = spaltenBuchstabe(tl.firstColumn + i);
    ws.getRange(`${buchstabe}:${buchstabe}`).format.columnWidth = breiteInPunkten(c.width);
  });
  return { datenZeilen: werte.length - 1 };
}

/**
 * The sheet exists but the table does not. Create it only where it cannot
 * overwrite anything: an empty target block, or a plain range whose header
 * row already has exactly the SPEC headers (that range becomes the table).
 */
function tabelleAusFreiemBereich(
  ws: Excel.Worksheet,
  tl: TableLayout,
  f: Frei,
  zeilen: readonly (readonly RawValue[])[],
  hinweise: string[],
): { datenZeilen: number } | null {
  const werte = f.block.values;
  const leer = werte.every((r) => r.every((v) => v === '' || v === null));
  if (leer) return tabelleAnlegen(ws, tl, zeilen);
  const kopf = (werte[0] ?? []).map((v) => String(v ?? '').trim());
  const passt = tl.columns.every((c, i) => normalisiert(kopf[i] ?? '') === normalisiert(c.spec.header));
  const bereich = bereichsAdresse(tl.headerRow, tl.firstColumn, 1, tl.columns.length);
  if (passt) {
    const letzte = f.benutzt.isNullObject ? tl.headerRow + 1 : Math.max(tl.headerRow + 1, f.benutzt.rowIndex + f.benutzt.rowCount);
    const adresse = bereichsAdresse(tl.headerRow, tl.firstColumn, letzte - tl.headerRow + 1, tl.columns.length);
    const t = ws.tables.add(ws.getRange(adresse), true);
    t.name = tl.spec.name;
    t.style = TABLE_STYLE;
    return { datenZeilen: letzte - tl.headerRow };
  }
  hinweise.push(
    `Blatt „${TABLES[tl.spec.key].sheet}“, Bereich ${bereich}: Die Zellen sind schon belegt, deshalb wurde die Tabelle ${tl.spec.name} nicht angelegt. ` +
      `Bitte den Bereich frei machen oder die vorhandene Liste in eine Tabelle namens ${tl.spec.name} umwandeln und „Einrichten“ erneut ausführen.`,
  );
  return null;
}

const HORIZONTAL: Readonly<Record<NonNullable<ColumnLayout['horizontal']>, Excel.HorizontalAlignment>> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};

/** Number formats, wrap, alignment, widths of new columns and dropdowns of the data area (incl. prepared rows). */
function spaltenFormatieren(ws: Excel.Worksheet, lage: readonly Spaltenlage[], kopf: number, letzteZeile: number, unterstuetzt: IstUnterstuetzt): void {
  const n = letzteZeile - kopf;
  for (const l of lage) {
    const buchstabe = spaltenBuchstabe(l.spalte);
    const daten = ws.getRange(`${buchstabe}${kopf + 1}:${buchstabe}${letzteZeile}`);
    if (l.layout.numberFormat) daten.numberFormat = Array.from({ length: n }, () => [l.layout.numberFormat as string]);
    if (l.layout.wrap) daten.format.wrapText = true;
    if (l.layout.horizontal) daten.format.horizontalAlignment = HORIZONTAL[l.layout.horizontal];
    if (l.neu) ws.getRange(`${buchstabe}:${buchstabe}`).format.columnWidth = breiteInPunkten(l.layout.width);
    const g = l.layout.gueltigkeit;
    if (g && verfuegbar('dropdowns', unterstuetzt)) {
      // clear first: setting a rule over an existing one is not allowed, and this keeps re-runs identical
      daten.dataValidation.clear();
      daten.dataValidation.rule = regelAlsOffice(g.regel);
      daten.dataValidation.errorAlert = {
        showAlert: true,
        style: (g.fehler.stil === 'stopp' ? 'Stop' : 'Warning') as Excel.DataValidationAlertStyle,
        title: g.fehler.titel,
        message: g.fehler.meldung,
      };
      daten.dataValidation.prompt = { showPrompt: true, title: g.eingabe.titel, message: g.eingabe.meldung };
    }
  }
}

/** A validation rule of the layout in Office.js' terms. */
function regelAlsOffice(regel: Gueltigkeit['regel']): Excel.DataValidationRule {
  const operator = 'Between' as Excel.DataValidationOperator;
  switch (regel.art) {
    case 'liste':
    case 'verweis':
      return { list: { inCellDropDown: true, source: dropdownQuelle(listenFormel(regel)) } };
    case 'datum':
      return { date: { formula1: regel.von, formula2: regel.bis, operator } };
    case 'ganzzahl':
      return { wholeNumber: { formula1: regel.von, formula2: regel.bis, operator } };
    case 'zahl':
      return { decimal: { formula1: regel.von, formula2: regel.bis, operator } };
  }
}

/** Maßnahme/Wirkung fills on whole Arbeitsplanung rows; returns how many rules were added. */
function artFormatieren(ws: Excel.Worksheet, lage: readonly Spaltenlage[], kopf: number, letzteZeile: number, vorhanden: Set<string>): number {
  const spalten = lage.map((l) => l.spalte);
  const erste = Math.min(...spalten);
  const letzte = Math.max(...spalten);
  // a layout view with the actual header row and column positions, so the formula follows the real Art column
  const art = lage.find((l) => l.layout.spec.header === SPALTEN.arbeitsplanung.art);
  if (!art) return 0;
  const sicht: TableLayout = {
    spec: TABLES.arbeitsplanung,
    headerRow: kopf,
    firstColumn: art.spalte,
    columns: [art.layout],
  };
  const bereich = ws.getRange(`${spaltenBuchstabe(erste)}${kopf + 1}:${spaltenBuchstabe(letzte)}${letzteZeile}`);
  let neu = 0;
  for (const regel of artConditionalFills(sicht)) {
    if (vorhanden.has(normFormel(regel.formula))) continue;
    const cf = bereich.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = `=${regel.formula}`;
    cf.custom.format.fill.color = `#${regel.fill}`;
    neu++;
  }
  return neu;
}
