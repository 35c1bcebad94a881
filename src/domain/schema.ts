/**
 * The workbook contract of SPEC §2 as data: table names, sheets, headers,
 * column types and allowed list values. Pure data, no Excel.
 * Layout details (positions, widths, colours) live in src/workbook.
 */

export const SHEETS = {
  stammdaten: 'Stammdaten',
  ziele: 'Ziele',
  arbeitsplanung: 'Arbeitsplanung',
  checkliste: 'Checkliste',
  kennzahlen: 'Kennzahlen',
  zeitreihe: 'Zeitreihe',
  kpiUebersicht: 'KPI Übersicht',
  kpiHandlungsziele: 'KPI Handlungsziele',
  umsetzungsbericht: 'Umsetzungsbericht',
  verlauf: 'KPI Verlauf',
  /** change report of the last merge of network workbooks (zusammenfuehren) */
  aenderungsprotokoll: 'Änderungsprotokoll',
  /** what the year rollover carried into this workbook and what it closed */
  jahreswechsel: 'Jahreswechsel',
} as const;
export type SheetName = (typeof SHEETS)[keyof typeof SHEETS];

/** The table of the history sheet (one row per Handlungsfeld and refresh day). */
export const VERLAUF_TABELLE = 'tblVerlauf';

/**
 * Names a computed sheet had in earlier versions, with the table that marks
 * the sheet as the tool's own. German Excel reserves „Verlauf“ (its
 * change-history sheet), so the history moved to „KPI Verlauf“; the next
 * refresh renames the tool's own old sheet and keeps its rows.
 */
export const FRUEHERE_BLATTNAMEN: Readonly<Partial<Record<SheetName, { readonly blatt: string; readonly tabelle: string }>>> = {
  [SHEETS.verlauf]: { blatt: 'Verlauf', tabelle: VERLAUF_TABELLE },
};

/** Sheets owned by the tool: rebuilt on refresh, never typed into (in workbook order). */
export const COMPUTED_SHEETS = [SHEETS.kpiUebersicht, SHEETS.kpiHandlungsziele, SHEETS.umsetzungsbericht, SHEETS.verlauf] as const satisfies readonly SheetName[];
export type BerechnetesBlattName = (typeof COMPUTED_SHEETS)[number];

export const LISTS = {
  art: ['Maßnahme', 'Wirkung'],
  prioritaet: ['hoch', 'mittel', 'niedrig'],
  zeitraum: ['Q1', 'Q2', 'Q3', 'Q4', 'ganzjährig'],
  status: ['geplant', 'begonnen', 'umgesetzt', 'verschoben', 'entfallen'],
  jaNein: ['ja', 'nein'],
  umsetzungsstand: ['nicht begonnen', 'in Umsetzung', 'erreicht', 'teilweise erreicht', 'nicht erreicht'],
  anpassungsbedarf: ['keiner', 'Ziel anpassen', 'Maßnahmen anpassen', 'Ressourcen anpassen'],
  wirkungsebene: ['Output', 'Outcome', 'Impact'],
} as const;

export type Art = (typeof LISTS.art)[number];
export type Prioritaet = (typeof LISTS.prioritaet)[number];
export type Zeitraum = (typeof LISTS.zeitraum)[number];
export type Status = (typeof LISTS.status)[number];
export type Umsetzungsstand = (typeof LISTS.umsetzungsstand)[number];
export type Anpassungsbedarf = (typeof LISTS.anpassungsbedarf)[number];
export type Wirkungsebene = (typeof LISTS.wirkungsebene)[number];

/**
 * How a column's cells are read:
 * - text: any value, stored as trimmed string
 * - integer / number: numeric (German "12,5" accepted with a Warnung)
 * - date: Excel date, serial number or "TT.MM.JJJJ" text
 * - list: one of `list` (a dropdown in the workbook)
 * `ref` marks a dropdown fed from another table's key column.
 */
export type ColumnType = 'text' | 'integer' | 'number' | 'date' | 'list';

export interface ColumnSpec<H extends Kopf = Kopf> {
  readonly header: H;
  readonly type: ColumnType;
  readonly list?: readonly string[];
  /** dropdown fed from another table's column (for HF-Nr and Handlungsziel-ID) */
  readonly ref?: { readonly table: TableName; readonly column: Kopf };
}

export const TABLE_NAMES = {
  handlungsfelder: 'tblHandlungsfelder',
  einstellungen: 'tblEinstellungen',
  ziele: 'tblZiele',
  arbeitsplanung: 'tblArbeitsplanung',
  checkliste: 'tblCheckliste',
  kennzahlen: 'tblKennzahlen',
  zeitreihe: 'tblZeitreihe',
} as const;
export type TableKey = keyof typeof TABLE_NAMES;
/** The tables every workbook must have; the others are optional (SPEC §2). */
export type PflichtTabelle = Exclude<TableKey, 'zeitreihe'>;
export type TableName = (typeof TABLE_NAMES)[TableKey];

