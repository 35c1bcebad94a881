/**
 * Template rows and the sample plan 2026 for Rheine. Rows are in schema
 * column order (TABLES[key].columns) so any adapter can write them as they are.
 * Names of people are fictional.
 */
import { ALLE_TABELLEN, DEFAULT_EINSTELLUNGEN, EINSTELLUNGEN, STANDARD_HANDLUNGSFELDER, TABLES, type TableKey } from '../domain/schema';
import type { RawValue, RawWorkbook } from '../domain/model';
import { DATA_SHEETS, tableLayoutOf } from './layout';

export type Tabellen = Record<TableKey, RawValue[][]>;

/**
 * Tables as an adapter hands them to the domain, at the layout's positions:
 * the sample or the template without writing a file (tests, benchmark).
 */
export function alsRohmappe(t: Partial<Tabellen>, source = 'beispiel.xlsx', tabellen: readonly TableKey[] = ALLE_TABELLEN): RawWorkbook {
  const blaetter = new Set(tabellen.map((k) => TABLES[k].sheet));
  return {
    sheets: DATA_SHEETS.map((s) => s.name).filter((n) => blaetter.has(n)),
    tables: tabellen.map((key) => {
      const l = tableLayoutOf(key);
      return {
        name: TABLES[key].name,
        sheet: TABLES[key].sheet,
        headerRow: l.headerRow,
        firstColumn: l.firstColumn,
        headers: TABLES[key].columns.map((c) => c.header),
        rows: t[key] ?? [],
      };
    }),
    source,
  };
}

const NETZWERKE: Readonly<Record<number, string>> = {
  1: 'Netzwerk Sprache',
  2: 'Netzwerk Bildung',
  3: 'Netzwerk Arbeit und Ausbildung',
  4: 'Netzwerk Wohnen',
  5: 'Netzwerk Ehrenamt und Teilhabe',
  6: 'Netzwerk Gesundheit',
  7: 'Netzwerk Interkulturelle Öffnung',
  8: 'Steuerungsgruppe Integrationskonzept',
};

const NETZWERKLEITUNG: Readonly<Record<number, string>> = {
  1: 'Claudia Hölscher / Dr. Samir Haddad',
  2: 'Birgit Terhechte / Oksana Kovalenko',
  3: 'Jens Overesch / Amira Al-Masri',
  4: 'Thomas Brüning / Leyla Demir',
  5: 'Maria Lammers / Ahmad Rahimi',
  6: 'Dr. Petra Schulte-Wien / Hasan Öztürk',
  7: 'Sabine Feldkamp / Goran Petrović',
  8: 'Kerstin Wessels / Daniel Kampmann',
};

function einstellungen(): RawValue[][] {
  return [
    [EINSTELLUNGEN.berichtsjahr, DEFAULT_EINSTELLUNGEN.berichtsjahr],
    [EINSTELLUNGEN.ampelGruen, DEFAULT_EINSTELLUNGEN.ampelGruen],
    [EINSTELLUNGEN.ampelGelb, DEFAULT_EINSTELLUNGEN.ampelGelb],
  ];
}

/** The empty template: the 8 Handlungsfelder (network leads still empty) and default settings. */
export function vorlageTabellen(): Tabellen {
  return {
    handlungsfelder: STANDARD_HANDLUNGSFELDER.map((hf) => [hf.nr, hf.name, NETZWERKE[hf.nr] ?? '', null]),
    einstellungen: einstellungen(),
    ziele: [],
    arbeitsplanung: [],
    checkliste: [],
    kennzahlen: [],
    zeitreihe: [],
  };
}

// ---------------------------------------------------------------- Ziele

