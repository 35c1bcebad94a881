/**
 * The Umsetzungsbericht as a Word document (npm docx): the same content as
 * the sheet "Umsetzungsbericht", laid out for the committee papers. Word's
 * own styles carry the structure (Title, Heading 1 per Handlungsfeld,
 * Heading 2 per Handlungsziel), so the navigation pane, a table of contents
 * and screen readers work; tables repeat their header row on every page;
 * the Ampel is always a word, its colour only in addition; the charts are
 * native Word charts with a text alternative. Pure: no files, no processes,
 * no Node APIs (the task pane runs it in the browser).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { ChartRun } from 'docx/charts';
import JSZip from 'jszip';
import type { BerichtHandlungsfeld, BerichtKennzahl, BerichtZiel, Umsetzungsbericht } from '../domain/bericht';
import { entwicklungText, massnahmenZaehlung } from '../domain/kpi';
import type { Ampel, PlanZeile, Zaehlung } from '../domain/model';
import { type BerichtMeta } from '../workbook/berichtSheet';
import { AMPEL_LABEL, COLORS } from '../workbook/layout';
import { datumDeutsch, prozent, zahlImBericht, zeitstempel } from '../domain/format';

/** A4 in twips; landscape, because the Kennzahlen table has 13 columns. */
const A4_KURZ = 11906;
const A4_LANG = 16838;
const RAND = 1134; // 2 cm
export const TEXTBREITE = A4_LANG - 2 * RAND;

const SCHRIFT = 'Arial';
const GROESSE = 20; // half-points: 10 pt body text
const GROESSE_TABELLE = 17; // 8.5 pt, so 13 columns fit the page width

const SOFT = '\u00AD'; // soft hyphen: narrow header cells break there, screen readers ignore it

const ampelText = (a: Ampel): string => AMPEL_LABEL[a];

const AMPEL_FARBE: Readonly<Record<Ampel, { fill: string; text: string }>> = {
  gruen: { fill: COLORS.gruen, text: COLORS.gruenText },
  gelb: { fill: COLORS.gelb, text: COLORS.gelbText },
  rot: { fill: COLORS.rot, text: COLORS.rotText },
  keine_daten: { fill: COLORS.keineDaten, text: COLORS.keineDatenText },
};

/** Column widths in twips from relative units, summing to the text width. */
function breiten(einheiten: readonly number[]): number[] {
  const summe = einheiten.reduce((s, e) => s + e, 0);
  const w = einheiten.map((e) => Math.floor((e * TEXTBREITE) / summe));
  w[w.length - 1] += TEXTBREITE - w.reduce((s, x) => s + x, 0);
  return w;
}

interface Zelle {
  readonly text: string;
  readonly fett?: boolean;
  readonly rechts?: boolean;
  readonly fuellung?: string;
  readonly farbe?: string;
}

/** Characters XML 1.0 does not allow (they can come from pasted cell text). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNGUELTIG = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** One line for a heading, chart label or alt text. */
const einzeilig = (text: string): string => text.replace(UNGUELTIG, '').replace(/\s+/g, ' ').trim();

/** Runs of one text: a line break in a cell (Alt+Enter in Excel) stays a line break. */
function laeufe(text: string, o: { bold?: boolean; color?: string; size?: number } = {}): TextRun[] {
  return text
    .replace(UNGUELTIG, '')
    .split(/\r\n|\r|\n/)
    .map((zeile, i) => new TextRun({ ...o, text: zeile, break: i > 0 ? 1 : undefined }));
}

const RAHMEN = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' } as const;

function zelle(z: Zelle, breite: number, kopf = false): TableCell {
  return new TableCell({
    width: { size: breite, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    shading: z.fuellung ? { type: ShadingType.CLEAR, color: 'auto', fill: z.fuellung } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: z.rechts ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { before: 0, after: 0 },
        children: laeufe(z.text, { bold: kopf || z.fett, color: z.farbe, size: GROESSE_TABELLE }),
      }),
    ],
  });
}

