/**
 * One test per validation rule: the valid fixture plus one mutation, asserting
 * severity, sheet, cell, column, rule code and a fragment of the message.
 */
import { arbeitsmappe, GUELTIG, kopie, mitZelle, type Zeile } from './__tests__/fixtures';
import { hatFehler, pruefen } from './index';
import type { Finding, RawValue } from './model';
import type { TableKey } from './schema';
import { LESE_REGELN } from './parse';
import { REGELN, validiere } from './validate';

type Daten = Record<TableKey, Zeile[]>;

interface Fall {
  name: string;
  daten: () => Daten;
  erwartet: Omit<Finding, 'meldung'> & { text: string };
}

const setze = (key: TableKey, i: number, h: string, v: RawValue) => () => mitZelle(key, i, h, v);
const aendere = (f: (d: Daten) => void) => () => {
  const d = kopie();
  f(d);
  return d;
};
const F = (blatt: string, zelle: string, spalte: string, regel: string, text: string): Fall['erwartet'] => ({
  schwere: 'Fehler',
  blatt,
  zelle,
  spalte,
  regel,
  text,
});
const W = (blatt: string, zelle: string, spalte: string, regel: string, text: string): Fall['erwartet'] => ({
  ...F(blatt, zelle, spalte, regel, text),
  schwere: 'Warnung',
});

