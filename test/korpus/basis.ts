/**
 * A small, complete and valid plan (no Fehler, no Warnung) that every corpus
 * case starts from. Written by hand instead of taken from the sample data so
 * each case knows exactly which row sits in which cell.
 */
import type { CellValue } from 'exceljs';
import { TABLES, type TableKey } from '../../src/domain/schema';

export type Zeilen = CellValue[][];

const stichtag = new Date(Date.UTC(2026, 11, 31));

export function basisTabellen(): Record<TableKey, Zeilen> {
  return {
    handlungsfelder: [
      [1, 'Sprachförderung', 'Netzwerk Sprache', 'A. Yilmaz / B. Schulte'],
      [2, 'Kita, Schule, Bildung', 'Netzwerk Bildung', 'C. Hoffmann / D. Nowak'],
      [3, 'Ausbildung, Arbeitsmarktzugang, Wirtschaft', 'Netzwerk Arbeit', 'E. Kaya / F. Meyer'],
    ],
    einstellungen: [
      ['Berichtsjahr', 2026],
      ['Ampel grün ab', 0.9],
      ['Ampel gelb ab', 0.6],
    ],
    ziele: [
      [1, 'Wartelisten bei Integrationskursen', 'Alle Zugewanderten erreichen B1', '1.1', 'Wartezeit auf einen Kursplatz unter 3 Monate'],
      [1, 'Wenig Kinderbetreuung während der Kurse', 'Kurse sind für Eltern erreichbar', '1.2', 'Kurse mit Kinderbetreuung in jedem Stadtteil'],
      [2, 'Seiteneinsteiger ohne Schulplatz', 'Jedes Kind besucht zeitnah eine Schule', '2.1', 'Schulplatz binnen 6 Wochen nach Zuzug'],
      [3, 'Abschlüsse werden nicht anerkannt', 'Zugewanderte arbeiten ihrer Qualifikation entsprechend', '3.1', 'Anerkennungsberatung für alle Interessierten'],
    ],
    arbeitsplanung: [
      ['A-01', 1, '1.1', 'Maßnahme', 'Zusätzliche Integrationskurse mit der VHS planen', null, 'hoch', 'VHS Rheine', 'Q1', 'begonnen', 'nein', null],
      ['A-02', 1, '1.1', 'Wirkung', 'Wartezeit auf einen Kursplatz sinkt', 'A-01', null, null, 'ganzjährig', 'geplant', 'nein', null],
      ['A-03', 1, '1.2', 'Maßnahme', 'Kinderbetreuung parallel zum Kurs in Dorenkamp', null, 'mittel', 'Familienzentrum Dorenkamp', 'Q2', 'umgesetzt', 'nein', 'mit Ehrenamt'],
      ['A-04', 1, '1.2', 'Maßnahme', 'Sprachoffensive', null, 'hoch', 'Kommunales Integrationszentrum', 'ganzjährig', 'begonnen', 'ja', null],
      ['A-05', 2, '2.1', 'Maßnahme', 'Seiteneinsteigerberatung mit festen Sprechzeiten', null, 'hoch', 'Schulamt', 'Q1', 'umgesetzt', 'nein', null],
      ['A-06', 2, '2.1', 'Wirkung', 'Kinder erhalten schneller einen Schulplatz', 'A-05', null, null, 'ganzjährig', 'begonnen', 'nein', null],
      ['A-07', 3, '3.1', 'Maßnahme', 'Sprechstunde Anerkennungsberatung im Jobcenter', null, 'mittel', 'Jobcenter Kreis Steinfurt', 'Q3', 'geplant', 'nein', null],
      ['A-08', 3, '3.1', 'Maßnahme', 'Infoabend für Arbeitgeber', null, 'niedrig', 'Wirtschaftsförderung', 'Q4', 'verschoben', 'nein', 'neuer Termin 2027'],
    ],
    checkliste: [
      ['1.1', 'Neuzugewanderte Erwachsene', '2 Kursleitungen', 'VHS, Jobcenter', 'in Umsetzung', 'Kurse voll, Nachfrage hoch', 'keiner', 'Weitere Kurse im Herbst'],
      ['1.2', 'Eltern mit Kleinkindern', 'Räume im Familienzentrum', 'Familienzentren', 'in Umsetzung', 'Gute Resonanz', 'keiner', 'Zweiten Standort suchen'],
      ['2.1', 'Seiteneinsteiger 6–16 Jahre', '0,5 Stelle Beratung', 'Schulamt, Schulen', 'erreicht', 'Wartezeit deutlich gesunken', 'keiner', 'Verstetigen'],
      ['3.1', 'Zugewanderte mit Berufsabschluss', 'Beratungsstunden', 'Jobcenter, IHK', 'nicht begonnen', 'Start im Herbst', 'Maßnahmen anpassen', 'Termine festlegen'],
    ],
    kennzahlen: [
      ['K-01', '1.1', 'Wartezeit auf Kursplatz', 'Monate', 'Outcome', 6, 3, 4, stichtag, 'VHS-Statistik', 'VHS Rheine', null],
      ['K-02', '1.1', 'Zusätzliche Kurse', 'Anzahl', 'Output', null, 4, 4, stichtag, 'VHS-Statistik', 'VHS Rheine', null],
      ['K-03', '1.2', 'Kurse mit Kinderbetreuung', 'Anzahl', 'Output', 1, 5, 4, stichtag, 'Familienzentren', 'KI Rheine', null],
      ['K-04', '2.1', 'Wochen bis Schulplatz', 'Wochen', 'Outcome', 12, 6, 7, stichtag, 'Schulamt', 'Schulamt', null],
      ['K-05', '3.1', 'Beratene Personen', 'Personen', 'Output', null, 80, null, null, 'Jobcenter', 'Jobcenter', null],
      ['K-06', '3.1', 'Anerkannte Abschlüsse', 'Anzahl', 'Outcome', 10, 30, 12, stichtag, 'IHK', 'Jobcenter', 'Beratung startet erst im Herbst'],
    ],
    zeitreihe: [],
  };
}

/** Header texts of a table in contract order. */
export function koepfe(key: TableKey): string[] {
  return TABLES[key].columns.map((c) => c.header);
}
