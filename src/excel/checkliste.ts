/**
 * Saving the Checkliste form: writes only one Handlungsziel's row
 * of tblCheckliste and its rows of tblKennzahlen. Every other row and every
 * extra user column stays as it is. Tables and columns are found by name
 * and header text, never by position.
 *
 * Syncs: 2 whatever the table size — (1) header rows, body sizes and the
 * key columns (Handlungsziel-ID, Kennzahl-ID) only, found by their
 * contract header (TableColumnCollection.getItemOrNullObject); (2) all
 * writes. A key header spelt differently (extra spaces) is read by
 * position after one sync more.
 */
import type { RawValue } from '../domain/model';
import { SPALTEN, TABLE_NAMES, type Kopf } from '../domain/schema';
import { normalisiert } from '../domain/values';
import type { ZeilenWerte } from '../domain/formular';
// the adapter's one value converter: number-like IDs ("1.10") and formula-like text stay text, dates become serials
import { alsExcelWert } from './bloecke';
import { officeUnterstuetzt, verfuegbar, type IstUnterstuetzt } from './requirements';
import { filterAufheben, hatAusgeblendeteZeilen, ladeAusgeblendet } from './filter';
import { bereichsAdresse } from '../domain/adresse';

export class ChecklisteSpeicherFehler extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChecklisteSpeicherFehler';
  }
}

export interface ChecklisteSpeicherErgebnis {
  readonly checkliste: 'aktualisiert' | 'angelegt';
  readonly kennzahlenAktualisiert: number;
  readonly kennzahlenAngelegt: number;
  readonly kennzahlenEntfernt: number;
  readonly syncs: number;
  /** German notes for the user, e.g. that a table's filter was cleared */
  readonly hinweise: readonly string[];
}

interface TabellenZugriff {
  readonly table: Excel.Table;
  readonly kopf: Excel.Range;
  readonly koerper: Excel.Range;
}

interface TabellenStand {
  readonly blatt: Excel.Worksheet;
  readonly headers: string[];
  /** 0-based worksheet row / column of the header row's first cell */
  readonly kopfZeile: number;
  readonly ersteSpalte: number;
  /** data rows; a table with one blank row counts as 0 */
  readonly zeilen: number;
}

function zugriff(context: Excel.RequestContext, name: string): TabellenZugriff {
  const table = context.workbook.tables.getItem(name);
  const kopf = table.getHeaderRowRange().load(['values', 'rowIndex', 'columnIndex']);
  const koerper = table.getDataBodyRange().load(['rowCount']);
  ladeAusgeblendet(koerper);
  table.worksheet.load('name');
  // with the totals row shown, the row below the body is the totals row (ExcelApi 1.3)
  table.load('showTotals');
  return { table, kopf, koerper };
}

function stand(z: TabellenZugriff): Omit<TabellenStand, 'zeilen'> & { koerperZeilen: number } {
  return {
    blatt: z.table.worksheet,
    headers: (z.kopf.values[0] ?? []).map((h) => String(h).trim()),
    kopfZeile: z.kopf.rowIndex,
    ersteSpalte: z.kopf.columnIndex,
    koerperZeilen: z.koerper.rowCount,
  };
}

function spalteVon(headers: readonly string[], header: Kopf, tabelle: string): number {
  const i = headers.findIndex((h) => normalisiert(h) === normalisiert(header));
  if (i < 0)
    throw new ChecklisteSpeicherFehler(
      `In der Tabelle „${tabelle}“ fehlt die Spalte „${header}“. Bitte die Spaltenüberschrift wiederherstellen (z. B. mit „Einrichten“ im Reiter „Start“).`,
    );
  return i;
}

/** German error when tblCheckliste or tblKennzahlen has its header row switched off. */
async function kopfzeilePruefen(context: Excel.RequestContext): Promise<void> {
  const tabellen = [TABLE_NAMES.checkliste, TABLE_NAMES.kennzahlen].map((n) => {
    const t = context.workbook.tables.getItemOrNullObject(n);
    t.load('showHeaders');
    return { n, t };
  });
  await context.sync();
  const aus = tabellen.filter((x) => !x.t.isNullObject && x.t.showHeaders === false).map((x) => x.n);
  if (aus.length > 0) {
    throw new ChecklisteSpeicherFehler(
      `${aus.map((n) => `Die Tabelle „${n}“`).join(' und ')} ${aus.length === 1 ? 'hat' : 'haben'} keine Kopfzeile. Kopfzeile einschalten (Tabellenentwurf › Kopfzeile) und erneut speichern.`,
    );
  }
}

/** Values of one key column by position (when its header differs from the contract's spelling). */
function ladeSchluessel(s: ReturnType<typeof stand>, spalte: number): Excel.Range | null {
  if (s.koerperZeilen === 0) return null;
  return zellen(s, s.kopfZeile + 1, s.ersteSpalte + spalte, s.koerperZeilen, 1).load('values');
}

