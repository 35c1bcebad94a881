/**
 * Request budget for Office.js writes. Excel on the web rejects a request
 * (everything queued between two context.sync() calls) larger than 5 MB —
 * and that counts every queued call (format, merge, row height …), not only
 * the value matrices. So:
 *
 * - a large value matrix is split into row blocks (≤ ~1 MB each, one
 *   `range.values` assignment per block, `planeBloecke`);
 * - an `Anfrage` tracks the estimated size of the whole request being
 *   queued (data bytes + `PRO_AUFRUF_BYTES` per call) and syncs before a
 *   call would push it above ~4 MB.
 *
 * Trade-off: up to ~4 MB of queued writes an action keeps its constant
 * number of syncs (everything lands in the caller's final sync). Above that,
 * one extra sync per further ~4 MB is unavoidable — otherwise Excel on the
 * web fails the whole action with RequestPayloadSizeLimitExceeded (reads
 * above 5 MB: ResponsePayloadSizeLimitExceeded).
 */
import { istFormelText } from '../domain/values';
import { excelSeriennummer } from './einheiten';

export const MAX_BLOCK_BYTES = 1_000_000;
/** request budget: 1 MB below Excel on the web's 5 MB limit, room for the estimate's error */
export const MAX_STAPEL_BYTES = 4_000_000;
/**
 * Estimated request bytes of one queued call besides its data: the action
 * and the object path it needs (method, property name, small arguments)
 * in Office.js's JSON — about 100–200 bytes; the upper end is taken.
 */
export const PRO_AUFRUF_BYTES = 200;

export interface Block {
  /** 0-based first row of the block within the matrix */
  readonly start: number;
  readonly anzahl: number;
  /** estimated JSON payload of the block */
  readonly bytes: number;
  /** 0-based batch (sync) the block belongs to */
  readonly stapel: number;
}

/** UTF-8 length of a string without allocating (umlauts count 2 bytes). */
export function utf8Laenge(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated request payload of one row as Office.js serialises it (JSON). */
export function zeilenBytes(zeile: readonly unknown[]): number {
  return utf8Laenge(JSON.stringify(zeile));
}

/**
 * Split rows into blocks and batches by estimated payload. `extraBytes(i)`
 * adds what else is written per row (e.g. the number-format row).
 * Pure, so the plan can be unit tested without Excel.
 */
export function planeBloecke(
  zeilen: readonly (readonly unknown[])[],
  optionen: { maxBlockBytes?: number; maxStapelBytes?: number; extraBytes?: (i: number) => number } = {},
): Block[] {
  const maxBlock = optionen.maxBlockBytes ?? MAX_BLOCK_BYTES;
  const maxStapel = Math.max(optionen.maxStapelBytes ?? MAX_STAPEL_BYTES, maxBlock);
  const bloecke: Block[] = [];
  let start = 0;
  let bytes = 0;
  let stapel = 0;
  let stapelBytes = 0;
  const abschliessen = (ende: number): void => {
    if (ende <= start) return;
    if (stapelBytes > 0 && stapelBytes + bytes > maxStapel) {
      stapel++;
      stapelBytes = 0;
    }
    bloecke.push({ start, anzahl: ende - start, bytes, stapel });
    stapelBytes += bytes;
    start = ende;
    bytes = 0;
  };
  for (let i = 0; i < zeilen.length; i++) {
    const b = zeilenBytes(zeilen[i]) + (optionen.extraBytes ? optionen.extraBytes(i) : 0);
    if (bytes > 0 && bytes + b > maxBlock) abschliessen(i);
    bytes += b;
  }
  abschliessen(zeilen.length);
  return bloecke;
}

/**
 * The request being queued: call `platz(daten, aufrufe)` before queuing
 * calls; it syncs first when they would push the request above the budget
 * (never for the first calls of a request, so one oversized call still goes
 * out alone). Pure apart from the injected `sync`, so it is unit tested
 * without Excel.
 */
export class Anfrage {
  private belegt: number;
  private extra = 0;
  private groesste = 0;

  constructor(
    private readonly sync: () => Promise<void>,
    readonly maxBytes: number = MAX_STAPEL_BYTES,
    /** bytes the caller has already queued into the current request */
    schonBelegt = 0,
  ) {
    this.belegt = schonBelegt;
  }

  /** estimated bytes queued since the last sync */
  get bytes(): number {
    return this.belegt;
  }

  /** syncs this budget made (beyond the caller's own) */
  get zusaetzlicheSyncs(): number {
    return this.extra;
  }

  /** largest request so far (estimate), including the open one */
  get groessteAnfrage(): number {
    return Math.max(this.groesste, this.belegt);
  }

  /** Index (0-based) of the request the next call lands in. */
  get nummer(): number {
    return this.extra;
  }

  async platz(datenBytes: number, aufrufe = 1): Promise<void> {
    const n = datenBytes + aufrufe * PRO_AUFRUF_BYTES;
    if (this.belegt > 0 && this.belegt + n > this.maxBytes) {
      this.groesste = Math.max(this.groesste, this.belegt);
      await this.sync();
      this.extra++;
      this.belegt = 0;
    }
    this.belegt += n;
  }

  /** the caller synced on its own: a new, empty request starts */
  nachSync(): void {
    this.groesste = Math.max(this.groesste, this.belegt);
    this.belegt = 0;
  }
}

/** Number of syncs a plan needs beyond the caller's final one. */
export function zusaetzlicheSyncs(plan: readonly Block[]): number {
  return plan.length === 0 ? 0 : plan[plan.length - 1].stapel;
}

export type ZellWert = string | number | boolean | Date | { readonly error: string } | { readonly formelOhneErgebnis: true } | null | undefined;

/**
 * Text Excel would not keep as text when assigned through `range.values`
 * (it parses input like typing): numbers, dates, times, percentages and
 * booleans in any spelling, e.g. the Handlungsziel-ID "1.10" (→ 1.1) or
 * "1.2" (→ a date in German Excel).
 */
export function siehtAusWieZahl(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  if (/^(true|false|wahr|falsch)$/i.test(t)) return true;
  return /\d/.test(t) && /^[\d\s.,:/%()€$+\-eE]+$/.test(t);
}

// month names and abbreviations Excel parses in dates (German and English hosts)
const MONATE =
  'januar|jänner|jan|jän|februar|feb|märz|maerz|mär|mrz|april|apr|mai|juni|jun|juli|jul|august|aug|september|sept|sep|oktober|okt|november|nov|dezember|dez|' +
  'january|february|march|mar|may|june|july|october|oct|december|dec';
const MONATSDATUM = new RegExp(`^[\\d\\s.,/-]*\\b(${MONATE})\\b\\.?[\\d\\s.,/-]*$`, 'i');

/** Text with a month name that Excel reads as a date: „Mai 2025“, „1. Mai“, „15-Feb“. */
export function siehtAusWieMonatsdatum(s: string): boolean {
  const t = s.trim();
  return /\d/.test(t) && MONATSDATUM.test(t);
}

/** An error literal Excel turns into an error value when it is written („#NV“, „#DIV/0!“ …). */
export function istFehlerText(s: string): boolean {
  return /^#(NV|N\/A|DIV\/0!|WERT!|VALUE!|BEZUG!|REF!|NAME\?|ZAHL!|NUM!|NULL!|LEER!|ÜBERLAUF!|SPILL!|CALC!|BERECHNUNG!|FELD!|FIELD!|GETTING_DATA|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!)$/i.test(s.trim());
}

/**
 * A value as it must be assigned through `range.values`: dates as Excel
 * serial numbers, null as empty text, and text that starts with = + - @
 * (SPEC §3), looks like a number/date (month names included) or an error
 * literal, and error values read from a cell, with a leading apostrophe, so Excel
 * stores exactly that text — never a formula, never a converted number.
 * The apostrophe is Excel's own text prefix and is not part of the value.
 */
export function alsExcelWert(v: ZellWert): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return istKalendertag(v) ? kalenderSeriennummer(v) : excelSeriennummer(v);
  // an error value read from a cell ({error:'#REF!'}) goes back as text: written bare, Excel makes it an error again
  if (typeof v === 'object') return 'error' in v ? `'${v.error}` : '';
  // a text that itself starts with an apostrophe needs the prefix too, or Excel would eat it
  if (typeof v === 'string') {
    const umwandelbar = v.startsWith("'") || siehtAusWieZahl(v) || siehtAusWieMonatsdatum(v) || istFehlerText(v) || istFormelText(v);
    return umwandelbar ? `'${v}` : v;
  }
  return v;
}

