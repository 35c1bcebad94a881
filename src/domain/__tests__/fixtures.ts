/**
 * Test fixtures: a small valid workbook as RawWorkbook plus helpers to
 * mutate single cells, so each validation test is "valid plan + one change".
 */
import type { RawTable, RawValue, RawWorkbook } from '../model';
import { TABLES, type TableKey } from '../schema';

export type Zeile = Partial<Record<string, RawValue>>;

const POS: Record<TableKey, { headerRow: number; firstColumn: number }> = {
  handlungsfelder: { headerRow: 1, firstColumn: 1 },
  einstellungen: { headerRow: 1, firstColumn: 6 },
  ziele: { headerRow: 1, firstColumn: 1 },
  arbeitsplanung: { headerRow: 1, firstColumn: 1 },
  checkliste: { headerRow: 1, firstColumn: 1 },
  kennzahlen: { headerRow: 1, firstColumn: 1 },
  zeitreihe: { headerRow: 1, firstColumn: 1 },
};

export const GUELTIG: Record<TableKey, Zeile[]> = {
  handlungsfelder: [
    { 'HF-Nr': 1, Handlungsfeld: 'Sprachförderung', Netzwerk: 'Netzwerk Sprache', Netzwerkleitung: 'A. Beispiel, B. Muster' },
    { 'HF-Nr': 2, Handlungsfeld: 'Kita, Schule, Bildung', Netzwerk: 'Netzwerk Bildung', Netzwerkleitung: 'C. Test' },
  ],
  einstellungen: [
    { Einstellung: 'Berichtsjahr', Wert: 2026 },
    { Einstellung: 'Ampel grün ab', Wert: 0.9 },
    { Einstellung: 'Ampel gelb ab', Wert: 0.6 },
  ],
  ziele: [
    { 'HF-Nr': 1, Herausforderung: 'H1', Leitziel: 'L1', 'Handlungsziel-ID': '1.1', Handlungsziel: 'Mehr Sprachkurse' },
    { 'HF-Nr': 1, Herausforderung: 'H1', Leitziel: 'L1', 'Handlungsziel-ID': '1.2', Handlungsziel: 'Weniger Abbrüche' },
    { 'HF-Nr': 2, Herausforderung: 'H2', Leitziel: 'L2', 'Handlungsziel-ID': '2.1', Handlungsziel: 'Kitaplätze' },
  ],
  arbeitsplanung: [
    {
      Nr: 'A1',
      'HF-Nr': 1,
      'Handlungsziel-ID': '1.1',
      Art: 'Maßnahme',
      Beschreibung: 'Kurs anbieten',
      Priorität: 'hoch',
      Verantwortlich: 'VHS',
      Zeitraum: 'Q1',
      Status: 'umgesetzt',
      Standardmaßnahme: 'nein',
    },
    {
      Nr: 'A2',
      'HF-Nr': 1,
      'Handlungsziel-ID': '1.1',
      Art: 'Wirkung',
      Beschreibung: 'Mehr Menschen sprechen Deutsch',
      Bezug: 'A1',
    },
    {
      Nr: 'A3',
      'HF-Nr': 1,
      'Handlungsziel-ID': '1.2',
      Art: 'Maßnahme',
      Beschreibung: 'Kinderbetreuung',
      Priorität: 'mittel',
      Verantwortlich: 'Caritas',
      Status: 'begonnen',
    },
    {
      Nr: 'A4',
      'HF-Nr': 2,
      'Handlungsziel-ID': '2.1',
      Art: 'Maßnahme',
      Beschreibung: 'Elternabend',
      Priorität: 'niedrig',
      Verantwortlich: 'Kita',
      Status: 'geplant',
    },
    {
      Nr: 'A5',
      'HF-Nr': 2,
      'Handlungsziel-ID': '2.1',
      Art: 'Maßnahme',
      Beschreibung: 'Interkulturelle Woche',
      Priorität: 'hoch',
      Verantwortlich: 'Stadt',
      Status: 'umgesetzt',
      Standardmaßnahme: 'ja',
    },
  ],
  checkliste: [
    { 'Handlungsziel-ID': '1.1', Zielgruppe: 'Erwachsene', Umsetzungsstand: 'in Umsetzung', Anpassungsbedarf: 'keiner' },
    { 'Handlungsziel-ID': '1.2', Zielgruppe: 'Eltern' },
    { 'Handlungsziel-ID': '2.1', Zielgruppe: 'Kinder' },
  ],
  kennzahlen: [
    {
      'Kennzahl-ID': 'K1',
      'Handlungsziel-ID': '1.1',
      Kennzahl: 'Kursplätze',
      Einheit: 'Anzahl',
      Wirkungsebene: 'Output',
      Zielwert: 100,
      Istwert: 95,
    },
    {
      'Kennzahl-ID': 'K2',
      'Handlungsziel-ID': '1.2',
      Kennzahl: 'Abbruchquote',
      Einheit: '%',
      Wirkungsebene: 'Outcome',
      Ausgangswert: 40,
      Zielwert: 20,
      Istwert: 30,
      Begründung: 'Personalmangel',
    },
    {
      'Kennzahl-ID': 'K3',
      'Handlungsziel-ID': '2.1',
      Kennzahl: 'Plätze',
      Einheit: 'Anzahl',
      Ausgangswert: 10,
      Zielwert: 20,
      Stichtag: new Date(Date.UTC(2026, 11, 31)),
    },
  ],
  zeitreihe: [],
};

export function tabelle(key: TableKey, zeilen: Zeile[], extra: string[] = []): RawTable {
  const spec = TABLES[key];
  const headers = [...spec.columns.map((c) => c.header), ...extra];
  return {
    name: spec.name,
    sheet: spec.sheet,
    ...POS[key],
    headers,
    rows: zeilen.map((z) => headers.map((h) => (z[h] === undefined ? null : (z[h] as RawValue)))),
  };
}

export function arbeitsmappe(daten: Record<TableKey, Zeile[]> = GUELTIG): RawWorkbook {
  const keys = Object.keys(TABLES) as TableKey[];
  return {
    sheets: ['Stammdaten', 'Ziele', 'Arbeitsplanung', 'Checkliste', 'Kennzahlen'],
    tables: keys.map((k) => tabelle(k, daten[k])),
    source: 'test.xlsx',
  };
}

/** Deep copy of the valid data with one cell set (value undefined = cell cleared). */
export function mitZelle(key: TableKey, index: number, header: string, wert: RawValue): Record<TableKey, Zeile[]> {
  const d = kopie();
  d[key][index] = { ...d[key][index], [header]: wert };
  return d;
}

export function kopie(): Record<TableKey, Zeile[]> {
  const d = {} as Record<TableKey, Zeile[]>;
  for (const k of Object.keys(GUELTIG) as TableKey[]) d[k] = GUELTIG[k].map((z) => ({ ...z }));
  return d;
}

/** mulberry32: small, seeded, deterministic random numbers for property-style tests (no fast-check). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