/**
 * The column headers of each table (SPEC §2), in table order. Code names a
 * column through these constants (SPALTEN.kennzahlen.istwert), so a misspelt
 * header does not compile.
 */
export const SPALTEN = {
  handlungsfelder: { hfNr: 'HF-Nr', handlungsfeld: 'Handlungsfeld', netzwerk: 'Netzwerk', netzwerkleitung: 'Netzwerkleitung' },
  einstellungen: { einstellung: 'Einstellung', wert: 'Wert' },
  ziele: {
    hfNr: 'HF-Nr',
    herausforderung: 'Herausforderung',
    leitziel: 'Leitziel',
    handlungszielId: 'Handlungsziel-ID',
    handlungsziel: 'Handlungsziel',
  },
  arbeitsplanung: {
    nr: 'Nr',
    hfNr: 'HF-Nr',
    handlungszielId: 'Handlungsziel-ID',
    art: 'Art',
    beschreibung: 'Beschreibung',
    bezug: 'Bezug',
    prioritaet: 'Priorität',
    verantwortlich: 'Verantwortlich',
    zeitraum: 'Zeitraum',
    status: 'Status',
    standardmassnahme: 'Standardmaßnahme',
    bemerkung: 'Bemerkung',
  },
  checkliste: {
    handlungszielId: 'Handlungsziel-ID',
    zielgruppe: 'Zielgruppe',
    ressourcen: 'Ressourcen',
    kooperationspartner: 'Kooperationspartner',
    umsetzungsstand: 'Umsetzungsstand',
    einschaetzung: 'Einschätzung',
    anpassungsbedarf: 'Anpassungsbedarf',
    naechsteSchritte: 'Nächste Schritte',
  },
  kennzahlen: {
    kennzahlId: 'Kennzahl-ID',
    handlungszielId: 'Handlungsziel-ID',
    kennzahl: 'Kennzahl',
    einheit: 'Einheit',
    wirkungsebene: 'Wirkungsebene',
    ausgangswert: 'Ausgangswert',
    zielwert: 'Zielwert',
    istwert: 'Istwert',
    stichtag: 'Stichtag',
    datenquelle: 'Datenquelle',
    verantwortlich: 'Verantwortlich',
    begruendung: 'Begründung',
  },
  zeitreihe: { kennzahlId: 'Kennzahl-ID', jahr: 'Jahr', istwert: 'Istwert', zielwert: 'Zielwert', stichtag: 'Stichtag' },
} as const satisfies Record<TableKey, Readonly<Record<string, string>>>;

/** A header of table K. */
export type Spalte<K extends TableKey> = K extends TableKey ? (typeof SPALTEN)[K][keyof (typeof SPALTEN)[K]] : never;
/** A header of any contract table. */
export type Kopf = Spalte<TableKey>;

export interface TableSpec {
  readonly key: TableKey;
  readonly name: TableName;
  readonly sheet: SheetName;
  readonly columns: readonly ColumnSpec[];
  /** header of the column that identifies a row (unique), if any */
  readonly keyColumn?: Kopf;
  /** a workbook without this table is valid (it is read when present) */
  readonly optional?: boolean;
}

const t = <H extends Kopf>(header: H): ColumnSpec<H> => ({ header, type: 'text' });
const n = <H extends Kopf>(header: H): ColumnSpec<H> => ({ header, type: 'number' });
const list = <H extends Kopf>(header: H, values: readonly string[]): ColumnSpec<H> => ({ header, type: 'list', list: values });

const HF = SPALTEN.handlungsfelder;
const ZI = SPALTEN.ziele;
const AP = SPALTEN.arbeitsplanung;
const CL = SPALTEN.checkliste;
const KZ = SPALTEN.kennzahlen;
const ZR = SPALTEN.zeitreihe;
const ES = SPALTEN.einstellungen;