/** A table with a repeating, bold header row; rows are not split across pages. */
function tabelle(kopf: readonly string[], zeilen: readonly (readonly Zelle[])[], einheiten: readonly number[]): Table {
  const w = breiten(einheiten);
  const kopfZeile = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: kopf.map((k, i) => zelle({ text: k, fuellung: COLORS.header, farbe: COLORS.headerText }, w[i], true)),
  });
  return new Table({
    width: { size: TEXTBREITE, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: {
      top: RAHMEN,
      bottom: RAHMEN,
      left: RAHMEN,
      right: RAHMEN,
      insideHorizontal: RAHMEN,
      insideVertical: RAHMEN,
    },
    rows: [kopfZeile, ...zeilen.map((z) => new TableRow({ cantSplit: true, children: z.map((c, i) => zelle(c, w[i])) }))],
  });
}

/** Text paragraph; `label` is set bold in front (e.g. „Leitziel:“). */
function absatz(
  text: string,
  o: { label?: string; fett?: boolean; hinweis?: boolean; vorTabelle?: boolean; mitNaechstem?: boolean } = {},
): Paragraph {
  const kinder: ParagraphChild[] = [];
  if (o.label) kinder.push(new TextRun({ text: `${o.label} `, bold: true }));
  kinder.push(...laeufe(text, { bold: o.fett, color: o.hinweis ? COLORS.hinweis : undefined }));
  // the label line before a table stays with it and leaves room above, not below
  return new Paragraph({
    children: kinder,
    keepNext: o.vorTabelle || o.mitNaechstem,
    spacing: o.vorTabelle ? { before: 200, after: 60 } : undefined,
  });
}

const UEBERBLICK_KOPF = [
  'HF',
  'Handlungsfeld',
  `Ziel${SOFT}erreichung`,
  'Ampel',
  `Umsetzungs${SOFT}quote`,
  `Maß${SOFT}nahmen`,
  `umge${SOFT}setzt`,
  `begon${SOFT}nen`,
  'geplant',
  `ver${SOFT}schoben`,
  `ent${SOFT}fallen`,
  `Wir${SOFT}kungen`,
];
const UEBERBLICK_BREITEN = [5, 30, 11, 9, 11, 9, 9, 9, 8, 9, 8, 9];

function ampelZelle(a: Ampel): Zelle {
  const f = AMPEL_FARBE[a];
  return { text: ampelText(a), fuellung: f.fill, farbe: f.text };
}

function zaehlZellen(z: Zaehlung): Zelle[] {
  return [
    { text: prozent(z.zielerreichung), rechts: true },
    ampelZelle(z.ampel),
    { text: prozent(z.umsetzungsquote), rechts: true },
    ...Object.values(massnahmenZaehlung(z)).map((n) => ({ text: String(n), rechts: true })),
    { text: String(z.wirkungen), rechts: true },
  ];
}

const KENNZAHL_KOPF = [
  'Nr.',
  'Kennzahl',
  'Einheit',
  `Wirkungs${SOFT}ebene`,
  `Ausgangs${SOFT}wert`,
  `Ziel${SOFT}wert`,
  `Ist${SOFT}wert`,
  `Stich${SOFT}tag`,
  `Ziel${SOFT}erreichung`,
  'Ampel',
  `Daten${SOFT}quelle`,
  `Begrün${SOFT}dung`,
];
const KENNZAHL_BREITEN = [8, 24, 9, 11, 11, 8, 8, 12, 11, 9, 13, 24];
/** From the second year on: Vorjahr before and Veränderung after the Istwert, as in the sheet. */
const KENNZAHL_KOPF_MIT_VORJAHR = [...KENNZAHL_KOPF.slice(0, 6), `Vor${SOFT}jahr`, `Ist${SOFT}wert`, `Verän${SOFT}derung`, ...KENNZAHL_KOPF.slice(7)];
const KENNZAHL_BREITEN_MIT_VORJAHR = [8, 21, 9, 11, 11, 8, 8, 8, 12, 11, 11, 9, 12, 21];

