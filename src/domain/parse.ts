/**
 * RawWorkbook → Plan. Tables are found by name, columns by header text
 * (never by position), cells are coerced by column type. Structural problems
 * and cell-level problems become findings; rule checks across rows live in
 * validate.ts.
 */
import { Befunde, zellSchluessel, type Stelle } from './befunde';
import type {
  ChecklisteZeile,
  Einstellungen,
  Handlungsfeld,
  Kennzahl,
  Plan,
  PlanZeile,
  RawTable,
  RawValue,
  RawWorkbook,
  TabellenOrt,
  ZeitreiheZeile,
  Ziel,
} from './model';
import { isCellError, isFormelOhneErgebnis } from './model';
import { zeilenText } from './ausserhalb';
import { DEFAULT_EINSTELLUNGEN, EINSTELLUNGEN, LISTS, SPALTEN, TABLE_ORDER, TABLES, type Kopf, type TableKey } from './schema';
import { FORMEL_OHNE_ERGEBNIS_TEXT, istLeer, leseDatum, leseGanzzahl, leseId, leseListe, leseText, leseZahl, normalisiert, zahlAusText, type Gelesen } from './values';
import { a1 } from './adresse';
import { aufzaehlung, zahlDeutsch, zitat } from './format';

/** Rule codes emitted while reading (structure and cell types); cross-row rules are in REGELN. */
export const LESE_REGELN: Readonly<Record<string, string>> = {
  TABELLE_FEHLT: 'Tabelle fehlt (Fehler)',
  TABELLE_DOPPELT: 'Tabellenname mehrfach (Fehler)',
  TABELLE_FALSCHES_BLATT: 'Tabelle auf einem anderen Blatt (Warnung)',
  KOPF_FEHLT: 'Spaltenüberschrift fehlt (Fehler)',
  KOPFZEILE_AUS: 'Kopfzeile der Tabelle ausgeschaltet (Fehler)',
  KOPF_ABWEICHEND: 'Spaltenüberschrift nur in Schreibweise abweichend (Warnung)',
  EXCEL_FEHLERWERT: 'Excel-Fehlerwert in einer Zelle (Fehler)',
  KEINE_ZAHL: 'keine Zahl in einer Zahlenspalte (Fehler)',
  KEINE_GANZZAHL: 'keine ganze Zahl (Fehler)',
  ZAHL_ALS_TEXT: 'Zahl als Text gespeichert, gelesen (Warnung)',
  KEIN_DATUM: 'kein gültiges Datum (Fehler)',
  DATUM_ALS_TEXT: 'Datum als Text gespeichert, gelesen (Warnung)',
  DATUM_STATT_ID: 'Excel hat eine ID in ein Datum verwandelt (Fehler)',
  LISTE_UNGUELTIG: 'Wert nicht in der Liste (Fehler)',
  LISTE_ABWEICHEND: 'Listenwert nur in Schreibweise abweichend, gelesen (Warnung)',
  PFLICHTFELD: 'HF-Nr in tblHandlungsfelder fehlt (Fehler)',
  EINSTELLUNG_FEHLT: 'Einstellung fehlt, Standardwert gilt (Warnung)',
  EINSTELLUNG_UNGUELTIG: 'Einstellung ungültig (Fehler)',
  EINSTELLUNG_DOPPELT: 'Einstellung doppelt (Fehler)',
  EINSTELLUNG_UNBEKANNT: 'unbekannte Einstellung, ignoriert (Warnung)',
  EINSTELLUNG_ABWEICHEND: 'Einstellungsname nur in Schreibweise abweichend (Warnung)',
  EINSTELLUNG_OHNE_NAME: 'Wert ohne Einstellungsnamen, ignoriert (Warnung)',
  UNSICHTBARES_ZEICHEN: 'unsichtbares Zeichen in Listenwert oder ID, sichtbarer Wert gelesen (Warnung)',
  DATEN_UNTER_TABELLE: 'Daten unter der Tabelle, nicht ausgewertet (Warnung)',
};

