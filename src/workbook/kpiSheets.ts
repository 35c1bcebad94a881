/**
 * Builders of the computed sheets `KPI Übersicht` and `KPI Handlungsziele`
 * as Grids (pure). The exceljs adapter and the Office.js adapter both render
 * these, so the sheets look the same from the CLI and from the add-in.
 */
import { SHEETS, type SheetName } from '../domain/schema';
import { entwicklung, entwicklungText, massnahmenZaehlung } from '../domain/kpi';
import type { Ampel, KpiResult, Plan, Zaehlung } from '../domain/model';
import { AMPEL_LABEL, COLORS } from './layout';
import type { ChartSpec, Grid, GridCell, GridValue, StyleName } from './grid';
import { ampelStyle, zahlStil } from './styles';
import { zeilenhoehen } from './zeilenhoehe';
import { a1 } from '../domain/adresse';
import { prozent, zeitstempel } from '../domain/format';

export interface KpiMeta {
  readonly berechnetAm: Date;
  /** file name (or workbook name) the figures were computed from */
  readonly quelle: string;
}

const c = (v: GridValue, s?: StyleName): GridCell => (s ? { v, s } : { v });
const ampelZelle = (a: Ampel): GridCell => c(AMPEL_LABEL[a], ampelStyle(a));

export function berechnetZeile(meta: KpiMeta): string {
  return `Berechnet am ${zeitstempel(meta.berechnetAm)} aus „${meta.quelle}“. Dieses Blatt wird bei jeder Aktualisierung neu geschrieben – bitte nicht hineinschreiben.`;
}

function schwellenHinweis(plan: Plan): string {
  const e = plan.einstellungen;
  return `Ampel: grün ab ${prozent(e.ampelGruen)}, gelb ab ${prozent(e.ampelGelb)} Zielerreichung, darunter rot. Standardmaßnahmen sind in den Zählungen nicht enthalten.`;
}

export const UEBERSICHT_KOPF = [
  'HF-Nr',
  'Handlungsfeld',
  'Netzwerk',
  'Zielerreichung',
  'Ampel',
  'Maßnahmen',
  'umgesetzt',
  'begonnen',
  'geplant',
  'verschoben',
  'entfallen',
  'Umsetzungsquote',
  'Wirkungen',
  'Standardmaßnahmen',
  'Handlungsziele ohne Maßnahme',
] as const;

function zaehlZellen(z: Zaehlung, fett: boolean): GridCell[] {
  const n = (v: number): GridCell => c(v, fett ? 'summe' : 'zahl');
  return [
    c(z.zielerreichung, 'prozent'),
    ampelZelle(z.ampel),
    ...Object.values(massnahmenZaehlung(z)).map(n),
    c(z.umsetzungsquote, 'prozent'),
    n(z.wirkungen),
    n(z.standardmassnahmen),
    n(z.handlungszieleOhneMassnahme),
  ];
}