const FAELLE: Fall[] = [
  // invisible characters pasted from a PDF or a web page
  { name: 'Art mit weichem Trennzeichen', daten: setze('arbeitsplanung', 0, 'Art', 'Maß\u00ADnahme'), erwartet: W('Arbeitsplanung', 'D2', 'Art', 'UNSICHTBARES_ZEICHEN', '„Maßnahme“ enthält das unsichtbare Zeichen weiches Trennzeichen (U+00AD)') },
  { name: 'Status mit Leerzeichen ohne Breite', daten: setze('arbeitsplanung', 0, 'Status', 'umgesetzt\u200B'), erwartet: W('Arbeitsplanung', 'J2', 'Status', 'UNSICHTBARES_ZEICHEN', 'Leerzeichen ohne Breite (U+200B)') },
  { name: 'Priorität mit geschütztem Leerzeichen', daten: setze('arbeitsplanung', 0, 'Priorität', '\u00A0hoch'), erwartet: W('Arbeitsplanung', 'G2', 'Priorität', 'UNSICHTBARES_ZEICHEN', 'geschütztes Leerzeichen (U+00A0)') },
  { name: 'Handlungsziel-ID mit BOM', daten: setze('kennzahlen', 0, 'Handlungsziel-ID', '\uFEFF1.1'), erwartet: W('Kennzahlen', 'B2', 'Handlungsziel-ID', 'UNSICHTBARES_ZEICHEN', '„1.1“ enthält das unsichtbare Zeichen Byte-Reihenfolge-Markierung (BOM, U+FEFF)') },
  { name: 'Falscher Listenwert mit unsichtbarem Zeichen', daten: setze('arbeitsplanung', 0, 'Status', 'fer\u00ADtig'), erwartet: F('Arbeitsplanung', 'J2', 'Status', 'LISTE_UNGUELTIG', '„fertig“ ist kein erlaubter Wert (die Zelle enthält außerdem das unsichtbare Zeichen weiches Trennzeichen (U+00AD))') },
  // tblHandlungsfelder
  { name: 'HF-Nr doppelt', daten: setze('handlungsfelder', 1, 'HF-Nr', 1), erwartet: F('Stammdaten', 'A3', 'HF-Nr', 'ID_DOPPELT', 'kommt doppelt vor (zuerst in Stammdaten!A2)') },
  { name: 'HF-Nr 0', daten: setze('handlungsfelder', 0, 'HF-Nr', 0), erwartet: F('Stammdaten', 'A2', 'HF-Nr', 'HF_NR_BEREICH', 'nicht zwischen 1 und 99') },
  { name: 'HF-Nr 100', daten: setze('handlungsfelder', 1, 'HF-Nr', 100), erwartet: F('Stammdaten', 'A3', 'HF-Nr', 'HF_NR_BEREICH', 'HF-Nr 100') },
  { name: 'HF-Nr keine ganze Zahl', daten: setze('handlungsfelder', 0, 'HF-Nr', 1.5), erwartet: F('Stammdaten', 'A2', 'HF-Nr', 'KEINE_GANZZAHL', '1,5 ist keine ganze Zahl') },
  { name: 'HF-Nr leer', daten: setze('handlungsfelder', 1, 'HF-Nr', null), erwartet: F('Stammdaten', 'A3', 'HF-Nr', 'PFLICHTFELD', 'HF-Nr fehlt') },
  { name: 'Handlungsfeld ohne Namen', daten: setze('handlungsfelder', 1, 'Handlungsfeld', ' '), erwartet: W('Stammdaten', 'B3', 'Handlungsfeld', 'NAME_FEHLT', 'Name des Handlungsfelds 2 fehlt') },
  // tblEinstellungen
  { name: 'Gelb über Grün', daten: setze('einstellungen', 2, 'Wert', 0.95), erwartet: F('Stammdaten', 'G4', 'Wert', 'EINSTELLUNG_UNGUELTIG', 'ist größer als „Ampel grün ab“ (0,9): dann gäbe es keinen Bereich für Gelb') },
  { name: 'Grün zu groß', daten: setze('einstellungen', 1, 'Wert', 3), erwartet: F('Stammdaten', 'G3', 'Wert', 'EINSTELLUNG_UNGUELTIG', '„Ampel grün ab“ = 3 kann nie erreicht werden: die Zielerreichung der Handlungsziele, Handlungsfelder und des Gesamtwerts ist auf höchstens 1 (100 %) begrenzt') },
  { name: 'Grün knapp über 1 (110 %)', daten: setze('einstellungen', 1, 'Wert', '110 %'), erwartet: F('Stammdaten', 'G3', 'Wert', 'EINSTELLUNG_UNGUELTIG', '„Ampel grün ab“ = 1,1 kann nie erreicht werden') },
  { name: 'Gelb negativ', daten: setze('einstellungen', 2, 'Wert', -0.2), erwartet: F('Stammdaten', 'G4', 'Wert', 'EINSTELLUNG_UNGUELTIG', '„Ampel gelb ab“ = -0,2 ist negativ: jede Zielerreichung liegt darüber, die Ampel wäre immer mindestens Gelb und würde nie Rot') },
  { name: 'Grün negativ', daten: setze('einstellungen', 1, 'Wert', -1), erwartet: F('Stammdaten', 'G3', 'Wert', 'EINSTELLUNG_UNGUELTIG', 'ist negativ') },
  { name: 'Gelb 0', daten: setze('einstellungen', 2, 'Wert', 0), erwartet: F('Stammdaten', 'G4', 'Wert', 'EINSTELLUNG_UNGUELTIG', 'würde nie Rot') },
  { name: 'Grün genau 1 (100 %) ist erlaubt, Gelb über Grün', daten: aendere((d) => { d.einstellungen[1] = { ...d.einstellungen[1], Wert: 1 }; d.einstellungen[2] = { ...d.einstellungen[2], Wert: 1.05 }; }), erwartet: F('Stammdaten', 'G4', 'Wert', 'EINSTELLUNG_UNGUELTIG', '„Ampel gelb ab“ = 1,05 kann nie erreicht werden') },
  { name: 'Grün kein Wert', daten: setze('einstellungen', 1, 'Wert', 'hoch'), erwartet: F('Stammdaten', 'G3', 'Wert', 'EINSTELLUNG_UNGUELTIG', '„hoch“ ist keine Zahl') },
  { name: 'Berichtsjahr ungültig', daten: setze('einstellungen', 0, 'Wert', 'nächstes Jahr'), erwartet: F('Stammdaten', 'G2', 'Wert', 'EINSTELLUNG_UNGUELTIG', 'kein gültiges Berichtsjahr') },
  { name: 'Berichtsjahr fehlt', daten: aendere((d) => d.einstellungen.splice(0, 1)), erwartet: W('Stammdaten', 'F1', 'Einstellung', 'EINSTELLUNG_FEHLT', 'fehlt die Zeile „Berichtsjahr“; es gilt der Standardwert 2026') },
  { name: 'Gelb-Wert leer', daten: setze('einstellungen', 2, 'Wert', null), erwartet: W('Stammdaten', 'G4', 'Wert', 'EINSTELLUNG_FEHLT', 'Für „Ampel gelb ab“ fehlt der Wert; es gilt der Standardwert 0,6') },
  { name: 'Einstellung unbekannt', daten: aendere((d) => d.einstellungen.push({ Einstellung: 'Farbe', Wert: 'blau' })), erwartet: W('Stammdaten', 'F5', 'Einstellung', 'EINSTELLUNG_UNBEKANNT', '„Farbe“ ist unbekannt') },
  { name: 'Einstellung doppelt', daten: aendere((d) => d.einstellungen.push({ Einstellung: 'Ampel grün ab', Wert: 0.8 })), erwartet: F('Stammdaten', 'F5', 'Einstellung', 'EINSTELLUNG_DOPPELT', 'steht schon in Zeile 3') },
  { name: 'Wert ohne Einstellung', daten: aendere((d) => d.einstellungen.push({ Wert: 5 })), erwartet: W('Stammdaten', 'F5', 'Einstellung', 'EINSTELLUNG_OHNE_NAME', 'hat keinen Namen und wird ignoriert') },
  { name: 'Einstellung Schreibweise', daten: setze('einstellungen', 1, 'Einstellung', 'ampel Grün  ab'), erwartet: W('Stammdaten', 'F3', 'Einstellung', 'EINSTELLUNG_ABWEICHEND', 'als Einstellung „Ampel grün ab“ gelesen') },
  // tblZiele
  { name: 'Ziel: HF unbekannt', daten: setze('ziele', 0, 'HF-Nr', 9), erwartet: F('Ziele', 'A2', 'HF-Nr', 'HF_UNBEKANNT', 'Handlungsfeld 9 gibt es nicht') },
  { name: 'Ziel: HF leer', daten: setze('ziele', 0, 'HF-Nr', null), erwartet: F('Ziele', 'A2', 'HF-Nr', 'PFLICHTFELD', 'HF-Nr fehlt') },
  { name: 'Ziel: ID leer', daten: setze('ziele', 2, 'Handlungsziel-ID', ''), erwartet: F('Ziele', 'D4', 'Handlungsziel-ID', 'PFLICHTFELD', 'Handlungsziel-ID fehlt') },
  { name: 'Ziel: ID doppelt', daten: setze('ziele', 1, 'Handlungsziel-ID', '1.1'), erwartet: F('Ziele', 'D3', 'Handlungsziel-ID', 'ID_DOPPELT', '„1.1“ kommt doppelt vor (zuerst in Ziele!D2)') },
  { name: 'Ziel: ID Fehlerwert', daten: setze('ziele', 1, 'Handlungsziel-ID', { error: '#REF!' }), erwartet: F('Ziele', 'D3', 'Handlungsziel-ID', 'EXCEL_FEHLERWERT', 'Ziele!D3 (Handlungsziel-ID): enthält den Excel-Fehlerwert #REF!') },
  { name: 'Ziel: Text fehlt', daten: setze('ziele', 0, 'Handlungsziel', null), erwartet: W('Ziele', 'E2', 'Handlungsziel', 'NAME_FEHLT', 'Text des Handlungsziels fehlt') },
  { name: 'Ziel ohne Maßnahme', daten: setze('arbeitsplanung', 2, 'Art', 'Wirkung'), erwartet: W('Ziele', 'D3', 'Handlungsziel-ID', 'ZIEL_OHNE_MASSNAHME', 'keine Maßnahme geplant') },
  { name: 'Ziel nur mit Standardmaßnahme', daten: setze('arbeitsplanung', 3, 'Standardmaßnahme', 'ja'), erwartet: W('Ziele', 'D4', 'Handlungsziel-ID', 'ZIEL_OHNE_MASSNAHME', 'Standardmaßnahmen zählen nicht') },
  { name: 'Ziel ohne Kennzahl', daten: setze('kennzahlen', 2, 'Handlungsziel-ID', '1.1'), erwartet: W('Ziele', 'D4', 'Handlungsziel-ID', 'ZIEL_OHNE_KENNZAHL', 'keine Kennzahl') },
  { name: 'Ziel ohne Checkliste', daten: aendere((d) => d.checkliste.splice(2, 1)), erwartet: W('Ziele', 'D4', 'Handlungsziel-ID', 'ZIEL_OHNE_CHECKLISTE', 'fehlt die Zeile in der Checkliste') },
  // tblArbeitsplanung
  { name: 'AP: Nr leer', daten: setze('arbeitsplanung', 2, 'Nr', null), erwartet: F('Arbeitsplanung', 'A4', 'Nr', 'PFLICHTFELD', 'Nr fehlt') },
  { name: 'AP: Nr doppelt', daten: setze('arbeitsplanung', 2, 'Nr', 'A1'), erwartet: F('Arbeitsplanung', 'A4', 'Nr', 'ID_DOPPELT', 'zuerst in Arbeitsplanung!A2') },
  { name: 'AP: HF unbekannt', daten: setze('arbeitsplanung', 3, 'HF-Nr', 7), erwartet: F('Arbeitsplanung', 'B5', 'HF-Nr', 'HF_UNBEKANNT', 'Handlungsfeld 7 gibt es nicht') },
  { name: 'AP: HF leer', daten: setze('arbeitsplanung', 3, 'HF-Nr', null), erwartet: F('Arbeitsplanung', 'B5', 'HF-Nr', 'PFLICHTFELD', 'HF-Nr fehlt') },
  { name: 'AP: HF Text', daten: setze('arbeitsplanung', 3, 'HF-Nr', 'zwei'), erwartet: F('Arbeitsplanung', 'B5', 'HF-Nr', 'KEINE_GANZZAHL', '„zwei“ ist keine Zahl') },
  { name: 'AP: HF als Text gespeichert', daten: setze('arbeitsplanung', 3, 'HF-Nr', '2'), erwartet: W('Arbeitsplanung', 'B5', 'HF-Nr', 'ZAHL_ALS_TEXT', 'als Text gespeichert') },
  { name: 'AP: Ziel leer', daten: setze('arbeitsplanung', 0, 'Handlungsziel-ID', null), erwartet: F('Arbeitsplanung', 'C2', 'Handlungsziel-ID', 'PFLICHTFELD', 'Handlungsziel-ID fehlt') },
  { name: 'AP: Ziel unbekannt', daten: setze('arbeitsplanung', 0, 'Handlungsziel-ID', '9.9'), erwartet: F('Arbeitsplanung', 'C2', 'Handlungsziel-ID', 'ZIEL_UNBEKANNT', '„9.9“ gibt es nicht in Tabelle „tblZiele“') },
  { name: 'AP: Ziel-ID als Datum', daten: setze('arbeitsplanung', 0, 'Handlungsziel-ID', new Date(Date.UTC(2026, 0, 1))), erwartet: F('Arbeitsplanung', 'C2', 'Handlungsziel-ID', 'DATUM_STATT_ID', 'als Datum 01.01.2026 gespeichert') },
  { name: 'AP: Ziel gehört zu anderem HF', daten: setze('arbeitsplanung', 0, 'Handlungsziel-ID', '2.1'), erwartet: F('Arbeitsplanung', 'C2', 'Handlungsziel-ID', 'ZIEL_HF_ABWEICHEND', 'gehört zu Handlungsfeld 2, die Zeile ist aber Handlungsfeld 1 zugeordnet (Arbeitsplanung!B2)') },
  { name: 'AP: Art leer', daten: setze('arbeitsplanung', 1, 'Art', null), erwartet: F('Arbeitsplanung', 'D3', 'Art', 'PFLICHTFELD', 'Art fehlt') },
  { name: 'AP: Art ungültig', daten: setze('arbeitsplanung', 0, 'Art', 'Massnahme'), erwartet: F('Arbeitsplanung', 'D2', 'Art', 'LISTE_UNGUELTIG', 'Arbeitsplanung!D2 (Art): „Massnahme“ ist kein erlaubter Wert. Bitte „Maßnahme“ oder „Wirkung“ wählen.') },
  { name: 'AP: Art Kleinschreibung', daten: setze('arbeitsplanung', 0, 'Art', 'maßnahme'), erwartet: W('Arbeitsplanung', 'D2', 'Art', 'LISTE_ABWEICHEND', 'als „Maßnahme“ gelesen') },
  { name: 'AP: Beschreibung leer', daten: setze('arbeitsplanung', 0, 'Beschreibung', '  '), erwartet: F('Arbeitsplanung', 'E2', 'Beschreibung', 'PFLICHTFELD', 'Beschreibung fehlt') },
  { name: 'AP: Beschreibung #REF!', daten: setze('arbeitsplanung', 0, 'Beschreibung', { error: '#REF!' }), erwartet: F('Arbeitsplanung', 'E2', 'Beschreibung', 'EXCEL_FEHLERWERT', '#REF!') },
  { name: 'AP: Bezug unbekannt', daten: setze('arbeitsplanung', 1, 'Bezug', 'A9'), erwartet: F('Arbeitsplanung', 'F3', 'Bezug', 'BEZUG_UNGUELTIG', 'Nr „A9“ gibt es nicht') },
  { name: 'AP: Bezug auf Wirkung', daten: setze('arbeitsplanung', 1, 'Bezug', 'A2'), erwartet: F('Arbeitsplanung', 'F3', 'Bezug', 'BEZUG_UNGUELTIG', 'Zeile „A2“ ist keine Maßnahme') },
  { name: 'AP: Priorität fehlt', daten: setze('arbeitsplanung', 0, 'Priorität', null), erwartet: F('Arbeitsplanung', 'G2', 'Priorität', 'PFLICHTFELD_MASSNAHME', 'Priorität Pflicht') },
  { name: 'AP: Priorität ungültig', daten: setze('arbeitsplanung', 0, 'Priorität', 'dringend'), erwartet: F('Arbeitsplanung', 'G2', 'Priorität', 'LISTE_UNGUELTIG', '„hoch“, „mittel“ oder „niedrig“') },
  { name: 'AP: Verantwortlich fehlt', daten: setze('arbeitsplanung', 3, 'Verantwortlich', null), erwartet: F('Arbeitsplanung', 'H5', 'Verantwortlich', 'PFLICHTFELD_MASSNAHME', 'wer verantwortlich ist') },
  { name: 'AP: Zeitraum ungültig', daten: setze('arbeitsplanung', 0, 'Zeitraum', 'Q5'), erwartet: F('Arbeitsplanung', 'I2', 'Zeitraum', 'LISTE_UNGUELTIG', '„ganzjährig“') },
  { name: 'AP: Status fehlt', daten: setze('arbeitsplanung', 0, 'Status', null), erwartet: W('Arbeitsplanung', 'J2', 'Status', 'STATUS_FEHLT', 'Status der Maßnahme fehlt') },
  { name: 'AP: Status ungültig', daten: setze('arbeitsplanung', 0, 'Status', 'fertig'), erwartet: F('Arbeitsplanung', 'J2', 'Status', 'LISTE_UNGUELTIG', '„fertig“ ist kein erlaubter Wert') },
  { name: 'AP: Standardmaßnahme ungültig', daten: setze('arbeitsplanung', 0, 'Standardmaßnahme', 'vielleicht'), erwartet: F('Arbeitsplanung', 'K2', 'Standardmaßnahme', 'LISTE_UNGUELTIG', '„ja“ oder „nein“') },
  // tblCheckliste
  { name: 'CL: ID leer', daten: setze('checkliste', 1, 'Handlungsziel-ID', null), erwartet: F('Checkliste', 'A3', 'Handlungsziel-ID', 'PFLICHTFELD', 'Handlungsziel-ID fehlt') },
  { name: 'CL: ID unbekannt', daten: setze('checkliste', 1, 'Handlungsziel-ID', '5.5'), erwartet: F('Checkliste', 'A3', 'Handlungsziel-ID', 'ZIEL_UNBEKANNT', '„5.5“ gibt es nicht') },
  { name: 'CL: ID doppelt', daten: setze('checkliste', 2, 'Handlungsziel-ID', '1.1'), erwartet: F('Checkliste', 'A4', 'Handlungsziel-ID', 'ID_DOPPELT', 'zuerst in Checkliste!A2). Je Handlungsziel ist nur eine Zeile erlaubt') },
  { name: 'CL: Umsetzungsstand ungültig', daten: setze('checkliste', 0, 'Umsetzungsstand', 'fertig'), erwartet: F('Checkliste', 'E2', 'Umsetzungsstand', 'LISTE_UNGUELTIG', '„teilweise erreicht“') },
  { name: 'CL: Anpassungsbedarf ungültig', daten: setze('checkliste', 0, 'Anpassungsbedarf', 'viel'), erwartet: F('Checkliste', 'G2', 'Anpassungsbedarf', 'LISTE_UNGUELTIG', '„Ressourcen anpassen“') },
  // tblKennzahlen
  { name: 'KZ: ID leer', daten: setze('kennzahlen', 0, 'Kennzahl-ID', null), erwartet: F('Kennzahlen', 'A2', 'Kennzahl-ID', 'PFLICHTFELD', 'Kennzahl-ID fehlt') },
  { name: 'KZ: ID doppelt', daten: setze('kennzahlen', 1, 'Kennzahl-ID', 'K1'), erwartet: F('Kennzahlen', 'A3', 'Kennzahl-ID', 'ID_DOPPELT', 'zuerst in Kennzahlen!A2') },
  { name: 'KZ: Ziel leer', daten: setze('kennzahlen', 0, 'Handlungsziel-ID', null), erwartet: F('Kennzahlen', 'B2', 'Handlungsziel-ID', 'PFLICHTFELD', 'Handlungsziel-ID fehlt') },
  { name: 'KZ: Ziel unbekannt', daten: setze('kennzahlen', 0, 'Handlungsziel-ID', '3.3'), erwartet: F('Kennzahlen', 'B2', 'Handlungsziel-ID', 'ZIEL_UNBEKANNT', '„3.3“ gibt es nicht') },
  { name: 'KZ: Name leer', daten: setze('kennzahlen', 0, 'Kennzahl', null), erwartet: F('Kennzahlen', 'C2', 'Kennzahl', 'PFLICHTFELD', 'Bezeichnung der Kennzahl fehlt') },
  { name: 'KZ: Wirkungsebene ungültig', daten: setze('kennzahlen', 0, 'Wirkungsebene', 'Ergebnis'), erwartet: F('Kennzahlen', 'E2', 'Wirkungsebene', 'LISTE_UNGUELTIG', '„Output“, „Outcome“ oder „Impact“') },
  { name: 'KZ: Ausgangswert Text', daten: setze('kennzahlen', 1, 'Ausgangswert', 'vierzig'), erwartet: F('Kennzahlen', 'F3', 'Ausgangswert', 'KEINE_ZAHL', '„vierzig“ ist keine Zahl') },
  { name: 'KZ: Zielwert fehlt', daten: setze('kennzahlen', 0, 'Zielwert', null), erwartet: F('Kennzahlen', 'G2', 'Zielwert', 'PFLICHTFELD', 'Zielwert fehlt') },
  { name: 'KZ: Zielwert Text', daten: setze('kennzahlen', 0, 'Zielwert', 'hundert'), erwartet: F('Kennzahlen', 'G2', 'Zielwert', 'KEINE_ZAHL', '„hundert“ ist keine Zahl') },
  { name: 'KZ: Zielwert 0 ohne Ausgangswert', daten: setze('kennzahlen', 0, 'Zielwert', 0), erwartet: F('Kennzahlen', 'G2', 'Zielwert', 'ZIELWERT_NULL', 'ohne Ausgangswert') },
  {
    name: 'KZ: Zielwert 0 = Ausgangswert',
    daten: aendere((d) => Object.assign(d.kennzahlen[2], { Ausgangswert: 0, Zielwert: 0 })),
    erwartet: F('Kennzahlen', 'G4', 'Zielwert', 'ZIELWERT_NULL', 'Ausgangswert und Zielwert gleich'),
  },
  { name: 'KZ: Istwert als Text', daten: setze('kennzahlen', 0, 'Istwert', '95,0'), erwartet: W('Kennzahlen', 'H2', 'Istwert', 'ZAHL_ALS_TEXT', 'als Zahl 95 gelesen') },
  { name: 'KZ: Istwert #DIV/0!', daten: setze('kennzahlen', 0, 'Istwert', { error: '#DIV/0!' }), erwartet: F('Kennzahlen', 'H2', 'Istwert', 'EXCEL_FEHLERWERT', '#DIV/0!') },
  { name: 'KZ: Stichtag kein Datum', daten: setze('kennzahlen', 2, 'Stichtag', 'bald'), erwartet: F('Kennzahlen', 'I4', 'Stichtag', 'KEIN_DATUM', '„bald“ ist kein gültiges Datum') },
  { name: 'KZ: Stichtag als Text', daten: setze('kennzahlen', 2, 'Stichtag', '31.12.2026'), erwartet: W('Kennzahlen', 'I4', 'Stichtag', 'DATUM_ALS_TEXT', 'als Datum 31.12.2026 gelesen') },
  { name: 'KZ: rot ohne Begründung', daten: setze('kennzahlen', 1, 'Begründung', null), erwartet: W('Kennzahlen', 'L3', 'Begründung', 'ROT_OHNE_BEGRUENDUNG', 'Zielerreichung 50 %') },
  // tblZeitreihe (optional)
  { name: 'Zeitreihe: Kennzahl und Jahr doppelt', daten: aendere((d) => d.zeitreihe.push({ 'Kennzahl-ID': 'K1', Jahr: 2025, Istwert: 4 }, { 'Kennzahl-ID': 'K1', Jahr: 2025, Istwert: 5 })), erwartet: F('Zeitreihe', 'B3', 'Jahr', 'ID_DOPPELT', 'Für die Kennzahl „K1“ und das Jahr 2025 gibt es schon eine Zeile (Zeitreihe!B2)') },
  { name: 'Zeitreihe: Jahr = Berichtsjahr', daten: aendere((d) => d.zeitreihe.push({ 'Kennzahl-ID': 'K1', Jahr: 2026, Istwert: 4 })), erwartet: F('Zeitreihe', 'B2', 'Jahr', 'JAHR_NICHT_VOR_BERICHTSJAHR', 'Das Jahr 2026 liegt nicht vor dem Berichtsjahr 2026') },
  { name: 'Zeitreihe: Jahr fehlt', daten: aendere((d) => d.zeitreihe.push({ 'Kennzahl-ID': 'K1', Istwert: 4 })), erwartet: F('Zeitreihe', 'B2', 'Jahr', 'PFLICHTFELD', 'Das Jahr fehlt') },
  { name: 'Zeitreihe: Kennzahl-ID fehlt', daten: aendere((d) => d.zeitreihe.push({ Jahr: 2025, Istwert: 4 })), erwartet: F('Zeitreihe', 'A2', 'Kennzahl-ID', 'PFLICHTFELD', 'Die Kennzahl-ID fehlt') },
  { name: 'Zeitreihe: Jahr als Text', daten: aendere((d) => d.zeitreihe.push({ 'Kennzahl-ID': 'K1', Jahr: 'letztes Jahr' })), erwartet: F('Zeitreihe', 'B2', 'Jahr', 'KEINE_GANZZAHL', 'letztes Jahr') },
  { name: 'Zeitreihe: Kennzahl entfallen', daten: aendere((d) => d.zeitreihe.push({ 'Kennzahl-ID': 'K9', Jahr: 2025, Istwert: 4 })), erwartet: W('Zeitreihe', 'A2', 'Kennzahl-ID', 'KENNZAHL_ENTFALLEN', 'Die Kennzahl „K9“ gibt es nicht mehr') },
];

