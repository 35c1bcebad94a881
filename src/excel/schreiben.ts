/**
 * Rendering computed sheets (KPI Übersicht, KPI Handlungsziele,
 * Umsetzungsbericht, Verlauf) from their Grid description in place:
 *
 * - the worksheet keeps its identity (never deleted, co-authoring friendly):
 *   its content and formats are cleared and rewritten;
 * - the value matrix (only the used width and height) goes out as one
 *   `range.values` assignment (or a few row blocks when it is large, see
 *   bloecke.ts); number formats only where they are not General, one range
 *   per rectangle of such cells (the sheet was cleared, so General is
 *   already there);
 * - visual formats property by property, one range per rectangle of cells
 *   sharing the value (no address lists: their separator differs between
 *   German desktop Excel and the web); column widths one range per run of
 *   equal widths; merges of consecutive rows with the same columns with one
 *   `merge(true)` (merge across) each;
 * - every queued call goes through one request budget (`Anfrage`) shared
 *   by all grids of the action, so no request exceeds ~4 MB;
 * - charts are created once by name and afterwards only get new source data;
 * - the sheet is protected against typing (format columns/rows stay allowed).
 *
 * Syncs: `schreibeGrids` needs 3 (list sheets/tables, load protection and
 * charts of existing sheets, write). The KPI refresh folds the first two into
 * its read syncs through `GridSchreiber.vorbereiten`.
 */
import { STYLES } from '../workbook/styles';
import { spaltentitel, spaltentitelPraefix } from '../workbook/spaltentitel';
import { SCHRIFT } from '../workbook/layout';
import { FRUEHERE_BLATTNAMEN, type SheetName } from '../domain/schema';
import type { ChartSpec, Grid, GridValue } from '../workbook/grid';
import { breiteInPunkten } from './einheiten';
import { seiteEinrichten, seitenAufrufe } from './seitenlayout';
import { Anfrage, schreibeWerteInBloecke, zeilenBytes, type Block } from './bloecke';
import {
  breitenLaeufe,
  formatAnwenden,
  formatAufrufe,
  formatWeg,
  MARKE_RAHMEN,
  ohneRahmen,
  hoehenRechtecke,
  optikAufrufe,
  optikRechtecke,
  optikSetzen,
  stilMarken,
  verbundLaeufe,
  zahlenformatBloecke,
} from './formate';
import { officeUnterstuetzt, verfuegbar, type IstUnterstuetzt } from './requirements';
import type { LeseStand } from './lesen';
import { bereichsAdresse, blattImBezug, letzteSpalte, letzteZeile, parseAdresse, rechteckAdresse, type Bereich } from '../domain/adresse';

export const STANDARD_ZAHLENFORMAT = 'General';
export const TABELLEN_STIL_BERECHNET = 'TableStyleLight9';

/** Options for protecting computed sheets: no typing, but widths/heights, filters and sorting stay usable. */
export const SCHUTZ_OPTIONEN: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
};

const DIAGRAMMTYP: Readonly<Record<ChartSpec['type'], string>> = {
  bar: 'BarClustered',
  stackedBar: 'BarStacked',
  line: 'Line',
};

export interface GridSchreibOptionen {
  readonly unterstuetzt?: IstUnterstuetzt;
  /**
   * Suspend Excel's calculation while writing (ExcelApi 1.6). Off by default:
   * computed sheets hold values only, so there is little to gain, and Excel
   * leaves recalculation of formulas that refer to them (e.g. a user's own
   * summary sheet) to the caller after a suspended batch.
   */
  readonly berechnungAussetzen?: boolean;
  /** payload limits, for tests of the chunking */
  readonly maxBlockBytes?: number;
  readonly maxStapelBytes?: number;
}

interface BlattZustand {
  readonly blatt: Excel.Worksheet;
  readonly schutz: Excel.WorksheetProtection;
  readonly diagramme: Excel.ChartCollection;
  /** tables on the sheet (e.g. tblVerlauf) with their whole range (known after the sync): their cells are never cleared wholesale */
  readonly tabellen: { readonly name: string; readonly bereich: () => Bereich }[];
  /** the tool's own sheet under an earlier name: renamed in the write phase */
  readonly umbenennen?: boolean;
}

