/**
 * Tables as header + rows (RawTable level), so columns users add on the right
 * survive splitting and merging. Finds the six contract tables in a
 * RawWorkbook by name and reads cells by header text.
 */
import type { RawTable, RawValue, RawWorkbook } from '../model';
import { isFormelOhneErgebnis } from '../model';
import { TABLES, TABLE_ORDER, type ColumnType, type PflichtTabelle, type TableKey } from '../schema';

export interface Tabelle {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly RawValue[])[];
}

export type Tabellen = Readonly<Record<PflichtTabelle, Tabelle>>;

/** A problem that stops splitting/merging a workbook, with a German message. */
export class NetzwerkFehler extends Error {
  constructor(meldung: string) {
    super(meldung);
    this.name = 'NetzwerkFehler';
  }
}

export function findeTabelle(raw: RawWorkbook, name: string): RawTable | undefined {
  return raw.tables.find((t) => t.name === name);
}

export function spaltenTyp(key: TableKey, header: string): ColumnType | undefined {
  return TABLES[key].columns.find((c) => c.header === header)?.type;
}

/** The column index of `header`, or -1. Header texts are compared trimmed. */
export function spalte(t: Tabelle, header: string): number {
  return t.headers.findIndex((h) => h.trim() === header);
}

export function zelle(t: Tabelle, row: readonly RawValue[], header: string): RawValue {
  const i = spalte(t, header);
  return i < 0 ? null : (row[i] ?? null);
}

export function istLeereZeile(row: readonly RawValue[]): boolean {
  return row.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || isFormelOhneErgebnis(v));
}

/**
 * The six contract tables of a workbook. Missing tables or key columns make
 * splitting/merging impossible, so they throw a NetzwerkFehler naming the file.
 */
export function leseTabellen(raw: RawWorkbook, datei: string): Tabellen {
  const out = {} as Record<TableKey, Tabelle>;
  for (const key of TABLE_ORDER) {
    const spec = TABLES[key];
    const t = findeTabelle(raw, spec.name);
    if (!t) {
      throw new NetzwerkFehler(
        `${datei}: Die Tabelle „${spec.name}“ (Blatt „${spec.sheet}“) fehlt. Bitte eine mit „vorlage“ erstellte Arbeitsmappe verwenden.`,
      );
    }
    const headers = t.headers.map((h) => String(h ?? '').trim());
    if (spec.keyColumn && !headers.includes(spec.keyColumn)) {
      throw new NetzwerkFehler(
        `${datei}: In der Tabelle „${spec.name}“ (Blatt „${spec.sheet}“) fehlt die Spalte „${spec.keyColumn}“. Bitte die Überschrift wiederherstellen.`,
      );
    }
    out[key] = { headers, rows: t.rows };
  }
  return out;
}

/** Rows of a table in schema column order (for writers that take plain rows). */
export function inSchemaReihenfolge(key: TableKey, t: Tabelle): RawValue[][] {
  const idx = TABLES[key].columns.map((c) => spalte(t, c.header));
  return t.rows.map((r) => idx.map((i) => (i < 0 ? null : (r[i] ?? null))));
}