/** [HF, Herausforderung, Leitziel, Handlungsziel-ID, Handlungsziel] */
const ZIELE: RawValue[][] = [
  [1, 'Lange Wartezeiten auf Integrations- und Berufssprachkurse', 'Alle Zugewanderten erhalten zeitnah ein passendes Sprachkursangebot.', '1.1', 'Die Wartezeit auf einen Integrationskursplatz sinkt auf höchstens 6 Wochen.'],
  [1, 'Eltern kleiner Kinder können Kurse ohne Kinderbetreuung kaum besuchen', 'Sprachangebote sind für alle Zielgruppen erreichbar.', '1.2', 'In mindestens drei Stadtteilen gibt es Sprachkurse mit Kinderbetreuung.'],
  [1, 'Deutschkenntnisse gehen nach Kursende im Alltag verloren', 'Deutsch wird im Alltag angewendet und gefestigt.', '1.3', 'Sprachcafés und Sprachpatenschaften sind in allen Stadtteilen etabliert.'],
  [2, 'Neu zugewanderte Kinder warten zu lange auf einen Schulplatz', 'Jedes Kind lernt von Anfang an in Kita und Schule.', '2.1', 'Seiteneinsteigerinnen und Seiteneinsteiger werden innerhalb von 4 Wochen einer Schule zugewiesen.'],
  [2, 'Eltern mit Zuwanderungsgeschichte sind in Kita und Schule wenig eingebunden', 'Eltern begleiten die Bildungswege ihrer Kinder aktiv.', '2.2', 'An allen Grundschulen mit hohem Anteil zugewanderter Familien gibt es Elterncafés.'],
  [2, 'Kinder aus zugewanderten Familien besuchen seltener und später eine Kita', 'Jedes Kind startet gut vorbereitet in die Schule.', '2.3', 'Die Kita-Besuchsquote der 3- bis 6-Jährigen mit Zuwanderungsgeschichte steigt auf 85 %.'],
  [3, 'Junge Zugewanderte finden seltener einen Ausbildungsplatz', 'Junge Zugewanderte schließen eine Berufsausbildung ab.', '3.1', 'Mehr junge Zugewanderte beginnen eine duale Ausbildung in Rheine.'],
  [3, 'Ausländische Berufsabschlüsse werden spät oder nicht anerkannt', 'Qualifikationen Zugewanderter werden genutzt.', '3.2', 'Anerkennungssuchende werden frühzeitig beraten und begleitet.'],
  [3, 'Betriebe kennen die Fördermöglichkeiten zur Beschäftigung Geflüchteter kaum', 'Die Wirtschaft in Rheine nutzt das Potenzial Zugewanderter.', '3.3', 'Mehr Betriebe beteiligen sich am Netzwerk „Unternehmen integrieren Geflüchtete“.'],
  [4, 'Geflüchtete bleiben lange in Gemeinschaftsunterkünften', 'Geflüchtete leben dezentral in eigenem Wohnraum.', '4.1', 'Geflüchtete ziehen schneller in eigene Wohnungen.'],
  [4, 'Missverständnisse im Mietverhältnis führen zu Konflikten', 'Mietverhältnisse sind stabil, Nachbarschaften funktionieren.', '4.2', 'Neue Mieterinnen und Mieter kennen ihre Rechte und Pflichten.'],
  [5, 'Weniger Menschen engagieren sich dauerhaft im Ehrenamt', 'Ehrenamtliches Engagement in der Integrationsarbeit wird gestärkt.', '5.1', 'Ehrenamtliche werden gewonnen, qualifiziert und begleitet.'],
  [5, 'Zugewanderte sind in Gremien und Vereinen unterrepräsentiert', 'Zugewanderte gestalten das Stadtleben mit.', '5.2', 'Migrantenselbstorganisationen sind in städtischen Gremien vertreten.'],
  [5, 'Begegnung zwischen Alteingesessenen und Neuzugewanderten findet selten statt', 'Vielfalt wird im Stadtteil erlebbar.', '5.3', 'Begegnungsangebote in Vereinen und Stadtteilen werden ausgebaut.'],
  [6, 'Zugewanderte finden sich im Gesundheitssystem schwer zurecht', 'Zugewanderte nutzen Gesundheits- und Präventionsangebote.', '6.1', 'Gesundheitslotsinnen und -lotsen begleiten Zugewanderte in ihrer Sprache.'],
  [6, 'Psychisch belastete Geflüchtete warten lange auf Hilfe', 'Psychische Belastungen werden früh erkannt und behandelt.', '6.2', 'Die Wartezeit auf ein Erstgespräch in der psychosozialen Beratung sinkt auf 6 Wochen.'],
  [6, 'Präventionsangebote erreichen Zugewanderte kaum', 'Zugewanderte kennen Präventionsangebote.', '6.3', 'Gesundheitsinformationen werden in Herkunftssprachen angeboten.'],
  [7, 'Beschäftigte der Verwaltung fühlen sich im Umgang mit Vielfalt unsicher', 'Die Verwaltung ist interkulturell kompetent.', '7.1', 'Die Beschäftigten mit Kundenkontakt sind interkulturell geschult.'],
  [7, 'Sprachbarrieren erschweren Beratung und Verwaltungsverfahren', 'Verständigung ist in allen Dienststellen gesichert.', '7.2', 'Ein Dolmetscherpool steht Verwaltung und Einrichtungen zur Verfügung.'],
  [7, 'Informationen der Verwaltung sind schwer verständlich', 'Informationen sind für alle zugänglich.', '7.3', 'Zentrale Informationen sind mehrsprachig und in Leichter Sprache verfügbar.'],
  [8, 'Wirkungen der Integrationsarbeit sind bisher kaum messbar', 'Die Integrationsarbeit wird zielorientiert gesteuert.', '8.1', 'Steuerung und Operationalisierung: Jedes Handlungsziel ist mit Kennzahlen und realistischen Zielvorgaben hinterlegt.'],
  [8, 'Netzwerke arbeiten teilweise nebeneinander', 'Die Netzwerke arbeiten abgestimmt und ressourcenschonend.', '8.2', 'Die Netzwerke stimmen ihre Planungen einmal jährlich gemeinsam ab.'],
  [8, 'Ergebnisse der Integrationsarbeit sind öffentlich wenig sichtbar', 'Politik und Öffentlichkeit sind informiert.', '8.3', 'Politik und Öffentlichkeit werden regelmäßig über die Umsetzung informiert.'],
];

// ------------------------------------------------------ Arbeitsplanung

type Prio = 'hoch' | 'mittel' | 'niedrig';
type Zr = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'ganzjährig';
type St = 'geplant' | 'begonnen' | 'umgesetzt' | 'verschoben' | 'entfallen';

/** A Maßnahme row: [Nr, HF, Ziel, Art, Beschreibung, Bezug, Priorität, Verantwortlich, Zeitraum, Status, Standard, Bemerkung] */
const m = (nr: string, ziel: string, text: string, prio: Prio, wer: string, zr: Zr, st: St, bem: string | null = null): RawValue[] => [
  nr,
  Number(ziel.split('.')[0]),
  ziel,
  'Maßnahme',
  text,
  null,
  prio,
  wer,
  zr,
  st,
  'nein',
  bem,
];

/** A Wirkung row resulting from the Maßnahme `bezug`. */
const w = (nr: string, ziel: string, text: string, bezug: string, wer: string, zr: Zr, st: St): RawValue[] => [
  nr,
  Number(ziel.split('.')[0]),
  ziel,
  'Wirkung',
  text,
  bezug,
  null,
  wer,
  zr,
  st,
  'nein',
  null,
];

