/** The model behind the fake proxies: sheets with sparse cells, tables, charts; addresses and cell helpers. */
import { utf8Laenge } from '../../bloecke';
import { spaltenNummer, type Bereich } from '../../../domain/adresse';

export type FakeWert = string | number | boolean | null | { error: string };

export interface FakeZellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: string;
  rahmen?: string[];
}

export interface FakeZelle {
  wert: string | number | boolean;
  fehler?: string;
  formel?: string;
  zahlenformat: string;
  format: FakeZellFormat;
  gueltigkeit?: Excel.DataValidationRule;
  fehlerhinweis?: Excel.DataValidationErrorAlert;
  eingabehinweis?: Excel.DataValidationPrompt;
}

export interface FakeTabelle {
  name: string;
  blatt: string;
  /** 1-based header row / first column */
  zeile: number;
  spalte: number;
  spalten: number;
  /** data rows (body) */
  zeilen: number;
  stil: string;
  /** totals row shown (Tabellenentwurf › Ergebniszeile): the row below the body belongs to the table */
  summenzeile?: boolean;
  /** header row switched off by the user (Tabellenentwurf › Kopfzeile); `zeile` then is the row above the body */
  ohneKopf?: boolean;
  /** active filter criteria set by the user: per 0-based table column the texts still shown */
  filter?: { spalte: number; werte: string[] }[];
}

export interface FakeBedingtesFormat {
  id: string;
  bereich: Block;
  typ: string;
  formel: string;
  fuellung: string;
}

export interface FakeDiagramm {
  name: string;
  typ: string;
  quelle: string;
  /** how the series run: one per column or one per row of the source */
  reihenNach: 'Spalten' | 'Zeilen';
  titel: string;
  position: string;
  breite: number;
  hoehe: number;
}

export interface FakeBlatt {
  name: string;
  sichtbarkeit: string;
  registerfarbe: string;
  zellen: Map<string, FakeZelle>;
  spaltenbreiten: Map<number, number>;
  /** explicit row heights in points (1-based row → height) */
  zeilenhoehen: Map<number, number>;
  verbunden: string[];
  /** rows the user hid by hand (1-based); rows hidden by a table filter follow from FakeTabelle.filter */
  ausgeblendet: number[];
  fixierteZeilen: number;
  geschuetzt: boolean;
  /** protection password set by the user (unprotect without it fails as in Excel) */
  kennwort?: string;
  schutzOptionen: Excel.WorksheetProtectionOptions | null;
  bedingteFormate: FakeBedingtesFormat[];
  diagramme: FakeDiagramm[];
  seite: FakeSeite;
}

export interface FakeSeite {
  ausrichtung?: string;
  papier?: string;
  zoom?: Excel.PageLayoutZoomOptions;
  titelzeilen?: string;
  umbrueche: string[];
  /** margins in points, as Office.js sets them */
  raender: { links?: number; rechts?: number; oben?: number; unten?: number; kopf?: number; fuss?: number };
  fusszeile: { links?: string; mitte?: string; rechts?: string };
}

export interface FakeArbeitsmappe {
  name: string;
  blaetter: FakeBlatt[];
  tabellen: FakeTabelle[];
  eigenschaften: Map<string, unknown>;
  /** defined names by lower-case name: the name as given and its formula (=Sheet!$A$1) */
  namen: Map<string, { name: string; bezug: string }>;
  aktivesBlatt: string | null;
  auswahl: { blatt: string; adresse: string } | null;
  /** workbook structure protected (Überprüfen › Arbeitsmappe schützen): no sheets added, hidden, renamed */
  strukturGeschuetzt?: boolean;
}

export type Block = Bereich;

export const MAX_ZEILEN = 1048576;
/** Excel's limit for one request and one response (Excel on the web; desktop hosts are similar) */
export const MAX_NUTZLAST_BYTES = 5 * 1024 * 1024;

export function jsonBytes(v: unknown): number {
  return utf8Laenge(JSON.stringify(v) ?? '');
}
export const MAX_SPALTEN = 16384;