export interface ParseErgebnis {
  readonly plan: Plan | null;
  /** keys (zellSchluessel) of cells that already got a Fehler while reading */
  readonly ungueltig: ReadonlySet<string>;
}

/** A table that was found and whose required headers are all present. */
interface GefundeneTabelle {
  readonly key: TableKey;
  readonly raw: RawTable;
  /** schema header → index into raw.headers / row arrays */
  readonly index: ReadonlyMap<string, number>;
  readonly ort: TabellenOrt;
}

function findeTabelle(raw: RawWorkbook, key: TableKey, b: Befunde): GefundeneTabelle | null {
  const spec = TABLES[key];
  const treffer = raw.tables.filter((t) => t.name === spec.name);
  const tabellenStelle: Stelle = { tabelle: key, blatt: spec.sheet, zeile: 0, spalteNr: 0, spalte: '' };
  if (treffer.length === 0 && spec.optional) return null;
  if (treffer.length === 0) {
    const aehnlich = raw.tables.find((t) => t.name.toLowerCase() === spec.name.toLowerCase());
    const wiederherstellen = `Bitte auf Blatt ${zitat(spec.sheet)} in die Überschriftenzeile der Daten klicken, Strg+T drücken („Tabelle hat Überschriften“ anhaken) und unter Tabellenentwurf › Tabellenname ${zitat(spec.name)} eintragen.`;
    const hinweis = aehnlich
      ? ` Auf Blatt ${zitat(aehnlich.sheet)} gibt es die Tabelle ${zitat(aehnlich.name)}: bitte sie in ${zitat(spec.name)} umbenennen (Tabellenentwurf → Tabellenname).`
      : raw.tables.length === 0
        ? ` Die Arbeitsmappe enthält gar keine Tabellen mehr: die Tabellendefinitionen gehen verloren, wenn die Mappe als .xls (Excel 97–2003) oder mit einem Programm gespeichert wird, das keine Excel-Tabellen kennt; die Daten stehen meist noch auf den Blättern. ${wiederherstellen} Dasselbe für jede fehlende Tabelle, danach als „Excel-Arbeitsmappe (*.xlsx)“ speichern.`
        : raw.sheets.includes(spec.sheet)
          ? ` Wurde sie in einen normalen Bereich umgewandelt oder ging sie beim Speichern mit einem anderen Programm verloren, stehen die Daten noch auf dem Blatt. ${wiederherstellen}`
          : ` Bitte die Tabelle aus der Vorlage übernehmen (integrationsmonitor vorlage) oder einen Bereich als Tabelle formatieren und ${zitat(spec.name)} nennen.`;
    b.add(
      'Fehler',
      'TABELLE_FEHLT',
      tabellenStelle,
      `Die Tabelle ${zitat(spec.name)} (erwartet auf Blatt ${zitat(spec.sheet)}) fehlt.${hinweis}`,
      true,
    );
    return null;
  }
  if (treffer.length > 1) {
    const wo = treffer.map((t) => `${zitat(t.sheet)} ab ${a1(t.headerRow, t.firstColumn)}`).join(' und ');
    b.add(
      'Fehler',
      'TABELLE_DOPPELT',
      { ...tabellenStelle, blatt: treffer[1].sheet, zeile: treffer[1].headerRow, spalteNr: treffer[1].firstColumn },
      `Die Tabelle ${zitat(spec.name)} gibt es mehrfach (Blatt ${wo}). Bitte nur eine Tabelle mit diesem Namen behalten.`,
      true,
    );
    return null;
  }
  const t = treffer[0];
  if (t.sheet !== spec.sheet) {
    b.add(
      'Warnung',
      'TABELLE_FALSCHES_BLATT',
      { ...tabellenStelle, blatt: t.sheet, zeile: t.headerRow, spalteNr: t.firstColumn },
      `Die Tabelle ${zitat(spec.name)} steht auf Blatt ${zitat(t.sheet)} statt auf Blatt ${zitat(spec.sheet)}. Sie wird trotzdem gelesen; für Berichte und Vorlagen bitte auf das Blatt ${zitat(spec.sheet)} verschieben.`,
      true,
    );
  }

  if (t.ohneKopfzeile) {
    b.add(
      'Fehler',
      'KOPFZEILE_AUS',
      { ...tabellenStelle, blatt: t.sheet, zeile: Math.max(1, t.headerRow), spalteNr: t.firstColumn },
      `Die Tabelle ${zitat(spec.name)} hat keine Kopfzeile, deshalb können ihre Spalten nicht gefunden werden. Kopfzeile einschalten (Tabellenentwurf › Kopfzeile).`,
      true,
    );
    return null;
  }

  if (t.zeilenDarunter && t.zeilenDarunter.length > 0) {
    const z = t.zeilenDarunter;
    const eine = z.length === 1;
    b.add(
      'Warnung',
      'DATEN_UNTER_TABELLE',
      { tabelle: key, blatt: t.sheet, zeile: z[0], spalteNr: t.firstColumn, spalte: '' },
      `${eine ? 'Zeile' : 'Die Zeilen'} ${zeilenText(z)} unter der Tabelle ${zitat(spec.name)} ${eine ? 'enthält' : 'enthalten'} Daten, ${eine ? 'gehört' : 'gehören'} aber nicht zur Tabelle und ${eine ? 'wird' : 'werden'} deshalb nicht ausgewertet. Bitte die Tabelle erweitern: Tabellenentwurf › Tabellengröße ändern (bis Zeile ${z[z.length - 1]}) – oder die Zeilen löschen, wenn sie nicht gebraucht werden.`,
    );
  }

  const headers = t.headers.map((h) => (typeof h === 'string' ? h.trim() : String(h ?? '').trim()));
  const index = new Map<string, number>();
  const spalten: Record<string, number> = {};
  let vollstaendig = true;
  spec.columns.forEach((col, specIdx) => {
    let i = headers.indexOf(col.header);
    if (i < 0) {
      const n = normalisiert(col.header);
      i = headers.findIndex((h) => normalisiert(h) === n);
      if (i >= 0) {
        b.add(
          'Warnung',
          'KOPF_ABWEICHEND',
          { tabelle: key, blatt: t.sheet, zeile: t.headerRow, spalteNr: t.firstColumn + i, spalte: col.header },
          `Die Spaltenüberschrift ${zitat(headers[i])} in Tabelle ${zitat(spec.name)} weicht in Groß-/Kleinschreibung oder Leerzeichen von ${zitat(col.header)} ab und wurde als diese Spalte gelesen. Bitte die Überschrift genau ${zitat(col.header)} nennen.`,
        );
      }
    }
    if (i < 0) {
      vollstaendig = false;
      const erwartet = t.firstColumn + Math.min(specIdx, headers.length);
      b.add(
        'Fehler',
        'KOPF_FEHLT',
        { tabelle: key, blatt: t.sheet, zeile: t.headerRow, spalteNr: erwartet, spalte: col.header },
        `In Tabelle ${zitat(spec.name)} fehlt die Spalte ${zitat(col.header)} (Kopfzeile ${t.headerRow}, erwartet etwa in ${a1(t.headerRow, erwartet)}). Bitte eine Spalte mit genau dieser Überschrift ergänzen oder eine umbenannte Überschrift zurücksetzen.`,
      );
      return;
    }
    index.set(col.header, i);
    spalten[col.header] = t.firstColumn + i;
  });
  if (!vollstaendig) return null;
  return { key, raw: t, index, ort: { sheet: t.sheet, headerRow: t.headerRow, spalten } };
}