/** Sheet `KPI Übersicht`: one row per Handlungsfeld plus Gesamt, chart data and chart specs. */
export function kpiUebersichtGrid(plan: Plan, kpi: KpiResult, meta: KpiMeta): Grid {
  const rows: GridCell[][] = [];
  rows.push([c(`KPI Übersicht – Arbeitsplanung ${kpi.berichtsjahr}`, 'titel')]);
  rows.push([c(berechnetZeile(meta), 'hinweis')]);
  rows.push([c(schwellenHinweis(plan), 'hinweis')]);
  rows.push([]);
  const kopfZeile = rows.length + 1;
  rows.push(UEBERSICHT_KOPF.map((h) => c(h, 'kopf')));
  const hfByNr = new Map(plan.handlungsfelder.map((h) => [h.nr, h]));
  for (const hf of kpi.handlungsfelder) {
    const stamm = hfByNr.get(hf.hf);
    rows.push([c(hf.hf, 'nr'), c(stamm?.name ?? '', 'text'), c(stamm?.netzwerk ?? '', 'text'), ...zaehlZellen(hf, false)]);
  }
  rows.push([c('Gesamt', 'summe'), c('alle Handlungsfelder', 'summe'), c('', 'summe'), ...zaehlZellen(kpi.gesamt, true)]);

  // Chart source data: contiguous ranges with a category column, as charts need them.
  rows.push([]);
  const datenTitel = rows.length + 1;
  rows.push([c('Daten für die Diagramme', 'abschnitt')]);
  const zeKopf = rows.length + 1;
  rows.push([c('HF', 'kopf'), c('Zielerreichung', 'kopf')]);
  for (const hf of kpi.handlungsfelder) rows.push([c(`HF ${hf.hf}`, 'text'), c(hf.zielerreichung, 'prozent')]);
  const zeEnde = rows.length;
  rows.push([]);
  const stKopf = rows.length + 1;
  rows.push(['HF', 'umgesetzt', 'begonnen', 'geplant', 'verschoben', 'entfallen'].map((h) => c(h, 'kopf')));
  for (const hf of kpi.handlungsfelder)
    rows.push([
      c(`HF ${hf.hf}`, 'text'),
      ...[hf.umgesetzt, hf.begonnen, hf.geplant, hf.verschoben, hf.entfallen].map((v) => c(v, 'zahl')),
    ]);
  const stEnde = rows.length;

  const charts: ChartSpec[] = [
    {
      name: 'DiagrammZielerreichung',
      title: 'Zielerreichung je Handlungsfeld',
      beschreibung: `Balkendiagramm der Zielerreichung je Handlungsfeld: ${kpi.handlungsfelder.map((h) => `HF ${h.hf} ${prozent(h.zielerreichung, 'keine Daten')}`).join(', ')}. Die Werte stehen auch in der Tabelle darüber.`,
      type: 'bar',
      dataRange: `A${zeKopf}:B${zeEnde}`,
      anchor: a1(datenTitel, 8),
      width: 480,
      height: 280,
    },
    {
      name: 'DiagrammStatus',
      title: 'Maßnahmen nach Status je Handlungsfeld',
      beschreibung: `Gestapeltes Balkendiagramm der Maßnahmen nach Status je Handlungsfeld (umgesetzt, begonnen, geplant, verschoben, entfallen): ${kpi.handlungsfelder.map((h) => `HF ${h.hf} ${h.umgesetzt}/${h.begonnen}/${h.geplant}/${h.verschoben}/${h.entfallen}`).join(', ')}.`,
      type: 'stackedBar',
      dataRange: `A${stKopf}:F${stEnde}`,
      // 20 rows × 15 pt = 300 pt: below the first chart (280 pt high), no overlap
      anchor: a1(datenTitel + 20, 8),
      width: 480,
      height: 280,
    },
  ];

  // no merged cells (screen readers and Excel's accessibility checker): the title lines run on to the right
  const columnWidths = [8, 34, 24, 15, 11, 12, 11, 10, 9, 11, 10, 17, 11, 20, 16];
  return {
    sheet: SHEETS.kpiUebersicht,
    columnWidths,
    rows,
    rowHeights: zeilenhoehen(rows, columnWidths),
    freezeRows: kopfZeile,
    tabColor: COLORS.tabBerechnet,
    print: { landscape: true, paper: 'A4', fitToWidth: true, repeatRows: [kopfZeile, kopfZeile], pageBreaksBefore: [] },
    charts,
  };
}

export const HANDLUNGSZIELE_KOPF = [
  'Handlungsziel-ID',
  'HF-Nr',
  'Handlungsfeld',
  'Handlungsziel',
  'Zielerreichung',
  'Ampel',
  'Kennzahlen',
  'mit Istwert',
  'Datenabdeckung',
] as const;

export const KENNZAHLEN_KOPF = [
  'Kennzahl-ID',
  'Handlungsziel-ID',
  'Einheit',
  'Kennzahl',
  'Ausgangswert',
  'Zielwert',
  'Istwert',
  'Zielerreichung',
  'Ampel',
  'Begründung',
] as const;

/**
 * Sheet `KPI Handlungsziele`: one row per Handlungsziel (table order) with
 * Zielerreichung, Ampel and data coverage; below, every Kennzahl with its
 * uncapped Zielerreichung so the figures can be traced.
 */
