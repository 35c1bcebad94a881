/**
 * The Umsetzungsbericht as one self-contained, accessible HTML page for the
 * city's website: same content model and wording as the sheet
 * (berichtSheet.ts), German formats, all CSS inline, charts as inline SVG
 * with a text alternative, no external resources. Pure string building, so
 * it runs in Node and in the browser alike.
 */
import type { BerichtHandlungsfeld, BerichtKennzahl, BerichtZiel, Umsetzungsbericht } from '../domain/bericht';
import type { Ampel, PlanZeile, Zaehlung } from '../domain/model';
import { entwicklungText } from '../domain/kpi';
import { type BerichtMeta } from './berichtSheet';
import { AMPEL_LABEL, COLORS } from './layout';
import { datumDeutsch, prozent, zahlImBericht, zeitstempel } from '../domain/format';

/** Escapes text for element content and quoted attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// Same display as the sheet's number formats '#,##0' / '#,##0.0#' (thousands separator, at most two decimals).
const text = (s: string | null | undefined): string => esc(s ?? '');

const ampelWort = (a: Ampel): string => AMPEL_LABEL[a];
/** The Ampel always as a word; the class adds the colour. */
const ampelSpan = (a: Ampel): string => `<span class="ampel ampel-${a}">${esc(ampelWort(a))}</span>`;

/** Status counts in the order of the sheet's overview. */
const STATUS = ['umgesetzt', 'begonnen', 'geplant', 'verschoben', 'entfallen'] as const;
type StatusName = (typeof STATUS)[number];

/** Bar colours for the status chart: each at least 4.5:1 against white, so the white segment labels stay readable. */
const STATUS_FARBE: Record<StatusName, string> = {
  umgesetzt: '#375623',
  begonnen: '#2F75B5',
  geplant: '#6E6E6E',
  verschoben: '#9C5700',
  entfallen: '#7030A0',
};

const AMPEL_FARBE: Record<Ampel, { fill: string; text: string }> = {
  gruen: { fill: COLORS.gruen, text: COLORS.gruenText },
  gelb: { fill: COLORS.gelb, text: COLORS.gelbText },
  rot: { fill: COLORS.rot, text: COLORS.rotText },
  keine_daten: { fill: COLORS.keineDaten, text: COLORS.keineDatenText },
};

const CSS = `
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: #1a1a1a; font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 1rem; line-height: 1.5; overflow-wrap: break-word; }
main { max-width: 75rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1, h2, h3 { line-height: 1.25; color: #1f4e78; }
h1 { font-size: 1.75rem; margin: 0.5rem 0 0.5rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid #1f4e78; }
h3 { font-size: 1.15rem; margin: 2rem 0 0.5rem; color: #1a1a1a; }
p { margin: 0.5rem 0; max-width: 60rem; }
a { color: #1f4e78; }
a:focus-visible, .tabelle:focus-visible { outline: 3px solid #1f4e78; outline-offset: 2px; }
.untertitel { font-size: 1.15rem; font-weight: 600; }
.hinweis { color: #595959; }
nav ol { padding-left: 1.5rem; }
.tabelle { overflow-x: auto; margin: 0.5rem 0 1.25rem; }
table { border-collapse: collapse; font-size: 0.875rem; }
/* 13 columns: a little smaller so the table fits a 1024 px screen without scrolling */
table.kennzahlen { font-size: 0.8125rem; }
/* the caption stays in view and wraps within the screen while a wide table scrolls */
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0.25rem 0; position: sticky; left: 0; max-width: calc(100vw - 2rem); }
th, td { border: 1px solid #8c8c8c; padding: 0.3rem 0.3rem; text-align: left; vertical-align: top; }
thead th { background: #1f4e78; color: #fff; font-weight: 600; }
tbody th, tfoot th { font-weight: 600; }
tfoot th, tfoot td { background: #f2f2f2; font-weight: 600; border-top: 2px solid #1f4e78; }
/* long texts keep a readable width; long German words may hyphenate (lang="de") */
tbody th.lang, td.lang { min-width: 8rem; }
tbody th, td { -webkit-hyphens: auto; hyphens: auto; }
.zahl { text-align: right; font-variant-numeric: tabular-nums; }
td.zahl, td.nr { white-space: nowrap; }
.ampel { display: inline-block; padding: 0 0.3rem; border-radius: 0.2rem; font-weight: 600; }
${(Object.keys(AMPEL_FARBE) as Ampel[])
  .map((a) => `.ampel-${a} { background: #${AMPEL_FARBE[a].fill}; color: #${AMPEL_FARBE[a].text}; }`)
  .join('\n')}