describe('validation rules (valid plan + one mutation)', () => {
  it('the valid plan has no findings', () => {
    expect(pruefen(arbeitsmappe()).findings).toEqual([]);
  });

  it.each(FAELLE)('$name', ({ daten, erwartet }) => {
    const { findings } = pruefen(arbeitsmappe(daten()));
    const { text, ...feld } = erwartet;
    const treffer = findings.filter((f) => f.regel === feld.regel && f.zelle === feld.zelle && f.blatt === feld.blatt);
    expect(treffer).toHaveLength(1);
    expect(treffer[0]).toMatchObject(feld);
    expect(treffer[0].meldung).toContain(text);
    // every message names the full address
    expect(treffer[0].meldung.startsWith(`${feld.blatt}!${feld.zelle} (${feld.spalte}): `)).toBe(true);
    expect(hatFehler(findings)).toBe(findings.some((f) => f.schwere === 'Fehler'));
    if (feld.schwere === 'Fehler') expect(hatFehler(findings)).toBe(true);
  });

  it('has a case for every rule code (structure codes are covered in parse.test.ts)', () => {
    const codes = new Set(FAELLE.map((f) => f.erwartet.regel));
    const struktur = ['TABELLE_FEHLT', 'TABELLE_DOPPELT', 'TABELLE_FALSCHES_BLATT', 'KOPF_FEHLT', 'KOPF_ABWEICHEND', 'DATEN_UNTER_TABELLE', 'KOPFZEILE_AUS'];
    const alle = [...REGELN.flatMap((r) => r.codes), ...Object.keys(LESE_REGELN).filter((c) => !struktur.includes(c))];
    expect(alle.filter((c) => !codes.has(c))).toEqual([]);
  });
});

