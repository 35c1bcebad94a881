/**
 * Cell coercion: turns a RawValue into the value a column expects, or
 * explains (in German) what is wrong with it. Used by parse.ts and by the
 * task-pane form, so a user sees the same wording everywhere.
 *
 * The helpers return only the message tail ("… ist keine Zahl. Bitte …");
 * the caller prefixes the address ("Kennzahlen!G5 (Zielwert): ").
 */
import type { RawValue, Schwere } from './model';
import { isCellError, isFormelOhneErgebnis } from './model';
import { SPALTEN, type ColumnSpec, type Kopf } from './schema';
import { aufzaehlung, datumDeutsch, zahlAlsText, zahlDeutsch, zitat } from './format';

export interface WertProblem {
  readonly schwere: Schwere;
  /** stable rule code */
  readonly regel: string;
  readonly text: string;
}

export interface Gelesen<T> {
  readonly wert: T;
  readonly problem: WertProblem | null;
}

const ok = <T>(wert: T): Gelesen<T> => ({ wert, problem: null });
const warnung = <T>(wert: T, regel: string, text: string): Gelesen<T> => ({ wert, problem: { schwere: 'Warnung', regel, text } });
const fehler = <T>(wert: T, regel: string, text: string): Gelesen<T> => ({ wert, problem: { schwere: 'Fehler', regel, text } });

