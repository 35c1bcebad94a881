/**
 * Backups before bulk changes (Einrichten on a filled workbook, Übernehmen
 * of network files, Checkliste saves): the values of one table are copied to
 * a new hidden sheet "Sicherung JJJJ-MM-TT HHMMSS"; row 1 says which table
 * it belongs to, the copy (header + data) starts in row 3. Restoring writes
 * the values back into the table, column by header text, and fits the
 * table's row count to the backup — in one write batch, no rows.add loops.
 *
 * Sheet names are limited to 31 characters, so the table name is kept in
 * cell B1 instead of the sheet name.
 */
import { filterAufheben, hatAusgeblendeteZeilen, ladeAusgeblendet } from './filter';
import { normalisiert } from '../domain/values';
import { alsExcelWert, schreibeWerteInBloecke, type ZellWert } from './bloecke';
import { officeUnterstuetzt, verfuegbar, type IstUnterstuetzt } from './requirements';
import { bereichsAdresse } from '../domain/adresse';
import { deutscheZeit } from '../domain/format';

export const SICHERUNG_PRAEFIX = 'Sicherung ';
export const SICHERUNG_KENNUNG = 'Sicherung der Tabelle';
/** first worksheet row of the copied table (header) on a backup sheet */
export const SICHERUNG_DATEN_ZEILE = 3;

export interface Sicherung {
  readonly blatt: string;
  readonly tabelle: string;
  readonly angelegtAm: Date;
}

export interface SicherungOptionen {
  readonly unterstuetzt?: IstUnterstuetzt;
  readonly jetzt?: Date;
}

/**
 * "Sicherung 2026-11-25 153012" in German time (Europe/Berlin), like every
 * other stamp the add-in writes, whatever the machine's time zone
 * (27 characters, below Excel's 31).
 */
export function sicherungsName(d: Date): string {
  const z = deutscheZeit(d);
  return `${SICHERUNG_PRAEFIX}${z.jahr}-${z.monat}-${z.tag} ${z.stunde}${z.minute}${z.sekunde}`;
}

/**
 * A name not yet taken: appends " 02", " 03" … when backups fall into the
 * same second (zero-padded so the sheet names also sort right in Excel;
 * at most 31 characters up to " 999").
 */
export function freierName(basis: string, vorhanden: ReadonlySet<string>): string {
  const klein = new Set([...vorhanden].map((v) => v.toLowerCase()));
  if (!klein.has(basis.toLowerCase())) return basis;
  for (let i = 2; ; i++) {
    const name = `${basis} ${String(i).padStart(2, '0')}`;
    if (!klein.has(name.toLowerCase())) return name;
  }
}

/** Sort key of a backup name: its stamp and counter (none = 1; " 2" from older versions and " 02" alike). */
function sicherungsSchluessel(name: string): { stempel: string; nr: number } {
  const m = /^(.*?\d{6})(?: (\d+))?$/.exec(name);
  return m ? { stempel: m[1], nr: m[2] ? Number(m[2]) : 1 } : { stempel: name, nr: 1 };
}

/**
 * The backup sheets among `blattNamen`, newest first: by timestamp, then by
 * the counter as a number (so " 10" is newer than " 9"). Used by restore and
 * by undoing a network import.
 */
export function sicherungsblaetter(blattNamen: readonly string[]): string[] {
  return blattNamen
    .filter((n) => n.startsWith(SICHERUNG_PRAEFIX))
    .map((name) => ({ name, ...sicherungsSchluessel(name) }))
    .sort((a, b) => (a.stempel < b.stempel ? 1 : a.stempel > b.stempel ? -1 : b.nr - a.nr))
    .map((s) => s.name);
}

function tabelleNichtGefunden(tabelle: string): Error {
  return new Error(`Die Tabelle ${tabelle} wurde in dieser Arbeitsmappe nicht gefunden. Bitte zuerst „Einrichten“ ausführen.`);
}

/**
 * Queue (no sync) the creation of a hidden backup sheet `name` holding the
 * values of `quelle` (a whole table range), via range.copyFrom (ExcelApi
 * 1.9), so callers can back up inside their own write batch.
 */
export function sicherungEinreihen(context: Excel.RequestContext, quelle: Excel.Range, tabelle: string, name: string, jetzt: Date): void {
  const ws = context.workbook.worksheets.add(name);
  ws.getRange('A1:D1').values = [[SICHERUNG_KENNUNG, tabelle, jetzt.toISOString(), SICHERUNG_HINWEIS]];
  ws.getRange(`A${SICHERUNG_DATEN_ZEILE}`).copyFrom(quelle, 'Values' as Excel.RangeCopyType);
  ws.visibility = 'Hidden' as Excel.SheetVisibility;
}

