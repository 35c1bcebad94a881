/**
 * Reading the workbook through Office.js. The contract fixes the table
 * names, so one request asks for everything at once: the sheet names, the
 * list of tables, and for each contract table (and the tool's own tables on
 * computed sheets) `tables.getItemOrNullObject(name)` with its header row,
 * data body and the rows just below it; `isNullObject` tells what is
 * missing. One sync — unless the workbook holds tables of other names
 * (their header rows: one sync more) or the response would exceed Excel on
 * the web's 5 MB (then the read goes in stages, data in row blocks:
 * `leseInStufen`).
 *
 * Callers that need more from the workbook (the KPI refresh, the status, the
 * Checkliste/Netzwerk modules) queue their own loads into the same sync via
 * `vorSync1` instead of adding round trips; `vorSync2` / `vorSync3` (loads
 * that need the table list first) make the read go in stages.
 */
import { FENSTER_DARUNTER, zeilenMitDatenDarunter } from '../domain/ausserhalb';
import { COMPUTED_SHEETS, FRUEHERE_BLATTNAMEN, SHEETS, TABLES, TABLE_NAMES, VERLAUF_TABELLE } from '../domain/schema';
import type { RawTable, RawValue, RawWorkbook } from '../domain/model';
import { officeUnterstuetzt, verfuegbar, type IstUnterstuetzt } from './requirements';
import { bereichsAdresse } from '../domain/adresse';

/** Estimated response bytes per cell for values + valueTypes (JSON, short texts). */
export const LESE_BYTES_PRO_ZELLE = 24;
/** Response budget per sync; Excel on the web rejects more than 5 MB. */
export const LESE_STAPEL_BYTES = 4_000_000;
/** Cells per loaded block (one range object each). */
export const LESE_BLOCK_ZELLEN = 40_000;

const SPEC_TABELLEN = new Set<string>(Object.values(TABLE_NAMES).map((n) => n.toLowerCase()));

export function istSpecTabelle(name: string): boolean {
  return SPEC_TABELLEN.has(name.toLowerCase());
}

const BERECHNETE_BLAETTER = new Set<string>([...COMPUTED_SHEETS, ...Object.values(FRUEHERE_BLATTNAMEN).map((f) => f.blatt)]);

/** Default: data of the SPEC tables and of tables on computed sheets, also under an earlier name (e.g. tblVerlauf, whose history a refresh continues). */
export function standardMitDaten(name: string, blatt: string): boolean {
  return istSpecTabelle(name) || BERECHNETE_BLAETTER.has(blatt);
}

export interface LeseOptionen {
  /** which tables get their data rows read (default: standardMitDaten); others come with headers only, rows [] */
  readonly mitDaten?: (tabellenName: string, blatt: string) => boolean;
  /** queue further loads into the first read sync (the only one for a workbook of contract tables) */
  readonly vorSync1?: () => void;
  /** queue further loads into sync 2 (headers); gets the table names found */
  readonly vorSync2?: (gefunden: LeseStand) => void;
  /** queue further loads into the last read sync (values) */
  readonly vorSync3?: (gefunden: LeseStand) => void;
  readonly unterstuetzt?: IstUnterstuetzt;
  /** gets what the read found, with every table's extent, after the last read sync */
  readonly nachLesen?: (gefunden: LeseStand) => void;
}

/** A table's whole range (header, body, totals row), 1-based; its body's row count; whether it shows a totals row. */
export interface TabellenBereich {
  readonly zeile: number;
  readonly spalte: number;
  readonly zeilen: number;
  readonly spalten: number;
  readonly koerperZeilen: number;
  readonly summenzeile: boolean;
}

/** What the read found: for the hooks. */
export interface LeseStand {
  readonly blaetter: readonly string[];
  /** table name → sheet name */
  readonly tabellen: ReadonlyMap<string, string>;
  /** table name → whole range; given to `nachLesen` */
  readonly bereiche?: ReadonlyMap<string, TabellenBereich>;
}

export interface ZeilenBlock {
  readonly start: number;
  readonly anzahl: number;
}