export const TABLES: Readonly<Record<TableKey, TableSpec>> = {
  handlungsfelder: {
    key: 'handlungsfelder',
    name: TABLE_NAMES.handlungsfelder,
    sheet: SHEETS.stammdaten,
    keyColumn: HF.hfNr,
    columns: [{ header: HF.hfNr, type: 'integer' }, t(HF.handlungsfeld), t(HF.netzwerk), t(HF.netzwerkleitung)],
  },
  einstellungen: {
    key: 'einstellungen',
    name: TABLE_NAMES.einstellungen,
    sheet: SHEETS.stammdaten,
    keyColumn: ES.einstellung,
    columns: [t(ES.einstellung), { header: ES.wert, type: 'text' }],
  },
  ziele: {
    key: 'ziele',
    name: TABLE_NAMES.ziele,
    sheet: SHEETS.ziele,
    keyColumn: ZI.handlungszielId,
    columns: [
      { header: ZI.hfNr, type: 'integer', ref: { table: TABLE_NAMES.handlungsfelder, column: HF.hfNr } },
      t(ZI.herausforderung),
      t(ZI.leitziel),
      t(ZI.handlungszielId),
      t(ZI.handlungsziel),
    ],
  },
  arbeitsplanung: {
    key: 'arbeitsplanung',
    name: TABLE_NAMES.arbeitsplanung,
    sheet: SHEETS.arbeitsplanung,
    keyColumn: AP.nr,
    columns: [
      t(AP.nr),
      { header: AP.hfNr, type: 'integer', ref: { table: TABLE_NAMES.handlungsfelder, column: HF.hfNr } },
      { header: AP.handlungszielId, type: 'text', ref: { table: TABLE_NAMES.ziele, column: ZI.handlungszielId } },
      list(AP.art, LISTS.art),
      t(AP.beschreibung),
      t(AP.bezug),
      list(AP.prioritaet, LISTS.prioritaet),
      t(AP.verantwortlich),
      list(AP.zeitraum, LISTS.zeitraum),
      list(AP.status, LISTS.status),
      list(AP.standardmassnahme, LISTS.jaNein),
      t(AP.bemerkung),
    ],
  },
  checkliste: {
    key: 'checkliste',
    name: TABLE_NAMES.checkliste,
    sheet: SHEETS.checkliste,
    keyColumn: CL.handlungszielId,
    columns: [
      { header: CL.handlungszielId, type: 'text', ref: { table: TABLE_NAMES.ziele, column: ZI.handlungszielId } },
      t(CL.zielgruppe),
      t(CL.ressourcen),
      t(CL.kooperationspartner),
      list(CL.umsetzungsstand, LISTS.umsetzungsstand),
      t(CL.einschaetzung),
      list(CL.anpassungsbedarf, LISTS.anpassungsbedarf),
      t(CL.naechsteSchritte),
    ],
  },
  kennzahlen: {
    key: 'kennzahlen',
    name: TABLE_NAMES.kennzahlen,
    sheet: SHEETS.kennzahlen,
    keyColumn: KZ.kennzahlId,
    columns: [
      t(KZ.kennzahlId),
      { header: KZ.handlungszielId, type: 'text', ref: { table: TABLE_NAMES.ziele, column: ZI.handlungszielId } },
      t(KZ.kennzahl),
      t(KZ.einheit),
      list(KZ.wirkungsebene, LISTS.wirkungsebene),
      n(KZ.ausgangswert),
      n(KZ.zielwert),
      n(KZ.istwert),
      { header: KZ.stichtag, type: 'date' },
      t(KZ.datenquelle),
      t(KZ.verantwortlich),
      t(KZ.begruendung),
    ],
  },
  zeitreihe: {
    key: 'zeitreihe',
    name: TABLE_NAMES.zeitreihe,
    sheet: SHEETS.zeitreihe,
    optional: true,
    columns: [
      t(ZR.kennzahlId),
      { header: ZR.jahr, type: 'integer' },
      n(ZR.istwert),
      n(ZR.zielwert),
      { header: ZR.stichtag, type: 'date' },
    ],
  },
};

/** The required tables in workbook order (network files, merges and the status view work on these). */
export const TABLE_ORDER: readonly PflichtTabelle[] = [
  'handlungsfelder',
  'einstellungen',
  'ziele',
  'arbeitsplanung',
  'checkliste',
  'kennzahlen',
];

/** Every table of the contract in workbook order, the optional ones last. */
export const ALLE_TABELLEN: readonly TableKey[] = [...TABLE_ORDER, 'zeitreihe'];

export const EINSTELLUNGEN = {
  berichtsjahr: 'Berichtsjahr',
  ampelGruen: 'Ampel grün ab',
  ampelGelb: 'Ampel gelb ab',
} as const;

export const DEFAULT_EINSTELLUNGEN = { berichtsjahr: 2026, ampelGruen: 0.9, ampelGelb: 0.6 } as const;

/** The 8 Handlungsfelder of Rheine (SPEC §1). */
export const STANDARD_HANDLUNGSFELDER: readonly { nr: number; name: string }[] = [
  { nr: 1, name: 'Sprachförderung' },
  { nr: 2, name: 'Kita, Schule, Bildung' },
  { nr: 3, name: 'Ausbildung, Arbeitsmarktzugang, Wirtschaft' },
  { nr: 4, name: 'Wohnen und dezentrales Unterbringungskonzept' },
  { nr: 5, name: 'Bürgerschaftliches Engagement und Partizipation' },
  { nr: 6, name: 'Gesundheit, Prävention, psychologische Unterstützung' },
  { nr: 7, name: 'Interkulturelle Öffnung von Verwaltung und Organisationen' },
  { nr: 8, name: 'Professionalisierung und Steuerung' },
];

/** Standardmaßnahmen named in the committee paper; reported separately. */
export const STANDARDMASSNAHMEN_SEED: readonly string[] = [
  'Integration durch Bildung: Sprachoffensive, Arbeit des multiprofessionellen Teams, Seiteneinsteigerberatung',
  'Jahresbericht zur Ankommensberatung',
  'Kommunales Integrationsmanagement',
  'Interkulturelle Woche',
  'Jahresbericht zum dezentralen Unterbringungskonzept',
  'Jahresbericht der Ausländerbehörde',
];