/**
 * A row counts as blank when all contract columns are blank: the user's own
 * extra columns (notes, helper formulas filled down the table) do not make a
 * row a data row.
 */
function zeileLeer(tab: GefundeneTabelle, row: readonly RawValue[]): boolean {
  for (const i of tab.index.values()) {
    const v = row[i];
    if (v !== undefined && !istLeer(v)) return false;
  }
  return true;
}

/** Reads the cells of one data row, reporting coercion problems with their address. */
class ZeilenLeser {
  constructor(
    private readonly tab: GefundeneTabelle,
    private readonly row: readonly RawValue[],
    readonly zeile: number,
    private readonly b: Befunde,
    private readonly ungueltig: Set<string>,
  ) {}

  private wert(header: string): RawValue {
    const i = this.tab.index.get(header);
    if (i === undefined) return null;
    const v = this.row[i];
    return v === undefined ? null : v;
  }

  private melde<T>(header: Kopf, r: Gelesen<T>): T {
    if (r.problem) {
      this.b.add(r.problem.schwere, r.problem.regel, this.stelle(header), r.problem.text);
      if (r.problem.schwere === 'Fehler') this.ungueltig.add(zellSchluessel(this.tab.key, this.zeile, header));
    }
    return r.wert;
  }

  stelle(header: Kopf): Stelle {
    return {
      tabelle: this.tab.key,
      blatt: this.tab.ort.sheet,
      zeile: this.zeile,
      spalteNr: this.tab.ort.spalten[header] ?? 0,
      spalte: header,
    };
  }

