/**
 * The sheet "KPI Verlauf": the table tblVerlauf (one row per Handlungsfeld and
 * refresh day, plus Gesamt) and, to its right, a small matrix date ×
 * Handlungsfeld of the Zielerreichung that feeds a line chart. Office.js
 * draws the chart natively; files written by the CLI (exceljs) carry the
 * data and the chart appears at the first refresh in Excel.
 */
import type { KpiResult, Plan, RawWorkbook } from '../domain/model';
import {
  VERLAUF_GESAMT,
  VERLAUF_SPALTEN,
  datumAlsZelle,
  verlaufAusTabelle,
  verlaufFortschreiben,
  type VerlaufZeile,
} from '../domain/verlauf';
import { SHEETS, VERLAUF_TABELLE } from '../domain/schema';
import type { ChartSpec, Grid, GridCell, GridValue, StyleName } from './grid';
import { COLORS } from './layout';
import { zeilenhoehen } from './zeilenhoehe';
import { spaltenBuchstabe } from '../domain/adresse';
import { datumDeutsch, zeitstempel } from '../domain/format';

export interface VerlaufMeta {
  readonly berechnetAm: Date;
  readonly quelle: string;
  /** the status line instead of „Stand: … aus …“ (e.g. for a history carried into a new Berichtsjahr) */
  readonly stand?: string;
}

/** 1-based row of the tblVerlauf header. */
export const VERLAUF_KOPFZEILE = 5;
/** First column of the chart matrix (one empty column after the table). */
const MATRIX_SPALTE = VERLAUF_SPALTEN.length + 2;

const c = (v: GridValue, s?: StyleName): GridCell => (s ? { v, s } : { v });

const SPALTEN_STIL: Readonly<Record<(typeof VERLAUF_SPALTEN)[number], StyleName>> = {
  Datum: 'datum',
  'HF-Nr': 'nr',
  Handlungsfeld: 'text',
  Zielerreichung: 'prozent',
  Umsetzungsquote: 'prozent',
  Maßnahmen: 'zahl',
  umgesetzt: 'zahl',
  begonnen: 'zahl',
  geplant: 'zahl',
  verschoben: 'zahl',
  entfallen: 'zahl',
  Wirkungen: 'zahl',
  Kennzahlen: 'zahl',
  'Kennzahlen mit Istwert': 'zahl',
};

function werte(z: VerlaufZeile): GridValue[] {
  return [
    datumAlsZelle(z.datum),
    z.hf === null ? VERLAUF_GESAMT : z.hf,
    z.handlungsfeld,
    z.zielerreichung,
    z.umsetzungsquote,
    z.massnahmen,
    z.umgesetzt,
    z.begonnen,
    z.geplant,
    z.verschoben,
    z.entfallen,
    z.wirkungen,
    z.kennzahlen,
    z.kennzahlenMitDaten,
  ];
}

