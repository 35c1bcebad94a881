/**
 * The rules behind "Neues Berichtsjahr anlegen" that do not need Excel or
 * exceljs: validate the open workbook, compute what the rollover would do
 * (src/domain/jahreswechsel.ts, same as the CLI's `jahreswechsel`) and name
 * the new file. The Office gateway and the fake gateway share them, so tests
 * and the demo show exactly what the add-in shows.
 */
import { hatFehler, pruefen } from '../../domain';
import { jahreswechsel, jahrUngueltig, standardJahr, type JahreswechselErgebnis } from '../../domain/jahreswechsel';
import type { Finding, Plan, RawWorkbook } from '../../domain/model';
import { TABLES, type TableKey } from '../../domain/schema';
import { BenutzerFehler } from '../gateway';

/** origin name when Excel cannot tell the file name of the open workbook */
export const UNBEKANNTE_MAPPE = 'Geöffnete Arbeitsmappe';

export type JahreswechselVorschau =
  | {
      /** the open workbook has Fehler: no new year until they are fixed */
      readonly art: 'fehler';
      readonly quelle: string;
      readonly fehler: readonly Finding[];
      readonly warnungen: number;
    }
  | {
      readonly art: 'bereit';
      readonly quelle: string;
      /** the workbook as read and its plan, so the pane can recompute for another year without reading again */
      readonly raw: RawWorkbook;
      readonly plan: Plan;
      readonly altesJahr: number;
      /** the default new year (Berichtsjahr + 1) */
      readonly jahr: number;
      readonly warnungen: number;
    };

export interface JahresmappeErstellt {
  /** suggested file name, e.g. "Arbeitsplanung-2027.xlsx" */
  readonly datei: string;
  readonly jahr: number;
  readonly altesJahr: number;
  /** rows of tblArbeitsplanung carried into the new year / closed in the old one */
  readonly uebernommen: number;
  readonly abgeschlossen: number;
  /** Fehler `pruefen` finds in the new workbook (0 unless something is wrong with the rollover) */
  readonly fehlerNeu: number;
  /** the .xlsx file */
  readonly inhalt: Uint8Array;
}

export function vorschauAusMappe(raw: RawWorkbook): JahreswechselVorschau {
  const quelle = raw.source || UNBEKANNTE_MAPPE;
  const { plan, findings } = pruefen(raw);
  const warnungen = findings.filter((f) => f.schwere === 'Warnung').length;
  if (!plan || hatFehler(findings)) {
    return { art: 'fehler', quelle, fehler: findings.filter((f) => f.schwere === 'Fehler'), warnungen };
  }
  return { art: 'bereit', quelle, raw, plan, altesJahr: plan.einstellungen.berichtsjahr, jahr: standardJahr(plan), warnungen };
}

/**
 * The new file's name: the old name with its year replaced (so a naming
 * scheme of the city stays), else "Arbeitsplanung-<jahr>.xlsx".
 */
export function dateinameNeuesJahr(quelle: string, altesJahr: number, jahr: number): string {
  const basis = quelle.replace(/^.*[\\/]/, '');
  const alt = String(altesJahr);
  const stelle = basis.lastIndexOf(alt);
  const vorher = basis.charAt(stelle - 1);
  const nachher = basis.charAt(stelle + alt.length);
  // only a year that stands on its own ("Plan-2026.xlsx", not "Plan12026.xlsx")
  if (/\.xlsx$/i.test(basis) && stelle >= 0 && !/\d/.test(vorher) && !/\d/.test(nachher)) {
    return basis.slice(0, stelle) + String(jahr) + basis.slice(stelle + alt.length);
  }
  return `Arbeitsplanung-${jahr}.xlsx`;
}

/** What building needs, checked again at build time (the workbook may have changed since the preview). */
export function bauVoraussetzungen(raw: RawWorkbook, jahr: number): { plan: Plan; quelle: string; datei: string } {
  const v = vorschauAusMappe(raw);
  if (v.art === 'fehler') {
    throw new BenutzerFehler(
      'Das neue Berichtsjahr kann nicht angelegt werden: Die Arbeitsmappe enthält Fehler.',
      `Die Arbeitsmappe hat jetzt ${v.fehler.length} Fehler. Bitte mit „Prüfen“ die Stellen anzeigen, korrigieren und die Vorschau erneut anzeigen.`,
    );
  }
  const ungueltig = jahrUngueltig(v.plan, jahr);
  if (ungueltig) throw new BenutzerFehler('Das neue Berichtsjahr kann nicht angelegt werden.', ungueltig);
  return { plan: v.plan, quelle: v.quelle, datei: dateinameNeuesJahr(v.quelle, v.altesJahr, jahr) };
}

export function erstelltAus(
  ergebnis: JahreswechselErgebnis,
  datei: string,
  inhalt: Uint8Array,
  pruefung: readonly Finding[],
): JahresmappeErstellt {
  const ap = TABLES.arbeitsplanung.name;
  return {
    datei,
    jahr: ergebnis.jahr,
    altesJahr: ergebnis.altesJahr,
    uebernommen: ergebnis.uebernommen.filter((e) => e.tabelle === ap).length,
    abgeschlossen: ergebnis.abgeschlossen.filter((e) => e.tabelle === ap).length,
    fehlerNeu: pruefung.filter((f) => f.schwere === 'Fehler').length,
    inhalt,
  };
}

/** Tables in the order of the preview (the order of the workbook's sheets). */
export const VORSCHAU_TABELLEN: readonly TableKey[] = [
  'handlungsfelder',
  'ziele',
  'einstellungen',
  'arbeitsplanung',
  'checkliste',
  'kennzahlen',
  'zeitreihe',
];

export interface TabellenZahl {
  readonly key: TableKey;
  /** e.g. "tblArbeitsplanung", as in the entries */
  readonly tabelle: string;
  /** e.g. "Arbeitsplanung": short enough for a 320 px pane */
  readonly titel: string;
  readonly uebernommen: number;
  readonly abgeschlossen: number;
}

export function zahlenJeTabelle(e: JahreswechselErgebnis): TabellenZahl[] {
  return VORSCHAU_TABELLEN.map((key) => {
    const tabelle = TABLES[key].name;
    return {
      key,
      tabelle,
      titel: tabelle.replace(/^tbl/, ''),
      uebernommen: e.uebernommen.filter((x) => x.tabelle === tabelle).length,
      abgeschlossen: e.abgeschlossen.filter((x) => x.tabelle === tabelle).length,
    };
  });
}

export { jahreswechsel, jahrUngueltig };
