/**
 * Reading the workbook through Office.js in a constant number of syncs:
 *
 *  1. names of all worksheets and tables (+ each table's sheet),
 *  2. per table: header texts and position, data-body size,
 *  3. data values + value types, in row blocks (all in one sync up to
 *     LESE_STAPEL_BYTES of estimated response payload), and the rows just
 *     below each table, for data typed outside it.
 *
 * Callers that need more from the workbook (the KPI refresh, the status, the
 * Checkliste/Netzwerk modules) queue their own loads into the same syncs via
 * the `vorSync1` / `vorSync2` hooks instead of adding round trips.
 */
import { FENSTER_DARUNTER, zeilenMitDatenDarunter } from '../domain/ausserhalb';
import { COMPUTED_SHEETS, FRUEHERE_BLATTNAMEN, TABLE_NAMES } from '../domain/schema';
import type { RawTable, RawValue, RawWorkbook } from '../domain/model';
import { bereichsAdresse } from './adresse';
import { officeUnterstuetzt, verfuegbar, type IstUnterstuetzt } from './requirements';

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
  /** queue further loads into sync 1 (worksheets/tables list) */
  readonly vorSync1?: () => void;
  /** queue further loads into sync 2 (headers); gets the table names found */
  readonly vorSync2?: (gefunden: LeseStand) => void;
  /** queue further loads into the last read sync (values) */
  readonly vorSync3?: (gefunden: LeseStand) => void;
  readonly unterstuetzt?: IstUnterstuetzt;
}

/** What sync 1 found: for the hooks. */
export interface LeseStand {
  readonly blaetter: readonly string[];
  /** table name → sheet name */
  readonly tabellen: ReadonlyMap<string, string>;
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
 * Read all worksheet names and tables. Syncs: 2 (no table) or 3, plus one
 * per further LESE_STAPEL_BYTES of data (see bloecke.ts for the trade-off).
 */
export async function leseTabellen(context: Excel.RequestContext, optionen: LeseOptionen = {}): Promise<RawWorkbook> {
  const mitDaten = optionen.mitDaten ?? standardMitDaten;
  const blaetter = context.workbook.worksheets;
  blaetter.load('items/name');
  const tabellen = context.workbook.tables;
  // showHeaders first: getHeaderRowRange of a table whose header row is switched off fails the whole batch
  tabellen.load('items/name,items/worksheet/name,items/showHeaders');
  // workbook.name (ExcelApi 1.7) becomes RawWorkbook.source, for the "computed from" stamp
  const mitName = verfuegbar('dokumentEigenschaften', optionen.unterstuetzt ?? officeUnterstuetzt);
  if (mitName) context.workbook.load('name');
  optionen.vorSync1?.();
  await context.sync();

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
  const source = mitName && context.workbook.name ? context.workbook.name : undefined;
  return source ? { sheets: stand.blaetter, tables, source } : { sheets: stand.blaetter, tables };
}

/** SPEC entry point: every worksheet name and every table; data rows of the SPEC tables and computed-sheet tables. */
export async function leseArbeitsmappe(context: Excel.RequestContext): Promise<RawWorkbook> {
  return leseTabellen(context);
}