  text(h: Kopf): string {
    return this.melde(h, leseText(this.wert(h)));
  }
  /** An ID column: like text, but a date means Excel turned a typed "1.2" into 1 February. */
  id(h: Kopf): string {
    return this.melde(h, leseId(this.wert(h)));
  }
  ganzzahl(h: Kopf): number | null {
    return this.melde(h, leseGanzzahl(this.wert(h)));
  }
  zahl(h: Kopf): number | null {
    return this.melde(h, leseZahl(this.wert(h)));
  }
  datum(h: Kopf): string | null {
    return this.melde(h, leseDatum(this.wert(h)));
  }
  liste<T extends string>(h: Kopf, allowed: readonly T[]): T | null {
    return this.melde(h, leseListe(this.wert(h), allowed));
  }
  roh(h: Kopf): RawValue {
    return this.wert(h);
  }
}

function leseZeilen<T>(
  tab: GefundeneTabelle,
  b: Befunde,
  ungueltig: Set<string>,
  map: (l: ZeilenLeser) => T,
): T[] {
  const out: T[] = [];
  tab.raw.rows.forEach((row, i) => {
    if (zeileLeer(tab, row)) return;
    out.push(map(new ZeilenLeser(tab, row, tab.raw.headerRow + 1 + i, b, ungueltig)));
  });
  return out;
}

/** Ampel thresholds: number, "0,9", "0.9" or "90 %". */
function anteilAusWert(v: RawValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  const prozent = /^(.*?)\s*%$/.exec(s);
  if (prozent) {
    const n = zahlAusText(prozent[1]);
    return n === null ? null : n / 100;
  }
  return zahlAusText(s);
}

/** Highest threshold that can be reached: aggregated Zielerreichung is capped at 1. */
const MAX_SCHWELLE = 1;