/** A Standardmaßnahme (reported separately, not part of the Umsetzungsbericht). */
const s = (nr: string, ziel: string, text: string, wer: string): RawValue[] => [
  nr,
  Number(ziel.split('.')[0]),
  ziel,
  'Maßnahme',
  text,
  null,
  'hoch',
  wer,
  'ganzjährig',
  'begonnen',
  'ja',
  'Bericht in gesonderter Vorlage an die Ausschüsse',
];

const VHS = 'VHS Rheine';
const IB = 'Integrationsbüro Stadt Rheine';
const KI = 'Kommunales Integrationszentrum Kreis Steinfurt';

const ARBEITSPLANUNG: RawValue[][] = [
  // HF 1 Sprachförderung
  m('1-01', '1.1', 'Clearingstelle Sprachkurse: zentrale Anmeldung und Vermittlung freier Kursplätze aller Träger', 'hoch', VHS, 'ganzjährig', 'begonnen'),
  m('1-02', '1.1', 'Monatliche Abfrage freier Plätze bei den Kursträgern und Veröffentlichung auf rheine.de', 'mittel', IB, 'ganzjährig', 'umgesetzt'),
  w('1-03', '1.1', 'Zugewanderte beginnen schneller einen Integrationskurs', '1-01', VHS, 'Q4', 'begonnen'),
  m('1-04', '1.2', 'Integrationskurs mit Kinderbetreuung im Stadtteil Dorenkamp', 'hoch', 'Caritasverband Rheine', 'Q3', 'verschoben', 'Räume erst ab Q4 verfügbar'),
  m('1-05', '1.2', 'Elternkurs „Mama lernt Deutsch“ an der Familienbildungsstätte', 'mittel', 'Familienbildungsstätte Rheine', 'Q1', 'umgesetzt'),
  w('1-06', '1.2', 'Mütter kleiner Kinder nehmen an Sprachkursen teil', '1-05', 'Familienbildungsstätte Rheine', 'ganzjährig', 'begonnen'),
  m('1-07', '1.3', 'Sprachcafés in der Stadtbibliothek und im Stadtteilbüro Schotthock', 'mittel', 'Stadtbibliothek Rheine', 'ganzjährig', 'umgesetzt'),
  m('1-08', '1.3', 'Gewinnung und Schulung von Sprachpatinnen und Sprachpaten', 'mittel', 'Ehrenamtsbüro Rheine', 'Q2', 'begonnen'),
  m('1-09', '1.3', 'Online-Sprachlernangebot für Berufstätige', 'niedrig', VHS, 'Q4', 'entfallen', 'Förderung nicht bewilligt'),
  w('1-10', '1.3', 'Kursabsolventinnen und -absolventen wenden Deutsch im Alltag an', '1-07', 'Stadtbibliothek Rheine', 'ganzjährig', 'begonnen'),
  // HF 2 Kita, Schule, Bildung
  m('2-01', '2.1', 'Feste Sprechzeiten der Seiteneinsteigerberatung im Bürgerbüro', 'hoch', KI, 'Q1', 'umgesetzt'),
  m('2-02', '2.1', 'Abgestimmtes Verfahren Schulamt – Schulen zur Zuweisung von Seiteneinsteigern', 'hoch', 'Schulamt Kreis Steinfurt', 'Q2', 'begonnen'),
  w('2-03', '2.1', 'Neu zugewanderte Kinder besuchen nach spätestens 4 Wochen eine Schule', '2-02', 'Schulamt Kreis Steinfurt', 'Q4', 'geplant'),
  m('2-04', '2.2', 'Elterncafés an drei weiteren Grundschulen einrichten', 'hoch', 'Familienzentrum Rheine-Mitte', 'Q1', 'umgesetzt'),
  m('2-05', '2.2', 'Mehrsprachige Elternabende zum Übergang Grundschule – weiterführende Schule', 'mittel', 'Grundschulen Rheine', 'Q4', 'geplant'),
  w('2-06', '2.2', 'Eltern kennen das Schulsystem und begleiten die Schullaufbahn ihrer Kinder', '2-04', 'Familienzentrum Rheine-Mitte', 'ganzjährig', 'begonnen'),
  m('2-07', '2.3', 'Kita-Einstiegsprojekt „Brücken bauen“ in zwei Unterkünften', 'hoch', 'Stadt Rheine – Fachbereich Jugend', 'ganzjährig', 'begonnen'),
  m('2-08', '2.3', 'Informationsflyer zur Kita-Anmeldung in sechs Sprachen', 'niedrig', 'Stadt Rheine – Fachbereich Jugend', 'Q2', 'umgesetzt'),
  w('2-09', '2.3', 'Familien melden ihre Kinder früher in der Kita an', '2-07', 'Stadt Rheine – Fachbereich Jugend', 'ganzjährig', 'begonnen'),
  m('2-10', '2.3', 'Sprachförderkräfte in Kitas mit hohem Anteil zugewanderter Kinder', 'mittel', 'Kita-Träger Rheine', 'Q3', 'verschoben', 'Stellenbesetzung offen'),
  // HF 3 Ausbildung, Arbeitsmarktzugang, Wirtschaft
  m('3-01', '3.1', 'Ausbildungsbörse „Zukunft Rheine“ mit Dolmetschenden und Betriebsführungen', 'hoch', 'Agentur für Arbeit Rheine', 'Q2', 'umgesetzt'),
  m('3-02', '3.1', 'Ausbildungspatenschaften für Auszubildende mit Fluchtgeschichte', 'mittel', 'Diakonisches Werk im Kirchenkreis Tecklenburg', 'ganzjährig', 'begonnen'),
  w('3-03', '3.1', 'Junge Zugewanderte beginnen eine Ausbildung und brechen seltener ab', '3-02', 'Diakonisches Werk im Kirchenkreis Tecklenburg', 'ganzjährig', 'begonnen'),
  m('3-04', '3.1', 'Berufsorientierungstage an den internationalen Förderklassen', 'mittel', 'Berufskolleg Rheine', 'Q1', 'umgesetzt'),
  m('3-05', '3.2', 'Sprechstunde Anerkennungsberatung im Jobcenter', 'hoch', 'Jobcenter Kreis Steinfurt', 'ganzjährig', 'begonnen'),
  m('3-06', '3.2', 'Lotsendienst für Anpassungsqualifizierungen in Pflege- und Gesundheitsberufen', 'mittel', 'IQ Netzwerk NRW', 'Q3', 'geplant'),
  w('3-07', '3.2', 'Anerkennungssuchende arbeiten schneller in ihrem erlernten Beruf', '3-05', 'Jobcenter Kreis Steinfurt', 'ganzjährig', 'geplant'),
  m('3-08', '3.3', 'Unternehmerfrühstück „Fachkräfte mit Zuwanderungsgeschichte“', 'mittel', 'IHK Nord Westfalen', 'Q2', 'umgesetzt'),
  m('3-09', '3.3', 'Handreichung für Betriebe zu Beschäftigungserlaubnis und Förderung', 'niedrig', 'Wirtschaftsförderung Rheine (EWG)', 'Q4', 'geplant'),
  w('3-10', '3.3', 'Mehr Betriebe stellen Geflüchtete ein und bilden sie aus', '3-08', 'IHK Nord Westfalen', 'ganzjährig', 'begonnen'),
  // HF 4 Wohnen und dezentrales Unterbringungskonzept
  m('4-01', '4.1', 'Wohnraumakquise: Ansprache privater Vermieterinnen und Vermieter mit Mietgarantie', 'hoch', 'Stadt Rheine – Fachbereich Soziales', 'ganzjährig', 'begonnen'),
  m('4-02', '4.1', 'Kooperation mit Wohnungsbaugesellschaften über ein Belegungskontingent', 'hoch', 'Stadt Rheine – Fachbereich Soziales', 'Q3', 'verschoben', 'Verhandlungen laufen'),
  w('4-03', '4.1', 'Geflüchtete leben nach kürzerer Zeit in einer eigenen Wohnung', '4-01', 'Stadt Rheine – Fachbereich Soziales', 'ganzjährig', 'begonnen'),
  m('4-04', '4.1', 'Auszugsberatung in den Unterkünften', 'mittel', 'DRK Kreisverband Steinfurt', 'ganzjährig', 'umgesetzt'),
  m('4-05', '4.2', 'Mieterführerschein in Kooperation mit dem Mieterverein', 'mittel', 'Mieterverein Rheine', 'Q2', 'umgesetzt'),
  m('4-06', '4.2', 'Nachbarschaftsmediation im Stadtteil Dorenkamp', 'mittel', 'Quartiersmanagement Dorenkamp', 'Q3', 'begonnen'),
  w('4-07', '4.2', 'Mietverhältnisse bleiben stabil, Konflikte werden früh geklärt', '4-05', 'Mieterverein Rheine', 'ganzjährig', 'begonnen'),
  m('4-08', '4.2', 'Mehrsprachige Hausordnung als Piktogramm-Plakat', 'niedrig', 'Stadt Rheine – Fachbereich Soziales', 'Q1', 'entfallen', 'durch Vermieter selbst umgesetzt'),
  // HF 5 Bürgerschaftliches Engagement und Partizipation
  m('5-01', '5.1', 'Ehrenamtsbörse mit Vorstellung der Integrationsprojekte', 'hoch', 'Ehrenamtsbüro Rheine', 'Q2', 'umgesetzt'),
  m('5-02', '5.1', 'Qualifizierungsreihe für Ehrenamtliche (Asylrecht, Kommunikation, Selbstfürsorge)', 'mittel', IB, 'ganzjährig', 'begonnen'),
  w('5-03', '5.1', 'Ehrenamtliche bleiben länger engagiert und fühlen sich gut begleitet', '5-02', 'Ehrenamtsbüro Rheine', 'ganzjährig', 'begonnen'),
  m('5-04', '5.2', 'Workshop zur Gründung eines Integrationsrats', 'hoch', IB, 'Q3', 'geplant'),
  m('5-05', '5.2', 'Beratung von Migrantenselbstorganisationen zu Fördermitteln und Vereinsrecht', 'mittel', KI, 'ganzjährig', 'begonnen'),
  w('5-06', '5.2', 'Migrantenselbstorganisationen bringen sich in städtische Gremien ein', '5-04', IB, 'Q4', 'geplant'),
  m('5-07', '5.3', 'Begegnungsfest „Rheine ist bunt“ im Stadtpark', 'mittel', 'Arbeitskreis Asyl Rheine', 'Q3', 'umgesetzt'),
  m('5-08', '5.3', 'Schnuppertrainings in Sportvereinen für neu zugewanderte Kinder', 'mittel', 'Stadtsportverband Rheine', 'ganzjährig', 'begonnen'),
  w('5-09', '5.3', 'Neuzugewanderte Kinder werden Mitglied in Sportvereinen', '5-08', 'Stadtsportverband Rheine', 'ganzjährig', 'begonnen'),
  // HF 6 Gesundheit, Prävention, psychologische Unterstützung
  m('6-01', '6.1', 'Ausbildung von 12 weiteren Gesundheitslotsinnen und -lotsen', 'hoch', 'Gesundheitsamt Kreis Steinfurt', 'Q2', 'verschoben', 'Trägerwechsel'),
  m('6-02', '6.1', 'Sprechstunde der Gesundheitslotsen im Stadtteilbüro', 'mittel', 'Gesundheitsamt Kreis Steinfurt', 'ganzjährig', 'begonnen'),
  w('6-03', '6.1', 'Zugewanderte nutzen Vorsorgeuntersuchungen häufiger', '6-02', 'Gesundheitsamt Kreis Steinfurt', 'ganzjährig', 'geplant'),
  m('6-04', '6.2', 'Offene Sprechstunde des Psychosozialen Zentrums in Rheine', 'hoch', 'Psychosoziales Zentrum Münsterland', 'ganzjährig', 'begonnen'),
  m('6-05', '6.2', 'Schulung von Fachkräften in Unterkünften zum Erkennen von Traumafolgen', 'mittel', 'Psychosoziales Zentrum Münsterland', 'Q1', 'umgesetzt'),
  w('6-06', '6.2', 'Psychisch belastete Geflüchtete erhalten schneller Beratung', '6-04', 'Psychosoziales Zentrum Münsterland', 'ganzjährig', 'begonnen'),
  m('6-07', '6.3', 'Mehrsprachige Infoabende zu Impfungen und Vorsorge', 'mittel', 'Gesundheitsamt Kreis Steinfurt', 'Q4', 'geplant'),
  m('6-08', '6.3', 'Präventionskurs „Gesund essen mit kleinem Budget“', 'niedrig', 'Familienbildungsstätte Rheine', 'Q2', 'entfallen', 'keine Kursleitung gefunden'),
  // HF 7 Interkulturelle Öffnung
  m('7-01', '7.1', 'Interkulturelle Schulung der Verwaltung für Beschäftigte mit Kundenkontakt', 'hoch', 'Stadt Rheine – Personal und Organisation', 'ganzjährig', 'begonnen'),
  m('7-02', '7.1', 'Modul „Interkulturelle Kompetenz“ in der Ausbildung der Nachwuchskräfte', 'mittel', 'Stadt Rheine – Personal und Organisation', 'Q3', 'umgesetzt'),
  w('7-03', '7.1', 'Beschäftigte beraten Menschen mit Zuwanderungsgeschichte sicherer', '7-01', 'Stadt Rheine – Personal und Organisation', 'ganzjährig', 'begonnen'),
  m('7-04', '7.2', 'Ausbau des Dolmetscherpools um Tigrinya, Dari und Kurmandschi', 'hoch', IB, 'Q2', 'umgesetzt'),
  m('7-05', '7.2', 'Video-Dolmetschen im Bürgerbüro und im Jobcenter testen', 'mittel', 'Stadt Rheine – Bürgerbüro', 'Q3', 'begonnen'),
  w('7-06', '7.2', 'Gespräche in Behörden finden ohne Sprachbarriere statt', '7-04', IB, 'ganzjährig', 'begonnen'),
  m('7-07', '7.3', 'Zentrale Formulare des Bürgerbüros in Leichter Sprache', 'mittel', 'Stadt Rheine – Bürgerbüro', 'Q4', 'geplant'),
  m('7-08', '7.3', 'Mehrsprachige Willkommensseite auf rheine.de', 'mittel', 'Stadt Rheine – Presse- und Öffentlichkeitsarbeit', 'Q2', 'begonnen'),
  // HF 8 Professionalisierung und Steuerung
  m('8-01', '8.1', 'Checkliste Umsetzung (Anlage 1) für alle Handlungsziele mit den Netzwerken ausfüllen', 'hoch', 'Steuerungsgruppe Integrationskonzept', 'Q1', 'umgesetzt'),
  m('8-02', '8.1', 'Halbjährliche Erhebung der Kennzahlen bei den Netzwerken', 'hoch', IB, 'ganzjährig', 'begonnen'),
  w('8-03', '8.1', 'Die Steuerungsgruppe steuert Ressourcen anhand belastbarer Kennzahlen', '8-02', 'Steuerungsgruppe Integrationskonzept', 'Q4', 'geplant'),
  m('8-04', '8.2', 'Gemeinsame Netzwerkkonferenz aller Handlungsfelder', 'mittel', IB, 'Q4', 'geplant'),
  m('8-05', '8.2', 'Fortbildung der Netzwerkleitungen zu Moderation und Wirkungsorientierung', 'niedrig', KI, 'Q2', 'verschoben', 'neuer Termin 2027'),
  // Standardmaßnahmen (SPEC §1): reported separately, not part of the Umsetzungsbericht
  s('S-01', '2.1', 'Integration durch Bildung: Sprachoffensive, Arbeit des multiprofessionellen Teams, Seiteneinsteigerberatung', KI),
  s('S-02', '8.3', 'Jahresbericht zur Ankommensberatung', 'Stadt Rheine – Fachbereich Soziales'),
  s('S-03', '8.2', 'Kommunales Integrationsmanagement', KI),
  s('S-04', '5.3', 'Interkulturelle Woche', IB),
  s('S-05', '4.1', 'Jahresbericht zum dezentralen Unterbringungskonzept', 'Stadt Rheine – Fachbereich Soziales'),
  s('S-06', '8.3', 'Jahresbericht der Ausländerbehörde', 'Stadt Rheine – Ausländerbehörde'),
];

