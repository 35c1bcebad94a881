/**
 * Every Office.js action of the add-in as a scenario on the fake workbook
 * (the sample plan, its Arbeitsplanung scaled to `zeilen` rows), for the
 * tests of round trips and of what the actions write.
 */
import { berechneKpi, pruefen } from '../../domain';
import type { RawTable, RawValue, RawWorkbook } from '../../domain/model';
import { TABLES, TABLE_ORDER, type TableKey } from '../../domain/schema';
import { aufteilen, herkunftAlsTabellen, HERKUNFT_INFO_TABELLE, HERKUNFT_ZEILEN_TABELLE, type NetzwerkDatei } from '../../domain/netzwerk';
import { formularZeilen, LEERE_CHECKLISTE, LEERE_KENNZAHL, type KennzahlEntwurf } from '../../domain/formular';
import { speichereCheckliste } from '../checkliste';
import { einrichten } from '../einrichten';
import { kpiAktualisieren } from '../kpi';
import { leseArbeitsmappe } from '../lesen';
import { netzwerkVorschau, uebernehmen } from '../netzwerk';
import { arbeitsmappenStatus } from '../status';
import { createFakeExcel, type FakeExcel } from './fakeExcel';
import { beispielSaat } from './saat';

export const JETZT = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));
const immer = (): boolean => true;

export interface Szenario {
  readonly name: string;
  /** the workbook before the action (empty: a new workbook) */
  readonly mappe: (zeilen?: number) => FakeExcel;
  /** prepared outside the measured action (what the task pane has in memory beforehand) */
  readonly vorbereiten?: (zeilen?: number) => Promise<unknown>;
  readonly lauf: (fx: FakeExcel, vorbereitet: unknown) => Promise<unknown>;
  /** the action writes nothing */
  readonly liestNur?: boolean;
}

export function mappeMit(zeilen?: number): FakeExcel {
  return createFakeExcel({ ...beispielSaat(zeilen), zahlenErkennen: true });
}

/** The Netzwerkdatei of HF 3 as the task pane parsed it, edited: one status, one Istwert, one new row. */
export async function netzwerkDateiHf3(zeilen?: number): Promise<NetzwerkDatei> {
  const raw = await leseArbeitsmappe(mappeMit(zeilen).context);
  const exp = aufteilen({ ...raw, source: 'gesamt.xlsx' }, 3, { quelle: 'gesamt.xlsx', exportiertAm: JETZT, nurVertragsspalten: true });
  const t = {} as Record<TableKey, RawValue[][]>;
  for (const k of TABLE_ORDER) t[k] = exp.tabellen[k].rows.map((r) => [...r]);
  const ap = exp.tabellen.arbeitsplanung.headers;
  const kz = exp.tabellen.kennzahlen.headers;
  const massnahme = t.arbeitsplanung.find((r) => r[ap.indexOf('Art')] === 'Maßnahme');
  if (massnahme) massnahme[ap.indexOf('Status')] = massnahme[ap.indexOf('Status')] === 'umgesetzt' ? 'begonnen' : 'umgesetzt';
  if (t.kennzahlen[0]) t.kennzahlen[0][kz.indexOf('Istwert')] = 77;
  t.arbeitsplanung.push(['N-3-1', 3, '3.2', 'Maßnahme', 'Neue Maßnahme aus dem Netzwerk', null, 'mittel', 'Jobcenter', 'Q3', 'geplant', 'nein', null]);
  const tables: RawTable[] = TABLE_ORDER.map((k) => ({ name: TABLES[k].name, sheet: TABLES[k].sheet, headerRow: 1, firstColumn: 1, headers: exp.tabellen[k].headers, rows: t[k] }));
  const marker = herkunftAlsTabellen(exp.herkunft);
  tables.push({ name: HERKUNFT_INFO_TABELLE, sheet: '_Herkunft', headerRow: 1, firstColumn: 1, ...marker.info });
  tables.push({ name: HERKUNFT_ZEILEN_TABELLE, sheet: '_Herkunft', headerRow: 1, firstColumn: 4, ...marker.zeilen });
  const raw2: RawWorkbook = { sheets: [], tables, source: 'HF3.xlsx' };
  return { datei: 'HF3.xlsx', raw: raw2 };
}

/** Checkliste speichern of Handlungsziel 1.1: first Kennzahl updated, the last removed, one added. */
export function checklisteSpeichern(fx: FakeExcel): Promise<unknown> {
  const t = fx.tabelle('tblKennzahlen');
  if (!t) throw new Error('tblKennzahlen fehlt');
  const vorhanden = t.zeilen.filter((r) => r[1] === '1.1').map((r) => ({ id: String(r[0]), name: String(r[2]) }));
  const entwuerfe: KennzahlEntwurf[] = vorhanden.map((k, i) => ({
    ...LEERE_KENNZAHL,
    id: k.id,
    name: k.name,
    einheit: 'Personen',
    ebene: 'Output',
    zielwert: '50',
    istwert: i === 0 ? '42' : '10',
    begruendung: 'Angebot startete verspätet',
  }));
  entwuerfe.pop();
  entwuerfe.push({ ...LEERE_KENNZAHL, id: 'K-NEU-1', name: 'Neue Kennzahl', einheit: 'Anzahl', ebene: 'Output', zielwert: '10', istwert: '9' });
  const z = formularZeilen('1.1', { ...LEERE_CHECKLISTE, zielgruppe: 'Neuzugewanderte Familien', umsetzungsstand: 'in Umsetzung', anpassungsbedarf: 'keiner' }, entwuerfe);
  return speichereCheckliste(fx.context, '1.1', z.checkliste, z.kennzahlen, { unterstuetzt: immer });
}

export const SZENARIEN: readonly Szenario[] = [
  { name: 'Einrichten (leere Mappe)', mappe: () => createFakeExcel({ zahlenErkennen: true }), lauf: (fx) => einrichten(fx.context, { unterstuetzt: immer }) },
  { name: 'Einrichten (Mappe mit Daten)', mappe: mappeMit, lauf: (fx) => einrichten(fx.context, { unterstuetzt: immer }) },
  {
    name: 'Prüfen',
    mappe: mappeMit,
    liestNur: true,
    lauf: async (fx) => {
      const r = pruefen(await leseArbeitsmappe(fx.context));
      return r.plan ? berechneKpi(r.plan) : r.findings;
    },
  },
  { name: 'Status', mappe: mappeMit, liestNur: true, lauf: (fx) => arbeitsmappenStatus(fx.context, { unterstuetzt: immer }) },
  { name: 'KPIs aktualisieren', mappe: mappeMit, lauf: (fx) => kpiAktualisieren(fx.context, JETZT, { unterstuetzt: immer }) },
  { name: 'Checkliste speichern', mappe: mappeMit, lauf: checklisteSpeichern },
  {
    name: 'Übernehmen (Vorschau)',
    mappe: mappeMit,
    liestNur: true,
    vorbereiten: netzwerkDateiHf3,
    lauf: (fx, datei) => netzwerkVorschau(fx.context, [datei as NetzwerkDatei], { unterstuetzt: immer, gesamtName: 'gesamt.xlsx' }),
  },
  {
    name: 'Übernehmen',
    mappe: mappeMit,
    vorbereiten: netzwerkDateiHf3,
    lauf: (fx, datei) => uebernehmen(fx.context, [datei as NetzwerkDatei], { jetzt: JETZT, unterstuetzt: immer, gesamtName: 'gesamt.xlsx' }),
  },
];