function leseEinstellungen(tab: GefundeneTabelle, b: Befunde, ungueltig: Set<string>): Einstellungen {
  const gefunden = new Map<string, { leser: ZeilenLeser; name: string }>();
  const bekannt = Object.values(EINSTELLUNGEN) as string[];
  leseZeilen(tab, b, ungueltig, (l) => {
    const name = l.text(SPALTEN.einstellungen.einstellung);
    if (name === '') {
      if (!istLeer(l.roh(SPALTEN.einstellungen.wert))) {
        b.add('Warnung', 'EINSTELLUNG_OHNE_NAME', l.stelle(SPALTEN.einstellungen.einstellung), `Der Wert in dieser Zeile hat keinen Namen und wird ignoriert. Bitte ${aufzaehlung(bekannt)} eintragen oder die Zeile löschen.`);
      }
      return null;
    }
    let schluessel = bekannt.find((k) => k === name);
    if (schluessel === undefined) {
      schluessel = bekannt.find((k) => normalisiert(k) === normalisiert(name));
      if (schluessel !== undefined) {
        b.add('Warnung', 'EINSTELLUNG_ABWEICHEND', l.stelle(SPALTEN.einstellungen.einstellung), `${zitat(name)} wurde als Einstellung ${zitat(schluessel)} gelesen. Bitte genau ${zitat(schluessel)} schreiben.`);
      } else {
        b.add('Warnung', 'EINSTELLUNG_UNBEKANNT', l.stelle(SPALTEN.einstellungen.einstellung), `Die Einstellung ${zitat(name)} ist unbekannt und wird ignoriert. Bitte den Namen korrigieren (${aufzaehlung(bekannt)}) oder die Zeile löschen.`);
        return null;
      }
    }
    const frueher = gefunden.get(schluessel);
    if (frueher) {
      b.add('Fehler', 'EINSTELLUNG_DOPPELT', l.stelle(SPALTEN.einstellungen.einstellung), `Die Einstellung ${zitat(schluessel)} steht schon in Zeile ${frueher.leser.zeile}. Bitte nur eine Zeile behalten.`);
      return null;
    }
    gefunden.set(schluessel, { leser: l, name });
    return null;
  });

  const kopf: Stelle = {
    tabelle: 'einstellungen',
    blatt: tab.ort.sheet,
    zeile: tab.ort.headerRow,
    spalteNr: tab.ort.spalten[SPALTEN.einstellungen.einstellung] ?? 0,
    spalte: SPALTEN.einstellungen.einstellung,
  };
  // A row without value points at its empty Wert cell; a missing row at the table header.
  const fehlt = (name: string, standard: string): void => {
    const zeile = gefunden.get(name);
    if (zeile && isFormelOhneErgebnis(zeile.leser.roh(SPALTEN.einstellungen.wert))) {
      b.add('Warnung', 'FORMEL_OHNE_ERGEBNIS', zeile.leser.stelle(SPALTEN.einstellungen.wert), `${FORMEL_OHNE_ERGEBNIS_TEXT} Bis dahin gilt der Standardwert ${standard}.`);
    } else if (zeile) {
      b.add('Warnung', 'EINSTELLUNG_FEHLT', zeile.leser.stelle(SPALTEN.einstellungen.wert), `Für ${zitat(name)} fehlt der Wert; es gilt der Standardwert ${standard}. Bitte einen Wert eintragen.`);
    } else {
      b.add('Warnung', 'EINSTELLUNG_FEHLT', kopf, `In Tabelle ${zitat(TABLES.einstellungen.name)} fehlt die Zeile ${zitat(name)}; es gilt der Standardwert ${standard}. Bitte eine Zeile ${zitat(name)} mit Wert ergänzen.`);
    }
  };

  let berichtsjahr: number = DEFAULT_EINSTELLUNGEN.berichtsjahr;
  const jahr = gefunden.get(EINSTELLUNGEN.berichtsjahr);
  if (!jahr || istLeer(jahr.leser.roh(SPALTEN.einstellungen.wert))) {
    fehlt(EINSTELLUNGEN.berichtsjahr, String(DEFAULT_EINSTELLUNGEN.berichtsjahr));
  } else {
    const roh = jahr.leser.roh(SPALTEN.einstellungen.wert);
    const n = isCellError(roh) ? null : typeof roh === 'number' ? roh : zahlAusText(String(roh));
    if (n === null || !Number.isInteger(n) || n < 2000 || n > 2100) {
      const text = isCellError(roh) ? `enthält den Excel-Fehlerwert ${roh.error}.` : `${zitat(leseText(roh).wert)} ist kein gültiges Berichtsjahr.`;
      b.add('Fehler', 'EINSTELLUNG_UNGUELTIG', jahr.leser.stelle(SPALTEN.einstellungen.wert), `${text} Bitte eine Jahreszahl wie ${DEFAULT_EINSTELLUNGEN.berichtsjahr} eintragen.`);
    } else {
      berichtsjahr = n;
    }
  }

  const schwelle = (name: string, standard: number): { wert: number; stelle: Stelle | null } => {
    const e = gefunden.get(name);
    if (!e || istLeer(e.leser.roh(SPALTEN.einstellungen.wert))) {
      fehlt(name, zahlDeutsch(standard));
      return { wert: standard, stelle: null };
    }
    const roh = e.leser.roh(SPALTEN.einstellungen.wert);
    const n = isCellError(roh) ? null : anteilAusWert(roh);
    if (n === null) {
      const text = isCellError(roh) ? `enthält den Excel-Fehlerwert ${roh.error}.` : `${zitat(leseText(roh).wert)} ist keine Zahl.`;
      b.add('Fehler', 'EINSTELLUNG_UNGUELTIG', e.leser.stelle(SPALTEN.einstellungen.wert), `${text} Bitte einen Anteil wie 0,9 oder 90 % eintragen.`);
      return { wert: standard, stelle: null };
    }
    return { wert: n, stelle: e.leser.stelle(SPALTEN.einstellungen.wert) };
  };
  const gruen = schwelle(EINSTELLUNGEN.ampelGruen, DEFAULT_EINSTELLUNGEN.ampelGruen);
  const gelb = schwelle(EINSTELLUNGEN.ampelGelb, DEFAULT_EINSTELLUNGEN.ampelGelb);
  let ok = true;
  for (const [s, name] of [
    [gruen, EINSTELLUNGEN.ampelGruen],
    [gelb, EINSTELLUNGEN.ampelGelb],
  ] as const) {
    if (!s.stelle) continue;
    const wert = `${zitat(name)} = ${zahlDeutsch(s.wert)}`;
    const farbe = name === EINSTELLUNGEN.ampelGruen ? 'Grün' : 'mindestens Gelb';
    let grund: string | null = null;
    // aggregated Zielerreichung is capped to 0…1 (kpi.ts), so a threshold outside (0, 1] can never switch the Ampel
    if (s.wert > MAX_SCHWELLE)
      grund = `${wert} kann nie erreicht werden: die Zielerreichung der Handlungsziele, Handlungsfelder und des Gesamtwerts ist auf höchstens 1 (100 %) begrenzt, dort wäre die Ampel nie ${name === EINSTELLUNGEN.ampelGruen ? 'Grün' : 'Gelb'}. Bitte einen Anteil bis höchstens 1 eintragen, z. B. ${zahlDeutsch(name === EINSTELLUNGEN.ampelGruen ? DEFAULT_EINSTELLUNGEN.ampelGruen : DEFAULT_EINSTELLUNGEN.ampelGelb)} oder ${name === EINSTELLUNGEN.ampelGruen ? '90' : '60'} %.`;
    else if (s.wert < 0)
      grund = `${wert} ist negativ: jede Zielerreichung liegt darüber, die Ampel wäre immer ${farbe} und würde nie Rot. Bitte einen Anteil größer als 0 eintragen, z. B. ${zahlDeutsch(name === EINSTELLUNGEN.ampelGruen ? DEFAULT_EINSTELLUNGEN.ampelGruen : DEFAULT_EINSTELLUNGEN.ampelGelb)}.`;
    else if (s.wert === 0)
      grund = `${wert}: jede Zielerreichung liegt bei 0 oder darüber, die Ampel wäre immer ${farbe} und würde nie Rot. Bitte einen Anteil größer als 0 eintragen, z. B. ${zahlDeutsch(name === EINSTELLUNGEN.ampelGruen ? DEFAULT_EINSTELLUNGEN.ampelGruen : DEFAULT_EINSTELLUNGEN.ampelGelb)}.`;
    if (grund) {
      ok = false;
      b.add('Fehler', 'EINSTELLUNG_UNGUELTIG', s.stelle, grund);
    }
  }
  if (ok && gelb.wert > gruen.wert) {
    ok = false;
    b.add(
      'Fehler',
      'EINSTELLUNG_UNGUELTIG',
      gelb.stelle ?? gruen.stelle ?? kopf,
      `${zitat(EINSTELLUNGEN.ampelGelb)} (${zahlDeutsch(gelb.wert)}) ist größer als ${zitat(EINSTELLUNGEN.ampelGruen)} (${zahlDeutsch(gruen.wert)}): dann gäbe es keinen Bereich für Gelb, eine Zielerreichung knapp unter Grün wäre sofort Rot. Bitte die Schwelle für Gelb kleiner oder gleich der für Grün wählen.`,
    );
  }
  return {
    berichtsjahr,
    ampelGruen: ok ? gruen.wert : DEFAULT_EINSTELLUNGEN.ampelGruen,
    ampelGelb: ok ? gelb.wert : DEFAULT_EINSTELLUNGEN.ampelGelb,
  };
}