// ---------------------------------------------------------- Checkliste

/** [Ziel, Zielgruppe, Ressourcen, Kooperationspartner, Umsetzungsstand, Einschätzung, Anpassungsbedarf, Nächste Schritte] */
const CHECKLISTE: RawValue[][] = [
  ['1.1', 'Neuzugewanderte Erwachsene', '0,5 Stelle Clearingstelle (VHS)', 'VHS, Caritas, BAMF-Regionalkoordination', 'in Umsetzung', 'Wartezeit deutlich gesunken, Ziel noch nicht erreicht.', 'keiner', 'Clearingstelle verstetigen'],
  ['1.2', 'Mütter und Väter mit Kleinkindern', 'Kinderbetreuung über Landesmittel', 'Caritas, Familienbildungsstätte', 'teilweise erreicht', 'Zweiter Standort fehlt wegen fehlender Räume.', 'Ressourcen anpassen', 'Raum im Stadtteilbüro Dorenkamp anmieten'],
  ['1.3', 'Kursabsolventinnen und -absolventen', 'Ehrenamt, Sachkosten 2.000 €', 'Stadtbibliothek, Ehrenamtsbüro', 'in Umsetzung', 'Sprachcafés gut besucht, Patenschaften im Aufbau.', 'keiner', 'Patinnen und Paten schulen'],
  ['2.1', 'Seiteneinsteigende Kinder und Jugendliche', 'Multiprofessionelles Team KI', 'Schulamt, Schulen, KI', 'in Umsetzung', 'Zuweisungsdauer fast im Ziel.', 'keiner', 'Verfahren schriftlich festhalten'],
  ['2.2', 'Eltern an Grundschulen', 'Honorarmittel Elterncafés', 'Familienzentren, Grundschulen', 'erreicht', 'Elterncafés an sechs Grundschulen etabliert.', 'keiner', 'Teilnahme erfassen'],
  ['2.3', 'Familien mit Kindern von 3 bis 6 Jahren', 'Kita-Plätze (Engpass)', 'Fachbereich Jugend, Kita-Träger', 'teilweise erreicht', 'Nachfrage übersteigt die verfügbaren Plätze.', 'Ziel anpassen', 'Zielwert mit Kita-Bedarfsplanung abgleichen'],
  ['3.1', 'Junge Zugewanderte von 16 bis 27 Jahren', 'Ausbildungspatenschaften (Ehrenamt)', 'Agentur für Arbeit, Berufskolleg, Diakonie', 'in Umsetzung', 'Ausbildungsbörse sehr erfolgreich.', 'keiner', 'Börse 2027 wiederholen'],
  ['3.2', 'Anerkennungssuchende', 'Beratung Jobcenter, IQ Netzwerk', 'Jobcenter, IQ Netzwerk NRW', 'in Umsetzung', 'Beratungen etwas unter Plan.', 'Maßnahmen anpassen', 'Sprechstunde auch in der VHS anbieten'],
  ['4.1', 'Geflüchtete in Gemeinschaftsunterkünften', 'Wohnraumakquise 1,0 Stelle', 'Wohnungsbaugesellschaften, private Vermieter', 'in Umsetzung', 'Wohnungsmarkt sehr angespannt.', 'Maßnahmen anpassen', 'Mietgarantie bewerben'],
  ['4.2', 'Neue Mieterinnen und Mieter', 'Honorar Mieterverein', 'Mieterverein, Quartiersmanagement', 'erreicht', 'Mieterführerschein gut angenommen.', 'keiner', 'Kurs zweimal jährlich anbieten'],
  ['5.1', 'Ehrenamtliche in der Integrationsarbeit', 'Ehrenamtsbüro, Sachkosten Qualifizierung', 'Ehrenamtsbüro, Arbeitskreis Asyl', 'in Umsetzung', 'Gewinnung gelingt, Bindung bleibt Aufgabe.', 'keiner', 'Dankeschön-Abend planen'],
  ['5.2', 'Migrantenselbstorganisationen', 'Integrationsbüro', 'KI, MSO, Politik', 'nicht begonnen', 'Gründung Integrationsrat braucht politischen Beschluss.', 'Ziel anpassen', 'Vorlage für den Ausschuss vorbereiten'],
  ['5.3', 'Alteingesessene und Neuzugewanderte', 'Festbudget, Vereinszuschüsse', 'Stadtsportverband, Arbeitskreis Asyl', 'erreicht', 'Begegnungsfest mit großer Resonanz.', 'keiner', 'Vereine für Patenschaften gewinnen'],
  ['6.1', 'Zugewanderte ohne Hausarzt', 'Aufwandsentschädigung Lotsinnen', 'Gesundheitsamt, Ärztenetz', 'nicht erreicht', 'Ausbildungskurs wegen Trägerwechsel verschoben.', 'Ressourcen anpassen', 'Neuen Träger beauftragen'],
  ['6.2', 'Psychisch belastete Geflüchtete', 'Landesförderung PSZ', 'Psychosoziales Zentrum, Unterkünfte', 'in Umsetzung', 'Wartezeit gesunken, Nachfrage steigt.', 'keiner', 'Zusätzliche Sprechstunde prüfen'],
  ['7.1', 'Beschäftigte der Stadtverwaltung', 'Fortbildungsbudget Personal', 'Personal und Organisation, KI', 'in Umsetzung', 'Schulungstermine teilweise ausgefallen.', 'Maßnahmen anpassen', 'Nachholtermine Q1 2027'],
  ['7.2', 'Verwaltung und Einrichtungen', 'Honorare Dolmetscherpool 25.000 €', 'Integrationsbüro, Bürgerbüro, Jobcenter', 'in Umsetzung', 'Pool wächst, hohe Nachfrage.', 'keiner', 'Video-Dolmetschen auswerten'],
  ['7.3', 'Alle Bürgerinnen und Bürger', 'Übersetzungsbudget', 'Bürgerbüro, Pressestelle', 'in Umsetzung', 'Kennzahl wird noch festgelegt.', 'keiner', 'Kennzahl „übersetzte Formulare“ festlegen'],
  ['8.1', 'Netzwerke und Steuerungsgruppe', 'Integrationsbüro (Koordination)', 'alle Netzwerke', 'erreicht', 'Checklisten liegen fast vollständig vor.', 'keiner', 'Umsetzungsbericht Anfang 2027'],
  ['8.2', 'Netzwerkleitungen', 'Integrationsbüro', 'alle Netzwerke, KI', 'in Umsetzung', 'Konferenz für November terminiert.', 'keiner', 'Einladung versenden'],
  ['8.3', 'Politik und Öffentlichkeit', 'Pressestelle', 'Ausschüsse, Pressestelle', 'in Umsetzung', 'Berichte zu Standardmaßnahmen laufen gesondert.', 'keiner', 'Umsetzungsbericht vorbereiten'],
];

