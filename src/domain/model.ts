/**
 * The domain model. Adapters (exceljs, Office.js) hand the domain a
 * RawWorkbook (plain cell values found by table name and header text); the
 * domain parses it into a Plan, validates it and computes KPIs.
 */
import type { Anpassungsbedarf, Art, Prioritaet, Status, TableKey, Umsetzungsstand, Wirkungsebene, Zeitraum } from './schema';

/** An Excel error value such as #REF! or #NV, kept distinct from text. */
export interface CellError {
  readonly error: string;
}

/**
 * A formula cell the file stores without a cached result (written by
 * openpyxl and similar tools, never calculated by Excel). Its value is
 * unknown: the domain treats it as empty but warns, so an Istwert does not
 * silently count as "no data".
 */
export interface FormelOhneErgebnis {
  readonly formelOhneErgebnis: true;
}

/** A cell value as an adapter reads it (formulas already replaced by their cached result). */
export type RawValue = string | number | boolean | Date | CellError | FormelOhneErgebnis | null;

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

export function isFormelOhneErgebnis(v: unknown): v is FormelOhneErgebnis {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && (v as FormelOhneErgebnis).formelOhneErgebnis === true;
}

/** The marker as adapters create it (one shared constant object). */
export const FORMEL_OHNE_ERGEBNIS: FormelOhneErgebnis = Object.freeze({ formelOhneErgebnis: true as const });

/** One Excel table (ListObject) as found in a workbook. */
export interface RawTable {
  readonly name: string;
  readonly sheet: string;
  /** 1-based worksheet row of the header row */
  readonly headerRow: number;
  /** 1-based worksheet column of the table's first column */
  readonly firstColumn: number;
  /** header texts of all columns, in sheet order (also extra user columns) */
  readonly headers: readonly string[];
  /** data rows (without header, without totals row); each row aligned with `headers` */
  readonly rows: readonly (readonly RawValue[])[];
  /** sheet rows just below the table with data in its columns, outside the table (see ausserhalb.ts) */
  readonly zeilenDarunter?: readonly number[];
  /** the table's header row is switched off in Excel: no headers, no rows read */
  readonly ohneKopfzeile?: boolean;
}

export interface RawWorkbook {
  /** names of all worksheets, in workbook order */
  readonly sheets: readonly string[];
  /** every table in the workbook (a name may occur twice in broken files) */
  readonly tables: readonly RawTable[];
  /** file name (no path) for messages and the "computed from" stamp */
  readonly source?: string;
}

/** Where a row came from: the worksheet row, for finding addresses. */
export interface RowRef {
  readonly sheet: string;
  /** 1-based worksheet row */
  readonly row: number;
}

export interface Handlungsfeld {
  readonly nr: number;
  readonly name: string;
  readonly netzwerk: string;
  readonly netzwerkleitung: string;
  readonly ref: RowRef;
}

export interface Einstellungen {
  readonly berichtsjahr: number;
  readonly ampelGruen: number;
  readonly ampelGelb: number;
}

export interface Ziel {
  readonly hf: number | null;
  readonly herausforderung: string;
  readonly leitziel: string;
  readonly id: string;
  readonly handlungsziel: string;
  readonly ref: RowRef;
}

export interface PlanZeile {
  readonly nr: string;
  readonly hf: number | null;
  readonly zielId: string;
  readonly art: Art | null;
  readonly beschreibung: string;
  readonly bezug: string;
  readonly prioritaet: Prioritaet | null;
  readonly verantwortlich: string;
  readonly zeitraum: Zeitraum | null;
  readonly status: Status | null;
  /** Standardmaßnahme = ja */
  readonly standard: boolean;
  readonly bemerkung: string;
  readonly ref: RowRef;
}

export interface ChecklisteZeile {
  readonly zielId: string;
  readonly zielgruppe: string;
  readonly ressourcen: string;
  readonly kooperationspartner: string;
  readonly umsetzungsstand: Umsetzungsstand | null;
  readonly einschaetzung: string;
  readonly anpassungsbedarf: Anpassungsbedarf | null;
  readonly naechsteSchritte: string;
  readonly ref: RowRef;
}