/**
 * The domain stores calendar days (Stichtag, dates of the forms) as UTC
 * midnight; written with local fields they would land on the previous day
 * west of Greenwich. Times of day (e.g. "berechnet am") are real instants.
 */
function istKalendertag(d: Date): boolean {
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
}

function kalenderSeriennummer(d: Date): number {
  return (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export interface WerteSchreiben {
  /** the range of `anzahl` rows starting at matrix row `start` */
  readonly ziel: (start: number, anzahl: number) => Excel.Range;
  readonly werte: readonly (readonly ZellWert[])[];
  /** number formats, same shape as werte, written with each block */
  readonly zahlenformate?: readonly (readonly string[])[];
  /** called between requests (only when the payload exceeds one request) */
  readonly sync: () => Promise<void>;
  /** the request budget shared with the caller's other writes (default: a fresh one) */
  readonly anfrage?: Anfrage;
  readonly maxBlockBytes?: number;
  readonly maxStapelBytes?: number;
}

/**
 * Queue the value matrix block by block, each block through the request
 * budget. Blocks of the last request are left queued for the caller's own
 * final sync, so the normal case costs no sync. Returns the blocks with the
 * request (`stapel`) each went into, counted from the budget's current one.
 */
export async function schreibeWerteInBloecke(a: WerteSchreiben): Promise<Block[]> {
  const formate = a.zahlenformate;
  // sizes of what is really sent: dates as serials, null as ''
  const werte = a.werte.map((r) => r.map(alsExcelWert));
  const plan = planeBloecke(werte, {
    maxBlockBytes: a.maxBlockBytes,
    maxStapelBytes: a.maxStapelBytes,
    extraBytes: formate ? (i) => zeilenBytes(formate[i] ?? []) : undefined,
  });
  const anfrage = a.anfrage ?? new Anfrage(a.sync, a.maxStapelBytes);
  const erste = anfrage.nummer;
  const out: Block[] = [];
  for (const b of plan) {
    await anfrage.platz(b.bytes, formate ? 2 : 1);
    const range = a.ziel(b.start, b.anzahl);
    // number formats first, so Excel interprets the values in their final format
    if (formate) range.numberFormat = formate.slice(b.start, b.start + b.anzahl).map((r) => [...r]);
    range.values = werte.slice(b.start, b.start + b.anzahl);
    out.push({ ...b, stapel: anfrage.nummer - erste });
  }
  return out;
}
