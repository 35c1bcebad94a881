/**
 * Which ExcelApi requirement set each feature of the adapter needs, and a
 * check that turns missing sets into German messages for the task pane
 * (instead of an Office.js error in the middle of an action).
 *
 * The manifest declares MINDEST_VERSION; everything above it is checked at
 * run time and the adapter falls back or skips the feature.
 */

export type Funktion =
  | 'grundlagen'
  | 'berechnungAussetzen'
  | 'bedingteFormate'
  | 'blattDarstellung'
  | 'dokumentEigenschaften'
  | 'dropdowns'
  | 'formatSuche'
  | 'namen'
  | 'namenVerschieben'
  | 'bildschirmAussetzen'
  | 'seitenlayout'
  | 'sicherungKopieren'
  | 'tabelleAnpassen';

export interface Anforderung {
  readonly set: 'ExcelApi';
  readonly version: string;
  /** what the user loses without it (German) */
  readonly beschreibung: string;
  /** German note on what the adapter does instead */
  readonly ersatz: string;
  /** without it the action cannot run at all */
  readonly pflicht: boolean;
}

/**
 * Feature → requirement set. Versions are the ones the Office.js reference
 * (@types/office-js remarks) names for the APIs called here.
 */
export const ANFORDERUNGEN: Readonly<Record<Funktion, Anforderung>> = {
  // getItemOrNullObject, getUsedRangeOrNullObject, columns.add(name), charts.getItemOrNullObject: 1.4;
  // worksheet.protection.protect/unprotect, range.merge, format.columnWidth: 1.2
  grundlagen: {
    set: 'ExcelApi',
    version: '1.4',
    beschreibung: 'Tabellen lesen und schreiben',
    ersatz: 'Bitte eine aktuelle Excel-Version (Microsoft 365, Excel 2016 oder neuer, Excel im Web) verwenden.',
    pflicht: true,
  },
  // application.suspendApiCalculationUntilNextSync; conditionalFormats
  berechnungAussetzen: {
    set: 'ExcelApi',
    version: '1.6',
    beschreibung: 'Neuberechnung während des Schreibens anhalten',
    ersatz: 'Excel rechnet während der Aktualisierung weiter; das dauert etwas länger.',
    pflicht: false,
  },
  bedingteFormate: {
    set: 'ExcelApi',
    version: '1.6',
    beschreibung: 'Farben für Maßnahme/Wirkung (bedingte Formatierung)',
    ersatz: 'Die Farbmarkierung von Maßnahmen und Wirkungen wird nicht eingerichtet.',
    pflicht: false,
  },
  // worksheet.tabColor, freezePanes; application / custom properties
  blattDarstellung: {
    set: 'ExcelApi',
    version: '1.7',
    beschreibung: 'Fixierte Kopfzeile und Registerfarben',
    ersatz: 'Kopfzeilen werden nicht fixiert, Register nicht eingefärbt.',
    pflicht: false,
  },
  dokumentEigenschaften: {
    set: 'ExcelApi',
    version: '1.7',
    beschreibung: 'Zeitpunkt der letzten KPI-Aktualisierung speichern',
    ersatz: 'Der Zeitpunkt der letzten Aktualisierung steht nur im Blatt „KPI Übersicht“.',
    pflicht: false,
  },
  dropdowns: {
    set: 'ExcelApi',
    version: '1.8',
    beschreibung: 'Auswahllisten und Eingabemeldungen (Datenüberprüfung)',
    ersatz: 'Auswahllisten werden nicht angelegt; die Prüfung meldet ungültige Werte trotzdem.',
    pflicht: false,
  },
  // worksheet.findAll and RangeAreas.format
  formatSuche: {
    set: 'ExcelApi',
    version: '1.9',
    beschreibung: 'Formate großer berechneter Blätter mit wenigen Aufrufen setzen',
    ersatz: 'Die Formate werden Bereich für Bereich gesetzt; bei großen Plänen dauert die Aktualisierung länger.',
    pflicht: false,
  },
  namen: {
    set: 'ExcelApi',
    version: '1.4',
    beschreibung: 'Namen der Spaltenüberschriften auf den berechneten Blättern (für Screenreader)',
    ersatz: 'Screenreader lesen auf den berechneten Blättern die Spaltenüberschriften nicht mit.',
    pflicht: false,
  },
  // NamedItem.formula (set)
  namenVerschieben: {
    set: 'ExcelApi',
    version: '1.7',
    beschreibung: 'Namen der Spaltenüberschriften beim Aktualisieren verschieben statt neu anlegen',
    ersatz: 'Die Namen werden gelöscht und neu angelegt; das braucht bei großen Plänen mehr Aufrufe.',
    pflicht: false,
  },
  bildschirmAussetzen: {
    set: 'ExcelApi',
    version: '1.9',
    beschreibung: 'Bildschirmaktualisierung während des Schreibens anhalten',
    ersatz: 'Der Bildschirm kann während der Aktualisierung kurz flackern.',
    pflicht: false,
  },
  seitenlayout: {
    set: 'ExcelApi',
    version: '1.9',
    beschreibung: 'Seitenlayout für den Druck (A4 quer, Ränder, Fußzeile, Seitenumbrüche, Wiederholungszeilen)',
    ersatz: 'Bitte das Seitenlayout vor dem Drucken in Excel selbst einstellen.',
    pflicht: false,
  },
  // range.copyFrom(…, 'Values')
  sicherungKopieren: {
    set: 'ExcelApi',
    version: '1.9',
    beschreibung: 'Sicherungskopie einer Tabelle vor Massenänderungen',
    ersatz: 'Bitte vorher eine Kopie der Datei speichern.',
    pflicht: false,
  },
  // table.resize, for tables inside computed sheets (e.g. Verlauf)
  tabelleAnpassen: {
    set: 'ExcelApi',
    version: '1.13',
    beschreibung: 'Tabellen in berechneten Blättern vergrößern',
    ersatz: 'Die Tabelle im berechneten Blatt wird neu angelegt statt vergrößert.',
    pflicht: false,
  },
};