/** Pure: split `zeilen` × `spalten` cells into blocks and read batches. */
export function planeLeseBloecke(zeilen: number, spalten: number, optionen: { blockZellen?: number } = {}): ZeilenBlock[] {
  if (zeilen <= 0 || spalten <= 0) return [];
  const proBlock = Math.max(1, Math.floor((optionen.blockZellen ?? LESE_BLOCK_ZELLEN) / spalten));
  const bloecke: ZeilenBlock[] = [];
  for (let s = 0; s < zeilen; s += proBlock) bloecke.push({ start: s, anzahl: Math.min(proBlock, zeilen - s) });
  return bloecke;
}

/** Convert one loaded cell: error cells to {error}, empty to null; numbers (also date serials) stay numbers. */
export function zellwert(wert: unknown, typ: string | undefined): RawValue {
  if (typ === 'Error') return { error: String(wert) };
  if (typ === 'Empty' || wert === '' || wert === null || wert === undefined) return null;
  if (typeof wert === 'string' || typeof wert === 'number' || typeof wert === 'boolean') return wert;
  return String(wert);
}

/** Drop blank rows at the end (Excel keeps one blank row in an empty table); rows in between keep their place. */
export function ohneLeereEndzeilen(rows: RawValue[][]): RawValue[][] {
  let n = rows.length;
  while (n > 0 && rows[n - 1].every((v) => v === null)) n--;
  return n === rows.length ? rows : rows.slice(0, n);
}

interface TabellenLadung {
  readonly name: string;
  readonly blatt: string;
  /** null: the table's header row is switched off */
  readonly kopf: Excel.Range | null;
  readonly koerper: Excel.Range;
  readonly mitDaten: boolean;
}

interface LeseAuftrag {
  /** index into the table loads */
  readonly tabelle: number;
  /** 0-based first body row and row count */
  readonly start: number;
  readonly anzahl: number;
}

interface BlockLadung {
  readonly start: number;
  readonly range: Excel.Range;
}

const MAX_ZEILE = 1_048_576;

/** 1-based first row below the table's body and how many rows to look at (up to the next table in the same columns). */
function fensterDarunter(l: TabellenLadung, alle: readonly TabellenLadung[]): { zeile: number; anzahl: number } {
  const k = l.koerper;
  const zeile = k.rowIndex + k.rowCount + 1;
  let ende = Math.min(MAX_ZEILE, zeile + FENSTER_DARUNTER - 1);
  for (const o of alle) {
    if (o === l || o.blatt !== l.blatt) continue;
    // the other table's first row: its header row, or its body when the header row is switched off
    const oben = o.kopf ? o.kopf.rowIndex + 1 : o.koerper.rowIndex + 1;
    const ueberlappt = o.koerper.columnIndex <= k.columnIndex + k.columnCount - 1 && o.koerper.columnIndex + o.koerper.columnCount - 1 >= k.columnIndex;
    if (ueberlappt && oben >= zeile) ende = Math.min(ende, oben - 1);
  }
  return { zeile, anzahl: Math.max(0, ende - zeile + 1) };
}

/**
 * Read all worksheet names and tables in stages. Syncs: 2 (no table) or 3,
 * plus one per further LESE_STAPEL_BYTES of data (see bloecke.ts for the
 * trade-off).
 */