export function kpiHandlungszieleGrid(plan: Plan, kpi: KpiResult, meta: KpiMeta): Grid {
  const rows: GridCell[][] = [];
  rows.push([c(`KPI Handlungsziele – Arbeitsplanung ${kpi.berichtsjahr}`, 'titel')]);
  rows.push([c(berechnetZeile(meta), 'hinweis')]);
  rows.push([c(`${schwellenHinweis(plan)} Datenabdeckung = Anteil der Kennzahlen mit Istwert.`, 'hinweis')]);
  rows.push([]);
  const kopfZeile = rows.length + 1;
  rows.push(HANDLUNGSZIELE_KOPF.map((h) => c(h, 'kopf')));
  const hfName = new Map(plan.handlungsfelder.map((h) => [h.nr, h.name]));
  const zielText = new Map(plan.ziele.map((z) => [z.id, z.handlungsziel]));
  for (const hz of kpi.handlungsziele) {
    rows.push([
      c(hz.id, 'textFett'),
      c(hz.hf, 'nr'),
      c(hz.hf === null ? '' : (hfName.get(hz.hf) ?? ''), 'text'),
      c(zielText.get(hz.id) ?? '', 'text'),
      c(hz.zielerreichung, 'prozent'),
      ampelZelle(hz.ampel),
      c(hz.kennzahlen, 'zahl'),
      c(hz.kennzahlenMitDaten, 'zahl'),
      c(hz.kennzahlen > 0 ? hz.kennzahlenMitDaten / hz.kennzahlen : null, 'prozent'),
    ]);
  }

  rows.push([]);
  rows.push([c('Kennzahlen (Zielerreichung ungekappt; in die Mittelwerte geht sie auf 0–100 % begrenzt ein)', 'abschnitt')]);
  const kzKopf = rows.length + 1;
  // from the second year on: Vorjahr before and Veränderung after the Istwert
  const mitVorjahr = kpi.kennzahlen.some((k) => k.vorjahr !== null);
  const kopf = KENNZAHLEN_KOPF.map((h) => c(h, 'kopf'));
  if (mitVorjahr) kopf.splice(6, 1, c('Vorjahr', 'kopf'), c('Istwert', 'kopf'), c('Veränderung', 'kopf'));
  rows.push(kopf);
  const kzById = new Map(plan.kennzahlen.map((k) => [k.id, k]));
  for (const kk of kpi.kennzahlen) {
    const k = kzById.get(kk.id);
    const ist = c(k?.istwert ?? null, zahlStil(k?.istwert ?? null));
    const werte = mitVorjahr
      ? [c(kk.vorjahr, zahlStil(kk.vorjahr)), ist, c(entwicklungText(k ? entwicklung(k, kk.vorjahr) : null), 'text')]
      : [ist];
    rows.push([
      c(kk.id, 'textFett'),
      c(kk.handlungszielId, 'text'),
      c(k?.einheit ?? '', 'text'),
      c(k?.name ?? '', 'text'),
      c(k?.ausgangswert ?? null, zahlStil(k?.ausgangswert ?? null)),
      c(k?.zielwert ?? null, zahlStil(k?.zielwert ?? null)),
      ...werte,
      c(kk.zielerreichung, 'prozent'),
      ampelZelle(kk.ampel),
      c(k?.begruendung ?? '', 'text'),
    ]);
  }

  const columnWidths = mitVorjahr ? [14, 17, 30, 52, 15, 12, 12, 12, 17, 15, 16, 44] : [14, 17, 30, 52, 15, 12, 12, 15, 16, 44];
  return {
    sheet: SHEETS.kpiHandlungsziele,
    columnWidths,
    rows,
    rowHeights: zeilenhoehen(rows, columnWidths),
    freezeRows: kopfZeile,
    tabColor: COLORS.tabBerechnet,
    // the title lines repeat (not a table header: the Kennzahlen section below has a header of its own)
    print: { landscape: true, paper: 'A4', fitToWidth: true, repeatRows: [1, 2], pageBreaksBefore: [kzKopf - 1] },
  };
}

/**
 * A computed sheet in a fresh template, before the first refresh: so the
 * template shows every sheet of SPEC §2 and says how it gets its content.
 */
export function platzhalterGrid(sheet: SheetName, berichtsjahr?: number): Grid {
  const fuer = berichtsjahr === undefined ? '' : ` für das Berichtsjahr ${berichtsjahr}`;
  return {
    sheet,
    columnWidths: [100],
    rows: [
      [c(sheet, 'titel')],
      [
        c(
          `Noch nicht berechnet${fuer}. Dieses Blatt wird vom Integrationsmonitor geschrieben – bitte nicht hineinschreiben.`,
          'hinweis',
        ),
      ],
      [
        c(
          'Im Add-in „KPIs aktualisieren“ wählen oder auf der Kommandozeile: integrationsmonitor kpi <datei.xlsx> --aus <ziel.xlsx>',
          'hinweis',
        ),
      ],
    ],
    tabColor: COLORS.tabBerechnet,
  };
}
