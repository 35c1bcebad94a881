/**
 * The print-ready sheet "Umsetzungsbericht" as a Grid: title, overview per
 * Handlungsfeld, then one section per Handlungsfeld (page break before each)
 * with every Handlungsziel, its Kennzahlen and its Maßnahmen/Wirkungen
 * colour-coded as in Anlage 2. Standardmaßnahmen only appear in the footnote.
 *
 * Twelve columns sized for A4 landscape (fourteen from the second year on,
 * with Vorjahr and Veränderung beside the Istwert): long texts sit in
 * unmerged wrapped columns (B and the last one) so Excel and LibreOffice can
 * fit the row heights; merged cells are used only for one-line texts.
 */
import type { BerichtHandlungsfeld, BerichtKennzahl, BerichtZiel, Umsetzungsbericht } from '../domain/bericht';
import { entwicklungText, massnahmenZaehlung, type MassnahmenZaehlung } from '../domain/kpi';
import type { Ampel, PlanZeile } from '../domain/model';
import { SHEETS } from '../domain/schema';
import type { GridCell, Grid, GridValue, StyleName } from './grid';
import { AMPEL_LABEL, COLORS } from './layout';
import { ampelStyle, STYLES, zahlStil } from './styles';
import { umbrechen, zeilenhoehen } from './zeilenhoehe';
import { spaltenBuchstabe } from '../domain/adresse';
import { datumDeutsch, prozent as prozentText, zeitstempel } from '../domain/format';

export interface BerichtMeta {
  readonly berechnetAm: Date;
  readonly quelle: string;
}

/**
 * A = IDs, B = long text, C–K compact figures (each wide enough for its
 * longest header part in every block), L = second long text.
 * Sum 166 units: A4 landscape, fitted to the page width at about 88 %.
 */
export const BERICHT_SPALTEN: readonly number[] = [7, 36, 11, 10, 12, 10, 10, 10, 11, 11, 12, 26];
/** With the Vorjahr: Vorjahr before and Veränderung after the Istwert (G), the long texts a little narrower. */
export const BERICHT_SPALTEN_MIT_VORJAHR: readonly number[] = [7, 32, 11, 10, 12, 10, 10, 10, 12, 10, 11, 11, 12, 24];

const c = (v: GridValue, s?: StyleName): GridCell => (s ? { v, s } : { v });
const ampelText = (a: Ampel): string => AMPEL_LABEL[a];