const MAX_ZEILE = 1048576;
const MAX_SPALTE = 16384;

/**
 * The sheet minus some rectangles, as few rectangles (pure). Used to clear a
 * computed sheet around its tables: clearing a range that holds a whole
 * table can remove the table itself (and break references to it).
 */
export function ausserhalb(ausnahmen: readonly Bereich[], grenzeZ = MAX_ZEILE, grenzeS = MAX_SPALTE): Bereich[] {
  if (ausnahmen.length === 0) return [{ zeile: 1, spalte: 1, zeilen: grenzeZ, spalten: grenzeS }];
  const zs = [...new Set([1, grenzeZ + 1, ...ausnahmen.flatMap((a) => [a.zeile, letzteZeile(a) + 1])])].sort((a, b) => a - b);
  const ss = [...new Set([1, grenzeS + 1, ...ausnahmen.flatMap((a) => [a.spalte, letzteSpalte(a) + 1])])].sort((a, b) => a - b);
  const frei = (z: number, s: number): boolean =>
    !ausnahmen.some((a) => z >= a.zeile && z <= letzteZeile(a) && s >= a.spalte && s <= letzteSpalte(a));
  const out: Bereich[] = [];
  for (let i = 0; i < zs.length - 1; i++) {
    let start = -1;
    for (let j = 0; j <= ss.length - 1; j++) {
      const ok = j < ss.length - 1 && frei(zs[i], ss[j]);
      if (ok && start < 0) start = j;
      if (!ok && start >= 0) {
        out.push({ zeile: zs[i], spalte: ss[start], zeilen: zs[i + 1] - zs[i], spalten: ss[j] - ss[start] });
        start = -1;
      }
    }
  }
  return out;
}

/** Excel compares sheet names case-insensitively: an existing "kpi übersicht" is the sheet (adding "KPI Übersicht" would fail). */
function blattDa(stand: LeseStand, name: string): boolean {
  return stand.blaetter.some((b) => b.toLowerCase() === name.toLowerCase());
}

/** An earlier name of the sheet, if the workbook has the tool's own sheet under it (its table is there). */
function fruehererBlattName(stand: LeseStand, name: string): string | undefined {
  const frueher = FRUEHERE_BLATTNAMEN[name as SheetName];
  if (!frueher) return undefined;
  const gleich = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const eigene = [...stand.tabellen].some(([t, b]) => gleich(t, frueher.tabelle) && gleich(b, frueher.blatt));
  return eigene ? frueher.blatt : undefined;
}

export interface GridErgebnis {
  readonly blatt: string;
  readonly neuesBlatt: boolean;
  readonly bloecke: readonly Block[];
  readonly diagrammeNeu: readonly string[];
  readonly diagrammeAktualisiert: readonly string[];
}

/**
 * The values to send: rectangular, cut to the used width and height (plus
 * the grid's table, whose cells are not cleared beforehand). Pure.
 */
export function gridWerte(grid: Grid): { werte: GridValue[][]; spalten: number } {
  let spalten = 0;
  let zeilen = 0;
  grid.rows.forEach((row, z) => {
    let w = row.length;
    while (w > 0 && (row[w - 1]?.v ?? null) === null) w--;
    if (w > 0) zeilen = z + 1;
    spalten = Math.max(spalten, w);
  });
  if (grid.table) {
    const t = parseAdresse(grid.table.range);
    spalten = Math.max(spalten, t.spalte + t.spalten - 1);
    zeilen = Math.max(zeilen, Math.min(grid.rows.length, t.zeile + t.zeilen - 1));
  }
  const werte = grid.rows.slice(0, zeilen).map((row) => Array.from({ length: spalten }, (_, c): GridValue => row[c]?.v ?? null));
  return { werte, spalten };
}

