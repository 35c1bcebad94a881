/**
 * Layout of the two sheets of the network workflow:
 * - the hidden origin marker of a network workbook ("_Herkunft", state
 *   veryHidden so network leads do not edit it by accident; its two tables
 *   are defined in src/domain/netzwerk/herkunft.ts)
 * - the visible German change report "Änderungsprotokoll" written by a merge.
 */
import { SHEETS, TABLES, TABLE_ORDER } from '../domain/schema';
import type { Aenderung, Aenderungen, AnzeigeWert } from '../domain/netzwerk';
import type { Grid, GridCell, GridValue, StyleName } from './grid';
import { COLORS } from './layout';
import { STYLES } from './styles';
import { umbrechen } from './zeilenhoehe';
import { zeitstempel } from '../domain/format';

export const HERKUNFT_BLATT = '_Herkunft';
export const HERKUNFT_BLATT_ZUSTAND = 'veryHidden' as const;
/** top-left cells of the info table and of the row table on the marker sheet */
export const HERKUNFT_INFO_ANKER = { row: 1, col: 1 } as const;
export const HERKUNFT_ZEILEN_ANKER = { row: 1, col: 4 } as const;
export const HERKUNFT_SPALTENBREITEN = [16, 50, 2, 20, 18, 18, 80] as const;

export const PROTOKOLL_TABELLE = 'tblAenderungsprotokoll';
export const PROTOKOLL_KOPF = ['Art', 'Datei', 'Blatt', 'Schlüssel', 'Spalte', 'Wert Gesamtdatei', 'Wert Netzwerkdatei', 'Meldung'] as const;

export interface ProtokollMeta {
  readonly erstelltAm: Date;
  /** file name of the steering workbook */
  readonly gesamt: string;
  /** network file names in merge order */
  readonly dateien: readonly string[];
  /** validation of the merged result; null when not run */
  readonly pruefung: { readonly fehler: number; readonly warnungen: number } | null;
  readonly hinweise?: readonly string[];
}

const c = (v: GridValue, s?: StyleName): GridCell => (s ? { v, s } : { v });

const ART: readonly { key: keyof Aenderungen; label: string; stil: StyleName }[] = [
  { key: 'neu', label: 'Neu', stil: 'ampelGruen' },
  { key: 'geaendert', label: 'Geändert', stil: 'ampelGruen' },
  { key: 'konflikte', label: 'Konflikt', stil: 'ampelGelb' },
  { key: 'abgelehnt', label: 'Abgelehnt', stil: 'ampelRot' },
];

const BLATT_VON_TABELLE = new Map<string, string>(TABLE_ORDER.map((k) => [TABLES[k].name, TABLES[k].sheet]));

function zellwert(v: AnzeigeWert): GridValue {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 'WAHR' : 'FALSCH';
  return v;
}

/** Rows of the change report, one per entry of the merge result, in report order. */
export function protokollZeilen(a: Aenderungen): { art: string; stil: StyleName; e: Aenderung }[] {
  return ART.flatMap(({ key, label, stil }) => a[key].map((e) => ({ art: label, stil, e })));
}

const BREITEN = [12, 34, 16, 14, 18, 22, 22, 90] as const;
const ZEILENHOEHE = 15;

/** Estimated height of a row whose cells wrap: LibreOffice does not fit heights of exceljs files. */
function hoehe(texte: readonly { text: string; breite: number }[]): number | null {
  const zeilen = Math.max(1, ...texte.map((t) => Math.ceil(t.text.length / Math.max(4, t.breite * 0.95))));
  return zeilen > 1 ? zeilen * ZEILENHOEHE : null;
}