function kennzahlZeile(k: BerichtKennzahl, mitVorjahr: boolean): Zelle[] {
  const ist: Zelle[] = mitVorjahr
    ? [
        { text: zahlImBericht(k.vorjahr), rechts: true },
        { text: zahlImBericht(k.istwert), rechts: true },
        { text: entwicklungText(k.entwicklung), rechts: true },
      ]
    : [{ text: zahlImBericht(k.istwert), rechts: true }];
  return [
    { text: k.id },
    { text: k.name },
    { text: k.einheit },
    { text: k.ebene ?? '' },
    { text: zahlImBericht(k.ausgangswert), rechts: true },
    { text: zahlImBericht(k.zielwert), rechts: true },
    ...ist,
    { text: k.stichtag ? datumDeutsch(k.stichtag) : '–', rechts: true },
    { text: prozent(k.zielerreichung), rechts: true },
    ampelZelle(k.ampel),
    { text: k.datenquelle },
    { text: k.begruendung || (k.ampel === 'rot' ? 'Begründung fehlt' : '') },
  ];
}

const MASSNAHME_KOPF = [
  'Nr.',
  'Maßnahme / Wirkung',
  'Art',
  'Status',
  `Prio${SOFT}rität`,
  'Zeitraum',
  'Bezug',
  `Verant${SOFT}wortlich`,
  'Bemerkung',
];
const MASSNAHME_BREITEN = [6, 38, 11, 10, 9, 10, 8, 19, 28];

function massnahmeZeile(m: PlanZeile): Zelle[] {
  const fuellung = m.art === 'Wirkung' ? COLORS.wirkung : COLORS.massnahme;
  return [
    m.nr,
    m.beschreibung,
    m.art ?? '',
    m.status ?? '',
    m.prioritaet ?? '',
    m.zeitraum,
    m.bezug,
    m.verantwortlich,
    m.bemerkung,
  ].map((t) => ({ text: t ?? '', fuellung }));
}

function zielAbschnitt(z: BerichtZiel, mitVorjahr: boolean): (Paragraph | Table)[] {
  const teile: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      children: [new TextRun(einzeilig(`Handlungsziel ${z.id}: ${z.handlungsziel}`))],
    }),
  ];
  // the intro stays on one page with the first table, as a Handlungsziel starts a block of its own
  const zusammen = { mitNaechstem: true };
  if (z.herausforderung) teile.push(absatz(z.herausforderung, { label: 'Herausforderung:', ...zusammen }));
  if (z.leitziel) teile.push(absatz(z.leitziel, { label: 'Leitziel:', ...zusammen }));

  const stand = [`Zielerreichung: ${prozent(z.zielerreichung)} (Ampel ${ampelText(z.ampel)})`];
  if (z.checkliste?.umsetzungsstand) stand.push(`Umsetzungsstand: ${z.checkliste.umsetzungsstand}`);
  if (z.checkliste?.anpassungsbedarf) stand.push(`Anpassungsbedarf: ${z.checkliste.anpassungsbedarf}`);
  if (!z.checkliste) stand.push('Checkliste noch nicht ausgefüllt');
  teile.push(absatz(stand.join(' · '), { fett: true, ...zusammen }));
  if (z.checkliste?.einschaetzung) teile.push(absatz(z.checkliste.einschaetzung, { label: 'Einschätzung:', ...zusammen }));
  if (z.checkliste?.naechsteSchritte)
    teile.push(absatz(z.checkliste.naechsteSchritte, { label: 'Nächste Schritte:', ...zusammen }));

  if (z.kennzahlen.length === 0) {
    teile.push(absatz('Für dieses Handlungsziel sind keine Kennzahlen erfasst.', { hinweis: true }));
  } else {
    teile.push(absatz(`Kennzahlen zu Handlungsziel ${z.id}`, { fett: true, vorTabelle: true }));
    teile.push(
      mitVorjahr
        ? tabelle(KENNZAHL_KOPF_MIT_VORJAHR, z.kennzahlen.map((k) => kennzahlZeile(k, true)), KENNZAHL_BREITEN_MIT_VORJAHR)
        : tabelle(KENNZAHL_KOPF, z.kennzahlen.map((k) => kennzahlZeile(k, false)), KENNZAHL_BREITEN),
    );
  }

  const eintraege = [...z.massnahmen, ...z.wirkungen];
  if (eintraege.length === 0) {
    teile.push(absatz('Für dieses Handlungsziel sind keine Maßnahmen geplant.', { hinweis: true }));
  } else {
    teile.push(absatz(`Maßnahmen und Wirkungen zu Handlungsziel ${z.id}`, { fett: true, vorTabelle: true }));
    teile.push(tabelle(MASSNAHME_KOPF, eintraege.map(massnahmeZeile), MASSNAHME_BREITEN));
  }
  return teile;
}

