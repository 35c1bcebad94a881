/**
 * The computed sheet „Jahreswechsel“ of a new Berichtsjahr (SPEC §6): per
 * table how many rows were carried and closed, then every row with the
 * address it had in the old workbook, as a filterable table.
 */
import type { JahreswechselEintrag, JahreswechselErgebnis } from '../domain/jahreswechsel';
import { ALLE_TABELLEN, SHEETS, TABLES } from '../domain/schema';
import type { Grid, GridCell, GridValue, StyleName } from './grid';
import { COLORS } from './layout';
import { zeilenhoehen } from './zeilenhoehe';
import { datumDeutsch, deutscherTag } from '../domain/format';

export interface JahreswechselMeta {
  readonly erstelltAm: Date;
  /** file name of the old workbook */
  readonly quelle: string;
}

export const JAHRESWECHSEL_TABELLE = 'tblJahreswechsel';
export const JAHRESWECHSEL_KOPF = ['Tabelle', 'Schlüssel', 'Ergebnis', 'Hinweis', 'Zeile im alten Jahr'] as const;

const BREITEN = [20, 16, 16, 80, 24];
const c = (v: GridValue, s?: StyleName): GridCell => (s ? { v, s } : { v });

export function jahreswechselGrid(e: JahreswechselErgebnis, meta: JahreswechselMeta): Grid {
  const rows: GridCell[][] = [
    [c(`Jahreswechsel ${e.altesJahr} → ${e.jahr}`, 'titel')],
    [
      c(
        `Erstellt am ${datumDeutsch(deutscherTag(meta.erstelltAm))} aus „${meta.quelle}“. Blatt des Integrationsmonitors – bitte nicht hineinschreiben.`,
        'hinweis',
      ),
    ],
    [
      c(
        `Offene Maßnahmen und Wirkungen laufen weiter („verschoben“ wird „geplant“), Standardmaßnahmen stehen wieder auf „geplant“. Umgesetzte und entfallene Zeilen bleiben im Bericht ${e.altesJahr}. Die Istwerte ${e.altesJahr} stehen jetzt auf dem Blatt „${SHEETS.zeitreihe}“.`,
        'hinweis',
      ),
    ],
    [],
    [c('Zusammenfassung je Tabelle', 'abschnitt')],
    ['Tabelle', 'übernommen', 'abgeschlossen'].map((h) => c(h, 'kopf')),
  ];
  const zaehle = (liste: readonly JahreswechselEintrag[], name: string): number => liste.filter((x) => x.tabelle === name).length;
  for (const k of ALLE_TABELLEN) {
    const name = TABLES[k].name;
    rows.push([c(name, 'text'), c(zaehle(e.uebernommen, name), 'zahl'), c(zaehle(e.abgeschlossen, name), 'zahl')]);
  }
  rows.push([c('Summe', 'summe'), c(e.uebernommen.length, 'summe'), c(e.abgeschlossen.length, 'summe')]);
  rows.push([]);
  rows.push([c('Alle Zeilen', 'abschnitt')]);
  const kopf = rows.length + 1;
  rows.push(JAHRESWECHSEL_KOPF.map((h) => c(h, 'kopf')));
  const zeile = (x: JahreswechselEintrag, ergebnis: string): GridCell[] => [
    c(x.tabelle, 'text'),
    c(x.schluessel, 'text'),
    c(ergebnis, 'text'),
    c(x.meldung, 'text'),
    c(x.adresse ?? '–', 'text'),
  ];
  // closed rows first: they are what a reader checks
  for (const x of e.abgeschlossen) rows.push(zeile(x, 'abgeschlossen'));
  for (const x of e.uebernommen) rows.push(zeile(x, 'übernommen'));
  const letzte = Math.max(rows.length, kopf + 1);
  if (letzte > rows.length) rows.push(JAHRESWECHSEL_KOPF.map(() => c(null, 'text')));
  return {
    sheet: SHEETS.jahreswechsel,
    columnWidths: BREITEN,
    rows,
    freezeRows: kopf,
    tabColor: COLORS.tabBerechnet,
    table: { name: JAHRESWECHSEL_TABELLE, range: `A${kopf}:E${letzte}` },
    print: { landscape: true, paper: 'A4', fitToWidth: true, repeatRows: [kopf, kopf] },
    rowHeights: zeilenhoehen(rows, BREITEN),
  };
}