async function leseInStufen(context: Excel.RequestContext, optionen: LeseOptionen = {}): Promise<RawWorkbook> {
  const mitDaten = optionen.mitDaten ?? standardMitDaten;
  const blaetter = context.workbook.worksheets;
  blaetter.load('items/name');
  const tabellen = context.workbook.tables;
  // showHeaders first: getHeaderRowRange of a table whose header row is switched off fails the whole batch
  tabellen.load('items/name,items/worksheet/name,items/showHeaders,items/showTotals');
  // workbook.name (ExcelApi 1.7) becomes RawWorkbook.source, for the "computed from" stamp
  const mitName = verfuegbar('dokumentEigenschaften', optionen.unterstuetzt ?? officeUnterstuetzt);
  if (mitName) context.workbook.load('name');
  optionen.vorSync1?.();
  await context.sync();
  const summenzeile = new Map(tabellen.items.map((t) => [t.name, t.showTotals === true]));

  const stand: LeseStand = {
    blaetter: blaetter.items.map((w) => w.name),
    tabellen: new Map(tabellen.items.map((t) => [t.name, t.worksheet.name])),
  };
  const ladungen: TabellenLadung[] = tabellen.items.map((t) => {
    const mitKopf = t.showHeaders !== false;
    const kopf = mitKopf ? t.getHeaderRowRange() : null;
    kopf?.load('values,rowIndex,columnIndex,columnCount');
    const koerper = t.getDataBodyRange();
    koerper.load('rowCount,columnCount,rowIndex,columnIndex');
    // without a header row nothing can be matched by header text: no data (pruefen reports the table)
    return { name: t.name, blatt: t.worksheet.name, kopf, koerper, mitDaten: mitKopf && mitDaten(t.name, t.worksheet.name) };
  });
  optionen.vorSync2?.(stand);
  if (ladungen.length > 0 || optionen.vorSync2) await context.sync();

  // sync 3: values in blocks; batches split only above the payload budget. The budget is an estimate
  // (LESE_BYTES_PRO_ZELLE per cell; long texts make a response several times larger): a batch Excel
  // refuses as too large (ResponsePayloadSizeLimitExceeded) is read again in halves — reads change nothing.
  const auftraege: LeseAuftrag[] = [];
  ladungen.forEach((l, tabelle) => {
    if (!l.mitDaten) return;
    for (const b of planeLeseBloecke(l.koerper.rowCount, l.koerper.columnCount)) auftraege.push({ tabelle, start: b.start, anzahl: b.anzahl });
  });
  const bloeckeJeTabelle: BlockLadung[][] = ladungen.map(() => []);
  // the rows below each contract table, for data typed outside it: small, they ride on the last read request
  const fenster = ladungen.map((l) => (l.mitDaten && istSpecTabelle(l.name) ? fensterDarunter(l, ladungen) : { zeile: 0, anzahl: 0 }));
  const darunterJeTabelle: ({ zeile: number; range: Excel.Range } | null)[] = ladungen.map(() => null);
  const darunterLaden = (): void => {
    ladungen.forEach((l, i) => {
      const f = fenster[i];
      if (f.anzahl === 0) return;
      const range = context.workbook.worksheets
        .getItem(l.blatt)
        .getRange(bereichsAdresse(f.zeile, l.koerper.columnIndex + 1, f.anzahl, l.koerper.columnCount));
      range.load('values');
      darunterJeTabelle[i] = { zeile: f.zeile, range };
    });
  };
  const lesen = async (stapel: readonly LeseAuftrag[], letzter: boolean): Promise<void> => {
    const geladen = stapel.map((a) => {
      const k = ladungen[a.tabelle].koerper;
      const range = context.workbook.worksheets
        .getItem(ladungen[a.tabelle].blatt)
        .getRange(bereichsAdresse(k.rowIndex + 1 + a.start, k.columnIndex + 1, a.anzahl, k.columnCount));
      range.load('values,valueTypes');
      return { a, range };
    });
    // the caller's loads ride on the last read request (queued again if that request is retried)
    if (letzter) {
      darunterLaden();
      optionen.vorSync3?.(stand);
    }
    try {
      await context.sync();
    } catch (e) {
      const code = (e as { code?: unknown } | null)?.code;
      if (code !== 'ResponsePayloadSizeLimitExceeded' || stapel.every((a) => a.anzahl === 1)) throw e;
      const haelften = stapel.flatMap((a) => {
        if (a.anzahl === 1) return [a];
        const h = Math.floor(a.anzahl / 2);
        return [
          { ...a, anzahl: h },
          { ...a, start: a.start + h, anzahl: a.anzahl - h },
        ];
      });
      const mitte = Math.ceil(haelften.length / 2);
      await lesen(haelften.slice(0, mitte), false);
      await lesen(haelften.slice(mitte), letzter);
      return;
    }
    for (const g of geladen) bloeckeJeTabelle[g.a.tabelle].push({ start: g.a.start, range: g.range });
  };
  const stapel: LeseAuftrag[][] = [];
  let stapelBytes = 0;
  for (const a of auftraege) {
    const bytes = a.anzahl * ladungen[a.tabelle].koerper.columnCount * LESE_BYTES_PRO_ZELLE;
    if (stapel.length === 0 || (stapelBytes > 0 && stapelBytes + bytes > LESE_STAPEL_BYTES)) {
      stapel.push([]);
      stapelBytes = 0;
    }
    stapel[stapel.length - 1].push(a);
    stapelBytes += bytes;
  }
  if (stapel.length === 0 && (optionen.vorSync3 || fenster.some((f) => f.anzahl > 0))) stapel.push([]);
  for (const [i, s] of stapel.entries()) await lesen(s, i === stapel.length - 1);
  for (const bl of bloeckeJeTabelle) bl.sort((x, y) => x.start - y.start);

  const tables: RawTable[] = ladungen.map((l, i) => {
    if (!l.kopf) {
      // the row above the body is where the header row belongs
      return { name: l.name, sheet: l.blatt, headerRow: l.koerper.rowIndex, firstColumn: l.koerper.columnIndex + 1, headers: [], rows: [], ohneKopfzeile: true };
    }
    const headers = (l.kopf.values[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h).trim()));
    const rows: RawValue[][] = [];
    for (const b of bloeckeJeTabelle[i]) {
      const werte = b.range.values;
      const typen = b.range.valueTypes;
      for (let r = 0; r < werte.length; r++) rows.push(werte[r].map((v, c) => zellwert(v, typen[r]?.[c])));
    }
    const unten = darunterJeTabelle[i];
    const zeilenDarunter = unten ? zeilenMitDatenDarunter((unten.range.values ?? []).map((r) => r.map((v) => zellwert(v, undefined))), unten.zeile) : [];
    const tabelle: RawTable = {
      name: l.name,
      sheet: l.blatt,
      headerRow: l.kopf.rowIndex + 1,
      firstColumn: l.kopf.columnIndex + 1,
      headers,
      rows: ohneLeereEndzeilen(rows),
    };
    return zeilenDarunter.length > 0 ? { ...tabelle, zeilenDarunter } : tabelle;
  });
  const bereiche = new Map<string, TabellenBereich>(
    ladungen.map((l) => {
      const k = l.koerper;
      const oben = l.kopf ? l.kopf.rowIndex + 1 : k.rowIndex + 1;
      const summe = summenzeile.get(l.name) === true;
      const unten = k.rowIndex + k.rowCount + (summe ? 1 : 0);
      return [l.name, { zeile: oben, spalte: k.columnIndex + 1, zeilen: unten - oben + 1, spalten: k.columnCount, koerperZeilen: k.rowCount, summenzeile: summe }];
    }),
  );
  optionen.nachLesen?.({ ...stand, bereiche });
  const source = mitName && context.workbook.name ? context.workbook.name : undefined;
  return source ? { sheets: stand.blaetter, tables, source } : { sheets: stand.blaetter, tables };
}