function hfAbschnitt(hf: BerichtHandlungsfeld, mitVorjahr: boolean): (Paragraph | Table)[] {
  const teile: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(einzeilig(`Handlungsfeld ${hf.hf}: ${hf.name}`))],
    }),
  ];
  const wer = [hf.netzwerk && `Netzwerk: ${hf.netzwerk}`, hf.netzwerkleitung && `Netzwerkleitung: ${hf.netzwerkleitung}`]
    .filter(Boolean)
    .join(' · ');
  if (wer) teile.push(absatz(wer, { hinweis: true }));
  teile.push(absatz(`Überblick Handlungsfeld ${hf.hf}`, { fett: true, vorTabelle: true }));
  teile.push(
    tabelle(
      UEBERBLICK_KOPF,
      [[{ text: String(hf.hf) }, { text: hf.name, fett: true }, ...zaehlZellen(hf.kpi)]],
      UEBERBLICK_BREITEN,
    ),
  );
  if (hf.ziele.length === 0) teile.push(absatz('Für dieses Handlungsfeld sind keine Handlungsziele erfasst.', { hinweis: true }));
  for (const z of hf.ziele) teile.push(...zielAbschnitt(z, mitVorjahr));
  return teile;
}

const STATUS = ['umgesetzt', 'begonnen', 'geplant', 'verschoben', 'entfallen'] as const;
/** Status colours in the order of STATUS: done green, open blue/grey, problems orange/red. */
const STATUS_FARBEN = ['70AD47', '5B9BD5', 'A5A5A5', 'ED7D31', 'C00000'];

/** Text alternative of the Zielerreichung chart: every value, as a screen reader should read it. */
export function zielerreichungBeschreibung(b: Umsetzungsbericht): string {
  const werte = b.handlungsfelder.map(
    (h) =>
      `HF ${h.hf} ${einzeilig(h.name)}: ${h.kpi.zielerreichung === null ? 'keine Daten' : prozent(h.kpi.zielerreichung)}`,
  );
  return `Balkendiagramm Zielerreichung je Handlungsfeld. ${werte.join('; ')}.`;
}

/** Text alternative of the Maßnahmen chart. */
export function massnahmenBeschreibung(b: Umsetzungsbericht): string {
  const werte = b.handlungsfelder.map(
    (h) => `HF ${h.hf} ${einzeilig(h.name)}: ${STATUS.map((s) => `${h.kpi[s]} ${s}`).join(', ')}`,
  );
  return `Gestapeltes Balkendiagramm Maßnahmen nach Status je Handlungsfeld. ${werte.join('; ')}.`;
}