describe('no double reports and no false alarms', () => {
  const regeln = (d: Daten): string[] => pruefen(arbeitsmappe(d)).findings.map((f) => `${f.regel}@${f.blatt}!${f.zelle}`);

  it('an invalid list value is not also reported as missing', () => {
    const r = regeln(mitZelle('arbeitsplanung', 0, 'Status', 'fertig'));
    expect(r).toEqual(['LISTE_UNGUELTIG@Arbeitsplanung!J2']);
  });
  it('an error value in a required cell is reported once', () => {
    expect(regeln(mitZelle('kennzahlen', 0, 'Zielwert', { error: '#NV' }))).toEqual(['EXCEL_FEHLERWERT@Kennzahlen!G2']);
  });
  it('a falling target to 0 with an Ausgangswert is fine', () => {
    expect(regeln(mitZelle('kennzahlen', 1, 'Zielwert', 0))).toEqual([]);
  });
  it('Zielwert 0 is an error even before an Istwert exists', () => {
    expect(regeln(aendereKennzahl3())).toEqual(['ZIELWERT_NULL@Kennzahlen!G4']);
  });
  it('Priorität/Verantwortlich are not required for a Wirkung', () => {
    expect(GUELTIG.arbeitsplanung[1].Priorität).toBeUndefined();
    expect(regeln(kopie())).toEqual([]);
  });
  it('a Maßnahme may have a Bezug without it being checked', () => {
    expect(regeln(mitZelle('arbeitsplanung', 0, 'Bezug', 'irgendwas'))).toEqual([]);
  });
  it('IDs typed as numbers are read as text', () => {
    const d = kopie();
    d.ziele[0]['Handlungsziel-ID'] = 1.1;
    d.arbeitsplanung[0]['Handlungsziel-ID'] = 1.1;
    expect(regeln(d)).toEqual([]);
  });
  it('a Kennzahl without Istwert is never rot', () => {
    expect(regeln(mitZelle('kennzahlen', 2, 'Begründung', null))).toEqual([]);
  });
  it('Begründung of a gelb or grün Kennzahl may be empty', () => {
    expect(regeln(mitZelle('kennzahlen', 0, 'Begründung', null))).toEqual([]);
  });
  it('the rot warning uses the thresholds of Einstellungen', () => {
    const d = mitZelle('kennzahlen', 1, 'Begründung', null);
    d.einstellungen[2].Wert = 0.5; // 0.5 is now gelb
    expect(regeln(d)).toEqual([]);
  });
});