// ----------------------------------------------------------- Kennzahlen

const STICHTAG = new Date(Date.UTC(2026, 9, 31));
const HALBJAHR = new Date(Date.UTC(2026, 5, 30));

/** [ID, Ziel, Kennzahl, Einheit, Ebene, Ausgangswert, Zielwert, Istwert, Stichtag, Datenquelle, Verantwortlich, Begründung] */
const k = (
  id: string,
  ziel: string,
  name: string,
  einheit: string,
  ebene: 'Output' | 'Outcome' | 'Impact',
  a: number | null,
  z: number,
  i: number | null,
  quelle: string,
  wer: string,
  begruendung: string | null = null,
  stichtag: Date = STICHTAG,
): RawValue[] => [id, ziel, name, einheit, ebene, a, z, i, i === null ? null : stichtag, quelle, wer, begruendung];

const KENNZAHLEN: RawValue[][] = [
  k('K1.1.1', '1.1', 'Durchschnittliche Wartezeit auf einen Integrationskursplatz', 'Wochen', 'Outcome', 12, 6, 8, 'Clearingstelle VHS', VHS),
  k('K1.1.2', '1.1', 'Über die Clearingstelle vermittelte Kursplätze', 'Anzahl', 'Output', null, 400, 372, 'Clearingstelle VHS', VHS),
  k('K1.2.1', '1.2', 'Stadtteile mit Sprachkurs und Kinderbetreuung', 'Anzahl', 'Output', 1, 3, 2, 'Kursträger', 'Caritasverband Rheine', 'Kurs in Dorenkamp verschoben: Räume erst ab Q4 verfügbar, Träger steht bereit.'),
  k('K1.3.1', '1.3', 'Regelmäßige Sprachcafés', 'Anzahl', 'Output', 4, 8, 7, 'Stadtbibliothek', 'Stadtbibliothek Rheine'),
  k('K1.3.2', '1.3', 'Aktive Sprachpatenschaften', 'Anzahl', 'Output', null, 60, null, 'Ehrenamtsbüro', 'Ehrenamtsbüro Rheine'),
  k('K2.1.1', '2.1', 'Durchschnittliche Dauer bis zur Schulzuweisung', 'Tage', 'Outcome', 45, 28, 30, 'Schulamt', 'Schulamt Kreis Steinfurt'),
  k('K2.1.2', '2.1', 'Beratene Seiteneinsteigerinnen und Seiteneinsteiger', 'Personen', 'Output', null, 250, 262, 'KI Kreis Steinfurt', KI),
  k('K2.2.1', '2.2', 'Grundschulen mit Elterncafé', 'Anzahl', 'Output', 3, 6, 6, 'Familienzentren', 'Familienzentrum Rheine-Mitte'),
  k('K2.2.2', '2.2', 'Teilnehmende Eltern in Elterncafés', 'Personen', 'Outcome', null, 180, null, 'Teilnahmelisten', 'Familienzentrum Rheine-Mitte'),
  k('K2.3.1', '2.3', 'Kita-Besuchsquote der 3- bis 6-Jährigen mit Zuwanderungsgeschichte', '%', 'Impact', 78, 85, 81, 'Kita-Bedarfsplanung', 'Stadt Rheine – Fachbereich Jugend', 'Zu wenige Kita-Plätze im Stadtgebiet; der Ausbau wirkt erst ab 2027.'),
  k('K3.1.1', '3.1', 'Neue Ausbildungsverträge junger Zugewanderter', 'Anzahl', 'Outcome', 38, 50, 47, 'Agentur für Arbeit, Kammern', 'Agentur für Arbeit Rheine'),
  k('K3.1.2', '3.1', 'Besucherinnen und Besucher der Ausbildungsbörse', 'Personen', 'Output', null, 400, 520, 'Zählung Veranstalter', 'Agentur für Arbeit Rheine', null, HALBJAHR),
  k('K3.2.1', '3.2', 'Anerkennungsberatungen', 'Anzahl', 'Output', null, 120, 110, 'Jobcenter', 'Jobcenter Kreis Steinfurt'),
  k('K3.2.2', '3.2', 'Durchschnittliche Dauer des Anerkennungsverfahrens', 'Monate', 'Outcome', 9, 6, null, 'IQ Netzwerk NRW', 'IQ Netzwerk NRW'),
  k('K3.3.1', '3.3', 'Betriebe im Netzwerk „Unternehmen integrieren Geflüchtete“', 'Anzahl', 'Output', 22, 35, 36, 'IHK Nord Westfalen', 'IHK Nord Westfalen'),
  k('K4.1.1', '4.1', 'Auszüge aus Gemeinschaftsunterkünften in eigene Wohnungen', 'Personen', 'Outcome', null, 150, 96, 'Fachbereich Soziales', 'Stadt Rheine – Fachbereich Soziales'),
  k('K4.1.2', '4.1', 'Durchschnittliche Verweildauer in Gemeinschaftsunterkünften', 'Monate', 'Impact', 14, 10, 13, 'Fachbereich Soziales', 'Stadt Rheine – Fachbereich Soziales', 'Angespannter Wohnungsmarkt, kaum freie Sozialwohnungen; Belegungskontingent noch nicht vereinbart.'),
  k('K4.2.1', '4.2', 'Teilnehmende am Mieterführerschein', 'Personen', 'Output', null, 60, 58, 'Mieterverein', 'Mieterverein Rheine'),
  k('K5.1.1', '5.1', 'Neu gewonnene Ehrenamtliche', 'Personen', 'Output', null, 80, 64, 'Ehrenamtsbüro', 'Ehrenamtsbüro Rheine'),
  k('K5.1.2', '5.1', 'Qualifizierungsangebote für Ehrenamtliche', 'Anzahl', 'Output', null, 6, 6, 'Integrationsbüro', IB),
  k('K5.2.1', '5.2', 'Sitze von Migrantenselbstorganisationen in städtischen Gremien', 'Anzahl', 'Outcome', 2, 5, 3, 'Ratsbüro', IB, 'Integrationsrat erfordert Ratsbeschluss; Vorlage ist für 2027 geplant.'),
  k('K5.3.1', '5.3', 'Teilnehmende an Begegnungsfesten', 'Personen', 'Output', null, 1500, 1720, 'Zählung Veranstalter', 'Arbeitskreis Asyl Rheine', null, HALBJAHR),
  k('K6.1.1', '6.1', 'Aktive Gesundheitslotsinnen und -lotsen', 'Personen', 'Output', 12, 24, 15, 'Gesundheitsamt', 'Gesundheitsamt Kreis Steinfurt'),
  k('K6.2.1', '6.2', 'Wartezeit auf ein Erstgespräch in der psychosozialen Beratung', 'Wochen', 'Outcome', 12, 6, 9, 'Psychosoziales Zentrum', 'Psychosoziales Zentrum Münsterland', 'Längerer Personalausfall im Psychosozialen Zentrum; eine zweite Fachkraft beginnt im Januar 2027.'),
  k('K6.2.2', '6.2', 'Beratene Personen in der Sprechstunde Rheine', 'Personen', 'Output', null, 140, null, 'Psychosoziales Zentrum', 'Psychosoziales Zentrum Münsterland'),
  k('K6.3.1', '6.3', 'Gesundheitsinfoabende in Herkunftssprachen', 'Anzahl', 'Output', null, 10, 9, 'Gesundheitsamt', 'Gesundheitsamt Kreis Steinfurt'),
  k('K7.1.1', '7.1', 'Interkulturell geschulte Beschäftigte', 'Personen', 'Output', 35, 120, 88, 'Fortbildungsstatistik', 'Stadt Rheine – Personal und Organisation'),
  k('K7.1.2', '7.1', 'Anteil geschulter Beschäftigter mit Kundenkontakt', '%', 'Outcome', 20, 40, 29, 'Fortbildungsstatistik', 'Stadt Rheine – Personal und Organisation', 'Zwei Schulungstermine fielen krankheitsbedingt aus; Nachholtermine im Q1 2027.'),
  k('K7.2.1', '7.2', 'Einsätze des Dolmetscherpools', 'Anzahl', 'Output', null, 600, 655, 'Einsatzstatistik', IB),
  k('K7.2.2', '7.2', 'Sprachen im Dolmetscherpool', 'Anzahl', 'Output', 14, 20, 18, 'Einsatzstatistik', IB),
  k('K8.1.1', '8.1', 'Handlungsziele mit ausgefüllter Checkliste', '%', 'Output', 0, 100, 91, 'Arbeitsmappe Integrationsmonitor', 'Steuerungsgruppe Integrationskonzept'),
  k('K8.1.2', '8.1', 'Netzwerksitzungen mit Kennzahlenbericht', 'Anzahl', 'Output', null, 16, 12, 'Protokolle', IB),
  k('K8.2.1', '8.2', 'Gemeinsame Netzwerkkonferenzen', 'Anzahl', 'Output', null, 1, 1, 'Protokolle', IB),
  k('K8.3.1', '8.3', 'Berichte in Ausschüssen und Presse zum Integrationskonzept', 'Anzahl', 'Output', null, 6, null, 'Pressestelle', 'Stadt Rheine – Presse- und Öffentlichkeitsarbeit'),
];