/** Tables whose names the contract fixes, with the sheet each belongs on: read by name, in the first sync. */
const BEKANNTE_TABELLEN: readonly { readonly name: string; readonly blatt: string }[] = [
  ...Object.values(TABLES).map((s) => ({ name: s.name, blatt: s.sheet })),
  { name: VERLAUF_TABELLE, blatt: SHEETS.verlauf },
  ...Object.values(FRUEHERE_BLATTNAMEN).map((f) => ({ name: f.tabelle, blatt: f.blatt })),
].filter((t, i, alle) => alle.findIndex((x) => x.name.toLowerCase() === t.name.toLowerCase()) === i);

interface Bereich {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** One table as the read found it. */
interface Gefunden {
  readonly name: string;
  readonly blatt: string;
  /** null: header row switched off */
  readonly kopf: readonly unknown[] | null;
  readonly kopfZeile: number;
  readonly koerper: Bereich;
  readonly summenzeile: boolean;
  readonly werte: readonly (readonly unknown[])[] | null;
  readonly typen: readonly (readonly string[])[] | null;
  /** values of the FENSTER_DARUNTER rows below the body */
  readonly darunter: readonly (readonly unknown[])[] | null;
}

/** The window below a table's body, up to the next table in the same columns (1-based first row, row count). */
function fensterUnter(g: Gefunden, alle: readonly Gefunden[]): { zeile: number; anzahl: number } {
  const k = g.koerper;
  const zeile = k.rowIndex + k.rowCount + 1;
  let ende = Math.min(MAX_ZEILE, zeile + FENSTER_DARUNTER - 1);
  for (const o of alle) {
    if (o === g || o.blatt !== g.blatt) continue;
    const oben = o.kopf ? o.kopfZeile : o.koerper.rowIndex + 1;
    const ueberlappt = o.koerper.columnIndex <= k.columnIndex + k.columnCount - 1 && o.koerper.columnIndex + o.koerper.columnCount - 1 >= k.columnIndex;
    if (ueberlappt && oben >= zeile) ende = Math.min(ende, oben - 1);
  }
  return { zeile, anzahl: Math.max(0, ende - zeile + 1) };
}

function alsRawTable(g: Gefunden, alle: readonly Gefunden[]): RawTable {
  if (!g.kopf) {
    return { name: g.name, sheet: g.blatt, headerRow: g.koerper.rowIndex, firstColumn: g.koerper.columnIndex + 1, headers: [], rows: [], ohneKopfzeile: true };
  }
  const headers = g.kopf.map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const rows: RawValue[][] = (g.werte ?? []).map((r, i) => r.map((v, c) => zellwert(v, g.typen?.[i]?.[c])));
  const tabelle: RawTable = { name: g.name, sheet: g.blatt, headerRow: g.kopfZeile, firstColumn: g.koerper.columnIndex + 1, headers, rows: ohneLeereEndzeilen(rows) };
  if (!g.darunter) return tabelle;
  const f = fensterUnter(g, alle);
  const zeilenDarunter = zeilenMitDatenDarunter(g.darunter.slice(0, f.anzahl).map((r) => r.map((v) => zellwert(v, undefined))), f.zeile);
  return zeilenDarunter.length > 0 ? { ...tabelle, zeilenDarunter } : tabelle;
}

/**
 * The one-request read cannot be answered: the response would exceed 5 MB,
 * or the rows below a table run past the sheet's last row (InvalidArgument).
 * Reading changes nothing, so the staged read can start over.
 */
const inStufenLesen = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'InvalidArgument';
};