const SICHERUNG_HINWEIS =
  'Vom Integrationsmonitor vor einer Massenänderung angelegt. Wiederherstellen im Aufgabenbereich mit „Letzte Sicherung wiederherstellen“.';

/**
 * Copy the values of `tabelle` to a new hidden backup sheet.
 * 2 syncs (3 without ExcelApi 1.9 copyFrom, then the values travel through the add-in).
 */
export async function sicherungAnlegen(context: Excel.RequestContext, tabelle: string, optionen: SicherungOptionen = {}): Promise<Sicherung> {
  const unterstuetzt = optionen.unterstuetzt ?? officeUnterstuetzt;
  const jetzt = optionen.jetzt ?? new Date();
  const blaetter = context.workbook.worksheets;
  blaetter.load('items/name');
  const tabellen = context.workbook.tables;
  tabellen.load('items/name');
  await context.sync();
  const t = tabellen.items.find((x) => x.name.toLowerCase() === tabelle.toLowerCase());
  if (!t) throw tabelleNichtGefunden(tabelle);
  const name = freierName(sicherungsName(jetzt), new Set(blaetter.items.map((b) => b.name)));

  const quelle = t.getRange();
  const mitKopie = verfuegbar('sicherungKopieren', unterstuetzt);
  if (!mitKopie) {
    quelle.load('values');
    await context.sync();
  }
  if (mitKopie) {
    sicherungEinreihen(context, quelle, t.name, name, jetzt);
  } else {
    const ws = context.workbook.worksheets.add(name);
    ws.getRange('A1:D1').values = [[SICHERUNG_KENNUNG, t.name, jetzt.toISOString(), SICHERUNG_HINWEIS]];
    const werte = quelle.values as ZellWert[][];
    const spalten = werte[0]?.length ?? 1;
    await schreibeWerteInBloecke({
      ziel: (start, anzahl) => ws.getRange(bereichsAdresse(SICHERUNG_DATEN_ZEILE + start, 1, anzahl, spalten)),
      werte,
      sync: () => context.sync(),
    });
    ws.visibility = 'Hidden' as Excel.SheetVisibility;
  }
  await context.sync();
  return { blatt: name, tabelle: t.name, angelegtAm: jetzt };
}

export interface Wiederherstellung {
  readonly blatt: string;
  readonly tabelle: string;
  readonly zeilen: number;
  /** headers of the table that the backup did not have (left empty) */
  readonly ohneSicherung: readonly string[];
  /** German notes for the user, e.g. that the table's filter was cleared */
  readonly hinweise: readonly string[];
}

/** Pure: backup matrix (header + rows) mapped onto the table's current headers. */
export function aufKopfAbbilden(sicherung: readonly (readonly unknown[])[], kopf: readonly string[]): { zeilen: ZellWert[][]; ohneSicherung: string[] } {
  // header texts compared as Excel compares column names: case and spacing do not matter
  const sKopf = (sicherung[0] ?? []).map((h) => normalisiert(String(h ?? '')));
  const index = kopf.map((h) => sKopf.indexOf(normalisiert(h)));
  const daten = sicherung.slice(1);
  // trailing blank rows came from the backup's used range only
  let n = daten.length;
  while (n > 0 && daten[n - 1].every((v) => v === '' || v === null || v === undefined)) n--;
  const zeilen = daten.slice(0, n).map((r) => index.map((i) => (i >= 0 ? (r[i] as ZellWert) : null)));
  return { zeilen, ohneSicherung: kopf.filter((_, i) => index[i] < 0) };
}

/**
 * Undo: restore the newest backup (of `tabelle`, if given) into its table.
 * Formulas in the table become values (the backup holds values only).
 * 4 syncs whatever the row count (below ~4 MB).
 */