function diagramme(b: Umsetzungsbericht): Paragraph[] {
  if (b.handlungsfelder.length === 0) return [];
  const kategorien = b.handlungsfelder.map((h) => einzeilig(`HF ${h.hf} ${h.name}`));
  // Both charts fit on one landscape page with their captions (8 HF: 264 + 304 px); the
  // caption is the title, so the charts have none of their own.
  const hoehe = Math.max(140, 40 + 28 * kategorien.length);
  const breite = 960; // px, just under the text width, so long HF names stay on one line
  const teile: Paragraph[] = [];
  let nr = 0;
  const unterschrift = (text: string): Paragraph =>
    new Paragraph({
      style: 'Caption',
      keepNext: true,
      spacing: { before: 240, after: 60 },
      children: [new TextRun(`Abbildung ${++nr}: ${text}`)],
    });
  const diagramm = (chart: ChartRun): Paragraph => new Paragraph({ children: [chart] });

  // an empty chart only shows axes; a sentence says more
  if (b.handlungsfelder.some((h) => h.kpi.zielerreichung !== null))
    teile.push(
      unterschrift('Zielerreichung je Handlungsfeld (Werte in der Tabelle oben)'),
      diagramm(
        new ChartRun({
          type: 'bar',
          categories: kategorien,
          series: [{ name: 'Zielerreichung', values: b.handlungsfelder.map((h) => h.kpi.zielerreichung), color: COLORS.header }],
          // Word draws the first category at the bottom; reversed, HF 1 is on top as in the table
          categoryAxis: { reverseOrder: true, font: { size: 8 } },
          valueAxis: { minimum: 0, maximum: 1, numberFormat: '0 %' },
          dataLabels: { value: true, numberFormat: '0 %' },
          legend: false,
          font: { name: SCHRIFT },
          transformation: { width: breite, height: hoehe },
          altText: {
            name: 'Diagramm Zielerreichung',
            title: 'Zielerreichung je Handlungsfeld',
            description: zielerreichungBeschreibung(b),
          },
        }),
      ),
    );
  else teile.push(absatz('Ein Diagramm der Zielerreichung folgt, sobald Istwerte erfasst sind.', { hinweis: true }));

  if (b.handlungsfelder.some((h) => h.kpi.massnahmen > 0))
    teile.push(
      unterschrift('Maßnahmen nach Status je Handlungsfeld, ohne Standardmaßnahmen (Werte in der Tabelle oben)'),
      diagramm(
        new ChartRun({
          type: 'bar',
          categories: kategorien,
          stacking: 'stacked',
          series: STATUS.map((s, i) => ({ name: s, values: b.handlungsfelder.map((h) => h.kpi[s]), color: STATUS_FARBEN[i] })),
          categoryAxis: { reverseOrder: true, font: { size: 8 } },
          valueAxis: { minimum: 0, numberFormat: '0' },
          legend: { position: 'bottom' },
          font: { name: SCHRIFT },
          transformation: { width: breite, height: hoehe + 40 },
          altText: {
            name: 'Diagramm Maßnahmen',
            title: 'Maßnahmen nach Status je Handlungsfeld',
            description: massnahmenBeschreibung(b),
          },
        }),
      ),
    );
  else teile.push(absatz('Ein Diagramm der Maßnahmen nach Status folgt, sobald Maßnahmen geplant sind.', { hinweis: true }));
  return teile;
}

function titel(b: Umsetzungsbericht): string {
  return `Umsetzungsbericht ${b.berichtsjahr} – Integrationskonzept der Stadt Rheine`;
}