export interface Kennzahl {
  readonly id: string;
  readonly zielId: string;
  readonly name: string;
  readonly einheit: string;
  readonly ebene: Wirkungsebene | null;
  readonly ausgangswert: number | null;
  readonly zielwert: number | null;
  readonly istwert: number | null;
  /** ISO date yyyy-mm-dd */
  readonly stichtag: string | null;
  readonly datenquelle: string;
  readonly verantwortlich: string;
  readonly begruendung: string;
  readonly ref: RowRef;
}

/**
 * Where a parsed table sits in its worksheet, so findings about a Plan can
 * name real cells even when the user reordered or added columns.
 */
export interface TabellenOrt {
  readonly sheet: string;
  /** 1-based worksheet row of the header row */
  readonly headerRow: number;
  /** header text (as in schema) → 1-based worksheet column */
  readonly spalten: Readonly<Record<string, number>>;
}

/** One row of tblZeitreihe: a Kennzahl's values in an earlier year. */
export interface ZeitreiheZeile {
  readonly kennzahlId: string;
  readonly jahr: number | null;
  readonly istwert: number | null;
  readonly zielwert: number | null;
  /** ISO date yyyy-mm-dd */
  readonly stichtag: string | null;
  readonly ref: RowRef;
}

export interface Plan {
  /** positions of the tables as read (absent for plans built in code) */
  readonly orte?: Readonly<Partial<Record<TableKey, TabellenOrt>>>;
  readonly handlungsfelder: readonly Handlungsfeld[];
  readonly einstellungen: Einstellungen;
  readonly ziele: readonly Ziel[];
  readonly arbeitsplanung: readonly PlanZeile[];
  readonly checkliste: readonly ChecklisteZeile[];
  readonly kennzahlen: readonly Kennzahl[];
  /** tblZeitreihe (optional table: absent or empty in the first year) */
  readonly zeitreihe?: readonly ZeitreiheZeile[];
  readonly source?: string;
}

export type Schwere = 'Fehler' | 'Warnung';

/** A validation finding (SPEC §3). JSON output uses blatt/zelle/spalte/meldung. */
export interface Finding {
  readonly schwere: Schwere;
  readonly blatt: string;
  /** A1 address without sheet, e.g. "D7"; empty when the whole sheet/table is meant */
  readonly zelle: string;
  /** column header, empty when not about one column */
  readonly spalte: string;
  readonly meldung: string;
  /** stable rule code for tests and grouping, e.g. "ID_DOPPELT" */
  readonly regel: string;
}

export type Ampel = 'gruen' | 'gelb' | 'rot' | 'keine_daten';

export interface KennzahlKpi {
  readonly id: string;
  readonly handlungszielId: string;
  /** uncapped */
  readonly zielerreichung: number | null;
  readonly ampel: Ampel;
  /** Istwert of the Berichtsjahr − 1 from tblZeitreihe; null when there is none */
  readonly vorjahr: number | null;
}

export interface HandlungszielKpi {
  readonly id: string;
  readonly hf: number | null;
  readonly zielerreichung: number | null;
  readonly ampel: Ampel;
  readonly kennzahlen: number;
  readonly kennzahlenMitDaten: number;
}

export interface Zaehlung {
  readonly zielerreichung: number | null;
  readonly ampel: Ampel;
  readonly massnahmen: number;
  readonly umgesetzt: number;
  readonly begonnen: number;
  readonly geplant: number;
  readonly verschoben: number;
  readonly entfallen: number;
  readonly umsetzungsquote: number | null;
  readonly wirkungen: number;
  readonly standardmassnahmen: number;
  readonly handlungszieleOhneMassnahme: number;
}

export interface HandlungsfeldKpi extends Zaehlung {
  readonly hf: number;
}

export interface KpiResult {
  readonly berichtsjahr: number;
  /** the Ampel thresholds of Einstellungen the result was computed with (0…1) */
  readonly schwellen: { readonly gruen: number; readonly gelb: number };
  readonly kennzahlen: readonly KennzahlKpi[];
  readonly handlungsziele: readonly HandlungszielKpi[];
  readonly handlungsfelder: readonly HandlungsfeldKpi[];
  readonly gesamt: Zaehlung;
}