/** ISO day → Date at UTC midnight (adapters write it as a plain date). */
function datumZelle(iso: string | null): GridValue {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Text styles as one line that runs on into the empty cells to its right (no wrap, no borders). */
const EINZEILIG: Partial<Record<StyleName, StyleName>> = { text: 'zeile', textFett: 'zeileFett', summe: 'balken' };

class Aufbau {
  readonly rows: GridCell[][] = [];
  readonly pageBreaks: number[] = [];
  /** letter of the last column */
  readonly letzte: string;

  constructor(
    readonly mitVorjahr: boolean,
    readonly spalten: readonly number[],
  ) {
    this.letzte = spaltenBuchstabe(spalten.length);
  }

  /** next 1-based row number */
  get naechste(): number {
    return this.rows.length + 1;
  }

  zeile(cells: GridCell[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }

  leer(): void {
    this.rows.push([]);
  }

  /**
   * Text across B to the last column (or from A), without merged cells: one
   * row per line, each line running on into the empty cells to its right.
   * Returns the first row.
   */
  textZeile(text: string, s: StyleName, abA = false, label?: GridCell): number {
    const r = this.naechste;
    const stil = EINZEILIG[s] ?? s;
    const st = STYLES[stil];
    const breite = this.spalten.slice(abA ? 0 : 1).reduce((x, y) => x + y, 0);
    umbrechen(text, breite, st.fontSize, Boolean(st.bold)).forEach((zeile, i) => {
      if (abA) this.zeile([c(zeile, stil)]);
      else this.zeile([i === 0 ? (label ?? c(null)) : c(null), c(zeile, stil)]);
    });
    return r;
  }
}

function ueberblickKopf(): GridCell[] {
  return [
    'HF',
    'Handlungsfeld',
    'Ziel-\nerreichung',
    'Ampel',
    'Umsetzungs-\nquote',
    'Maß-\nnahmen',
    'umgesetzt',
    'begonnen',
    'geplant',
    'verschoben',
    'entfallen',
    'Wirkungen',
  ].map((h) => c(h, 'kopf'));
}

function zaehlZellen(
  z: MassnahmenZaehlung & { zielerreichung: number | null; ampel: Ampel; umsetzungsquote: number | null; wirkungen: number },
): GridCell[] {
  return [
    c(z.zielerreichung, 'prozent'),
    c(ampelText(z.ampel), ampelStyle(z.ampel)),
    c(z.umsetzungsquote, 'prozent'),
    ...Object.values(massnahmenZaehlung(z)).map((n) => c(n, 'zahl')),
    c(z.wirkungen, 'zahl'),
  ];
}

const KENNZAHL_KOPF = [
  'Nr.',
  'Kennzahl',
  'Einheit',
  'Wirkungs-\nebene',
  'Ausgangs-\nwert',
  'Zielwert',
  'Istwert',
  'Stichtag',
  'Ziel-\nerreichung',
  'Ampel',
  'Daten-\nquelle',
  'Begründung',
];
const MASSNAHME_KOPF = ['Nr.', 'Maßnahme / Wirkung', 'Art', 'Status', 'Priorität', 'Zeitraum', 'Bezug', 'Verant-\nwortlich'];

function veraenderungZelle(k: BerichtKennzahl): GridCell {
  return c(entwicklungText(k.entwicklung), 'text');
}

/** Verantwortlich spans the figure columns up to the one before the last (Bemerkung). */
function massnahmeZellen(a: Aufbau, vorne: GridCell[], letzte: GridCell, stil?: StyleName): GridCell[] {
  const luecke = a.spalten.length - vorne.length - 1;
  return [...vorne, ...Array.from({ length: luecke }, () => c(null, stil)), letzte];
}

function zielAbschnitt(a: Aufbau, z: BerichtZiel): void {
  const kopf = a.naechste;
  a.textZeile(`Handlungsziel ${z.id}: ${z.handlungsziel}`, 'summe', false, c(z.id, 'summe'));
  // the bar runs across the page
  for (let r = kopf; r < a.naechste; r++) while (a.rows[r - 1].length < a.spalten.length) a.rows[r - 1].push(c(null, 'balken'));
  if (z.herausforderung) a.textZeile(`Herausforderung: ${z.herausforderung}`, 'hinweis');
  if (z.leitziel) a.textZeile(`Leitziel: ${z.leitziel}`, 'hinweis');

  const teile = [`Zielerreichung: ${prozentText(z.zielerreichung)} (Ampel ${ampelText(z.ampel)})`];
  if (z.checkliste?.umsetzungsstand) teile.push(`Umsetzungsstand: ${z.checkliste.umsetzungsstand}`);
  if (z.checkliste?.anpassungsbedarf) teile.push(`Anpassungsbedarf: ${z.checkliste.anpassungsbedarf}`);
  if (!z.checkliste) teile.push('Checkliste noch nicht ausgefüllt');
  a.textZeile(teile.join(' · '), 'textFett');
  if (z.checkliste?.einschaetzung) a.textZeile(`Einschätzung: ${z.checkliste.einschaetzung}`, 'text');
  if (z.checkliste?.naechsteSchritte) a.textZeile(`Nächste Schritte: ${z.checkliste.naechsteSchritte}`, 'text');

  if (z.kennzahlen.length === 0) {
    a.textZeile('Für dieses Handlungsziel sind keine Kennzahlen erfasst.', 'hinweis');
  } else {
    const kopf = KENNZAHL_KOPF.map((h) => c(h, 'kopf'));
    if (a.mitVorjahr) kopf.splice(6, 1, c('Vorjahr', 'kopf'), c('Istwert', 'kopf'), c('Verände-\nrung', 'kopf'));
    a.zeile(kopf);
    for (const k of z.kennzahlen) {
      const ist = a.mitVorjahr ? [c(k.vorjahr, zahlStil(k.vorjahr)), c(k.istwert, zahlStil(k.istwert)), veraenderungZelle(k)] : [c(k.istwert, zahlStil(k.istwert))];
      a.zeile([
        c(k.id, 'text'),
        c(k.name, 'text'),
        c(k.einheit, 'text'),
        c(k.ebene, 'text'),
        c(k.ausgangswert, zahlStil(k.ausgangswert)),
        c(k.zielwert, zahlStil(k.zielwert)),
        ...ist,
        c(datumZelle(k.stichtag), 'datum'),
        c(k.zielerreichung, 'prozent'),
        c(ampelText(k.ampel), ampelStyle(k.ampel)),
        c(k.datenquelle, 'text'),
        c(k.begruendung || (k.ampel === 'rot' ? 'Begründung fehlt' : ''), 'text'),
      ]);
    }
  }

  const eintraege: PlanZeile[] = [...z.massnahmen, ...z.wirkungen];
  if (eintraege.length === 0) {
    a.textZeile('Für dieses Handlungsziel sind keine Maßnahmen geplant.', 'hinweis');
  } else {
    a.zeile(massnahmeZellen(a, MASSNAHME_KOPF.map((h) => c(h, 'kopf')), c('Bemerkung', 'kopf'), 'kopf'));
    for (const m of eintraege) {
      const s: StyleName = m.art === 'Wirkung' ? 'wirkung' : 'massnahme';
      // Verantwortlich runs on into the empty cells up to Bemerkung (one line, no merged cells)
      const einzeilig: StyleName = m.art === 'Wirkung' ? 'wirkungZeile' : 'massnahmeZeile';
      a.zeile(
        massnahmeZellen(
          a,
          [c(m.nr, s), c(m.beschreibung, s), c(m.art, s), c(m.status, s), c(m.prioritaet, s), c(m.zeitraum, s), c(m.bezug, s), c(m.verantwortlich, einzeilig)],
          c(m.bemerkung, s),
          einzeilig,
        ),
      );
    }
  }
  a.leer();
}

function hfAbschnitt(a: Aufbau, hf: BerichtHandlungsfeld): void {
  a.pageBreaks.push(a.naechste);
  a.textZeile(`Handlungsfeld ${hf.hf}: ${hf.name}`, 'abschnitt', true);
  const wer = [hf.netzwerk && `Netzwerk: ${hf.netzwerk}`, hf.netzwerkleitung && `Netzwerkleitung: ${hf.netzwerkleitung}`]
    .filter(Boolean)
    .join(' · ');
  if (wer) a.textZeile(wer, 'hinweis', true);
  a.zeile(ueberblickKopf());
  a.zeile([c(hf.hf, 'nr'), c(hf.name, 'textFett'), ...zaehlZellen(hf.kpi)]);
  a.leer();
  if (hf.ziele.length === 0) {
    a.textZeile('Für dieses Handlungsfeld sind keine Handlungsziele erfasst.', 'hinweis', true);
    a.leer();
  }
  for (const z of hf.ziele) zielAbschnitt(a, z);
}

/** Builds the Umsetzungsbericht sheet. */
export function umsetzungsberichtGrid(bericht: Umsetzungsbericht, meta: BerichtMeta): Grid {
  const a = new Aufbau(bericht.mitVorjahr, bericht.mitVorjahr ? BERICHT_SPALTEN_MIT_VORJAHR : BERICHT_SPALTEN);
  a.textZeile(`Umsetzungsbericht ${bericht.berichtsjahr} – Integrationskonzept der Stadt Rheine`, 'titel', true);
  const stichtag = bericht.stichtag
    ? datumDeutsch(bericht.stichtag)
    : `${zeitstempel(meta.berechnetAm).slice(0, 10)} (Tag der Erstellung)`;
  a.textZeile(`Berichtsjahr ${bericht.berichtsjahr} · Stichtag der Kennzahlen: ${stichtag}`, 'untertitel', true);
  a.textZeile(
    `Erstellt am ${zeitstempel(meta.berechnetAm)} aus „${meta.quelle}“. Dieses Blatt wird bei jeder Aktualisierung neu berechnet; bitte nicht hineinschreiben.`,
    'hinweis',
    true,
  );
  a.leer();

  a.textZeile('Überblick nach Handlungsfeldern', 'abschnitt', true);
  a.zeile(ueberblickKopf());
  for (const hf of bericht.handlungsfelder) a.zeile([c(hf.hf, 'nr'), c(hf.name, 'text'), ...zaehlZellen(hf.kpi)]);
  a.zeile([c(null, 'summe'), c('Gesamt', 'summe'), ...zaehlZellen(bericht.gesamt)]);
  a.textZeile(
    'Zielerreichung: Mittelwert der Handlungsziele (je Kennzahl auf 0–100 % begrenzt). Umsetzungsquote: umgesetzte Maßnahmen je geplante Maßnahmen ohne entfallene. Standardmaßnahmen sind nicht enthalten (siehe Hinweis am Ende).',
    'hinweis',
    true,
  );
  a.leer();

  for (const hf of bericht.handlungsfelder) hfAbschnitt(a, hf);

  a.textZeile('Hinweis: Standardmaßnahmen', 'abschnitt', true);
  if (bericht.standardmassnahmen.length === 0) {
    a.textZeile('In der Arbeitsplanung sind keine Standardmaßnahmen gekennzeichnet.', 'hinweis', true);
  } else {
    a.textZeile(
      `Die folgenden ${bericht.standardmassnahmen.length} Standardmaßnahmen dienen vielen Zielen, werden gesondert berichtet und sind nicht Teil dieses Umsetzungsberichts:`,
      'hinweis',
      true,
    );
    for (const s of bericht.standardmassnahmen) {
      a.textZeile(`${s.beschreibung}${s.hf !== null ? ` (HF ${s.hf}, Handlungsziel ${s.handlungszielId})` : ''}`, 'text', false, c(s.nr, 'zeile'));
    }
  }

  return {
    sheet: SHEETS.umsetzungsbericht,
    columnWidths: a.spalten,
    rows: a.rows,
    rowHeights: zeilenhoehen(a.rows, a.spalten),
    tabColor: COLORS.tabBerechnet,
    print: { landscape: true, paper: 'A4', fitToWidth: true, repeatRows: [1, 2], pageBreaksBefore: a.pageBreaks },
  };
}
