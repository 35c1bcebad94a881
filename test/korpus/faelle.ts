/**
 * The bad-input corpus: every rule of SPEC §3 plus the broken files users
 * actually send. Each case builds its workbook from the valid base plan,
 * breaks one thing and states what `pruefen --json` must answer.
 * docs/KORPUS.md explains the decisions (what is accepted, with which Warnung).
 */
import type { CellValue } from 'exceljs';
import {
  adresse,
  basisMappe,
  blattTeil,
  blattVon,
  fehlerFormel,
  mappeAlsBytes,
  ohneTeil,
  setze,
  tabelleVon,
  type MappeDef,
} from './mappe';

export interface ErwarteterBefund {
  blatt: string;
  /** A1 address without sheet; undefined: any (findings about a whole table or header) */
  zelle?: string;
  /** column header the finding must name */
  spalte?: string;
  /** part of the German message */
  text?: RegExp;
}

export interface Erwartung {
  exit: 0 | 1 | 2;
  /** each must be among the Fehler (more Fehler are allowed) */
  fehler?: ErwarteterBefund[];
  /** each must be among the Warnungen */
  warnungen?: ErwarteterBefund[];
  /** no Warnung at all (the accepted-as-is cases) */
  keineWarnung?: boolean;
  /** exit 2: the one German line on stderr */
  meldung?: RegExp;
  /** KPI checks through `kpi --json` for accepted values */
  kpi?: { kennzahl: string; zielerreichung: number | null }[];
}

export interface Fall {
  /** file stem, also the test name */
  id: string;
  /** what the case covers (German, for docs/KORPUS.md) */
  titel: string;
  /** file name suffix; '.xlsx' unless the case is about names */
  endung?: string;
  /** builds the bytes (null: the file does not exist) and the expectation */
  baue(): Promise<{ bytes: Buffer | null; erwartet: Erwartung }>;
}

/** A case that changes the base workbook in memory. */
function mappenFall(id: string, titel: string, aendere: (m: MappeDef) => Erwartung, nach?: (b: Buffer, m: MappeDef) => Promise<Buffer>): Fall {
  return {
    id,
    titel,
    async baue() {
      const m = basisMappe();
      const erwartet = aendere(m);
      let bytes = await mappeAlsBytes(m);
      if (nach) bytes = await nach(bytes, m);
      return { bytes, erwartet };
    },
  };
}

/** A single wrong cell that must give one Fehler at that cell. */
function zellFehler(id: string, titel: string, key: Parameters<typeof setze>[1], zeile: number, kopf: string, wert: CellValue, text?: RegExp): Fall {
  return mappenFall(id, titel, (m) => ({ exit: 1, fehler: [{ ...setze(m, key, zeile, kopf, wert), spalte: kopf, text }] }));
}

const fremdeBytes = (id: string, titel: string, endung: string, bytes: Buffer | null, meldung: RegExp): Fall => ({
  id,
  titel,
  endung,
  baue: async () => ({ bytes, erwartet: { exit: 2, meldung } }),
});

/** Start of an OLE compound file: what Excel writes for a password-protected workbook and for .xls. */
function oleDatei(inhalt: string): Buffer {
  const kopf = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const rest = Buffer.alloc(4096 - kopf.length, 0);
  rest.write(inhalt, 64, 'utf16le');
  return Buffer.concat([kopf, rest]);
}