function aendereKennzahl3(): Daten {
  const d = kopie();
  Object.assign(d.kennzahlen[2], { Ausgangswert: null, Zielwert: 0, Istwert: null });
  return d;
}

describe('validiere on a code-built plan', () => {
  it('uses schema column positions when the plan has no table positions', () => {
    const { plan } = pruefen(arbeitsmappe(mitZelle('arbeitsplanung', 1, 'Bezug', 'A9')));
    const ohneOrte = { ...plan!, orte: undefined };
    const f = validiere(ohneOrte);
    expect(f).toEqual([expect.objectContaining({ blatt: 'Arbeitsplanung', zelle: 'F3', spalte: 'Bezug', regel: 'BEZUG_UNGUELTIG' })]);
  });
});

describe('ordering', () => {
  it('sorts findings by table order, then row, then column', () => {
    const d = kopie();
    d.kennzahlen[0].Zielwert = null; // Kennzahlen G2
    d.arbeitsplanung[3].Verantwortlich = null; // Arbeitsplanung H5
    d.arbeitsplanung[3]['HF-Nr'] = 7; // Arbeitsplanung B5 (+ C5 HF mismatch)
    d.arbeitsplanung[0].Art = 'x'; // Arbeitsplanung D2
    d.ziele[2]['HF-Nr'] = 9; // Ziele A4
    d.handlungsfelder[1].Handlungsfeld = null; // Stammdaten B3
    const f = pruefen(arbeitsmappe(d)).findings.map((x) => `${x.blatt}!${x.zelle}`);
    expect(f).toEqual([
      'Stammdaten!B3',
      'Ziele!D2', // 1.1 lost its only Maßnahme
      'Ziele!A4',
      'Arbeitsplanung!D2',
      'Arbeitsplanung!B5',
      'Arbeitsplanung!C5',
      'Arbeitsplanung!H5',
      'Arbeitsplanung!C6', // Ziel 2.1 now belongs to HF 9
      'Kennzahlen!G2',
    ]);
  });
});