/**
 * The read in one sync (see the top of this file); null when the response
 * would be too large for one request (the caller then reads in stages).
 */
async function leseInEinemSync(context: Excel.RequestContext, optionen: LeseOptionen): Promise<RawWorkbook | null> {
  const mitDaten = optionen.mitDaten ?? standardMitDaten;
  const blaetter = context.workbook.worksheets;
  blaetter.load('items/name');
  const tabellen = context.workbook.tables;
  tabellen.load('items/name,items/worksheet/name,items/showHeaders,items/showTotals');
  const mitName = verfuegbar('dokumentEigenschaften', optionen.unterstuetzt ?? officeUnterstuetzt);
  if (mitName) context.workbook.load('name');
  const bekannt = BEKANNTE_TABELLEN.map((b) => {
    const tabelle = tabellen.getItemOrNullObject(b.name);
    // the whole range's first row: the header row, or the first body row when it is switched off
    // (getHeaderRowRange would fail the whole request for such a table)
    const kopf = tabelle.getRange().getRow(0);
    kopf.load('values,rowIndex');
    const daten = mitDaten(b.name, b.blatt);
    const koerper = tabelle.getDataBodyRange();
    koerper.load(daten ? 'values,valueTypes,rowIndex,columnIndex,rowCount,columnCount' : 'rowIndex,columnIndex,rowCount,columnCount');
    // the rows below each contract table, for data typed outside it
    const darunter = daten && istSpecTabelle(b.name) ? koerper.getRowsBelow(FENSTER_DARUNTER) : null;
    darunter?.load('values');
    return { ...b, tabelle, kopf, koerper, daten, darunter };
  });
  optionen.vorSync1?.();
  try {
    await context.sync();
  } catch (e) {
    if (inStufenLesen(e)) return null;
    throw e;
  }

  const stand: LeseStand = {
    blaetter: blaetter.items.map((w) => w.name),
    tabellen: new Map(tabellen.items.map((t) => [t.name, t.worksheet.name])),
  };
  const nachName = new Map(bekannt.map((b) => [b.name.toLowerCase(), b]));
  const gefunden: (Gefunden | null)[] = [];
  const nachzuladen: { index: number; tabelle: Excel.Table; name: string; blatt: string; summenzeile: boolean }[] = [];
  tabellen.items.forEach((t, index) => {
    const b = nachName.get(t.name.toLowerCase());
    const blatt = t.worksheet.name;
    const mitKopf = t.showHeaders !== false;
    const summenzeile = t.showTotals === true;
    // a table of another name, or one whose data the caller wants where it was not expected: one more sync
    if (!b || b.tabelle.isNullObject || (mitKopf && mitDaten(t.name, blatt) && !b.daten)) {
      gefunden.push(null);
      nachzuladen.push({ index, tabelle: t, name: t.name, blatt, summenzeile });
      return;
    }
    const k = b.koerper;
    const daten = mitKopf && mitDaten(t.name, blatt);
    gefunden.push({
      name: t.name,
      blatt,
      kopf: mitKopf ? (b.kopf.values[0] ?? []) : null,
      kopfZeile: b.kopf.rowIndex + 1,
      koerper: { rowIndex: k.rowIndex, columnIndex: k.columnIndex, rowCount: k.rowCount, columnCount: k.columnCount },
      summenzeile,
      werte: daten ? k.values : null,
      typen: daten ? k.valueTypes : null,
      darunter: daten && b.darunter ? b.darunter.values : null,
    });
  });
  if (nachzuladen.length > 0) {
    const ladungen = nachzuladen.map((n) => {
      const mitKopf = n.tabelle.showHeaders !== false;
      const tab = context.workbook.tables.getItem(n.name);
      const kopf = mitKopf ? tab.getHeaderRowRange() : null;
      kopf?.load('values,rowIndex');
      const daten = mitKopf && mitDaten(n.name, n.blatt);
      const koerper = tab.getDataBodyRange();
      koerper.load(daten ? 'values,valueTypes,rowIndex,columnIndex,rowCount,columnCount' : 'rowIndex,columnIndex,rowCount,columnCount');
      const darunter = daten && istSpecTabelle(n.name) ? koerper.getRowsBelow(FENSTER_DARUNTER) : null;
      darunter?.load('values');
      return { ...n, kopf, koerper, daten, darunter };
    });
    try {
      await context.sync();
    } catch (e) {
      if (inStufenLesen(e)) return null;
      throw e;
    }
    for (const l of ladungen) {
      const k = l.koerper;
      gefunden[l.index] = {
        name: l.name,
        blatt: l.blatt,
        kopf: l.kopf ? (l.kopf.values[0] ?? []) : null,
        kopfZeile: l.kopf ? l.kopf.rowIndex + 1 : k.rowIndex,
        koerper: { rowIndex: k.rowIndex, columnIndex: k.columnIndex, rowCount: k.rowCount, columnCount: k.columnCount },
        summenzeile: l.summenzeile,
        werte: l.daten ? k.values : null,
        typen: l.daten ? k.valueTypes : null,
        darunter: l.darunter ? l.darunter.values : null,
      };
    }
  }
  const alle = gefunden as Gefunden[];
  const tables = alle.map((g) => alsRawTable(g, alle));
  const bereiche = new Map<string, TabellenBereich>(
    alle.map((g) => {
      const k = g.koerper;
      const oben = g.kopf ? g.kopfZeile : k.rowIndex + 1;
      const unten = k.rowIndex + k.rowCount + (g.summenzeile ? 1 : 0);
      return [g.name, { zeile: oben, spalte: k.columnIndex + 1, zeilen: unten - oben + 1, spalten: k.columnCount, koerperZeilen: k.rowCount, summenzeile: g.summenzeile }];
    }),
  );
  optionen.nachLesen?.({ ...stand, bereiche });
  const source = mitName && context.workbook.name ? context.workbook.name : undefined;
  return source ? { sheets: stand.blaetter, tables, source } : { sheets: stand.blaetter, tables };
}

/**
 * Read all worksheet names and tables: one sync for a workbook of contract
 * tables (see the top of this file); in stages when a caller needs
 * `vorSync2`/`vorSync3` or the response would exceed one request.
 */
export async function leseTabellen(context: Excel.RequestContext, optionen: LeseOptionen = {}): Promise<RawWorkbook> {
  if (!optionen.vorSync2 && !optionen.vorSync3) {
    const raw = await leseInEinemSync(context, optionen);
    if (raw) return raw;
  }
  return leseInStufen(context, optionen);
}

/** SPEC entry point: every worksheet name and every table; data rows of the SPEC tables and computed-sheet tables. */
export async function leseArbeitsmappe(context: Excel.RequestContext): Promise<RawWorkbook> {
  return leseTabellen(context);
}