tr.massnahme > * { background: #${COLORS.massnahme}; }
tr.wirkung > * { background: #${COLORS.wirkung}; }
dl.angaben { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 1rem; max-width: 60rem; }
dl.angaben dt { font-weight: 600; }
dl.angaben dd { margin: 0; }
.diagramme { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 1.5rem; margin: 1.5rem 0; }
figure { margin: 0; }
figure svg { display: block; width: 100%; max-width: 24rem; height: auto; }
figcaption { font-size: 0.9rem; margin-top: 0.5rem; }
.legende { list-style: none; padding: 0; margin: 0.5rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.9rem; }
.farbe { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.35em; vertical-align: -0.1em; border: 1px solid #1a1a1a; }
@media (max-width: 40em) {
  main { padding: 0.75rem 0.75rem 2rem; }
  h1 { font-size: 1.45rem; }
  h2 { font-size: 1.25rem; }
  dl.angaben { grid-template-columns: 1fr; gap: 0; }
  dl.angaben dd { margin-bottom: 0.4rem; }
}
@media (forced-colors: active) {
  svg, .farbe { forced-color-adjust: none; }
  .ampel { border: 1px solid CanvasText; }
}
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  section.hf { break-before: page; }
  .tabelle { overflow: visible; }
  table, table.kennzahlen { font-size: 8pt; width: 100%; }
  tbody th.lang, td.lang { min-width: 0; }
  tr, figure, dl.angaben { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`.trim();

/** Unique ids for headings, captions and chart texts, derived from positions, never from user text. */
class Ids {
  private n = 0;
  neu(prefix: string): string {
    this.n += 1;
    return `${prefix}-${this.n}`;
  }
}

/** Soft hyphen: long one-word column headers may break like the sheet's „Ziel-/erreichung“. */
const SH = '\u00ad';

interface Spalte {
  readonly kopf: string;
  readonly klasse?: string;
}

interface TabellenAngaben {
  readonly titel: string;
  readonly spalten: readonly Spalte[];
  readonly zeilen: readonly { zellen: readonly string[]; klasse?: string }[];
  /** index of the column whose cells become <th scope="row"> */
  readonly zeilenkopf: number;
  readonly fuss?: readonly string[];
  /** id of the caption, for links to the table */
  readonly id?: string;
  readonly klasse?: string;
}

/**
 * A data table in a focusable scroll container (narrow screens scroll the
 * table instead of the page). Cells are ready-made HTML; the `zeilenkopf`
 * column becomes <th scope="row">.
 */
function tabelle(ids: Ids, { titel, spalten, zeilen, zeilenkopf, fuss, id, klasse }: TabellenAngaben): string {
  const cap = id ?? ids.neu('tabelle');
  const kopf = spalten.map((s) => `<th scope="col"${s.klasse ? ` class="${s.klasse}"` : ''}>${esc(s.kopf)}</th>`).join('');
  const zeile = (zellen: readonly string[], klasse?: string): string =>
    `<tr${klasse ? ` class="${klasse}"` : ''}>${zellen
      .map((z, i) => {
        const k = spalten[i]?.klasse;
        const attr = k ? ` class="${k}"` : '';
        return i === zeilenkopf ? `<th scope="row"${attr}>${z}</th>` : `<td${attr}>${z}</td>`;
      })
      .join('')}</tr>`;
  return [
    `<div class="tabelle" role="region" aria-labelledby="${cap}" tabindex="0">`,
    klasse ? `<table class="${klasse}">` : '<table>',
    `<caption id="${cap}">${esc(titel)}</caption>`,
    `<thead><tr>${kopf}</tr></thead>`,
    '<tbody>',
    ...zeilen.map((z) => zeile(z.zellen, z.klasse)),
    '</tbody>',
    ...(fuss ? ['<tfoot>', zeile(fuss), '</tfoot>'] : []),
    '</table>',
    '</div>',
  ].join('\n');
}

const UEBERBLICK_SPALTEN: readonly Spalte[] = [
  { kopf: 'HF', klasse: 'zahl' },
  { kopf: 'Handlungsfeld', klasse: 'lang' },
  { kopf: `Ziel${SH}erreichung`, klasse: 'zahl' },
  { kopf: 'Ampel' },
  { kopf: `Umsetzungs${SH}quote`, klasse: 'zahl' },
  { kopf: 'Maßnahmen', klasse: 'zahl' },
  ...STATUS.map((s) => ({ kopf: s, klasse: 'zahl' })),
  { kopf: 'Wirkungen', klasse: 'zahl' },
];

function zaehlZellen(z: Zaehlung): string[] {
  return [
    esc(prozent(z.zielerreichung)),
    ampelSpan(z.ampel),
    esc(prozent(z.umsetzungsquote)),
    String(z.massnahmen),
    ...STATUS.map((s) => String(z[s])),
    String(z.wirkungen),
  ];
}

// ------------------------------------------------------------------ charts

/** Wraps a label into lines of at most `max` characters at spaces (SVG text does not wrap by itself). */
export function umbrechen(s: string, max: number): string[] {
  const zeilen: string[] = [];
  let z = '';
  for (const wort of s.split(/\s+/).filter(Boolean)) {
    if (z && z.length + 1 + wort.length > max) {
      zeilen.push(z);
      z = wort;
    } else z = z ? `${z} ${wort}` : wort;
  }
  if (z) zeilen.push(z);
  return zeilen.length ? zeilen : [''];
}

// Chart geometry in viewBox units; the SVG scales to the column width (at most 24rem), so on a
// 320 px screen the text stays at about 12 px.
const BREITE = 320;
const SCHRIFT = 14;
const ZEILE = 18;
const BALKEN = 18;
const ABSTAND = 14;
const LABEL_ZEICHEN = 38;

interface Balkenzeile {
  readonly label: string[];
  readonly y: number;
}

/** Places one label block plus bar per Handlungsfeld; returns the bar tops and the total height. */
function zeilenLayout(hfs: readonly BerichtHandlungsfeld[], oben: number): { zeilen: Balkenzeile[]; hoehe: number } {
  let y = oben;
  const zeilen = hfs.map((hf) => {
    const label = umbrechen(`${hf.hf} ${hf.name}`, LABEL_ZEICHEN);
    const z = { label, y: y + label.length * ZEILE + 4 };
    y = z.y + BALKEN + ABSTAND;
    return z;
  });
  return { zeilen, hoehe: y };
}

function labelText(z: Balkenzeile): string {
  return z.label.map((l, i) => `<text x="0" y="${z.y - 6 - (z.label.length - 1 - i) * ZEILE}">${esc(l)}</text>`).join('');
}

function svg(ids: Ids, titel: string, beschreibung: string, hoehe: number, inhalt: string): string {
  const t = ids.neu('diagramm-titel');
  const d = ids.neu('diagramm-text');
  return [
    `<svg viewBox="0 0 ${BREITE} ${hoehe}" width="${BREITE}" height="${hoehe}" role="img" aria-labelledby="${t} ${d}" font-family="Segoe UI, Arial, Helvetica, sans-serif" font-size="${SCHRIFT}" fill="#1a1a1a">`,
    `<title id="${t}">${esc(titel)}</title>`,
    `<desc id="${d}">${esc(beschreibung)}</desc>`,
    inhalt,
    '</svg>',
  ].join('\n');
}

function zielerreichungDiagramm(ids: Ids, b: Umsetzungsbericht, tabelleId: string): string {
  const { zeilen, hoehe } = zeilenLayout(b.handlungsfelder, 4);
  const achse = hoehe + 2;
  const max = BREITE - 96; // the value labels stand in a column right of the 100 % line
  const teile: string[] = [];
  // axis labels only below the bars; the grid lines are drawn per bar so they never cross a label
  for (const x of [0, 0.5, 1])
    teile.push(
      `<text x="${Math.round(x * max)}" y="${achse + 12}" font-size="12" text-anchor="${x === 0 ? 'start' : x === 1 ? 'end' : 'middle'}">${esc(prozent(x))}</text>`,
    );
  b.handlungsfelder.forEach((hf, i) => {
    const z = zeilen[i];
    const w = hf.kpi.zielerreichung;
    teile.push(
      labelText(z),
      `<rect x="0" y="${z.y}" width="${max}" height="${BALKEN}" fill="#f2f2f2"/>`,
      ...[0.5, 1].map(
        (x) =>
          `<line x1="${x * max}" y1="${z.y - 2}" x2="${x * max}" y2="${z.y + BALKEN + 2}" stroke="#8c8c8c" stroke-width="1"${x < 1 ? ' stroke-dasharray="3 2"' : ''}/>`,
      ),
    );
    if (w === null) {
      teile.push(`<text x="${max + 6}" y="${z.y + 13}" font-style="italic">keine Daten</text>`);
      return;
    }
    const f = AMPEL_FARBE[hf.kpi.ampel];
    const breite = Math.max(1, Math.round(Math.min(1, Math.max(0, w)) * max));
    teile.push(
      `<rect x="0" y="${z.y}" width="${breite}" height="${BALKEN}" fill="#${f.fill}" stroke="#${f.text}" stroke-width="1.5"/>`,
      `<text x="${max + 6}" y="${z.y + 13}">${esc(`${prozent(w)} · ${ampelWort(hf.kpi.ampel)}`)}</text>`,
    );
  });
  const text = b.handlungsfelder
    .map((hf) =>
      hf.kpi.zielerreichung === null
        ? `Handlungsfeld ${hf.hf} ${hf.name}: keine Daten`
        : `Handlungsfeld ${hf.hf} ${hf.name}: ${prozent(hf.kpi.zielerreichung)}, Ampel ${ampelWort(hf.kpi.ampel)}`,
    )
    .join('; ');
  return [
    '<figure>',
    svg(ids, 'Zielerreichung je Handlungsfeld', `Balkendiagramm von 0 bis 100 %. ${text}.`, achse + 16, teile.join('\n')),
    `<figcaption>Zielerreichung je Handlungsfeld (Balken mit Ampel). Die Werte stehen auch in der Tabelle <a href="#${tabelleId}">Überblick nach Handlungsfeldern</a>.</figcaption>`,
    '</figure>',
  ].join('\n');
}

function statusDiagramm(ids: Ids, b: Umsetzungsbericht, tabelleId: string): string {
  const { zeilen, hoehe } = zeilenLayout(b.handlungsfelder, 4);
  const groesste = Math.max(1, ...b.handlungsfelder.map((hf) => hf.kpi.massnahmen));
  const max = BREITE - 30;
  const teile: string[] = [];
  b.handlungsfelder.forEach((hf, i) => {
    const z = zeilen[i];
    teile.push(labelText(z));
    if (hf.kpi.massnahmen === 0) {
      teile.push(`<text x="0" y="${z.y + 13}" font-style="italic">keine Maßnahmen</text>`);
      return;
    }
    let x = 0;
    for (const s of STATUS) {
      const n = hf.kpi[s];
      if (n === 0) continue;
      const w = (n / groesste) * max;
      // a white gap between segments keeps neighbouring colours apart
      teile.push(
        `<rect x="${x.toFixed(1)}" y="${z.y}" width="${Math.max(1, w - 1.5).toFixed(1)}" height="${BALKEN}" fill="${STATUS_FARBE[s]}"><title>${esc(`${s}: ${n}`)}</title></rect>`,
      );
      if (w >= 20)
        teile.push(
          `<text x="${(x + (w - 1.5) / 2).toFixed(1)}" y="${z.y + 13}" font-size="12" font-weight="700" fill="#fff" text-anchor="middle">${n}</text>`,
        );
      x += w;
    }
    teile.push(`<text x="${(x + 4).toFixed(1)}" y="${z.y + 13}">${hf.kpi.massnahmen}</text>`);
  });
  const text = b.handlungsfelder
    .map(
      (hf) =>
        `Handlungsfeld ${hf.hf} ${hf.name}: ${hf.kpi.massnahmen} Maßnahmen` +
        (hf.kpi.massnahmen ? ` (${STATUS.map((s) => `${hf.kpi[s]} ${s}`).join(', ')})` : ''),
    )
    .join('; ');
  const legende = STATUS.map(
    (s) => `<li><span class="farbe" style="background:${STATUS_FARBE[s]}" aria-hidden="true"></span>${esc(s)}</li>`,
  ).join('');
  return [
    '<figure>',
    svg(ids, 'Maßnahmen nach Status je Handlungsfeld', `Gestapeltes Balkendiagramm. ${text}.`, hoehe, teile.join('\n')),
    `<ul class="legende" aria-label="Legende">${legende}</ul>`,
    `<figcaption>Maßnahmen nach Status je Handlungsfeld (Reihenfolge im Balken wie in der Legende, Zahl am Ende: alle Maßnahmen). Die Werte stehen auch in der Tabelle <a href="#${tabelleId}">Überblick nach Handlungsfeldern</a>.</figcaption>`,
    '</figure>',
  ].join('\n');
}

// ---------------------------------------------------------------- sections

function angaben(paare: readonly (readonly [string, string])[]): string {
  if (paare.length === 0) return '';
  return `<dl class="angaben">\n${paare.map(([dt, dd]) => `<dt>${esc(dt)}</dt>\n<dd>${dd}</dd>`).join('\n')}\n</dl>`;
}

/** From the second year on the Vorjahr stands before and the Veränderung after the Istwert (as in the sheet). */
const kennzahlSpalten = (mitVorjahr: boolean): readonly Spalte[] => [
  { kopf: 'Nr.', klasse: 'nr' },
  { kopf: 'Kennzahl', klasse: 'lang' },
  { kopf: 'Einheit' },
  { kopf: `Wirkungs${SH}ebene` },
  { kopf: `Ausgangs${SH}wert`, klasse: 'zahl' },
  { kopf: 'Zielwert', klasse: 'zahl' },
  ...(mitVorjahr
    ? [{ kopf: 'Vorjahr', klasse: 'zahl' }, { kopf: 'Istwert', klasse: 'zahl' }, { kopf: `Verän${SH}derung`, klasse: 'zahl' }]
    : [{ kopf: 'Istwert', klasse: 'zahl' }]),
  { kopf: 'Stichtag', klasse: 'zahl' },
  { kopf: `Ziel${SH}erreichung`, klasse: 'zahl' },
  { kopf: 'Ampel' },
  { kopf: `Daten${SH}quelle` },
  { kopf: 'Begründung', klasse: 'lang' },
];

function kennzahlZellen(k: BerichtKennzahl, mitVorjahr: boolean): string[] {
  return [
    text(k.id),
    text(k.name),
    text(k.einheit),
    text(k.ebene),
    zahlImBericht(k.ausgangswert),
    zahlImBericht(k.zielwert),
    ...(mitVorjahr ? [zahlImBericht(k.vorjahr), zahlImBericht(k.istwert), esc(entwicklungText(k.entwicklung))] : [zahlImBericht(k.istwert)]),
    k.stichtag ? esc(datumDeutsch(k.stichtag)) : '–',
    esc(prozent(k.zielerreichung)),
    ampelSpan(k.ampel),
    text(k.datenquelle),
    text(k.begruendung || (k.ampel === 'rot' ? 'Begründung fehlt' : '')),
  ];
}

const MASSNAHME_SPALTEN: readonly Spalte[] = [
  { kopf: 'Nr.', klasse: 'nr' },
  { kopf: 'Maßnahme / Wirkung', klasse: 'lang' },
  { kopf: 'Art' },
  { kopf: 'Status' },
  { kopf: 'Priorität' },
  { kopf: 'Zeitraum' },
  { kopf: 'Bezug' },
  { kopf: `Verant${SH}wortlich` },
  { kopf: 'Bemerkung', klasse: 'lang' },
];

function massnahmeZeile(m: PlanZeile): { zellen: string[]; klasse: string } {
  return {
    klasse: m.art === 'Wirkung' ? 'wirkung' : 'massnahme',
    zellen: [
      text(m.nr),
      text(m.beschreibung),
      text(m.art),
      text(m.status),
      text(m.prioritaet),
      text(m.zeitraum),
      text(m.bezug),
      text(m.verantwortlich),
      text(m.bemerkung),
    ],
  };
}

function zielAbschnitt(ids: Ids, z: BerichtZiel, mitVorjahr: boolean): string {
  const teile: string[] = [`<h3 id="${ids.neu('ziel')}">${esc(`Handlungsziel ${z.id}: ${z.handlungsziel}`)}</h3>`];
  const paare: [string, string][] = [];
  if (z.herausforderung) paare.push(['Herausforderung', esc(z.herausforderung)]);
  if (z.leitziel) paare.push(['Leitziel', esc(z.leitziel)]);
  paare.push(['Zielerreichung', `${esc(prozent(z.zielerreichung))} · Ampel ${ampelSpan(z.ampel)}`]);
  const c = z.checkliste;
  if (!c) paare.push(['Checkliste', 'noch nicht ausgefüllt']);
  else {
    if (c.umsetzungsstand) paare.push(['Umsetzungsstand', text(c.umsetzungsstand)]);
    if (c.anpassungsbedarf) paare.push(['Anpassungsbedarf', text(c.anpassungsbedarf)]);
    if (c.einschaetzung) paare.push(['Einschätzung', text(c.einschaetzung)]);
    if (c.naechsteSchritte) paare.push(['Nächste Schritte', text(c.naechsteSchritte)]);
  }
  teile.push(angaben(paare));

  if (z.kennzahlen.length === 0) teile.push('<p class="hinweis">Für dieses Handlungsziel sind keine Kennzahlen erfasst.</p>');
  else
    teile.push(
      tabelle(ids, {
        titel: `Kennzahlen zu Handlungsziel ${z.id}`,
        spalten: kennzahlSpalten(mitVorjahr),
        zeilen: z.kennzahlen.map((k) => ({ zellen: kennzahlZellen(k, mitVorjahr) })),
        zeilenkopf: 1,
        klasse: 'kennzahlen',
      }),
    );

  const eintraege = [...z.massnahmen, ...z.wirkungen];
  if (eintraege.length === 0) teile.push('<p class="hinweis">Für dieses Handlungsziel sind keine Maßnahmen geplant.</p>');
  else
    teile.push(
      tabelle(ids, {
        titel: `Maßnahmen und Wirkungen zu Handlungsziel ${z.id}`,
        spalten: MASSNAHME_SPALTEN,
        zeilen: eintraege.map(massnahmeZeile),
        zeilenkopf: 1,
      }),
    );
  return teile.join('\n');
}

function hfAbschnitt(ids: Ids, hf: BerichtHandlungsfeld, id: string, mitVorjahr: boolean): string {
  const k = hf.kpi;
  const paare: [string, string][] = [];
  if (hf.netzwerk) paare.push(['Netzwerk', esc(hf.netzwerk)]);
  if (hf.netzwerkleitung) paare.push(['Netzwerkleitung', esc(hf.netzwerkleitung)]);
  paare.push(
    ['Zielerreichung', `${esc(prozent(k.zielerreichung))} · Ampel ${ampelSpan(k.ampel)}`],
    ['Umsetzungsquote', esc(prozent(k.umsetzungsquote))],
    ['Maßnahmen', k.massnahmen === 0 ? '0' : `${k.massnahmen} (${STATUS.map((s) => `${k[s]} ${s}`).join(', ')})`],
    ['Wirkungen', String(k.wirkungen)],
  );
  const teile = [
    `<section class="hf" aria-labelledby="${id}">`,
    `<h2 id="${id}">${esc(`Handlungsfeld ${hf.hf}: ${hf.name}`)}</h2>`,
    angaben(paare),
  ];
  if (hf.ziele.length === 0) teile.push('<p class="hinweis">Für dieses Handlungsfeld sind keine Handlungsziele erfasst.</p>');
  for (const z of hf.ziele) teile.push(zielAbschnitt(ids, z, mitVorjahr));
  teile.push('</section>');
  return teile.join('\n');
}

/** Builds the Umsetzungsbericht page. */
export function umsetzungsberichtHtml(bericht: Umsetzungsbericht, meta: BerichtMeta): string {
  const ids = new Ids();
  const titel = `Umsetzungsbericht ${bericht.berichtsjahr} – Integrationskonzept der Stadt Rheine`;
  const stichtag = bericht.stichtag
    ? datumDeutsch(bericht.stichtag)
    : `${zeitstempel(meta.berechnetAm).slice(0, 10)} (Tag der Erstellung)`;
  const hfIds = bericht.handlungsfelder.map((hf) => `hf-${hf.hf}`);
  const ueberblickTabelle = 'ueberblick-tabelle';

  const inhalt = [
    '<nav aria-labelledby="inhalt">',
    '<h2 id="inhalt">Inhalt</h2>',
    '<ol>',
    '<li><a href="#ueberblick">Überblick nach Handlungsfeldern</a></li>',
    ...bericht.handlungsfelder.map((hf, i) => `<li><a href="#${hfIds[i]}">${esc(`Handlungsfeld ${hf.hf}: ${hf.name}`)}</a></li>`),
    '<li><a href="#standardmassnahmen">Hinweis: Standardmaßnahmen</a></li>',
    '</ol>',
    '</nav>',
  ];

  const ueberblick = [
    '<section aria-labelledby="ueberblick">',
    '<h2 id="ueberblick">Überblick nach Handlungsfeldern</h2>',
    tabelle(ids, {
      titel: 'Überblick: Zielerreichung, Ampel, Umsetzungsquote und Maßnahmen nach Status je Handlungsfeld',
      spalten: UEBERBLICK_SPALTEN,
      zeilen: bericht.handlungsfelder.map((hf) => ({ zellen: [String(hf.hf), esc(hf.name), ...zaehlZellen(hf.kpi)] })),
      zeilenkopf: 1,
      fuss: ['', 'Gesamt', ...zaehlZellen(bericht.gesamt)],
      id: ueberblickTabelle,
    }),
    '<p class="hinweis">Zielerreichung: Mittelwert der Handlungsziele (je Kennzahl auf 0–100 % begrenzt). Umsetzungsquote: umgesetzte Maßnahmen je geplante Maßnahmen ohne entfallene. Standardmaßnahmen sind nicht enthalten (siehe Hinweis am Ende).</p>',
    '<div class="diagramme">',
    zielerreichungDiagramm(ids, bericht, ueberblickTabelle),
    statusDiagramm(ids, bericht, ueberblickTabelle),
    '</div>',
    '</section>',
  ];

  const std = bericht.standardmassnahmen;
  const schluss = [
    '<section aria-labelledby="standardmassnahmen">',
    '<h2 id="standardmassnahmen">Hinweis: Standardmaßnahmen</h2>',
    ...(std.length === 0
      ? ['<p>In der Arbeitsplanung sind keine Standardmaßnahmen gekennzeichnet.</p>']
      : [
          std.length === 1
            ? '<p>Die folgende Standardmaßnahme dient vielen Zielen, wird gesondert berichtet und ist nicht Teil dieses Umsetzungsberichts:</p>'
            : `<p>Die folgenden ${std.length} Standardmaßnahmen dienen vielen Zielen, werden gesondert berichtet und sind nicht Teil dieses Umsetzungsberichts:</p>`,
          '<ul>',
          ...std.map(
            (s) =>
              `<li>${esc(`${s.nr}: ${s.beschreibung}${s.hf !== null ? ` (HF ${s.hf}, Handlungsziel ${s.handlungszielId})` : ''}`)}</li>`,
          ),
          '</ul>',
        ]),
    '</section>',
  ];

  return [
    '<!doctype html>',
    '<html lang="de">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(titel)}</title>`,
    '<meta name="generator" content="Integrationsmonitor">',
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${esc(titel)}</h1>`,
    `<p class="untertitel">${esc(`Berichtsjahr ${bericht.berichtsjahr} · Stichtag der Kennzahlen: ${stichtag}`)}</p>`,
    `<p class="hinweis">${esc(`Erstellt am ${zeitstempel(meta.berechnetAm)} aus „${meta.quelle}“ mit dem Integrationsmonitor.`)}</p>`,
    '</header>',
    ...inhalt,
    ...ueberblick,
    ...bericht.handlungsfelder.map((hf, i) => hfAbschnitt(ids, hf, hfIds[i], bericht.mitVorjahr)),
    ...schluss,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