/** Value matrix and number-format matrix of a grid, rectangular. Pure. */
export function gridMatrizen(grid: Grid): { werte: GridValue[][]; formate: string[][]; spalten: number } {
  const spalten = Math.max(grid.columnWidths.length, ...grid.rows.map((r) => r.length), 1);
  const werte: GridValue[][] = [];
  const formate: string[][] = [];
  for (const row of grid.rows) {
    const w: GridValue[] = new Array(spalten).fill(null);
    const f: string[] = new Array(spalten).fill(STANDARD_ZAHLENFORMAT);
    row.forEach((cell, c) => {
      w[c] = cell?.v ?? null;
      const nf = cell?.s ? STYLES[cell.s]?.numberFormat : undefined;
      if (nf) f[c] = nf;
    });
    werte.push(w);
    formate.push(f);
  }
  return { werte, formate, spalten };
}

/** A name's reference reduced for comparison: „='KPI Übersicht'!$A$5“ and „KPI Übersicht!A5“ alike. Pure. */
export function bezugSchluessel(formel: string): string {
  return formel.replace(/^=/, '').replace(/'/g, '').replace(/\$/g, '').toLowerCase();
}

/** Office error codes an unprotect() without the sheet's password is reported with. */
const SCHUTZ_CODES = new Set(['AccessDenied', 'InvalidArgument', 'InvalidOperation', 'InvalidPassword']);

/** The German error for a failed batch that unprotected `blaetter`, or null when the failure is something else. */
export function kennwortFehler(e: unknown, blaetter: readonly string[]): Error | null {
  if (blaetter.length === 0 || typeof e !== 'object' || e === null) return null;
  const o = e as { code?: unknown; debugInfo?: { errorLocation?: unknown } };
  const ort = typeof o.debugInfo?.errorLocation === 'string' ? o.debugInfo.errorLocation : '';
  if (!/protect/i.test(ort) && !(typeof o.code === 'string' && SCHUTZ_CODES.has(o.code))) return null;
  const namen = [...new Set(blaetter)].map((b) => `„${b}“`);
  const wer = namen.length === 1 ? `Blatt ${namen[0]} ist` : `Eines der Blätter ${namen.join(', ')} ist`;
  return new Error(
    `${wer} mit Kennwort geschützt. Bitte den Blattschutz aufheben (Überprüfen › Blattschutz aufheben) und erneut aktualisieren.`,
  );
}

/**
 * Two-phase writer so callers can fold its loads into their own syncs:
 * `vorbereiten(stand)` before a sync (needs the sheet names of a previous
 * sync), then `schreiben()` queues all writes for the caller's final sync.
 */
export class GridSchreiber {
  private readonly zustand = new Map<string, BlattZustand>();
  private stand: LeseStand | null = null;
  private readonly unterstuetzt: IstUnterstuetzt;
  private anfrage: Anfrage | null = null;
  /** sheets the user had protected, unprotected (without password) in this batch */
  private readonly entsperrt: string[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly optionen: GridSchreibOptionen = {},
  ) {
    this.unterstuetzt = optionen.unterstuetzt ?? officeUnterstuetzt;
  }

  /** Queue loads for the existing ones of the target sheets (protection state, chart names). */
  vorbereiten(stand: LeseStand, blaetter: readonly string[]): void {
    this.stand = stand;
    this.namenLaden();
    for (const name of blaetter) {
      if (this.zustand.has(name)) continue;
      const quelle = blattDa(stand, name) ? name : fruehererBlattName(stand, name);
      if (!quelle) continue;
      const blatt = this.context.workbook.worksheets.getItem(quelle);
      const schutz = blatt.protection;
      schutz.load('protected');
      const diagramme = blatt.charts;
      diagramme.load('items/name');
      const tabellen = [...stand.tabellen]
        .filter(([, b]) => b.toLowerCase() === quelle.toLowerCase())
        .map(([t]) => {
          const bereich = this.context.workbook.tables.getItem(t).getRange();
          bereich.load('rowIndex,columnIndex,rowCount,columnCount');
          return { name: t, bereich: () => tabellenRechteck(bereich) };
        });
      this.zustand.set(name, { blatt, schutz, diagramme, tabellen, umbenennen: quelle !== name });
    }
  }

  /** the workbook's defined names, loaded with the read, to replace a sheet's header names */
  private namen: Excel.NamedItemCollection | null = null;

  private namenLaden(): void {
    if (this.namen || !verfuegbar('namen', this.unterstuetzt)) return;
    this.namen = this.context.workbook.names;
    this.namen.load('items/name,items/formula');
  }

  /**
   * Header names for screen readers (see spaltentitel.ts). A name that
   * already points at its cell stays (a refresh of an unchanged layout costs
   * no call); the others are replaced, the surplus ones of the sheet's
   * previous version removed.
   */
  private async spaltentitelBenennen(grid: Grid, blatt: Excel.Worksheet, platz: (daten: number, aufrufe?: number) => Promise<void>): Promise<void> {
    const namen = this.namen;
    if (!namen) return;
    const praefix = spaltentitelPraefix(grid.sheet).toLowerCase();
    const bezug = (zelle: string): string => `=${blattImBezug(grid.sheet)}!${zelle.replace(/([A-Z]+)(\d+)/, '$$$1$$$2')}`;
    const verschiebbar = verfuegbar('namenVerschieben', this.unterstuetzt);
    const neu = new Map(spaltentitel(grid).map((t) => [t.name.toLowerCase(), t]));
    const erledigt = new Set<string>();
    for (const n of namen.items) {
      const schluessel = n.name.toLowerCase();
      if (!schluessel.startsWith(praefix)) continue;
      const t = neu.get(schluessel);
      if (t && bezugSchluessel(String(n.formula)) === bezugSchluessel(bezug(t.zelle))) {
        erledigt.add(schluessel);
        continue;
      }
      await platz(0, 2);
      if (t && verschiebbar) {
        // the layout moved (a Maßnahme more above): one call per name instead of delete and add
        this.context.workbook.names.getItem(n.name).formula = bezug(t.zelle);
        erledigt.add(schluessel);
      } else this.context.workbook.names.getItem(n.name).delete();
    }
    for (const [schluessel, t] of neu) {
      if (erledigt.has(schluessel)) continue;
      await platz(0, 2);
      this.context.workbook.names.add(t.name, blatt.getRange(t.zelle));
    }
  }

  private vorabGeladen = new Map<string, { blatt: Excel.Worksheet; schutz: Excel.WorksheetProtection; diagramme: Excel.ChartCollection }>();

  /**
   * The same loads as `vorbereiten`, queued before the caller's read sync,
   * without knowing which sheets exist: every target sheet (and its earlier
   * name) by name (getItemOrNullObject). Then `nachLesen` with what the read
   * found.
   */
  vorab(blaetter: readonly string[]): void {
    this.vorabGeladen.clear();
    this.namenLaden();
    const namen = blaetter.flatMap((n) => [n, FRUEHERE_BLATTNAMEN[n as SheetName]?.blatt]).filter((n): n is string => n !== undefined);
    for (const n of namen) {
      const blatt = this.context.workbook.worksheets.getItemOrNullObject(n);
      blatt.load('name');
      const schutz = blatt.protection;
      schutz.load('protected');
      const diagramme = blatt.charts;
      diagramme.load('items/name');
      this.vorabGeladen.set(n.toLowerCase(), { blatt, schutz, diagramme });
    }
  }

  /** After the read sync that carried `vorab`: the target sheets that exist, with the tables on them. */
  nachLesen(stand: LeseStand, blaetter: readonly string[]): void {
    this.stand = stand;
    for (const name of blaetter) {
      if (this.zustand.has(name)) continue;
      const quelle = blattDa(stand, name) ? name : fruehererBlattName(stand, name);
      const geladen = quelle ? this.vorabGeladen.get(quelle.toLowerCase()) : undefined;
      if (!quelle || !geladen || geladen.blatt.isNullObject) continue;
      const tabellen = [...stand.tabellen]
        .filter(([, b]) => b.toLowerCase() === quelle.toLowerCase())
        .map(([t]) => {
          const b = stand.bereiche?.get(t);
          if (!b) throw new Error(`Der Bereich der Tabelle ${t} wurde nicht gelesen.`);
          const r: Bereich = { zeile: b.zeile, spalte: b.spalte, zeilen: b.zeilen, spalten: b.spalten };
          return { name: t, bereich: () => r };
        });
      this.zustand.set(name, { ...geladen, tabellen, umbenennen: quelle !== name });
    }
  }

  /**
   * Runs the caller's write phase (schreiben + final sync). If it fails while
   * a sheet protected by the user was being unprotected, the cause is almost
   * surely a protection password (unprotect() without one fails; Office.js
   * cannot tell beforehand outside Excel on the web): the raw Office error
   * becomes a German message naming the sheet and the fix. No extra syncs.
   */
  async mitSchutzHinweis<T>(schreibphase: () => Promise<T>): Promise<T> {
    try {
      return await schreibphase();
    } catch (e) {
      throw kennwortFehler(e, this.entsperrt) ?? e;
    }
  }

  /** Syncs the writer made between requests (0 unless the writes exceed ~4 MB). */
  get zusaetzlicheSyncs(): number {
    return this.anfrage?.zusaetzlicheSyncs ?? 0;
  }

  /** Estimated size of the largest request the writer queued (bytes). */
  get groessteAnfrage(): number {
    return this.anfrage?.groessteAnfrage ?? 0;
  }

  /**
   * Queue all writes (after the sync that followed `vorbereiten`); syncs
   * only between requests when everything together exceeds ~4 MB.
   * `schonBelegt`: bytes the caller already queued into the current request.
   */
  async schreiben(grids: readonly Grid[], schonBelegt = 0): Promise<GridErgebnis[]> {
    const stand = this.stand;
    if (!stand) throw new Error('GridSchreiber.vorbereiten wurde nicht aufgerufen.');
    for (const g of grids) {
      if (blattDa(stand, g.sheet) && !this.zustand.has(g.sheet)) {
        throw new Error(`Blatt „${g.sheet}“ wurde vor dem Schreiben nicht vorbereitet.`);
      }
    }
    const ctx = this.context;
    this.anfrage = new Anfrage(() => ctx.sync(), this.optionen.maxStapelBytes, schonBelegt);
    const app = this.context.workbook.application;
    if (this.optionen.berechnungAussetzen && verfuegbar('berechnungAussetzen', this.unterstuetzt))
      app.suspendApiCalculationUntilNextSync();
    if (verfuegbar('bildschirmAussetzen', this.unterstuetzt)) app.suspendScreenUpdatingUntilNextSync();
    const ergebnisse: GridErgebnis[] = [];
    for (const g of grids) ergebnisse.push(await this.schreibeEines(g, this.anfrage));
    return ergebnisse;
  }

  /** Number formats, values, font and visual formats, one range per rectangle of cells sharing a property. */
  private async formateUeberRechtecke(grid: Grid, blatt: Excel.Worksheet, a: Anfrage): Promise<Block[]> {
    const platz = (daten: number, aufrufe = 1): Promise<void> => a.platz(daten, aufrufe);
    await this.zahlenformateSetzen(grid, blatt, a);

    const { werte, spalten } = gridWerte(grid);
    const bloecke = await schreibeWerteInBloecke({
      ziel: (start, anzahl) => blatt.getRange(bereichsAdresse(start + 1, 1, anzahl, spalten)),
      werte,
      sync: () => this.context.sync(),
      anfrage: a,
      maxBlockBytes: this.optionen.maxBlockBytes,
      maxStapelBytes: this.optionen.maxStapelBytes,
    });

    await this.schriftSetzen(grid, spalten, blatt, a);

    // visual formats property by property, one range per rectangle of cells sharing the value (a whole
    // bordered block is one range, whatever styles its cells have). No RangeAreas: the separator of
    // getRanges' address list depends on the host (";" in German desktop Excel, "," on the web).
    for (const { eigenschaft, wert, rechtecke } of optikRechtecke(grid)) {
      for (const r of rechtecke) {
        await platz(0, optikAufrufe(eigenschaft) + 1);
        optikSetzen(blatt.getRange(rechteckAdresse(r)).format, eigenschaft, wert);
      }
    }
    return bloecke;
  }

  /**
   * The same through style markers (see formate.ts): markers, font, one
   * search and one set of properties per style, then values and number
   * formats over the markers. The sheet was just cleared or created and
   * holds no table, so the search finds nothing but the markers.
   */
  private async formateUeberMarken(grid: Grid, blatt: Excel.Worksheet, a: Anfrage): Promise<Block[]> {
    await this.zahlenformateSetzen(grid, blatt, a);
    const m = stilMarken(grid);
    const werteFuer = (start: number, anzahl: number, breite: number): Excel.Range => blatt.getRange(bereichsAdresse(start + 1, 1, anzahl, breite));
    const optionen = { sync: async (): Promise<void> => { await this.context.sync(); }, anfrage: a, maxBlockBytes: this.optionen.maxBlockBytes, maxStapelBytes: this.optionen.maxStapelBytes };
    await schreibeWerteInBloecke({ ...optionen, ziel: (start, anzahl) => werteFuer(start, anzahl, m.spalten), werte: m.marken });

    const { werte, spalten: wertSpalten } = gridWerte(grid);
    const spalten = Math.max(wertSpalten, m.spalten);
    await this.schriftSetzen(grid, spalten, blatt, a);
    if (m.rahmen) {
      await a.platz(0, 1 + formatAufrufe({ border: true }));
      formatAnwenden(blatt.findAll(MARKE_RAHMEN, { completeMatch: false, matchCase: true }).format, { border: true });
    }
    for (const { stil, marke } of m.stile) {
      const rest = ohneRahmen(STYLES[stil]);
      if (formatAufrufe(rest) === 0) continue;
      await a.platz(0, 1 + formatAufrufe(rest));
      formatAnwenden(blatt.findAll(marke, { completeMatch: true, matchCase: true }).format, rest);
    }

    // the values cover every marker (styled empty cells get '')
    const zeilen = Math.max(werte.length, m.zeilen);
    const alle = Array.from({ length: zeilen }, (_, z) => Array.from({ length: spalten }, (_, c): GridValue => werte[z]?.[c] ?? null));
    return schreibeWerteInBloecke({ ...optionen, ziel: (start, anzahl) => werteFuer(start, anzahl, spalten), werte: alle });
  }

  /**
   * Number formats before the values, so Excel takes the values in their final format;
   * only non-General ones (the sheet is new or was just cleared).
   */
  private async zahlenformateSetzen(grid: Grid, blatt: Excel.Worksheet, a: Anfrage): Promise<void> {
    for (const { rechteck, formate } of zahlenformatBloecke(grid)) {
      await a.platz(zeilenBytes(formate));
      blatt.getRange(rechteckAdresse(rechteck)).numberFormat = formate;
    }
  }

  /** One font for the whole grid, as in the written file; the styles only change size and emphasis. */
  private async schriftSetzen(grid: Grid, spalten: number, blatt: Excel.Worksheet, a: Anfrage): Promise<void> {
    await a.platz(0, 3);
    const schrift = blatt.getRange(bereichsAdresse(1, 1, Math.max(1, grid.rows.length), Math.max(1, spalten, grid.columnWidths.length))).format.font;
    schrift.name = SCHRIFT.name;
    schrift.size = SCHRIFT.groesse;
  }

  private async schreibeEines(grid: Grid, a: Anfrage): Promise<GridErgebnis> {
    const ctx = this.context;
    // every queued call below first reserves its room in the request
    const platz = (daten: number, aufrufe = 1): Promise<void> => a.platz(daten, aufrufe);
    const vorhanden = this.zustand.get(grid.sheet);
    let blatt: Excel.Worksheet;
    if (vorhanden) {
      blatt = vorhanden.blatt;
      await platz(0, 3);
      if (vorhanden.umbenennen) blatt.name = grid.sheet;
      if (vorhanden.schutz.protected) {
        // noted first: a fake/host may already throw at the call
        this.entsperrt.push(grid.sheet);
        vorhanden.schutz.unprotect();
      }
      // keep the sheet (identity, co-authoring): clear content and formats only,
      // around its tables so they (and references to them) survive
      for (const r of ausserhalb(vorhanden.tabellen.map((t) => t.bereich()))) {
        await platz(0, 2);
        const rest = blatt.getRange(rechteckAdresse(r));
        rest.unmerge();
        rest.clear('All' as Excel.ClearApplyTo);
      }
      const neuTab = grid.table;
      const alt = neuTab && vorhanden.tabellen.find((x) => x.name.toLowerCase() === neuTab.name.toLowerCase());
      if (neuTab && alt) {
        // rows/columns the old, larger table covered beyond the new extent (partial clear keeps the table)
        for (const r of restVonAlt(alt.bereich(), parseAdresse(neuTab.range))) {
          await platz(0);
          blatt.getRange(rechteckAdresse(r)).clear('All' as Excel.ClearApplyTo);
        }
      }
      if (verfuegbar('seitenlayout', this.unterstuetzt)) blatt.horizontalPageBreaks.removePageBreaks();
    } else {
      await platz(0);
      blatt = ctx.workbook.worksheets.add(grid.sheet);
    }

    const markenMoeglich = verfuegbar('formatSuche', this.unterstuetzt) && !grid.table && (vorhanden?.tabellen.length ?? 0) === 0;
    const bloecke =
      formatWeg(grid, markenMoeglich) === 'marken' ? await this.formateUeberMarken(grid, blatt, a) : await this.formateUeberRechtecke(grid, blatt, a);

    // one call per run of adjacent columns of the same width
    for (const lauf of breitenLaeufe(grid.columnWidths)) {
      await platz(0);
      blatt.getRange(lauf.adresse).format.columnWidth = breiteInPunkten(lauf.breite);
    }
    // one call per run of consecutive rows merged over the same columns (merge across), not one per row
    for (const m of verbundLaeufe(grid.merges ?? [])) {
      await platz(0);
      blatt.getRange(m.adresse).merge(m.zeilenweise);
    }
    if ((grid.merges ?? []).length === 0) {
      // without merged cells Excel fits wrapped rows itself: one call instead of one per run of heights
      await platz(0, 2);
      blatt.getRange(bereichsAdresse(1, 1, Math.max(1, grid.rows.length), Math.max(1, grid.columnWidths.length))).format.autofitRows();
    } else {
      // Excel does not fit merged wrapped cells: explicit heights, one range per run of rows with
      // the same height (no address lists, see styles above)
      for (const [h, rechtecke] of hoehenRechtecke(grid.rowHeights ?? [])) {
        for (const r of rechtecke) {
          await platz(0, 2);
          blatt.getRange(rechteckAdresse(r)).format.rowHeight = h;
        }
      }
    }

    // the few remaining calls (freeze, tab colour, print setup, table, charts, protection)
    const p = grid.print;
    await platz(
      0,
      3 + (p ? seitenAufrufe(p) : 0) + (grid.table ? 3 : 0) + (grid.charts?.length ?? 0) * 7 + 1,
    );
    if (verfuegbar('blattDarstellung', this.unterstuetzt)) {
      if (grid.freezeRows && grid.freezeRows > 0) blatt.freezePanes.freezeRows(grid.freezeRows);
      else blatt.freezePanes.unfreeze();
      if (grid.tabColor) blatt.tabColor = `#${grid.tabColor}`;
    }

    if (grid.print && verfuegbar('seitenlayout', this.unterstuetzt)) seiteEinrichten(blatt, grid.print);
    await this.spaltentitelBenennen(grid, blatt, platz);

    const tabelle = grid.table;
    if (tabelle) this.tabelleSetzen(blatt, grid.sheet, tabelle, vorhanden);

    const diagrammeNeu: string[] = [];
    const diagrammeAktualisiert: string[] = [];
    const bekannte = new Set((vorhanden?.diagramme.items ?? []).map((c) => c.name));
    // every chart source has its categories in the first column and one series per further column;
    // 'Auto' would let desktop Excel guess from the shape and plot a short history's dates as series
    const reihen = 'Columns' as Excel.ChartSeriesBy;
    for (const spec of grid.charts ?? []) {
      const quelle = blatt.getRange(spec.dataRange);
      let chart: Excel.Chart;
      if (bekannte.has(spec.name)) {
        chart = blatt.charts.getItem(spec.name);
        chart.setData(quelle, reihen);
        diagrammeAktualisiert.push(spec.name);
      } else {
        chart = blatt.charts.add(DIAGRAMMTYP[spec.type] as Excel.ChartType, quelle, reihen);
        chart.name = spec.name;
        diagrammeNeu.push(spec.name);
      }
      chart.title.text = spec.title;
      chart.setPosition(spec.anchor);
      chart.width = spec.width;
      chart.height = spec.height;
    }

    blatt.protection.protect(SCHUTZ_OPTIONEN);
    return { blatt: grid.sheet, neuesBlatt: !vorhanden, bloecke, diagrammeNeu, diagrammeAktualisiert };
  }

  private tabelleSetzen(
    blatt: Excel.Worksheet,
    blattName: string,
    t: { readonly name: string; readonly range: string },
    vorhanden: BlattZustand | undefined,
  ): void {
    const ctx = this.context;
    const bereich = parseAdresse(t.range);
    const adresse = rechteckAdresse(bereich);
    const alt = vorhanden?.tabellen.find((x) => x.name.toLowerCase() === t.name.toLowerCase());
    const blattDerTabelle = this.stand?.tabellen.get(t.name);
    if (blattDerTabelle !== undefined && blattDerTabelle.toLowerCase() !== blattName.toLowerCase() && !alt) {
      throw new Error(
        `Die Tabelle ${t.name} steht auf dem Blatt „${blattDerTabelle}“. Bitte diese Tabelle umbenennen, damit das Blatt neu geschrieben werden kann.`,
      );
    }
    if (alt || blattDerTabelle !== undefined) {
      const tab = ctx.workbook.tables.getItem(t.name);
      if (verfuegbar('tabelleAnpassen', this.unterstuetzt)) {
        // same table object (identity and references kept), new extent
        tab.resize(blatt.getRange(adresse));
        return;
      }
      // without table.resize (ExcelApi 1.13) the computed table is rebuilt under the same name
      tab.convertToRange();
    }
    const neu = blatt.tables.add(blatt.getRange(adresse), true);
    neu.name = t.name;
    neu.style = TABELLEN_STIL_BERECHNET;
  }
}

/** Cells of the old table block `a` outside the new block (pure). */
export function restVonAlt(a: Bereich, neu: Bereich): Bereich[] {
  return ausserhalb([neu], letzteZeile(a), letzteSpalte(a))
    .map((r) => {
      const zeile = Math.max(r.zeile, a.zeile);
      const spalte = Math.max(r.spalte, a.spalte);
      return { zeile, spalte, zeilen: letzteZeile(r) - zeile + 1, spalten: letzteSpalte(r) - spalte + 1 };
    })
    .filter((r) => r.zeilen > 0 && r.spalten > 0);
}

function tabellenRechteck(r: Excel.Range): Bereich {
  return { zeile: r.rowIndex + 1, spalte: r.columnIndex + 1, zeilen: r.rowCount, spalten: r.columnCount };
}

/** Render computed sheets in place. 3 syncs, whatever the number of rows (below ~4 MB of values). */
export async function schreibeGrids(
  context: Excel.RequestContext,
  grids: readonly Grid[],
  optionen: GridSchreibOptionen = {},
): Promise<GridErgebnis[]> {
  const blaetter = context.workbook.worksheets;
  blaetter.load('items/name');
  const tabellen = context.workbook.tables;
  tabellen.load('items/name,items/worksheet/name');
  await context.sync();
  const stand: LeseStand = {
    blaetter: blaetter.items.map((b) => b.name),
    tabellen: new Map(tabellen.items.map((t) => [t.name, t.worksheet.name])),
  };
  const schreiber = new GridSchreiber(context, optionen);
  schreiber.vorbereiten(
    stand,
    grids.map((g) => g.sheet),
  );
  await context.sync();
  return schreiber.mitSchutzHinweis(async () => {
    const ergebnis = await schreiber.schreiben(grids);
    await context.sync();
    return ergebnis;
  });
}