/**
 * Range by 0-based indexes. Worksheet.getRangeByIndexes would be ExcelApi 1.7,
 * above the manifest's 1.4; an A1 address works everywhere (1.1).
 */
function zellen(
  s: { readonly blatt: Excel.Worksheet },
  zeile: number,
  spalte: number,
  zeilen: number,
  spalten: number,
): Excel.Range {
  return s.blatt.getRange(bereichsAdresse(zeile + 1, spalte + 1, zeilen, spalten));
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/**
 * Writes `werte` (header → value) into row `zeile` (0-based worksheet row),
 * one range per run of adjacent known columns, so extra user columns
 * between or beside them are never touched.
 */
function schreibeZeile(s: TabellenStand, zeile: number, werte: ZeilenWerte): void {
  const index = new Map<number, RawValue>();
  for (const [header, wert] of Object.entries(werte)) {
    const i = s.headers.findIndex((h) => normalisiert(h) === normalisiert(header));
    if (i >= 0 && wert !== undefined) index.set(i, wert);
  }
  const spalten = [...index.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < spalten.length) {
    let ende = start;
    while (ende + 1 < spalten.length && spalten[ende + 1] === spalten[ende] + 1) ende++;
    const von = spalten[start];
    const werteLauf = spalten.slice(start, ende + 1).map((c) => alsExcelWert(index.get(c) ?? null));
    zellen(s, zeile, s.ersteSpalte + von, 1, werteLauf.length).values = [werteLauf];
    start = ende + 1;
  }
  // dates as dates, even in rows beyond the prepared formats
  spalten.forEach((c) => {
    if (index.get(c) instanceof Date) zellen(s, zeile, s.ersteSpalte + c, 1, 1).numberFormat = [['DD.MM.YYYY']];
  });
}

/**
 * Appends rows below a table: writes them under the last row and resizes
 * the table over them (one batch, no per-row insert). Table.resize is
 * ExcelApi 1.13; below that — and when the table shows its totals row,
 * which is the row below the body — the missing rows are added empty first
 * (rows.add, 1.1; inserted above the totals row, calculated columns fill
 * them) and then written.
 */
function haengeAn(
  z: TabellenZugriff,
  s: TabellenStand,
  zeilen: readonly ZeilenWerte[],
  koerperZeilen: number,
  anpassen: boolean,
): void {
  if (zeilen.length === 0) return;
  // an empty table keeps one blank body row: fill that one first
  const erste = s.kopfZeile + 1 + s.zeilen;
  const bodyEnde = Math.max(s.zeilen + zeilen.length, koerperZeilen);
  // one call per new row: rows.add with values would need every column (and overwrite calculated ones); a Handlungsziel has few Kennzahlen
  if (!anpassen) for (let i = koerperZeilen; i < bodyEnde; i++) z.table.rows.add();
  zeilen.forEach((w, i) => schreibeZeile(s, erste + i, w));
  // a range of the table's own sheet: a bare address would mean the active sheet
  if (anpassen) z.table.resize(zellen(s, s.kopfZeile, s.ersteSpalte, bodyEnde + 1, s.headers.length));
}

/**
 * Saves one Handlungsziel's Checkliste row and Kennzahlen.
 * - The Checkliste row is updated in place, or appended when missing.
 * - Kennzahlen are matched by Kennzahl-ID: existing ones are updated in
 *   place (only the contract columns); new ones are appended; rows of
 *   removed ones are deleted.
 */
export async function speichereCheckliste(
  context: Excel.RequestContext,
  zielId: string,
  checklisteZeile: ZeilenWerte,
  kennzahlen: readonly ZeilenWerte[],
  optionen: { readonly unterstuetzt?: IstUnterstuetzt } = {},
): Promise<ChecklisteSpeicherErgebnis> {
  const anpassen = verfuegbar('tabelleAnpassen', optionen.unterstuetzt ?? officeUnterstuetzt);
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await context.sync();
  };
  const cl = zugriff(context, TABLE_NAMES.checkliste);
  const kz = zugriff(context, TABLE_NAMES.kennzahlen);
  // the key columns by their contract header, in the same request (a header spelt differently: read by position below)
  const spalteNachName = (z: TabellenZugriff, header: Kopf): Excel.Range => z.table.columns.getItemOrNullObject(header).getDataBodyRange().load('values');
  const vorab = {
    clZiel: spalteNachName(cl, SPALTEN.checkliste.handlungszielId),
    kzZiel: spalteNachName(kz, SPALTEN.kennzahlen.handlungszielId),
    kzId: spalteNachName(kz, SPALTEN.kennzahlen.kennzahlId),
  };
  try {
    await sync();
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code !== 'ItemNotFound') {
      // a table with its header row off fails the header load; ask only on this error path
      if (code !== 'InvalidOperationInCellEditMode') await kopfzeilePruefen(context);
      // anything else (cell edit mode, protection …) keeps its code
      throw e;
    }
    const grund = e instanceof Error ? e.message : String(e);
    throw new ChecklisteSpeicherFehler(
      `Die Tabellen „${TABLE_NAMES.checkliste}“ und „${TABLE_NAMES.kennzahlen}“ wurden nicht gefunden (${grund}). Bitte die Arbeitsmappe zuerst mit „Einrichten“ im Reiter „Start“ vorbereiten.`,
    );
  }
  const sc = stand(cl);
  const sk = stand(kz);
  const clZiel = spalteVon(sc.headers, SPALTEN.checkliste.handlungszielId, TABLE_NAMES.checkliste);
  const kzZiel = spalteVon(sk.headers, SPALTEN.kennzahlen.handlungszielId, TABLE_NAMES.kennzahlen);
  const kzId = spalteVon(sk.headers, SPALTEN.kennzahlen.kennzahlId, TABLE_NAMES.kennzahlen);
  const alleDa = !vorab.clZiel.isNullObject && !vorab.kzZiel.isNullObject && !vorab.kzId.isNullObject;
  const clSchluessel = alleDa ? vorab.clZiel : ladeSchluessel(sc, clZiel);
  const kzZiele = alleDa ? vorab.kzZiel : ladeSchluessel(sk, kzZiel);
  const kzIds = alleDa ? vorab.kzId : ladeSchluessel(sk, kzId);
  if (!alleDa) await sync();

  const clWerte = clSchluessel?.values.map((r) => text(r[0])) ?? [];
  const kzZielWerte = kzZiele?.values.map((r) => text(r[0])) ?? [];
  const kzIdWerte = kzIds?.values.map((r) => text(r[0])) ?? [];
  // trailing blank rows (the one blank row of an empty table) are free space, not data
  const belegt = (werte: readonly string[][]): number => {
    let n = werte[0]?.length ?? 0;
    while (n > 0 && werte.every((w) => w[n - 1] === '')) n--;
    return n;
  };
  const clStand: TabellenStand = { ...sc, zeilen: belegt([clWerte]) };
  const kzStand: TabellenStand = { ...sk, zeilen: belegt([kzZielWerte, kzIdWerte]) };

  // Kennzahlen of this Handlungsziel, matched by ID (decided before anything is queued, see the filter below).
  const eigene: number[] = [];
  kzZielWerte.forEach((w, i) => {
    if (w === zielId && i < kzStand.zeilen) eigene.push(i);
  });
  const zeileVonId = new Map<string, number>();
  for (const i of eigene) if (!zeileVonId.has(kzIdWerte[i])) zeileVonId.set(kzIdWerte[i], i);
  const benutzt = new Set<number>();
  const neu: ZeilenWerte[] = [];
  const vorhandene: [number, ZeilenWerte][] = [];
  for (const w of kennzahlen) {
    const i = zeileVonId.get(text(w[SPALTEN.kennzahlen.kennzahlId]));
    if (i !== undefined && !benutzt.has(i)) {
      benutzt.add(i);
      vorhandene.push([i, w]);
    } else neu.push(w);
  }
  const frei = eigene.filter((i) => !benutzt.has(i));
  const hinweise: string[] = [];
  // rows of removed Kennzahlen are deleted below: Excel refuses or skips that in a filtered table
  if (frei.length > 0 && hatAusgeblendeteZeilen(kz.koerper)) {
    syncs++;
    hinweise.push(await filterAufheben(context, TABLE_NAMES.kennzahlen, () => kz.table.getDataBodyRange(), '„Checkliste speichern“'));
  }

  // Checkliste: update the first row of this Handlungsziel, else append.
  const clZeile = clWerte.findIndex((w) => w === zielId);
  if (clZeile >= 0) schreibeZeile(clStand, sc.kopfZeile + 1 + clZeile, checklisteZeile);
  else haengeAn(cl, clStand, [checklisteZeile], sc.koerperZeilen, anpassen && !cl.table.showTotals);

  for (const [i, w] of vorhandene) schreibeZeile(kzStand, sk.kopfZeile + 1 + i, w);
  const aktualisiert = vorhandene.length;
  // new Kennzahlen go below the table, never into a removed one's row: that row's other columns
  // (the user's notes, calculated columns) belong to the user and are not ours to blank
  haengeAn(kz, kzStand, neu, sk.koerperZeilen, anpassen && !kz.table.showTotals);
  // Rows of removed Kennzahlen: delete bottom-up so earlier indexes stay valid.
  for (const i of [...frei].sort((a, b) => b - a)) {
    zellen(sk, sk.kopfZeile + 1 + i, sk.ersteSpalte, 1, sk.headers.length).delete('Up' as Excel.DeleteShiftDirection.up);
  }
  await sync();

  return {
    checkliste: clZeile >= 0 ? 'aktualisiert' : 'angelegt',
    kennzahlenAktualisiert: aktualisiert,
    kennzahlenAngelegt: neu.length,
    kennzahlenEntfernt: frei.length,
    syncs,
    hinweise,
  };
}