/** Builds the Word document of the report; returns the .docx bytes. */
export async function umsetzungsberichtDocx(b: Umsetzungsbericht, meta: BerichtMeta): Promise<Uint8Array> {
  const stichtag = b.stichtag ? datumDeutsch(b.stichtag) : `${zeitstempel(meta.berechnetAm).slice(0, 10)} (Tag der Erstellung)`;
  const inhalt: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(titel(b))] }),
    absatz(`Berichtsjahr ${b.berichtsjahr} · Stichtag der Kennzahlen: ${stichtag}`, { fett: true }),
    absatz(`Erstellt am ${zeitstempel(meta.berechnetAm)} aus „${meta.quelle}“ mit dem Integrationsmonitor.`, { hinweis: true }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Überblick nach Handlungsfeldern')] }),
    absatz('Zielerreichung, Ampel und Umsetzung je Handlungsfeld', { fett: true, vorTabelle: true }),
    tabelle(
      UEBERBLICK_KOPF,
      [
        ...b.handlungsfelder.map((h) => [{ text: String(h.hf) }, { text: h.name }, ...zaehlZellen(h.kpi)]),
        [{ text: '' }, { text: 'Gesamt', fett: true }, ...zaehlZellen(b.gesamt)].map((z) => ({ ...z, fett: true })),
      ],
      UEBERBLICK_BREITEN,
    ),
    new Paragraph({
      spacing: { before: 120 },
      children: [
        new TextRun({
          text: 'Zielerreichung: Mittelwert der Handlungsziele (je Kennzahl auf 0–100 % begrenzt). Umsetzungsquote: umgesetzte Maßnahmen je geplante Maßnahmen ohne entfallene. Standardmaßnahmen sind nicht enthalten (siehe Hinweis am Ende).',
          color: COLORS.hinweis,
        }),
      ],
    }),
    ...diagramme(b),
  ];
  for (const hf of b.handlungsfelder) inhalt.push(...hfAbschnitt(hf, b.mitVorjahr));

  inhalt.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun('Hinweis: Standardmaßnahmen')],
    }),
  );
  if (b.standardmassnahmen.length === 0) {
    inhalt.push(absatz('In der Arbeitsplanung sind keine Standardmaßnahmen gekennzeichnet.', { hinweis: true }));
  } else {
    inhalt.push(
      absatz(
        `Die folgenden ${b.standardmassnahmen.length} Standardmaßnahmen dienen vielen Zielen, werden gesondert berichtet und sind nicht Teil dieses Umsetzungsberichts:`,
        { vorTabelle: true },
      ),
      tabelle(
        ['Nr.', 'Standardmaßnahme', 'HF', 'Handlungsziel'],
        b.standardmassnahmen.map((s) => [
          { text: s.nr },
          { text: s.beschreibung },
          { text: s.hf === null ? '–' : String(s.hf) },
          { text: s.handlungszielId || '–' },
        ]),
        [7, 70, 6, 12],
      ),
    );
  }

  const doc = new Document({
    title: titel(b),
    subject: `Umsetzungsbericht ${b.berichtsjahr}`,
    creator: 'Integrationsmonitor',
    lastModifiedBy: 'Integrationsmonitor',
    description: `Umsetzungsbericht ${b.berichtsjahr} zum Integrationskonzept der Stadt Rheine, erstellt aus „${meta.quelle}“, Stichtag ${stichtag}.`,
    keywords: 'Integrationskonzept; Umsetzungsbericht; Rheine',
    // long German words in narrow table columns break at syllables, not anywhere
    hyphenation: { autoHyphenation: true, doNotHyphenateCaps: true },
    styles: {
      default: {
        document: {
          run: { font: SCHRIFT, size: GROESSE, language: { value: 'de-DE', eastAsia: 'de-DE', bidirectional: 'ar-SA' } },
          // lineRule spelled out: LibreOffice reads a bare w:line as exact and squashes the charts
          paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: SCHRIFT, size: 40, bold: true, color: COLORS.titel },
          paragraph: { spacing: { after: 200 } },
        },
        heading1: {
          run: { font: SCHRIFT, size: 32, bold: true, color: COLORS.titel },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 0 },
        },
        heading2: {
          run: { font: SCHRIFT, size: 26, bold: true, color: COLORS.titel },
          paragraph: { spacing: { before: 320, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 1 },
        },
        caption: {
          run: { font: SCHRIFT, size: 18, italics: true, color: COLORS.hinweis },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_KURZ, height: A4_LANG, orientation: PageOrientation.LANDSCAPE },
            margin: { top: RAND, bottom: RAND, left: RAND, right: RAND, header: 567, footer: 567 },
          },
        },
        children: inhalt,
      },
    ],
  });
  // an ArrayBuffer, not toBuffer: the task pane builds the document in the browser, where there is no Buffer
  return nachbearbeiten(new Uint8Array(await Packer.toArrayBuffer(doc)));
}

/** Styles whose paragraphs are never hyphenated (a hyphen in a heading reads badly). */
const OHNE_SILBENTRENNUNG = ['Title', 'Heading1', 'Heading2'];

/**
 * What npm docx cannot express: it writes the chart texts as en-US (screen
 * readers and Word's proofing take the language from there); it names the
 * heading styles "Heading 1", while Word knows its built-in heading styles
 * (the ones screen readers navigate by, shown as „Überschrift 1“ in German
 * Word) by the name "heading 1"; it has no suppressAutoHyphens for a style.
 */
async function nachbearbeiten(paket: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(paket);
  const charts = Object.keys(zip.files).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n));
  for (const name of charts) {
    const inhalt = await zip.file(name)!.async('string');
    zip.file(name, inhalt.replace(/(<c:lang val=|\blang=)"en-US"/g, '$1"de-DE"'));
  }
  let styles = await zip.file('word/styles.xml')!.async('string');
  for (const id of OHNE_SILBENTRENNUNG)
    // after keepNext/keepLines and before spacing, as CT_PPrBase orders its children
    styles = styles.replace(
      new RegExp(
        `(<w:style [^>]*w:styleId="${id}"[^>]*>(?:(?!</w:style>)[\\s\\S])*?<w:pPr>(?:<w:keepNext/>)?(?:<w:keepLines/>)?)`,
      ),
      '$1<w:suppressAutoHyphens/>',
    );
  styles = styles.replace(/<w:name w:val="Heading ([12])"\/>/g, '<w:name w:val="heading $1"/>');
  zip.file('word/styles.xml', styles);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