/** True for text that Excel would treat as a formula when typed or pasted. */
export function istFormelText(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/**
 * Text as it must be written through an API that interprets input like
 * typing (Office.js `range.values`): a leading apostrophe makes Excel keep
 * it as text instead of evaluating a formula. Writers that store typed
 * strings (exceljs `cell.value = 'x'`) do not need this.
 */
export function alsSichererText(s: string): string {
  return istFormelText(s) ? `'${s}` : s;
}

/**
 * Blank means: null, empty or whitespace-only text, or a formula without a
 * cached result (its value is unknown; the readers below warn about it).
 */
export function istLeer(v: RawValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || isFormelOhneErgebnis(v);
}

/** Message tail for a formula cell stored without result (rule FORMEL_OHNE_ERGEBNIS). */
export const FORMEL_OHNE_ERGEBNIS_TEXT =
  'Die Zelle enthält eine Formel ohne gespeichertes Ergebnis. Bitte die Datei einmal in Excel öffnen und speichern, damit das Ergebnis berechnet wird.';

const formelOhneErgebnis = <T>(wert: T): Gelesen<T> => warnung(wert, 'FORMEL_OHNE_ERGEBNIS', FORMEL_OHNE_ERGEBNIS_TEXT);

function fehlerWert(v: { error: string }): string {
  return `enthält den Excel-Fehlerwert ${v.error}. Bitte die Formel oder den Bezug korrigieren oder einen Wert eintragen.`;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** ISO yyyy-mm-dd of a Date's UTC calendar day (adapters deliver dates as UTC wall time). */
export function isoDatum(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function leseText(v: RawValue): Gelesen<string> {
  if (v === null || v === undefined) return ok('');
  if (isFormelOhneErgebnis(v)) return formelOhneErgebnis('');
  if (isCellError(v)) return fehler('', 'EXCEL_FEHLERWERT', fehlerWert(v));
  if (typeof v === 'string') return ok(v.trim());
  if (typeof v === 'number') return ok(zahlAlsText(v));
  if (typeof v === 'boolean') return ok(v ? 'WAHR' : 'FALSCH');
  if (v instanceof Date) return ok(datumDeutsch(isoDatum(v)));
  return ok(String(v).trim());
}

/**
 * Characters a value copied from a PDF or a web page may carry that look
 * like nothing (or like a plain space) in the cell, so "Maßnahme" with a
 * soft hyphen looks right but matches no list value or ID.
 */
const UNSICHTBARE_ZEICHEN: Readonly<Record<string, string>> = {
  '\u00AD': 'weiches Trennzeichen (U+00AD)',
  '\u200B': 'Leerzeichen ohne Breite (U+200B)',
  '\u200C': 'Bindungsverhinderer ohne Breite (U+200C)',
  '\u200D': 'Verbinder ohne Breite (U+200D)',
  '\u2060': 'Wortverbinder (U+2060)',
  '\uFEFF': 'Byte-Reihenfolge-Markierung (BOM, U+FEFF)',
  '\u00A0': 'geschütztes Leerzeichen (U+00A0)',
  '\u202F': 'schmales geschütztes Leerzeichen (U+202F)',
};
const UNSICHTBAR = /\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00A0|\u202F/g;

/** The same characters without /g: a test that keeps no lastIndex between calls. */
const HAT_UNSICHTBARE = new RegExp(UNSICHTBAR.source);

/** Names of the invisible characters in `s`, each once, in order of appearance. */
export function unsichtbareZeichen(s: string): string[] {
  // nearly every cell has none: no match array, Set and copy for those (every ID and list cell of a plan passes here)
  if (!HAT_UNSICHTBARE.test(s)) return [];
  return [...new Set(s.match(UNSICHTBAR) ?? [])].map((z) => UNSICHTBARE_ZEICHEN[z]);
}

/** The value as it looks: zero-width characters removed, non-breaking spaces as plain spaces, trimmed. */
export function sichtbarerText(s: string): string {
  return s
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(UNSICHTBAR, '')
    .trim();
}

/** „das unsichtbare Zeichen weiches Trennzeichen (U+00AD)“ / „die unsichtbaren Zeichen … und …“ */
function unsichtbarText(namen: readonly string[]): string {
  const liste = namen.length === 1 ? namen[0] : `${namen.slice(0, -1).join(', ')} und ${namen[namen.length - 1]}`;
  return `${namen.length === 1 ? 'das unsichtbare Zeichen' : 'die unsichtbaren Zeichen'} ${liste}`;
}

/**
 * An identifier (Nr, Handlungsziel-ID, Kennzahl-ID, Bezug). German Excel
 * turns a typed "1.2" into the date 01.02.; such a value cannot be turned
 * back reliably, so it is a Fehler with the fix.
 */
export function leseId(v: RawValue): Gelesen<string> {
  if (v instanceof Date) {
    const d = datumDeutsch(isoDatum(v));
    return fehler(
      '',
      'DATUM_STATT_ID',
      `Excel hat die Eingabe als Datum ${d} gespeichert. Bitte die Zelle als Text formatieren (Zellen formatieren → Text) und die ID neu eingeben, z. B. 1.2.`,
    );
  }
  const unsichtbar = typeof v === 'string' ? unsichtbareZeichen(v) : [];
  if (typeof v === 'string' && unsichtbar.length > 0 && sichtbarerText(v) !== '') {
    const wert = sichtbarerText(v);
    return warnung(
      wert,
      'UNSICHTBARES_ZEICHEN',
      `${zitat(wert)} enthält ${unsichtbarText(unsichtbar)} (meist aus einem PDF oder einer Webseite mitkopiert) und wurde als ${zitat(wert)} gelesen. Bitte die ID in der Zelle neu eintippen.`,
    );
  }
  return leseText(v);
}

/**
 * Parses number text in German or English notation. Returns null if the
 * text is not a plain number. Rules: with both '.' and ',' the later one is
 * the decimal mark; a lone ',' is decimal (German); a lone '.' is decimal
 * unless it groups thousands ("1.234", "12.500", "1.234.567").
 */
export function zahlAusText(s: string): number | null {
  let t = s.replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return null;
  let sign = 1;
  if (t[0] === '-' || t[0] === '+') {
    if (t[0] === '-') sign = -1;
    t = t.slice(1);
  }
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return null;
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  let intPart: string;
  let fracPart = '';
  const groupsOk = (x: string, sep: string): boolean => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})*$`).test(x);
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const grp = dec === '.' ? ',' : '.';
    const i = t.lastIndexOf(dec);
    intPart = t.slice(0, i);
    fracPart = t.slice(i + 1);
    if (!groupsOk(intPart, grp) || !/^\d+$/.test(fracPart)) return null;
    intPart = intPart.split(grp).join('');
  } else if (lastComma >= 0) {
    const parts = t.split(',');
    if (parts.length === 2) {
      [intPart, fracPart] = parts;
      if (intPart === '') intPart = '0';
      if (!/^\d+$/.test(intPart) || !/^\d+$/.test(fracPart)) return null;
    } else {
      if (!groupsOk(t, ',')) return null;
      intPart = parts.join('');
    }
  } else if (lastDot >= 0) {
    const parts = t.split('.');
    const thousands = parts.length > 2 || (parts[1].length === 3 && /^[1-9]\d{0,2}$/.test(parts[0]));
    if (thousands) {
      if (!groupsOk(t, '.')) return null;
      intPart = parts.join('');
    } else {
      [intPart, fracPart] = parts;
      if (intPart === '') intPart = '0';
      if (!/^\d+$/.test(intPart) || !/^\d+$/.test(fracPart)) return null;
    }
  } else {
    intPart = t;
  }
  const n = Number(fracPart ? `${intPart}.${fracPart}` : intPart);
  return Number.isFinite(n) ? sign * n : null;
}

function leseNumerisch(v: RawValue, ganz: boolean): Gelesen<number | null> {
  const regel = ganz ? 'KEINE_GANZZAHL' : 'KEINE_ZAHL';
  const beispiel = ganz ? 'eine ganze Zahl eintragen (z. B. 3)' : 'eine Zahl eintragen (z. B. 12 oder 12,5)';
  if (v === null || v === undefined) return ok(null);
  if (isFormelOhneErgebnis(v)) return formelOhneErgebnis(null);
  if (isCellError(v)) return fehler(null, 'EXCEL_FEHLERWERT', fehlerWert(v));
  let n: number;
  let alsText: string | null = null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fehler(null, regel, `ist keine gültige Zahl. Bitte ${beispiel}.`);
    n = v;
  } else if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return ok(null);
    const t = zahlAusText(s);
    if (t === null) return fehler(null, regel, `${zitat(s)} ist keine Zahl. Bitte nur ${beispiel}, ohne Einheit oder Text.`);
    n = t;
    alsText = s;
  } else if (typeof v === 'boolean') {
    return fehler(null, regel, `enthält den Wahrheitswert ${v ? 'WAHR' : 'FALSCH'}. Bitte ${beispiel}.`);
  } else if (v instanceof Date) {
    return fehler(null, regel, `enthält das Datum ${datumDeutsch(isoDatum(v))}. Bitte ${beispiel} und die Zelle als Zahl formatieren.`);
  } else {
    return fehler(null, regel, `ist keine Zahl. Bitte ${beispiel}.`);
  }
  if (ganz && !Number.isInteger(n)) {
    return fehler(null, regel, `${zahlDeutsch(n)} ist keine ganze Zahl. Bitte ${beispiel}.`);
  }
  if (alsText !== null) {
    return warnung(
      n,
      'ZAHL_ALS_TEXT',
      `${zitat(alsText)} ist als Text gespeichert und wurde als Zahl ${zahlDeutsch(n)} gelesen. Bitte die Zelle als Zahl formatieren und den Wert neu eingeben.`,
    );
  }
  return ok(n);
}

/** Number column: numbers as they are; number text (German or English) with a Warnung; anything else a Fehler. */
export function leseZahl(v: RawValue): Gelesen<number | null> {
  return leseNumerisch(v, false);
}

/** Integer column: like leseZahl, fractions are a Fehler. */
export function leseGanzzahl(v: RawValue): Gelesen<number | null> {
  return leseNumerisch(v, true);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** Excel serial date (1900 system) → ISO date, or null if out of range. */
export function seriennummerZuDatum(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  // Excel counts the non-existent 29.02.1900, so serials below 61 are one day off.
  const epoche = serial < 61 ? EXCEL_EPOCH_MS + MS_PER_DAY : EXCEL_EPOCH_MS;
  return isoDatum(new Date(epoche + Math.floor(serial) * MS_PER_DAY));
}

function gueltigesDatum(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return isoDatum(dt);
}

/** "31.12.2026", "31.12.26", "2026-12-31" → ISO date; null otherwise. */
export function datumAusText(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  if (m) {
    let y = Number(m[3]);
    if (m[3].length === 2) y += 2000;
    return gueltigesDatum(y, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return gueltigesDatum(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

export function leseDatum(v: RawValue): Gelesen<string | null> {
  if (v === null || v === undefined) return ok(null);
  if (isFormelOhneErgebnis(v)) return formelOhneErgebnis(null);
  if (isCellError(v)) return fehler(null, 'EXCEL_FEHLERWERT', fehlerWert(v));
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? fehler(null, 'KEIN_DATUM', 'ist kein gültiges Datum. Bitte ein Datum im Format TT.MM.JJJJ eintragen.') : ok(isoDatum(v));
  }
  if (typeof v === 'number') {
    const iso = seriennummerZuDatum(v);
    return iso ? ok(iso) : fehler(null, 'KEIN_DATUM', `${zahlDeutsch(v)} ist kein gültiges Datum. Bitte ein Datum im Format TT.MM.JJJJ eintragen.`);
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return ok(null);
    const iso = datumAusText(s);
    if (iso === null) {
      return fehler(null, 'KEIN_DATUM', `${zitat(s)} ist kein gültiges Datum. Bitte ein Datum im Format TT.MM.JJJJ eintragen (z. B. 31.12.2026).`);
    }
    return warnung(
      iso,
      'DATUM_ALS_TEXT',
      `${zitat(s)} ist als Text gespeichert und wurde als Datum ${datumDeutsch(iso)} gelesen. Bitte die Zelle als Datum formatieren und neu eingeben.`,
    );
  }
  return fehler(null, 'KEIN_DATUM', 'ist kein Datum. Bitte ein Datum im Format TT.MM.JJJJ eintragen.');
}

/** Lower case, whitespace collapsed: the tolerance for list values and headers. */
export function normalisiert(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
}

/** Coerces a cell by its column spec (for forms that edit one cell at a time). */
export function leseSpalte(spec: ColumnSpec, v: RawValue): Gelesen<string | number | null> {
  switch (spec.type) {
    case 'integer':
      return leseGanzzahl(v);
    case 'number':
      return leseZahl(v);
    case 'date':
      return leseDatum(v);
    case 'list':
      return leseListe(v, spec.list ?? []);
    default:
      return ID_SPALTEN.has(spec.header) ? leseId(v) : leseText(v);
  }
}

/** Text columns holding identifiers (see leseId). */
export const ID_SPALTEN: ReadonlySet<Kopf> = new Set<Kopf>([
  SPALTEN.arbeitsplanung.nr,
  SPALTEN.ziele.handlungszielId,
  SPALTEN.kennzahlen.kennzahlId,
  SPALTEN.arbeitsplanung.bezug,
]);

export function leseListe<T extends string>(v: RawValue, allowed: readonly T[]): Gelesen<T | null> {
  if (isFormelOhneErgebnis(v)) return formelOhneErgebnis(null);
  if (isCellError(v)) return fehler(null, 'EXCEL_FEHLERWERT', fehlerWert(v));
  if (typeof v === 'boolean' && allowed.includes('ja' as T) && allowed.includes('nein' as T)) {
    const wert = (v ? 'ja' : 'nein') as T;
    return warnung(wert, 'LISTE_ABWEICHEND', `enthält den Wahrheitswert ${v ? 'WAHR' : 'FALSCH'} und wurde als ${zitat(wert)} gelesen. Bitte ${zitat(wert)} aus der Liste wählen.`);
  }
  let s = leseText(v).wert;
  if (s === '') return ok(null);
  const unsichtbar = typeof v === 'string' ? unsichtbareZeichen(v) : [];
  if (unsichtbar.length > 0 && sichtbarerText(v as string) !== '') {
    const t = sichtbarerText(v as string);
    const treffer = allowed.find((a) => a === t) ?? allowed.find((a) => normalisiert(a) === normalisiert(t));
    if (treffer !== undefined)
      return warnung(
        treffer,
        'UNSICHTBARES_ZEICHEN',
        `${zitat(t)} enthält ${unsichtbarText(unsichtbar)} (meist aus einem PDF oder einer Webseite mitkopiert) und wurde als ${zitat(treffer)} gelesen. Bitte ${zitat(treffer)} aus der Liste wählen.`,
      );
    const kurz = t.length > 60 ? `${t.slice(0, 57)}…` : t;
    return fehler(null, 'LISTE_UNGUELTIG', `${zitat(kurz)} ist kein erlaubter Wert (die Zelle enthält außerdem ${unsichtbarText(unsichtbar)}). Bitte ${aufzaehlung(allowed)} wählen.`);
  }
  const exact = allowed.find((a) => a === s);
  if (exact !== undefined) return ok(exact);
  const n = normalisiert(s);
  const near = allowed.find((a) => normalisiert(a) === n);
  if (near !== undefined) {
    return warnung(near, 'LISTE_ABWEICHEND', `${zitat(s)} weicht in Groß-/Kleinschreibung oder Leerzeichen ab und wurde als ${zitat(near)} gelesen. Bitte ${zitat(near)} aus der Liste wählen.`);
  }
  s = s.length > 60 ? `${s.slice(0, 57)}…` : s;
  return fehler(null, 'LISTE_UNGUELTIG', `${zitat(s)} ist kein erlaubter Wert. Bitte ${aufzaehlung(allowed)} wählen.`);
}
