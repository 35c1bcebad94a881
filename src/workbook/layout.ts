/**
 * The declarative workbook layout (SPEC §2): where each table sits, column
 * widths, number formats, dropdown sources, conditional formats and colours.
 * Both adapters (src/xlsx for files, src/excel for Office.js) render from
 * this description; nothing about the layout is written a second time.
 */
import { LISTS, SHEETS, SPALTEN, TABLES, type ColumnSpec, type Kopf, type SheetName, type TableKey, type TableSpec } from '../domain/schema';
import { ID_SPALTEN } from '../domain/values';
import { spaltenBuchstabe } from '../domain/adresse';
import { gueltigkeitFuer, type Gueltigkeit } from './gueltigkeit';
import type { PrintSetup } from './grid';

/** Colours as RRGGBB without '#'. */
export const COLORS = {
  massnahme: 'DDEBF7',
  wirkung: 'E2EFDA',
  gruen: 'C6EFCE',
  gruenText: '006100',
  gelb: 'FFEB9C',
  gelbText: '9C5700',
  rot: 'FFC7CE',
  rotText: '9C0006',
  keineDaten: 'EDEDED',
  keineDatenText: '595959',
  header: '1F4E78',
  headerText: 'FFFFFF',
  titel: '1F4E78',
  hinweis: '595959',
  tabDaten: '2F75B5',
  tabBerechnet: '70AD47',
  /** thin cell borders of the computed sheets */
  rahmen: 'BFBFBF',
} as const;

/**
 * The font of every written cell. Named explicitly: without it LibreOffice
 * falls back to a serif font, and a workbook created in newer Excel defaults
 * to Aptos, so add-in and CLI would differ.
 */
export const SCHRIFT = { name: 'Calibri', groesse: 11 } as const;

export const TABLE_STYLE = 'TableStyleMedium2';

/**
 * Rows below a table where workbooks of older versions carry dropdowns; Einrichten clears
 * them there, since validation below a table causes co-authoring conflicts.
 */
export const PREPARED_ROWS = 500;

export interface ColumnLayout {
  readonly spec: ColumnSpec;
  /** width in Excel character units */
  readonly width: number;
  /** Excel number format code, e.g. '0', '0.00', 'DD.MM.YYYY', '@' */
  readonly numberFormat?: string;
  readonly wrap?: boolean;
  /** horizontal alignment of the data cells; absent = the app's default (text left, numbers right) */
  readonly horizontal?: 'left' | 'center' | 'right';
  /** dropdown or value-type rule with its error alert and input message */
  readonly gueltigkeit?: Gueltigkeit;
}

export interface TableLayout {
  readonly spec: TableSpec;
  /** 1-based position of the header row's first cell */
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly columns: readonly ColumnLayout[];
}

export interface SheetLayout {
  readonly name: SheetName;
  readonly tables: readonly TableLayout[];
  readonly freezeRows: number;
  readonly tabColor: string;
  readonly print: PrintSetup;
}

/** Data sheets print on A4 landscape, one page wide, with the header row on every page; narrow margins for the wide tables. */
const DATENBLATT_DRUCK: PrintSetup = {
  landscape: true,
  paper: 'A4',
  fitToWidth: true,
  repeatRows: [1, 1],
  raender: { links: 0.4, rechts: 0.4, oben: 0.6, unten: 0.6, kopf: 0.3, fuss: 0.3 },
};

const WIDTHS: Readonly<Partial<Record<Kopf, number>>> = {
  'HF-Nr': 8,
  // fits the longest name, „Interkulturelle Öffnung von Verwaltung und Organisationen“
  Handlungsfeld: 54,
  Netzwerk: 34,
  Netzwerkleitung: 34,
  Einstellung: 20,
  Wert: 12,
  Herausforderung: 40,
  Leitziel: 40,
  'Handlungsziel-ID': 16,
  Handlungsziel: 50,
  Nr: 10,
  Art: 12,
  Beschreibung: 55,
  Bezug: 10,
  Priorität: 11,
  Verantwortlich: 30,
  Zeitraum: 12,
  Status: 13,
  Standardmaßnahme: 21,
  Bemerkung: 32,
  Zielgruppe: 28,
  Ressourcen: 28,
  Kooperationspartner: 30,
  Umsetzungsstand: 20,
  Einschätzung: 40,
  Anpassungsbedarf: 22,
  'Nächste Schritte': 40,
  'Kennzahl-ID': 13,
  Kennzahl: 45,
  Einheit: 11,
  Wirkungsebene: 15,
  Ausgangswert: 14,
  Zielwert: 11,
  Istwert: 11,
  Stichtag: 12,
  Datenquelle: 28,
  Begründung: 40,
  Jahr: 8,
};