/** The visible sheet "Änderungsprotokoll" as a Grid (rewritten by every merge). */
export function aenderungsprotokollGrid(a: Aenderungen, meta: ProtokollMeta): Grid {
  const rows: GridCell[][] = [];
  const heights: (number | null)[] = [];
  const gesamtBreite = BREITEN.reduce((x, y) => x + y, 0);
  /** text across the whole width: one row per line, running on to the right (no merged cells) */
  const satz = (text: string, stil: StyleName): void => {
    const einzeilig: StyleName = stil === 'text' ? 'zeile' : stil === 'textFett' ? 'zeileFett' : stil;
    const st = STYLES[einzeilig];
    for (const zeile of umbrechen(text, gesamtBreite, st.fontSize, Boolean(st.bold))) {
      rows.push([c(zeile, einzeilig)]);
      heights.push(st.fontSize && st.fontSize > 12 ? 24 : null);
    }
  };
  const leer = (): void => {
    rows.push([]);
    heights.push(null);
  };
  const anzahl = (k: keyof Aenderungen): number => a[k].length;

  satz('Änderungsprotokoll – Zusammenführung der Netzwerkdateien', 'titel');
  satz(
    `Erstellt am ${zeitstempel(meta.erstelltAm)} aus „${meta.gesamt}“ und ${meta.dateien.length} Netzwerkdatei${meta.dateien.length === 1 ? '' : 'en'}. Dieses Blatt wird beim nächsten Zusammenführen neu geschrieben.`,
    'hinweis',
  );
  const offen = anzahl('konflikte') + anzahl('abgelehnt');
  satz(
    offen === 0
      ? 'Alle Änderungen wurden übernommen; es gab keine Konflikte und keine abgelehnten Zeilen.'
      : `${anzahl('konflikte')} Konflikt(e) und ${anzahl('abgelehnt')} abgelehnte Zeile(n): dort gilt weiter der Wert der Gesamtdatei. Bitte mit den Netzwerken klären und von Hand nachtragen.`,
    offen === 0 ? 'text' : 'textFett',
  );
  leer();
  rows.push([c('Zusammenfassung je Datei', 'abschnitt')]);
  heights.push(null);
  // file names in B (wide), the counters in the narrow columns C–F
  const zusammen = (erste: GridCell, werte: GridCell[]): void => {
    rows.push([c(null), erste, ...werte]);
    heights.push(hoehe([{ text: String(erste.v ?? ''), breite: BREITEN[1] }]));
  };
  zusammen(c('Datei', 'kopf'), ['Neu', 'Geändert', 'Konflikte', 'Abgelehnt'].map((h) => c(h, 'kopf')));
  for (const d of meta.dateien) {
    const n = (k: keyof Aenderungen): GridCell => c(a[k].filter((e) => e.datei === d).length, 'zahl');
    zusammen(c(d, 'text'), [n('neu'), n('geaendert'), n('konflikte'), n('abgelehnt')]);
  }
  zusammen(c('Summe', 'summe'), [c(anzahl('neu'), 'summe'), c(anzahl('geaendert'), 'summe'), c(anzahl('konflikte'), 'summe'), c(anzahl('abgelehnt'), 'summe')]);
  leer();
  if (meta.pruefung) {
    const p = meta.pruefung;
    satz(
      `Prüfung des Ergebnisses: ${p.fehler} Fehler, ${p.warnungen} Warnung(en).${p.fehler > 0 ? ' Vor der KPI-Berechnung bitte die Fehler beheben (Prüfen im Add-in oder „integrationsmonitor pruefen“).' : ''}`,
      p.fehler > 0 ? 'textFett' : 'text',
    );
  }
  for (const h of meta.hinweise ?? []) satz(`Hinweis: ${h}`, 'hinweis');
  leer();
  rows.push([c('Einzelne Änderungen', 'abschnitt')]);
  heights.push(null);
  const kopfZeile = rows.length + 1;
  rows.push(PROTOKOLL_KOPF.map((h) => c(h, 'kopf')));
  heights.push(null);
  const eintraege = protokollZeilen(a);
  for (const { art, stil, e } of eintraege) {
    const zelle = [
      c(art, stil),
      c(e.datei, 'text'),
      c(e.tabelle ? (BLATT_VON_TABELLE.get(e.tabelle) ?? e.tabelle) : null, 'text'),
      c(e.schluessel, 'text'),
      c(e.spalte, 'text'),
      c(zellwert(e.gesamt), 'text'),
      c(zellwert(e.netzwerk), 'text'),
      c(e.meldung, 'text'),
    ];
    rows.push(zelle);
    heights.push(hoehe(zelle.map((z, i) => ({ text: z.v === null ? '' : String(z.v), breite: BREITEN[i] }))));
  }
  if (eintraege.length === 0) {
    rows.push([c('–', 'text'), c(null, 'text'), c(null, 'text'), c(null, 'text'), c(null, 'text'), c(null, 'text'), c(null, 'text'), c('Keine Änderungen.', 'text')]);
    heights.push(null);
  }
  const letzte = rows.length;
  return {
    sheet: SHEETS.aenderungsprotokoll,
    columnWidths: [...BREITEN],
    rows,
    rowHeights: heights,
    tabColor: COLORS.tabBerechnet,
    table: { name: PROTOKOLL_TABELLE, range: `A${kopfZeile}:H${letzte}` },
    print: { landscape: true, paper: 'A4', fitToWidth: true, repeatRows: [kopfZeile, kopfZeile] },
  };
}