const ref = (l: ZeilenLeser, tab: GefundeneTabelle) => ({ sheet: tab.ort.sheet, row: l.zeile });

/** Parses a RawWorkbook; findings go to `b`. Plan is null if a table or required header is missing. */
export function parseArbeitsmappe(raw: RawWorkbook, b: Befunde): ParseErgebnis {
  const ungueltig = new Set<string>();
  const tabs = new Map<TableKey, GefundeneTabelle>();
  for (const key of TABLE_ORDER) {
    const t = findeTabelle(raw, key, b);
    if (t) tabs.set(key, t);
  }
  if (tabs.size !== TABLE_ORDER.length) return { plan: null, ungueltig };
  const tab = (k: TableKey): GefundeneTabelle => tabs.get(k) as GefundeneTabelle;

  const hfTab = tab('handlungsfelder');
  // A Handlungsfeld without a usable number cannot be referenced or counted:
  // it is reported here and left out of the plan (Handlungsfeld.nr is not nullable).
  const handlungsfelder = leseZeilen<Handlungsfeld | null>(hfTab, b, ungueltig, (l) => {
    const nr = l.ganzzahl(SPALTEN.handlungsfelder.hfNr);
    const hf = {
      nr: nr ?? 0,
      name: l.text(SPALTEN.handlungsfelder.handlungsfeld),
      netzwerk: l.text(SPALTEN.handlungsfelder.netzwerk),
      netzwerkleitung: l.text(SPALTEN.handlungsfelder.netzwerkleitung),
      ref: ref(l, hfTab),
    };
    if (nr !== null) return hf;
    if (!ungueltig.has(zellSchluessel('handlungsfelder', l.zeile, SPALTEN.handlungsfelder.hfNr))) {
      b.add('Fehler', 'PFLICHTFELD', l.stelle(SPALTEN.handlungsfelder.hfNr), `Die HF-Nr fehlt. Bitte die Nummer des Handlungsfelds (1–99) eintragen.`);
    }
    return null;
  }).filter((h): h is Handlungsfeld => h !== null);

  const einstellungen = leseEinstellungen(tab('einstellungen'), b, ungueltig);

  const zTab = tab('ziele');
  const ziele = leseZeilen<Ziel>(zTab, b, ungueltig, (l) => ({
    hf: l.ganzzahl(SPALTEN.ziele.hfNr),
    herausforderung: l.text(SPALTEN.ziele.herausforderung),
    leitziel: l.text(SPALTEN.ziele.leitziel),
    id: l.id(SPALTEN.ziele.handlungszielId),
    handlungsziel: l.text(SPALTEN.ziele.handlungsziel),
    ref: ref(l, zTab),
  }));

  const apTab = tab('arbeitsplanung');
  const arbeitsplanung = leseZeilen<PlanZeile>(apTab, b, ungueltig, (l) => ({
    nr: l.id(SPALTEN.arbeitsplanung.nr),
    hf: l.ganzzahl(SPALTEN.arbeitsplanung.hfNr),
    zielId: l.id(SPALTEN.arbeitsplanung.handlungszielId),
    art: l.liste(SPALTEN.arbeitsplanung.art, LISTS.art),
    beschreibung: l.text(SPALTEN.arbeitsplanung.beschreibung),
    bezug: l.id(SPALTEN.arbeitsplanung.bezug),
    prioritaet: l.liste(SPALTEN.arbeitsplanung.prioritaet, LISTS.prioritaet),
    verantwortlich: l.text(SPALTEN.arbeitsplanung.verantwortlich),
    zeitraum: l.liste(SPALTEN.arbeitsplanung.zeitraum, LISTS.zeitraum),
    status: l.liste(SPALTEN.arbeitsplanung.status, LISTS.status),
    standard: l.liste(SPALTEN.arbeitsplanung.standardmassnahme, LISTS.jaNein) === 'ja',
    bemerkung: l.text(SPALTEN.arbeitsplanung.bemerkung),
    ref: ref(l, apTab),
  }));

  const clTab = tab('checkliste');
  const checkliste = leseZeilen<ChecklisteZeile>(clTab, b, ungueltig, (l) => ({
    zielId: l.id(SPALTEN.checkliste.handlungszielId),
    zielgruppe: l.text(SPALTEN.checkliste.zielgruppe),
    ressourcen: l.text(SPALTEN.checkliste.ressourcen),
    kooperationspartner: l.text(SPALTEN.checkliste.kooperationspartner),
    umsetzungsstand: l.liste(SPALTEN.checkliste.umsetzungsstand, LISTS.umsetzungsstand),
    einschaetzung: l.text(SPALTEN.checkliste.einschaetzung),
    anpassungsbedarf: l.liste(SPALTEN.checkliste.anpassungsbedarf, LISTS.anpassungsbedarf),
    naechsteSchritte: l.text(SPALTEN.checkliste.naechsteSchritte),
    ref: ref(l, clTab),
  }));

  const kzTab = tab('kennzahlen');
  const kennzahlen = leseZeilen<Kennzahl>(kzTab, b, ungueltig, (l) => ({
    id: l.id(SPALTEN.kennzahlen.kennzahlId),
    zielId: l.id(SPALTEN.kennzahlen.handlungszielId),
    name: l.text(SPALTEN.kennzahlen.kennzahl),
    einheit: l.text(SPALTEN.kennzahlen.einheit),
    ebene: l.liste(SPALTEN.kennzahlen.wirkungsebene, LISTS.wirkungsebene),
    ausgangswert: l.zahl(SPALTEN.kennzahlen.ausgangswert),
    zielwert: l.zahl(SPALTEN.kennzahlen.zielwert),
    istwert: l.zahl(SPALTEN.kennzahlen.istwert),
    stichtag: l.datum(SPALTEN.kennzahlen.stichtag),
    datenquelle: l.text(SPALTEN.kennzahlen.datenquelle),
    verantwortlich: l.text(SPALTEN.kennzahlen.verantwortlich),
    begruendung: l.text(SPALTEN.kennzahlen.begruendung),
    ref: ref(l, kzTab),
  }));

  // optional (SPEC §2): absent in the first year
  const zrTab = findeTabelle(raw, 'zeitreihe', b);
  const zeitreihe = zrTab
    ? leseZeilen<ZeitreiheZeile>(zrTab, b, ungueltig, (l) => ({
        kennzahlId: l.id(SPALTEN.zeitreihe.kennzahlId),
        jahr: l.ganzzahl(SPALTEN.zeitreihe.jahr),
        istwert: l.zahl(SPALTEN.zeitreihe.istwert),
        zielwert: l.zahl(SPALTEN.zeitreihe.zielwert),
        stichtag: l.datum(SPALTEN.zeitreihe.stichtag),
        ref: ref(l, zrTab),
      }))
    : [];
  if (zrTab) tabs.set('zeitreihe', zrTab);

  const orte: Partial<Record<TableKey, TabellenOrt>> = {};
  for (const [k, t] of tabs) orte[k] = t.ort;

  return {
    plan: { orte, handlungsfelder, einstellungen, ziele, arbeitsplanung, checkliste, kennzahlen, zeitreihe, source: raw.source },
    ungueltig,
  };
}