const WRAPPED = new Set<Kopf>(['Beschreibung', 'Verantwortlich', 'Handlungsziel', 'Herausforderung', 'Leitziel', 'Einschätzung', 'Nächste Schritte', 'Begründung', 'Kennzahl', 'Bemerkung']);

/** ID columns are formatted as text so Excel does not turn "1.2" into a date or 1.10 into 1.1. */

/**
 * Short key columns are centred: otherwise an integer HF-Nr (right-aligned)
 * runs into the left-aligned text next to it, e.g. "1Sprachförderung".
 */
const CENTRED = new Set<Kopf>(['HF-Nr', 'Jahr', ...ID_SPALTEN]);

function numberFormatFor(spec: ColumnSpec): string | undefined {
  if (ID_SPALTEN.has(spec.header)) return '@';
  switch (spec.type) {
    case 'integer':
      return '0';
    case 'number':
      // General shows values as typed (no trailing decimal separator for whole numbers)
      return 'General';
    case 'date':
      return 'DD.MM.YYYY';
    default:
      return undefined;
  }
}

function tableLayout(key: TableKey, headerRow: number, firstColumn: number, mitTypPruefung = false): TableLayout {
  const spec = TABLES[key];
  return {
    spec,
    headerRow,
    firstColumn,
    columns: spec.columns.map((c) => ({
      spec: c,
      width: WIDTHS[c.header] ?? 16,
      numberFormat: numberFormatFor(c),
      wrap: WRAPPED.has(c.header),
      horizontal: CENTRED.has(c.header) ? 'center' : undefined,
      gueltigkeit: gueltigkeitFuer(c, mitTypPruefung),
    })),
  };
}

/** Data sheets in workbook order. The two small tables on Stammdaten stand side by side. */
export const DATA_SHEETS: readonly SheetLayout[] = [
  {
    name: SHEETS.stammdaten,
    tables: [tableLayout('handlungsfelder', 1, 1), tableLayout('einstellungen', 1, 6)],
    freezeRows: 1,
    tabColor: COLORS.tabDaten,
    print: DATENBLATT_DRUCK,
  },
  { name: SHEETS.ziele, tables: [tableLayout('ziele', 1, 1)], freezeRows: 1, tabColor: COLORS.tabDaten, print: DATENBLATT_DRUCK },
  { name: SHEETS.arbeitsplanung, tables: [tableLayout('arbeitsplanung', 1, 1)], freezeRows: 1, tabColor: COLORS.tabDaten, print: DATENBLATT_DRUCK },
  { name: SHEETS.checkliste, tables: [tableLayout('checkliste', 1, 1)], freezeRows: 1, tabColor: COLORS.tabDaten, print: DATENBLATT_DRUCK },
  { name: SHEETS.kennzahlen, tables: [tableLayout('kennzahlen', 1, 1)], freezeRows: 1, tabColor: COLORS.tabDaten, print: DATENBLATT_DRUCK },
  { name: SHEETS.zeitreihe, tables: [tableLayout('zeitreihe', 1, 1, true)], freezeRows: 1, tabColor: COLORS.tabDaten, print: DATENBLATT_DRUCK },
];

export function tableLayoutOf(key: TableKey): TableLayout {
  for (const s of DATA_SHEETS) for (const t of s.tables) if (t.spec.key === key) return t;
  throw new Error(`Kein Layout für Tabelle ${key}`);
}

export interface ConditionalFill {
  /** formula relative to the first data cell of the range, without '=' */
  readonly formula: string;
  readonly fill: string;
}

/**
 * Maßnahme/Wirkung colour-coding of whole Arbeitsplanung rows by conditional
 * formatting on the Art column, so colours follow edits without the add-in.
 */
export function artConditionalFills(table: TableLayout): ConditionalFill[] {
  const artIdx = table.columns.findIndex((c) => c.spec.header === SPALTEN.arbeitsplanung.art);
  const col = spaltenBuchstabe(table.firstColumn + artIdx);
  const row = table.headerRow + 1;
  return [
    { formula: `$${col}${row}="${LISTS.art[0]}"`, fill: COLORS.massnahme },
    { formula: `$${col}${row}="${LISTS.art[1]}"`, fill: COLORS.wirkung },
  ];
}

export const AMPEL_LABEL: Readonly<Record<'gruen' | 'gelb' | 'rot' | 'keine_daten', string>> = {
  gruen: 'grün',
  gelb: 'gelb',
  rot: 'rot',
  keine_daten: 'keine Daten',
};