export class FakeOfficeFehler extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** Parse "A1", "A1:C3", "B:B", "2:2", "$A$1", with optional sheet prefix (ignored). */
export function fakeBlock(adresse: string): Block {
  let a = adresse.trim();
  const bang = a.lastIndexOf('!');
  if (bang >= 0) a = a.slice(bang + 1);
  a = a.replace(/\$/g, '');
  let m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(a);
  if (m) {
    const c1 = spaltenNummer(m[1]);
    const r1 = Number(m[2]);
    const c2 = m[3] ? spaltenNummer(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : r1;
    return { zeile: Math.min(r1, r2), spalte: Math.min(c1, c2), zeilen: Math.abs(r2 - r1) + 1, spalten: Math.abs(c2 - c1) + 1 };
  }
  m = /^([A-Za-z]+):([A-Za-z]+)$/.exec(a);
  if (m) {
    const c1 = spaltenNummer(m[1]);
    const c2 = spaltenNummer(m[2]);
    return { zeile: 1, spalte: Math.min(c1, c2), zeilen: MAX_ZEILEN, spalten: Math.abs(c2 - c1) + 1 };
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) {
    const r1 = Number(m[1]);
    const r2 = Number(m[2]);
    return { zeile: Math.min(r1, r2), spalte: 1, zeilen: Math.abs(r2 - r1) + 1, spalten: MAX_SPALTEN };
  }
  throw new FakeOfficeFehler('InvalidArgument', `Ungültige Adresse ${adresse}`);
}

export function schneidet(a: Block, b: Block): boolean {
  return a.zeile < b.zeile + b.zeilen && b.zeile < a.zeile + a.zeilen && a.spalte < b.spalte + b.spalten && b.spalte < a.spalte + a.spalten;
}

export const key = (z: number, s: number): string => `${z},${s}`;

export function zellText(blatt: FakeBlatt, z: number, s: number): string {
  const c = blatt.zellen.get(key(z, s));
  return c ? String(c.fehler ?? c.wert) : '';
}

/** Is a sheet row hidden: by hand, or because a table filter on that sheet excludes it. */
export function zeileAusgeblendet(wm: FakeArbeitsmappe, blatt: FakeBlatt, z: number): boolean {
  if (blatt.ausgeblendet.includes(z)) return true;
  return wm.tabellen.some(
    (t) =>
      t.blatt === blatt.name &&
      (t.filter?.length ?? 0) > 0 &&
      z > t.zeile &&
      z <= t.zeile + t.zeilen &&
      (t.filter ?? []).some((f) => !f.werte.includes(zellText(blatt, z, t.spalte + f.spalte))),
  );
}

/**
 * Excel reserves the name of its change-history sheet: "History", in German
 * Excel „Verlauf“ (any case). A file may travel between languages, so both
 * are refused in every mode.
 */
export const RESERVIERTE_BLATTNAMEN = ['history', 'verlauf'];

export function blattnamePruefen(name: string): void {
  if (RESERVIERTE_BLATTNAMEN.includes(name.trim().toLowerCase())) {
    throw new FakeOfficeFehler('InvalidArgument', `Das Argument ist ungültig oder fehlt oder hat ein falsches Format (Blattname „${name}“ ist in Excel reserviert)`);
  }
}

export function neueZelle(): FakeZelle {
  return { wert: '', zahlenformat: 'General', format: {} };
}

export function neuesBlatt(name: string): FakeBlatt {
  return {
    name,
    sichtbarkeit: 'Visible',
    registerfarbe: '',
    zellen: new Map(),
    spaltenbreiten: new Map(),
    zeilenhoehen: new Map(),
    verbunden: [],
    ausgeblendet: [],
    fixierteZeilen: 0,
    geschuetzt: false,
    schutzOptionen: null,
    bedingteFormate: [],
    diagramme: [],
    seite: { umbrueche: [], raender: {}, fusszeile: {} },
  };
}

/** Move cells in columns [spalte, spalte+spalten) from row `ab` on by `um` rows. */
export function verschiebeZeilen(blatt: FakeBlatt, spalte: number, spalten: number, ab: number, um: number): void {
  const bewegt: [number, number, FakeZelle][] = [];
  for (const [k2, c] of [...blatt.zellen]) {
    const [z, s] = k2.split(',').map(Number);
    if (s < spalte || s >= spalte + spalten) continue;
    if (um < 0 && z >= ab + um && z < ab) blatt.zellen.delete(k2);
    if (z >= ab) {
      blatt.zellen.delete(k2);
      bewegt.push([z + um, s, c]);
    }
  }
  for (const [z, s, c] of bewegt) blatt.zellen.set(key(z, s), c);
}

export function verschiebeSpalten(blatt: FakeBlatt, zeile: number, zeilen: number, ab: number, um: number): void {
  const bewegt: [number, number, FakeZelle][] = [];
  for (const [k2, c] of [...blatt.zellen]) {
    const [z, s] = k2.split(',').map(Number);
    if (z < zeile || z >= zeile + zeilen || s < ab) continue;
    blatt.zellen.delete(k2);
    bewegt.push([z, s + um, c]);
  }
  for (const [z, s, c] of bewegt) blatt.zellen.set(key(z, s), c);
}