/**
 * The concept's first year (2025) in tblZeitreihe, so the sample shows
 * trends: an Istwert on the way from Ausgangswert to the 2026 value.
 * Every seventh Kennzahl is new in 2026 and has no row; a Kennzahl without
 * 2026 data had none in 2025 either.
 */
function zeitreihe2025(): RawValue[][] {
  const stichtag = new Date(Date.UTC(2025, 11, 31));
  const zeilen: RawValue[][] = [];
  KENNZAHLEN.forEach((k, i) => {
    if (i % 7 === 6) return;
    const [id, , , , , ausgang, ziel, ist] = k as [string, unknown, unknown, unknown, unknown, number | null, number, number | null];
    const wert = ist === null ? null : Math.round((ausgang ?? 0) + (ist - (ausgang ?? 0)) * 0.55);
    zeilen.push([id, 2025, wert, ziel, wert === null ? null : stichtag]);
  });
  return zeilen;
}

/** The realistic sample plan 2026 for Rheine (`vorlage --beispiel`). */
export function beispielTabellen(): Tabellen {
  const copy = (rows: RawValue[][]): RawValue[][] => rows.map((r) => r.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));
  return {
    handlungsfelder: STANDARD_HANDLUNGSFELDER.map((hf) => [hf.nr, hf.name, NETZWERKE[hf.nr] ?? '', NETZWERKLEITUNG[hf.nr] ?? '']),
    einstellungen: einstellungen(),
    ziele: copy(ZIELE),
    arbeitsplanung: copy(ARBEITSPLANUNG),
    checkliste: copy(CHECKLISTE),
    kennzahlen: copy(KENNZAHLEN),
    zeitreihe: zeitreihe2025(),
  };
}