export const FAELLE: readonly Fall[] = [
  // ── accepted files ────────────────────────────────────────────────
  mappenFall('ok-basis', 'Gültige Mappe ohne Befund', () => ({ exit: 0, keineWarnung: true })),
  mappenFall('ok-spalten-vertauscht-und-zusatzspalte', 'Spalten umsortiert, eigene Zusatzspalte rechts: Spalten werden über den Kopftext gefunden', (m) => {
    const t = tabelleVon(m, 'kennzahlen');
    // swap Zielwert and Istwert, add a user column at the end
    const zi = t.koepfe.indexOf('Zielwert');
    const ii = t.koepfe.indexOf('Istwert');
    [t.koepfe[zi], t.koepfe[ii]] = [t.koepfe[ii], t.koepfe[zi]];
    t.zeilen.forEach((z) => ([z[zi], z[ii]] = [z[ii], z[zi]]));
    t.koepfe.push('Notiz Netzwerk');
    t.zeilen.forEach((z, i) => z.push(`Notiz ${i + 1}`));
    return { exit: 0, keineWarnung: true, kpi: [{ kennzahl: 'K-01', zielerreichung: (4 - 6) / (3 - 6) }] };
  }),
  mappenFall('adresse-tabelle-versetzt', 'Tabelle beginnt nicht in A1 (B4): Adressen der Befunde stimmen trotzdem', (m) => {
    const t = tabelleVon(m, 'arbeitsplanung');
    t.kopfZeile = 4;
    t.ersteSpalte = 2;
    blattVon(m, 'arbeitsplanung').zellen['B1'] = 'Anlage 2 – Arbeitsplanung 2026';
    return { exit: 1, fehler: [{ ...setze(m, 'arbeitsplanung', 2, 'Art', 'Massnahme'), spalte: 'Art', text: /Maßnahme/ }] };
  }),
  mappenFall('ok-formeln-mit-ergebnis', 'Formeln mit gültigem Ergebnis werden mit ihrem letzten Ergebnis gelesen', (m) => {
    setze(m, 'kennzahlen', 0, 'Istwert', { formula: '2+2', result: 4 } as CellValue);
    setze(m, 'kennzahlen', 1, 'Zielwert', { formula: '2*2', result: 4 } as CellValue);
    return { exit: 0, keineWarnung: true, kpi: [{ kennzahl: 'K-02', zielerreichung: 1 }] };
  }),
  mappenFall('ok-formeltext-als-text', 'Text, der mit =, +, - oder @ beginnt, bleibt Text', (m) => {
    setze(m, 'arbeitsplanung', 0, 'Bemerkung', '=SUMME(A1:A3)');
    setze(m, 'arbeitsplanung', 2, 'Verantwortlich', '+49 5971 939-0');
    setze(m, 'arbeitsplanung', 4, 'Bemerkung', '- siehe Protokoll');
    setze(m, 'kennzahlen', 0, 'Datenquelle', '@VHS');
    return { exit: 0, keineWarnung: true };
  }),
  mappenFall('ok-30000-zeichen', 'Zelle mit 30.000 Zeichen (Excel erlaubt 32.767)', (m) => {
    setze(m, 'arbeitsplanung', 0, 'Beschreibung', 'Sehr lange Beschreibung. '.repeat(1200));
    return { exit: 0, keineWarnung: true };
  }),
  mappenFall('verborgene-zeile-mit-fehler', 'Ausgeblendete Zeilen werden mitgeprüft (Fehler in verborgener Zeile wird gemeldet)', (m) => {
    const a = setze(m, 'kennzahlen', 3, 'Wirkungsebene', 'Ergebnis');
    blattVon(m, 'kennzahlen').ausgeblendet.push(Number(a.zelle.replace(/\D/g, '')));
    return { exit: 1, fehler: [{ ...a, spalte: 'Wirkungsebene', text: /Output/ }] };
  }),

  // ── accepted with a Warnung ───────────────────────────────────────
  mappenFall('warnung-dezimalkomma', 'Zahl als Text mit deutschem Komma „4,5“ → 4,5 mit Warnung', (m) => ({
    exit: 0,
    warnungen: [{ ...setze(m, 'kennzahlen', 0, 'Istwert', '4,5'), spalte: 'Istwert', text: /als Text gespeichert.*4,5/ }],
    kpi: [{ kennzahl: 'K-01', zielerreichung: (4.5 - 6) / (3 - 6) }],
  })),
  mappenFall('warnung-tausenderpunkt', 'Zahl als Text „1.200“ (Tausenderpunkt) → 1200 mit Warnung', (m) => ({
    exit: 0,
    warnungen: [{ ...setze(m, 'kennzahlen', 5, 'Zielwert', '1.200'), spalte: 'Zielwert', text: /1200/ }],
    kpi: [{ kennzahl: 'K-06', zielerreichung: (12 - 10) / (1200 - 10) }],
  })),
  mappenFall('warnung-datum-als-text', 'Datum als Text „30.06.2026“ → Datum mit Warnung', (m) => ({
    exit: 0,
    warnungen: [{ ...setze(m, 'kennzahlen', 1, 'Stichtag', '30.06.2026'), spalte: 'Stichtag', text: /30\.06\.2026/ }],
  })),
  mappenFall('warnung-liste-schreibweise', 'Listenwert in anderer Schreibweise („HOCH“) → „hoch“ mit Warnung', (m) => ({
    exit: 0,
    warnungen: [{ ...setze(m, 'arbeitsplanung', 0, 'Priorität', 'HOCH'), spalte: 'Priorität', text: /„hoch“/ }],
  })),
  mappenFall('warnung-nur-leerzeichen', 'Zellen nur mit Leerzeichen gelten als leer (optionale Spalten: kein Befund; Pflichtspalte: Fehler)', (m) => {
    setze(m, 'arbeitsplanung', 0, 'Bemerkung', '   ');
    setze(m, 'kennzahlen', 0, 'Datenquelle', ' \t ');
    return { exit: 1, fehler: [{ ...setze(m, 'arbeitsplanung', 2, 'Beschreibung', '    '), spalte: 'Beschreibung' }] };
  }),
  mappenFall('warnung-ziel-ohne-massnahme', 'Handlungsziel ohne Maßnahme (nur Standardmaßnahme zählt nicht)', (m) => {
    setze(m, 'arbeitsplanung', 2, 'Standardmaßnahme', 'ja');
    return { exit: 0, warnungen: [{ blatt: 'Ziele', zelle: adresse(m, 'ziele', 1, 'Handlungsziel-ID').zelle, text: /1\.2.*Maßnahme/ }] };
  }),
  mappenFall('warnung-ziel-ohne-kennzahl', 'Handlungsziel ohne Kennzahl', (m) => {
    const t = tabelleVon(m, 'kennzahlen');
    t.zeilen = t.zeilen.filter((z) => z[1] !== '2.1');
    return { exit: 0, warnungen: [{ blatt: 'Ziele', zelle: adresse(m, 'ziele', 2, 'Handlungsziel-ID').zelle, text: /2\.1.*Kennzahl/ }] };
  }),
  mappenFall('warnung-ziel-ohne-checkliste', 'Handlungsziel ohne Zeile in der Checkliste', (m) => {
    const t = tabelleVon(m, 'checkliste');
    t.zeilen = t.zeilen.filter((z) => z[0] !== '3.1');
    return { exit: 0, warnungen: [{ blatt: 'Ziele', zelle: adresse(m, 'ziele', 3, 'Handlungsziel-ID').zelle, text: /3\.1.*Checkliste/ }] };
  }),
  mappenFall('warnung-rot-ohne-begruendung', 'Ampel rot ohne Begründung', (m) => ({
    exit: 0,
    warnungen: [{ ...setze(m, 'kennzahlen', 5, 'Begründung', null), spalte: 'Begründung', text: /Rot/i }],
  })),

  // ── structure ─────────────────────────────────────────────────────
  mappenFall('struktur-tabelle-fehlt', 'Tabelle tblKennzahlen fehlt (Blatt leer)', (m) => {
    blattVon(m, 'kennzahlen').tabellen = [];
    return { exit: 1, fehler: [{ blatt: 'Kennzahlen', zelle: '', text: /„tblKennzahlen“.*fehlt/ }] };
  }),
  mappenFall('struktur-tabelle-als-bereich', 'Tabelle in einen normalen Bereich zurückverwandelt (Daten da, Tabelle weg)', (m) => {
    tabelleVon(m, 'arbeitsplanung').alsTabelle = false;
    return { exit: 1, fehler: [{ blatt: 'Arbeitsplanung', zelle: '', text: /„tblArbeitsplanung“.*fehlt/ }] };
  }),
  mappenFall('struktur-kopf-fehlt', 'Pflichtspalte „Zielwert“ gelöscht', (m) => {
    const t = tabelleVon(m, 'kennzahlen');
    const i = t.koepfe.indexOf('Zielwert');
    t.koepfe.splice(i, 1);
    t.zeilen.forEach((z) => z.splice(i, 1));
    return { exit: 1, fehler: [{ blatt: 'Kennzahlen', spalte: 'Zielwert', text: /fehlt die Spalte „Zielwert“/ }] };
  }),
  mappenFall('struktur-kopf-umbenannt', 'Spaltenkopf umbenannt („Istwert“ → „Ist-Wert 2026“)', (m) => {
    const t = tabelleVon(m, 'kennzahlen');
    t.koepfe[t.koepfe.indexOf('Istwert')] = 'Ist-Wert 2026';
    return { exit: 1, fehler: [{ blatt: 'Kennzahlen', spalte: 'Istwert', text: /fehlt die Spalte „Istwert“/ }] };
  }),
  mappenFall('struktur-tabellenname-doppelt', 'Gleicher Tabellenname tblZiele noch einmal auf einem anderen Blatt', (m) => {
    const kopie = { ...tabelleVon(m, 'ziele'), zeilen: tabelleVon(m, 'ziele').zeilen.map((z) => [...z]) };
    m.blaetter.push({ name: 'Ziele (alt)', tabellen: [kopie], verbunden: [], ausgeblendet: [], zellen: {} });
    return { exit: 1, fehler: [{ blatt: 'Ziele (alt)', text: /„tblZiele“.*mehrfach/ }] };
  }),
  mappenFall('ok-verbundener-titel', 'Verbundene Titelzeile über der Tabelle (Tabelle ab A3)', (m) => {
    const t = tabelleVon(m, 'arbeitsplanung');
    t.kopfZeile = 3;
    const b = blattVon(m, 'arbeitsplanung');
    b.zellen['A1'] = 'Anlage 2 – Arbeitsplanung 2026';
    b.verbunden.push('A1:L1');
    return { exit: 0, keineWarnung: true };
  }),
  mappenFall('struktur-verbunden-in-tabelle', 'Verbundene Zellen in der Tabelle (Nr über zwei Zeilen verbunden, von einem Fremdwerkzeug)', (m) => {
    const oben = adresse(m, 'arbeitsplanung', 4, 'Nr');
    const unten = adresse(m, 'arbeitsplanung', 5, 'Nr');
    blattVon(m, 'arbeitsplanung').verbunden.push(`${oben.zelle}:${unten.zelle}`);
    // Excel reads the lower cell as empty, exceljs as a copy: either way that row has no usable Nr
    return { exit: 1, fehler: [{ ...unten, spalte: 'Nr' }] };
  }),
  mappenFall(
    'datei-blatt-teil-fehlt',
    'xlsx-Paket, in dem das Blatt Arbeitsplanung (xl/worksheets/sheet3.xml) fehlt',
    () => ({ exit: 2, meldung: /beschädigt|nicht.*gelesen/ }),
    (b, m) => ohneTeil(b, blattTeil(m, 'Arbeitsplanung')),
  ),

  // ── SPEC §3 Fehler, Arbeitsplanung ───────────────────────────────
  zellFehler('fehler-nr-leer', 'Nr leer', 'arbeitsplanung', 3, 'Nr', null),
  zellFehler('fehler-nr-doppelt', 'Nr doppelt', 'arbeitsplanung', 3, 'Nr', 'A-03', /A-03/),
  zellFehler('fehler-hf-unbekannt', 'HF-Nr nicht in tblHandlungsfelder', 'arbeitsplanung', 6, 'HF-Nr', 42, /42/),
  zellFehler('fehler-hf-text', 'HF-Nr ist Text', 'arbeitsplanung', 6, 'HF-Nr', 'drei', /drei/),
  zellFehler('fehler-hf-dezimal', 'HF-Nr keine ganze Zahl', 'arbeitsplanung', 6, 'HF-Nr', 2.5, /ganze Zahl/),
  zellFehler('fehler-ziel-unbekannt', 'Handlungsziel-ID nicht in tblZiele', 'arbeitsplanung', 0, 'Handlungsziel-ID', '9.9', /9\.9/),
  zellFehler('fehler-ziel-anderes-hf', 'Handlungsziel-ID gehört zu einem anderen HF', 'arbeitsplanung', 4, 'Handlungsziel-ID', '1.1', /1\.1/),
  zellFehler('fehler-art-ungueltig', 'Art „Massnahme“ nicht in der Liste', 'arbeitsplanung', 0, 'Art', 'Massnahme', /Maßnahme.*Wirkung/),
  zellFehler('fehler-beschreibung-leer', 'Beschreibung leer', 'arbeitsplanung', 5, 'Beschreibung', null),
  zellFehler('fehler-prioritaet-fehlt', 'Priorität fehlt bei einer Maßnahme', 'arbeitsplanung', 6, 'Priorität', null),
  zellFehler('fehler-verantwortlich-fehlt', 'Verantwortlich fehlt bei einer Maßnahme', 'arbeitsplanung', 6, 'Verantwortlich', null),
  zellFehler('fehler-zeitraum-ungueltig', 'Zeitraum „Q5“', 'arbeitsplanung', 0, 'Zeitraum', 'Q5', /Q5/),
  zellFehler('fehler-status-ungueltig', 'Status „fertig“', 'arbeitsplanung', 0, 'Status', 'fertig', /fertig/),
  zellFehler('fehler-standard-ungueltig', 'Standardmaßnahme „vielleicht“', 'arbeitsplanung', 0, 'Standardmaßnahme', 'vielleicht', /ja.*nein/),
  zellFehler('fehler-fehlerwert-ref', 'Fehlerwert #REF! aus einer Formel', 'arbeitsplanung', 1, 'Bezug', fehlerFormel('#REF!', '#REF!'), /#REF!/),

  // ── SPEC §3 Fehler, Kennzahlen ───────────────────────────────────
  zellFehler('fehler-zielwert-text', 'Text in einer Zahlenspalte („viele“)', 'kennzahlen', 2, 'Zielwert', 'viele', /viele/),
  zellFehler('fehler-zahl-mit-einheit', 'Zahl mit Einheit als Text („85 %“)', 'kennzahlen', 2, 'Istwert', '85 %', /85 %/),
  zellFehler('fehler-zielwert-fehlt', 'Zielwert fehlt', 'kennzahlen', 1, 'Zielwert', null),
  zellFehler('fehler-zielwert-null-ohne-ausgangswert', 'Zielwert 0 ohne Ausgangswert (I / Z nicht berechenbar)', 'kennzahlen', 1, 'Zielwert', 0),
  mappenFall('fehler-zielwert-null-gleich-ausgangswert', 'Zielwert 0 und Ausgangswert 0 (I / Z nicht berechenbar)', (m) => {
    setze(m, 'kennzahlen', 0, 'Ausgangswert', 0);
    return { exit: 1, fehler: [{ ...setze(m, 'kennzahlen', 0, 'Zielwert', 0), spalte: 'Zielwert' }] };
  }),
  zellFehler('fehler-fehlerwert-nv', 'Fehlerwert #N/A (deutsch #NV) aus SVERWEIS', 'kennzahlen', 0, 'Istwert', fehlerFormel('VLOOKUP("x",A1:B2,2,FALSE)', '#N/A'), /#N\/A/),
  zellFehler('fehler-fehlerwert-div0', 'Fehlerwert #DIV/0!', 'kennzahlen', 3, 'Ausgangswert', fehlerFormel('1/0', '#DIV/0!'), /#DIV\/0!/),
  zellFehler('fehler-datum-ungueltig', 'Datum als Text, das es nicht gibt („31.02.2026“)', 'kennzahlen', 0, 'Stichtag', '31.02.2026', /31\.02\.2026/),
  zellFehler('fehler-datum-freitext', 'Datum als Freitext („Ende Q2“)', 'kennzahlen', 0, 'Stichtag', 'Ende Q2', /Ende Q2/),
  zellFehler('fehler-wirkungsebene-ungueltig', 'Wirkungsebene „Ergebnis“', 'kennzahlen', 0, 'Wirkungsebene', 'Ergebnis', /Outcome/),
  zellFehler('fehler-kennzahl-id-doppelt', 'Kennzahl-ID doppelt', 'kennzahlen', 2, 'Kennzahl-ID', 'K-01', /K-01/),
  zellFehler('fehler-kennzahl-ziel-unbekannt', 'Kennzahl zu unbekanntem Handlungsziel', 'kennzahlen', 2, 'Handlungsziel-ID', '7.7', /7\.7/),
  zellFehler('fehler-kennzahl-name-leer', 'Kennzahl ohne Bezeichnung', 'kennzahlen', 2, 'Kennzahl', '  '),

  // ── SPEC §3 Fehler, Stammdaten, Ziele, Checkliste ────────────────
  zellFehler('fehler-hf-doppelt', 'HF-Nr doppelt in tblHandlungsfelder', 'handlungsfelder', 2, 'HF-Nr', 2, /2/),
  zellFehler('fehler-hf-ausserhalb', 'HF-Nr außerhalb 1–99', 'handlungsfelder', 2, 'HF-Nr', 100, /100/),
  zellFehler('fehler-einstellung-text', 'Einstellung „Ampel grün ab“ ist Text', 'einstellungen', 1, 'Wert', 'neunzig', /neunzig/),
  zellFehler('fehler-ziel-id-doppelt', 'Handlungsziel-ID doppelt in tblZiele', 'ziele', 1, 'Handlungsziel-ID', '1.1', /1\.1/),
  zellFehler('fehler-ziel-hf-unbekannt', 'Ziel mit unbekannter HF-Nr', 'ziele', 3, 'HF-Nr', 9, /9/),
  zellFehler('fehler-checkliste-doppelt', 'Checkliste: Handlungsziel-ID doppelt', 'checkliste', 1, 'Handlungsziel-ID', '1.1', /1\.1/),
  zellFehler('fehler-checkliste-ziel-unbekannt', 'Checkliste: Handlungsziel-ID unbekannt', 'checkliste', 1, 'Handlungsziel-ID', '1.9', /1\.9/),
  zellFehler('fehler-umsetzungsstand-ungueltig', 'Umsetzungsstand „läuft“', 'checkliste', 0, 'Umsetzungsstand', 'läuft', /läuft/),
  zellFehler('fehler-anpassungsbedarf-ungueltig', 'Anpassungsbedarf „ja“', 'checkliste', 0, 'Anpassungsbedarf', 'ja', /keiner/),

  // ── more of what users produce ────────────────────────────────────
  zellFehler('fehler-bezug-unbekannt', 'Wirkung mit Bezug auf eine Nr, die es nicht gibt', 'arbeitsplanung', 1, 'Bezug', 'A-99', /A-99/),
  zellFehler('fehler-id-als-datum', 'Handlungsziel-ID „1.2“ von Excel in ein Datum (01.02.) verwandelt', 'ziele', 1, 'Handlungsziel-ID', new Date(Date.UTC(2026, 1, 1)), /Datum.*Text/),
  mappenFall('warnung-wahrheitswert', 'Standardmaßnahme als Wahrheitswert WAHR → „ja“ mit Warnung', (m) => ({
    exit: 0,
    warnungen: [{ ...setze(m, 'arbeitsplanung', 3, 'Standardmaßnahme', true), spalte: 'Standardmaßnahme', text: /„ja“/ }],
  })),
  mappenFall('ok-datum-als-seriennummer', 'Stichtag als Excel-Seriennummer (46022 = 31.12.2025)', (m) => {
    setze(m, 'kennzahlen', 0, 'Stichtag', 46022);
    return { exit: 0, keineWarnung: true };
  }),
  mappenFall('leerzeile-in-tabelle', 'Ganz leere Zeile mitten in der Tabelle: übersprungen, Adressen danach stimmen', (m) => {
    const t = tabelleVon(m, 'arbeitsplanung');
    t.zeilen.splice(4, 0, t.koepfe.map(() => null));
    // row index 7 is A-07 now, one worksheet row lower than in the base plan
    return { exit: 1, fehler: [{ ...setze(m, 'arbeitsplanung', 7, 'Status', 'erledigt'), spalte: 'Status', text: /erledigt/ }] };
  }),
  mappenFall('warnung-kopf-schreibweise', 'Spaltenkopf nur in Schreibweise abweichend („zielwert “) → erkannt mit Warnung', (m) => {
    const t = tabelleVon(m, 'kennzahlen');
    const i = t.koepfe.indexOf('Zielwert');
    t.koepfe[i] = 'zielwert ';
    return { exit: 0, warnungen: [{ blatt: 'Kennzahlen', zelle: adresse(m, 'kennzahlen', -1, 'zielwert ').zelle, spalte: 'Zielwert', text: /weicht/ }] };
  }),
  zellFehler('fehler-gelb-ueber-gruen', 'Einstellung „Ampel gelb ab“ größer als „Ampel grün ab“', 'einstellungen', 2, 'Wert', 0.95),
  zellFehler('fehler-checkliste-id-leer', 'Checkliste-Zeile ohne Handlungsziel-ID', 'checkliste', 2, 'Handlungsziel-ID', null),
  zellFehler('fehler-art-leer', 'Art leer', 'arbeitsplanung', 6, 'Art', null),

  // ── files that cannot be read (exit 2) ───────────────────────────
  fremdeBytes('datei-kennwortgeschuetzt', 'Kennwortgeschützte Mappe (OLE/CFB-Container „EncryptedPackage“)', '.xlsx', oleDatei('EncryptedPackage'), /kennwortgeschützt/),
  fremdeBytes('datei-xls-umbenannt', 'Alte .xls-Datei in .xlsx umbenannt', '.xlsx', oleDatei('Workbook'), /\.xls/),
  fremdeBytes('datei-csv-umbenannt', 'CSV-Datei in .xlsx umbenannt', '.xlsx', Buffer.from('Nr;HF-Nr;Art\nA-01;1;Maßnahme\n', 'utf8'), /keine Excel-Arbeitsmappe/),
  fremdeBytes('datei-leer', 'Leere Datei (0 Byte)', '.xlsx', Buffer.alloc(0), /leer/),
  fremdeBytes('datei-fehlt', 'Datei existiert nicht', '.xlsx', null, /nicht gefunden/),
  {
    id: 'datei-zip-kaputt',
    titel: 'Abgeschnittenes ZIP (Download abgebrochen)',
    async baue() {
      const voll = await mappeAlsBytes(basisMappe());
      return { bytes: voll.subarray(0, Math.floor(voll.length / 2)), erwartet: { exit: 2, meldung: /beschädigt/ } };
    },
  },
  {
    id: 'datei-zip-ohne-excel',
    titel: 'ZIP-Archiv ohne Arbeitsmappe (z. B. .docx oder gepackter Ordner) als .xlsx',
    async baue() {
      const JSZip = (await import('jszip')).default;
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
      zip.file('word/document.xml', '<w:document/>');
      return { bytes: await zip.generateAsync({ type: 'nodebuffer' }), erwartet: { exit: 2, meldung: /keine Excel-Arbeitsmappe/ } };
    },
  },
];