/** The set the manifest must declare (the add-in does not load below it). */
export const MINDEST_VERSION = '1.4';
/** Highest set any feature uses (checked at run time). */
export const HOECHSTE_VERSION = '1.13';

export type IstUnterstuetzt = (set: string, version: string) => boolean;

/**
 * Office.context.requirements.isSetSupported when running inside Office;
 * outside Office (unit tests with a fake, the browser demo) everything counts
 * as supported, because there is no host to ask.
 */
export const officeUnterstuetzt: IstUnterstuetzt = (set, version) => {
  if (typeof Office === 'undefined' || !Office.context || !Office.context.requirements) return true;
  return Office.context.requirements.isSetSupported(set, version);
};

export function verfuegbar(f: Funktion, unterstuetzt: IstUnterstuetzt = officeUnterstuetzt): boolean {
  const a = ANFORDERUNGEN[f];
  return unterstuetzt(a.set, a.version);
}

export interface FehlendeFunktion {
  readonly funktion: Funktion;
  readonly pflicht: boolean;
  /** German sentence for the task pane */
  readonly meldung: string;
}

/** German messages for every feature this Excel cannot provide; empty when all is available. */
export function pruefeAnforderungen(unterstuetzt: IstUnterstuetzt = officeUnterstuetzt): FehlendeFunktion[] {
  const fehlend: FehlendeFunktion[] = [];
  for (const [f, a] of Object.entries(ANFORDERUNGEN) as [Funktion, Anforderung][]) {
    if (unterstuetzt(a.set, a.version)) continue;
    fehlend.push({
      funktion: f,
      pflicht: a.pflicht,
      meldung: `Diese Excel-Version unterstützt „${a.beschreibung}“ nicht (benötigt ${a.set} ${a.version}). ${a.ersatz}`,
    });
  }
  return fehlend;
}