export async function letzteSicherungWiederherstellen(
  context: Excel.RequestContext,
  tabelle?: string,
  optionen: { readonly unterstuetzt?: IstUnterstuetzt } = {},
): Promise<Wiederherstellung> {
  const anpassen = verfuegbar('tabelleAnpassen', optionen.unterstuetzt ?? officeUnterstuetzt);
  const blaetter = context.workbook.worksheets;
  blaetter.load('items/name');
  const tabellen = context.workbook.tables;
  tabellen.load('items/name,items/showHeaders,items/showTotals');
  await context.sync();

  const kandidaten = sicherungsblaetter(blaetter.items.map((b) => b.name));
  if (kandidaten.length === 0) throw new Error('Es gibt keine Sicherung, die wiederhergestellt werden könnte.');
  const kopfzellen = kandidaten.map((n) => {
    const r = context.workbook.worksheets.getItem(n).getRange('A1:B1');
    r.load('values');
    return r;
  });
  // a table with its header row off has no header range (the call would fail the batch)
  const tabellenKoepfe = tabellen.items.filter((t) => t.showHeaders !== false).map((t) => {
    const kopf = t.getHeaderRowRange();
    kopf.load('values,rowIndex,columnIndex,columnCount');
    const koerper = t.getDataBodyRange();
    koerper.load('rowCount');
    ladeAusgeblendet(koerper);
    return { t, kopf, koerper };
  });
  await context.sync();

  const gewaehlt = kandidaten.findIndex((_, i) => {
    const [kennung, name] = kopfzellen[i].values[0] ?? [];
    return kennung === SICHERUNG_KENNUNG && (!tabelle || String(name).toLowerCase() === tabelle.toLowerCase());
  });
  if (gewaehlt < 0) throw new Error(tabelle ? `Es gibt keine Sicherung der Tabelle ${tabelle}.` : 'Es gibt keine Sicherung, die wiederhergestellt werden könnte.');
  const blatt = kandidaten[gewaehlt];
  const tabName = String(kopfzellen[gewaehlt].values[0][1]);
  const ziel = tabellenKoepfe.find((x) => x.t.name.toLowerCase() === tabName.toLowerCase());
  if (!ziel) {
    if (tabellen.items.some((t) => t.name.toLowerCase() === tabName.toLowerCase() && t.showHeaders === false)) {
      throw new Error(`Die Tabelle ${tabName} hat keine Kopfzeile, deshalb kann die Sicherung nicht zugeordnet werden. Kopfzeile einschalten (Tabellenentwurf › Kopfzeile) und erneut versuchen.`);
    }
    throw tabelleNichtGefunden(tabName);
  }
  const daten = context.workbook.worksheets.getItem(blatt).getUsedRange(true);
  daten.load('values,rowIndex');
  await context.sync();

  // used range starts at row 1 (the marker); the copy starts at SICHERUNG_DATEN_ZEILE
  const versatz = SICHERUNG_DATEN_ZEILE - 1 - daten.rowIndex;
  const kopf = (ziel.kopf.values[0] ?? []).map((h) => String(h ?? '').trim());
  const { zeilen, ohneSicherung } = aufKopfAbbilden(daten.values.slice(versatz), kopf);

  const tab = context.workbook.tables.getItem(ziel.t.name);
  const blattDerTabelle = tab.worksheet;
  const ersteZeile = ziel.kopf.rowIndex + 2; // 1-based first data row
  const spalte = ziel.kopf.columnIndex + 1;
  const breite = ziel.kopf.columnCount;
  const vorher = ziel.koerper.rowCount;
  const nachher = Math.max(zeilen.length, 1);
  const leer = (): ZellWert[] => new Array(breite).fill(null);
  const werte = zeilen.length > 0 ? zeilen : [leer()];

  const hinweise: string[] = [];
  // shrinking deletes table rows: Excel refuses or skips that while a filter is active
  if (nachher < vorher && hatAusgeblendeteZeilen(ziel.koerper)) {
    hinweise.push(await filterAufheben(context, ziel.t.name, () => tab.getDataBodyRange(), '„Sicherung wiederherstellen“'));
  }
  if (nachher < vorher) {
    // shrink: delete the surplus table rows (cells shift up inside the table's columns only)
    blattDerTabelle.getRange(bereichsAdresse(ersteZeile + nachher, spalte, vorher - nachher, breite)).delete('Up' as Excel.DeleteShiftDirection);
  }
  const gemeinsam = Math.min(vorher, nachher);
  await schreibeWerteInBloecke({
    ziel: (start, anzahl) => blattDerTabelle.getRange(bereichsAdresse(ersteZeile + start, spalte, anzahl, breite)),
    werte: werte.slice(0, gemeinsam),
    sync: () => context.sync(),
  });
  if (nachher > vorher && anpassen && !ziel.t.showTotals) {
    // grow: the missing rows as values directly below the table, then the table resized over them
    // (TableRowCollection.add is a known cause of co-authoring conflicts; resize does not rely on AutoExpansion)
    await schreibeWerteInBloecke({
      ziel: (start, anzahl) => blattDerTabelle.getRange(bereichsAdresse(ersteZeile + vorher + start, spalte, anzahl, breite)),
      werte: werte.slice(vorher),
      sync: () => context.sync(),
    });
    tab.resize(blattDerTabelle.getRange(bereichsAdresse(ersteZeile - 1, spalte, nachher + 1, breite)));
  } else if (nachher > vorher) {
    // without Table.resize (ExcelApi 1.13) or with a totals row below the body: one rows.add call with all missing rows
    tab.rows.add(undefined, werte.slice(vorher).map((r) => r.map(alsExcelWert)));
  }
  await context.sync();
  return { blatt, tabelle: ziel.t.name, zeilen: zeilen.length, ohneSicherung, hinweise };
}
