/**
 * Chunked value writes. Excel on the web rejects a request (one
 * context.sync() batch) larger than 5 MB, so a large value matrix is split
 * into row blocks:
 *
 * - each block (≤ ~1 MB) is its own `range.values` assignment;
 * - consecutive blocks are grouped into batches of ≤ ~4 MB; all blocks of one
 *   batch go into the same sync.
 *
 * Trade-off: up to 4 MB of payload an action keeps its constant number of
 * syncs (everything lands in the caller's final sync). Above that, one extra
 * sync per further 4 MB is unavoidable — otherwise Excel on the web fails the
 * whole action with RichApi.Error "PayloadTooLarge". The computed sheets of
 * this project stay far below that; the helper exists so E/F imports of
 * large network files cannot break the rule silently.
 */
import { istFormelText } from '../domain/values';
import { excelSeriennummer } from './adresse';

export const MAX_BLOCK_BYTES = 1_000_000;
export const MAX_STAPEL_BYTES = 4_000_000;

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

/** Number of syncs a plan needs beyond the caller's final one. */
export function zusaetzlicheSyncs(plan: readonly Block[]): number {
  return plan.length === 0 ? 0 : plan[plan.length - 1].stapel;
}

export type ZellWert = string | number | boolean | Date | null | undefined;

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

/**
 * A value as it must be assigned through `range.values`: dates as Excel
 * serial numbers, null as empty text, and text that starts with = + - @
 * (SPEC §3) or looks like a number/date with a leading apostrophe, so Excel
 * stores exactly that text — never a formula, never a converted number.
 * The apostrophe is Excel's own text prefix and is not part of the value.
 */
export function alsExcelWert(v: ZellWert): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return excelSeriennummer(v);
  // a text that itself starts with an apostrophe needs the prefix too, or Excel would eat it
  if (typeof v === 'string') return v.startsWith("'") || siehtAusWieZahl(v) || istFormelText(v) ? `'${v}` : v;
  return v;
}

export interface WerteSchreiben {
  /** the range of `anzahl` rows starting at matrix row `start` */
  readonly ziel: (start: number, anzahl: number) => Excel.Range;
  readonly werte: readonly (readonly ZellWert[])[];
  /** number formats, same shape as werte, written with each block */
  readonly zahlenformate?: readonly (readonly string[])[];
  /** called between batches (only when the payload exceeds one batch) */
  readonly sync: () => Promise<void>;
  readonly maxBlockBytes?: number;
  readonly maxStapelBytes?: number;
}

/**
 * Queue the value matrix block by block. Blocks of the last batch are left
 * queued for the caller's own final sync, so the normal case costs no sync.
 * Returns the plan (for tests and progress).
 */
export async function schreibeWerteInBloecke(a: WerteSchreiben): Promise<Block[]> {
  const formate = a.zahlenformate;
  const plan = planeBloecke(a.werte, {
    maxBlockBytes: a.maxBlockBytes,
    maxStapelBytes: a.maxStapelBytes,
    extraBytes: formate ? (i) => zeilenBytes(formate[i] ?? []) : undefined,
  });
  let stapel = 0;
  for (const b of plan) {
    if (b.stapel !== stapel) {
      await a.sync();
      stapel = b.stapel;
    }
    const range = a.ziel(b.start, b.anzahl);
    // number formats first, so Excel interprets the values in their final format
    if (formate) range.numberFormat = formate.slice(b.start, b.start + b.anzahl).map((r) => [...r]);
    range.values = a.werte.slice(b.start, b.start + b.anzahl).map((r) => r.map(alsExcelWert));
  }
  return plan;
}
