/**
 * Cell-value helpers for splitting and merging: a canonical text per cell so
 * the same value read by exceljs (Date objects) and by Office.js (serial
 * numbers) compares equal, key texts for matching rows, a JSON codec for the
 * export snapshot and plain display values for the change report.
 */
import { isCellError, isFormelOhneErgebnis, type RawValue } from '../model';
import type { ColumnType } from '../schema';

/** 1970-01-01 as Excel serial (1900 date system). */
const EXCEL_EPOCH = 25569;
const MS_PER_DAY = 86400000;

function isoTag(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const t = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${t}`;
}

function serialToIso(serial: number): string {
  return isoTag(new Date(Math.round((serial - EXCEL_EPOCH) * MS_PER_DAY)));
}

const DE_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * Canonical text of a cell, the basis of comparisons and fingerprints.
 * Empty text and null are the same ("nothing entered"); text is trimmed.
 * `typ` (from the schema) lets date and number columns compare by meaning.
 */
export function kanonisch(v: RawValue | undefined, typ?: ColumnType): string {
  // a formula without cached result has no known value: treated as empty everywhere
  if (v === null || v === undefined || isFormelOhneErgebnis(v)) return '';
  if (isCellError(v)) return `e:${v.error}`;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return 's:';
    return typ === 'date' || v.getTime() % MS_PER_DAY === 0 ? `d:${isoTag(v)}` : `t:${v.toISOString()}`;
  }
  if (typeof v === 'boolean') return `b:${v}`;
  if (typeof v === 'number') return typ === 'date' ? `d:${serialToIso(v)}` : `n:${v}`;
  const s = v.trim();
  if (s === '') return '';
  if (typ === 'date') {
    const de = DE_DATE.exec(s);
    if (de) return `d:${de[3]}-${de[2].padStart(2, '0')}-${de[1].padStart(2, '0')}`;
    if (ISO_DATE.test(s)) return `d:${s}`;
  }
  if ((typ === 'number' || typ === 'integer') && NUMERIC.test(s)) return `n:${Number(s)}`;
  return `s:${s}`;
}

/** Text of a key cell (Nr, Kennzahl-ID, Handlungsziel-ID, HF-Nr, Einstellung). */
export function schluesselText(v: RawValue | undefined): string {
  if (v === null || v === undefined || isFormelOhneErgebnis(v)) return '';
  if (isCellError(v)) return '';
  if (v instanceof Date) return isoTag(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  return v.trim();
}

/** An HF number from a cell (3, 3.0, "3", " 3 "); null if none. */
export function hfNummer(v: RawValue | undefined): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v.trim());
  return null;
}

/** A value for the JSON change report and the Änderungsprotokoll sheet. */
export type AnzeigeWert = string | number | boolean | null;

export function anzeigeWert(v: RawValue | undefined, typ?: ColumnType): AnzeigeWert {
  if (v === null || v === undefined || isFormelOhneErgebnis(v)) return null;
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return typ === 'date' || v.getTime() % MS_PER_DAY === 0 ? isoTag(v) : v.toISOString();
  if (typeof v === 'number' && typ === 'date') return serialToIso(v);
  if (typeof v === 'string' && v.trim() === '') return null;
  return v;
}

/** JSON form of a cell for the snapshot in the origin marker (Dates and errors tagged). */
type JsonWert = string | number | boolean | null | { $d: string } | { $e: string };

export function wertZuJson(v: RawValue): JsonWert {
  if (v instanceof Date) return { $d: v.toISOString() };
  if (isCellError(v)) return { $e: v.error };
  if (isFormelOhneErgebnis(v)) return null;
  return v;
}

export function wertAusJson(j: unknown): RawValue {
  if (j === null || typeof j === 'string' || typeof j === 'number' || typeof j === 'boolean') return j;
  if (typeof j === 'object') {
    const o = j as Record<string, unknown>;
    if (typeof o.$d === 'string') return new Date(o.$d);
    if (typeof o.$e === 'string') return { error: o.$e };
  }
  throw new Error('Unbekannter Wert im Herkunftsblatt');
}