/** Builds the Verlauf sheet from the complete history (e.g. the result of verlaufFortschreiben). */
export function verlaufGrid(zeilen: readonly VerlaufZeile[], meta: VerlaufMeta): Grid {
  const rows: GridCell[][] = [
    [c('Verlauf der Zielerreichung und Umsetzungsquote', 'titel')],
    [c(meta.stand ?? `Stand: ${zeitstempel(meta.berechnetAm)} aus „${meta.quelle}“`, 'hinweis')],
    [
      c(
        'Jede KPI-Aktualisierung schreibt eine Zeile je Handlungsfeld und eine Gesamtzeile; eine erneute Aktualisierung am selben Tag ersetzt die Zeilen dieses Tages. Blatt nicht von Hand ändern.',
        'hinweis',
      ),
    ],
    [],
  ];
  const matrixTitel = VERLAUF_KOPFZEILE - 1;

  rows.push(VERLAUF_SPALTEN.map((h) => c(h, 'kopf')));
  for (const z of zeilen) rows.push(werte(z).map((v, i) => c(v, SPALTEN_STIL[VERLAUF_SPALTEN[i]])));

  // Matrix date × series (HF n …, Gesamt) for the line chart.
  const serien: (number | null)[] = [];
  for (const z of zeilen) if (!serien.includes(z.hf)) serien.push(z.hf);
  serien.sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  const tage = [...new Set(zeilen.map((z) => z.datum))].sort();
  const wert = new Map(zeilen.map((z) => [`${z.datum}|${z.hf}`, z.zielerreichung] as const));

  const setze = (row: number, col: number, cell: GridCell): void => {
    while (rows.length < row) rows.push([]);
    const r = rows[row - 1];
    while (r.length < col - 1) r.push(c(null));
    r[col - 1] = cell;
  };
  setze(matrixTitel, MATRIX_SPALTE, c('Zielerreichung je Handlungsfeld (Datenquelle des Diagramms)', 'abschnitt'));
  setze(VERLAUF_KOPFZEILE, MATRIX_SPALTE, c('Datum', 'kopf'));
  serien.forEach((hf, i) =>
    setze(VERLAUF_KOPFZEILE, MATRIX_SPALTE + 1 + i, c(hf === null ? VERLAUF_GESAMT : `HF ${hf}`, 'kopf')),
  );
  tage.forEach((tag, t) => {
    const row = VERLAUF_KOPFZEILE + 1 + t;
    setze(row, MATRIX_SPALTE, c(datumAlsZelle(tag), 'datum'));
    serien.forEach((hf, i) => setze(row, MATRIX_SPALTE + 1 + i, c(wert.get(`${tag}|${hf}`) ?? null, 'prozent')));
  });

  const breiten = [12, 8, 40, 15, 17, 12, 11, 11, 11, 11, 11, 11, 11, 14, 3, 12, ...serien.map(() => 9)];
  const letzteTabSpalte = spaltenBuchstabe(VERLAUF_SPALTEN.length);
  const grid: {
    -readonly [K in keyof Grid]: Grid[K];
  } = {
    sheet: SHEETS.verlauf,
    columnWidths: breiten,
    rows,
    freezeRows: VERLAUF_KOPFZEILE,
    tabColor: COLORS.tabBerechnet,
    print: { landscape: true, paper: 'A4', fitToWidth: true, repeatRows: [VERLAUF_KOPFZEILE, VERLAUF_KOPFZEILE] },
    rowHeights: zeilenhoehen(rows, breiten),
  };
  if (zeilen.length > 0) {
    grid.table = { name: VERLAUF_TABELLE, range: `A${VERLAUF_KOPFZEILE}:${letzteTabSpalte}${VERLAUF_KOPFZEILE + zeilen.length}` };
    const links = spaltenBuchstabe(MATRIX_SPALTE);
    const rechts = spaltenBuchstabe(MATRIX_SPALTE + serien.length);
    const chart: ChartSpec = {
      name: 'VerlaufZielerreichung',
      title: 'Zielerreichung im Verlauf',
      beschreibung: `Liniendiagramm der Zielerreichung je Handlungsfeld und gesamt vom ${datumDeutsch(tage[0])} bis ${datumDeutsch(tage[tage.length - 1])} (${tage.length} Stände). Die Werte stehen in der Tabelle links.`,
      type: 'line',
      dataRange: `${links}${VERLAUF_KOPFZEILE}:${rechts}${VERLAUF_KOPFZEILE + tage.length}`,
      anchor: `${links}${VERLAUF_KOPFZEILE + tage.length + 3}`,
      width: 640,
      height: 320,
    };
    grid.charts = [chart];
  }
  return grid;
}

/** The Verlauf sheet of a refresh: the workbook's tblVerlauf continued with today's rows. */
export function fortgeschriebenerVerlaufGrid(plan: Plan, kpi: KpiResult, meta: VerlaufMeta, raw: RawWorkbook): Grid {
  const tabelle = raw.tables.find((t) => t.name.toLowerCase() === VERLAUF_TABELLE.toLowerCase());
  return verlaufGrid(verlaufFortschreiben(verlaufAusTabelle(tabelle), kpi, meta.berechnetAm, plan), meta);
}
